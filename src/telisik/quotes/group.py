"""Quotes across articles: the same words (or a second translation of them) said by
the same speaker are one quote with several sources; listings for the CLI."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Document, Quote, slug
from .context import _WORD, load_lexicon

if TYPE_CHECKING:
    from ..store import Store


logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """One stored quote, with the article facts a listing shows."""

    article: str
    seq: int
    quote: Quote
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """The same words of one speaker in several articles (or one, for most quotes).

    ``sources`` are (article id, quote seq) pairs; ``text`` is the longest member's.
    """

    id: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    text: str
    sources: tuple[tuple[str, int], ...]


_AFFIXES = ("nya", "lah", "kah", "kan", "an", "i")


_PREFIXES = (
    "meng",
    "meny",
    "mem",
    "men",
    "me",
    "peng",
    "pem",
    "pen",
    "pe",
    "ber",
    "ter",
    "di",
    "ke",
    "se",
)


def _stem(word: str) -> str:
    """A crude Indonesian stem, enough to match two translations of one sentence."""
    for suffix in _AFFIXES[:3]:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            word = word[len(prefix) :]
            break
    for suffix in _AFFIXES[3:]:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:7]


def content_words(text: str, stopwords: frozenset[str]) -> frozenset[str]:
    """Stems of the content words of a quote (what two translations share)."""
    return frozenset(
        _stem(w) for w in (m.group().casefold() for m in _WORD.finditer(text)) if w not in stopwords
    )


def same_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """Jaccard >= 0.5, or one quote (3+ words) nearly inside the other."""
    if not a or not b:
        return False
    shared = len(a & b)
    if shared / len(a | b) >= 0.5:
        return True
    return min(len(a), len(b)) >= 3 and shared / min(len(a), len(b)) >= 0.8


def _pairable(a: QuoteRecord, b: QuoteRecord, wa: frozenset[str], wb: frozenset[str]) -> bool:
    """Quoted words match on their own; a paraphrase needs 3+ content words ("tuduhan itu" no)."""
    if "indirect" in (a.quote.kind, b.quote.kind) and min(len(wa), len(wb)) < 3:
        return False
    return same_words(wa, wb)


def _speaker_key(q: Quote) -> str | None:
    if q.speaker:
        return q.speaker
    return q.speaker_name.casefold() if q.speaker_name else None


def group_quotes(records: list[QuoteRecord], *, lang: str = "id") -> list[QuoteGroup]:
    """Group quotes of one speaker whose words match; order-independent and stable."""
    stop = load_lexicon(lang).stopwords
    by_speaker: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        key = _speaker_key(r.quote)
        if key is not None and r.quote.kind != "scare":
            by_speaker.setdefault(key, []).append(i)
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in by_speaker.values():
        words = {i: content_words(records[i].quote.text, stop) for i in members}
        index: dict[str, list[int]] = {}
        for i in members:
            candidates = {j for w in words[i] for j in index.get(w, ())}
            for j in candidates:
                if find(i) != find(j) and _pairable(records[i], records[j], words[i], words[j]):
                    parent[find(i)] = find(j)
            for w in words[i]:
                index.setdefault(w, []).append(i)
    groups: dict[int, list[int]] = {}
    for members in by_speaker.values():
        for i in members:
            groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        members.sort(key=lambda i: (records[i].article, records[i].seq))
        # The quoted words themselves (direct, then partial) over a paraphrase.
        head = max(
            members, key=lambda i: (_RANK[records[i].quote.kind], len(records[i].quote.text))
        )
        q = records[head].quote
        first = records[members[0]]
        gid = "q" + hashlib.sha1(f"{first.article}:{first.seq}".encode()).hexdigest()[:12]
        sources = tuple((records[i].article, records[i].seq) for i in members)
        out.append(QuoteGroup(gid, q.kind, q.speaker, q.speaker_name, q.text, sources))
    out.sort(key=lambda g: g.id)
    return out


_RANK = {"direct": 3, "partial": 2, "indirect": 1, "scare": 0}


def refresh_quotes(store: Store) -> list[QuoteGroup]:
    """Regroup every stored quote (after an ingest); the same corpus gives the same groups."""
    groups = group_quotes(list(store.quote_records()))
    store.replace_quote_groups(groups)
    logger.info("%d quote groups", len(groups))
    return groups


def _matches(query: str, *names: str | None) -> bool:
    q = query.casefold()
    return any(n and (q == n.casefold() or q in n.casefold() or slug(query) == n) for n in names)


def quote_listing(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    article: str | None = None,
    kinds: tuple[str, ...] = ("direct", "partial", "indirect"),
) -> list[dict[str, Any]]:
    """Stored quotes as rows, one per group, each with all its articles, oldest first."""
    records = {(r.article, r.seq): r for r in store.quote_records()}
    groups = store.quote_groups()
    grouped = {src for g in groups for src in g.sources}
    # Quotes with no group (no speaker, or stored before the last regrouping).
    for key, r in records.items():
        if key not in grouped:
            groups.append(
                QuoteGroup(
                    "", r.quote.kind, r.quote.speaker, r.quote.speaker_name, r.quote.text, (key,)
                )
            )
    docs: dict[str, Document | None] = {}
    rows: list[tuple[tuple[str, str, int], dict[str, Any]]] = []
    for g in groups:
        members = [records[s] for s in g.sources if s in records]
        if not members or g.kind not in kinds:
            continue
        if article is not None and not any(m.article.startswith(article) for m in members):
            continue
        head = next((m for m in members if m.quote.text == g.text), members[0])
        q = head.quote
        if speaker is not None and not _matches(speaker, q.speaker, q.speaker_name):
            continue
        if about is not None and not any(_mentions(store, docs, m, about) for m in members):
            continue
        members.sort(key=lambda m: (m.published or "9999", m.article, m.seq))
        members = _one_per_article(members)
        first = members[0]
        rows.append(
            (
                (first.published or "9999", first.article, first.quote.start),
                {
                    "group": g.id or None,
                    "kind": q.kind,
                    "speaker": q.speaker,
                    "speaker_name": q.speaker_name,
                    "speaker_role": q.speaker_role
                    or next((m.quote.speaker_role for m in members if m.quote.speaker_role), None),
                    "text": q.text,
                    "cue": q.cue,
                    "via": sorted({m.quote.via for m in members if m.quote.via}),
                    "date": members[0].published,
                    "articles": [
                        {
                            "id": m.article,
                            "published": m.published,
                            "outlet": m.outlet,
                            "title": m.title,
                            "source": m.source,
                            "start": m.quote.start,
                            "end": m.quote.end,
                        }
                        for m in members
                    ],
                },
            )
        )
    rows.sort(key=lambda r: r[0])
    return [row for _key, row in rows]


def _one_per_article(records: list[QuoteRecord]) -> list[QuoteRecord]:
    """The first record of each article, in order (a partial inside an indirect quote)."""
    seen: set[str] = set()
    out = []
    for r in records:
        if r.article not in seen:
            seen.add(r.article)
            out.append(r)
    return out


def _mentions(
    store: Store, docs: dict[str, Document | None], record: QuoteRecord, about: str
) -> bool:
    """True when the quote mentions the entity ``about`` (id, name, English name or alias)."""
    if record.article not in docs:
        docs[record.article] = store.get(record.article)
    doc = docs[record.article]
    if doc is None:
        return False
    q = record.quote
    for e in doc.entities:
        if _matches(about, e.id, e.name, e.en, *e.aliases) and any(
            q.start <= m.start and m.end <= q.end for m in e.mentions
        ):
            return True
    return about.casefold() in q.text.casefold()
