"""Which reader an input needs: by file name first, else by sniffing its first bytes.

Rules (the first that matches wins):

* name: ``.html``/``.htm``/``.xhtml`` -> html; ``.jsonl``/``.ndjson`` -> jsonl;
  ``.json`` -> json; ``.xml``/``.rss``/``.atom`` -> feed; ``.warc`` -> warc.
  A trailing ``.gz`` is looked through (``x.jsonl.gz`` is jsonl). ``.txt`` and
  other names are sniffed, so an HTML page saved as ``.txt`` is still read as HTML.
* content: ``WARC/`` -> warc; a first element ``<rss``, ``<feed`` or ``<rdf:RDF``
  -> feed; ``<!doctype html`` or ``<html`` -> html; ``{"`` with the first line
  a whole JSON object -> jsonl; ``{"`` or ``[{`` -> json; ``<body``/``<p``/
  ``<div``/... tags -> html; anything else -> text.
"""

from __future__ import annotations

import json
import re
from typing import Final, Literal, get_args

from .decode import bom_encoding

Kind = Literal["text", "html", "jsonl", "json", "feed", "warc"]
KINDS: Final[tuple[str, ...]] = get_args(Kind)

#: Kinds read record by record, so a big file is fine (the size limit is per record).
STREAMED: Final[frozenset[str]] = frozenset({"jsonl", "warc"})

_BY_SUFFIX: Final[dict[str, Kind]] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".arc": "warc",
}

GZIP_MAGIC: Final = b"\x1f\x8b"

# XML declaration, comments, doctype and processing instructions before the first element.
_PROLOG = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!(?!--)[^>]*>)*", re.S)
_FIRST_TAG = re.compile(r"<([A-Za-z][\w:.-]*)")
_HTML_TAGS = re.compile(
    r"<(?:body|p|div|article|section|main|br|h[1-6]|head|meta|title|span|a|ul|table)\b", re.I
)
_FEED_ROOTS: Final = frozenset({"rss", "feed", "rdf:rdf"})


def kind_from_name(name: str) -> Kind | None:
    """The kind a file name announces, or None when the content must be sniffed."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    dot = lower.rfind(".")
    return _BY_SUFFIX.get(lower[dot:]) if dot >= 0 else None


def is_gzip(head: bytes) -> bool:
    """True for gzip-compressed input (read through transparently)."""
    return head.startswith(GZIP_MAGIC)


def head_text(head: bytes) -> str:
    """The first bytes as text, good enough to sniff (never raises)."""
    encoding = bom_encoding(head) or "utf-8"
    return head.decode(encoding, errors="replace").lstrip("\ufeff")


def sniff(head: bytes) -> Kind:
    """Guess the kind from the first bytes of an input (see the module docstring)."""
    text = head_text(head).lstrip()
    if text.startswith("WARC/"):
        return "warc"
    if text.startswith("<"):
        prolog = _PROLOG.match(text)
        first = _FIRST_TAG.match(text, prolog.end() if prolog else 0)
        if first and first.group(1).lower() in _FEED_ROOTS:
            return "feed"
    if text[:14].lower().startswith(("<!doctype html", "<html")):
        return "html"
    if re.match(r'\{\s*"', text):
        return "jsonl" if _first_line_is_object(text) else "json"
    if re.match(r"\[\s*(?:\{|\])", text):
        return "json"
    if _HTML_TAGS.search(text):
        return "html"
    return "text"


def _first_line_is_object(text: str) -> bool:
    """True when the first line alone is a JSON object (JSON Lines), or is longer than the head."""
    if "\n" not in text:
        return True  # one compact object, or a first record longer than the sniffed head
    line = text.split("\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
