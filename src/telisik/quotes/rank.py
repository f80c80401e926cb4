"""Who "katanya" points at: a small learned ranker over the people and bodies named
before a quote.

A speech tag without a name ("…,” katanya", "ia menambahkan, “…”") leaves a
choice between everyone the last paragraphs name. The rules in ``resolve``
make one guess (the last speaker, the paragraph's subject, …); the ranker sees
that guess as one signal among others — how recently and how often each
candidate was named, whether it spoke before, whether it is a sentence's
subject or the object of a preposition, whether the quote talks *about* it —
and picks the highest score. Weights are a conditional logit trained by
``training/train_speaker.py`` on the hand-labelled IndoSum quotes and shipped as
``models/quote-speaker.json`` (a few hundred bytes); without that file the
rules' guess stands.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..entities.gazetteer import load_gazetteer
from .context import Speaker, _Context, _Mention

# Paragraphs before the quote's own whose names are candidates.
WINDOW = 3

_OBJECT_BEFORE = frozenset(
    {"kepada", "dengan", "untuk", "bagi", "terhadap", "oleh", "dari", "tentang", "soal", "ke"}
)


@dataclass(slots=True)
class Resolution:
    """What the rules know when a pronoun cue is resolved, for the ranker's features."""

    rule: Speaker | None  # the rules' guess
    last: Speaker | None  # the last speaker quoted
    last_paragraph: int
    paragraph: int
    written: bool  # "tulisnya", "cuitnya": a post or a release
    subjects: tuple[str | None, str | None]  # subject of this paragraph / the one before
    spoke: dict[str, int] = field(default_factory=dict)  # quotes per speaker so far


@dataclass(frozen=True, slots=True)
class Candidate:
    speaker: Speaker
    features: tuple[float, ...]


FEATURES = (
    "rule",
    "last",
    "last_same_paragraph",
    "subject_here",
    "subject_before",
    "same_paragraph",
    "previous_paragraph",
    "paragraphs_back",
    "recency_rank",
    "person",
    "org",
    "media",
    "named_in_quote",
    "mentions_before",
    "spoke_before",
    "last_in_quotes",
    "last_after_preposition",
    "last_opens_sentence",
    "has_role",
    "plausible_person",
    "place_name",
    "full_name",
    "mentions_all",
    "written_x_org",
    "rule_x_org",
    "rule_x_plausible",
)


def _paragraph(ctx: _Context, pos: int) -> int:
    return ctx.sentences[ctx.sentence_at(pos)][2] if ctx.sentences else 0


_PLACES = frozenset({"GPE", "LOC", "FAC"})


@lru_cache(maxsize=4096)
def _place_name(name: str) -> bool:
    """The whole name is a place of the gazetteer ("Banyuwangi", "London")."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\w+", name)]
    hits = load_gazetteer().match_tokens(name, spans) if spans else []
    return any(h.start == 0 and h.end == len(name) and h.entry.type in _PLACES for h in hits)


def _in_quotes(ctx: _Context, pos: int) -> bool:
    """Inside quotation marks of its paragraph: spoken of, not speaking."""
    start = ctx.text.rfind("\n", 0, pos) + 1
    before = ctx.text[start:pos]
    opens = sum(before.count(ch) for ch in "“«")
    closes = sum(before.count(ch) for ch in "”»")
    return opens > closes or before.count('"') % 2 == 1


def candidates(ctx: _Context, pos: int, quoted: str, res: Resolution) -> list[Candidate]:
    """The people and bodies named in the quote's paragraph and the ``WINDOW`` before it,
    plus the rules' guess and the last speaker, each with its features."""
    first_para = res.paragraph - WINDOW
    i = bisect.bisect_left(ctx.mention_starts, pos) - 1
    latest: dict[str, _Mention] = {}
    order: list[str] = []
    counts: dict[str, int] = {}
    while i >= 0:
        m = ctx.mentions[i]
        i -= 1
        if m.entity.type not in ("PERSON", "ORG") and not m.metonym:
            continue
        eid = m.entity.id
        counts[eid] = counts.get(eid, 0) + 1
        if eid in latest or _paragraph(ctx, m.start) < first_para:
            continue
        latest[eid] = m
        order.append(eid)
    from .speakers import _speaker_of  # a cycle: speakers imports context only

    out = []
    seen: set[str] = set()
    extra = [s for s in (res.rule, res.last) if s is not None and s.id not in latest]
    for rank, eid in enumerate(order):
        m = latest[eid]
        out.append(_candidate(ctx, _speaker_of(ctx, m, None), m, rank, counts[eid], quoted, res))
        seen.add(eid)
    for sp in extra:
        if sp.id in seen:
            continue
        seen.add(sp.id or sp.name)
        out.append(_candidate(ctx, sp, None, len(order), counts.get(sp.id or "", 0), quoted, res))
    return out


