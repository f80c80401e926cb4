"""Attribution around a quote: the speech tag after it ("…,” kata X"), the subject
and cue before it ("X mengatakan, “…”"), the relay channel."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..entities.detect import NOMINAL, Words, all_cues, is_degree, is_verb, load_words
from ..entities.gazetteer import load_gazetteer
from ..model import slug
from .context import (
    _HANDLE,
    _WORD,
    DEMONSTRATIVES,
    Lexicon,
    Speaker,
    _Context,
    _is_title_word,
    _Mention,
    _past_space,
)
from .persons import personhood
from .speakers import (
    _INDEFINITE,
    _LOCATIVE,
    _TIME_WORDS,
    _WHEN,
    _after_locative,
    _appositive_person,
    _clean_role,
    _name_then_role,
    _office_area,
    _speaker_of,
    _unlinked_person,
    speaker_in,
)


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
    description: str | None = None  # "penyerang berusia 32 tahun" of "… itu": a role
    personal: bool = False  # the subject is "ia"/"dia"/"beliau": a person's
    document: bool = False  # "tulis pernyataan tersebut": whoever issued it


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
    text = ctx.plain  # "terang Founder Nikah.id Hariawan …": that dot ends nothing
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
        if w in ctx.lex.phrase_stop and j > i and text[s].islower():  # not "Dan Bartel"
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
        and (m.entity.type == "PERSON" or not (_after_locative(ctx, m) or _office_area(ctx, m)))
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
    named = [p for p in persons if not text[p.start : p.end].isupper()]
    persons = named or persons  # "Pendiri FPCI yang juga …": the body's acronym, typed PERSON
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
        or NOMINAL.fullmatch(words[k][2]) is not None
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
    if len(subject) > 2 and subject[0][2] in ctx.lex.described_heads and subject[1][2] == "yang":
        # "Pria yang tahun lalu juara di Losail mengatakan": the man named before; names
        # inside the relative clause are what it says about him
        return True
    return (
        1 < len(subject) <= 12
        and (ctx.text[subject[0][0]].islower() or subject[0][2] in load_words("id").common)
        and subject[-1][2] in DEMONSTRATIVES
        and not any(
            m.entity.type == "PERSON" for m in ctx.mentions_in(subject[0][0], subject[-1][1])
        )
    )


# "kata akun rizkiarraya", "kata akun rafly_rahman.h": an account named without its "@"
_BARE_HANDLE = re.compile(r"akun\s+(?:instagram\s+|twitter\s+)?([a-z0-9][a-z0-9_.]*[a-z0-9_])\b")


def _bare_handle(ctx: _Context, start: int) -> re.Match[str] | None:
    """The account after "akun" written without "@": lower case, no ordinary word."""
    found = _BARE_HANDLE.match(ctx.text, start)
    if found is None:
        return None
    name = found.group(1)
    words = load_words("id")
    if name in words.common or name in words.stopwords or name in ctx.lex.stopwords:
        return None  # "kata akun resmi klub": no account's name
    return _TOKEN.match(ctx.text, found.start(1), found.end(1))  # the name alone, as a match


_TOKEN = re.compile(r"\S+")


def _handle_after(ctx: _Context, start: int, limit: int) -> re.Match[str] | None:
    """An account named after a few lower-case words: "kata akun @budi_s", "cuit
    pemilik akun @louistomlinsan" (not "kata Budi lewat akun @budi_s": Budi speaks)."""
    found = _HANDLE.search(ctx.text, start, ctx.stop(start, limit, ",.;\n"))
    if found is None:
        return None
    lead = ctx.words(start, found.start())
    return found if len(lead) <= 3 and all(ctx.text[w[0]].islower() for w in lead) else None


_CALLED = re.compile(r"\byang\s+(?:akrab\s+|karib\s+|biasa\s+)?di(?:sapa|panggil)\s+")


def _called(ctx: _Context, start: int, limit: int) -> _Mention | None:
    """The person a lower-case description names by what they are called: "sosok
    yang karib disapa BTM", "pria yang akrab disapa Kecuk"."""
    if not ctx.text[start].islower():
        return None
    found = _CALLED.search(ctx.plain, start, ctx.stop(start, limit, ",.;\n"))
    if found is None or len(ctx.words(start, found.start())) > 4:
        return None
    after = ctx.mentions_in(found.end(), found.end() + 60)[:1]
    if after and after[0].start == found.end() and after[0].entity.type == "PERSON":
        return after[0]
    return None


