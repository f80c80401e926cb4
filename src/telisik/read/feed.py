"""RSS and Atom feeds: one Document per entry, the feed's title as the outlet.

An entry's text is its full content (``content:encoded`` or Atom ``content``)
when the feed carries it, else its summary; HTML in it becomes plain text with
paragraphs as blank lines.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

from ..errors import BinaryInput, EmptyInput, MalformedInput
from ..model import Document
from ..pipeline import Failure
from .common import make_document, one_line
from .decode import binary_reason
from .html import fragment_text

logger = logging.getLogger(__name__)


def iter_feed(data: bytes, source: str) -> Iterator[Document | Failure]:
    """Documents from a feed's bytes; an entry without text is a Failure named ``source#N``."""
    import feedparser

    reason = binary_reason(data)
    if reason:
        raise BinaryInput(source, reason)
    # A file object, never a string: feedparser fetches strings that look like URLs.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    texts = [entry_text(entry) for entry in entries]
    if parsed.get("bozo"):
        error = one_line(str(parsed.get("bozo_exception")))
        if not any(texts):
            raise MalformedInput(source, f"not a well-formed RSS/Atom feed ({error})")
        logger.warning("%s: feed is not well-formed (%s); reading its entries", source, error)
    if not entries:
        if not parsed.get("version"):
            raise MalformedInput(source, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF>)")
        raise EmptyInput(source, "a feed with no entries")
    outlet = parsed.get("feed", {}).get("title")
    # RSS 1.0 and many RSS 2.0 feeds date items with dc:date, which feedparser files
    # under "updated"; in Atom "updated" is a later edit, so it is only a hint there.
    dc_date_is_published = not str(parsed.get("version", "")).startswith("atom")
    for number, (entry, text) in enumerate(zip(entries, texts, strict=True), start=1):
        where = f"{source}#{number}"
        if not text:
            yield Failure(where, f"{where}: feed entry with no content or summary")
            continue
        published = entry.get("published")
        if not published and dc_date_is_published:
            published = entry.get("updated")
        yield make_document(
            text,
            where,
            title=entry.get("title"),
            outlet=outlet,
            url=entry.get("link"),
            published=published,
            authors=entry.get("authors") or entry.get("author"),
            hints=[] if published else [entry.get("updated") or ""],
        )


def entry_text(entry: Any) -> str:
    """The entry's fullest text: content (content:encoded, Atom content), else summary."""
    for content in entry.get("content") or []:
        text = _as_text(content.get("value"), content.get("type"))
        if text:
            return text
    detail = entry.get("summary_detail") or {}
    return _as_text(entry.get("summary"), detail.get("type"))


def _as_text(value: Any, mime: Any) -> str:
    """Plain text of one content value, converting HTML unless it is declared text/plain."""
    if not isinstance(value, str) or not value.strip():
        return ""
    if mime == "text/plain":
        return value.strip()
    return fragment_text(value)
