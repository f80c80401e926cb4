"""Canonicalisation within one article: mentions -> entities.

- Gazetteer mentions become the gazetteer's entity (canonical name, English
  name, id); a capital or government building used for its government is a
  ``metonym`` mention of the state.
- A one-word person mention ("Putin", "Shin", a bare "Kim") joins the full
  name in the article that contains the word and that the context makes most
  plausible: the gazetteer's referent for that short form ("Kim" -> Kim Jong
  Un) first, then the most often named, then the most recent before it. Kim
  Jong Il, Kim Dae-jung and Lami Kim stay apart from Kim Jong Un because full
  names never merge with each other, only short forms join full names. A
  nickname that starts one word of exactly one person's name joins it
  ("Sandi" -> Sandiaga Uno, "Alex" -> Alexander Marwata).
- A short name the article ties to a full name joins it: said outright
  ("Danny, sapaan akrab Ramdhan Pomanto", "… yang akrab disapa Tata"), or
  formed from it the way Indonesian news shortens names: initials ("JK" ->
  Jusuf Kalla, "MA" -> Mahkamah Agung), syllables of consecutive words
  ("Djanur" -> Djadjang Nurdjaman, "Komdis" -> Komisi Disiplin), or a
  one-letter misspelling of a long surname ("Saakashbili"), or the full name
  without an abbreviated first word ("Ramdhan Pomanto" -> Moh Ramdhan
  Pomanto) or without its last words when the full name came first ("Sri
  Mulyani" -> Sri Mulyani Indrawati). Only when exactly one full name fits.
- Other names group by their normalised spelling; a group's type is its
  mentions' majority type and its name its fullest form. A "place" left when
  the gazetteer cut a place off the model's span ("… di Indonesia Rodrigo
  Chaves") is a person when it is shaped like a name and the article calls
  someone by its first or last word alone.
- Roles are kept per entity: ``role`` the most specific (longest), ``roles``
  all, in order of appearance.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Entity, Mention, slug
from .detect import Candidate, load_words, person_shaped
from .gazetteer import Gazetteer, split_words


@lru_cache(maxsize=16384)
def _key(text: str) -> str:
    """Case-folded words of a name (cached: the same names recur in every article)."""
    return " ".join(w.casefold() for w in split_words(text) if w[0].isalnum())


@dataclass
class _Group:
    key: str
    entry_id: str | None = None
    name: str | None = None
    en: str | None = None
    fixed_type: str | None = None
    mentions: list[Candidate] = field(default_factory=list)

    @property
    def words(self) -> set[str]:
        return {w for m in self.mentions if not m.metonym for w in _key(m.text).split()}


def resolve(
    candidates: list[Candidate], gazetteer: Gazetteer, text: str = ""
) -> tuple[Entity, ...]:
    """Group ``candidates`` (in text order) into canonical entities.

    ``text`` is the article the candidates come from; it lets a nickname the
    article introduces ("sapaan akrab …") join its full name.
    """
    groups: dict[str, _Group] = {}
    shorts: list[Candidate] = []
    for c in candidates:
        if c.entry is not None and not c.short:
            g = groups.setdefault(
                "id:" + c.entry.id,
                _Group("id:" + c.entry.id, c.entry.id, c.entry.name, c.entry.en, c.entry.type),
            )
            g.mentions.append(c)
        elif c.short or (c.type == "PERSON" and len(_key(c.text).split()) == 1):
            shorts.append(c)
        else:
            key = _key(c.text)
            g = groups.setdefault("t:" + key, _Group("t:" + key))
            g.mentions.append(c)
    _people_read_as_places(groups, shorts)
    # Person-like full names: gazetteer people and plain groups typed PERSON.
    people = [g for g in groups.values() if _group_type(g) == "PERSON"]
    for c in shorts:
        bracketed = _bracketed_owner(c, groups.values(), text) if text else None
        if bracketed is not None:  # "Mahkamah Agung (MA)": not the person "MA Sunarto"
            bracketed.fixed_type = _group_type(bracketed)
        target = bracketed or _referent(c, people, gazetteer)
        if target is not None:
            target.mentions.append(c)
        elif c.entry is not None:
            key = "id:" + c.entry.id
            g = groups.setdefault(
                key, _Group(key, c.entry.id, c.entry.name, c.entry.en, c.entry.type)
            )
            g.mentions.append(c)
            people.append(g)
        else:
            key = "t:" + _key(c.text)
            g = groups.setdefault(key, _Group(key))
            g.mentions.append(c)
    # A one-word name typed otherwise by the model ("Shin" as LOC) that is part
    # of a person's full name in the article is that person.
    for key, g in list(groups.items()):
        if g.entry_id is None and len(key[2:].split()) == 1 and _group_type(g) != "PERSON":
            owners = [p for p in people if p is not g and key[2:] in p.words and len(p.words) > 1]
            if len(owners) == 1:
                _absorb(owners[0], g.mentions)
                del groups[key]
    # Short forms of full names: introduced nicknames, initials, syllables, misspellings.
    # A group's word count changes only when a short form joins it: kept up to date here
    # instead of recounting every group's words for every short form.
    sizes = {id(g): len(g.words) for g in groups.values()}
    for key, g in list(groups.items()):
        if g.entry_id is None and len(key[2:].split()) <= 2:
            owner = _bracketed_group_owner(g, list(groups.values()), text)
            if owner is not None:
                owner.fixed_type = _group_type(owner)  # the full name says what it is
            else:
                owner = _short_form_owner(g, list(groups.values()), text, sizes)
            if owner is not None:
                owner.mentions.extend(g.mentions)
                del groups[key]
                sizes[id(owner)] = len(owner.words)
    if text:
        _every_mention(groups.values(), text)
    return _entities(groups.values())


def _every_mention(groups: Collection[_Group], text: str) -> None:
    """A person's name wherever else it stands alone in the article is that person:
    the model tags a name in one sentence and misses it in the next ("Tarzan
    mengaku …"), and the quotes stage finds a sentence's subject by its mentions.
    A form two people share ("Agus", or "Gogobli" glued to two names) names neither."""
    common = load_words("id").common
    owners: dict[str, set[int]] = {}
    for i, g in enumerate(groups):
        if _group_type(g) == "PERSON":
            for m in g.mentions:
                if not m.metonym and m.text[:1].isupper():
                    owners.setdefault(m.text, set()).add(i)
    taken = sorted((m.start, m.end) for g in groups for m in g.mentions)
    starts = [s for s, _ in taken]
    found: list[tuple[int, int, str, int]] = []
    for form, who in owners.items():
        if len(who) > 1 or len(form) < 3 or all(w.casefold() in common for w in form.split()):
            continue  # "Model", "Satria Muda": ordinary words elsewhere
        for hit in re.finditer(rf"(?<![\w@#.'-]){re.escape(form)}(?![\w'-])", text):
            s, e = hit.span()
            k = bisect.bisect_right(starts, e - 1) - 1
            if k >= 0 and taken[k][1] > s:
                continue  # inside a mention already ("Eko" of "Eko DJ")
            if not _joined_to_a_name(text, s, e):
                found.append((s, e, form, next(iter(who))))
    listed, last_end = list(groups), -1
    for s, e, form, i in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if s >= last_end:  # one entity per span, the longest form first
            listed[i].mentions.append(Candidate(s, e, form, "PERSON", -1))
            last_end = e


def _joined_to_a_name(text: str, start: int, end: int) -> bool:
    """The words around ``start:end`` continue a longer capitalised name ("Thunder"
    in "Oklahoma City Thunder", "Messi" in "Lionel Messi Foundation")."""
    after = text[end:].lstrip(" \xa0")
    if after[:1].isupper():
        return True
    before = text[:start].rstrip(" \xa0")
    if not before or before[-1] == "\n":
        return False  # a paragraph's first word
    word = before.rsplit(None, 1)[-1]
    if not word[:1].isupper() or word[-1] in '.!?,:;"”)':
        return False  # "… Nusantara. Alief …": the word before ends its sentence
    head = before[: len(before) - len(word)].rstrip(" \xa0")
    return bool(head) and head[-1] not in '.!?\n"“:;'  # a capital that opens a sentence


def _absorb(owner: _Group, mentions: list[Candidate]) -> None:
    """A lone word joins a person's full name. A full name shaped like a person's stays
    a person: the model reads "Chris Cornell" (PERSON) better than "Cornell" alone
    three times (ORG). "Sirkuit Misano" or "Timnas U" may be a body or a place the lone
    word gets right."""
    if person_shaped(owner.mentions[0].text, load_words("id")):
        owner.fixed_type = "PERSON"
    owner.mentions.extend(mentions)


def _people_read_as_places(groups: dict[str, _Group], shorts: list[Candidate]) -> None:
    """The model reads "… Bank Dunia di Indonesia Rodrigo Chaves" as one place and the
    gazetteer cuts "Indonesia" off, leaving a "place" named like a person. When the
    article also calls someone by its first or last word alone ("Rodrigo mengatakan")
    and no other full name holds that word, the "place" is that person."""
    alone = {_key(c.text) for c in shorts if c.type == "PERSON" and c.entry is None}
    held = {w for g in groups.values() if _group_type(g) == "PERSON" for w in g.words}
    lexicon = load_words("id")
    for key, g in groups.items():
        words = key[2:].split()
        if (
            g.entry_id is None
            and 2 <= len(words) <= 4
            and _group_type(g) in ("GPE", "LOC")
            and all(m.ner for m in g.mentions)
            and {words[0], words[-1]} & (alone - held)
            and person_shaped(g.mentions[0].text, lexicon)
        ):
            g.fixed_type = "PERSON"


def _group_type(g: _Group) -> str:
    if g.fixed_type:
        return g.fixed_type
    votes = Counter(m.type for m in g.mentions if m.type)
    if any(m.person_signal and m.type == "PERSON" for m in g.mentions):
        return "PERSON"
    return votes.most_common(1)[0][0] if votes else "PERSON"


def _referent(c: Candidate, people: list[_Group], gazetteer: Gazetteer) -> _Group | None:
    word = _key(c.text)
    best, best_score = None, 0.0
    recent, recent_pos = None, -1
    owners = []
    for g in people:
        if word not in g.words:
            continue
        full = [m for m in g.mentions if not m.metonym and " " in _key(m.text)]
        if not full:
            continue
        owners.append((g, full))
        before = [m.start for m in full if m.start < c.start]
        if before and max(before) > recent_pos:
            recent, recent_pos = g, max(before)
    if not owners and len(word) >= 3 and " " not in word:
        owners = _nickname_owners(word, people)
    for g, full in owners:
        score = float(len(full))
        entry = gazetteer.get(g.entry_id) if g.entry_id else None
        if entry is not None and any(_key(s) == word for s in entry.short):
            score += 2.0  # the domain's default referent of a bare "Kim"
        if g is recent:
            score += 1.5
        if score > best_score:
            best, best_score = g, score
    return best


def _nickname_owners(word: str, people: list[_Group]) -> list[tuple[_Group, list[Candidate]]]:
    """The one person whose name has a word starting with ``word``: "Sandi" ->
    Sandiaga Uno, "Alex" -> Alexander Marwata. Two such people: none."""
    found = []
    for g in people:
        if any(w != word and w.startswith(word) for w in g.words):
            full = [m for m in g.mentions if not m.metonym and " " in _key(m.text)]
            if full:
                found.append((g, full))
    return found if len(found) == 1 else []


# "Danny - - sapaan akrab Ramdhan Pomanto", "Gus Ipul, sapaan akrabnya, …",
# "Teco, sapaan Stefano Cugurra"
_NICK_AFTER = re.compile(
    r"[\s\-–—,(]*(?:(?:sapaan|panggilan)\s+(?:akrab|karib)(?:nya)?|sapaan(?:nya)?)\b\s*"
    r"(?:dari\s+)?"
)
# "Armantha, pria yang akrab disapa Tata", "Oman Rochman alias Aman"
_NICK_BEFORE = re.compile(
    r"(?:\b(?:akrab|biasa|karib)\s+(?:di)?(?:sapa|panggil)|\byang\s+di(?:sapa|panggil)|\balias)"
    r"(?:\s+(?:chef|kak|mas|mbak|bang|coach|pak|bu))?\s*$"  # "… yang akrab disapa chef Nando"
)
_NICK_REACH = 300  # characters back to the full name a nickname phrase refers to


def _short_form_owner(
    g: _Group, groups: list[_Group], text: str, sizes: dict[int, int]
) -> _Group | None:
    """The one full name ``g`` (a one- or two-word name) is a short form of;
    ``sizes``: each group's number of distinct name words."""
    least = max(1, len(g.key[2:].split()))
    full = [o for o in groups if o is not g and sizes[id(o)] > least]
    said = _introduced_owner(g, full, groups, text)
    if said is not None:
        return said
    word = g.key[2:]
    if " " in word:
        # "Ramdhan Pomanto" is "Moh Ramdhan Pomanto" without the abbreviation;
        # "Sandiaga Uno" is "Sandiaga Salahuddin Uno" without the middle name
        fits = [
            o
            for o in full
            if any(
                _abbreviated_first(word, k) or _middle_dropped(word, k)
                for k in {_key(m.text) for m in o.mentions}
            )
        ]
        if not fits and _group_type(g) == "PERSON":
            fits = [o for o in full if _last_dropped(g, o)]  # "Sri Mulyani"
        return fits[0] if len(fits) == 1 else None
    named = [o for o in full if _group_type(o) in ("PERSON", "ORG")]
    if _in_capitals(g):
        return _initials_owner(g, named)
    if len(word) >= 4:
        fits = [
            o for o in named if any(_syllables_of(word, _key(m.text).split()) for m in o.mentions)
        ]
        if not fits and len(word) >= 6 and _group_type(g) == "PERSON":
            fits = [
                o
                for o in named
                if _group_type(o) == "PERSON"
                and any(len(w) >= 6 and _one_edit(word, w) for w in o.words)
            ]
        if not fits and _group_type(g) == "PERSON":
            # a clipped name: "Enggar" for Enggartiasto Lukita, "Hardi" for Hardisiswan,
            # and a pet form of one with a letter of its own: "Vlado" for Vladimir
            pet = word[:-1] if len(word) >= 5 else word
            fits = [
                o
                for o in groups
                if o is not g
                and _group_type(o) == "PERSON"
                and any(len(w) >= len(word) + 2 and w.startswith(pet) for w in o.words)
            ]
    else:
        return None
    return fits[0] if len(fits) == 1 else None


def _bracketed_owner(m: Candidate, groups: Collection[_Group], text: str) -> _Group | None:
    """The name a short form stands for when it is given in brackets right after it: a
    body's acronym ("Komite Penyelamatan Internasional (IRC)", whatever language its
    letters come from) or a person's one-word nickname ("Joko Widodo (Jokowi)"). Not a
    party after a person ("Ahmad Muzani (Gerindra)", "(PDIP)"), an agency after a place
    ("Jakarta (ANTARA)") or an actor after a role ("Thomas (Dylan O'Brien)")."""
    if text[m.start - 1 : m.start] != "(" or text[m.end : m.end + 1] != ")":
        return None
    before = len(text[: m.start - 1].rstrip())
    acronym = m.text.isupper()
    nickname = not acronym and m.type == "PERSON" and len(_key(m.text).split()) == 1
    for o in groups:
        if not any(n.end == before for n in o.mentions):
            continue
        kind = _group_type(o)
        if (acronym and kind == "ORG") or (nickname and kind == "PERSON"):
            return o
    return None


def _bracketed_group_owner(g: _Group, groups: list[_Group], text: str) -> _Group | None:
    """The name one of ``g``'s own mentions is bracketed after (not a mention of a short
    form that joined ``g`` earlier: "MA" in "MA Sunarto")."""
    others = [o for o in groups if o is not g]
    for m in g.mentions:
        if _key(m.text) == g.key[2:]:
            owner = _bracketed_owner(m, others, text)
            if owner is not None:
                return owner
    return None


def _introduced_owner(
    g: _Group, full: list[_Group], groups: list[_Group], text: str
) -> _Group | None:
    """The full name the article says ``g`` is the nickname of; after "sapaan" any
    person group may be it, since the name said outright may be one word ("Soni
    sapaan karib Sumarsono")."""
    if not text:
        return None
    for m in g.mentions:
        after = _NICK_AFTER.match(text, m.end)
        if after is not None:
            named = [
                o
                for o in groups
                if o is not g
                and _group_type(o) == "PERSON"
                and any(n.start == after.end() for n in o.mentions)
            ]
            if named:
                return named[0]
            if after.group().rstrip().endswith("nya"):
                return _last_person_before(full, m.start)
        if _NICK_BEFORE.search(text, max(0, m.start - 40), m.start):
            people = [o for o in full if _group_type(o) == "PERSON"]
            spelled = _initials_owner(g, people) if _in_capitals(g) else None
            return spelled or _last_person_before(full, m.start)
    return None


def _in_capitals(g: _Group) -> bool:
    """A short form written as an acronym: "JK", "BTM", "NGHWDF"."""
    return any(m.text.isalpha() and m.text.isupper() and 2 <= len(m.text) <= 7 for m in g.mentions)


def _initials_owner(g: _Group, owners: list[_Group]) -> _Group | None:
    """The one of ``owners`` whose initials ``g`` spells: "JK" for Jusuf Kalla, "sosok
    yang karib disapa BTM" for Benhur Tommy Mano."""
    word = g.key[2:]
    fits = [o for o in owners if any(_initials(m.text) == word for m in o.mentions)]
    return fits[0] if len(fits) == 1 else None


def _last_person_before(full: list[_Group], pos: int) -> _Group | None:
    best, best_pos = None, pos - _NICK_REACH
    for o in full:
        if _group_type(o) != "PERSON":
            continue
        for n in o.mentions:
            if best_pos < n.start < pos and " " in _key(n.text):
                best, best_pos = o, n.start
    return best


# abbreviated first names ("M Nuh", "Moh Ramdhan Pomanto", "R Agus")
_FIRST_ABBREVIATIONS = frozenset({"moh", "muh", "mhd", "moch", "much", "mch", "mochd"})


def _abbreviated_first(short: str, full: str) -> bool:
    first, _, rest = full.partition(" ")
    return rest == short and (len(first) == 1 or first in _FIRST_ABBREVIATIONS)


def _middle_dropped(short: str, full: str) -> bool:
    """``short`` is ``full`` without its middle words: same first and last word."""
    a, b = short.split(), full.split()
    return len(a) == 2 and len(b) >= 3 and a[0] == b[0] and a[1] == b[-1]


def _last_dropped(short: _Group, full: _Group) -> bool:
    """``short`` (two words) is a person's name the article gave before in full with
    more name words after them: "Sri Mulyani" after "Sri Mulyani Indrawati". Not a
    pair of names ("Ridwan Kamil - Uu Ruzhanul Ulum"), nor a title or a code after a
    name ("Ed Sheeran Live", "Marc Marquez ESP")."""
    if _group_type(full) != "PERSON":
        return False
    first = min(m.start for m in short.mentions)
    common = load_words("id").common
    if any(w in common for w in short.key[2:].split()):
        return False  # "Sepatu Emas": not a name
    for m in full.mentions:
        words = split_words(" ".join(m.text.split()))
        if (
            m.start < first
            and len(words) >= 3
            and not any(sep in m.text for sep in (" - ", "/", "&"))
            and _key(" ".join(words[:2])) == short.key[2:]
            and all(
                w[0].isupper() and not w.isupper() and w.casefold() not in common for w in words[2:]
            )
        ):
            return True
    return False


def _initials(name: str) -> str:
    """ "Jusuf Kalla" -> "jk"; lower-case joining words ("dan", "dari") are skipped."""
    return "".join(w[0] for w in split_words(name) if w[0].isupper()).casefold()


def _syllables_of(word: str, words: list[str]) -> bool:
    """``word`` is the starts of consecutive name words: "djanur" = dja(djang) +
    nur(djaman), "komdis" = kom(isi) + dis(iplin); the first part may be one letter
    before a longer second ("aher" = a(hmad) + her(yawan)), and the second may end
    in a letter of its own when it is long ("bamsoet" = bam(bang) + soe(satyo) + t)."""
    for i in range(len(words) - 1):
        for cut in range(1, len(word) - 1):
            head, tail = word[:cut], word[cut:]
            if cut == 1 and len(tail) < 3:
                continue
            if not words[i].startswith(head) or words[i] == head:
                continue
            nxt = words[i + 1]
            if nxt.startswith(tail) or (len(tail) >= 4 and nxt.startswith(tail[:-1])):
                return True
    return False


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one substituted, inserted or dropped letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def _entities(groups: object) -> tuple[Entity, ...]:
    out: list[tuple[int, Entity]] = []
    used: set[str] = set()
    for g in groups:  # type: ignore[attr-defined]
        g.mentions.sort(key=lambda m: m.start)
        type_ = _group_type(g)
        # spaces as a reader sees them: "Davy   Klaassen" in a scraped text is "Davy Klaassen"
        forms = [" ".join(m.text.split()) for m in g.mentions if not m.metonym]
        if g.name is not None:
            name = g.name
        else:
            # the fullest form; among equals the most frequent, then the first
            counts = Counter(forms)
            name = max(forms, key=lambda f: (len(_key(f).split()), counts[f], -forms.index(f)))
        id_ = g.entry_id or slug(name)
        base, k = id_, 2
        while id_ in used:
            id_ = f"{base}-{k}"
            k += 1
        used.add(id_)
        aliases = []
        for f in forms:
            if f != name and f not in aliases:
                aliases.append(f)
        roles: list[str] = []
        for m in g.mentions:
            for r in m.roles:
                if r not in roles:
                    roles.append(r)
        role = max(roles, key=len) if roles else None
        mentions = tuple(Mention(m.start, m.end, m.text, m.metonym) for m in g.mentions)
        entity = Entity(
            id=id_,
            name=name,
            type=type_,
            en=g.en or name,
            role=role,
            roles=tuple(roles),
            aliases=tuple(aliases),
            mentions=mentions,
        )
        out.append((g.mentions[0].start, entity))
    out.sort(key=lambda x: x[0])
    return tuple(e for _, e in out)