def _anaphoric(ctx: _Context, start: int, limit: int) -> bool:
    """A description pointing back at someone named before: "pria itu", "… tersebut"."""
    text = ctx.text
    if not text[start].islower():
        return _office_pointing_back(ctx, start, limit)
    # A quoted title inside the description ("pelantun ‘Senja Merah’ ini") does not end
    # it: read on to the end of the sentence.
    if ctx.sentences:
        limit = max(limit, ctx.sentences[ctx.sentence_at(start)][1])
    stop = ctx.stop(start, limit)
    words = ctx.words(start, stop)
    cut = next(
        (k for k, w in enumerate(words) if k and w[2] in ctx.lex.phrase_stop - {"yang"}),
        len(words),
    )  # "tutur pria yang akrab disapa Kecuk ini di Gedung DPR"
    if words and words[0][2] in ctx.lex.close_sources:
        return False  # "kata orang yang mengaku dekat dengan penyanyi itu": unnamed
    if words and words[0][2] in _INDEFINITE - {"para"}:
        return False  # "kata salah satu sumber dekat aktor itu": someone new, not "itu"
    k = next((k for k, w in enumerate(words) if w[2] == "yang"), 0)
    if (
        k
        and words[k - 1][2] not in DEMONSTRATIVES  # "pemain ‘Zoolander’ tersebut"
        and "," not in text[start : words[k][0]]
        and any(m.entity.type == "PERSON" for m in ctx.mentions_in(start, words[k][0]))
    ):  # "kata pengacara Ulrich Weber yang menyelidiki kasus itu": "itu" is the case's
        return False
    comma = text.find(",", start, stop)
    if comma >= 0 and not _person_starts(ctx, comma + 1) and not _named_on(ctx, words, comma):
        # not "juru bicara TLC, selaku penyelenggara jajak pendapat tersebut":
        words = [w for w in words if w[1] <= comma]  # that "tersebut" is the poll's
        cut = min(cut, len(words))
    phrase = words[:cut]  # "ujar eks pelatih akademi Arsenal itu di ESPN FC"
    clause = words  # "lanjut adik kandung … (Gus Dur) itu."
    if any(1 < len(words) <= 14 and words[-1][2] in DEMONSTRATIVES for words in (phrase, clause)):
        return True
    if (
        words
        and words[0][2] in ctx.lex.described_heads
        and not any(m.entity.type == "PERSON" for m in ctx.mentions_in(start, stop))
    ):
        return True  # "tambah pria yang bekerja sebagai …", "tutur sang pelatih"
    if (
        len(words) > 2
        and words[1][2] == "yang"
        and words[0][2] not in ctx.lex.speaker_heads
        and not any(m.entity.type == "PERSON" for m in ctx.mentions_in(start, stop))
    ):
        return True  # "ungkap penyanyi yang mendaur ulang lagu …": the person named before
    # "ujar pria yang juga dosen di … ini, dalam diskusi …": the description
    # closes with its demonstrative before a comma.
    if words and words[0][2] in ctx.lex.speaker_heads:
        return False  # "kata sumber itu, mengutip Metro": an unnamed source stays unnamed
    for k, (_s, e, w) in enumerate(words[:16]):
        if k and w in DEMONSTRATIVES:
            nxt = words[k + 1][2] if k + 1 < len(words) else ""
            # "… ini, dalam diskusi", "pelantun 'Semusim' ini kala ditemui di …"
            # "… ini lagi."
            if (
                (text[e : e + 1] == "," and not _person_starts(ctx, e + 1))
                or nxt in ctx.lex.phrase_stop
                or nxt in ctx.lex.fillers
                or nxt == "kala"
                # "… itu disertai derai air mata", "… ini didampingi kuasa hukumnya"
                or (nxt.startswith("di") and is_verb(nxt, load_words("id")))
            ):
                return True
    return False


def _office_pointing_back(ctx: _Context, start: int, limit: int) -> bool:
    """An office closed by its demonstrative and naming no one: "terang Ketua MPR RI
    tersebut" is the person spoken of before, not the assembly."""
    words = ctx.words(start, ctx.stop(start, limit, ",.;\n"))
    if not 1 < len(words) <= 8:
        return False
    k = _past_space(ctx.text, words[-1][1], limit)
    named = k < limit and ctx.text[k] == "," and _person_starts(ctx, k + 1)
    return (
        words[0][2] in load_words("id").role_heads
        and words[-1][2] in DEMONSTRATIVES
        and not named  # "Ketua Tim … tersebut, Edho Okta": the name follows
        and not any(m.entity.type == "PERSON" for m in ctx.mentions_in(start, words[-1][1]))
    )


# Heads of a description that say nothing of what its person is.
_NOT_ROLES = frozenset(
    {"sumber", "seseorang", "orang", "pihak", "akun", "dia", "ia", "beliau"}
    | {"penelitian", "studi", "riset", "survei", "kajian", "data", "artikel", "tulisan"}
    | {"rumor", "kabar", "berita", "informasi"}
)


def _description(ctx: _Context, start: int, limit: int) -> str | None:
    """What a description pointing back says its person is, as the role the article
    gives the speaker there: "penyerang berusia 32 tahun" of "ujar penyerang berusia
    32 tahun itu"; none for a bare "pria itu"."""
    words = ctx.words(start, ctx.stop(start, limit, ",.;\n"))
    end = 0
    while end < len(words) and words[end][2] not in DEMONSTRATIVES:
        if end and words[end][2] in ctx.lex.phrase_stop:
            break
        end += 1
    if not end:
        return None
    role = _clean_role(ctx.text[words[0][0] : words[end - 1][1]])
    if role is None:
        return None
    head = role.split()[0].casefold()
    if head in _NOT_ROLES or head in ctx.lex.documents:
        return None  # "sang sumber", "pernyataan tersebut", "seseorang": not what someone is
    if " " not in role and head in ctx.lex.described_heads:
        return None  # "pria", "sang pelatih" keeps "pelatih"
    return role


# Words that may open a sentence before its subject: "Kini mantan pemain Everton tersebut …".
_SUBJECT_LEADS = frozenset({"kini", "sekarang", "sebelumnya", "namun", "bahkan", "lalu"})


