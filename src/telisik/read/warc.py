"""WARC (and ARC) web archives, as news crawls produce them: one Document per HTML page.

Needs the optional ``warcio`` package (``pip install 'telisik[warc]'``). Records
are streamed; only successful HTML responses are read, everything else
(requests, images, scripts, redirects) is skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO, Any

from ..errors import InputError, MalformedInput, MissingExtra
from ..model import Document
from ..pipeline import Failure
from .common import one_line, too_large
from .html import decode_html, html_document

logger = logging.getLogger(__name__)

_PAGE_RECORDS = frozenset({"response", "resource"})


def iter_warc(
    stream: IO[bytes], source: str, *, max_record_bytes: int
) -> Iterator[Document | Failure]:
    """Documents from the HTML responses of a WARC stream (gzip or not), named ``source#N``."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise MissingExtra("warcio", "warc") from None
    try:
        for number, record in enumerate(ArchiveIterator(stream, arc2warc=True), start=1):
            if not _is_html_page(record):
                continue
            where = f"{source}#{number}"
            payload = record.content_stream().read(max_record_bytes + 1)
            if len(payload) > max_record_bytes:
                yield Failure(where, str(too_large(where, None, max_record_bytes)))
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                yield html_document(decode_html(payload, where), where, base_url=url)
            except InputError as exc:
                yield Failure(where, one_line(str(exc)))
    except ArchiveLoadFailed as exc:
        raise MalformedInput(source, f"not a valid WARC file ({one_line(str(exc))})") from None


def _is_html_page(record: Any) -> bool:
    """A successful HTML response or resource record."""
    if record.rec_type not in _PAGE_RECORDS:
        return False
    headers = record.http_headers
    if headers is not None:
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return "html" in content_type.lower()
