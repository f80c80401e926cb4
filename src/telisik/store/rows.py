"""Documents to table rows and back, shared by every SQL backend.

Rows are plain tuples of str, int, float and None, in the column order named
here; lists of names are JSON text. The content hash is taken over these rows
rather than over ``Document.to_json()``: they hold the same information (the
contract plus ``raw`` and ``date_hints``, without tokens) at a fifteenth of
the cost, which matters when re-ingesting a corpus that is mostly unchanged.
"""

from __future__ import annotations

import hashlib
import json
import marshal
from collections.abc import Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring as _json_string
from typing import Any

from ..model import (
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
    TimeExpr,
)
from .base import source_key

Row = tuple[Any, ...]

# Bumped when the row layout changes, so that every stored hash goes stale.
ROWS_VERSION = 1

ARTICLE_COLUMNS = (
    "id",
    "source",
    "source_key",
    "url",
    "outlet",
    "title",
    "language",
    "published_value",
    "published_precision",
    "published_basis",
    "text",
    "raw",
    "date_hints",
    "credits",
    "authors",
    "editors",
)
# Written by the backend next to ARTICLE_COLUMNS; not part of the content.
ARTICLE_META_COLUMNS = (
    "content_hash",
    "contract_version",
    "telisik_version",
    "ingested_at",
    "updated_at",
)

# Child tables in write order (a table comes after the ones it references).
# Each table also has a leading key column for its article, which the backend
# fills in (``article_num`` in SQLite); rows here leave it out, so that the
# content hash does not depend on where the article is stored.
CHILD_COLUMNS: dict[str, tuple[str, ...]] = {
    "removed": ("seq", "line", "text", "reason", "value"),
    "sentences": ("seq", "start_char", "end_char", "paragraph"),
    "entities": (
        "seq",
        "entity_id",
        "name",
        "type",
        "en",
        "role",
        "roles",
        "aliases",
    ),
    "mentions": (
        "entity_seq",
        "seq",
        "entity_id",
        "start_char",
        "end_char",
        "text",
        "metonym",
    ),
    "quotes": (
        "seq",
        "text",
        "start_char",
        "end_char",
        "kind",
        "speaker",
        "speaker_name",
        "speaker_role",
        "cue",
        "via",
    ),
    "times": (
        "seq",
        "text",
        "start_char",
        "end_char",
        "value",
        "precision",
        "end_value",
        "relative",
    ),
    "quantities": (
        "seq",
        "text",
        "start_char",
        "end_char",
        "value",
        "approx",
        "unit",
    ),
    "events": (
        "seq",
        "type",
        "mode",
        "cameo",
        "source",
        "target",
        "location",
        "date_value",
        "date_precision",
        "status",
        "claimed_by",
        "denied_by",
        "start_char",
        "end_char",
        "trigger",
        "quantities",
    ),
}
# How children are read back in order.
CHILD_ORDER = {name: "entity_seq, seq" if name == "mentions" else "seq" for name in CHILD_COLUMNS}


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """One document as rows: the article row, each child table's rows, the hash."""

    article: Row
    children: dict[str, list[Row]]
    content_hash: str


def _names(values: Sequence[str]) -> str:
    """A JSON list of strings; json.dumps costs 10x more per (mostly tiny) list."""
    return "[" + ",".join(map(_json_string, values)) + "]" if values else "[]"


def _unnames(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text)) if text != "[]" else ()


def to_rows(doc: Document) -> DocumentRows:
    """Flatten ``doc`` into rows; tokens are dropped."""
    p = doc.published
    article: Row = (
        doc.id,
        doc.source,
        source_key(doc),
        doc.url,
        doc.outlet,
        doc.title,
        doc.language,
        p.value,
        p.precision,
        p.basis,
        doc.text,
        doc.raw,
        _names(doc.date_hints),
        _names(doc.credits),
        _names(doc.authors),
        _names(doc.editors),
    )
    mentions: list[Row] = []
    for n, e in enumerate(doc.entities):
        mentions.extend(
            (n, k, e.id, m.start, m.end, m.text, int(m.metonym)) for k, m in enumerate(e.mentions)
        )
    children: dict[str, list[Row]] = {
        "removed": [(n, r.line, r.text, r.reason, r.value) for n, r in enumerate(doc.removed)],
        "sentences": [(n, s.start, s.end, s.paragraph) for n, s in enumerate(doc.sentences)],
        "entities": [
            (n, e.id, e.name, e.type, e.en, e.role, _names(e.roles), _names(e.aliases))
            for n, e in enumerate(doc.entities)
        ],
        "mentions": mentions,
        "quotes": [
            (
                n,
                q.text,
                q.start,
                q.end,
                q.kind,
                q.speaker,
                q.speaker_name,
                q.speaker_role,
                q.cue,
                q.via,
            )
            for n, q in enumerate(doc.quotes)
        ],
        "times": [
            (n, t.text, t.start, t.end, t.value, t.precision, t.end_value, int(t.relative))
            for n, t in enumerate(doc.times)
        ],
        "quantities": [
            (n, q.text, q.start, q.end, q.value, int(q.approx), q.unit)
            for n, q in enumerate(doc.quantities)
        ],
        "events": [_event_row(n, e) for n, e in enumerate(doc.events)],
    }
    return DocumentRows(article, children, _hash(article, children))


