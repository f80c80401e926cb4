"""The events knowledge base: real-world events merged from per-article mentions.

Each article's events stage reports *mentions* ("Putin tiba di Pyongyang pada
Rabu"); several articles, and several sentences of one, report the same
real-world event. :func:`merge_mentions` groups them:

- **Blocking**: mentions are grouped by (type, mode, actors) first, so that
  work grows with the corpus, not with its square. For symmetric types (a
  meeting, a treaty, cooperation) the actor pair is sorted, so "Kim met Putin"
  and "Putin met Kim" share a block. Metonyms among actors ("Kremlin",
  "Pyongyang" as an actor) count as their state.
- **Dates, precision-aware**: each date is an interval of days (a day, a
  month, a year, a decade). Inside a block, mentions are taken most precise
  first in a fixed order; a day joins an event within ``tolerance`` days (a
  two-day visit reported as "Tuesday night" and "Wednesday"), a month, year or
  decade joins the one event whose date lies inside it — if it fits two, it
  stays apart rather than guess. "2024-06" fits "2024-06-19"; "2000-07" never
  fits "2024-06", so Putin's two visits to Pyongyang stay two events.
- **Places**: two places fit when equal, when one is missing, or when one is
  the state of the other (Pyongyang in North Korea).

The result is the same whatever order articles were ingested in, and each
event says why its mentions were merged. Analyst corrections (merge, split,
re-code, reject) are kept in the store by the *mentions* they name (article
id, evidence span, type), not by event ids, and are re-applied after every
refresh, so they survive re-ingesting the corpus.

Independent sources follow the near-duplicate stories: the same wire story in
two outlets is one source (:func:`telisik.stories.corroboration`).
"""

from __future__ import annotations

import bisect
import csv
import functools
import hashlib
import io
import itertools
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from .errors import MissingExtra, TelisikError
from .model import Event, EventDate, Story, slug

if TYPE_CHECKING:
    import networkx as nx

    from .store import Store

logger = logging.getLogger(__name__)

Action = Literal["merge", "split", "recode", "reject"]
ACTIONS: tuple[str, ...] = ("merge", "split", "recode", "reject")

# Types whose two actors play the same part: "Kim met Putin" is "Putin met
# Kim". A visit (CONSULT/visit) has a direction, so it is listed by mode.
SYMMETRIC_TYPES = frozenset({"AGREE", "COOPERATE"})
SYMMETRIC_MODES = frozenset(
    {("CONSULT", m) for m in ("meeting", "talks", "summit", "negotiation", "call", None)}
)
# Days two day-precise dates of one event may differ by (a two-day visit,
# "Tuesday night" in one time zone and "Wednesday" in another).
DAY_TOLERANCE = 2
# Days around its publication an undated report may speak of ("the visit",
# "Putin has promised to visit"): the article's own year or so.
PUBLICATION_WINDOW = 366

# PLOVER type -> CAMEO root code, for events an analyst re-codes (the events
# stage codes its own).
CAMEO_ROOT: dict[str, str] = {
    "REQUEST": "02",
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
}

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}
_UNDATED = 4


# --- data -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one article reports it, with where it was stored."""

    article: str  # article id
    seq: int  # the event's index in the article
    event: Event
    published: str | None = None
    url: str | None = None  # the article's URL, else its source
    outlet: str | None = None
    evidence: str = ""  # the evidence text (filled when read for display)

    @property
    def key(self) -> str:
        """What a correction names: stable across re-ingest of the same text."""
        e = self.event
        return f"{self.article}:{e.evidence.start}-{e.evidence.end}:{e.type}"


@dataclass(frozen=True, slots=True)
class KbEvent:
    """One real-world event with every mention that reports it."""

    id: str
    type: str
    mentions: tuple[EventMention, ...]
    mode: str | None = None
    cameo: str | None = None
    source: str | None = None
    target: str | None = None
    location: str | None = None
    date: EventDate | None = None
    status: str = "asserted"
    claimed_by: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    articles: int = 0
    sources: int = 0
    reason: str = ""
    rejected: bool = False

    @property
    def contested(self) -> bool:
        """Claimed by some and denied by others, or reported as alleged or denied."""
        return self.status in ("alleged", "denied") or bool(self.claimed_by and self.denied_by)

    def actors(self) -> set[str]:
        return {a for a in (self.source, self.target) if a}


@dataclass(frozen=True, slots=True)
class Correction:
    """An analyst's decision, kept by the mention keys it names (see EventMention.key)."""

    action: Action
    groups: tuple[tuple[str, ...], ...]  # merge: 2+ groups; others: one
    type: str | None = None
    mode: str | None = None
    seq: int = 0
    created: str = ""

    def args(self) -> str:
        """The JSON kept in the store."""
        data: dict[str, Any] = {"groups": [list(g) for g in self.groups]}
        if self.type is not None:
            data["type"] = self.type
        if self.mode is not None:
            data["mode"] = self.mode
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_row(cls, seq: int, action: str, args: str, created: str) -> Correction:
        data = json.loads(args)
        if action not in ACTIONS:
            raise ValueError(f"unknown correction action {action!r}")
        return cls(
            action,  # type: ignore[arg-type]
            tuple(tuple(str(k) for k in g) for g in data.get("groups", [])),
            data.get("type"),
            data.get("mode"),
            seq,
            created,
        )


class EventNotFound(TelisikError):
    """No merged event has the id (or id prefix) the user gave."""


# --- dates and places ---------------------------------------------------------------


