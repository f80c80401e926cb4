"""Is a speaker a person? One answer with its reasons.

"katanya" must not go to a band the model typed PERSON, a body, or the fragment of
an office title the entities stage left in a name, and the rules ask the question
in different ways: the model's type, the shape of the name, what the article shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..entities.detect import NOMINAL, all_cues, load_words
from .context import Speaker, _Context


@dataclass(frozen=True, slots=True)
class Personhood:
    """What the article and the name say about whether a speaker is a person."""

    typed: bool  # the entities stage typed it PERSON
    other: bool  # the entities stage typed it a body or a place
    nameless: bool  # an unlinked lower-case word that names no speaker ("langsung")
    name_shaped: bool  # not an acronym, not only ordinary words, no body or place word
    office_word: bool  # a capitalised ordinary word in the name: part of an office title
    shown: bool  # the article shows it is a person's (a role, a title, a cue beside it)

    @property
    def not_a_person(self) -> bool:
        """Not who "ujarnya" is: a body, a place or a word that names no one. A name
        the entities stage did not type ("E", "Tere") may be a person."""
        return self.other or self.nameless

    @property
    def whole_name(self) -> bool:
        """A person's name with no office word left in it; else the rules look for the
        holder behind the office title."""
        return self.typed and not self.office_word

    @property
    def likely(self) -> bool:
        """Enough to take a "-nya" tag as the narrative's subject."""
        return self.name_shaped and self.shown


def personhood(ctx: _Context, sp: Speaker) -> Personhood:
    """The reasons for and against ``sp`` being a person, once per speaker and article."""
    key = (sp.id, sp.name)
    found = ctx.persons.get(key)
    if found is None:
        types = {m.entity.type for m in ctx.mentions_of(sp.id)}
        found = ctx.persons[key] = Personhood(
            typed="PERSON" in types,
            other=bool(types - {"PERSON"}),
            nameless=sp.id is None and _nameless(ctx, sp.name),
            name_shaped=name_shaped(sp.name),
            office_word=office_word_in(sp.name),
            shown=_shown(ctx, sp),
        )
    return found


def _nameless(ctx: _Context, name: str) -> bool:
    """A lower-case phrase whose head is no speaker or role word: "langsung", not
    "sumber yang enggan disebut namanya"."""
    head = name.split()[0].casefold() if name.split() else ""
    return (
        name[:1].islower()
        and head not in ctx.lex.speaker_heads
        and head not in load_words("id").role_heads
    )


def name_shaped(name: str) -> bool:
    """A name that looks like a person's: not an acronym, not only ordinary words, no
    organisation or place word."""
    words = load_words("id")
    names = name.split()
    cues = all_cues(words)
    return (
        bool(names)
        and not (len(names) == 1 and names[0].isupper())  # an acronym
        # "Pemuda", "Tenggara", "Undang-Undang Nomor"
        and not all(
            NOMINAL.fullmatch(w.casefold())
            or all(p in words.common for p in w.casefold().split("-"))
            for w in names
        )  # "Pemasyarakatan": an affixed noun names a field, not a person
        and not any(w.casefold() in cues for w in names)  # "Polresta Manado"
    )


def office_word_in(name: str) -> bool:
    """A "name" holding an ordinary word ("Konstruksi"): likely part of an office title."""
    words = load_words("id")
    return any(
        w[:1].isupper()
        and (w.casefold() in words.common or NOMINAL.fullmatch(w.casefold()) is not None)
        and w.casefold() not in words.connectors
        for w in name.split()
    )  # "Olaf van Schagen": a particle, not an office word


def _shown(ctx: _Context, sp: Speaker) -> bool:
    """More than the model's word that a one-word name is a person's ("Soundgarden",
    "Saracen", "Dishub" are not): a role, a title, a role word or a speech verb beside
    one of its mentions somewhere in the article."""
    if " " in sp.name.strip():
        return True
    mentions = ctx.mentions_of(sp.id)
    if not mentions:
        return True  # a name the entities stage did not link: nothing to check
    if mentions[0].entity.roles:
        return True
    ent = load_words("id")
    for m in mentions:
        before = ctx.words(max(0, m.start - 30), m.start)[-1:]
        after = ctx.words(m.end, min(len(ctx.text), m.end + 30))[:1]
        if before and (
            before[0][2] in ent.titles
            or before[0][2] in ent.role_heads  # "pelatih Zoltan"
            or before[0][2] in ent.speech_cues
        ):
            return True
        if after and (after[0][2],) in ctx.lex.cue_verbs:
            return True
    return False
