"""Plain text as scraped: the whole input is one article's raw text."""

from __future__ import annotations

import logging

from ..model import Document
from .common import make_document
from .decode import decode

logger = logging.getLogger(__name__)


def read_text(data: bytes, source: str) -> list[Document]:
    """One Document whose ``raw`` is the decoded text (furniture is the cleaner's job)."""
    text = decode(data, source)
    logger.debug("read %s as text (%d characters)", source, len(text))
    return [make_document(text, source)]