@lru_cache(maxsize=65536)
def date_interval(value: str | None, precision: str | None) -> tuple[int, int] | None:
    """The first and last day (ordinals) a date may mean; None when unknown.

    Malformed values count as unknown rather than failing the refresh.
    """
    if not value or precision not in _PRECISION_RANK:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        year = parts[0]
        if precision == "day":
            d = date(year, parts[1], parts[2]).toordinal()
            return d, d
        if precision == "month":
            first = date(year, parts[1], 1)
            nxt = date(year + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        span = 10 if precision == "decade" else 1
        return date(year, 1, 1).toordinal(), date(year + span, 1, 1).toordinal() - 1
    except (ValueError, IndexError):
        return None


def _interval(d: EventDate | None) -> tuple[int, int] | None:
    return date_interval(d.value, d.precision) if d else None


def _rank(d: EventDate | None) -> int:
    return _PRECISION_RANK.get(d.precision, _UNDATED) if d and _interval(d) else _UNDATED


def dates_compatible(
    a: EventDate | None, b: EventDate | None, *, tolerance: int = DAY_TOLERANCE
) -> bool:
    """Whether two reported dates can be one event's (an unknown date fits any)."""
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return True
    if ia[0] == ia[1] and ib[0] == ib[1]:
        return abs(ia[0] - ib[0]) <= tolerance
    return ia[0] <= ib[1] and ib[0] <= ia[1]


@lru_cache(maxsize=1)
def _geo() -> tuple[dict[str, str], dict[str, tuple[str | None, float | None, float | None]]]:
    """(place id -> its state id, place id -> (country code, lat, lon)) from the gazetteer."""
    from .entities.gazetteer import load_gazetteer

    entries = load_gazetteer().entries.values()
    # The country of each code; cities and provinces share its code but are not it.
    states = {e.code: e.id for e in entries if e.is_country and e.code}
    parent: dict[str, str] = {}
    info: dict[str, tuple[str | None, float | None, float | None]] = {}
    for e in entries:
        info[e.id] = (e.code, e.lat, e.lon)
        up = e.metonym_of or (states.get(e.code) if e.code else None)
        if up and up != e.id:
            parent[e.id] = up
    return parent, info


def _state_of(place: str) -> str | None:
    return _geo()[0].get(place)


def places_compatible(a: str | None, b: str | None) -> bool:
    """Equal, one missing, or one is the state the other lies in (Pyongyang, North Korea)."""
    if not a or not b or a == b:
        return True
    return _state_of(a) == b or _state_of(b) == a


@lru_cache(maxsize=1)
def _metonyms() -> dict[str, str]:
    from .entities.gazetteer import load_gazetteer

    return {e.id: e.metonym_of for e in load_gazetteer().entries.values() if e.metonym_of}


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Gazetteer id, name, English name and aliases (case-folded) -> id."""
    from .entities.gazetteer import load_gazetteer

    out: dict[str, str] = {}
    for e in load_gazetteer().entries.values():
        for form in (e.id, e.name, e.en, *e.aliases):
            out.setdefault(form.casefold(), e.id)
    return out


@lru_cache(maxsize=65536)
def canonical(name: str | None) -> str | None:
    """An entity id from an id or a name: "Moskow", "moscow" -> moscow; else its slug.

    The events stage may name actors by canonical name or by id; both must block together.
    """
    if not name or not name.strip():
        return None
    key = name.strip()
    return _forms().get(key.casefold()) or slug(key)


def actor(name: str | None) -> str | None:
    """An actor's canonical id: metonyms ("Kremlin", "Pyongyang" acting) become their state."""
    found = canonical(name)
    return _metonyms().get(found, found) if found else None


def symmetric(type_: str, mode: str | None) -> bool:
    return type_ in SYMMETRIC_TYPES or (type_, mode) in SYMMETRIC_MODES


def block_key(e: Event) -> tuple[str, str | None, str, str]:
    """(type, mode, actor, actor): mentions of one event always share it."""
    source, target = actor(e.source) or "", actor(e.target) or ""
    if symmetric(e.type, e.mode) and target < source:
        source, target = target, source
    return e.type, e.mode, source, target


# --- merging ------------------------------------------------------------------------


@dataclass
class _Cluster:
    """An event being built: its mentions and why they belong together."""

    mentions: list[EventMention]
    # (key of the mention it is about, or "" for the whole event, reason)
    reasons: list[tuple[str, str]] = field(default_factory=list)
    date: EventDate | None = None  # the most precise date so far (the first, by order)
    location: str | None = None
    type: str | None = None  # an analyst's re-code
    mode: str | None = None
    recoded: bool = False
    rejected: bool = False
    pub_range: tuple[int, int] | None = None  # first days its (undated) articles appeared
    _statuses: set[str] = field(default_factory=set)
    _seen: int = 0

    def statuses(self) -> set[str]:
        """The statuses of its mentions, updated with those added since the last call."""
        if self._seen != len(self.mentions):
            self._statuses.update(m.event.status for m in self.mentions[self._seen :])
            self._seen = len(self.mentions)
        return self._statuses

    def interval(self) -> tuple[int, int] | None:
        return _interval(self.date)


def _order(m: EventMention) -> tuple[Any, ...]:
    """Most precise dates first, then a total order on content: merging is order-free."""
    e = m.event
    return (
        _rank(e.date),
        e.date.value if e.date and e.date.value else "",
        m.article,
        e.evidence.start,
        e.evidence.end,
        m.seq,
    )


def _date_text(d: EventDate | None) -> str:
    return f"{d.value} ({d.precision})" if d and d.value else "undated"


def _join_reason(c: _Cluster, d: EventDate | None) -> str:
    if c.date == d:
        return "same date"
    return f"{_date_text(d)} fits {_date_text(c.date)}"


def _distance(c: _Cluster, day: int) -> tuple[int, int]:
    lo = (c.interval() or (day, day))[0]
    return abs(lo - day), lo


class _Index:
    """A block's dated events by first day, to find those overlapping a range by bisection.

    ``longest`` is the longest date interval indexed so far: an event starting
    that long before a range may still reach into it.
    """

    def __init__(self) -> None:
        self.starts: list[tuple[int, int]] = []  # (first day, serial), sorted
        self.events: dict[int, _Cluster] = {}
        self.longest = 0

    def add(self, c: _Cluster) -> None:
        iv = c.interval()
        if iv is None:
            return
        serial = len(self.events)
        self.events[serial] = c
        bisect.insort(self.starts, (iv[0], serial))
        self.longest = max(self.longest, iv[1] - iv[0])

    def overlapping(self, lo: int, hi: int) -> Iterator[_Cluster]:
        """Events whose interval overlaps [lo, hi], by first day."""
        first = bisect.bisect_left(self.starts, (lo - self.longest, -1))
        for start, serial in self.starts[first:]:
            if start > hi:
                return
            c = self.events[serial]
            iv = c.interval()
            if iv is not None and iv[1] >= lo:
                yield c


def _fits(
    index: _Index, e: Event, lo: int, hi: int, tolerance: int, *, limit: int
) -> list[_Cluster]:
    """Dated events of the block the report may be (at most ``limit``: 2 means ambiguous)."""
    out: list[_Cluster] = []
    for c in index.overlapping(lo - tolerance, hi + tolerance):
        if dates_compatible(c.date, e.date, tolerance=tolerance) and places_compatible(
            c.location, _place(e)
        ):
            out.append(c)
            if len(out) >= limit:
                break
    return out


def _merge_block(mentions: list[EventMention], tolerance: int) -> list[_Cluster]:
    """Cluster one block's mentions by date and place; mentions come sorted by ``_order``.

    Dated events are indexed by first day, so a report is compared with the
    events of its own dates only, and a coarse report stops looking once it
    fits two: it is ambiguous then, however many more it fits.
    """
    clusters: list[_Cluster] = []
    index = _Index()
    apart: dict[tuple[str | None, str | None], _Cluster] = {}
    undated: list[EventMention] = []
    for m in mentions:
        e = m.event
        iv = _interval(e.date)
        if iv is None:
            undated.append(m)
            continue
        is_day = iv[0] == iv[1]
        # A day joins the nearest day within the tolerance (a two-day visit);
        # days come first, so only days are indexed while days are merged.
        fits = _fits(index, e, iv[0], iv[1], tolerance, limit=64 if is_day else 2)
        days = [c for c in fits if _rank(c.date) == 0]
        if is_day and days:
            fits = [min(days, key=functools.partial(_distance, day=iv[0]))]
        if len(fits) == 1:
            c = fits[0]
            c.mentions.append(m)
            c.reasons.append((m.key, _join_reason(c, e.date)))
            c.location = c.location or _place(e)
            continue
        if fits:
            key = (e.date.value if e.date else None, e.date.precision if e.date else None)
            held = apart.get(key)
            if held is None:
                why = f"{_date_text(e.date)} fits several events, so kept apart"
                held = apart[key] = _Cluster([m], [("", why)], e.date, _place(e))
                clusters.append(held)
            else:
                held.mentions.append(m)
                held.reasons.append((m.key, "same date, and as ambiguous"))
            continue
        c = _Cluster([m], [], e.date, _place(e))
        clusters.append(c)
        index.add(c)
    return clusters + _merge_undated(undated, index)


def _merge_undated(undated: list[EventMention], index: _Index) -> list[_Cluster]:
    """Undated reports join the one dated event of their time, else each other."""
    held: dict[int | None, list[_Cluster]] = defaultdict(list)  # by publication year
    out: list[_Cluster] = []
    for m in undated:
        e = m.event
        fits = _near(index, m)
        if len(fits) == 1:
            fits[0].mentions.append(m)
            fits[0].reasons.append((m.key, "undated, and the only event of these actors then"))
            continue
        pub = _published_interval(m.published)
        year = date.fromordinal(pub[0]).year if pub else None
        buckets = [held[None]] if year is None else [held[y] for y in (year - 1, year, year + 1)]
        found = next((c for bucket in buckets for c in bucket if _same_time(c, m)), None)
        if found is None:
            note = [("", "undated and fits several events, so kept apart")] if fits else []
            found = _Cluster([m], note, None, _place(e))
            held[year].append(found)
            out.append(found)
        else:
            found.mentions.append(m)
            found.reasons.append((m.key, "both undated, from articles of the same time"))
        found.pub_range = _widen(found.pub_range, pub)
    return out


def _widen(current: tuple[int, int] | None, pub: tuple[int, int] | None) -> tuple[int, int] | None:
    if pub is None:
        return current
    if current is None:
        return pub[0], pub[0]
    return min(current[0], pub[0]), max(current[1], pub[0])


def _same_time(c: _Cluster, m: EventMention) -> bool:
    """Whether an undated report may be the same event as undated ``c``.

    Their articles appeared within a year of each other (or none has a
    date), the places fit and the tenses agree.
    """
    if not places_compatible(c.location, _place(m.event)) or not tenses_fit(c, m.event.status):
        return False
    pub = _published_interval(m.published)
    if pub is None or c.pub_range is None:
        return pub is None and c.pub_range is None
    return max(c.pub_range[1], pub[0]) - min(c.pub_range[0], pub[0]) <= PUBLICATION_WINDOW


def _near(index: _Index, m: EventMention) -> list[_Cluster]:
    """Dated events an undated report may mean (at most two: two is ambiguous)."""
    pub = _published_interval(m.published)
    if pub is None:
        return []
    e = m.event
    if e.status == "historical":
        lo, hi = date.min.toordinal(), pub[1]
    else:
        lo, hi = pub[0] - PUBLICATION_WINDOW, pub[1] + PUBLICATION_WINDOW
    out: list[_Cluster] = []
    for c in index.overlapping(lo, hi):
        if (
            places_compatible(c.location, _place(e))
            and near_publication(c.date, m.published, e.status)
            and tenses_fit(c, e.status)
        ):
            out.append(c)
            if len(out) == 2:
                break
    return out


def _place(e: Event) -> str | None:
    return canonical(e.location)


def _published_interval(published: str | None) -> tuple[int, int] | None:
    if not published:
        return None
    value = published[:10]
    precision = {10: "day", 7: "month", 4: "year"}.get(len(value), "")
    return date_interval(value, precision)


def near_publication(d: EventDate | None, published: str | None, status: str) -> bool:
    """Whether an undated report can mean an event of date ``d``, given when it was published.

    Undated reports speak of their own time: within a year of publication,
    or any time before it when the report says it is history. An article of
    unknown date gives no time at all, so its undated reports join no dated event.
    """
    event, pub = _interval(d), _published_interval(published)
    if event is None:
        return True
    if pub is None:
        return False
    if status == "historical":
        return event[0] <= pub[1]
    return event[0] <= pub[1] + PUBLICATION_WINDOW and event[1] >= pub[0] - PUBLICATION_WINDOW


def tenses_fit(c: _Cluster, status: str) -> bool:
    """An undated plan or supposition is not a past event, and history is not a plan.

    Without a date, these tenses are all that tells "Putin has promised to
    visit" from his visit of 2000.
    """
    statuses = c.statuses()
    if status in ("planned", "hypothetical"):
        return statuses != {"historical"}
    if status == "historical":
        return not statuses <= {"planned", "hypothetical"}
    return True


_NOT_NAMED = " not named"


def _attach_partial(
    clusters: list[tuple[tuple[str, str | None, str, str], _Cluster]],
) -> list[_Cluster]:
    """Join events with one actor unnamed ("Putin tiba …") to the one full event they fit.

    Candidates share type, mode and the named actor in the same part (either
    part for symmetric types). Having less to go on, such a report must match
    dates exactly (no day of tolerance: "Putin's visit" on the 18th is not his
    trip to Vietnam on the 19th); a dated report joins dated events only, and
    a report that fits two stays apart.
    """
    dated: dict[tuple[str, str | None, str, str], _Index] = defaultdict(_Index)
    undated: dict[tuple[str, str | None, str, str], list[_Cluster]] = defaultdict(list)
    for (type_, mode, source, target), c in clusters:
        if source and target:
            sym = symmetric(type_, mode)
            for key in (
                (type_, mode, "x" if sym else "s", source),
                (type_, mode, "x" if sym else "t", target),
            ):
                if c.date is not None and c.interval() is not None:
                    dated[key].add(c)
                else:
                    undated[key].append(c)
    out: list[_Cluster] = []
    for (type_, mode, source, target), c in clusters:
        if bool(source) == bool(target):
            out.append(c)
            continue
        named, part = (source, "s") if source else (target, "t")
        key = (type_, mode, "x" if symmetric(type_, mode) else part, named)
        pick = _partial_fits(c, dated.get(key), undated.get(key, []))
        if len(pick) != 1:
            out.append(c)
            continue
        missing = "target" if source else "source"
        pick[0].mentions.extend(c.mentions)
        pick[0].reasons.extend(c.reasons)
        pick[0].reasons.extend(
            (m.key, f"{missing}{_NOT_NAMED}; the only fitting event of {named}") for m in c.mentions
        )
    return out


def _partial_fits(c: _Cluster, dated: _Index | None, undated: list[_Cluster]) -> list[_Cluster]:
    """Up to two full events a report with an unnamed actor may be (see _attach_partial)."""
    first = c.mentions[0]
    iv = c.interval()
    candidates: Iterable[_Cluster]
    if iv is not None:  # a dated report joins dated events only
        candidates = dated.overlapping(iv[0], iv[1]) if dated else ()
    else:
        pub = _published_interval(first.published)
        near: Iterable[_Cluster] = ()
        if dated and pub is not None:
            historical = first.event.status == "historical"
            lo = date.min.toordinal() if historical else pub[0] - PUBLICATION_WINDOW
            near = dated.overlapping(lo, pub[1] + (0 if historical else PUBLICATION_WINDOW))
        candidates = itertools.chain(near, undated)
    out: list[_Cluster] = []
    for full in candidates:
        if (
            dates_compatible(full.date, c.date, tolerance=0)
            and places_compatible(full.location, c.location)
            and (iv is not None or near_publication(full.date, first.published, first.event.status))
            and all(tenses_fit(full, m.event.status) for m in c.mentions)
        ):
            out.append(full)
            if len(out) == 2:
                break
    return out


def merge_mentions(
    mentions: Iterable[EventMention], *, tolerance: int = DAY_TOLERANCE
) -> list[_Cluster]:
    """Group mentions into events: blocks by type/mode/actors, then dates and places,
    then reports with one actor unnamed join the one event they fit."""
    blocks: dict[tuple[str, str | None, str, str], list[EventMention]] = defaultdict(list)
    for m in mentions:
        blocks[block_key(m.event)].append(m)
    found: list[tuple[tuple[str, str | None, str, str], _Cluster]] = []
    for key in sorted(blocks, key=lambda k: (k[0], k[1] or "", k[2], k[3])):
        block = sorted(blocks[key], key=_order)
        found.extend((key, c) for c in _merge_block(block, tolerance))
    return _attach_partial(found)


# --- analyst corrections -----------------------------------------------------------------


def apply_corrections(
    clusters: list[_Cluster], corrections: Sequence[Correction]
) -> list[_Cluster]:
    """Re-apply corrections in the order they were made; ones naming gone mentions do nothing."""
    clusters = list(clusters)
    for corr in sorted(corrections, key=lambda c: c.seq):
        owner: dict[str, int] = {}
        for i, c in enumerate(clusters):
            for m in c.mentions:
                owner.setdefault(m.key, i)
        tag = f"analyst {corr.action} #{corr.seq}"
        if corr.action == "split":
            keys = set(corr.groups[0]) if corr.groups else set()
            moved = [m for c in clusters for m in c.mentions if m.key in keys]
            if not moved:
                continue
            for c in clusters:
                c.mentions = [m for m in c.mentions if m.key not in keys]
                c.reasons = [(k, r) for k, r in c.reasons if k not in keys]
            clusters = [c for c in clusters if c.mentions]
            moved.sort(key=_order)
            clusters.append(_Cluster(moved, [("", tag)], moved[0].event.date))
            continue
        hit = sorted({owner[k] for g in corr.groups for k in g if k in owner})
        if not hit:
            continue
        if corr.action == "merge":
            present = [g for g in corr.groups if any(k in owner for k in g)]
            if len(present) < 2 or len(hit) < 2:
                continue
            first = clusters[hit[0]]
            for i in hit[1:]:
                other = clusters[i]
                first.mentions.extend(other.mentions)
                first.reasons.extend(other.reasons)
                first.type = first.type or other.type
                first.mode = first.mode or other.mode
                first.recoded = first.recoded or other.recoded
                first.rejected = first.rejected and other.rejected
            first.reasons.append(("", tag))
            gone = set(hit[1:])
            clusters = [c for i, c in enumerate(clusters) if i not in gone]
        else:
            for i in hit:
                c = clusters[i]
                if corr.action == "recode":
                    c.type = corr.type or c.type
                    c.mode = corr.mode if corr.mode is not None else c.mode
                    c.recoded = True
                else:
                    c.rejected = True
                c.reasons.append(("", tag))
    return clusters


# --- building events ---------------------------------------------------------------------


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _best_date(mentions: Sequence[EventMention]) -> EventDate | None:
    """The most precise date; among equals the most reported, then the earliest."""
    dated = [m.event.date for m in mentions if m.event.date and _interval(m.event.date)]
    if not dated:
        return None
    top = min(_rank(d) for d in dated)
    counts = Counter(d.value for d in dated if _rank(d) == top)
    value = min(counts, key=lambda v: (-counts[v], v or ""))
    return next(d for d in dated if _rank(d) == top and d.value == value)


def aggregate_status(mentions: Sequence[EventMention]) -> str:
    """One status from many reports.

    Denied by someone and still reported by others -> alleged (contested);
    denied everywhere -> denied; otherwise the strongest report wins:
    alleged, historical, asserted, planned, hypothetical.
    """
    statuses = {m.event.status for m in mentions}
    denied = "denied" in statuses or any(m.event.denied_by for m in mentions)
    if denied:
        reported = statuses - {"denied"} or any(m.event.claimed_by for m in mentions)
        return "alleged" if reported else "denied"
    for status in ("alleged", "historical", "asserted", "planned", "hypothetical"):
        if status in statuses:
            return status
    return sorted(statuses)[0] if statuses else "asserted"


def _actors(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({a for a in map(actor, names) if a}))


def _event_id(type_: str, mode: str | None, pair: tuple[str, str], d: EventDate | None) -> str:
    base = f"{type_}|{mode or ''}|{pair[0]}|{pair[1]}|{d.value if d and d.value else ''}"
    return hashlib.sha1(base.encode("utf-8")).hexdigest()[:10]


def build_events(clusters: Sequence[_Cluster], near_duplicates: Iterable[Story]) -> list[KbEvent]:
    """Aggregate each cluster into a :class:`KbEvent` with a stable id."""
    # Each near-duplicate group is one source (as telisik.stories.corroboration
    # counts them), mapped once here rather than once per event.
    owner = {a: s.id for s in near_duplicates if s.kind == "near_duplicate" for a in s.articles}
    drafts: list[tuple[tuple[Any, ...], KbEvent]] = []
    for c in clusters:
        ms = sorted(c.mentions, key=_order)
        type_ = c.type or _most_common(m.event.type for m in ms) or ms[0].event.type
        mode = (
            c.mode if c.recoded and c.mode is not None else _most_common(m.event.mode for m in ms)
        )
        cameo = CAMEO_ROOT.get(type_) if c.recoded else _most_common(m.event.cameo for m in ms)
        pairs = Counter((actor(m.event.source), actor(m.event.target)) for m in ms)
        # Named actors first: a report that leaves one out does not outvote them.
        source, target = min(
            pairs, key=lambda p: (not (p[0] and p[1]), -pairs[p], p[0] or "", p[1] or "")
        )
        d = _best_date(ms)
        articles = {m.article for m in ms}
        reasons = list(dict.fromkeys(r for _k, r in c.reasons))
        if any(k and _NOT_NAMED not in r for k, r in c.reasons):  # merged within a block
            sym = " (either order)" if symmetric(type_, mode) else ""
            reasons.insert(0, f"same type, mode and actors{sym}")
        key = (type_, mode or "", *sorted([source or "", target or ""]), d.value if d else "")
        drafts.append(
            (
                (key, ms[0].key),
                KbEvent(
                    id="",
                    type=type_,
                    mentions=tuple(ms),
                    mode=mode,
                    cameo=cameo or CAMEO_ROOT.get(type_),
                    source=source,
                    target=target,
                    location=_most_common(_place(m.event) for m in ms),
                    date=d,
                    status=aggregate_status(ms),
                    claimed_by=_actors(a for m in ms for a in m.event.claimed_by),
                    denied_by=_actors(a for m in ms for a in m.event.denied_by),
                    articles=len(articles),
                    sources=len({owner.get(a, a) for a in articles}),
                    reason="; ".join(reasons) if reasons else "one mention",
                    rejected=c.rejected,
                ),
            )
        )
    drafts.sort(key=lambda t: t[0])
    out: list[KbEvent] = []
    used: set[str] = set()
    for (_key, first), ev in drafts:
        pair = (ev.source or "", ev.target or "")
        if symmetric(ev.type, ev.mode):
            pair = (min(pair), max(pair))
        eid = _event_id(ev.type, ev.mode, pair, ev.date)
        n = 1
        while eid in used:  # two events of the same actors and date: tell them apart
            n += 1
            eid = hashlib.sha1(f"{eid}|{first}|{n}".encode()).hexdigest()[:10]
        used.add(eid)
        out.append(_with_id(ev, eid))
    return out


def _with_id(ev: KbEvent, eid: str) -> KbEvent:
    from dataclasses import replace

    return replace(ev, id=eid)


def build_kb(
    mentions: Iterable[EventMention],
    near_duplicates: Iterable[Story] = (),
    corrections: Sequence[Correction] = (),
    *,
    tolerance: int = DAY_TOLERANCE,
) -> list[KbEvent]:
    """Merge, correct and aggregate: the whole knowledge base from its mentions."""
    clusters = merge_mentions(mentions, tolerance=tolerance)
    clusters = apply_corrections(clusters, corrections)
    return build_events(clusters, near_duplicates)


KB_COLUMNS = (
    "id",
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
    "articles",
    "sources",
    "rejected",
    "reason",
)


def kb_row(e: KbEvent) -> tuple[Any, ...]:
    """The ``kb_events`` row of an event, in ``KB_COLUMNS`` order."""
    return (
        e.id,
        e.type,
        e.mode,
        e.cameo,
        e.source,
        e.target,
        e.location,
        e.date.value if e.date else None,
        e.date.precision if e.date else None,
        e.status,
        json.dumps(list(e.claimed_by), ensure_ascii=False),
        json.dumps(list(e.denied_by), ensure_ascii=False),
        e.articles,
        e.sources,
        int(e.rejected),
        e.reason,
    )


def kb_event(row: Sequence[Any], mentions: Sequence[EventMention]) -> KbEvent:
    """Inverse of :func:`kb_row`, with the event's mentions."""
    (eid, type_, mode, cameo, source, target, location, value, precision, status,
     claimed, denied, articles, sources, rejected, reason) = row  # fmt: skip
    return KbEvent(
        id=eid,
        type=type_,
        mentions=tuple(mentions),
        mode=mode,
        cameo=cameo,
        source=source,
        target=target,
        location=location,
        date=EventDate(value, precision) if precision is not None else None,
        status=status,
        claimed_by=tuple(json.loads(claimed)),
        denied_by=tuple(json.loads(denied)),
        articles=articles,
        sources=sources,
        reason=reason,
        rejected=bool(rejected),
    )


# --- store integration ---------------------------------------------------------------------


def refresh_kb(store: Store, *, tolerance: int = DAY_TOLERANCE) -> list[KbEvent]:
    """Rebuild the stored knowledge base from every stored event and correction."""
    events = build_kb(
        store.event_mentions(), store.stories(), store.event_corrections(), tolerance=tolerance
    )
    store.replace_kb_events(events)
    logger.info("%d events from %d mentions", len(events), sum(len(e.mentions) for e in events))
    return events


def resolve(store: Store, event_id: str) -> KbEvent:
    """The stored event with this id or unique id prefix."""
    wanted = event_id.strip().lower()
    found = [e for e in store.kb_events() if e.id.startswith(wanted)] if wanted else []
    exact = [e for e in found if e.id == wanted]
    if exact:
        return exact[0]
    if len(found) == 1:
        return found[0]
    what = (
        "no event matches"
        if not found
        else f"{len(found)} events ({', '.join(e.id for e in found[:5])}) match"
    )
    raise EventNotFound(f"{what} id {event_id!r}; see `telisik timeline` for event ids")


def pick_mentions(event: KbEvent, refs: Sequence[str]) -> list[EventMention]:
    """Mentions named by their 1-based number in ``telisik event ID`` or ARTICLE:SEQ."""
    out: list[EventMention] = []
    for ref in refs:
        ref = ref.strip()
        if ref.isdigit() and 1 <= int(ref) <= len(event.mentions):
            out.append(event.mentions[int(ref) - 1])
            continue
        article, _, seq = ref.partition(":")
        hits = [
            m
            for m in event.mentions
            if m.article.startswith(article.lower()) and seq.isdigit() and m.seq == int(seq)
        ]
        if len(hits) != 1:
            raise EventNotFound(
                f"event {event.id} has no mention {ref!r}; give the mention's number "
                f"(1..{len(event.mentions)}) or ARTICLE:SEQ, as `telisik event {event.id}` "
                "lists them"
            )
        out.append(hits[0])
    return out


def correct(store: Store, correction: Correction) -> list[KbEvent]:
    """Keep ``correction`` and rebuild the knowledge base with it."""
    store.add_event_correction(correction)
    return refresh_kb(store)


def merge_events(store: Store, ids: Sequence[str]) -> list[KbEvent]:
    events = [resolve(store, i) for i in ids]
    if len({e.id for e in events}) < 2:
        raise EventNotFound("give two different event ids to merge")
    groups = tuple(tuple(m.key for m in e.mentions) for e in events)
    return correct(store, Correction("merge", groups))


def split_event(store: Store, event_id: str, refs: Sequence[str]) -> list[KbEvent]:
    event = resolve(store, event_id)
    moved = pick_mentions(event, refs)
    if not moved or len({m.key for m in moved}) == len({m.key for m in event.mentions}):
        raise EventNotFound(
            f"a split needs some but not all of the {len(event.mentions)} mentions of {event.id}"
        )
    return correct(store, Correction("split", (tuple(m.key for m in moved),)))


def recode_event(store: Store, event_id: str, type_: str, mode: str | None) -> list[KbEvent]:
    event = resolve(store, event_id)
    type_ = type_.upper()
    if type_ not in CAMEO_ROOT:
        raise EventNotFound(
            f"unknown PLOVER type {type_!r}; use one of {', '.join(sorted(CAMEO_ROOT))}"
        )
    keys = (tuple(m.key for m in event.mentions),)
    return correct(store, Correction("recode", keys, type_, mode))


def reject_event(store: Store, event_id: str) -> list[KbEvent]:
    event = resolve(store, event_id)
    return correct(store, Correction("reject", (tuple(m.key for m in event.mentions),)))


# --- queries -------------------------------------------------------------------------------


def mentions_entity(event: KbEvent, ids: set[str]) -> bool:
    """Whether an event involves any of ``ids`` as actor, place, claimant or denier."""
    names = {event.source, event.target, event.location, *event.claimed_by, *event.denied_by}
    return bool(ids & {actor(n) for n in names if n} | ids & {n for n in names if n})


def entity_ids(about: str, names: dict[str, str]) -> set[str]:
    """Ids an ``--about`` value means: an id, a name (any case) or a slug of either."""
    wanted = about.strip()
    ids = {wanted, slug(wanted)}
    ids |= {i for i, n in names.items() if n.casefold() == wanted.casefold()}
    from .entities.gazetteer import load_gazetteer

    for entry in load_gazetteer().entries.values():
        forms = {entry.name, entry.en, *entry.aliases}
        if any(f.casefold() == wanted.casefold() for f in forms):
            ids.add(entry.id)
    return {actor(i) or i for i in ids} | ids


def parse_day(value: str, *, end: bool = False) -> int:
    """YYYY, YYYY-MM or YYYY-MM-DD as an ordinal day (the first, or last with ``end``)."""
    parts = value.strip().split("-")
    precision = {1: "year", 2: "month", 3: "day"}.get(len(parts), "")
    iv = date_interval(value.strip(), precision)
    if iv is None:
        raise TelisikError(f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return iv[1] if end else iv[0]


def live(events: Iterable[KbEvent]) -> list[KbEvent]:
    return [e for e in events if not e.rejected]


def timeline(
    events: Iterable[KbEvent],
    *,
    about: set[str] | None = None,
    start: int | None = None,
    end: int | None = None,
) -> list[KbEvent]:
    """Live events in date order (undated last); a date range keeps events that overlap it."""
    out = []
    for e in live(events):
        if about is not None and not mentions_entity(e, about):
            continue
        iv = _interval(e.date)
        if (start is not None or end is not None) and iv is None:
            continue
        if iv is not None and (
            (start is not None and iv[1] < start) or (end is not None and iv[0] > end)
        ):
            continue
        out.append(e)
    return sorted(out, key=lambda e: ((_interval(e.date) or (10**7, 0))[0], _rank(e.date), e.id))


def claims(events: Iterable[KbEvent], *, about: set[str] | None = None) -> list[KbEvent]:
    """Contested live events, in date order."""
    return [e for e in timeline(events, about=about) if e.contested]


def display_name(entity: str | None, names: dict[str, str]) -> str | None:
    """The stored name of an entity id, else the gazetteer's, else the id."""
    if not entity:
        return None
    if entity in names:
        return names[entity]
    from .entities.gazetteer import load_gazetteer

    entry = load_gazetteer().get(entity)
    return entry.name if entry else entity


def event_row(e: KbEvent, names: dict[str, str]) -> dict[str, Any]:
    """The JSON form of an event (without its mentions)."""
    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "cameo": e.cameo,
        "source": e.source,
        "source_name": display_name(e.source, names),
        "target": e.target,
        "target_name": display_name(e.target, names),
        "location": e.location,
        "location_name": display_name(e.location, names),
        "date": {"value": e.date.value, "precision": e.date.precision} if e.date else None,
        "status": e.status,
        "claimed_by": list(e.claimed_by),
        "denied_by": list(e.denied_by),
        "mentions": len(e.mentions),
        "articles": e.articles,
        "sources": e.sources,
        "reason": e.reason,
        "rejected": e.rejected,
    }


def mention_row(n: int, m: EventMention) -> dict[str, Any]:
    e = m.event
    return {
        "n": n,
        "ref": f"{m.article}:{m.seq}",
        "article": m.article,
        "published": m.published,
        "outlet": m.outlet,
        "url": m.url,
        "status": e.status,
        "date": {"value": e.date.value, "precision": e.date.precision} if e.date else None,
        "claimed_by": list(e.claimed_by),
        "denied_by": list(e.denied_by),
        "start": e.evidence.start,
        "end": e.evidence.end,
        "evidence": m.evidence,
    }


def claim_row(e: KbEvent, names: dict[str, str]) -> dict[str, Any]:
    """Who asserts, who denies, on what evidence, where and when."""
    row = event_row(e, names)
    row["asserted_by"] = [display_name(a, names) for a in e.claimed_by]
    row["denied_by_names"] = [display_name(a, names) for a in e.denied_by]
    row["evidence"] = [mention_row(n, m) for n, m in enumerate(e.mentions, 1)]
    return row


# --- graph and GDELT export --------------------------------------------------------------------


def _nx() -> Any:
    try:
        import networkx
    except ImportError:
        raise MissingExtra("networkx", "export") from None
    return networkx


def event_graph(events: Iterable[KbEvent], names: dict[str, str]) -> nx.MultiDiGraph:
    """Actors and events as nodes; edges say who acts (source), on whom (target), where,
    and who claims or denies it. Attribute values are strings or numbers only (GEXF, GraphML).
    """
    nx = _nx()
    g = nx.MultiDiGraph()

    def add_actor(a: str, kind: str = "actor") -> None:
        if a not in g:
            g.add_node(a, label=display_name(a, names) or a, kind=kind)

    for e in live(events):
        node = f"event:{e.id}"
        g.add_node(
            node,
            label=f"{e.type}/{e.mode or '-'} {_date_text(e.date)}",
            kind="event",
            type=e.type,
            mode=e.mode or "",
            cameo=e.cameo or "",
            date=e.date.value or "" if e.date else "",
            status=e.status,
            mentions=len(e.mentions),
            sources=e.sources,
        )
        if e.source:
            add_actor(e.source)
            g.add_edge(e.source, node, role="source")
        if e.target:
            add_actor(e.target)
            g.add_edge(node, e.target, role="target")
        if e.location:
            add_actor(e.location, "place")
            g.add_edge(node, e.location, role="location")
        for a in e.claimed_by:
            add_actor(a)
            g.add_edge(a, node, role="claims")
        for a in e.denied_by:
            add_actor(a)
            g.add_edge(a, node, role="denies")
    return g


def write_graph(graph: Any, path: str, fmt: str) -> None:
    nx = _nx()
    if fmt == "gexf":
        nx.write_gexf(graph, path)
    else:
        nx.write_graphml(graph, path)


GDELT_COLUMNS = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
    # telisik's own columns, after GDELT's
    "TelisikEventID",
    "PloverType",
    "PloverMode",
    "Status",
    "DatePrecision",
    "ClaimedBy",
    "DeniedBy",
    "SOURCEURLS",
)