def described_as(ctx: _Context, entity_id: str | None) -> str | None:
    """A description the narrative uses for the speaker as the subject of a sentence,
    pointing back to the person the sentence before is about ("Neymar bergabung …
    Pemain Brasil itu kemudian …"): what the article says that person is, as a role the
    quote's own words do not give. The first such description of the speaker counts."""
    if entity_id is None:
        return None
    if ctx.described is None:
        ctx.described = _descriptions(ctx)
    return ctx.described.get(entity_id)


def _descriptions(ctx: _Context) -> dict[str, str]:
    """Each person's first description as a sentence's subject, found in one pass."""
    roles = load_words("id")
    heads = roles.role_heads | ctx.lex.occupations | ctx.lex.described_heads
    found: dict[str, str] = {}
    everything = ctx.all_words
    for n, (s, e, _) in enumerate(ctx.sentences):
        i = bisect.bisect_left(ctx.word_starts, s)
        k = 0
        while k < 2 and i + k < len(everything) and everything[i + k][2] in _SUBJECT_LEADS:
            k += 1
        if i + k >= len(everything) or everything[i + k][0] >= e:
            continue
        if everything[i + k][2] not in heads and everything[i + k][2] not in ("mantan", "eks"):
            continue  # the cheap test first: most sentences open otherwise
        words = ctx.words(s, ctx.stop(s, e, ",.;:\n"))
        if ctx.inside_quote(s) or not _description_start(ctx, words, k, roles):
            continue
        about = _about(ctx, n, words[k])
        if about is not None and about not in found:
            role = _description(ctx, words[k][0], e)
            if role is not None:
                found[about] = role
    return found


def _about(ctx: _Context, n: int, head: tuple[int, int, str]) -> str | None:
    """Whom a description opening sentence ``n`` points back to: the first person named
    in the nearest sentence before that names one, its subject as a rule. None where a
    quote comes between (its speaker is then the one in view) or where that sentence
    uses the description's head word itself ("menurut perwakilan X … Perwakilan
    tersebut": someone unnamed)."""
    before = ctx.words(0, head[0])
    if any(a[2] in _INDEFINITE and b[2] == head[2] for a, b in pairwise(before)):
        return None  # "… ujar seorang komandan … Komandan itu": the unnamed one
    for s, e, _ in reversed(ctx.sentences[max(0, n - 3) : n]):
        if ctx.inside_quote(s) or _quote_in(ctx, s, e):
            return None
        words = ctx.words(s, e)
        if any(w[2] == head[2] for w in words):
            return None
        people = [
            m
            for m in ctx.mentions_in(s, e)
            if m.entity.type == "PERSON" and not ctx.inside_quote(m.start)
        ]
        if people:
            first = people[0].start
            if any(w[2] in ctx.lex.personal_pronouns for w in words if w[0] < first):
                return None  # "Dia mengatakan bahwa Niko …": the subject is someone before
            return people[0].entity.id
    return None


def _description_start(
    ctx: _Context, words: list[tuple[int, int, str]], k: int, roles: Words
) -> bool:
    """A description of a person opens at ``words[k]``: a role or occupation word,
    maybe after "mantan"/"sang", ending in a demonstrative within a few words with no
    name inside ("mantan gelandang Timnas Spanyol itu", "pria asal Italia tersebut")."""
    j = k
    while j < len(words) and words[j][2] in ("sang", "mantan", "eks"):
        j += 1
    if j >= len(words):
        return False
    head = words[j][2]
    if head in roles.family or head in _NOT_ROLES:
        return False
    described = head in ctx.lex.described_heads and head != "sang"
    if not (head in roles.role_heads or head in ctx.lex.occupations or described):
        return False
    for n in range(j + 1, min(len(words), j + 10)):
        w = words[n][2]
        if w in DEMONSTRATIVES:
            if (described and n == j + 1) or words[n - 1][2] in _WHEN | {"saat"}:
                return False  # "pria itu" says nothing; "… saat ini" is a time
            names = ctx.mentions_in(words[k][0], words[n][0])
            return not any(m.entity.type == "PERSON" for m in names)
        if (
            w in ("yang", "bahwa")
            or w in roles.speech_cues
            or (is_verb(w, roles) and ctx.text[words[n][0]].islower())
        ):
            return False  # a clause, not a description
    return False


def _named_on(ctx: _Context, words: list[tuple[int, int, str]], comma: int) -> bool:
    """The description goes on past its comma with names, places or a date and closes
    with its demonstrative: "presenter … kelahiran Hannover, Jerman, 8 Mei 1984 ini",
    "putra dari pendiri Nahdlatul Ulama, KH Hasyim Asy'ari ini" (not "…, Senin malam ini")."""
    after = [w for w in words if w[0] > comma]
    if len(after) < 2 or after[-1][2] not in DEMONSTRATIVES:
        return False
    if after[-2][2] in _TIME_WORDS:
        return False
    commas = [comma, *(k for k in range(comma + 1, after[-1][0]) if ctx.text[k] == ",")]
    for k in commas:
        nxt = ctx.words(k + 1, after[-1][1])[:1]
        if not nxt or not (ctx.text[nxt[0][0]].isupper() or ctx.text[nxt[0][0]].isdigit()):
            return False  # "…, selaku penyelenggara jajak pendapat tersebut": an aside
    return True