def _candidate(
    ctx: _Context,
    sp: Speaker,
    m: _Mention | None,
    rank: int,
    count: int,
    quoted: str,
    res: Resolution,
) -> Candidate:
    from .resolve import _named_in, _plausible_person

    ent = (
        m.entity
        if m is not None
        else next((x.entity for x in ctx.mentions if x.entity.id == sp.id), None)
    )
    para = _paragraph(ctx, m.start) if m is not None else res.last_paragraph
    back = res.paragraph - para
    is_last = res.last is not None and sp.id == res.last.id
    subject_here = sp.id is not None and sp.id == res.subjects[0]
    is_rule = res.rule is not None and sp.id == res.rule.id
    opens = False
    after_prep = False
    if m is not None:
        words = ctx.words(max(0, m.start - 40), m.start)
        after_prep = bool(words) and words[-1][2] in _OBJECT_BEFORE
        s = ctx.sentences[ctx.sentence_at(m.start)][0] if ctx.sentences else 0
        opens = len(ctx.words(s, m.start)) <= 1
    plausible = _plausible_person(sp)
    values = {
        "rule": is_rule,
        "last": is_last,
        "last_same_paragraph": is_last and res.last_paragraph == res.paragraph,
        "subject_here": subject_here,
        "subject_before": sp.id is not None and sp.id == res.subjects[1],
        "same_paragraph": back == 0,
        "previous_paragraph": back == 1,
        "paragraphs_back": min(back, WINDOW + 1) / (WINDOW + 1),
        "recency_rank": min(rank, 6) / 6,
        "person": ent is not None and ent.type == "PERSON",
        "org": ent is not None and ent.type == "ORG",
        "media": m is not None and ctx.is_media(m),
        "named_in_quote": _named_in(ctx, sp, quoted),
        "mentions_before": math.log1p(count) / 3,
        "spoke_before": math.log1p(res.spoke.get(sp.id or "", 0)) / 2,
        "last_in_quotes": m is not None and _in_quotes(ctx, m.start),
        "last_after_preposition": after_prep,
        "last_opens_sentence": opens,
        "has_role": bool(sp.role),
        "plausible_person": plausible,
        "place_name": _place_name(sp.name) or (ent is not None and ent.type in _PLACES),
        "full_name": len(sp.name.split()) >= 2 and sp.name.istitle(),
        "mentions_all": math.log1p(len(ent.mentions) if ent is not None else 0) / 3,
        "written_x_org": res.written and ent is not None and ent.type == "ORG",
        "rule_x_org": is_rule and ent is not None and ent.type == "ORG",
        "rule_x_plausible": is_rule and plausible,
    }
    return Candidate(sp, tuple(float(values[f]) for f in FEATURES))


@dataclass(frozen=True, slots=True)
class Ranker:
    weights: tuple[float, ...]

    def best(self, cands: Sequence[Candidate]) -> Speaker | None:
        if not cands:
            return None
        scored = [
            (sum(w * f for w, f in zip(self.weights, c.features, strict=True)), c) for c in cands
        ]
        return max(scored, key=lambda t: t[0])[1].speaker


@lru_cache(maxsize=1)
def load_ranker() -> Ranker | None:
    """The shipped weights, or None when the model file is absent or for other features."""
    try:
        raw = resources.files("telisik").joinpath("models/quote-speaker.json").read_text()
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(raw)
    if tuple(data["features"]) != FEATURES:
        return None
    return Ranker(tuple(float(w) for w in data["weights"]))


# What ``_fill_pronouns`` calls to choose: the shipped ranker by default; training
# passes its own to record the candidates.
Chooser = Callable[[_Context, int, str, Resolution], Speaker | None]


def choose(ctx: _Context, pos: int, quoted: str, res: Resolution) -> Speaker | None:
    ranker = load_ranker()
    if ranker is None or res.rule is None or res.rule.id is None:
        return res.rule  # no one, or a described speaker ("seorang sumber"): not a choice
    return ranker.best(candidates(ctx, pos, quoted, res)) or res.rule
