"""Quotes stage: direct, partial, indirect and scare quotes with speaker, role and channel.

Rules over the entities stage's output, no model. Quoted spans come from the
quotation marks of a paragraph (“ ” « » ‘ ’ and straight ones, outermost
only; an unclosed mark runs to the paragraph end). A quote that opens a clause
is *direct*; quoted words inside a reported sentence are *partial* and belong
to the subject of the sentence's speech cue; quoted words with no one saying
them (a concept, a title, an operation's name) are *scare* quotes with no
speaker. Reported speech without marks ("X mengatakan bahwa …", "menurut X,
…", "…, kata X") is *indirect*, with the reported words as its span.

Speakers are the entities of the article: the name after a cue ("kata Jeh"),
the subject before one ("Juru bicara Pentagon mengatakan"), or — for
"katanya", "ia", a continuation paragraph — the last speaker named. The cue
and relay words live in ``lang/<lang>/quotes.toml``.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .entities.detect import Words, all_cues, load_words
from .entities.gazetteer import load_gazetteer, load_stopwords
from .lexicon import load_toml
from .model import Document, Entity, Quote, QuoteKind, slug
from .pipeline import stage
from .segment import ABBREVIATIONS, paragraph_spans, segment_text
from .settings import Settings

if TYPE_CHECKING:
    from .store import Store

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_DOUBLE_OPEN = "“«"
_MAX_DEPTH = 8
_MARKS = re.compile("[\"'“”‘’«»]")
_DOUBLE_CLOSE = {"”": "“", "»": "«"}
_TRAIL = ",.;: \n\t"
_HANDLE = re.compile(r"@\w{2,}")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The quotes stage's word lists (``lang/<lang>/quotes.toml``)."""

    cue_after: frozenset[str]
    cue_passive: frozenset[str]
    cue_verbs: frozenset[tuple[str, ...]]
    indirect_verbs: frozenset[tuple[str, ...]]
    according: frozenset[str]
    naming: frozenset[str]
    pronouns: frozenset[str]
    relay_before: frozenset[str]
    media_heads: frozenset[str]
    media_names: frozenset[str]
    fillers: frozenset[str]
    speaker_heads: frozenset[str]
    phrase_stop: frozenset[str]
    leading_prepositions: frozenset[str]
    clause_stop: frozenset[str]
    concessive: frozenset[str]
    coordinators: frozenset[str]
    adverbs: frozenset[str]
    cue_adjuncts: frozenset[str]
    close_sources: frozenset[str]
    described_heads: frozenset[str]
    documents: frozenset[str]
    document_words: frozenset[str]
    stopwords: frozenset[str]
    triggers: frozenset[str] = frozenset()  # words without which a sentence reports nothing


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "id") -> Lexicon:
    """Read the word lists once; multi-word entries are written with ``_``."""
    data = load_toml("quotes", lang)

    def words(key: str) -> frozenset[str]:
        return frozenset(w.replace("_", " ") for w in data[key].split())

    def phrases(key: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(w.split("_")) for w in data[key].split())

    cue_verbs = phrases("cue_verbs")
    return Lexicon(
        triggers=frozenset(v[0] for v in cue_verbs)
        | {w + suffix for w in words("cue_after") for suffix in ("", "nya", "-nya")}
        | {w + suffix for w in words("according") for suffix in ("", "nya")}
        | words("cue_passive"),
        cue_after=words("cue_after"),
        cue_passive=words("cue_passive"),
        cue_verbs=cue_verbs,
        indirect_verbs=phrases("indirect_verbs"),
        according=words("according"),
        naming=words("naming"),
        pronouns=words("pronouns"),
        relay_before=words("relay_before"),
        media_heads=words("media_heads"),
        media_names=words("media_names"),
        fillers=words("fillers"),
        speaker_heads=words("speaker_heads"),
        phrase_stop=words("phrase_stop"),
        leading_prepositions=words("leading_prepositions"),
        clause_stop=words("clause_stop"),
        concessive=words("concessive"),
        coordinators=words("coordinators"),
        adverbs=words("adverbs"),
        cue_adjuncts=words("cue_adjuncts"),
        close_sources=words("close_sources"),
        described_heads=words("described_heads"),
        documents=words("documents"),
        document_words=words("document_words"),
        stopwords=load_stopwords(lang),
    )


# --- quotation marks -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Marked:
    """One outermost quoted span: marks at ``open`` and ``close`` (or the paragraph end)."""

    open: int
    close: int
    closed: bool
    paragraph: int


def _opens_single(text: str, i: int) -> bool:
    """A ‘ or ' opens a quote only before a word and after a non-word ("rock 'n'" no)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and after.isalnum()


def _closes_single(text: str, i: int) -> bool:
    """A ’ or ' closes a quote only after a word and not inside one ("Qur’an" no)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def quoted_spans(text: str, start: int, end: int, paragraph: int = 0) -> list[Marked]:
    """Outermost quoted spans of the paragraph ``text[start:end]``.

    Nested quotes are skipped; a double mark left open runs to the paragraph
    end; a single mark left open is taken for an apostrophe and dropped.
    """
    out: list[Marked] = []
    stack: list[tuple[str, int]] = []  # (opening mark, position)
    for found in _MARKS.finditer(text, start, end):
        i = found.start()
        c = found.group()
        if len(stack) > _MAX_DEPTH:
            stack.pop()  # marks that never close (bad input): keep the scan linear
        if c in _DOUBLE_OPEN:
            stack.append((c, i))
        elif c in _DOUBLE_CLOSE:
            want = _DOUBLE_CLOSE[c]
            marks = [m for m, _ in stack]
            if want in marks:
                _close(stack, len(marks) - 1 - marks[::-1].index(want), i, out, paragraph)
            elif '"' in marks:  # mixed styles: "…”
                _close(stack, len(marks) - 1 - marks[::-1].index('"'), i, out, paragraph)
            elif c == "”" and _opens_single(text, i):  # ”…” used for both ends
                stack.append((c, i))
        elif c == '"':
            marks = [m for m, _ in stack]
            if '"' in marks:
                _close(stack, len(marks) - 1 - marks[::-1].index('"'), i, out, paragraph)
            elif "”" in marks:
                _close(stack, len(marks) - 1 - marks[::-1].index("”"), i, out, paragraph)
            else:
                stack.append((c, i))
        elif c in "‘'":
            marks = [m for m, _ in stack]
            if c in marks and _closes_single(text, i):
                _close(stack, len(marks) - 1 - marks[::-1].index(c), i, out, paragraph)
            elif _opens_single(text, i):
                stack.append((c, i))
        elif c == "’":
            marks = [m for m, _ in stack]
            if "‘" in marks and _closes_single(text, i):
                _close(stack, len(marks) - 1 - marks[::-1].index("‘"), i, out, paragraph)
    for mark, pos in stack:
        if mark not in "‘'":
            out.append(Marked(pos, end, False, paragraph))
            break  # the outermost unclosed mark runs to the end; inner ones are inside it
    out.sort(key=lambda m: m.open)
    kept: list[Marked] = []
    for m in out:
        if kept and m.open < kept[-1].close:
            continue  # nested inside the previous quote
        kept.append(m)
    return kept


def _close(
    stack: list[tuple[str, int]], index: int, pos: int, out: list[Marked], para: int
) -> None:
    """Close the mark at ``stack[index]`` (and any left open inside it)."""
    _mark, opened = stack[index]
    del stack[index:]
    out.append(Marked(opened, pos, True, para))


# --- the article's context -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str | None
    name: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    entity: Entity
    metonym: bool


