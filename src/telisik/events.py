"""Events stage: PLOVER-coded events with actors, place, date and status.

One pass over each sentence finds trigger words (``lang/<lang>/events.toml``:
"kunjungan", "mengirim … senjata", "uji coba rudal" …, in their affixed
forms), then fills each event's arguments from what earlier stages found:

- source: the trigger's subject (the nearest entity before it that stands in
  subject position, a coordinated "X dan Y", a resolved pronoun "ia" or "kedua
  negara"), or the possessor of a nominal trigger ("kunjungan Putin"), or the
  speaker when a reported clause names no subject ("Kim mengatakan negaranya
  akan … mendukung"); target: the first entity after it in its clause;
  "antara X dan Y" gives both. Capitals stand for their state.
- location: a place after "di"/"ke"; a visit's destination.
- date: the nearest time expression in the trigger's clause, else the
  article's publication date.
- status: denied (after "X membantah"), hypothetical ("jika", "kemungkinan",
  "bisa"), alleged (evidence or accusation cues, or a speaker: "menurut X",
  "X mengatakan", "kata X"), planned ("akan", "dijadwalkan"; a speaker's own
  "akan" is a pledge), historical (a past cue or a date well before the
  article's), else asserted. ``claimed_by``/``denied_by`` are canonical names.

Negated ("tidak bertemu"), purpose ("untuk bertemu") and threatened ("mengancam
akan menyerang") triggers are not events; actors are never pronouns: an
unresolved pronoun leaves the actor empty, and an event with neither actors nor
claimants is dropped.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_toml
from .model import Document, Entity, Event, EventDate, Span, Status, TimeExpr
from .pipeline import stage
from .settings import Settings

__all__ = ["events", "extract_events", "load_lexicon"]

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]")
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_CLITICS = ("nya", "lah", "kah", "pun")
# Verbs whose complement has its own subject ("menuduh Kim memberikan").
_CONTROL_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN"})
_SYMMETRIC = frozenset({"meeting", "treaty", "agreement", "cooperation", "signing"})
_PLEDGE_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE"})


# --- language data -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger group: a PLOVER type and mode, and what its words need."""

    type: str
    mode: str
    objects: tuple[tuple[str, str], ...] = ()  # (object class, mode) in order
    exclude_next: frozenset[str] = frozenset()
    exclude_prev: frozenset[str] = frozenset()
    needs_place: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger forms, object classes, cue words and CAMEO codes of one language."""

    words: dict[str, tuple[Trigger, ...]]
    phrases: dict[str, tuple[tuple[tuple[str, ...], Trigger], ...]]
    objects: dict[str, frozenset[str]]
    cameo: dict[str, str]
    mode_cameo: dict[str, str]
    cues: dict[str, frozenset[str]]
    speech_phrases: tuple[tuple[str, ...], ...]
    object_window: int
    forms: dict[str, tuple[str, bool]]  # token (with clitics) -> (trigger form, "-nya"?)
    interesting: frozenset[str]  # tokens that make a sentence worth a closer look


def _nasal(prefix: str, root: str) -> str:
    """meN-/peN- with Indonesian nasal assimilation: kirim -> mengirim, pasok -> memasok."""
    c = root[0]
    if c in "aiueo":
        return prefix + "ng" + root
    if c == "k":
        return prefix + "ng" + root[1:]
    if c in "gh":
        return prefix + "ng" + root
    if c == "p":
        return prefix + "m" + root[1:]
    if c in "bfv":
        return prefix + "m" + root
    if c == "t":
        return prefix + "n" + root[1:]
    if c in "dcjz":
        return prefix + "n" + root
    if c == "s":
        return prefix + "ny" + root[1:]
    return prefix + root


def expand_root(root: str) -> frozenset[str]:
    """The usual affixed forms of a verb root ("kunjung" -> "mengunjungi", "kunjungan" …).

    The bare root is left out: alone it is mostly another word class ("lini
    serang", "kirim" in an imperative); so is ter-, whose subject undergoes the
    act ("masyarakat terancam"). List such forms as plain words where needed.
    """
    me, pe = _nasal("me", root), _nasal("pe", root)
    return frozenset(
        {
            root + "an",
            me,
            me + "kan",
            me + "i",
            "di" + root,
            "di" + root + "kan",
            "di" + root + "i",
            "ber" + root,
            pe + "an",
            "per" + root + "an",
            "ke" + root + "an",
        }
    )


def _forms(spec: str) -> set[str]:
    out: set[str] = set()
    for word in spec.split():
        out |= expand_root(word[:-1]) if word.endswith("+") else {word}
    return out


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "id") -> Lexicon:
    """The events lexicon shipped for ``lang`` (cached)."""
    data = load_toml("events", lang)
    words: dict[str, list[Trigger]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
    for spec in data["trigger"]:
        trigger = Trigger(
            type=spec["type"],
            mode=spec["mode"],
            objects=tuple(spec.get("objects", {}).items()),
            exclude_next=frozenset(spec.get("exclude_next", "").split()),
            exclude_prev=frozenset(spec.get("exclude_prev", "").split()),
            needs_place=frozenset(spec.get("needs_place", "").split()),
        )
        for form in _forms(spec.get("words", "")):
            words.setdefault(form, []).append(trigger)
        for phrase in spec.get("phrases", []):
            first, *rest = phrase.split()
            phrases.setdefault(first, []).append((tuple(rest), trigger))
    objects: dict[str, set[str]] = {}
    for name, spec in data["objects"].items():
        for word in spec.split():
            objects.setdefault(word, set()).add(name)
    cues = data["cues"]
    forms = {w: (w, False) for w in words}
    for w in words:
        for clitic in _CLITICS:
            forms.setdefault(w + clitic, (w, clitic == "nya"))
    cue_words = {w for k in ("speech_before", "speech_after", "recap") for w in cues[k].split()} | {
        p.split()[0] for p in cues.get("speech_phrases", [])
    }
    return Lexicon(
        words={k: tuple(v) for k, v in words.items()},
        # longest phrase first, so "menguji coba" wins over "menguji"
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        objects={k: frozenset(v) for k, v in objects.items()},
        cameo=dict(data["cameo"]),
        mode_cameo=dict(data["mode_cameo"]),
        cues={k: frozenset(v.split()) for k, v in cues.items() if isinstance(v, str)},
        speech_phrases=tuple(tuple(p.split()) for p in cues.get("speech_phrases", [])),
        object_window=int(data.get("object_window", 6)),
        forms=forms,
        interesting=frozenset(forms) | frozenset(phrases) | frozenset(cue_words),
    )


@lru_cache(maxsize=4)
def _role_words(lang: str) -> frozenset[str]:
    """Role words of the entities stage: they chain a title to a name ("Menteri Luar Negeri")."""
    from .entities.detect import load_words

    w = load_words(lang)
    return w.role_heads | w.role_modifiers


@lru_cache(maxsize=4)
def _capitals(lang: str) -> dict[str, str]:
    """Canonical name of a capital/seat of government -> canonical name of its state."""
    from .entities.gazetteer import load_gazetteer

    gaz = load_gazetteer(lang)
    out: dict[str, str] = {}
    for entry in gaz.entries.values():
        state = gaz.get(entry.metonym_of) if entry.metonym_of else None
        if state is not None and entry.type == "GPE":
            out[entry.name] = state.name
    return out


# --- per-article structures ---------------------------------------------------------


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    low: str


@dataclass(slots=True)
class _Arg:
    """An entity mention, resolved pronoun or pair anaphor in one sentence."""

    first: int  # token indices, inclusive
    last: int
    names: tuple[str, ...]  # canonical names; () for an unresolved pronoun
    type: str
    absorbed: bool = False  # a role part: "AS" in "Menteri Luar Negeri AS Antony Blinken"


@dataclass(slots=True)
class _Hit:
    """A matched trigger in one sentence."""

    first: int
    last: int
    trigger: Trigger
    mode: str
    nominal: bool
    possessive: bool
    form: str
    start: int = 0  # character span of the trigger words
    end: int = 0


@dataclass(slots=True)
class _Draft:
    hit: _Hit
    source: str | None = None
    target: str | None = None
    location: str | None = None
    date: EventDate | None = None
    status: Status = "asserted"
    mode: str = ""
    claimed_by: list[str] = dataclasses.field(default_factory=list)
    denied_by: list[str] = dataclasses.field(default_factory=list)
    group: tuple[str, ...] = ()  # the coordinated subject ("Moskow dan Pyongyang")
    anaphor: bool = False  # "pertemuan ini": refers back to an earlier event
    explicit_date: bool = False  # the date is written in the sentence, not the byline's
    announced: bool = False  # an agreement whose one side is only its announcer
    hosted: bool = False  # the target hosts a visit ("menerima kunjungan")


@dataclass(slots=True)
class _Context:
    """What the sentences of one article share."""

    doc: Document
    lex: Lexicon
    roles: frozenset[str]
    capitals: dict[str, str]
    mentions: list[tuple[int, int, Entity]]  # sorted by start
    mention_starts: list[int]
    people: list[tuple[int, str]]  # (start, name) of PERSON mentions
    antecedents: list[tuple[int, str]]  # people a pronoun can stand for
    types: dict[str, str]  # canonical name -> entity type
    states: list[tuple[int, str]]  # (start, name) of GPE actor mentions
    places: list[tuple[int, str]]  # (start, name) of place mentions
    counts: Counter[str]
    reference_year: int | None
    last_speaker: str | None = None
    history: list[Event] = dataclasses.field(default_factory=list)


# --- the stage ---------------------------------------------------------------------------


@stage("events")
def events(doc: Document, *, settings: Settings | None = None) -> Document:
    """Set ``events`` on a document that has sentences, entities and times."""
    if not doc.text:
        return doc
    return dataclasses.replace(doc, events=extract_events(doc))


def extract_events(doc: Document, *, lang: str = "id") -> tuple[Event, ...]:
    """The events of ``doc``, in text order, each with its evidence span."""
    ctx = _context(doc, lang)
    sentences = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
    out: list[Event] = []
    previous = 0  # how many events the previous sentence gave
    interesting = ctx.lex.interesting
    text = doc.text
    for start, end in sentences:
        # most sentences name no event: one C-speed set test skips them
        if interesting.isdisjoint(_WORDS.findall(text[start:end].casefold())):
            previous = 0
            continue
        toks = [
            _Tok(m.start(), m.end(), m.group().casefold())
            for m in _TOKEN.finditer(text, start, end)
        ]
        if not toks:
            continue
        drafts, recap = _sentence(ctx, toks, start, end)
        if recap and previous:
            # "Demikian ungkap X": X vouches for the previous sentence's events
            for n in range(len(out) - previous, len(out)):
                out[n] = _vouched(out[n], recap)
        previous = 0
        for d in drafts:
            event = _event(ctx, d, start, end)
            if event is not None:
                out.append(event)
                ctx.history.append(event)
                previous += 1
    return tuple(out)


def _vouched(event: Event, speakers: tuple[str, ...]) -> Event:
    """``event`` with ``speakers`` among its claimants; a bare assertion becomes alleged."""
    claimed = tuple(dict.fromkeys((*event.claimed_by, *speakers)))
    status = event.status
    if status == "asserted" and event.type not in _CONTROL_TYPES and claimed != (event.source,):
        status = "alleged"
    return dataclasses.replace(event, claimed_by=claimed, status=status)


def _context(doc: Document, lang: str) -> _Context:
    mentions = sorted(
        ((m.start, m.end, e) for e in doc.entities for m in e.mentions), key=lambda x: x[0]
    )
    people = [(s, e.name) for s, _, e in mentions if e.type == "PERSON"]
    roles = _role_words(lang)
    antecedents = [(s, name) for s, name in people if not _in_apposition(doc.text, s, roles)]
    states = [(s, e.name) for s, _, e in mentions if e.type == "GPE"]
    places = [(s, e.name) for s, _, e in mentions if e.type in _PLACE_TYPES]
    counts = Counter(e.name for _, _, e in mentions if e.type in _ACTOR_TYPES)
    return _Context(
        doc=doc,
        lex=load_lexicon(lang),
        roles=_role_words(lang),
        capitals=_capitals(lang),
        mentions=mentions,
        mention_starts=[m[0] for m in mentions],
        people=people,
        antecedents=antecedents,
        types={e.name: e.type for e in doc.entities},
        states=states,
        places=places,
        counts=counts,
        reference_year=_reference_year(doc),
    )


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s,]*$")


def _in_apposition(text: str, start: int, roles: frozenset[str]) -> bool:
    """ "Kim Jong Il, ayah Kim Jong Un": a name in a lower-case role is no pronoun's antecedent."""
    m = _WORD_BEFORE.search(text, max(start - 40, 0), start)
    return bool(m and m.group(1).islower() and m.group(1) in roles)


def _year(value: str | None) -> int | None:
    if not value or value.startswith("P") or len(value) < 4 or not value[:4].isdigit():
        return None
    return int(value[:4])


def _reference_year(doc: Document) -> int | None:
    """The article's own year: its publication date, else its latest absolute date."""
    year = _year(doc.published.value)
    if year is not None:
        return year
    years = [y for t in doc.times if not t.relative for y in [_year(t.value)] if y is not None]
    return max(years) if years else None


# --- one sentence ----------------------------------------------------------------------


def _sentence(
    ctx: _Context, toks: list[_Tok], start: int, end: int
) -> tuple[list[_Draft], tuple[str, ...]]:
    """The sentence's events, and who a "Demikian ungkap X" sentence vouches for."""
    lex = ctx.lex
    hits = _hits(lex, toks)
    if not hits and lex.interesting.isdisjoint([t.low for t in toks]):
        return [], ()  # no trigger, no speech cue
    args = _args(ctx, toks, start, end)
    bounds = _clause_bounds(lex, toks)
    speech = _speech(ctx, toks, args, hits)  # also run for "katanya" in later sentences
    recap: tuple[str, ...] = ()
    if _is_recap(lex, toks):
        recap = next((s[2] for s in speech if s[0] <= 2), ())
    drafts: list[_Draft] = []
    for i, hit in enumerate(hits):
        if _suppressed(lex, toks, hits, i, bounds):
            continue
        d = _Draft(hit=hit, mode=hit.mode, anaphor=_anaphor(lex, toks, hit))
        _actors(ctx, toks, args, hits, i, bounds, speech, d)
        _place(ctx, toks, args, hit, bounds, d)
        d.date, d.explicit_date = _date(ctx, toks, hits, hit, bounds)
        _status(ctx, toks, hits, i, bounds, speech, drafts, d)
        drafts.append(d)
    return _merge_same(drafts), recap


def _args(ctx: _Context, toks: list[_Tok], start: int, end: int) -> list[_Arg]:
    """Entity mentions (actors and places), pronouns and pair anaphors of the sentence."""
    starts = [t.start for t in toks]
    out: list[_Arg] = []
    lo = bisect.bisect_left(ctx.mention_starts, start)
    hi = bisect.bisect_left(ctx.mention_starts, end)
    for m_start, m_end, entity in ctx.mentions[lo:hi]:
        first = bisect.bisect_left(starts, m_start)
        last = max(first, bisect.bisect_left(starts, m_end) - 1)
        if first >= len(toks):
            continue
        out.append(_Arg(first, last, (entity.name,), entity.type))
    lex = ctx.lex
    pronouns = lex.cues["person_pronouns"]
    plural = lex.cues["plural_pronouns"]
    for i, t in enumerate(toks):
        if t.low in pronouns:
            name = _last_before(ctx.antecedents, t.start)
            out.append(_Arg(i, i, (name,) if name else (), "PERSON"))
        elif t.low in plural:
            out.append(_Arg(i, i, (), "PRONOUN"))
        elif t.low in lex.cues["pair_heads"] and i + 1 < len(toks):
            nxt = toks[i + 1].low
            if nxt in lex.cues["pair_link"] and i + 2 < len(toks):
                nxt = toks[i + 2].low
            if nxt in lex.cues["pair_persons"]:
                out.append(_Arg(i, i + 1, _main_two(ctx.people, t.start), "PERSON"))
            elif nxt in lex.cues["pair_states"]:
                out.append(_Arg(i, i + 1, _main_two(ctx.states, t.start), "GPE"))
    out.sort(key=lambda a: a.first)
    # A state or organisation right before a person is part of the person's role.
    for a, b in itertools.pairwise(out):
        if a.type in ("GPE", "ORG") and b.type == "PERSON" and b.names:
            gap = ctx.doc.text[toks[a.last].end : toks[b.first].start].strip()
            # "ajudan … Kremlin, Yuri Ushakov": an apposition only after a role word
            role_before = a.first > 0 and toks[a.first - 1].low in ctx.roles
            if gap == "" or (gap == "," and role_before):
                a.absorbed = True
    return out


def _last_before(items: list[tuple[int, str]], pos: int) -> str | None:
    i = bisect.bisect_left(items, (pos, ""))
    return items[i - 1][1] if i > 0 else None


def _main_two(items: list[tuple[int, str]], pos: int) -> tuple[str, ...]:
    """The two entities named most often before ``pos`` ("kedua negara", "kedua pemimpin").

    Pair anaphors point at the article's main dyad rather than at the last
    two names: "kedua negara" after a list of countries is still the two
    the article is about. Ties go to the one named first.
    """
    i = bisect.bisect_left(items, (pos, ""))
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for start, name in items[:i]:
        counts[name] += 1
        first.setdefault(name, start)
    ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))[:2]
    return tuple(sorted(ranked, key=lambda n: first[n])) if len(ranked) == 2 else ()


