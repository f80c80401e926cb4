"""The two jobs everything else wraps: extract (no database) and ingest (into a store).

Both stream: inputs are read one at a time, run through the pipeline and
handed on, so memory stays flat however large the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Document
from .pipeline import Failure, Pipeline
from .read import read_paths
from .settings import Settings, load_settings
from .store import PutResult, Store


def extract(
    paths: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Document | Failure]:
    """Read and process every input; failures are yielded, never raised."""
    settings = settings or load_settings()
    pipeline = pipeline or Pipeline(settings)
    return pipeline.stream(read_paths(paths, settings=settings))


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[PutResult | Failure]:
    """Extract every input and write each article in its own transaction.

    Each stored article also gets its near-duplicate signature; once the
    stream is exhausted, near-duplicate groups and story clusters are
    recomputed from the stored signatures (see :mod:`telisik.stories`), quotes
    are grouped across articles (see :mod:`telisik.quotes`), entities
    are resolved across articles (see :mod:`telisik.entities.kb`), then
    the events knowledge base is rebuilt with the analysts' corrections
    (see :mod:`telisik.eventkb`).
    """
    from .entities.kb import refresh_entities
    from .eventkb import refresh_kb
    from .quotes import refresh_quotes
    from .stories import index_document, keep_inherited_date, refresh_stories

    for item in extract(paths, settings=settings, pipeline=pipeline):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            doc = keep_inherited_date(store, item)
            result = store.put(doc)
            if result.status in ("inserted", "updated", "replaced"):
                index_document(store, doc)
            yield result
        except Exception as exc:  # one bad write must not stop the run
            yield Failure(item.source, f"{item.source}: could not store: {exc}")
    refresh_stories(store)
    refresh_quotes(store)
    refresh_entities(store)
    refresh_kb(store)