def _person_starts(ctx: _Context, pos: int) -> bool:
    """A person's name follows ``pos`` ("pendiri perusahaan itu, Rina Kusuma"): the
    description before it is an appositive role, not a pointer back."""
    i = bisect.bisect_left(ctx.mention_starts, pos)
    return (
        i < len(ctx.mentions)
        and ctx.mentions[i].entity.type == "PERSON"
        and not ctx.text[pos : ctx.mentions[i].start].strip()
    )


def _role_then_person(ctx: _Context, pos: int, limit: int) -> bool:
    """A lower-case role phrase at ``pos`` that leads to a person's name before the
    sentence ends: "pernyataan pelatih Liverpool, Jurgen Klopp" is Klopp's statement."""
    stop = ctx.stop(pos, limit)
    words = ctx.words(pos, stop)
    return (
        bool(words)
        and words[0][2] in load_words("id").role_heads
        and any(m.entity.type == "PERSON" for m in ctx.mentions_in(pos, stop))
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
    # "“…” pernyataan perwakilan Cornell, Brian Bumberry.": lower case right after the mark
    tag = i > 0 or (start > 0 and text[start - 1] in '"”’' and text[start : first[0]].strip() == "")
    document = tag and first[2] in lex.documents and text[first[0]].islower()
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
        if (cue, nxt[2]) in lex.not_tags or (not tag and nxt[2] in lex.leading_prepositions):
            return None  # "sebut saja acara …": for example; "…, pesan di SMS …": a noun
        if nxt[2] in lex.pronouns or nxt[2] in ("nya",):
            return Attribution(None, cue, True, first[0], nxt[1])
        if nxt[2] in lex.documents and text[nxt[0]].islower():
            # "bunyi pernyataan Jenderal John Nicholson": the statement's author;
            # "tulis rilis klub", "bunyi pernyataan tersebut": whoever issued it before
            account = _HANDLE.search(text, nxt[1], ctx.stop(nxt[1], limit, ",.;\n"))
            if account is not None and len(ctx.words(nxt[1], account.start())) <= 3:
                # "begitu cuitan pemilik akun @budi_s": the account speaks
                sp = Speaker(slug(account.group()), account.group(), None)
                return Attribution(sp, text[first[0] : first[1]], False, first[0], account.end())
            rest = k + 1
            while (
                rest < len(words)
                and (words[rest][2] in lex.document_words or words[rest][2] in lex.documents)
                # "pernyataan perwakilan Cornell, Brian Bumberry": a role leading to a person
                and not _role_then_person(ctx, words[rest][0], limit)
            ):
                rest += 1
            named = rest < len(words) and (
                text[words[rest][0]].isupper() or _role_then_person(ctx, words[rest][0], limit)
            )
            if not named or "," in text[nxt[1] : words[rest][0]]:
                end = words[rest - 1][1]
                return Attribution(None, cue, True, first[0], end, subject=True, document=True)
            k, nxt = rest, words[rest]
        if nxt[2] in lex.close_sources and text[nxt[0]].islower():
            # "kata orang yang mengaku dekat dengan penyanyi itu": unnamed, whole
            stop = ctx.stop(nxt[0], limit, ",.;\n")
            if not any(m.entity.type == "PERSON" for m in ctx.mentions_in(nxt[0], nxt[1])):
                return Attribution(
                    Speaker(None, text[nxt[0] : stop].strip()),
                    text[first[0] : first[1]],
                    False,
                    first[0],
                    stop,
                )
        if _anaphoric(ctx, nxt[0], limit):  # "lanjut adik kandung … itu", "kata pria itu"
            described = _description(ctx, nxt[0], limit)
            return Attribution(None, cue, True, first[0], nxt[1], True, description=described)
        called = _called(ctx, nxt[0], limit)
        if called is not None:  # "kata sosok yang karib disapa BTM": BTM's owner
            return Attribution(_speaker_of(ctx, called, None), cue, False, first[0], called.end)
        handle = (
            _HANDLE.match(text, nxt[0] - 1)
            or _handle_after(ctx, nxt[0], limit)
            or _bare_handle(ctx, nxt[0])
        )
        if handle is not None:  # "tulis @kemenhub151", "kata akun @budi_s": the account speaks
            sp = Speaker(slug(handle.group()), handle.group(), None)
            return Attribution(sp, text[first[0] : first[1]], False, first[0], handle.end())
        end = _menurut_end(ctx, nxt[0], limit)  # "ujar kuasa hukum Andika, Toto Ruhanto, …"
        end = _name_after_role(ctx, words, k, end, limit)
        speaker = speaker_in(ctx, nxt[0], end, after_name=limit)
        if (
            speaker is None
            or not personhood(ctx, speaker).whole_name
            or speaker.name.isupper()  # "Pendiri FPCI yang juga … Dino Patti Djalal"
        ) and not _named_then_described(ctx, speaker, nxt[0], end):
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
        gap = ctx.plain[words[i][0] : words[j][0]]
        if any(ch in gap for ch in ".;:!?\n"):
            return None
        subject = words[i:j]
        while len(subject) > 1 and subject[-1][2] in lex.adverbs:
            subject = subject[:-1]  # "Rinto Subekti juga mengakui"
        cue = text[words[j][0] : words[j + n - 1][1]]
        if len(subject) == 1 and subject[0][2] in lex.pronouns:
            personal = subject[0][2] in lex.personal_pronouns
            return Attribution(
                None, cue, True, words[i][0], words[j + n - 1][1], True, personal=personal
            )
        speaker = speaker_in(ctx, subject[0][0], subject[-1][1])
        if speaker is None:
            return None
        return Attribution(speaker, cue, False, words[i][0], words[j + n - 1][1])
    return _bare_name_after(ctx, start, words[i:], limit)


def _named_then_described(ctx: _Context, speaker: Speaker | None, start: int, end: int) -> bool:
    """The phrase opens with the speaker's name, then a lower-case role word: "kata Aninda
    Mitra, analis Moody's …" names her (a name with an ordinary word in it), not someone
    behind the office."""
    if speaker is None or speaker.id is None:
        return False
    first = next((m for m in ctx.mentions_in(start, end) if m.entity.id == speaker.id), None)
    return first is not None and _name_then_role(ctx, start, first)


def _bare_name_after(
    ctx: _Context, start: int, words: list[tuple[int, int, str]], limit: int
) -> Attribution | None:
    """A name or an account standing alone after the closing mark, the speech verb left
    out: "“…,” Ketua Bapilu PSI, Sumardi." / "“…,” demikian Kaka kepada FourFourTwo." /
    "“…” @melisasarie."."""
    text = ctx.text
    if start == 0 or text[start - 1] not in '"”’»':
        return None  # only right after a closing mark, not after reported words
    handle = _HANDLE.match(text, _past_space(text, start, limit))
    if handle is not None and not text[handle.end() : limit].strip(" .,"):
        sp = Speaker(slug(handle.group()), handle.group(), None)  # "“…” @melisasarie."
        return Attribution(sp, "", False, handle.start(), handle.end())
    whole = len(words)
    cut = next((k for k, w in enumerate(words) if k and w[2] in ctx.lex.phrase_stop), whole)
    words = words[:cut]  # "… kepada FourFourTwo": where it was said, not who
    if not words or len(words) > 8 or not text[words[0][0]].isupper():
        return None
    rest = text[words[-1][1] : limit].strip(" .,")
    if (cut == whole and rest) or any(ch in text[words[0][0] : words[-1][1]] for ch in ".;:!?\n"):
        return None  # more follows: a sentence of its own, not a name tag
    if text[words[-1][1] :].lstrip()[:1] in ('"', "“"):
        return None  # "“… bertema” Wonderful Challenge “masuk …”": a title between pieces
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
            if k > 0 and k + 1 < len(words) and words[k + 1][2] in ctx.lex.met_verbs:
                continue  # "Kapolres X saat ditemui di Y, Sabtu, mengatakan": X speaks
            lo = words[k][1]
            head = _relative_head(ctx, words[k], verb) if words[k][2] == "yang" else None
            if head is not None:
                lo = head  # "Rendra yang tinggal di Bandung menyampaikan": Rendra speaks
            break
    text = ctx.text
    # Cut at a sentence-internal stop (".", ":", ";") too, not at the dot after an
    # initial ("M.Kes", "A.S.").
    cut = max(text.rfind(ch, lo, verb) for ch in ";:!?\n")
    cut = max([cut, *(m.start() for m in _STOP_DOT.finditer(text, lo, verb))])
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
    while len(segs) > 1 and is_degree(text[segs[-1][0] : segs[-1][1]], load_words("id")):
        segs.pop()  # "dr Fitria Amalia, SpKK, M.Kes mengatakan": the degrees are hers
    # "Seorang juru bicara klub, seperti dilansir The Guardian, berkata": the relay aside
    # is not the subject
    kept = [seg for seg in segs if not _relay_aside(ctx, seg)]
    if kept and len(kept) < len(segs):
        segs = kept[:-1] if len(kept) > 1 and not ctx.words(*kept[-1]) else kept
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
    elif len(segs) >= 2 and _name_then_description(ctx, segs[-2], segs[-1]):
        chosen = segs[-2]  # "Leni, penyuka pala bada mengatakan": Leni, described
    elif len(segs) >= 3 and _address_tail(ctx, segs[-3], segs[-2], segs[-1]):
        chosen = segs[-3]  # "Andri, dari RS Omni Alam Sutera, Tangerang mengatakan"
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
    if (
        len(segs) >= 2
        and chosen == segs[-1]
        and words
        and words[0][2] in ctx.lex.leading_prepositions
        and not any(w[2] in ctx.lex.pronouns for w in words)
        and not any(m.entity.type == "PERSON" for m in ctx.mentions_in(*chosen))
        and any(m.entity.type == "PERSON" for m in ctx.mentions_in(*segs[-2]))
    ):
        # "Nikki Haley, dalam pertemuan di Dewan Keamanan mengatakan": the adverbial after
        # the comma is not the subject; the person before it is
        chosen = segs[-2]
        words = ctx.words(*chosen)
    # "Dalam tulisan itu ia berterima kasih …": the subject follows the adverbial.
    if words and words[0][2] in ctx.lex.leading_prepositions:
        later = [k for k, w in enumerate(words) if w[2] in ctx.lex.pronouns or text[w[0]].isupper()]
        pronoun = [k for k in later if k > 0 and words[k][2] in ctx.lex.pronouns]
        if pronoun:  # "Di Twitter ia menulis": the name is the preposition's, "ia" speaks
            later = pronoun
        words = words[later[1] if len(later) > 1 and later[0] == 0 else later[0] :] if later else []
    if not words:
        return None
    return words[0][0], _noun_phrase_end(ctx, words)


def _relay_aside(ctx: _Context, seg: tuple[int, int]) -> bool:
    """A comma segment that only says where the words were reported: "seperti dilansir X"."""
    words = ctx.words(*seg)[:2]
    if words and words[0][2] in ctx.lex.as_words:
        words = words[1:]
    return bool(words) and words[0][2] in ctx.lex.relay_asides


def _aside_start(ctx: _Context, start: int, end: int) -> int:
    """Where the first relay aside of ``text[start:end]`` starts, else ``end``."""
    segs = _comma_segments(ctx.text, start, end)
    return next((a for a, b in segs if _relay_aside(ctx, (a, b))), end)


def _opens_office(words: list[tuple[int, int, str]]) -> bool:
    """The words open with an office: "Direktur Utama …", "peneliti dari …", "Senior
    Manajer …"."""
    roles = load_words("id")
    first = words[0][2] if words else ""
    return first in roles.role_heads or (
        first in roles.role_modifiers and len(words) > 1 and words[1][2] in roles.role_heads
    )


def _name_then_description(ctx: _Context, name: tuple[int, int], rest: tuple[int, int]) -> bool:
    """A segment that is only a person's name, then one that is only a description of
    them before the verb: in lower case ("Leni, penyuka pala bada mengatakan"), or
    their office, which may name its body ("Budi, Direktur Utama PT Maju mengatakan")."""
    named = ctx.words(*name)
    desc = ctx.words(*rest)
    if not named or not desc:
        return False
    first = desc[0][2]
    office = _opens_office(desc)
    if not office and (
        ctx.mentions_in(*rest)
        or not ctx.text[desc[0][0]].islower()
        or first in ctx.lex.pronouns
        or first in ("yang", "dan")
    ):
        return False
    if office and any(m.entity.type == "PERSON" for m in ctx.mentions_in(*rest)):
        return False  # "Adik …, Kepala Staf Presiden Moeldoko mengatakan": a name of its own
    found = ctx.mentions_in(*name)
    if not found:  # a name the entities stage missed: capitalised words, none ordinary
        common = load_words("id").common
        return len(named) <= 3 and all(
            ctx.text[w[0]].isupper() and w[2] not in common and w[2] not in ctx.lex.stopwords
            for w in named
        )
    people = [m for m in found if m.entity.type == "PERSON"]
    return len(people) == len(found) == 1 and (people[0].start, people[0].end) == (
        named[0][0],
        named[-1][1],
    )


def _address_tail(
    ctx: _Context, name: tuple[int, int], where: tuple[int, int], place: tuple[int, int]
) -> bool:
    """A person, then where they work ("dari RS …", "di …"), then only the town of
    that address before the verb: the town ends the address, it does not speak."""
    first = ctx.words(*where)[:1]
    if not first or first[0][2] not in ("dari", "di", "asal"):
        return False
    words = ctx.words(*place)
    found = ctx.mentions_in(*place)
    if len(found) != 1 or found[0].entity.type not in ("GPE", "LOC") or not words:
        return False
    if (found[0].start, found[0].end) != (words[0][0], words[-1][1]):
        return False
    return any(m.entity.type == "PERSON" for m in ctx.mentions_in(*name))


_SOMEONE_NEW = _INDEFINITE | {"satu"}  # "seorang …", "salah satu …": not someone named before


def _relative_head(ctx: _Context, yang: tuple[int, int, str], verb: int) -> int | None:
    """Where the person or body a relative clause describes starts, when the clause
    between "yang" and the verb names no person of its own: "X yang tinggal di Y <verb>".
    A described man or woman ("Pria yang …") is the head whatever the clause names."""
    if ctx.stop(yang[1], verb, ".;:,\n") < verb:
        return None  # "…, yang …, mengatakan": an appositive the comma rule reads
    prev = ctx.words(max(0, yang[0] - 40), yang[0])[-1:]
    if not prev or ctx.text[prev[0][1] : yang[0]].strip():
        return None
    before = ctx.words(max(0, prev[0][0] - 20), prev[0][0])[-1:]
    if (
        prev[0][2] in ctx.lex.described_heads
        and ctx.words(yang[1], verb)
        and not (before and before[0][2] in _SOMEONE_NEW)
    ):
        # "Pria yang tahun lalu juara di Losail mengatakan": the man (not "puluhan
        # wanita yang mengungkapkan …", where the verb is the clause's own, nor "salah
        # satu sosok yang …", someone new)
        return prev[0][0]
    if any(m.entity.type == "PERSON" for m in ctx.mentions_in(yang[1], verb)):
        return None
    named = [
        m
        for m in ctx.mentions_in(max(0, yang[0] - 80), yang[0])
        if m.end == prev[0][1] and m.entity.type in ("PERSON", "ORG")
    ]
    if named:
        return named[0].start  # "Rendra Wiratama yang …", "Polres Bogor yang …"
    # "Rendra yang …": a short form the entities stage left unlinked
    return prev[0][0] if _unlinked_person(ctx, prev[0][0], prev[0][1]) is not None else None


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


_STOP_DOT = re.compile(r"(?<!\b[A-Z])\.")  # not "M.Kes", "A.S."


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


def according_to(
    ctx: _Context, cue: tuple[int, int, str], nxt: tuple[int, int, str], limit: int
) -> Attribution | None:
    """Who "menurut" (``cue``) names, from the word ``nxt`` on: a pronoun ("menurut
    dia"), a description pointing back ("menurut ibunda artis X tersebut"), or a
    speaker; None when the words name no one."""
    text = ctx.text
    word = text[cue[0] : cue[1]]
    if nxt[2] in ctx.lex.pronouns or nxt[2] == "nya" or cue[2].endswith("nya"):
        return Attribution(None, word, True, cue[0], nxt[1])
    if _anaphoric(ctx, nxt[0], limit):  # the person named before
        described = _description(ctx, nxt[0], limit)
        return Attribution(None, word, True, cue[0], nxt[1], True, description=described)
    end = _menurut_end(ctx, nxt[0], limit)
    speaker = speaker_in(ctx, nxt[0], end)
    return None if speaker is None else Attribution(speaker, word, False, cue[0], end)


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
            att = according_to(ctx, words[j], words[j + 1], limit)
            if att is not None:
                return att
            continue
        source = j > 0 and words[j - 1][2] in lex.as_words and j + 1 < len(words)
        if w in lex.cue_passive and source:
            # "Seperti dikatakan Menteri X, “…”", "sebagaimana disampaikan oleh X": as "menurut"
            nxt = words[j + 2] if words[j + 1][2] == "oleh" and j + 2 < len(words) else words[j + 1]
            end = _menurut_end(ctx, nxt[0], limit)
            speaker = speaker_in(ctx, nxt[0], end)
            if speaker is not None:
                cue = text[words[j - 1][0] : words[j][1]]
                return Attribution(speaker, cue, False, words[j - 1][0], end)
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
            personal = len(subject) == 1 and subject[0][2] in lex.personal_pronouns
            return Attribution(
                None, cue, True, span[0], words[j + n - 1][1], True, personal=personal
            )
        speaker = speaker_in(ctx, subject[0][0], subject[-1][1])
        if speaker is None or speaker.id is None:  # "Calon presiden nomor urut 1 Anies …"
            # up to the verb, not into "…, seperti dilansir The Guardian,"
            wide = _aside_start(ctx, subject[0][0], words[j][0])
            speaker = speaker_in(ctx, subject[0][0], wide) or speaker
        if speaker is None or not personhood(ctx, speaker).whole_name:
            # "Ketua Komisi Hukum dan Perundangan MUI Ikhsan Abdullah menyatakan …"
            behind = _person_behind_office(ctx, subject[0][0], words[j][0])
            if behind is not None:
                speaker = behind[0]
        if (
            speaker is None
            and len(subject) <= 3
            and text[subject[0][0]].islower()
            and subject[0][2] not in lex.stopwords
            and subject[0][2] not in lex.adverbs  # "…, langsung mendatangi …, menyampaikan"
        ):
            speaker = Speaker(None, text[subject[0][0] : subject[-1][1]])  # "panel menyatakan"
        if speaker is not None and speaker.role is None:
            # "Budi Santoso, Direktur Utama PT Maju mengatakan": the office after the name
            after = ctx.words(subject[-1][1], words[j][0])
            gap = text[subject[-1][1] : after[0][0]] if after else ""
            if gap.strip() == "," and _opens_office(after):
                role = _clean_role(text[after[0][0] : after[-1][1]])
                speaker = Speaker(speaker.id, speaker.name, role)
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
    if any(
        m.entity.type == "PERSON" and not _after_locative(ctx, m)
        for m in ctx.mentions_in(start, comma)
    ):  # "analis … dari Enders Analysis, Matti Littunen": a body typed PERSON is no name
        return None  # the role phrase already names its person
    stop = ctx.stop(comma + 1, limit, ",.;\n")
    after = ctx.words(comma + 1, stop)
    people = [m for m in ctx.mentions_in(comma + 1, stop) if m.entity.type == "PERSON"]
    if not after or not people:
        return None
    if _past_lead(ctx, after) is None:
        return None  # "…, sang vokalis Matt Bellamy" at most
    person = people[0]
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
        k = _past_space(text, k, limit)
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
        k = _past_space(text, end, limit)
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


def _past_lead(
    ctx: _Context, words: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]] | None:
    """The words from a person's name on, past at most two role words or "sang" before
    it: "sang vokalis Matt Bellamy" → "Matt Bellamy"; None when no name starts there."""
    roles = load_words("id").role_heads
    for i, w in enumerate(words[:3]):
        if _person_starts(ctx, w[0]):
            return words[i:]
        if w[2] not in roles and w[2] != "sang":
            break
    return None