def _lookup(lex: Lexicon, low: str) -> tuple[str, bool] | None:
    """The trigger form of a token, and whether it carried a possessive "-nya"."""
    return lex.forms.get(low)


def _is_nominal(form: str) -> bool:
    """Nouns name events without a verb prefix ("kunjungan", "KTT", "transfer")."""
    return not form.startswith(("me", "di", "ber", "ter", "be"))


def _hits(lex: Lexicon, toks: list[_Tok]) -> list[_Hit]:
    out: list[_Hit] = []
    i = 0
    while i < len(toks):
        low = toks[i].low
        found: _Hit | None = None
        for rest, trigger in lex.phrases.get(low, ()):
            n = len(rest)
            if tuple(t.low for t in toks[i + 1 : i + 1 + n]) == rest:
                found = _Hit(i, i + n, trigger, trigger.mode, _is_nominal(low), False, low)
                break
        if found is None:
            looked = _lookup(lex, low)
            if looked is not None:
                form, possessive = looked
                for trigger in lex.words[form]:
                    found = _Hit(i, i, trigger, trigger.mode, _is_nominal(form), possessive, form)
                    mode = _object_mode(lex, toks, found)
                    if mode is not None:
                        found.mode = mode
                        break
                    found = None
        elif found.trigger.objects:
            mode = _object_mode(lex, toks, found)
            found = None if mode is None else dataclasses.replace(found, mode=mode)
        if found is not None and _excluded(lex, toks, found):
            found = None
        if found is not None:
            found.start, found.end = toks[found.first].start, toks[found.last].end
            out.append(found)
            i = found.last + 1
        else:
            i += 1
    return out