class _Context:
    """Text, sentences and entity mentions of one article, indexed for lookups."""

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.text = doc.text
        self.lex = lex
        sentences = doc.sentences or segment_text(doc.text, with_tokens=False)
        self.sentences = [(s.start, s.end, s.paragraph) for s in sentences]
        self.sent_starts = [s[0] for s in self.sentences]
        mentions = [
            _Mention(m.start, m.end, e, m.metonym) for e in doc.entities for m in e.mentions
        ]
        mentions.sort(key=lambda m: (m.start, -m.end))
        self.mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        # Words once per article: every rule looks at word ranges many times.
        self.all_words = [
            (m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(self.text)
        ]
        self.word_starts = [w[0] for w in self.all_words]
        self._media: dict[tuple[int, int], bool] = {}

    def sentence_at(self, pos: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, pos) - 1, 0)

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        i = bisect.bisect_left(self.mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, case-folded word) of the words inside ``text[start:end]``."""
        i = bisect.bisect_left(self.word_starts, start)
        j = bisect.bisect_left(self.word_starts, end)
        while j > i and self.all_words[j - 1][1] > end:
            j -= 1
        return self.all_words[i:j]

    def is_media(self, m: _Mention) -> bool:
        """An agency or outlet: a known name, or a name ending in "News", "Times"…"""
        key = (m.start, m.end)
        if key not in self._media:
            self._media[key] = self._is_media(m)
        return self._media[key]

    def _is_media(self, m: _Mention) -> bool:
        lex = self.lex
        names = {self.text[m.start : m.end].casefold(), m.entity.name.casefold()}
        if m.entity.en:
            names.add(m.entity.en.casefold())
        if names & lex.media_names:
            return True
        last = self.text[m.start : m.end].casefold().split()[-1:]
        if last and last[0] in lex.media_heads and m.entity.type == "ORG":
            return True
        before = self.text[max(0, m.start - 16) : m.start].casefold()
        return any(before.rstrip().endswith(h) for h in lex.media_heads if " " in h)


def _origin_only(ctx: _Context, start: int, m: _Mention) -> bool:
    """A place that only says where an unnamed person comes from ("pemain asal Brasil")."""
    before = ctx.words(start, m.start)
    return (
        m.entity.type in ("GPE", "LOC")
        and len(before) >= 2
        and before[-1][2] in ("asal", "kelahiran", "keturunan", "berkebangsaan", "warga")
    )


_LOCATIVE = frozenset({"di", "dari", "ke", "dalam", "asal"})


def _modifier(ctx: _Context, start: int, m: _Mention) -> bool:
    """A non-person name inside a description, after a preposition: "penyanyi … di Perancis"."""
    return (
        m.entity.type in ("GPE", "LOC", "FAC")
        and ctx.text[start].islower()
        and len(ctx.words(start, m.start)) >= 2
        and _after_locative(ctx, m)
    )


def _after_locative(ctx: _Context, m: _Mention) -> bool:
    """The word right before the name is "di", "dari", "ke" …: it says where, not who."""
    before = ctx.words(max(0, m.start - 12), m.start)
    return bool(before) and before[-1][2] in _LOCATIVE


def _person_named(ctx: _Context, word: str) -> _Mention | None:
    """The one person of the article with ``word`` in their name (a lone name the
    entities stage took for a role word: "Imam" of Imam Nahrawi), else in their
    role ("Menpora" of "Menteri Pemuda dan Olahraga (Menpora) Imam Nahrawi")."""
    owners = {
        m.entity.id: m
        for m in ctx.mentions
        if m.entity.type == "PERSON" and word in m.entity.name.split() and " " in m.entity.name
    }
    if not owners:  # "kata Menpora." -> the person the article gives that office
        return _role_holder(ctx, frozenset({word.casefold()}))
    return next(iter(owners.values())) if len(owners) == 1 else None


def _role_holder(ctx: _Context, offices: frozenset[str]) -> _Mention | None:
    """The one person whose roles hold one of ``offices`` (lower-case word sequences)."""
    owners: dict[str, _Mention] = {}
    held: dict[str, bool] = {}
    for m in ctx.mentions:
        if m.entity.type != "PERSON":
            continue
        key = m.entity.id
        if key not in held:
            roles = [" " + " ".join(re.findall(r"\w+", r.casefold())) + " " for r in m.entity.roles]
            held[key] = any(f" {office} " in role for role in roles for office in offices)
        if held[key]:
            owners[key] = m  # the last mention, as the speaker's evidence
    return next(iter(owners.values())) if len(owners) == 1 else None


@lru_cache(maxsize=4)
def _offices(lang: str = "id") -> dict[str, frozenset[str]]:
    """Each form of an office (``lang/<lang>/offices.toml``) -> all its forms, lower case:
    "menlu" -> {"menlu", "menteri luar negeri"}."""
    out: dict[str, frozenset[str]] = {}
    for short, full in load_toml("offices", lang)["abbreviations"].items():
        forms = frozenset({short.replace("_", " "), " ".join(re.findall(r"\w+", full))})
        for form in forms:
            out[form] = out.get(form, frozenset()) | forms
    return out


def _office_holder(ctx: _Context, phrase: str) -> _Mention | None:
    """The one person the article gives the office ``phrase`` by either of its forms:
    "kata Menlu" / "kata Menteri Luar Negeri" -> "Menlu Retno Marsudi"."""
    forms = _offices().get(" ".join(re.findall(r"\w+", phrase.casefold())))
    return _role_holder(ctx, forms) if forms else None


def _coordinated(ctx: _Context, start: int, end: int) -> bool:
    """Two names joined by "dan"/"serta": the first is the speaker, the rest co-speakers."""
    return any(w in ctx.lex.coordinators for _, _, w in ctx.words(start, end))


def _speaker_of(ctx: _Context, m: _Mention, role: str | None) -> Speaker:
    """A speaker from an entity mention: a metonym keeps its own name ("Kremlin"); an
    office named alone ("Menpora") is the person the article gives that office."""
    holder = _office_holder(ctx, m.entity.name)
    if (
        holder is None
        and " " not in m.entity.name
        and m.entity.name.casefold() in load_words("id").role_heads
    ):
        holder = _person_named(ctx, m.entity.name)
    if holder is not None and holder.entity.id != m.entity.id:
        m = holder
    name = ctx.text[m.start : m.end] if m.metonym else m.entity.name
    return Speaker(m.entity.id, name, role or m.entity.role)


def _clean_role(role: str) -> str | None:
    """Trim a role phrase: "seorang profesor …," -> "profesor …"; "… (DTA" -> "… (DTA)"."""
    role = role.strip(_TRAIL + "()")
    words = role.split()
    while words and _is_title_word(words[-1].casefold().rstrip(".")):
        words.pop()  # "…, Dr dr" before the name
    role = " ".join(words).strip(_TRAIL)
    if role.count("(") > role.count(")"):
        role += ")"
    for lead in ("seorang ", "sang ", "salah satu ", "yakni ", "yaitu "):
        if role.casefold().startswith(lead):
            role = role[len(lead) :]
    return role or None


def _appositive(ctx: _Context, pos: int, limit: int) -> str | None:
    """The role after a name: "Nadia Putri, seorang dosen kajian strategis di …"."""
    text = ctx.text
    if pos >= limit or text[pos] != ",":
        return None
    j = pos + 1
    stop = j
    while stop < limit and text[stop] not in ",;:\n":
        if text[stop] == "." and not (
            stop >= 2 and text[stop - 2] == " " and text[stop - 1].isupper()
        ):
            break  # a full stop, not an initial ("Daniel K. Inouye")
        stop += 1
    words = ctx.words(j, stop)
    if not words or len(words) > 16:
        return None
    first = words[0][2]
    lex = ctx.lex
    if (first,) in lex.cue_verbs or first in lex.cue_after or first in lex.relay_before:
        return None
    if first in ("seperti", "sebagaimana", "demikian"):
        return None  # ", seperti dilansir dari Reuters"
    if first.startswith(("me", "ber", "di")) and len(first) > 5 and first not in ctx.lex.stopwords:
        return None  # a verb: ", menambahkan bahwa …"
    if not text[words[0][0]].islower():
        return None
    return _clean_role(text[j:stop])


# Words that open a description of someone not named: "seorang pejabat …".
_INDEFINITE = frozenset({"seorang", "salah", "sejumlah", "beberapa", "para", "sebuah"})


def speaker_in(
    ctx: _Context, start: int, end: int, *, after_name: int | None = None
) -> Speaker | None:
    """The speaker named in ``text[start:end]``: the last person there, else the last entity.

    Text before the name is its role ("Menteri Luar Negeri AS Antony Blinken");
    with no entity, a capitalised name or an unnamed speaker ("Para analis").
    """
    text = ctx.text
    found = ctx.mentions_in(start, end)
    persons = [m for m in found if m.entity.type == "PERSON"]
    lead = [w for w in ctx.words(start, end)[:3] if w[2] not in ("seorang", "salah", "satu")]
    if (
        lead
        and lead[0][2] in ctx.lex.close_sources
        and text[lead[0][0]].islower()
        and all(m.start > lead[0][1] for m in found)
    ):  # "sumber dekat Payne": not Payne
        return Speaker(None, text[start:end].strip(_TRAIL))
    head = ctx.words(start, end)[:2]
    if (
        not persons
        and len(head) == 2
        and head[0][2] in _INDEFINITE
        and text[head[0][0]].islower()
        and not text[head[1][0]].isupper()
    ):  # "seorang pejabat Kemlu Jepang", "salah satu akun Twitter": someone unnamed
        return Speaker(None, text[start:end].strip(_TRAIL))  # from there, not the ministry
    if not persons:  # "… yang tinggal di Perancis": a place that only says where
        found = [m for m in found if not _modifier(ctx, start, m)]
    pick = persons[-1] if persons else (found[-1] if found else None)
    if pick is not None and not persons and _origin_only(ctx, start, pick):
        return Speaker(None, text[start:end].strip(_TRAIL))  # "pemain asal Brasil", not Brazil
    # "Kepala Bidang … dan Peringatan Dini BMKG, Daryono": an appositive, not a pair
    appositive = bool(found) and text[start : found[-1].start].rstrip().endswith(",")
    if len(found) > 1 and not appositive and _coordinated(ctx, found[0].end, found[-1].start):
        pick = persons[0] if persons else found[0]  # "Moskow dan Pyongyang membantah"
        return _speaker_of(ctx, pick, None)
    if pick is not None:
        role = None
        if pick.entity.type == "PERSON":
            before = text[start : pick.start].strip(_TRAIL)
            if (before and before[0].isupper()) or any(
                w in ctx.lex.speaker_heads for _, _, w in ctx.words(start, pick.start)[:2]
            ):
                role = _clean_role(before)
            role = _appositive(ctx, pick.end, after_name or end) or role
        else:
            phrase = text[start:end].strip(_TRAIL)
            if phrase != text[pick.start : pick.end]:
                role = _clean_role(phrase)
        return _speaker_of(ctx, pick, role)
    phrase = text[start:end].strip(_TRAIL + "\"'“”‘’")
    words = ctx.words(start, end)
    if not words or len(words) > 8:
        return None
    office = _office_holder(ctx, phrase)
    if office is not None:  # "kata Menteri Luar Negeri dalam jumpa pers"
        return _speaker_of(ctx, office, phrase)
    if len(words) == 1 and text[words[0][0]].isupper():
        owner = _person_named(ctx, text[words[0][0] : words[0][1]])
        if owner is not None:  # "kata Imam." -> Imam Nahrawi, named before
            return _speaker_of(ctx, owner, None)
    # The capitalised run that ends the phrase ("Dalai Lama"), after its role words.
    k = len(words)
    while k > 0 and (text[words[k - 1][0]].isupper() or words[k - 1][2] in ("bin", "van", "de")):
        k -= 1
    roles = load_words("id")
    while k < len(words) and (
        words[k][2] in roles.role_heads or words[k][2] in roles.role_modifiers
    ):
        k += 1
    run = words[k:]
    if run and any(w[2] not in ctx.lex.stopwords and w[2] not in roles.common for w in run):
        name = text[run[0][0] : run[-1][1]]
        return Speaker(slug(name), name, _clean_role(text[start : run[0][0]]))
    if words[0][2] in ctx.lex.speaker_heads or words[0][2] in ctx.lex.pronouns:
        return Speaker(None, phrase, None)
    return None


# --- cues ------------------------------------------------------------------------------


def _cue_at(lex: Lexicon, words: list[tuple[int, int, str]], i: int) -> int:
    """Length in words of the reporting verb starting at ``words[i]`` (0 if none)."""
    if i + 1 < len(words) and (words[i][2], words[i + 1][2]) in lex.cue_verbs:
        return 2
    return 1 if (words[i][2],) in lex.cue_verbs else 0


def _after_cue(lex: Lexicon, word: str) -> tuple[str, bool] | None:
    """("kata", False) for "kata"; ("kata", True) for "katanya"/"kata-nya"."""
    if word in lex.cue_after:
        return word, False
    for suffix in ("-nya", "nya"):
        if word.endswith(suffix) and word[: -len(suffix)] in lex.cue_after:
            return word[: -len(suffix)], True
    return None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said it, as found around the quote: a speaker, or a pronoun to resolve."""

    speaker: Speaker | None
    cue: str
    pronoun: bool = False
    start: int = 0  # the attribution's own span (to find a relay channel near it)
    end: int = 0
    subject: bool = False  # "ia mengatakan", "pria itu": a subject, not a speech tag
    document: bool = False  # "tulis pernyataan tersebut": whoever issued it


