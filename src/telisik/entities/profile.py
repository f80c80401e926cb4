"""Entity listings and profiles over a store, through the :class:`Store` contract only.

With the store's cross-article entities (:mod:`telisik.entities.kb`), every
article-level entity is counted under the knowledge-base entity it belongs to,
so spelling variants and analyst merges show as one entity with all their
aliases. Without them (a store not refreshed yet), entities are keyed by their
article-level id: the gazetteer's id for known entities, else the slug of the
name. Documents are read once each (flat memory per document).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..model import Document, Entity
from .kb import KbEntity

KbMap = Mapping[tuple[str, int], KbEntity]


@dataclass
class EntitySummary:
    """One entity across the corpus."""

    id: str
    name: str
    type: str
    en: str | None = None
    articles: int = 0
    mentions: int = 0
    types: Counter[str] = field(default_factory=Counter)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    fixed_type: bool = False  # the knowledge base decided the type
    seen: set[str] = field(default_factory=set, repr=False)


@dataclass
class Appearance:
    article: str
    title: str | None
    source: str
    sentence: str
    start: int
    end: int


@dataclass
class EntityProfile:
    summary: EntitySummary
    appearances: list[Appearance]
    cooccurring: list[tuple[str, str, int]]  # (id, name, articles in common)


def kb_map(entities: Iterable[KbEntity]) -> dict[tuple[str, int], KbEntity]:
    """(article id, entity seq) -> the knowledge-base entity it belongs to."""
    return {(m.article, m.seq): e for e in entities for m in e.members}


def _head(doc: Document, n: int, e: Entity, kb: KbMap | None) -> EntitySummary:
    """A fresh summary for the entity that ``e`` (the ``n``-th of ``doc``) belongs to."""
    k = kb.get((doc.id, n)) if kb else None
    if k is not None:
        return EntitySummary(k.id, k.name, k.type, k.en, fixed_type=True)
    return EntitySummary(e.id, e.name, e.type, e.en)


def _id(doc: Document, n: int, e: Entity, kb: KbMap | None) -> str:
    k = kb.get((doc.id, n)) if kb else None
    return k.id if k is not None else e.id


def _add(summary: EntitySummary, doc: Document, e: Entity) -> None:
    if doc.id not in summary.seen:
        summary.seen.add(doc.id)
        summary.articles += 1
    summary.mentions += len(e.mentions)
    summary.types[e.type] += 1
    for a in (e.name, *e.aliases):
        if a != summary.name and a not in summary.aliases:
            summary.aliases.append(a)
    for r in e.roles:
        if r not in summary.roles:
            summary.roles.append(r)


def _settle_type(s: EntitySummary) -> None:
    if not s.fixed_type and s.types:
        s.type = s.types.most_common(1)[0][0]


def summarise(
    docs: Iterable[Document], *, type: str | None = None, kb: KbMap | None = None
) -> list[EntitySummary]:
    """Every entity in ``docs``, most articles first (then most mentions)."""
    out: dict[str, EntitySummary] = {}
    for doc in docs:
        for n, e in enumerate(doc.entities):
            key = _id(doc, n, e, kb)
            s = out.get(key)
            if s is None:
                s = out[key] = _head(doc, n, e, kb)
            _add(s, doc, e)
    for s in out.values():
        _settle_type(s)
    rows = [s for s in out.values() if type is None or s.type == type]
    rows.sort(key=lambda s: (-s.articles, -s.mentions, s.name))
    return rows


def _matches(e: Entity, wanted: str) -> bool:
    w = wanted.casefold()
    return e.id == w or any(a.casefold() == w for a in (e.name, e.en or "", *e.aliases))


def profile(
    docs: Iterable[Document], name: str, *, kb: KbMap | None = None, target: str | None = None
) -> EntityProfile | None:
    """Aliases, roles, sentences and co-occurring entities of one entity.

    ``target`` is a knowledge-base entity id (with ``kb``); without it the
    entity is the first one called ``name`` (id, name or alias).
    """
    summary: EntitySummary | None = None
    wanted_id: str | None = target
    appearances: list[Appearance] = []
    together: Counter[str] = Counter()
    names: dict[str, str] = {}
    for doc in docs:
        ids = [_id(doc, n, e, kb) for n, e in enumerate(doc.entities)]
        if wanted_id is None:
            first = next(
                (i for i, e in zip(ids, doc.entities, strict=True) if _matches(e, name)), None
            )
            if first is None:
                continue
            wanted_id = first
        hits = [n for n, i in enumerate(ids) if i == wanted_id]
        if not hits:
            continue
        if summary is None:
            summary = _head(doc, hits[0], doc.entities[hits[0]], kb)
        spans: set[tuple[int, int]] = set()
        for n in hits:
            hit = doc.entities[n]
            _add(summary, doc, hit)
            spans |= {_sentence(doc, m.start) for m in hit.mentions}
        for start, end in sorted(spans):
            appearances.append(
                Appearance(doc.id, doc.title, doc.source, doc.text[start:end], start, end)
            )
        for n, e in enumerate(doc.entities):
            if ids[n] != wanted_id and ids[n] not in names:
                names[ids[n]] = kb[(doc.id, n)].name if kb and (doc.id, n) in kb else e.name
        for other in set(ids) - {wanted_id}:
            together[other] += 1
    if summary is None:
        return None
    _settle_type(summary)
    co = [(i, names[i], k) for i, k in together.most_common()]
    return EntityProfile(summary, appearances, co)


def _sentence(doc: Document, pos: int) -> tuple[int, int]:
    for s in doc.sentences:
        if s.start <= pos < s.end:
            return s.start, s.end
    return max(0, pos - 80), min(len(doc.text), pos + 80)