def _object_mode(lex: Lexicon, toks: list[_Tok], hit: _Hit) -> str | None:
    """The mode an object gives ("mengirim senjata" -> arms transfer); None if it needs one."""
    trigger = hit.trigger
    if not trigger.objects:
        return trigger.mode
    classes = dict(trigger.objects)
    for t in toks[hit.last + 1 : hit.last + 1 + lex.object_window]:
        if t.low in (".", ";"):
            break
        low = t.low
        for word in (low, low.split("-")[0], low.removesuffix("nya")):
            for cls in lex.objects.get(word, ()):
                if cls in classes:
                    return classes[cls]
    return None


def _excluded(lex: Lexicon, toks: list[_Tok], hit: _Hit) -> bool:
    """A word before or after that makes the trigger something else ("serangan jantung")."""
    nxt = toks[hit.last + 1].low if hit.last + 1 < len(toks) else ""
    prev = toks[hit.first - 1].low if hit.first > 0 else ""
    trigger = hit.trigger
    if nxt in trigger.exclude_next or prev in trigger.exclude_prev:
        return True
    # "berangkat": travel only with "ke"/"dari" after; "menuju X" takes X itself
    return (
        hit.form in trigger.needs_place
        and nxt not in lex.cues["travel_prepositions"]
        and not (hit.form in lex.cues["direct_destination"] and nxt)
    )


