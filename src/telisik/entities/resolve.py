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
- Other names group by their normalised spelling; a group's type is its
  mentions' majority type and its name its fullest form.
- Roles are kept per entity: ``role`` the most specific (longest), ``roles``
  all, in order of appearance.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Entity, Mention, slug
from .detect import Candidate
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


def resolve(candidates: list[Candidate], gazetteer: Gazetteer) -> tuple[Entity, ...]:
    """Group ``candidates`` (in text order) into canonical entities."""
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
    # Person-like full names: gazetteer people and plain groups typed PERSON.
    people = [g for g in groups.values() if _group_type(g) == "PERSON"]
    for c in shorts:
        target = _referent(c, people, gazetteer)
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
                owners[0].mentions.extend(g.mentions)
                del groups[key]
    return _entities(groups.values())


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


def _entities(groups: object) -> tuple[Entity, ...]:
    out: list[tuple[int, Entity]] = []
    used: set[str] = set()
    for g in groups:  # type: ignore[attr-defined]
        g.mentions.sort(key=lambda m: m.start)
        type_ = _group_type(g)
        forms = [m.text for m in g.mentions if not m.metonym]
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
