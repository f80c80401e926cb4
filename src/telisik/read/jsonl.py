"""JSON Lines (one article object per line, streamed) and JSON (one object or a list).

An article object has ``text`` (plain text) or ``html`` (a page, main text
extracted), and optionally ``title``, ``url``, ``published``, ``outlet`` and
``authors`` (a string "A; B" or a list). Other keys, ``id`` included, are
ignored: the document id always comes from the text.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import IO, Any

from ..errors import EmptyInput, InputError, MalformedInput
from ..model import Document
from ..pipeline import Failure
from .common import clean_field, make_document, one_line, size_text
from .decode import decode
from .html import html_document

logger = logging.getLogger(__name__)

_META_KEYS = ("title", "url", "published", "outlet", "authors")
_TYPE_NAMES = {
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true/false",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


def iter_jsonl(
    stream: IO[bytes], source: str, *, max_line_bytes: int
) -> Iterator[Document | Failure]:
    """Documents from a JSON Lines stream, line by line; a bad line is a Failure for it alone."""
    for number, line in enumerate(_lines(stream, max_line_bytes), start=1):
        where = f"{source}:{number}"
        if line is None:
            limit = size_text(max_line_bytes)
            yield Failure(
                where,
                f"{where}: line is over the {limit} limit "
                "(raise [read] max_input_bytes in a settings file to read it)",
            )
            continue
        if not line.strip():
            continue
        try:
            text = _line_text(line, where, first=number == 1)
            yield record_document(parse_json(text, where), where)
        except InputError as exc:
            yield Failure(where, one_line(str(exc)))


def iter_json(data: bytes, source: str) -> Iterator[Document | Failure]:
    """Documents from a JSON file holding one article object or a list of them."""
    value = parse_json(decode(data, source), source, lines=True)
    if isinstance(value, dict):
        yield record_document(value, source)
        return
    if not isinstance(value, list):
        raise MalformedInput(
            source, f"expected a JSON object or a list of objects, got {_type_name(value)}"
        )
    if not value:
        raise EmptyInput(source, "an empty JSON list (no articles)")
    for number, item in enumerate(value, start=1):
        where = f"{source}#{number}"
        try:
            yield record_document(item, where)
        except InputError as exc:
            yield Failure(where, one_line(str(exc)))


def parse_json(text: str, source: str, *, lines: bool = False) -> Any:
    """``json.loads`` with a MalformedInput naming the position of the error."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if lines else f"column {exc.colno}"
        raise MalformedInput(source, f"malformed JSON ({exc.msg} at {where})") from None


def record_document(record: Any, source: str) -> Document:
    """A Document from one article object; raises InputError when it has no usable text."""
    if not isinstance(record, dict):
        raise MalformedInput(source, f"expected a JSON object, got {_type_name(record)}")
    meta: dict[str, Any] = {key: record.get(key) for key in _META_KEYS}
    text, html = record.get("text"), record.get("html")
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise MalformedInput(source, f'"{key}" must be a string, got {_type_name(value)}')
    if text and text.strip():
        return make_document(text, source, **meta)
    if html and html.strip():
        return html_document(html, source, base_url=clean_field(meta["url"]), **meta)
    if text is not None or html is not None:
        raise EmptyInput(source, f'"{"text" if text is not None else "html"}" is empty')
    keys = ", ".join(sorted(map(str, record))) or "none"
    raise MalformedInput(source, f'no "text" or "html" field (keys: {keys})')


def _lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The stream's lines, or None for a line over ``limit`` (skipped, never held in memory)."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _line_text(line: bytes, where: str, *, first: bool) -> str:
    """A line as text: UTF-8 as JSON Lines requires, else whatever encoding fits the line."""
    if first:
        line = line.removeprefix(b"\xef\xbb\xbf")
    line = line.rstrip(b"\r\n")
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        logger.debug("%s is not UTF-8; guessing its encoding", where)
        return decode(line, where)


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)