def _clause_bounds(lex: Lexicon, toks: list[_Tok]) -> list[int]:
    """Token indices that start a clause: after , ; : and at subordinators."""
    subs = lex.cues["subordinators"]
    out = [0]
    for i, t in enumerate(toks):
        if t.low in (",", ";", ":", "(", ")") and i + 1 < len(toks):
            out.append(i + 1)
        elif t.low in subs and i > 0:
            out.append(i)
    return sorted(set(out))


def _clause(bounds: list[int], i: int, n: int) -> tuple[int, int]:
    k = bisect.bisect_right(bounds, i) - 1
    lo = bounds[max(k, 0)]
    hi = bounds[k + 1] if k + 1 < len(bounds) else n
    return lo, hi


# --- speech: who claims what -------------------------------------------------------


def _speech(
    ctx: _Context, toks: list[_Tok], args: list[_Arg], hits: list[_Hit]
) -> list[tuple[int, str, tuple[str, ...], int, int]]:
    """Speech cues of the sentence: (cue index, kind, speakers, scope start, scope end).

    The scope is the token range the speaker vouches for: after "X mengatakan
    (bahwa)", before a closing ", kata X", everything after "Menurut X,".
    """
    lex = ctx.lex
    before, after = lex.cues["speech_before"], lex.cues["speech_after"]
    n = len(toks)
    out: list[tuple[int, str, tuple[str, ...], int, int]] = []
    hit_at = {h.first for h in hits}
    for i, t in enumerate(toks):
        kind = ""
        if t.low in before:
            kind = "before"
        elif t.low in after or any(
            p[0] == t.low and tuple(x.low for x in toks[i : i + len(p)]) == p
            for p in lex.speech_phrases
        ):
            kind = "after"
        if not kind:
            continue
        later = any(h > i for h in hit_at)
        if kind == "before":
            if t.low.endswith("nya") and t.low not in lex.cues["speaker_after"]:
                speakers: tuple[str, ...] = (ctx.last_speaker,) if ctx.last_speaker else ()
            else:
                speakers = _first_after(args, i, limit=8)
            opening = i == 0 or (i <= 2 and toks[0].low in lex.cues["subject_openers"])
            # ", kata Shin, menambahkan …" vouches for what came before it
            closing = i > 0 and toks[i - 1].low == ","
            scope = (i, n) if opening or (later and not closing) else (0, i)
        else:
            group = _subject(ctx, toks, args, hits, i, stop_at_cues=False)
            speakers = group
            scope = (i + 1, n) if later else (0, i)
        if speakers:
            ctx.last_speaker = speakers[-1] if len(speakers) == 1 else ctx.last_speaker
            out.append((i, kind, speakers, *scope))
    return out


def _first_after(args: list[_Arg], i: int, *, limit: int) -> tuple[str, ...]:
    for a in args:
        if i < a.first <= i + limit and a.type in _ACTOR_TYPES and not a.absorbed and a.names:
            return a.names[:1]
    return ()


def _is_recap(lex: Lexicon, toks: list[_Tok]) -> bool:
    """ "Demikian ungkap X": X vouches for the previous sentence."""
    return (
        len(toks) > 1
        and toks[0].low in lex.cues["recap"]
        and toks[1].low in lex.cues["speech_before"]
    )


# --- arguments ---------------------------------------------------------------------


def _subject_position(
    ctx: _Context,
    toks: list[_Tok],
    args: list[_Arg],
    hits: list[_Hit],
    a: _Arg,
    head: int,
    *,
    strict: bool = False,
) -> bool:
    """Whether ``a`` can be the subject of the word at ``head``.

    It can when only auxiliaries stand between ("Lavrov dijadwalkan akan
    mengunjungi"), or when it opens a clause: at the start, after punctuation
    or a conjunction, or after a role title ("Menteri Luar Negeri AS …").
    """
    lex = ctx.lex
    aux = lex.cues["planned"] | lex.cues["negation"] | lex.cues["evidential"] | lex.cues["aux"]
    between = toks[a.last + 1 : head]
    if all(t.low in aux for t in between):
        return True
    if strict:  # a noun's agent stands right before it: "Kim melakukan kunjungan"
        return False
    k = a.first - 1
    absorbed_ends = {b.last for b in args if b.absorbed}
    while k >= 0 and (toks[k].low in ctx.roles or k in absorbed_ends):
        if k in absorbed_ends:
            k = next(b.first for b in args if b.last == k) - 1
        else:
            k -= 1
    if k < 0:
        return True
    prev = toks[k].low
    if not prev[0].isalnum():
        return True
    if any(h.last == k and h.trigger.type in _CONTROL_TYPES for h in hits):
        return True  # "menuduh Kim memberikan …"
    if prev in lex.cues["coordinators"]:
        left = next((b for b in reversed(args) if b.last == k - 1), None)
        return left is not None and _subject_position(ctx, toks, args, hits, left, a.first)
    return prev in lex.cues["subject_openers"]


