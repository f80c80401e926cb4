"""Who a phrase names as speaker: the person or entity in it, with the role the
article gives them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..entities.detect import ORIGIN_WORDS, is_verb, load_words, without_rank
from ..entities.gazetteer import load_gazetteer
from ..lexicon import load_toml
from ..model import slug
from .context import _TRAIL, Speaker, _Context, _is_title_word, _Mention

_ORIGIN = ORIGIN_WORDS | {"warga"}  # "warga Cilodong": someone who lives there


def _origin_only(ctx: _Context, start: int, m: _Mention) -> bool:
    """A place that only says where an unnamed person comes from ("pemain asal Brasil")
    or whose office they hold ("Wakil Gubernur Golestan", no name after it)."""
    if m.entity.type not in ("GPE", "LOC") or m.metonym:
        return False
    before = ctx.words(start, m.start)
    if len(before) >= 2 and before[-1][2] in _ORIGIN:
        return True
    # An office of a country is the state's voice ("Kepala Staf Gabungan Korea Selatan");
    # a city's or a province's officer is someone unnamed.
    entry = load_gazetteer().get(m.entity.id)
    if entry is not None and entry.is_country:
        return False
    roles = load_words("id")
    return any(w in roles.role_heads and w != "pemerintah" for _, _, w in before[:2])


_LOCATIVE = frozenset({"di", "dari", "ke", "dalam", "asal"})


def _modifier(ctx: _Context, start: int, m: _Mention) -> bool:
    """A non-person name inside a description, after a preposition: "penyanyi … di Perancis"."""
    return (
        m.entity.type in ("GPE", "LOC", "FAC")
        and ctx.text[start].islower()
        and len(ctx.words(start, m.start)) >= 2
        and _after_locative(ctx, m)
    )


def _office_area(ctx: _Context, m: _Mention) -> bool:
    """The word right before the name is an office held over an area: "Kapolsek
    Cilandak" is where the officer serves, not who they are."""
    before = ctx.words(max(0, m.start - 16), m.start)
    return bool(before) and before[-1][2] in load_words("id").area_offices


def _after_locative(ctx: _Context, m: _Mention) -> bool:
    """The word right before the name is "di", "dari", "ke" …: it says where, not who."""
    before = ctx.words(max(0, m.start - 12), m.start)
    return bool(before) and before[-1][2] in _LOCATIVE


def _person_named(ctx: _Context, word: str) -> _Mention | None:
    """The one person of the article with ``word`` in their name (a lone name the
    entities stage took for a role word: "Imam" of Imam Nahrawi) or as a nickname
    the entities stage joined to them ("Djanur"), else in their
    role ("Menpora" of "Menteri Pemuda dan Olahraga (Menpora) Imam Nahrawi", "Menag" of
    "Menteri Agama Lukman Hakim Saifuddin")."""
    owners = {
        m.entity.id: m
        for m in ctx.mentions
        if m.entity.type == "PERSON"
        and (
            (word in m.entity.name.split() and " " in m.entity.name)
            or word in m.entity.aliases  # "Djanur", the nickname the article gave
        )
    }
    if not owners:  # "kata Menpora." -> the person the article gives that office
        low = word.casefold()
        words = load_words("id")
        if low in words.common and low not in words.role_heads:
            return None  # "Kelompok ini, …": an ordinary word, not "anggota kelompok X"
        # "Menag juga menyebut …" of "Menteri Agama Lukman Hakim Saifuddin": either form
        return _office_holder(ctx, word) or _role_holder(ctx, frozenset({low}))
    return next(iter(owners.values())) if len(owners) == 1 else None


def _unlinked_person(ctx: _Context, start: int, end: int) -> _Mention | None:
    """The person a capitalised word the entities stage left unlinked names ("Payne"
    of Liam Payne, "Rendra" of Rendra Wiratama); a word that is a mention of its own
    (a body: "Kemenpar") is not turned into the officer whose role names it."""
    if not ctx.text[start : start + 1].isupper() or ctx.mentions_in(start, end):
        return None
    return _person_named(ctx, ctx.text[start:end])


def _role_holder(
    ctx: _Context, offices: frozenset[str], *, opening: bool = False
) -> _Mention | None:
    """The one person whose roles hold one of ``offices`` (lower-case word sequences);
    with ``opening``, a role that opens with it ("Gubernur Jawa Barat", not "Wakil
    Gubernur Jawa Barat")."""
    owners: dict[str, _Mention] = {}
    held: dict[str, bool] = {}
    for m in ctx.mentions:
        if m.entity.type != "PERSON":
            continue
        key = m.entity.id
        if key not in held:
            roles = [" " + " ".join(re.findall(r"\w+", r.casefold())) + " " for r in m.entity.roles]
            held[key] = any(
                role.startswith(f" {office} ") if opening else f" {office} " in role
                for role in roles
                for office in offices
            )
        if held[key]:
            owners[key] = m  # the last mention, as the speaker's evidence
    if len(owners) > 1:  # "Menurut Menlu Retno, Deklarasi …": a role naming the holder
        owners = {k: m for k, m in owners.items() if not _names_other(m, owners.values())}
    return next(iter(owners.values())) if len(owners) == 1 else None


