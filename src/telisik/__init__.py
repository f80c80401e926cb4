"""telisik: Indonesian news into an evidence-linked knowledge base."""

from __future__ import annotations

import logging

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
from .settings import Settings, load_settings

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
    "Quantity",
    "Quote",
    "Removal",
    "Sentence",
    "Settings",
    "Span",
    "Story",
    "TimeExpr",
    "Token",
    "__version__",
    "load_settings",
    "stage",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