def _is_title_word(word: str) -> bool:
    """A word whose period is not a full stop: an initial or an abbreviated title."""
    return len(word) == 1 or word in ABBREVIATIONS


def _acronym_in_brackets(text: str, words: list[tuple[int, int, str]], j: int) -> bool:
    """True for the word inside or right after a bracketed acronym: "(DTA)"."""
    inside = words[j] if text[words[j][0] - 1] == "(" else words[j - 1]
    s, e, _w = inside
    return text[s - 1 : s] == "(" and text[e : e + 1] == ")" and text[s:e].isupper()


def _phrase_end(ctx: _Context, words: list[tuple[int, int, str]], i: int, limit: int) -> int:
    """Where the name phrase starting at ``words[i]`` ends: its noun phrase, at most."""
    end = _raw_phrase_end(ctx, words, i, limit)
    j = i
    while j < len(words) and words[j][1] <= end:
        j += 1
    return min(end, _noun_phrase_end(ctx, words[i:j])) if j > i else end


def _raw_phrase_end(ctx: _Context, words: list[tuple[int, int, str]], i: int, limit: int) -> int:
    """Where the words after a cue stop: punctuation or a word like "kepada", "dalam"."""
    text = ctx.text
    j = i
    end = words[i][1] if i < len(words) else limit
    while j < len(words):
        s, e, w = words[j]
        gap = text[end:s] if j > i else ""
        if gap.strip() == "." and _is_title_word(words[j - 1][2]):
            gap = " "  # "kata Dr. Shieva Ghofrany", "Daniel K. Inouye"
        elif gap.strip() in ("(", ")") and _acronym_in_brackets(text, words, j):
            gap = " "  # "Direktur Teknis Asosiasi Wasit Prancis (DTA) Pascal Garibian"
        if any(ch in gap for ch in ",;.:()!?\n"):
            break
        if w in ctx.lex.phrase_stop and j > i:
            break
        end = e
        j += 1
    return end


def _name_after_role(
    ctx: _Context, words: list[tuple[int, int, str]], k: int, end: int, limit: int
) -> int:
    """Reach the name behind role words: "kata ahli cephalopoda Dr. Jennifer Mather"."""
    if any(m.entity.type == "PERSON" for m in ctx.mentions_in(words[k][0], end)):
        return end
    raw = _raw_phrase_end(ctx, words, k, limit)
    later = [m for m in ctx.mentions_in(end, raw) if m.entity.type == "PERSON"]
    if later and len(ctx.words(end, later[0].start)) <= 4:
        return later[0].end
    tail = ctx.words(end, raw)
    if 2 <= len(tail) <= 6 and all(ctx.text[w[0]].isupper() for w in tail[-2:]):
        return raw  # no entity for it, but a capitalised name ends the phrase
    return end


def _office_word_in(speaker: Speaker) -> bool:
    """A "name" holding an ordinary word ("Konstruksi"): likely part of an office title."""
    words = load_words("id")
    return any(
        w[:1].isupper()
        and (w.casefold() in words.common or _NOMINAL.fullmatch(w.casefold()) is not None)
        and w.casefold() not in words.connectors
        for w in speaker.name.split()
    )  # "Olaf van Schagen": a particle, not an office word


def _is_person(ctx: _Context, speaker: Speaker) -> bool:
    return any(m.entity.id == speaker.id and m.entity.type == "PERSON" for m in ctx.mentions)


# Lower-case words an office title may hold before the name it belongs to.
_OFFICE_GLUE = frozenset(
    {"dan", "yang", "juga", "sekaligus", "serta", "selaku", "sebagai", "of", "and", "for", "the"}
)
_OFFICE_LENGTH = 24


def _person_behind_office(ctx: _Context, start: int, limit: int) -> tuple[Speaker, int] | None:
    """The person named after a long office title: "kata Kepala Seksi … Kantor Imigrasi Palu,
    Sunaryo," / "terang Kanit Laka Lantas Polres X, Ipda Bachtiar".

    The title runs over capitalised words, brackets, commas and a few glue
    words; the first person mention it reaches is the speaker.
    """
    text = ctx.text
    words = ctx.words(start, limit)[:_OFFICE_LENGTH]
    ent_words = load_words("id")
    if not words or not (text[words[0][0]].isupper() or words[0][2] in ent_words.role_heads):
        return None
    stop = words[-1][1]
    for k, (s, _e, w) in enumerate(words):
        gap = text[words[k - 1][1] : s] if k else ""
        if any(ch in gap for ch in ".;:!?\n") and not (
            gap.strip() == "." and _is_title_word(words[k - 1][2])
        ):
            stop = words[k - 1][1]
            break
        if (
            k
            and not text[s].isupper()
            and not text[s].isdigit()
            and w not in _OFFICE_GLUE
            and not _is_title_word(w)
            and not _office_lower(ctx, w)
        ):
            stop = s
            break
    persons = [
        m
        for m in ctx.mentions_in(start, stop)
        if _person_like(m, ent_words)
        and (m.entity.type == "PERSON" or not _after_locative(ctx, m))
        and not _bracketed(text, m)  # "(Kabag Penum)": an acronym of the office
        and not all(w.casefold() in ent_words.common for w in text[m.start : m.end].split())
    ]  # "Sekjen Gabungan Pelaksana Konstruksi …": an office word typed PERSON is skipped
    if persons and persons[0].start == start:
        lead = text[start : persons[0].end].casefold().split()
        if not (lead[0] in ent_words.role_heads or any(w in ent_words.common for w in lead)):
            return None  # the name itself, not an office before it
        persons = persons[1:]  # "Penyelenggara GFNY Bali, Tenne …": an office typed PERSON
    if not persons:
        return _name_ending_office(ctx, start, stop)
    # The holder's name closes the title: the first name followed by a comma, the
    # end, or a lower-case word ("… Semeru (TNBTS) Antong Hartadi di …").
    m = next((p for p in persons if _closes_phrase(text, p.end)), persons[0])
    # "… dan Perundangan MUI Fahmi Rasyid": office words and acronyms the entities
    # stage left at the front of the name belong to the office.
    words = ctx.words(m.start, m.end)
    k = 0
    while len(words) - k > 2 and (
        words[k][2] in ent_words.common
        or text[words[k][0] : words[k][1]].isupper()
        or _NOMINAL.fullmatch(words[k][2]) is not None
    ):
        k += 1
    if k:
        name = text[words[k][0] : m.end]
        return Speaker(slug(name), name, _clean_role(text[start : words[k][0]])), m.end
    role = _clean_role(text[start : m.start])
    return _speaker_of(ctx, m, role), m.end


def _office_lower(ctx: _Context, word: str) -> bool:
    """A lower-case word an office title may hold ("SVP divisi riset di App Annie, …"):
    not a clause word, not a verb."""
    if word not in ("di", "dan", "yang") and (
        word in ctx.lex.phrase_stop or word in ctx.lex.stopwords
    ):
        return False
    return not (word.startswith(("me", "ber", "di", "ter")) and len(word) > 5)


# Affixed nouns ("perundangan", "kebudayaan", "pengawasan") name offices, never people.
_NOMINAL = re.compile(r"(?:pe[nmr]?|peng|peny|ke)\w{3,}an")


def _closes_phrase(text: str, end: int) -> bool:
    rest = text[end : end + 3].lstrip(" ")
    return not rest or rest[0] in ",.;:!?\n" or rest[0].islower()


def _bracketed(text: str, m: _Mention) -> bool:
    return text.rfind("(", 0, m.start) > text.rfind(")", 0, m.start) and ")" in text[m.end :][:3]


def _person_like(m: _Mention, words: Words) -> bool:
    """A person, or a name the model took for a place that no gazetteer or place word backs:
    after an office title it names the office holder ("Sekjen … Andi Rukman Karumpa")."""
    if m.entity.type == "PERSON":
        return True
    first = m.entity.name.split()[0].casefold() if m.entity.name else ""
    places = all_cues(words)
    return (
        m.entity.type in ("GPE", "LOC")
        and not m.metonym
        and load_gazetteer("id").get(m.entity.id) is None
        and first not in places
    )


def _name_ending_office(ctx: _Context, start: int, stop: int) -> tuple[Speaker, int] | None:
    """A name the entities stage missed, closing an office title: "kata Sekretaris Daerah
    (Sekda) DKI Jakarta Saefullah": capitalised words, not acronyms, not ordinary words,
    outside any other name."""
    text = ctx.text
    words = load_words("id")
    cues = all_cues(words)
    named = ctx.mentions_in(start, stop)
    all_words = ctx.words(start, stop)
    # "… Harda Kiswaya di Sleman": a place after "di" closes the phrase, the name is before
    for k in range(len(all_words) - 1, 0, -1):
        if all_words[k][2] in _LOCATIVE and text[all_words[k - 1][0]].isupper():
            stop = all_words[k][0]
            break
    run: list[tuple[int, int, str]] = []
    inside = False  # the run reaches into a name the entities stage over-extended
    for s, e, w in reversed(ctx.words(start, stop)):
        m = next((m for m in named if m.start <= s < m.end), None)
        if m is not None:
            head = [w[2] for w in ctx.words(m.start, s)]
            if not any(w in cues for w in head[:-1]):
                break  # "PT Sinar Otomotif Harold …": only past a cue and one more word
            inside = True
        if not text[s].isupper() or text[s:e].isupper() or w in words.common or len(run) == 4:
            break
        run.insert(0, (s, e, w))
    if not run or run[0][0] == start or (inside and len(run) < 2):
        return None
    name = text[run[0][0] : run[-1][1]]
    return Speaker(slug(name), name, _clean_role(text[start : run[0][0]])), run[-1][1]


def _described(ctx: _Context, subject: list[tuple[int, int, str]]) -> bool:
    """A subject that points back at a person: "eks penyerang Muenchen … itu mengatakan"."""
    while len(subject) > 1 and subject[-1][2] in ctx.lex.adverbs:
        subject = subject[:-1]  # "… itu pernah berkata"
    return (
        1 < len(subject) <= 12
        and (ctx.text[subject[0][0]].islower() or subject[0][2] in load_words("id").common)
        and subject[-1][2] in ("itu", "ini", "tersebut")
        and not any(
            m.entity.type == "PERSON" for m in ctx.mentions_in(subject[0][0], subject[-1][1])
        )
    )