def _group(ctx: _Context, toks: list[_Tok], args: list[_Arg], a: _Arg) -> tuple[str, ...]:
    """The coordinated names ending with ``a``: "Moskow dan Pyongyang", "baik X maupun Y"."""
    names = list(a.names)
    cur = a
    coord = ctx.lex.cues["coordinators"] | {","}
    joined = False  # a list needs a real "dan": "Menurut Reuters, Iran …" is no list
    while True:
        k = cur.first - 1
        if k < 1 or toks[k].low not in coord:
            break
        left = next((b for b in args if b.last == k - 1 and b.names and not b.absorbed), None)
        if left is None or left.type not in _ACTOR_TYPES:
            break
        if toks[k].low == "," and not joined:
            break
        joined = True
        names[:0] = left.names
        cur = left
    seen: list[str] = []
    for name in names:
        state = ctx.capitals.get(name, name)
        if state not in seen:
            seen.append(state)
    return tuple(seen)


def _subject(
    ctx: _Context,
    toks: list[_Tok],
    args: list[_Arg],
    hits: list[_Hit],
    head: int,
    *,
    stop_at_cues: bool = True,
    strict: bool = False,
) -> tuple[str, ...]:
    """The subject group of the word at ``head``; () when none or an unresolved pronoun."""
    lex = ctx.lex
    stops = (lex.cues["speech_after"] | lex.cues["speech_before"]) if stop_at_cues else frozenset()
    candidates = [a for a in args if a.last < head and a.type in _ACTOR_TYPES | {"PRONOUN"}]
    k = head - 1
    j = len(candidates) - 1
    while k >= 0:
        t = toks[k]
        if t.low in stops:
            return ()
        control = any(h.last == k and h.trigger.type in _CONTROL_TYPES for h in hits)
        # the complement of "menuduh"/"meminta" has its own subject ("menuduh Kim
        # memberikan"); "Pyongyang membantah telah mengirim": the denier's own act
        if control and k < head - 1 and head - k <= 4 and not (j >= 0 and candidates[j].first > k):
            own = all(toks[x].low in lex.cues["aux"] for x in range(k + 1, head))
            if not (own and any(h.last == k and h.trigger.type == "REJECT" for h in hits)):
                return ()
        if j >= 0 and candidates[j].last == k:
            a = candidates[j]
            j -= 1
            if a.absorbed:
                k = a.first - 1
                continue
            if _subject_position(ctx, toks, args, hits, a, head, strict=strict):
                return _group(ctx, toks, args, a) if a.names else ()
            k = a.first - 1
            continue
        k -= 1
    return ()


def _stops_at_cue(ctx: _Context, toks: list[_Tok], head: int) -> int | None:
    """Index of the speech cue a subject search from ``head`` runs into, if any."""
    cues = ctx.lex.cues["speech_after"]
    for k in range(head - 1, -1, -1):
        if toks[k].low in cues:
            return k
    return None


def _verbal(ctx: _Context, low: str) -> bool:
    """A verb by its prefix (me-, di-, ber-, ter-), unless a known noun ("menteri", "dialog")."""
    return low.startswith(("me", "di", "ber", "ter")) and not (
        low in ctx.roles or low in ctx.lex.cues["not_verbs"]
    )


def _chain_start(ctx: _Context, args: list[_Arg], toks: list[_Tok], a: _Arg) -> int:
    """Where a name's role chain starts: "Perdana Menteri Jepang Fumio Kishida"."""
    absorbed = {b.last: b for b in args if b.absorbed}
    k = a.first - 1
    while k >= 0 and (toks[k].low in ctx.roles or k in absorbed):
        k = absorbed[k].first - 1 if k in absorbed else k - 1
    return k + 1


def _after(ctx: _Context, toks: list[_Tok], args: list[_Arg], hit: _Hit, hi: int) -> list[_Arg]:
    """Actors after the trigger in its clause that can be its object.

    Places after "di"/"dari" and agents after "oleh" are not objects; a
    relative or purpose clause ("yang dirancang untuk menyerang …") ends the
    search except for a recipient after "kepada".
    """
    speech_before = ctx.lex.cues["speech_before"]
    stop = _object_end(ctx, toks, hit, hi)
    out = []
    for a in args:
        if not (hit.last < a.first < hi) or a.type not in _ACTOR_TYPES or a.absorbed:
            continue
        if not a.names:
            continue
        prev = [t.low for t in toks[max(a.first - 3, hit.last + 1) : a.first]]
        if prev and prev[-1] in speech_before:
            continue
        cues = ctx.lex.cues
        if any(w in cues["not_object"] for w in prev) and not any(
            w in cues["object_prepositions"] for w in prev
        ):
            continue
        if a.first > stop and (not prev or prev[-1] not in cues["recipient"]):
            continue
        out.append(a)
    return out


def _object_end(ctx: _Context, toks: list[_Tok], hit: _Hit, hi: int) -> int:
    """Where a trigger's objects end: a relative or purpose clause, a noun's predicate, a verb.

    "menguji coba rudal … yang dirancang untuk menyerang … AS di Guam": AS and
    Guam belong to the relative clause; "Kerjasama … mereka akan melemahkan
    efektivitas sanksi terhadap Korea Utara": the predicate's object is not
    the noun's.
    """
    purpose = ctx.lex.cues["purpose"]
    for k in range(hit.last + 1, hi):
        low = toks[k].low
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        if (low in ctx.lex.cues["relative"] or low in purpose) and _verbal(ctx, nxt):
            return k
        if hit.nominal and _verbal(ctx, low) and low not in ctx.lex.cues["prepositions"]:
            return k
        form = ctx.lex.forms.get(low)
        # "membantah telah mengirim senjata ke Rusia": the next verb's object; but
        # "mengancam akan menyerang AS" threatens AS
        if form is not None and _verbal(ctx, form[0]) and hit.trigger.type != "THREATEN":
            return k
    return hi


