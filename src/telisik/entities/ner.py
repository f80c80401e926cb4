"""The project's own Indonesian NER model: load it and tag text with it.

The model (PERSON, ORG, LOC) is trained by ``training/train_ner.py`` and ships
in ``telisik/models/ner-id/``; nothing is downloaded. LOC covers every named
place; the entities stage splits it into GPE, LOC and FAC with the gazetteer.
spaCy is an optional dependency (``pip install 'telisik[nlp]'``), imported only
when the model is first loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import MissingExtra

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner-id"
LABELS = ("PERSON", "ORG", "LOC")
BATCH_SIZE = 256


def load_model(path: str | Path | None = None) -> Language:
    """Load the NER pipeline (cached per path); the shipped model when ``path`` is None.

    Raises:
        MissingExtra: spaCy is not installed.
        FileNotFoundError: there is no model at ``path``.
    """
    return _load(str(Path(path).resolve()) if path is not None else str(MODEL_PATH))


@lru_cache(maxsize=4)
def _load(path: str) -> Language:
    try:
        import spacy
    except ImportError as exc:
        raise MissingExtra("spacy", "nlp") from exc
    if not (Path(path) / "config.cfg").is_file():
        raise FileNotFoundError(
            f"no NER model at {path}: build it with `make train-ner` "
            "(or reinstall telisik, which ships it)"
        )
    # Only the tokenizer, tok2vec and ner run: nothing else is needed for spans.
    nlp = spacy.load(path, exclude=["parser", "tagger", "lemmatizer", "senter"])
    logger.debug("loaded NER model %s from %s", nlp.meta.get("name"), path)
    return nlp


def predict(
    text: str,
    sentences: list[tuple[int, int]] | None = None,
    *,
    nlp: Any = None,
) -> list[tuple[int, int, str]]:
    """Tag ``text``; return ``(start, end, label)`` character spans into ``text``, in order.

    With ``sentences`` (character ``(start, end)`` pairs into ``text``), each
    sentence is tagged on its own in one batch and its spans are shifted back
    to offsets in ``text``; otherwise the whole text is tagged at once. Spans
    never have leading or trailing whitespace. ``nlp`` defaults to the shipped
    model.
    """
    model = nlp if nlp is not None else load_model()
    if sentences is None:
        pieces = [(0, text)]
    else:
        pieces = [(start, text[start:end]) for start, end in sentences if end > start]
    spans: list[tuple[int, int, str]] = []
    docs = model.pipe((piece for _, piece in pieces), batch_size=BATCH_SIZE)
    for (offset, _), doc in zip(pieces, docs, strict=True):
        for ent in doc.ents:
            spans.append((offset + ent.start_char, offset + ent.end_char, ent.label_))
    spans.sort()
    return spans


def predict_many(texts: Iterable[str], *, nlp: Any = None) -> Iterator[list[tuple[int, int, str]]]:
    """Tag many texts in batches; yield each text's ``(start, end, label)`` spans in order.

    Faster than :func:`predict` per text when a stream of documents is tagged,
    since the model then works on batches of ``BATCH_SIZE`` texts.
    """
    model = nlp if nlp is not None else load_model()
    for doc in model.pipe(texts, batch_size=BATCH_SIZE):
        yield [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