def _anaphoric(ctx: _Context, start: int, limit: int) -> bool:
    """A description pointing back at someone named before: "pria itu", "… tersebut"."""
    text = ctx.text
    if not text[start].islower():
        return False
    # A quoted title inside the description ("pelantun ‘Senja Merah’ ini") does not end
    # it: read on to the end of the sentence.
    if ctx.sentences:
        limit = max(limit, ctx.sentences[ctx.sentence_at(start)][1])
    stop = min((k for k in (text.find(ch, start, limit) for ch in ".;\n") if k >= 0), default=limit)
    words = ctx.words(start, stop)
    cut = next(
        (k for k, w in enumerate(words) if k and w[2] in ctx.lex.phrase_stop - {"yang"}),
        len(words),
    )  # "tutur pria yang akrab disapa Kecuk ini di Gedung DPR"
    if words and words[0][2] in ctx.lex.close_sources:
        return False  # "kata orang yang mengaku dekat dengan penyanyi itu": unnamed
    phrase = words[:cut]  # "ujar eks pelatih akademi Arsenal itu di ESPN FC"
    clause = words  # "lanjut adik kandung … (Gus Dur) itu."
    if any(
        1 < len(words) <= 14 and words[-1][2] in ("itu", "ini", "tersebut")
        for words in (phrase, clause)
    ):
        return True
    if (
        words
        and words[0][2] in ctx.lex.described_heads
        and not any(m.entity.type == "PERSON" for m in ctx.mentions_in(start, stop))
    ):
        return True  # "tambah pria yang bekerja sebagai …", "tutur sang pelatih"
    # "ujar pria yang juga dosen di … ini, dalam diskusi …": the description
    # closes with its demonstrative before a comma.
    if words and words[0][2] in ctx.lex.speaker_heads:
        return False  # "kata sumber itu, mengutip Metro": an unnamed source stays unnamed
    for k, (_s, e, w) in enumerate(words[:16]):
        if k and w in ("itu", "ini", "tersebut"):
            nxt = words[k + 1][2] if k + 1 < len(words) else ""
            # "… ini, dalam diskusi", "pelantun 'Semusim' ini kala ditemui di …"
            # "… ini lagi."
            if (
                (text[e : e + 1] == "," and not _person_starts(ctx, e + 1))
                or nxt in ctx.lex.phrase_stop
                or nxt in ctx.lex.fillers
                or nxt == "kala"
            ):
                return True
    return False


def _person_starts(ctx: _Context, pos: int) -> bool:
    """A person's name follows ``pos`` ("pendiri perusahaan itu, Rina Kusuma"): the
    description before it is an appositive role, not a pointer back."""
    i = bisect.bisect_left(ctx.mention_starts, pos)
    return (
        i < len(ctx.mentions)
        and ctx.mentions[i].entity.type == "PERSON"
        and not ctx.text[pos : ctx.mentions[i].start].strip()
    )


def attribution_after(ctx: _Context, start: int, limit: int) -> Attribution | None:
    """Attribution in ``text[start:limit]`` right after quoted or reported words.

    "…,” kata Jeh", "…, katanya", "…,” penasihat … Jake Sullivan memberi tahu AP",
    "…, menurut X".
    """
    lex = ctx.lex
    words = ctx.words(start, limit)
    i = 0
    while i < len(words) and words[i][2] in lex.fillers:
        i += 1
    if i >= len(words):
        return None
    text = ctx.text
    first = words[i]
    after = _after_cue(lex, first[2])
    passive = first[2] in lex.cue_passive
    # "“…,” demikian keterangan Kemenpan-RB": a document named with no verb before it
    document = i > 0 and first[2] in lex.documents and text[first[0]].islower()
    if after is not None or first[2] in lex.according or passive or document:
        cue = after[0] if after else first[2]
        if after and after[1]:
            return Attribution(None, text[first[0] : first[1]], True, first[0], first[1])
        k = i if document else i + 1
        if passive and k < len(words) and words[k][2] == "oleh":
            k += 1  # "dibantah oleh Moskow"
        if k >= len(words):
            return None
        nxt = words[k]
        if nxt[2] in lex.pronouns or nxt[2] in ("nya",):
            return Attribution(None, cue, True, first[0], nxt[1])
        if nxt[2] in lex.documents and text[nxt[0]].islower():
            # "bunyi pernyataan Jenderal John Nicholson": the statement's author;
            # "tulis rilis klub", "bunyi pernyataan tersebut": whoever issued it before
            rest = k + 1
            while rest < len(words) and (
                words[rest][2] in lex.document_words or words[rest][2] in lex.documents
            ):
                rest += 1
            named = rest < len(words) and text[words[rest][0]].isupper()
            if not named or "," in text[nxt[1] : words[rest][0]]:
                end = words[rest - 1][1]
                return Attribution(None, cue, True, first[0], end, subject=True, document=True)
            nxt = words[rest]
        if nxt[2] in lex.close_sources and text[nxt[0]].islower():
            stop = min(
                (k for k in (text.find(ch, nxt[0], limit) for ch in ",.;\n") if k >= 0),
                default=limit,
            )  # "kata orang yang mengaku dekat dengan penyanyi itu": unnamed, whole
            if not any(m.entity.type == "PERSON" for m in ctx.mentions_in(nxt[0], nxt[1])):
                return Attribution(
                    Speaker(None, text[nxt[0] : stop].strip()),
                    text[first[0] : first[1]],
                    False,
                    first[0],
                    stop,
                )
        if _anaphoric(ctx, nxt[0], limit):  # "lanjut adik kandung … itu", "kata pria itu"
            return Attribution(None, cue, True, first[0], nxt[1], subject=True)
        handle = _HANDLE.match(text, nxt[0] - 1) or (
            _HANDLE.match(text, nxt[1] + 1) if nxt[2] in ("akun", "account") else None
        )
        if handle is not None:  # "tulis @kemenhub151", "kata akun @budi_s": the account speaks
            sp = Speaker(slug(handle.group()), handle.group(), None)
            return Attribution(sp, text[first[0] : first[1]], False, first[0], handle.end())
        end = _menurut_end(ctx, nxt[0], limit)  # "ujar kuasa hukum Andika, Toto Ruhanto, …"
        end = _name_after_role(ctx, words, k, end, limit)
        speaker = speaker_in(ctx, nxt[0], end, after_name=limit)
        if speaker is None or not _is_person(ctx, speaker) or _office_word_in(speaker):
            behind = _person_behind_office(ctx, nxt[0], limit)
            if behind is not None:
                speaker, end = behind
        if speaker is None and text[nxt[0]].islower() and len(ctx.words(nxt[0], end)) <= 4:
            speaker = Speaker(
                None, text[nxt[0] : end]
            )  # "terang penelitian itu", "kata sang aktor"
        if speaker is None:
            return None
        return Attribution(speaker, text[first[0] : first[1]], False, first[0], end)
    # "“…,” X memberi tahu AP" / "…, Menteri … Shin mengatakan dalam …"
    for j in range(i, min(len(words), i + 14)):
        n = _cue_at(lex, words, j)
        if not n:
            continue
        if j == i:
            return None
        gap = text[words[i][0] : words[j][0]]
        if any(ch in gap for ch in ".;:!?\n"):
            return None
        subject = words[i:j]
        while len(subject) > 1 and subject[-1][2] in lex.adverbs:
            subject = subject[:-1]  # "Rinto Subekti juga mengakui"
        cue = text[words[j][0] : words[j + n - 1][1]]
        if len(subject) == 1 and subject[0][2] in lex.pronouns:
            return Attribution(None, cue, True, words[i][0], words[j + n - 1][1], True)
        speaker = speaker_in(ctx, subject[0][0], subject[-1][1])
        if speaker is None:
            return None
        return Attribution(speaker, cue, False, words[i][0], words[j + n - 1][1])
    return _bare_name_after(ctx, start, words[i:], limit)


def _bare_name_after(
    ctx: _Context, start: int, words: list[tuple[int, int, str]], limit: int
) -> Attribution | None:
    """A name standing alone after the closing mark, the speech verb left out:
    "“…,” Ketua Bapilu PSI, Sumardi." / "“…,” demikian Kaka kepada FourFourTwo."."""
    text = ctx.text
    if start == 0 or text[start - 1] not in '"”’»':
        return None  # only right after a closing mark, not after reported words
    whole = len(words)
    cut = next((k for k, w in enumerate(words) if k and w[2] in ctx.lex.phrase_stop), whole)
    words = words[:cut]  # "… kepada FourFourTwo": where it was said, not who
    if not words or len(words) > 8 or not text[words[0][0]].isupper():
        return None
    rest = text[words[-1][1] : limit].strip(" .,")
    if (cut == whole and rest) or any(ch in text[words[0][0] : words[-1][1]] for ch in ".;:!?\n"):
        return None  # more follows: a sentence of its own, not a name tag
    roles = load_words("id")
    if not all(
        text[w[0]].isupper() or w[2] in roles.role_heads or w[2] in roles.role_modifiers
        for w in words
    ):
        return None  # "Kaka kepada FourFourTwo": a clause, not a name tag
    last = [m for m in ctx.mentions_in(words[0][0], words[-1][1]) if m.entity.type == "PERSON"]
    if not last or last[-1].end != words[-1][1]:
        return None
    speaker = speaker_in(ctx, words[0][0], words[-1][1])
    if speaker is None or speaker.id != last[-1].entity.id:
        return None
    return Attribution(speaker, "", False, words[0][0], words[-1][1])


_DATELINE_DASHES = ("--", "- -", " — ", " – ")