def _actors(
    ctx: _Context,
    toks: list[_Tok],
    args: list[_Arg],
    hits: list[_Hit],
    i: int,
    bounds: list[int],
    speech: list[tuple[int, str, tuple[str, ...], int, int]],
    d: _Draft,
) -> None:
    hit = hits[i]
    cues = ctx.lex.cues
    _lo, hi = _clause(bounds, hit.last, len(toks))
    after = [] if d.anaphor else _after(ctx, toks, args, hit, hi)
    # the possessor follows the noun, maybe behind its role: "kunjungan Perdana Menteri
    # Jepang Fumio Kishida"
    possessor = (
        after[0] if after and _chain_start(ctx, args, toks, after[0]) == hit.last + 1 else None
    )
    if hit.mode == "visit":
        # a destination: right after "mengunjungi", or after "ke"/"menuju"
        after = [
            a
            for a in after
            if (
                a.first == hit.last + 1
                and (not hit.nominal or toks[hit.last].low in cues["destination"])
            )
            or any(t.low in cues["destination"] for t in toks[max(a.first - 2, 0) : a.first])
        ]
    light = hit.first > 0 and toks[hit.first - 1].low in cues["light"] | cues["host"]
    group = _subject(ctx, toks, args, hits, hit.first, strict=hit.nominal and not light)
    antara = None
    for k in range(hit.last + 1, min(hit.last + 7, hi)):
        if toks[k].low in cues["pair"]:
            antara = k
            break
        if _verbal(ctx, toks[k].low) or toks[k].low in ctx.lex.cues["anaphoric"]:
            break
    possessor_ok = toks[hit.last].low not in cues["prepositions"]
    if d.anaphor:
        group = ()
    elif antara is not None:
        # "pertemuan antara Lavrov dan Wang Yi", "transfer senjata antara Iran dan Rusia"
        pair = [a for a in args if a.first > antara and a.type in _ACTOR_TYPES and a.names]
        names: tuple[str, ...] = ()
        if pair and len(pair[0].names) >= 2:
            names = pair[0].names
        elif len(pair) > 1:
            names = _group(ctx, toks, args, pair[1])
        if len(names) >= 2:
            group = names
            after = []
            d.target = names[1]
    elif (
        hit.trigger.type == "AGREE" and possessor is not None and possessor.names[0] in ctx.capitals
    ):
        # "Perjanjian Paris", "pakta Warsawa": a city names the treaty, it is no party
        d.location = possessor.names[0]
        after = [a for a in after if a is not possessor]
    elif hit.nominal and possessor_ok and possessor is not None:
        # the possessor of a noun is its agent: "kunjungan Putin", "dukungan Rusia"
        host = group if light and toks[hit.first - 1].low in cues["host"] else ()
        group = _group(ctx, toks, args, possessor)
        after = [a for a in after if a is not possessor]
        if host:  # "Jokowi menerima kunjungan Kishida": the host is the target
            d.target = _state(ctx, host[0])
            d.hosted = True
    elif hit.possessive and not group:
        group = _possessor(ctx, toks, args, hits, hit, bounds)
    if not group and (not hit.nominal or hit.trigger.type == "AGREE"):
        cue = _stops_at_cue(ctx, toks, hit.first)
        speaker = next((s for s in speech if s[0] == cue), None) if cue is not None else None
        agree = hit.trigger.type == "AGREE"  # who announces an agreement is a party to it
        if speaker is not None and (agree or _self_reference(ctx, toks, cue, hit.first)):
            group = speaker[2][:1]  # "Kim mengatakan negaranya akan … mendukung …"
            d.announced = agree
    d.group = group
    if group:
        d.source = group[0]
    if after:
        d.target = _state(ctx, after[0].names[0])
    elif d.target is None and len(group) > 1 and d.mode in _SYMMETRIC:
        d.target = group[1]
    if d.source is not None:
        d.source = _state(ctx, d.source)
    if d.target == d.source:
        d.target = None


def _self_reference(ctx: _Context, toks: list[_Tok], cue: int | None, head: int) -> bool:
    """Whether a reported clause speaks of its speaker: "Kim mengatakan negaranya akan …"."""
    if cue is None:
        return False
    k = cue + 1
    cues = ctx.lex.cues
    if k < head and toks[k].low in cues["complementizer"]:
        k += 1
    if k >= head:
        return True
    first = toks[k].low
    return first in cues["self_reference"] or first in cues["planned"] or first in cues["aux"]


def _possessor(
    ctx: _Context,
    toks: list[_Tok],
    args: list[_Arg],
    hits: list[_Hit],
    hit: _Hit,
    bounds: list[int],
) -> tuple[str, ...]:
    """Who "-nya" is: the next clause's subject after a fronted clause, else the last person."""
    _lo, hi = _clause(bounds, hit.last, len(toks))
    for a in args:
        if a.first >= hi and a.type in _ACTOR_TYPES and a.names and not a.absorbed:
            if _subject_position(ctx, toks, args, hits, a, a.last + 1):
                return a.names[:1]
            break
    name = _last_before(ctx.people, toks[hit.first].start)
    return (name,) if name else ()


def _state(ctx: _Context, name: str) -> str:
    """A capital acting for its state is the state ("mengunjungi Pyongyang" -> Korea Utara)."""
    return ctx.capitals.get(name, name)


def _place(
    ctx: _Context,
    toks: list[_Tok],
    args: list[_Arg],
    hit: _Hit,
    bounds: list[int],
    d: _Draft,
) -> None:
    _lo, hi = _clause(bounds, hit.last, len(toks))
    hi = _object_end(ctx, toks, hit, hi)
    locative = ctx.lex.cues["locative"]
    text = ctx.doc.text
    first = hit.last if toks[hit.last].low in locative else hit.last + 1  # "tiba di"
    for k in range(first, hi):
        if d.location is not None:
            break
        if toks[k].low not in locative:
            continue
        if k + 1 < len(toks) and toks[k + 1].low in ctx.lex.cues["there"]:
            name = _last_before(ctx.places, toks[k].start)
            if name and d.mode == "visit" and d.target is None:
                d.target = _state(ctx, name)
                d.location = name
            break
        for a in args:
            if k < a.first <= k + 3 and a.names:
                m_start = toks[a.first].start
                ent = _entity_at(ctx, m_start)
                if ent is None or ent.type not in _PLACE_TYPES:
                    break
                if not _is_metonym(ctx, m_start, text):
                    d.location = ent.name
                elif d.mode == "visit":  # "tiba di Pyongyang": the capital is the place
                    d.location = _mention_text(ent, m_start)
                    d.target = d.target or ent.name
                break
    if (
        d.mode == "visit"
        and d.location is not None
        and ctx.types.get(d.location) == "GPE"
        and ctx.types.get(d.target or "") == "PERSON"
        and not d.hosted
    ):
        d.target = _state(ctx, d.location)  # "menuju Vladimir Putin di Rusia": to Russia
    if d.mode == "visit" and d.target is None and d.location is not None and not d.hosted:
        d.target = _state(ctx, d.location)  # "tiba di Pyongyang": a visit to North Korea
    if d.mode == "visit" and d.target is not None and d.location is None:
        original = next(
            (
                a.names[0]
                for a in args
                if a.first > hit.last and a.names and _state(ctx, a.names[0]) == d.target
            ),
            None,
        )
        d.location = original or d.target


