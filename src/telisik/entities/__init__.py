"""Entities stage: NER, gazetteer, canonicalisation and resolution.

``entities(doc)`` fills ``Document.entities``: PERSON, ORG, GPE, LOC, FAC and
WEAPON, each with a canonical name, English name, aliases, roles and every
mention. The project's NER model (``telisik[nlp]``) finds names; without
spaCy or the model the stage falls back to the gazetteer and capitalisation
rules, and says so once in the log.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import Any

from ..model import Document, Entity
from ..pipeline import stage
from ..segment import segment_text
from ..settings import Settings
from .detect import detect, load_words, needs_ner, sentence_tokens
from .gazetteer import Entry, Gazetteer, load_gazetteer, load_weapons
from .resolve import resolve

__all__ = ["Entry", "Gazetteer", "entities", "extract_entities", "load_gazetteer"]

logger = logging.getLogger(__name__)

_NO_MODEL = object()
_model: Any = None


def _tagger() -> Callable[[str, list[tuple[int, int]]], list[tuple[int, int, str]]] | None:
    """The NER model's ``predict``, or None (logged once) when it cannot be loaded."""
    global _model
    if _model is None:
        try:
            from . import ner

            _model = ner.load_model()
        except Exception as exc:  # MissingExtra, no model files, a broken model
            logger.warning(
                "NER model unavailable (%s); entities from gazetteer and rules only", exc
            )
            _model = _NO_MODEL
    if _model is _NO_MODEL:
        return None
    from .ner import predict

    model = _model
    return lambda text, sentences: predict(text, sentences, nlp=model)


def extract_entities(
    text: str,
    sentences: list[tuple[int, int]] | None = None,
    *,
    use_ner: bool = True,
    lang: str = "id",
) -> tuple[Entity, ...]:
    """Entities of ``text``; ``sentences`` are (start, end) offsets (segmented if None)."""
    if sentences is None:
        sentences = [(s.start, s.end) for s in segment_text(text, with_tokens=False)]
    tagger = _tagger() if use_ner else None
    words = load_words(lang)
    tokens = sentence_tokens(text, sentences)
    spans = None
    if tagger is not None:
        # Only sentences whose labels can matter go through the model (its main cost).
        tagged = [s for s, toks in zip(sentences, tokens, strict=True) if needs_ner(toks, words)]
        spans = tagger(text, tagged) if tagged else []
    gazetteer = load_gazetteer(lang)
    candidates = detect(text, sentences, spans, gazetteer, load_weapons(lang), words, tokens=tokens)
    return resolve(candidates, gazetteer, text)


@stage("entities")
def entities(doc: Document, *, settings: Settings | None = None, use_ner: bool = True) -> Document:
    """Set ``entities`` on a segmented document (segments it first if needed)."""
    if not doc.text:
        return doc
    sentences = [(s.start, s.end) for s in doc.sentences] or None
    lang = "id"  # the only language with lexicons so far; others use the same rules
    found = extract_entities(doc.text, sentences, use_ner=use_ner, lang=lang)
    return dataclasses.replace(doc, entities=found)