def _subject_before(ctx: _Context, start: int, verb: int) -> tuple[int, int] | None:
    """The subject span of a verb at ``verb``: back to a clause word or stop.

    Comma-separated appositives ("Lin Jian, juru bicara …, mengatakan") are
    crossed while no person has been seen.
    """
    words = ctx.words(start, verb)
    if not words:
        return None
    lo = words[0][0]
    for k in range(len(words) - 1, -1, -1):
        if words[k][2] in ctx.lex.clause_stop or words[k][2] in ctx.lex.according:
            lo = words[k][1]
            break
    text = ctx.text
    # Cut at a sentence-internal stop (".", ":", ";") too.
    cut = max(text.rfind(ch, lo, verb) for ch in ".;:!?\n")
    if cut >= lo:
        lo = cut + 1
    # and after a dateline: "Jakarta, CNN Indonesia -- Adik … mengatakan"
    dash = max((text.rfind(d, lo, verb), len(d)) for d in _DATELINE_DASHES)
    if dash[0] >= lo:
        lo = dash[0] + dash[1]
    # An introductory phrase "Dalam pidato di Washington, ia …": keep the last
    # comma segment unless it holds no name (then an appositive sits there).
    # "Lin Jian, juru bicara …, mengatakan": a comma right before the verb
    # closes an appositive; the subject is the segment before it.
    segs = _comma_segments(text, lo, verb)
    chosen = segs[-1]
    # "…, Rinto Subekti, juga mengakui": adverbs alone do not make a subject, nor
    # does a lone manner word ("Khloe Kardashian, bintang …, antusias mengumumkan").
    last = ctx.words(*segs[-1])
    manner = (
        len(segs) >= 2
        and 0 < len(last) <= 2
        and all(
            text[w[0]].islower()
            and w[2] not in ctx.lex.speaker_heads
            and w[2] not in ctx.lex.pronouns
            and w[2] not in ctx.lex.stopwords
            for w in last
        )
    )
    if len(segs) == 2 and manner and ctx.mentions_in(*segs[0]):
        chosen = segs[0]
    elif len(segs) >= 3 and (manner or all(w[2] in ctx.lex.adverbs for w in last)):
        name = ctx.words(*segs[-2])
        # "Peneliti …, Bimo Wicaksono, mengatakan": the name is the second segment.
        named = bool(name) and text[name[0][0]].isupper()
        chosen = (segs[-3][0], segs[-2][1]) if named else segs[-3]
        role = ctx.words(*segs[-3])
        related = [m for m in ctx.mentions_in(*segs[-3]) if m.entity.type == "PERSON"]
        if named and role and related and _appositive_person(ctx, role, related[0], segs[-2]):
            chosen = segs[-2]  # "Adik … Basuki Tjahaja Purnama, Fifi Lety Indra, mengatakan"
    words = ctx.words(*chosen)
    # "Dalam tulisan itu ia berterima kasih …": the subject follows the adverbial.
    if words and words[0][2] in ctx.lex.leading_prepositions:
        later = [k for k, w in enumerate(words) if w[2] in ctx.lex.pronouns or text[w[0]].isupper()]
        words = words[later[1] if len(later) > 1 and later[0] == 0 else later[0] :] if later else []
    if not words:
        return None
    return words[0][0], _noun_phrase_end(ctx, words)


def _noun_phrase_end(ctx: _Context, words: list[tuple[int, int, str]]) -> int:
    """End of the noun phrase opening a clause: "Juru bicara Pentagon", "Ia" (not "Ia juga")."""
    roles = load_words("id")
    text = ctx.text
    end = words[0][1]
    inside = {i for m in ctx.mentions_in(words[0][0], words[-1][1]) for i in range(m.start, m.end)}
    for k in range(1, len(words)):
        s, e, w = words[k]
        nxt_cap = k + 1 < len(words) and text[words[k + 1][0]].isupper()
        if (
            text[s].isupper()
            or s in inside
            or w in roles.role_heads
            or w in roles.role_modifiers
            or w in ctx.lex.speaker_heads
            or (w in ("dan", "serta", "maupun", "di", "dari", "bin", "untuk") and nxt_cap)
        ):
            end = e
            continue
        break
    return end


def _comma_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    segs = []
    pos = start
    while True:
        k = text.find(",", pos, end)
        if k < 0:
            segs.append((pos, end))
            return segs
        segs.append((pos, k))
        pos = k + 1


def attribution_before(ctx: _Context, start: int, limit: int) -> Attribution | None:
    """The last speech cue in ``text[start:limit]`` with its subject or "menurut" object."""
    lex = ctx.lex
    words = ctx.words(start, limit)
    text = ctx.text
    for j in range(len(words) - 1, -1, -1):
        w = words[j][2]
        if w in lex.according:
            if j + 1 >= len(words):
                continue
            nxt = words[j + 1]
            if nxt[2] in lex.pronouns or nxt[2] == "nya" or w.endswith("nya"):
                return Attribution(None, text[words[j][0] : words[j][1]], True, words[j][0], nxt[1])
            end = _menurut_end(ctx, nxt[0], limit)
            speaker = speaker_in(ctx, nxt[0], end)
            if speaker is not None:
                return Attribution(
                    speaker, text[words[j][0] : words[j][1]], False, words[j][0], end
                )
            continue
        if w.startswith("menurut") and w != "menurut":  # "menurutnya"
            return Attribution(
                None, text[words[j][0] : words[j][1]], True, words[j][0], words[j][1]
            )
        n = _cue_at(lex, words, j)
        if not n:
            continue
        cue = text[words[j][0] : words[j + n - 1][1]]
        span = _subject_before(ctx, start, words[j][0])
        if span is None:
            continue
        subject = ctx.words(*span)
        described = _described(ctx, ctx.words(span[0], words[j][0]))
        if (len(subject) == 1 and subject[0][2] in lex.pronouns) or described:
            return Attribution(None, cue, True, span[0], words[j + n - 1][1], True)
        speaker = speaker_in(ctx, subject[0][0], subject[-1][1])
        if speaker is None or speaker.id is None:  # "Calon presiden nomor urut 1 Anies …"
            speaker = speaker_in(ctx, subject[0][0], words[j][0]) or speaker
        if speaker is None or not _is_person(ctx, speaker) or _office_word_in(speaker):
            # "Ketua Komisi Hukum dan Perundangan MUI Ikhsan Abdullah menyatakan …"
            behind = _person_behind_office(ctx, subject[0][0], words[j][0])
            if behind is not None:
                speaker = behind[0]
        if (
            speaker is None
            and len(subject) <= 3
            and text[subject[0][0]].islower()
            and subject[0][2] not in lex.stopwords
        ):
            speaker = Speaker(None, text[subject[0][0] : subject[-1][1]])  # "panel menyatakan"
        if speaker is not None:
            return Attribution(speaker, cue, False, subject[0][0], words[j + n - 1][1])
    return None


def _menurut_end(ctx: _Context, start: int, limit: int) -> int:
    """End of the name after "menurut" or "kata", across one "…, Name," appositive."""
    words = ctx.words(start, limit)
    if not words:
        return limit
    end = _phrase_end(ctx, words, 0, limit)
    raw = _raw_phrase_end(ctx, words, 0, limit)
    for cand in (end, raw, None):
        if cand is None:  # only when the plain phrase ends found no appositive
            cand = _role_tail_end(ctx, max(end, raw), limit)
        found = _appositive_name(ctx, words, start, cand, limit)
        if found is not None:
            return _next_appositive_person(ctx, start, found, limit)
    return _person_after_role_clause(ctx, words, start, limit) or end


_ROLE_CLAUSE_WORDS = 16


def _person_after_role_clause(
    ctx: _Context, words: list[tuple[int, int, str]], start: int, limit: int
) -> int | None:
    """End of the person named after a longer role phrase and a comma: "CEO dan pendiri
    Grab, Anthony Tan, dalam …", "jaksa penuntut umum pada KPK, Kiki Ahmad Yani, saat …",
    "petinggi Michelin yang bertanggung jawab atas …, Pierro Taramasso."."""
    text = ctx.text
    roles = load_words("id")
    if not (
        text[start].islower()
        or words[0][2] in roles.role_heads
        or words[0][2] in ctx.lex.speaker_heads
    ):
        return None  # a name first ("kata Jokowi di Solo, …"): the name is the speaker
    comma = text.find(",", start, limit)
    if comma < 0 or len(ctx.words(start, comma)) > _ROLE_CLAUSE_WORDS:
        return None
    if any(ch in text[start:comma] for ch in '.;:!?\n"“”'):
        return None
    if any(m.entity.type == "PERSON" for m in ctx.mentions_in(start, comma)):
        return None  # the role phrase already names its person
    stop = min(
        (k for k in (text.find(ch, comma + 1, limit) for ch in ",.;\n") if k >= 0), default=limit
    )
    after = ctx.words(comma + 1, stop)
    people = [m for m in ctx.mentions_in(comma + 1, stop) if m.entity.type == "PERSON"]
    if not after or not people:
        return None
    person = people[0]
    lead = [w for w in after if w[1] <= person.start]
    if len(lead) > 2 or not all(w[2] in roles.role_heads or w[2] == "sang" for w in lead):
        return None  # "…, sang vokalis Matt Bellamy" at most
    tail = ctx.words(person.end, stop)
    if tail and tail[0][2] not in ctx.lex.phrase_stop:
        return None  # ", Anthony Tan mengatakan …": a clause of its own
    return person.end


def _next_appositive_person(ctx: _Context, start: int, end: int, limit: int) -> int:
    """Past a list of places to the name: "Manajer Negara Airbnb Asia Tenggara, Hong Kong
    & Taiwan, Robin Kwok". Only when the phrase has no full name of a person yet."""
    text = ctx.text
    if any(m.entity.type == "PERSON" and " " in m.entity.name for m in ctx.mentions_in(start, end)):
        return end
    k = end
    for _ in range(3):
        k += len(text[k:limit]) - len(text[k:limit].lstrip())
        if k >= limit or text[k] != ",":
            break
        stop = text.find(",", k + 1, limit)
        stop = limit if stop < 0 else stop
        seg = ctx.words(k + 1, stop)
        people = [m for m in ctx.mentions_in(k + 1, stop) if m.entity.type == "PERSON"]
        if (
            len(people) == 1
            and " " in people[0].entity.name
            and seg
            and seg[0][0] == people[0].start
            and seg[-1][1] == people[0].end
        ):
            return people[0].end
        if not seg or len(seg) > 5 or not all(text[w[0]].isupper() or w[2] == "dan" for w in seg):
            break
        k = stop
    return end


def _role_tail_end(ctx: _Context, end: int, limit: int) -> int:
    """A role phrase goes on past a bracketed acronym and "dan" + capitalised words:
    "Kepala Bidang Informasi Gempabumi dan Peringatan Dini Tsunami BMKG",
    "koordinator Forum Masyarakat Peduli Parlemen Indonesia (Formappi)"."""
    text = ctx.text
    while True:
        k = end + len(text[end:limit]) - len(text[end:limit].lstrip())
        if k < limit and text[k] == ")":  # a phrase that ended inside "(LPAD"
            end = k + 1
            continue
        if k < limit and text[k] == "(":
            close = text.find(")", k, limit)
            if close < 0 or close - k > 40:
                return end
            end = close + 1
            continue
        words = ctx.words(k, min(limit, k + 200))
        if len(words) < 2 or words[0][0] != k or words[0][2] not in ("dan", "serta"):
            return end
        run = 1
        while (
            run < len(words)
            and text[words[run][0]].isupper()
            and not text[words[run - 1][1] : words[run][0]].strip()
        ):
            run += 1
        if run == 1:
            return end
        end = words[run - 1][1]