def _entity_at(ctx: _Context, pos: int) -> Entity | None:
    i = bisect.bisect_left(ctx.mention_starts, pos)
    if i < len(ctx.mentions) and ctx.mentions[i][0] == pos:
        return ctx.mentions[i][2]
    return None


def _mention_text(ent: Entity, pos: int) -> str:
    """The words of ``ent``'s mention at ``pos`` ("Pyongyang" for Korea Utara)."""
    return next((m.text for m in ent.mentions if m.start == pos), ent.name)


def _is_metonym(ctx: _Context, pos: int, text: str) -> bool:
    ent = _entity_at(ctx, pos)
    if ent is None:
        return False
    return any(m.start == pos and m.metonym for m in ent.mentions)


# --- date and status -----------------------------------------------------------------


def _date(
    ctx: _Context, toks: list[_Tok], hits: list[_Hit], hit: _Hit, bounds: list[int]
) -> tuple[EventDate | None, bool]:
    """The event's date, and whether it is an absolute date written in its sentence.

    The nearest time expression in the trigger's clause; else one in a clause
    with no trigger of its own ("Pada tahun 2013, Rusia mendukung …"); else
    the publication date. A purpose clause ("untuk menghadiri peringatan …
    1950-1953") is a clause of its own here.
    """
    purpose = ctx.lex.cues["purpose"]
    cuts = sorted(set(bounds) | {k for k, t in enumerate(toks) if t.low in purpose})
    s_start, s_end = toks[0].start, toks[-1].end
    times = [t for t in ctx.doc.times if s_start <= t.start < s_end and not _duration(t)]
    if times:
        n = len(toks)
        lo, hi = _clause(cuts, hit.last, n)
        starts = [t.start for t in toks]

        def clause_of(pos: int) -> tuple[int, int]:
            return _clause(cuts, max(bisect.bisect_right(starts, pos) - 1, 0), n)

        inside = [t for t in times if clause_of(t.start) == (lo, hi)]
        if not inside:
            # an adverbial clause of its own: fronted ("Pada tahun 2013, Rusia
            # mendukung …") or verbless ("… di Istana Merdeka, Jakarta, Senin (10/1)")
            busy = {_clause(cuts, h.last, n) for h in hits}

            subs = ctx.lex.cues["subordinators"]

            def adverbial(c: tuple[int, int]) -> bool:
                if c in busy:
                    return False
                if c[0] == 0:
                    return True
                # after a comma, no verb, no subordinator ("sejak tahun 1961" is not)
                verbless = not any(_verbal(ctx, t.low) for t in toks[c[0] : c[1]])
                return verbless and toks[c[0] - 1].low == "," and toks[c[0]].low not in subs

            inside = [t for t in times if adverbial(clause_of(t.start))]
        if inside:
            pos = toks[hit.first].start
            best = min(inside, key=lambda t: abs(t.start - pos))
            if not best.value:
                return None, False
            return EventDate(best.value, best.precision), not best.relative
    pub = ctx.doc.published
    return (EventDate(pub.value, pub.precision) if pub.value else None), False


def _duration(t: TimeExpr) -> bool:
    return bool(t.value and t.value.startswith("P"))


def _status(
    ctx: _Context,
    toks: list[_Tok],
    hits: list[_Hit],
    i: int,
    bounds: list[int],
    speech: list[tuple[int, str, tuple[str, ...], int, int]],
    earlier: list[_Draft],
    d: _Draft,
) -> None:
    lex = ctx.lex
    cues = lex.cues
    hit = hits[i]
    lo, hi = _clause(bounds, hit.last, len(toks))
    before = [t.low for t in toks[lo : hit.first]]
    clause = before + ([t.low for t in toks[hit.last + 1 : hi]] if hit.nominal else [])
    sentence_before = [t.low for t in toks[: hit.first]]
    for s in speech:
        if s[3] <= hit.first < s[4]:
            for name in s[2]:
                if name not in d.claimed_by:
                    d.claimed_by.append(name)
    for q in ctx.doc.quotes:
        if q.kind not in ("direct", "partial", "indirect") or (q.cue or "") in cues["denial_cues"]:
            continue
        if q.start <= toks[hit.first].start < q.end:
            speaker = _speaker_name(ctx, q.speaker)
            if speaker and speaker not in d.claimed_by:
                d.claimed_by.append(speaker)
    accused = [e for e in earlier if e.mode == "accusation" and e.source]
    for e in accused:
        if e.source and e.source not in d.claimed_by:
            d.claimed_by.append(e.source)
    denials = [e for e in earlier if e.mode == "denial" and e.group]
    for e in denials:
        d.denied_by.extend(n for n in e.group if n not in d.denied_by)
    d.claimed_by = [n for n in d.claimed_by if n not in d.denied_by]
    first = toks[0].low
    hypothetical = (
        first in cues["hypothetical"]
        or (lo < len(toks) and toks[lo].low in cues["hypothetical"])
        or any(w in cues["maybe"] for w in clause)
        or any(t.low in cues["modal"] for t in toks[max(hit.first - 2, 0) : hit.first])
    )
    evidential = any(w in cues["evidential"] for w in sentence_before) or any(
        w in cues["evidential"] for w in clause
    )
    intention = _purpose_intention(lex, toks, hit.first)
    reported = [s[0] for s in speech if s[1] == "after" and s[0] < hit.first]
    if reported:  # "Kim mengatakan negaranya akan …, tanpa syarat mendukung …"
        clause = clause + [t.low for t in toks[reported[-1] + 1 : hit.first]]
    planned = intention or any(w in cues["planned"] for w in clause)
    past = any(w in cues["past"] for w in before)
    year = _year(d.date.value) if d.date else None
    historical = (
        d.explicit_date
        and year is not None
        and (past or (ctx.reference_year is not None and year < ctx.reference_year - 1))
    )
    own = bool(d.claimed_by) and d.source is not None and d.claimed_by == [d.source]
    if d.denied_by and d.mode != "denial":
        d.status = "denied"
    elif hypothetical:
        d.status = "hypothetical"
    elif (evidential or accused) and hit.trigger.type not in _CONTROL_TYPES:
        d.status = "alleged"
    elif planned:
        if own and hit.trigger.type in _PLEDGE_TYPES:
            d.mode = "pledge"
        else:
            d.status = "planned"
    elif historical:
        d.status = "historical"
    elif d.claimed_by and not own and hit.trigger.type not in _CONTROL_TYPES:
        d.status = "alleged"


