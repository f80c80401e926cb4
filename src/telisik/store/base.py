"""The store contract: what every backend (SQLite today, PostgreSQL later) promises.

A store keeps documents, their children (sentences, entities, quotes, …) and
stories. Backends differ in how, never in what: one contract test
(``tests/test_store.py``) runs over all of them, so callers never ask which
backend they hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Literal, Protocol, Self, runtime_checkable

from ..model import Document, Story

if TYPE_CHECKING:
    from ..entities.kb import EntityCorrection, EntityRef, KbEntity
    from ..eventkb import Correction, EventMention, KbEvent
    from ..quotes import QuoteGroup, QuoteRecord
    from ..stories import Signature

PutStatus = Literal["inserted", "unchanged", "updated", "replaced", "duplicate", "failed"]


@dataclass(frozen=True, slots=True)
class PutResult:
    """What :meth:`Store.put` did with one document.

    ``replaced`` names the id of the older version of the article that was
    deleted (status ``"replaced"``); ``error`` says why a document of a
    :meth:`Store.put_many` stream was not stored (status ``"failed"``).
    """

    id: str
    status: PutStatus
    source: str = ""
    replaced: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match: ``snippet`` marks matched terms as ``[term]``.

    ``rank`` is the BM25 score as the backend computes it: lower is better,
    comparable only within one result list.
    """

    id: str
    title: str | None
    source: str
    snippet: str
    rank: float


def source_key(doc: Document) -> str | None:
    """The key that makes two ids versions of one article: the URL, else the source.

    An empty source has no key, so such documents never replace each other.
    """
    return doc.url or doc.source or None


@runtime_checkable
class Store(Protocol):
    """A telisik knowledge base. Every method may raise :class:`~telisik.errors.StoreError`.

    Writes are atomic per article: a failing :meth:`put` leaves everything stored
    exactly as it was. One process writes at a time; readers in other processes
    may open the same store while it is being written.
    """

    def put(self, doc: Document) -> PutResult:
        """Store ``doc`` and all its children in one transaction.

        - ``"inserted"``: the id and its source key were new.
        - ``"unchanged"``: the same id with the same content is already stored;
          nothing is written (re-ingesting a corpus is cheap and idempotent).
        - ``"updated"``: the id exists, from the same ``source``, but its
          extraction changed (a newer pipeline); the row and its children are
          rewritten in place, stories keep it.
        - ``"duplicate"``: the id exists from another ``source``: the same text
          reached us twice (an AMP page, a second crawl, a verbatim copy). The
          first copy stays and nothing is written, so re-ingesting a corpus with
          copies stays idempotent instead of flipping between them.
        - ``"replaced"``: the id is new but another id has the same source key
          (:func:`source_key`): an edited version of an article. The old one and
          all its children are deleted in the same transaction.

        Token offsets are not stored: documents come back with ``tokens=()``.
        Raises StoreError (nothing changed) if the document cannot be written.
        """
        ...

    def put_many(self, docs: Iterable[Document]) -> Iterator[PutResult]:
        """Store a stream lazily, one transaction per document.

        A document that cannot be stored yields status ``"failed"`` with the
        reason and the stream goes on; a store that cannot be written at all
        (locked, disk full, read-only) raises StoreError.
        """
        ...

    def get(self, id: str) -> Document | None:
        """The stored document (tokens stripped), or None if the id is unknown."""
        ...

    def find(self, prefix: str) -> list[str]:
        """Ids starting with ``prefix`` (at least 4 hex characters), sorted."""
        ...

    def documents(self) -> Iterator[Document]:
        """Every stored document in insertion order, read in pages (flat memory)."""
        ...

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts, best first.

        The backend's query syntax is passed through (FTS5: ``putin AND kim``,
        ``"peluru artileri"``, ``title:korea``); a query it rejects is retried
        as one quoted phrase instead of raising. Matching ignores case and
        diacritics.
        """
        ...

    def stats(self) -> dict[str, int]:
        """Row count per table, always with the same keys in the same order."""
        ...

    def delete(self, id: str) -> bool:
        """Delete an article with all its children and story memberships.

        Returns False if the id was not stored.
        """
        ...

    def put_story(self, story: Story) -> None:
        """Insert or replace a story and its member list (members must be stored)."""
        ...

    def stories(self, *, article: str | None = None) -> list[Story]:
        """Stored stories, or only those that contain ``article``, sorted by id."""
        ...

    def replace_stories(self, stories: Iterable[Story]) -> None:
        """Replace every stored story by ``stories`` in one transaction (a regrouping)."""
        ...

    def put_signature(self, id: str, signature: Signature) -> None:
        """Keep the near-duplicate signature of a stored article (replacing an older one)."""
        ...

    def signatures(self) -> Iterator[tuple[str, Signature]]:
        """(article id, signature) of the current signature version, read in pages."""
        ...

    def missing_signatures(self) -> list[str]:
        """Ids of stored articles without a current signature (to compute them now)."""
        ...

    def entity_refs(self) -> Iterator[EntityRef]:
        """Every stored article-level entity (article id, seq, id, name, type, en, aliases)."""
        ...

    def replace_entity_kb(self, entities: Iterable[KbEntity]) -> None:
        """Replace every cross-article entity and its members in one transaction."""
        ...

    def entity_kb(self) -> list[KbEntity]:
        """The stored cross-article entities with their members, sorted by id."""
        ...

    def add_entity_correction(self, action: str, args: dict[str, str]) -> int:
        """Keep an analyst's entity correction (merge, split, rename); returns its seq."""
        ...

    def entity_corrections(self) -> list[EntityCorrection]:
        """Every stored entity correction, oldest first."""
        ...

    def event_mentions(self) -> Iterator[EventMention]:
        """Every stored article event with its article's id, date, URL and outlet."""
        ...

    def replace_kb_events(self, events: Iterable[KbEvent]) -> None:
        """Replace the whole events knowledge base (merged events, their mentions) at once."""
        ...

    def kb_events(self) -> list[KbEvent]:
        """The merged events by id, each with its mentions and their evidence text."""
        ...

    def add_event_correction(self, correction: Correction) -> int:
        """Keep an analyst's correction of the knowledge base; returns its number."""
        ...

    def event_corrections(self) -> list[Correction]:
        """Every kept correction, oldest first (the order they are re-applied in)."""
        ...

    def quote_records(self) -> Iterator[QuoteRecord]:
        """Every stored quote with its article's id, date, outlet, title and source."""
        ...

    def replace_quote_groups(self, groups: Iterable[QuoteGroup]) -> None:
        """Replace every quote group (one quote, several articles) in one transaction."""
        ...

    def quote_groups(self) -> list[QuoteGroup]:
        """The stored quote groups with their sources, sorted by id."""
        ...

    def entity_names(self) -> dict[str, str]:
        """Entity id -> the name most articles give it."""
        ...

    def close(self) -> None:
        """Release the connection; closing twice is fine, using it afterwards is not."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