def _appositive_name(
    ctx: _Context, words: list[tuple[int, int, str]], start: int, end: int, limit: int
) -> int | None:
    """End of "Name," after a role phrase ending at ``end``: "juru bicara …, Lin Jian,"."""
    text = ctx.text
    k = end + len(text[end:limit]) - len(text[end:limit].lstrip())
    if k >= limit or text[k] != ",":
        return None
    # "kantor berita resmi Pyongyang, KCNA, …", "Manajer Tim, Chairul Basalamah, …"
    head_is_noun = (
        text[start].islower()
        or words[0][2] in load_words("id").role_heads
        or words[0][2] in ctx.lex.speaker_heads
    )
    if not head_is_noun and any(m.entity.type == "PERSON" for m in ctx.mentions_in(start, k)):
        return k
    after = ctx.words(k + 1, limit)
    k2 = _raw_phrase_end(ctx, after, 0, limit) if after else limit
    name = ctx.words(k + 1, k2)
    named = 0 < len(name) <= 8 and all(
        text[w[0]].isupper() or _is_title_word(w[2]) for w in name
    )  # "Dr dr Damayanti R Sjarif"
    person = any(m.entity.type == "PERSON" for m in ctx.mentions_in(k + 1, k2))
    # The appositive closes: ", Lin Jian, mengatakan" / "…, AKBP Nasriadi kepada …", not
    # "Menurut KCNA, Kim dan Shoigu membahas …".
    rest = text[k2:limit].lstrip()
    closed = (
        not rest
        or rest[0] in ",.;:!?\n"
        or (
            (m := _WORD.match(rest)) is not None
            and m.group().casefold() in ctx.lex.phrase_stop - {"dan", "yang", "serta"}
        )
    )
    head_person = any(m.entity.type == "PERSON" for m in ctx.mentions_in(start, k))
    acronym = len(name) == 1 and text[name[0][0] : name[0][1]].isupper()
    if (head_person and not person) or (acronym and text[start].isupper()):
        return k  # "Kapolres … Johanes Siboro SH, SIK melalui …": a degree, not a name
    if named and closed and (head_is_noun or person):
        return k2  # "ajudan … Kremlin, Yuri Ushakov, akan …"
    return k


def relay_in(ctx: _Context, start: int, end: int, speaker: Speaker | None) -> str | None:
    """The channel a quote is relayed through ("kepada Associated Press", "lapor Yonhap")."""
    for m in ctx.mentions_in(start, end):
        if speaker is not None and m.entity.id == speaker.id:
            continue
        if ctx.is_media(m):
            return ctx.text[m.start : m.end]
    return None


# --- the stage ----------------------------------------------------------------------


@dataclass(slots=True)
class _State:
    """The last speaker named, for "katanya", "ia", continuation paragraphs."""

    last: Speaker | None = None
    last_paragraph: int = -1


def _resolve(ctx: _Context, state: _State, att: Attribution | None, pos: int) -> Speaker | None:
    if att is None:
        return None
    if not att.pronoun:
        return att.speaker
    para = ctx.sentences[ctx.sentence_at(pos)][2] if ctx.sentences else 0
    if att.document:
        issuer = _issuer_before(ctx, pos, para)
        if issuer is not None:
            return issuer
    # A speech tag ("katanya", "ujar dia") goes on with the speaker being quoted;
    # a subject pronoun ("ia mengatakan") points at the paragraph's subject.
    if state.last is not None and para == state.last_paragraph:
        return state.last
    if state.last is not None and not att.subject:
        # "…,” katanya." after a narrative paragraph whose subject is someone
        # else ("Berbeda dengan Barli, Dian Pelangi akan …"): that person speaks.
        newer = _narrative_subject(ctx, state, pos, para)
        return newer or state.last
    subject = _paragraph_subject(ctx, pos)
    n = ctx.sentence_at(pos)
    while n > 0 and ctx.sentences[n - 1][2] == para:
        n -= 1
    narrative_before = state.last_paragraph != para - 1  # the paragraph before quotes no one
    if subject is None and (att.subject or state.last is None) and n > 0 and narrative_before:
        # "“…,” ujar pria 28 tahun itu." right after a paragraph about him
        subject = _paragraph_subject(ctx, ctx.sentences[n - 1][1] - 1)
    if subject is not None and (_plausible_person(subject) or state.last is None):
        return subject
    if state.last is not None and para - state.last_paragraph <= 3:
        return state.last
    # No recent speaker: the nearest person mentioned before.
    i = bisect.bisect_left(ctx.mention_starts, pos) - 1
    while i >= 0:
        m = ctx.mentions[i]
        if m.entity.type == "PERSON":
            return _speaker_of(ctx, m, None)
        i -= 1
    return None


def _issuer_before(ctx: _Context, pos: int, para: int) -> Speaker | None:
    """The organisation that issued a statement quoted as "pernyataan tersebut", "rilis
    klub": the last one named in this paragraph or the one before, not a news outlet."""
    i = bisect.bisect_left(ctx.mention_starts, pos) - 1
    while i >= 0:
        m = ctx.mentions[i]
        if ctx.sentences and ctx.sentences[ctx.sentence_at(m.start)][2] < para - 1:
            return None
        if m.entity.type == "ORG" and not ctx.is_media(m):
            return _speaker_of(ctx, m, None)
        i -= 1
    return None


def _narrative_subject(ctx: _Context, state: _State, pos: int, para: int) -> Speaker | None:
    """A person who is the subject of the narrative right before a quote, if it is
    not the last speaker: in the quote's paragraph before it, else in the paragraph
    before, when that paragraph quotes no one."""
    if para - 1 <= state.last_paragraph:
        return None
    n = ctx.sentence_at(pos)
    while n > 0 and ctx.sentences[n - 1][2] == para:
        n -= 1
    at = pos if ctx.sentences[n][0] < pos and _has_words_before(ctx, n, pos) else None
    if at is None and n > 0:
        at = ctx.sentences[n - 1][1] - 1
    if at is None:
        return None
    sp = _paragraph_subject(ctx, at)
    if sp is None or (state.last is not None and sp.id == state.last.id):
        return None
    return sp if _plausible_person(sp) else None


def _plausible_person(sp: Speaker) -> bool:
    """A name that looks like a person's: not an acronym, not only ordinary words, no
    organisation or place word."""
    words = load_words("id")
    names = sp.name.split()
    cues = all_cues(words)
    return (
        bool(names)
        and not (len(names) == 1 and names[0].isupper())  # an acronym
        and not all(w.casefold() in words.common for w in names)  # "Pemuda", "Tenggara"
        and not any(w.casefold() in cues for w in names)  # "Polresta Manado"
    )


def _has_words_before(ctx: _Context, n: int, pos: int) -> bool:
    """Narrative text (not just the opening mark) between sentence ``n``'s start and ``pos``."""
    return len(ctx.words(ctx.sentences[n][0], pos)) >= 3


def _paragraph_subject(ctx: _Context, pos: int) -> Speaker | None:
    """The person who is the subject of a sentence of this paragraph before ``pos``.

    "Putin menulis artikel … . Dalam tulisan itu ia berterima kasih …": "ia" is
    the last sentence subject, not the last speaker quoted.
    """
    if not ctx.sentences:
        return None
    n = ctx.sentence_at(pos)
    para = ctx.sentences[n][2]
    first = max(n - 6, 0)  # a long paragraph: only the sentences just before
    while n >= first and ctx.sentences[n][2] == para:
        start = ctx.sentences[n][0]
        end = min(ctx.sentences[n][1], pos)
        segments = _comma_segments(ctx.text, start, end)[:3]
        for k, seg in enumerate(segments):
            if ctx.text[seg[0] : seg[1]].lstrip()[:1] in "\"'“‘«”":
                break  # quoted words: their names are not the sentence's subject
            words = ctx.words(*seg)
            if words and words[0][2] in ctx.lex.leading_prepositions:
                words = [
                    w for w in words[1:] if w[2] in ctx.lex.pronouns or ctx.text[w[0]].isupper()
                ]
                words = ctx.words(words[0][0], seg[1]) if words else []
            if not words:
                continue
            np_end = _noun_phrase_end(ctx, words)
            persons = [m for m in ctx.mentions_in(words[0][0], np_end) if m.entity.type == "PERSON"]
            if not persons and ctx.text[words[0][0]].isupper():
                # "Payne dengan bangga membagi …": a surname the entities stage missed
                owner = _person_named(ctx, ctx.text[words[0][0] : words[0][1]])
                persons = [owner] if owner is not None else []
            if persons and k + 1 < len(segments):
                named = _appositive_person(ctx, words, persons[0], segments[k + 1])
                if named is not None:  # "Adik … Basuki Tjahaja Purnama, Fifi Lety Indra, …"
                    return _speaker_of(ctx, named, None)
            if persons:
                joined = _coordinated(ctx, words[0][0], np_end)  # "Lorenzo dan Ducati"
                return _speaker_of(ctx, persons[0] if joined else persons[-1], None)
            if words[0][2] in ctx.lex.pronouns:
                break  # "ia" again: look at the sentence before
        n -= 1
    return None


