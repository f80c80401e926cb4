"""The pipeline: named stages, each a plain ``Document -> Document`` function.

Stages register themselves with :func:`stage`; a :class:`Pipeline` runs the
ones named in the settings, in order, over one document or a stream.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .errors import TelisikError
from .model import Document
from .settings import Settings, load_settings

logger = logging.getLogger(__name__)

StageFn = Callable[..., Document]

_REGISTRY: dict[str, StageFn] = {}

# Where each built-in stage lives, so a pipeline imports only what it runs.
_BUILTIN = {
    "clean": "telisik.clean",
    "segment": "telisik.segment",
    "time": "telisik.time",
    "quantities": "telisik.quantities",
    "entities": "telisik.entities",
    "quotes": "telisik.quotes",
    "events": "telisik.events",
}


def stage(name: str) -> Callable[[StageFn], StageFn]:
    """Register ``fn(doc, *, settings) -> Document`` as the stage ``name``."""

    def register(fn: StageFn) -> StageFn:
        _REGISTRY[name] = fn
        return fn

    return register


def get_stage(name: str) -> StageFn:
    if name not in _REGISTRY and name in _BUILTIN:
        importlib.import_module(_BUILTIN[name])
    try:
        return _REGISTRY[name]
    except KeyError:
        known = sorted(set(_REGISTRY) | set(_BUILTIN))
        raise TelisikError(
            f"unknown pipeline stage {name!r}; known stages: {', '.join(known)}"
        ) from None


@dataclass(frozen=True, slots=True)
class Failure:
    """An input or document that could not be processed; the stream goes on without it.

    ``message`` is the whole one-line error and starts with the input's name.
    """

    source: str
    message: str


class Pipeline:
    """Ordered stages built from the settings (``[pipeline] stages``)."""

    def __init__(self, settings: Settings | None = None, stages: Iterable[str] | None = None):
        self.settings = settings or load_settings()
        self.names = tuple(stages if stages is not None else self.settings.pipeline.stages)
        self.stages = [(name, get_stage(name)) for name in self.names]

    def __call__(self, doc: Document) -> Document:
        for _name, fn in self.stages:
            doc = fn(doc, settings=self.settings)
        return doc

    def stream(self, docs: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
        """Run every document; failures pass through, errors in one never stop the rest."""
        for doc in docs:
            if isinstance(doc, Failure):
                yield doc
                continue
            try:
                yield self(doc)
            except TelisikError as exc:
                yield Failure(doc.source, f"{doc.source}: {exc}")
            except Exception as exc:  # a bug in a stage must not end a long run
                logger.exception("stage failed on %s", doc.source)
                yield Failure(
                    doc.source, f"{doc.source}: internal error: {type(exc).__name__}: {exc}"
                )