def _appositive_name(
    ctx: _Context, words: list[tuple[int, int, str]], start: int, end: int, limit: int
) -> int | None:
    """End of "Name," after a role phrase ending at ``end``: "juru bicara …, Lin Jian,"."""
    text = ctx.text
    k = _past_space(text, end, limit)
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
    name = _past_lead(ctx, name) or name  # "…, sang vokalis Matt Bellamy"
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
    # "kata pemain Dunkirk, Mark Rylance yang berkomentar …": a relative clause on the name
    relative = head_is_noun and person and rest[:4].casefold() == "yang"
    if named and (closed or relative) and (head_is_noun or person):
        return k2  # "ajudan … Kremlin, Yuri Ushakov, akan …"
    return k


def relay_in(ctx: _Context, start: int, end: int, speaker: Speaker | None) -> str | None:
    """The channel a quote is relayed through ("kepada Associated Press", "lapor Yonhap"):
    a known medium, or whatever source a relay word names ("seperti dilansir Goal
    International", "dikutip dari situs resmi UEFA")."""
    for m in ctx.mentions_in(start, end):
        if speaker is not None and m.entity.id == speaker.id:
            continue
        if ctx.is_media(m) and not _in_dateline(ctx.text, m):
            return ctx.text[m.start : m.end]
    for relay in _words_regex(ctx.lex.relay_asides).finditer(ctx.plain, start, end):
        if not ctx.inside_quote(relay.start()):
            source = _SOURCE.match(ctx.text, relay.end())
            named = source.group(1).rstrip(".,;:") if source is not None else ""
            if source is not None and named and _a_source(ctx, source.start(1), named):
                return named
    return None