def _appositive_person(
    ctx: _Context, words: list[tuple[int, int, str]], person: _Mention, seg: tuple[int, int]
) -> _Mention | None:
    """The person named alone in the next comma segment when this one only relates
    someone to the person it names: "Adik dan kuasa hukum Basuki, Fifi, mengatakan"."""
    if words[0][0] >= person.start or words[0][2] not in load_words("id").role_heads:
        return None
    after = ctx.words(*seg)
    people = [m for m in ctx.mentions_in(*seg) if m.entity.type == "PERSON"]
    if len(people) != 1 or not after or after[0][0] != people[0].start:
        return None
    return people[0] if after[-1][1] == people[0].end else None


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, a leading comma or colon, and a trailing comma or period."""
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


def _is_scare(ctx: _Context, head_start: int, qs: int, qe: int) -> bool:
    """Named, not said: after a naming word, a lone modifier word, or a title."""
    lex = ctx.lex
    before = ctx.words(max(head_start, qs - 60), qs)
    inner = ctx.words(qs, qe)
    if before:
        prev = before[-1][2]
        if prev in lex.naming or (
            len(before) > 1
            and before[-2][2] in lex.naming
            and prev in ("yang", "sebagai", "seperti")
        ):
            return True
        if (
            len(inner) == 1
            and prev not in lex.stopwords
            and not _cue_at(lex, before, len(before) - 1)
        ) and not (prev.startswith(("me", "ber")) and len(prev) > 5):
            return True  # program antariksa "sipil"
    return False


# Small words a title in English keeps in lower case ("The Marvelous Misadventures of …").
_TITLE_SMALL = frozenset({"of", "and", "the", "by", "for", "in", "on", "a", "an", "to", "at"})


def _is_title(ctx: _Context, qs: int, qe: int, most: int = 6) -> bool:
    """Every content word capitalised, at most ``most`` words: a name or a title."""
    words = ctx.words(qs, qe)
    content = [w for w in words if w[2] not in ctx.lex.stopwords and w[2] not in _TITLE_SMALL]
    return bool(content) and len(words) <= most and all(ctx.text[w[0]].isupper() for w in content)


def find_quotes(doc: Document, *, lang: str = "id") -> tuple[Quote, ...]:
    """All quotes of a segmented document with entities, in text order."""
    text = doc.text
    if not text:
        return ()
    lex = load_lexicon(lang)
    ctx = _Context(doc, lex)
    marked: list[Marked] = []
    for n, (p_start, p_end) in enumerate(paragraph_spans(text)):
        marked.extend(quoted_spans(text, p_start, p_end, n))
    quotes = list(_marked_quotes(ctx, marked))
    quotes.extend(_indirect_quotes(ctx, marked))
    quotes.sort(key=lambda q: (q.start, q.end))
    return tuple(_fill_pronouns(ctx, quotes))


# Quotes carry this placeholder until pronouns are resolved in text order.
_PRONOUN = "\x00pronoun"
_CONTINUE = "\x00continue"
_SUBJECT = "\x00subject"
_DOCUMENT = "\x00document"


def _marked_quotes(ctx: _Context, marked: list[Marked]) -> Iterator[Quote]:
    text = ctx.text
    for k, m in enumerate(marked):
        qs, qe = _content(text, m.open + 1, m.close)
        if qs >= qe or not any(ch.isalnum() for ch in text[qs:qe]):
            continue
        s_open = ctx.sentence_at(m.open)
        sent_start = ctx.sentences[s_open][0] if ctx.sentences else 0
        prev_close = marked[k - 1].close + 1 if k and marked[k - 1].paragraph == m.paragraph else 0
        head_start = max(sent_start, prev_close)
        s_close = ctx.sentence_at(max(m.close - 1, m.open))
        sent_end = ctx.sentences[s_close][1] if ctx.sentences else len(text)
        next_open = marked[k + 1].open if k + 1 < len(marked) else len(text)
        tail_end = min(sent_end, next_open) if m.closed else m.close
        tail_start = min(m.close + 1, tail_end)
        head = text[head_start : m.open].strip()
        first = text[qs]
        after = attribution_after(ctx, tail_start, tail_end) if m.closed else None
        # Opening its sentence, after a cue ("X mengatakan, “…”") or before one
        # ("…,” kata X"); "Novel pertamanya, “A untuk Alibi,” terbit …" is not.
        direct_head = (
            not head
            or head[-1] in ":-–—"  # "Merdeka.com - “…”": after a dateline
            or _ends_with_cue(ctx, head_start, m.open)
            or (head[-1] == "," and after is not None)
        )
        direct = (first.isupper() or first.isdigit() or first in "[(.…") and direct_head
        # "“#seminyak …,” tulis Lindsay", "“@TelkomCare …,” kata akun …": a sentence of
        # its own with a speech tag after it is said, whatever its first letter.
        direct = direct or (after is not None and (not head or head[-1] in ":-–—"))
        if direct:
            att = after or (attribution_before(ctx, head_start, m.open) if head else None)
            if att is None and _is_title(ctx, qs, qe) and len(ctx.words(qs, qe)) <= 4:
                yield Quote(text[qs:qe], qs, qe, "scare")  # "“Tootsie” dan “Network”"
                continue
            yield _quote(ctx, "direct", qs, qe, att, m, fallback=_CONTINUE)
            continue
        if _is_scare(ctx, head_start, qs, qe):
            yield Quote(text[qs:qe], qs, qe, "scare")
            continue
        # Partial: the sentence's speech cue, wherever it is.
        sent_end_all = ctx.sentences[s_close][1] if ctx.sentences else len(text)
        att = _sentence_end_attribution(ctx, tail_start, sent_end_all) or attribution_before(
            ctx, sent_start, m.open
        )
        if _is_title(ctx, qs, qe, most=8):  # "Hari Kemenangan", "Network", "BRI - Powered by …"
            yield Quote(text[qs:qe], qs, qe, "scare")
            continue
        if att is None and len(ctx.words(qs, qe)) < 2:
            yield Quote(text[qs:qe], qs, qe, "scare")
            continue
        yield _quote(ctx, "partial", qs, qe, att, m, fallback=_CONTINUE)


def _ends_with_cue(ctx: _Context, start: int, end: int) -> bool:
    """Head ending in a reporting verb: "ia mengatakan “…”", "Kata Putin: “…”",
    also across a short adjunct: "Ia berkicau di Twitter, “…”"."""
    words = ctx.words(start, end)
    if not words:
        return False
    last = len(words) - 1
    if (
        _cue_at(ctx.lex, words, last)
        or (last > 0 and _cue_at(ctx.lex, words, last - 1) == 2)
        or (words[last][2] == "bahwa" and last > 0 and _cue_at(ctx.lex, words, last - 1))
    ):
        return True
    if ctx.text[start:end].rstrip()[-1:] not in ",:":
        return False
    for k in range(max(0, last - 6), last):
        n = _cue_at(ctx.lex, words, k)
        if n and k + n <= last and words[k + n][2] in ctx.lex.cue_adjuncts:
            gap = ctx.text[words[k][0] : words[last][1]]
            return not any(ch in gap for ch in ".;:!?")
    return False


def _sentence_end_attribution(ctx: _Context, start: int, end: int) -> Attribution | None:
    """ ", kata X." / ", katanya." / ", menurut X." closing the sentence after ``start``."""
    text = ctx.text
    pos = text.rfind(",", start, end)
    for _ in range(4):  # the last few commas: an attribution closes its sentence
        if pos < start:
            break
        att = attribution_after(ctx, pos + 1, end)
        if att is not None:
            return att
        pos = text.rfind(",", start, pos)
    return None


def _quote(
    ctx: _Context,
    kind: QuoteKind,
    qs: int,
    qe: int,
    att: Attribution | None,
    m: Marked,
    *,
    fallback: str,
) -> Quote:
    text = ctx.text
    if att is None:
        return Quote(text[qs:qe], qs, qe, kind, speaker=fallback)
    sp = att.speaker
    s0 = ctx.sentences[ctx.sentence_at(m.open)][0] if ctx.sentences else 0
    s1 = ctx.sentences[ctx.sentence_at(max(m.close - 1, m.open))][1] if ctx.sentences else len(text)
    lo, hi = min(s0, att.start), max(s1, att.end)
    via = relay_in(ctx, lo, hi, sp)
    if att.pronoun or sp is None:
        marker = _DOCUMENT if att.document else _SUBJECT if att.subject else None
        return Quote(text[qs:qe], qs, qe, kind, _PRONOUN, speaker_name=marker, cue=att.cue, via=via)
    return Quote(text[qs:qe], qs, qe, kind, sp.id, sp.name, sp.role, att.cue or None, via)


def _indirect_quotes(ctx: _Context, marked: list[Marked]) -> Iterator[Quote]:
    """Reported speech without marks, one per sentence at most."""
    text = ctx.text
    direct_sentences = set()
    for m in marked:
        qs = m.open + 1
        if qs < len(text) and (text[qs].isupper() or text[qs].isdigit()):
            for n in range(ctx.sentence_at(m.open), ctx.sentence_at(max(m.close - 1, m.open)) + 1):
                direct_sentences.add(n)
    for n, (s, e, _para) in enumerate(ctx.sentences):
        if n in direct_sentences:
            continue
        words = ctx.words(s, e)
        if len(words) < 4 or ctx.lex.triggers.isdisjoint([w[2] for w in words]):
            continue
        found = _indirect_in(ctx, n, s, e, words)
        if found is not None:
            yield found


def _indirect_in(
    ctx: _Context, n: int, s: int, e: int, words: list[tuple[int, int, str]]
) -> Quote | None:
    text = ctx.text
    lex = ctx.lex
    # "Demikian ungkap X …": the words are the sentence before.
    if (
        words[0][2] in ("demikian", "begitu")
        and len(words) > 2
        and (_after_cue(lex, words[1][2]) or _cue_at(lex, words, 1) or words[1][2] == "dilaporkan")
    ):
        if n == 0 or ctx.sentences[n - 1][2] != ctx.sentences[n][2]:
            return None
        att = attribution_after(ctx, words[1][0], e) if _after_cue(lex, words[1][2]) else None
        ps, pe, _ = ctx.sentences[n - 1]
        return _indirect(ctx, ps, pe, att, s, e, cue=words[1][2])
    # "Menurut X, …"
    for j in range(min(len(words) - 1, 8)):
        if words[j][2] not in lex.according:
            continue
        if j and "," not in text[words[j - 1][1] : words[j][0]]:
            break  # "Sebagai gantinya, menurut Kirby, …" only after a comma
        nxt = words[j + 1]
        cue = text[words[j][0] : words[j][1]]
        if nxt[2] in lex.pronouns:
            end = nxt[1]
            att = Attribution(None, cue, True, words[j][0], end)
        else:
            end = _menurut_end(ctx, nxt[0], e)
            sp = speaker_in(ctx, nxt[0], end)
            att = Attribution(sp, cue, sp is None, words[j][0], end)
        if end < e and text[end] == ",":
            return _indirect(ctx, end + 1, e, att, s, e)
        break
    # "Tuduhan itu dibantah oleh Moskow maupun Pyongyang."
    for j in range(1, len(words) - 2):
        if words[j][2] in lex.cue_passive and words[j + 1][2] == "oleh":
            if words[j - 1][2] == "yang" or "," in text[s : words[j][0]]:
                break
            att = attribution_after(ctx, words[j][0], e)
            if att is not None:
                return _indirect(ctx, s, words[j][0], att, s, e)
            break
    # "…, kata X." / "…, menurut X." / "…, X mengatakan dalam …"
    att = _sentence_end_attribution(ctx, s, e)
    rest = ctx.words(att.end, e) if att is not None else []
    # Only adjuncts may follow the attribution ("…, kata X dalam wawancara"), not content.
    adjunct = not rest or rest[0][2] in lex.phrase_stop | lex.leading_prepositions
    if att is not None and len(rest) <= 10 and adjunct and all(w[2] != "bahwa" for w in rest):
        cut = text.rfind(",", s, att.start)
        if cut > s and len(ctx.words(s, cut)) >= 3:
            return _indirect(ctx, s, cut, att, s, e)
    # "… senjata yang menurut Moskow mampu …": the rest of the sentence.
    for j in range(1, len(words) - 2):
        if words[j][2] in lex.according and words[j - 1][2] == "yang":
            nxt = words[j + 1]
            end = _menurut_end(ctx, nxt[0], e)
            sp = speaker_in(ctx, nxt[0], end)
            if sp is not None and len(ctx.words(end, e)) >= 3:
                cue = text[words[j][0] : words[j][1]]
                return _indirect(ctx, end, e, Attribution(sp, cue, False, words[j][0], end), s, e)
    # "X mengatakan (kepada …) bahwa …" / "Para ahli mengatakan …"
    cues = [(j, k) for j in range(len(words)) if (k := _cue_at(lex, words, j))]
    pick = next(
        ((j, k, b) for j, k in cues if (b := _own_bahwa(text, words, j + k)) is not None), None
    )
    if pick is None:
        for j, k in cues:
            verb = tuple(w[2] for w in words[j : j + k])
            rest = words[j + k :]
            if (
                verb not in lex.indirect_verbs
                or len(rest) < 2
                or verb[0] in ("memberi", "memberitahu")
            ):
                continue
            if verb[0].startswith("menyebut") and any(w[2] == "sebagai" for w in rest[:6]):
                continue  # "menyebut Seoul sebagai musuh utama": naming, not reporting
            if "," in text[words[j + k - 1][1] : rest[0][0]] and len(rest) < 5:
                continue  # "Ia mengatakan, …" with a whole clause after the comma is reported
            pick = (j, k, j + k - 1)
            break
    if pick is None:
        return None
    j, k, b = pick
    att = attribution_before(ctx, s, words[j + k - 1][1])
    if att is None:
        return None
    return _indirect(ctx, words[b][1], _content_end(ctx, words[b][1], e), att, s, e)


def _own_bahwa(text: str, words: list[tuple[int, int, str]], i: int) -> int | None:
    """Index of the "bahwa" that a verb ending before ``words[i]`` introduces."""
    for k in range(i, min(len(words), i + 12)):
        if words[k][2] == "bahwa":
            return k
        if "," in text[words[k - 1][1] : words[k][0]] or (k > i and words[k][2] in ("dan", "yang")):
            return None
    return None


def _content_end(ctx: _Context, start: int, end: int) -> int:
    """Reported words stop before ", meskipun …"-like clauses that the reporter adds."""
    text = ctx.text
    pos = text.find(",", start, end)
    while pos >= 0:
        nxt = _WORD.match(
            text, pos + 1 + (len(text[pos + 1 : end]) - len(text[pos + 1 : end].lstrip()))
        )
        if nxt and nxt.group().casefold() in ctx.lex.concessive:
            return pos
        pos = text.find(",", pos + 1, end)
    return end


def _indirect(
    ctx: _Context,
    cs: int,
    ce: int,
    att: Attribution | None,
    s: int,
    e: int,
    *,
    cue: str | None = None,
) -> Quote | None:
    text = ctx.text
    cs, ce = _content(text, cs, ce)
    if len(ctx.words(cs, ce)) < 2:
        return None
    if att is None:
        return Quote(text[cs:ce], cs, ce, "indirect", cue=cue, speaker=None)
    sp = att.speaker
    via = relay_in(ctx, s, e, sp)
    if att.pronoun or sp is None:
        marker = _DOCUMENT if att.document else _SUBJECT if att.subject else None
        return Quote(text[cs:ce], cs, ce, "indirect", _PRONOUN, marker, cue=cue or att.cue, via=via)
    return Quote(text[cs:ce], cs, ce, "indirect", sp.id, sp.name, sp.role, cue or att.cue, via)


def _fill_pronouns(ctx: _Context, quotes: list[Quote]) -> Iterator[Quote]:
    """Resolve "katanya"/"ia" to the last speaker and give continuations their speaker."""
    state = _State()
    prev_direct: Quote | None = None
    out = list(quotes)
    for i, q in enumerate(out):
        para = ctx.sentences[ctx.sentence_at(q.start)][2] if ctx.sentences else 0
        if q.speaker == _PRONOUN:
            document = q.speaker_name == _DOCUMENT
            subject = document or q.speaker_name == _SUBJECT
            pronoun = Attribution(None, q.cue or "", True, subject=subject, document=document)
            sp = _resolve(ctx, state, pronoun, q.start)
            if (
                sp is not None
                and q.kind == "direct"
                and _is_person(ctx, sp)
                and _named_in(ctx, sp, q.text)
            ):
                # "“… Pak Novel sudah sembuh …,” tuturnya": not Novel speaking
                alt = state.last
                if alt is None or alt.id == sp.id or _named_in(ctx, alt, q.text):
                    alt = _person_before(ctx, q.start, q.text, sp.id)
                sp = alt or sp
            q = dataclasses.replace(
                q,
                speaker=sp.id if sp else None,
                speaker_name=sp.name if sp else None,
                speaker_role=sp.role if sp else None,
            )
        elif q.speaker == _CONTINUE:
            q = _continuation(ctx, out, i, q, state, prev_direct, para)
        out[i] = q
        if q.speaker_name is not None and q.kind != "scare":
            state.last = Speaker(q.speaker, q.speaker_name, q.speaker_role)
            state.last_paragraph = para
        if q.kind == "direct":
            prev_direct = q
    yield from out


def _person_before(ctx: _Context, pos: int, quoted: str, skip: str | None) -> Speaker | None:
    """The nearest person named before ``pos`` who is not spoken of in ``quoted``."""
    i = bisect.bisect_left(ctx.mention_starts, pos) - 1
    while i >= 0 and pos - ctx.mentions[i].start < 2000:
        m = ctx.mentions[i]
        if m.entity.type == "PERSON" and m.entity.id != skip:
            sp = _speaker_of(ctx, m, None)
            if not _named_in(ctx, sp, quoted):
                return sp
        i -= 1
    return None


_HONORIFICS = frozenset({"pak", "bapak", "bu", "ibu", "mas", "mbak", "bung", "kak", "sang"})


def _named_in(ctx: _Context, sp: Speaker, text: str) -> bool:
    """The quoted words name the speaker as the article does ("Pak Novel"): they speak
    of him, not as him. A name inside a longer one ("Kim" in "Kim Jong Un") does not count."""
    forms = {ctx.text[m.start : m.end] for m in ctx.mentions if m.entity.id == sp.id}
    for form in filter(None, forms):
        for found in re.finditer(rf"\b{re.escape(form)}\b", text):
            before = text[: found.start()].split()[-1:]
            after = text[found.end() :].split()[:1]
            joined_before = (
                before
                and before[0][:1].isupper()
                and before[0][-1] not in '.,;:!?"”'
                and before[0].casefold() not in _HONORIFICS
            )
            joined_after = after and after[0][:1].isupper()
            if not joined_before and not joined_after:
                return True
    return False


def _continuation(
    ctx: _Context, out: list[Quote], i: int, q: Quote, state: _State, prev: Quote | None, para: int
) -> Quote:
    """A quote with no cue: the next quote's speaker if it continues into it, else the last."""
    nxt = out[i + 1] if i + 1 < len(out) else None
    sp: Speaker | None = None
    if q.kind == "direct":
        sp = _cue_sentence_before(ctx, q.start)
    if (
        sp is None
        and nxt is not None
        and nxt.kind == q.kind == "direct"
        and nxt.speaker not in (_PRONOUN, _CONTINUE, None)
    ):
        gap = ctx.text[q.end : nxt.start]
        if len(ctx.words(q.end, nxt.start)) == 0 and gap.count("\n") <= 2:
            sp = Speaker(nxt.speaker, nxt.speaker_name or "", nxt.speaker_role)
    reach = 3 if q.kind == "direct" else 1  # quoted words in a sentence need a close speaker
    if sp is None and state.last is not None and para - state.last_paragraph <= reach:
        sp = state.last
    if sp is None and q.kind == "direct":
        # "Dalam pernyataannya, Facebook mengatakan. “…”" / a paragraph about him, then
        # his words: the narrative's subject, when it looks like a person.
        near = _narrative_subject(ctx, state, q.start, para)
        sp = near if near is not None and _plausible_person(near) else None
    if sp is None:
        if q.kind == "partial" or len(ctx.words(q.start, q.end)) <= 6:
            return dataclasses.replace(q, kind="scare", speaker=None)  # a title, a heading
        return dataclasses.replace(q, speaker=None)
    return dataclasses.replace(q, speaker=sp.id, speaker_name=sp.name, speaker_role=sp.role)


def _cue_sentence_before(ctx: _Context, pos: int) -> Speaker | None:
    """The speaker of a sentence that ends in its speech verb right before the quote:
    "Dalam pernyataannya, Facebook mengatakan. “…”" (an organisation as well as a person)."""
    if not ctx.sentences:
        return None
    n = ctx.sentence_at(pos)
    if n == 0 or ctx.sentences[n][0] < pos - 2:
        return None  # the quote does not open its sentence
    start, end, para = ctx.sentences[n - 1]
    if para < ctx.sentences[n][2] - 1:
        return None
    body = ctx.text[start:end].rstrip()
    if body[-1:] not in ".:" or '"' in body or "”" in body:
        return None
    stop = start + len(body) - 1
    if not _ends_with_cue(ctx, start, stop):
        return None
    att = attribution_before(ctx, start, stop)
    return att.speaker if att is not None and not att.pronoun else None


@stage("quotes")
def quotes(doc: Document, *, settings: Settings | None = None) -> Document:
    """Set ``quotes`` on a document with sentences and entities."""
    if not doc.text:
        return doc
    return dataclasses.replace(doc, quotes=find_quotes(doc, lang="id"))


# --- one quote, several articles ------------------------------------------------------


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