def _names_other(m: _Mention, others: Iterable[_Mention]) -> bool:
    """Whether ``m``'s roles name one of ``others``: the office is theirs, not its."""
    words = {w for r in m.entity.roles for w in r.split()}
    return any(
        o.entity.id != m.entity.id and words & {*o.entity.name.split(), *o.entity.aliases}
        for o in others
    )


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
    role = without_rank(" ".join(words).strip(_TRAIL))
    if role.count("(") > role.count(")"):
        role += ")"
    if len(re.findall(r"(?<!\w)'|'(?!\w)", role)) % 2:
        role += " '"  # "pemain film ' Headshot": the title's closing mark, not "Moody's"
    if role.count("‘") > role.count("’"):
        role += " ’"
    for lead in ("seorang ", "sang ", "salah satu ", "yakni ", "yaitu ", "yang juga "):
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
    if first in lex.phrase_stop - {"yang", "sebagai"} or first in _WHEN:
        return None  # ", di lokasi", ", ketika dijumpai di …", ", kala itu": not a role
    if first.startswith(("me", "ber", "di")) and len(first) > 5 and first not in ctx.lex.stopwords:
        return None  # a verb: ", menambahkan bahwa …"
    if not text[words[0][0]].islower():
        return None
    return _clean_role(text[j:stop])


# Days, parts of a day and spans of time: "…, Senin malam ini" is when, not who.
_TIME_WORDS = frozenset(
    {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "pagi", "siang", "sore"}
    | {"malam", "hari", "pekan", "bulan", "tahun"}
)

# Words that open a time after a name: ", hari ini", ", kala itu", ", belum lama ini".
_WHEN = _TIME_WORDS | frozenset(
    {"kala", "belum", "baru", "baru-baru", "kemarin", "tadi", "sejak", "hingga", "atas"}
)


# Words that open a description of someone not named: "seorang pejabat …".
_INDEFINITE = frozenset({"seorang", "salah", "sejumlah", "beberapa", "para", "sebuah"})


def _name_then_role(ctx: _Context, start: int, person: _Mention) -> bool:
    """The phrase opens with the person's name and goes on with a lower-case role word."""
    after = ctx.words(person.end, person.end + 40)[:1]
    return (
        not ctx.words(start, person.start)
        and bool(after)
        and ctx.text[after[0][0]].islower()
        and after[0][2] in load_words("id").role_heads
    )


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
    if len(persons) > 1 and _name_then_role(ctx, start, persons[0]):
        # "kata Lia perwakilan dari LPPOM": the name first, then what she is
        return _speaker_of(ctx, persons[0], _clean_role(text[persons[0].end : end]))
    if pick is not None and not persons and _origin_only(ctx, start, pick):
        phrase = text[start:end].strip(_TRAIL)
        # "kata Kapolsek Cilandak.": the officer the article named with that office
        held = " ".join(re.findall(r"\w+", text[start : pick.end].casefold()))
        holder = _role_holder(ctx, frozenset({held}), opening=True)
        if holder is not None and ctx.words(start, pick.start)[0][2] in load_words("id").role_heads:
            return _speaker_of(ctx, holder, phrase)
        return Speaker(None, phrase)  # "pemain asal Brasil", not Brazil
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


def occupation_of(ctx: _Context, entity_id: str | None) -> str | None:
    """The occupation written in lower case right before one of the speaker's mentions
    ("pelatih Luis Milla", "pengamat politik Ray Rangkuti"), the first the article
    gives: the role of a quote whose own words give none."""
    for m in ctx.mentions_of(entity_id):
        if m.entity.type != "PERSON":
            return None
        before = ctx.words(max(0, m.start - 60), m.start)[-3:]
        if not before or ctx.text[before[-1][1] : m.start].strip():
            continue  # punctuation between: not a phrase before the name
        for k in range(len(before) - 1, -1, -1):
            s, _e, w = before[k]
            if not ctx.text[s].islower() or ctx.text[before[k][1] : before[-1][0]].count(","):
                break
            if w in ctx.lex.occupations:
                return ctx.text[s : before[-1][1]]
            if w in ctx.lex.stopwords or is_verb(w, load_words("id")):
                break  # "… memuji Dybala", "… dan Raisa": not a role phrase
    return None