# A channel the narrative names for someone: "Berbicara kepada BBC, Rooney …", "Dalam
# wawancara dengan NME, Lorde …", "… melalui akun Twitter-nya, Luis Fonsi …".
_ACCOUNT = re.compile(r"\bakun\s+(Instagram|Twitter|Facebook|YouTube|Youtube|TikTok)\b")
_TOLD = frozenset({"kepada", "dengan", "melalui", "lewat", "via"})


def narrative_channels(ctx: _Context) -> dict[str, set[str]]:
    """The channels sentences outside quotes name for the person they are about (their
    first person named): "Berbicara kepada BBC, Rooney merasa …" -> Rooney: BBC."""
    named: dict[int, tuple[int, str]] = {}  # sentence -> (where, channel), the first one
    if "akun" in ctx.text:
        for account in _ACCOUNT.finditer(ctx.text):
            n = ctx.sentence_at(account.start())
            named.setdefault(n, (account.start(), account.group(1)))
    for m in ctx.mentions:
        before = ctx.words(max(0, m.start - 12), m.start)[-1:]
        if not before or before[0][2] not in _TOLD or ctx.text[before[0][1] : m.start].strip():
            continue
        if ctx.is_media(m):  # "kepada BBC", "dengan NME", "melalui Yonhap"
            n = ctx.sentence_at(m.start)
            if n not in named or m.start < named[n][0]:
                named[n] = (m.start, ctx.text[m.start : m.end])
    out: dict[str, set[str]] = {}
    for n, (_, channel) in named.items():
        s, e, _ = ctx.sentences[n] if ctx.sentences else (0, len(ctx.text), 0)
        if ctx.inside_quote(s) or _quote_in(ctx, s, e):
            continue
        people = [m for m in ctx.mentions_in(s, e) if m.entity.type == "PERSON"]
        if people:
            out.setdefault(people[0].entity.id, set()).add(channel)
    return out