def quad_class(cameo: str | None) -> int | None:
    """GDELT's four classes from the CAMEO root: verbal/material cooperation/conflict."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _country(entity: str | None) -> str:
    """ISO code of a state or of the state a place or metonym belongs to; '' for people."""
    if not entity:
        return ""
    code = _geo()[1].get(actor(entity) or entity, (None, None, None))[0]
    return code or ""


def _geo_type(place: str) -> int:
    """GDELT ActionGeo_Type: 1 country, 4 city or landmark."""
    return 1 if not _state_of(place) and _country(place) else 4


def gdelt_row(e: KbEvent, names: dict[str, str]) -> dict[str, Any]:
    day = ""
    if e.date and (iv := _interval(e.date)):
        day = date.fromordinal(iv[0]).strftime("%Y%m%d")
    urls = list(dict.fromkeys(m.url for m in sorted(e.mentions, key=_published) if m.url))
    code, lat, lon = _geo()[1].get(e.location or "", (None, None, None))
    added = max((m.published or "" for m in e.mentions), default="").replace("-", "")
    return {
        "GlobalEventID": int(e.id, 16) if all(c in "0123456789abcdef" for c in e.id) else e.id,
        "Day": day,
        "MonthYear": day[:6],
        "Year": day[:4],
        "Actor1Code": _country(e.source),
        "Actor1Name": display_name(e.source, names) or "",
        "Actor1CountryCode": _country(e.source),
        "Actor2Code": _country(e.target),
        "Actor2Name": display_name(e.target, names) or "",
        "Actor2CountryCode": _country(e.target),
        "IsRootEvent": 1,
        "EventCode": e.cameo or "",
        "EventBaseCode": (e.cameo or "")[:3],
        "EventRootCode": (e.cameo or "")[:2],
        "QuadClass": quad_class(e.cameo) or "",
        "NumMentions": len(e.mentions),
        "NumSources": e.sources,
        "NumArticles": e.articles,
        "ActionGeo_Type": _geo_type(e.location) if e.location else "",
        "ActionGeo_FullName": display_name(e.location, names) or "",
        "ActionGeo_CountryCode": code or _country(e.location),
        "ActionGeo_Lat": "" if lat is None else lat,
        "ActionGeo_Long": "" if lon is None else lon,
        "DATEADDED": added,
        "SOURCEURL": urls[0] if urls else "",
        "TelisikEventID": e.id,
        "PloverType": e.type,
        "PloverMode": e.mode or "",
        "Status": e.status,
        "DatePrecision": e.date.precision if e.date and e.date.value else "",
        "ClaimedBy": ";".join(e.claimed_by),
        "DeniedBy": ";".join(e.denied_by),
        "SOURCEURLS": " ".join(urls),
    }


def _published(m: EventMention) -> tuple[str, str]:
    return (m.published or "9999", m.article)


def gdelt_table(events: Iterable[KbEvent], names: dict[str, str]) -> str:
    """A GDELT-2.0-style tab-separated table with a header row; tabs in values become spaces."""
    out = io.StringIO()
    writer = csv.writer(
        out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
    )
    writer.writerow(GDELT_COLUMNS)
    for e in timeline(events):
        row = gdelt_row(e, names)
        writer.writerow([" ".join(str(row[c]).split()) for c in GDELT_COLUMNS])
    return out.getvalue()


__all__ = [
    "CAMEO_ROOT",
    "GDELT_COLUMNS",
    "Correction",
    "EventMention",
    "EventNotFound",
    "KbEvent",
    "aggregate_status",
    "build_kb",
    "claims",
    "date_interval",
    "dates_compatible",
    "event_graph",
    "gdelt_table",
    "merge_mentions",
    "places_compatible",
    "refresh_kb",
    "timeline",
]
