"""What every reader shares: building a Document, dates and authors from metadata."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterable
from typing import Any

from ..errors import EmptyInput, InputTooLarge
from ..model import Document, PublishedDate, document_id

# "2024-06-19", "2024-06-19T08:15:00+07:00", "2024/06/19 10:00:00" (detik, CNN Indonesia).
_YMD = re.compile(r"\s*(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?=$|[T\s_,])")
_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?=$|T)")
_YM = re.compile(r"\s*(\d{4})-(\d{2})\s*$")
_Y = re.compile(r"\s*(\d{4})\s*$")
_NEWLINES = re.compile(r"\r\n?")


def normalise_newlines(text: str) -> str:
    """Unix line breaks and no BOM, so every later stage sees one form of paragraph break."""
    return _NEWLINES.sub("\n", text).lstrip("\ufeff")


def one_line(message: str) -> str:
    """Collapse a message to one line: failures are printed one per line."""
    return " ".join(message.split())


def parse_published(value: str) -> PublishedDate | None:
    """A machine-readable date string to an explicit PublishedDate (date part only), else None.

    The date is kept as the publisher wrote it, not moved to UTC: "2024-06-19T23:30+07:00"
    is the 19th in Jakarta, which is what the article's relative dates refer to.
    """
    ymd = _YMD.match(value)
    match = _COMPACT.match(value)
    parts = (ymd.group(1), ymd.group(3), ymd.group(4)) if ymd else match.groups() if match else ()
    if parts:
        year, month, day = (int(p) for p in parts)
        try:
            return _explicit(dt.date(year, month, day).isoformat(), "day")
        except ValueError:
            return None
    match = _YM.match(value)
    if match and 1 <= int(match.group(2)) <= 12:
        return _explicit(f"{match.group(1)}-{match.group(2)}", "month")
    match = _Y.match(value)
    if match:
        return _explicit(match.group(1), "year")
    try:  # RFC 822 / 2822, as in RSS pubDate: "Wed, 19 Jun 2024 10:00:00 +0700"
        return _explicit(email.utils.parsedate_to_datetime(value).date().isoformat(), "day")
    except (TypeError, ValueError, IndexError):
        return None


def _explicit(value: str, precision: Any) -> PublishedDate:
    return PublishedDate(value=value, precision=precision, basis="explicit")


def split_authors(value: Any) -> tuple[str, ...]:
    """Authors from a string ("A; B"), a list of strings, or a list of {"name": ...} objects."""
    items: Iterable[Any]
    if value is None:
        return ()
    if isinstance(value, str):
        items = value.split(";")
    elif isinstance(value, dict):
        items = [value]
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        return ()
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str):
            name = " ".join(name.split())
            if name and name not in names:
                names.append(name)
    return tuple(names)


def clean_field(value: Any) -> str | None:
    """A metadata string with whitespace collapsed, or None when absent or empty."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = " ".join(str(value).split())
    return text or None


def make_document(
    raw: str,
    source: str,
    *,
    title: Any = None,
    outlet: Any = None,
    url: Any = None,
    published: Any = None,
    authors: Any = None,
    hints: Iterable[str] = (),
) -> Document:
    """One Document from a main text and whatever metadata the input carried.

    ``published`` is a date string (or None): parsed into an explicit date, or
    kept in ``date_hints`` when it cannot be parsed.
    """
    raw = normalise_newlines(raw)
    if not raw.strip():
        raise EmptyInput(source, "no text (empty or only whitespace)")
    date = PublishedDate()
    date_hints = [h for h in (clean_field(x) for x in hints) if h]
    stated = clean_field(published)
    if stated:
        parsed = parse_published(stated)
        if parsed:
            date = parsed
        else:
            date_hints.insert(0, stated)
    return Document(
        id=document_id(raw),
        source=source,
        raw=raw,
        title=clean_field(title),
        outlet=clean_field(outlet),
        url=clean_field(url),
        published=date,
        date_hints=tuple(dict.fromkeys(date_hints)),
        authors=split_authors(authors),
    )


def too_large(source: str, size: int | None, limit: int) -> InputTooLarge:
    """The InputTooLarge error, saying the size, the limit and the setting that raises it."""
    if size is None:
        what = "the input"
    else:
        what = size_text(size) + (f" ({size} bytes)" if size >= 1000 else "")
    return InputTooLarge(
        source,
        f"{what} is over the {size_text(limit)} limit; raise [read] max_input_bytes in a "
        "settings file (or split the input: JSON Lines files are read line by line)",
    )


def size_text(size: int) -> str:
    """A byte count for people: "400 bytes", "12.5 KB", "50.0 MB"."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.1f} KB"
    return f"{size / 1_000_000:.1f} MB"