@lru_cache(maxsize=16)
def _words_regex(words: frozenset[str]) -> re.Pattern[str]:
    """One pattern finding any of ``words`` (case-insensitive, whole words)."""
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _quote_in(ctx: _Context, start: int, end: int) -> bool:
    """A quote opens inside ``text[start:end]``."""
    i = bisect.bisect_left(ctx.quoted, (start, 0))
    return i < len(ctx.quoted) and ctx.quoted[i][0] < end


_CREDIT = re.compile(r"\(\s*([^()\n]{2,40}?)\s*\)\s*$")


def credited_outlet(ctx: _Context) -> str | None:
    """The agency an article credits in brackets at its very end ("… (Antara)"): the
    whole article came through it, so it relays every quote that names no channel."""
    found = _CREDIT.search(ctx.text.rstrip())
    if found is None:
        return None
    name = found.group(1)
    return name if name.casefold().replace(" ", "_") in ctx.lex.media_names else None


def _a_source(ctx: _Context, start: int, named: str) -> bool:
    """What a relay word is followed by names an outlet or a site, not a day ("dilansir
    Senin"), an ordinary word ("Sebelumnya …") or a person ("mengutip Trump")."""
    first = named.split()[0].casefold()
    if any(w.split()[0] == first for w in _SITES):
        return True
    if first in _TIME_WORDS or first in load_words("id").common or first in ctx.lex.stopwords:
        return False
    people = [m for m in ctx.mentions_in(start, start + len(named)) if m.start == start]
    return not any(m.entity.type == "PERSON" for m in people)


# Words for a site or a medium before its name: "situs resmi UEFA", "kantor berita …".
_SITES = ("situs", "laman", "akun", "kanal", "media", "harian", "majalah", "kantor berita")

# What a relay word names: "dilansir Goal International", "dikutip dari situs resmi
# UEFA", "melansir BadmintonIndonesia.org", "dilansir laman resmi Pangeran Biru".
_SITE_WORDS = "|".join(w.replace(" ", r"\s+") for w in _SITES)
_SOURCE = re.compile(
    r"\s+(?:dari\s+|oleh\s+)?"
    rf"((?:(?:{_SITE_WORDS})\s+(?:resmi\s+)?)?"
    r"[A-Z][\w.'’!-]*(?:[ \t]+[A-Z0-9][\w.'’!-]*){0,4})"
)


def _in_dateline(text: str, m: _Mention) -> bool:
    """The outlet of the dateline ("Medan (ANTARA News) - …", "Jakarta, CNN Indonesia
    -- …"): the article's publisher, not a channel that relays the quote."""
    para = text.rfind("\n", 0, m.start) + 1
    after = text[m.end : m.end + 4].lstrip(") ")
    return m.start - para < 60 and after[:1] in ("-", "–", "—")


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
