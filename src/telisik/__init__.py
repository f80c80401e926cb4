"""telisik: Indonesian news into an evidence-linked knowledge base."""

from __future__ import annotations

import logging

from .core import extract, ingest
from .model import (
    CONTRACT_VERSION,
    Document,
    Entity,
    Event,
    EventDate,
    Mention,
    PublishedDate,
    Quantity,
    Quote,
    Removal,
    Sentence,
    Span,
    Story,
    TimeExpr,
    Token,
)
from .pipeline import Failure, Pipeline, stage
from .read import read_bytes, read_paths
from .settings import Settings, load_settings
from .store import PutResult, Store, open_store

__version__ = "0.1.0"

__all__ = [
    "CONTRACT_VERSION",
    "Document",
    "Entity",
    "Event",
    "EventDate",
    "Failure",
    "Mention",
    "Pipeline",
    "PublishedDate",
    "PutResult",
    "Quantity",
    "Quote",
    "Removal",
    "Sentence",
    "Settings",
    "Span",
    "Store",
    "Story",
    "TimeExpr",
    "Token",
    "__version__",
    "extract",
    "ingest",
    "load_settings",
    "open_store",
    "read_bytes",
    "read_paths",
    "stage",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