def _hash(article: Row, children: dict[str, list[Row]]) -> str:
    """sha256 over the rows.

    marshal format 0 is deterministic for str/int/float/None/tuple/list/dict
    (no object references, no interning flags) and 3x faster than repr or
    json; a Python upgrade that changed it would only make one re-ingest
    rewrite everything ("updated") instead of skipping it.
    """
    data = marshal.dumps((ROWS_VERSION, article, children), 0)
    return hashlib.sha256(data).hexdigest()


def _event_row(n: int, e: Event) -> Row:
    # A missing date (None) and an unknown one (EventDate()) differ: precision is
    # NULL only for the first.
    date_value, date_precision = (e.date.value, e.date.precision) if e.date else (None, None)
    return (
        n,
        e.type,
        e.mode,
        e.cameo,
        e.source,
        e.target,
        e.location,
        date_value,
        date_precision,
        e.status,
        _names(e.claimed_by),
        _names(e.denied_by),
        e.evidence.start,
        e.evidence.end,
        e.trigger,
        _names(e.quantities),
    )


def from_rows(article: Row, children: dict[str, list[Row]]) -> Document:
    """Rebuild a document from rows in the column order above (without article keys)."""
    mentions: dict[int, list[Mention]] = {}
    for entity_seq, _k, _eid, start, end, text, metonym in children["mentions"]:
        mentions.setdefault(entity_seq, []).append(Mention(start, end, text, bool(metonym)))
    return Document(
        id=article[0],
        source=article[1],
        url=article[3],
        outlet=article[4],
        title=article[5],
        language=article[6],
        published=PublishedDate(article[7], article[8], article[9]),
        text=article[10],
        raw=article[11],
        date_hints=_unnames(article[12]),
        credits=_unnames(article[13]),
        authors=_unnames(article[14]),
        editors=_unnames(article[15]),
        removed=tuple(
            Removal(text=text, reason=reason, line=line, value=value)
            for _n, line, text, reason, value in children["removed"]
        ),
        sentences=tuple(
            Sentence(start, end, paragraph) for _n, start, end, paragraph in children["sentences"]
        ),
        entities=tuple(
            Entity(
                id=eid,
                name=name,
                type=type_,
                en=en,
                role=role,
                roles=_unnames(roles),
                aliases=_unnames(aliases),
                mentions=tuple(mentions.get(n, ())),
            )
            for n, eid, name, type_, en, role, roles, aliases in children["entities"]
        ),
        quotes=tuple(
            Quote(text, start, end, kind, speaker, speaker_name, speaker_role, cue, via)
            for (
                _n,
                text,
                start,
                end,
                kind,
                speaker,
                speaker_name,
                speaker_role,
                cue,
                via,
            ) in children["quotes"]
        ),
        times=tuple(
            TimeExpr(text, start, end, value, precision, end_value, bool(relative))
            for _n, text, start, end, value, precision, end_value, relative in children["times"]
        ),
        quantities=tuple(
            Quantity(text, start, end, value, bool(approx), unit)
            for _n, text, start, end, value, approx, unit in children["quantities"]
        ),
        events=tuple(_event(row) for row in children["events"]),
    )


def event_from_row(row: Row) -> Event:
    """An event from its row in ``CHILD_COLUMNS["events"]`` order (seq first)."""
    return _event(row)


def _event(row: Row) -> Event:
    (
        _n,
        type_,
        mode,
        cameo,
        source,
        target,
        location,
        date_value,
        date_precision,
        status,
        claimed_by,
        denied_by,
        start,
        end,
        trigger,
        quantities,
    ) = row
    return Event(
        type=type_,
        evidence=Span(start, end),
        mode=mode,
        cameo=cameo,
        source=source,
        target=target,
        location=location,
        date=EventDate(date_value, date_precision) if date_precision is not None else None,
        status=status,
        claimed_by=_unnames(claimed_by),
        denied_by=_unnames(denied_by),
        trigger=trigger,
        quantities=_unnames(quantities),
    )
