"""Entity listings and profiles over a store, through the :class:`Store` contract only.

Entities are keyed by their id, which is the gazetteer's id for known
entities (stable across articles) or the slug of the canonical name. This
reads every stored document once (flat memory per document); a registry table
in the store can replace it when corpora grow.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Document, Entity


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


def _add(summary: EntitySummary, e: Entity) -> None:
    summary.articles += 1
    summary.mentions += len(e.mentions)
    summary.types[e.type] += 1
    for a in (e.name, *e.aliases):
        if a != summary.name and a not in summary.aliases:
            summary.aliases.append(a)
    for r in e.roles:
        if r not in summary.roles:
            summary.roles.append(r)


def summarise(docs: Iterable[Document], *, type: str | None = None) -> list[EntitySummary]:
    """Every entity in ``docs``, most articles first (then most mentions)."""
    out: dict[str, EntitySummary] = {}
    for doc in docs:
        for e in doc.entities:
            s = out.get(e.id)
            if s is None:
                s = out[e.id] = EntitySummary(e.id, e.name, e.type, e.en)
            _add(s, e)
    rows = [s for s in out.values() if type is None or s.types.most_common(1)[0][0] == type]
    for s in rows:
        s.type = s.types.most_common(1)[0][0]
    rows.sort(key=lambda s: (-s.articles, -s.mentions, s.name))
    return rows


def _matches(e: Entity, wanted: str) -> bool:
    w = wanted.casefold()
    return e.id == w or any(a.casefold() == w for a in (e.name, e.en or "", *e.aliases))


def profile(docs: Iterable[Document], name: str) -> EntityProfile | None:
    """Aliases, roles, sentences and co-occurring entities of ``name`` (id, name or alias)."""
    summary: EntitySummary | None = None
    wanted_id: str | None = None
    appearances: list[Appearance] = []
    together: Counter[str] = Counter()
    names: dict[str, str] = {}
    for doc in docs:
        hit = next(
            (e for e in doc.entities if (e.id == wanted_id if wanted_id else _matches(e, name))),
            None,
        )
        if hit is None:
            continue
        wanted_id = hit.id
        if summary is None:
            summary = EntitySummary(hit.id, hit.name, hit.type, hit.en)
        _add(summary, hit)
        sentences = sorted({_sentence(doc, m.start) for m in hit.mentions})
        for start, end in sentences:
            appearances.append(
                Appearance(doc.id, doc.title, doc.source, doc.text[start:end], start, end)
            )
        for e in doc.entities:
            if e.id != hit.id:
                together[e.id] += 1
                names.setdefault(e.id, e.name)
    if summary is None:
        return None
    summary.type = summary.types.most_common(1)[0][0]
    co = [(i, names[i], n) for i, n in together.most_common()]
    return EntityProfile(summary, appearances, co)


def _sentence(doc: Document, pos: int) -> tuple[int, int]:
    for s in doc.sentences:
        if s.start <= pos < s.end:
            return s.start, s.end
    return max(0, pos - 80), min(len(doc.text), pos + 80)