def _purpose_intention(lex: Lexicon, toks: list[_Tok], first: int) -> bool:
    """ "berjanji untuk mengunjungi": an intention makes a purpose clause planned."""
    k = first - 1
    if k >= 1 and toks[k].low in lex.cues["purpose"]:
        return toks[k - 1].low in lex.cues["intention"]
    return k >= 0 and toks[k].low in lex.cues["intention"]


def _speaker_name(ctx: _Context, speaker: str | None) -> str | None:
    """A quote speaker's canonical name; None for one that is no entity ("para analis")."""
    if speaker:
        for e in ctx.doc.entities:
            if e.id == speaker:
                return e.name
    return None


def _suppressed(
    lex: Lexicon, toks: list[_Tok], hits: list[_Hit], i: int, bounds: list[int]
) -> bool:
    """Negated, purpose-clause and threatened triggers name no event that happened."""
    cues = lex.cues
    hit = hits[i]
    k = hit.first - 1
    bridge = cues["negation_bridge"] | cues["planned"] | cues["aux"]
    while k >= 0 and toks[k].low in bridge and hit.first - k <= 3:
        k -= 1
    if k >= 0 and toks[k].low in cues["negation"]:
        return True
    # "mengancam akan menyerang": the attack is the threat's content
    if i > 0 and hits[i - 1].trigger.type == "THREATEN" and hit.first - hits[i - 1].last <= 3:
        return True
    lo, _hi = _clause(bounds, hit.first, len(toks))
    for k in range(hit.first - 1, max(lo, hit.first - 5) - 1, -1):
        if toks[k].low in cues["coordinators"]:
            break  # "untuk menghapus … serta mengancam": a new predicate
        if toks[k].low in cues["purpose"] and k + 1 < len(toks):
            nxt = toks[k + 1].low
            verb = k + 1 == hit.first or nxt.startswith(("me", "di", "ber"))
            if verb and not (k >= 1 and toks[k - 1].low in cues["intention"]):
                return True
    return False


def _merge_same(drafts: list[_Draft]) -> list[_Draft]:
    """One sentence names one event of a kind: "perjanjian … akan ditandatangani"."""
    out: list[_Draft] = []
    for d in drafts:
        kind = d.hit.trigger.type
        same = next(
            (
                o
                for o in out
                if o.hit.trigger.type == kind
                and (o.mode == d.mode or "signing" in (o.hit.trigger.mode, d.hit.trigger.mode))
                and _compatible(o, d)
            ),
            None,
        )
        if same is None:
            out.append(d)
            continue
        for f in ("source", "target", "location", "date"):
            if getattr(same, f) is None:
                setattr(same, f, getattr(d, f))
        if same.hit.trigger.mode == "signing":
            same.mode = d.mode
    return out


def _compatible(a: _Draft, b: _Draft) -> bool:
    return all(
        x is None or y is None or x == y
        for x, y in ((a.source, b.source), (a.target, b.target), (a.location, b.location))
    )


# --- output --------------------------------------------------------------------------


def _event(ctx: _Context, d: _Draft, s_start: int, s_end: int) -> Event | None:
    hit = d.hit
    trigger = hit.trigger
    if d.source is None and d.target is None and d.anaphor:
        prior = _antecedent(ctx, trigger.type, d.mode)
        if prior is not None:
            d.source, d.target = prior.source, prior.target
            d.location = d.location or prior.location
            d.date = d.date or prior.date
    if d.source is None and d.target is None and not d.denied_by:
        return None
    if d.mode == "visit" and d.source is None:
        return None  # "Perjalanan ke Dubai memakan waktu …": a visit needs a visitor
    # "mengunjungi pabrik-pabrik": no state visit
    transitive = hit.form.endswith("i") or hit.form in trigger.needs_place
    if (
        d.mode == "visit"
        and d.target is None
        and d.location is None
        and not hit.nominal
        and transitive
    ):
        return None
    if d.announced and d.source is not None and d.target is None:
        # "Rusia mengatakan bahwa perjanjian … akan ditandatangani": with whom is
        # the article's other main actor
        d.target = _counterpart(ctx, d.source)
    cameo = ctx.lex.mode_cameo.get(d.mode) or ctx.lex.cameo.get(trigger.type)
    quantities = tuple(q.text for q in ctx.doc.quantities if s_start <= q.start < s_end)
    return Event(
        type=trigger.type,
        evidence=Span(s_start, s_end),
        mode=d.mode,
        cameo=cameo,
        source=d.source,
        target=d.target,
        location=d.location,
        date=d.date,
        status=d.status,
        claimed_by=tuple(d.claimed_by),
        denied_by=tuple(dict.fromkeys(d.denied_by)),
        trigger=ctx.doc.text[hit.start : hit.end],
        quantities=quantities,
    )


def _antecedent(ctx: _Context, type_: str, mode: str) -> Event | None:
    """The earlier event "pertemuan ini" points at: the most salient one of its kind.

    Salience is how often its actors are named in the article, so "pertemuan
    ini" in a closing paragraph means the article's meeting, not one recalled
    in passing. Past and hypothetical events are not antecedents.
    """
    best: Event | None = None
    best_score = -1
    for e in ctx.history:
        if e.type != type_ or e.mode != mode or e.status in ("historical", "hypothetical"):
            continue
        score = ctx.counts[e.source or ""] + ctx.counts[e.target or ""]
        if score >= best_score:
            best, best_score = e, score
    return best


def _anaphor(lex: Lexicon, toks: list[_Tok], hit: _Hit) -> bool:
    """ "Pertemuan ini", "transfer senjata tersebut": a noun that points back."""
    if not hit.nominal:
        return False
    for t in toks[hit.last + 1 : hit.last + 4]:
        if t.low in lex.cues["temporal"]:  # "perjanjian kala itu": then, not that one
            return False
        if t.low in lex.cues["anaphoric"]:
            return True
    return False


def _counterpart(ctx: _Context, source: str) -> str | None:
    """The article's other main actor: the partner of an agreement whose text names one side."""
    kind = ctx.types.get(source)
    for name, _n in ctx.counts.most_common(6):
        if ctx.types.get(name) == kind and name != source and _state(ctx, name) != source:
            return _state(ctx, name)
    return None
