"""Speakers by reference: "katanya", "ia", a described speaker ("pria itu"), a
document ("pernyataan tersebut") and cue-less continuation paragraphs."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..entities.detect import is_verb, load_words
from ..model import Quote
from .attribution import (
    Attribution,
    _comma_segments,
    _ends_with_cue,
    _noun_phrase_end,
    attribution_after,
    attribution_before,
)
from .context import DEMONSTRATIVES, Speaker, _Context, _Mention
from .persons import personhood
from .speakers import (
    _appositive_person,
    _coordinated,
    _speaker_of,
    _unlinked_person,
)


@dataclass(slots=True)
class _State:
    """The last speaker named, for "katanya", "ia", continuation paragraphs."""

    last: Speaker | None = None
    last_paragraph: int = -1
    # The last person quoted: a spoken "katanya" after a body's or a place's
    # statement ("Pemerintah Provinsi Bali memperkirakan …") is still theirs.
    person: Speaker | None = None
    person_paragraph: int = -1


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
        return _tagged(ctx, state, att, para)
    if state.last is not None and not att.subject:
        # "…,” katanya." after a narrative paragraph whose subject is someone
        # else ("Berbeda dengan Barli, Dian Pelangi akan …"): that person speaks.
        newer = _narrative_subject(ctx, state, pos, para)
        return newer or _tagged(ctx, state, att, para)
    subject = _paragraph_subject(ctx, pos, through=1)
    n = ctx.sentence_at(pos)
    while n > 0 and ctx.sentences[n - 1][2] == para:
        n -= 1
    narrative_before = state.last_paragraph != para - 1  # the paragraph before quotes no one
    if subject is None and (att.subject or state.last is None) and n > 0 and narrative_before:
        # "“…,” ujar pria 28 tahun itu." right after a paragraph about him
        subject = _paragraph_subject(ctx, ctx.sentences[n - 1][1] - 1, through=1)
    if subject is not None and (
        personhood(ctx, subject).likely
        or state.last is None
        # "Sang rapper, Minho, … . Dia mengungkapkan …": "dia" (unlike a "-nya" tag or
        # a description) says its antecedent is a person, so the model's type is enough
        or (att.personal and personhood(ctx, subject).whole_name)
    ):
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


def _tagged(ctx: _Context, state: _State, att: Attribution, para: int) -> Speaker | None:
    """Who a speech tag ("ujarnya") goes on with: the last speaker, or the last person
    quoted when a body, a place or a nameless word spoke since. "Tulisnya" may be a
    body's or an account's own words."""
    if (
        att.subject
        or state.person is None
        or state.last is None
        or para - state.person_paragraph > 3
        or att.cue.casefold().removesuffix("nya") in ctx.lex.written_cues
        or not personhood(ctx, state.last).not_a_person
    ):
        return state.last
    return state.person


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


def _narrative_subject(
    ctx: _Context, state: _State, pos: int, para: int, *, newer: bool = True
) -> Speaker | None:
    """A person who is the subject of the narrative right before a quote, if it is
    not the last speaker (``newer``): in the quote's paragraph before it, else in the
    paragraph before, when that paragraph quotes no one."""
    n = ctx.sentence_at(pos)
    while n > 0 and ctx.sentences[n - 1][2] == para:
        n -= 1
    at = pos if ctx.sentences[n][0] < pos and _has_words_before(ctx, n, pos) else None
    if para - 1 <= state.last_paragraph and at is None:
        return None  # "Di sisi lain, Timo pun berharap … “…” pungkasnya": this paragraph
    if at is None and n > 0:
        at = ctx.sentences[n - 1][1] - 1
    if at is None:
        return None
    sp = _paragraph_subject(ctx, at)
    if sp is None or (newer and state.last is not None and sp.id == state.last.id):
        return None
    return sp if personhood(ctx, sp).likely else None


def _has_words_before(ctx: _Context, n: int, pos: int) -> bool:
    """Narrative text (not just the opening mark) between sentence ``n``'s start and ``pos``."""
    return len(ctx.words(ctx.sentences[n][0], pos)) >= 3


def _lists(ctx: _Context, seg: tuple[int, int]) -> bool:
    """A comma segment that opens a list of names: "… ke puncak, yakni Luki Prasetia"."""
    low = " " + " ".join(w for _, _, w in ctx.words(*seg)) + " "
    return any(f" {e} " in low for e in ctx.lex.enumerators)


def _paragraph_subject(ctx: _Context, pos: int, *, through: int = 0) -> Speaker | None:
    """The person who is the subject of a sentence of this paragraph before ``pos``.

    "Putin menulis artikel … . Dalam tulisan itu ia berterima kasih …": "ia" is
    the last sentence subject, not the last speaker quoted. A paragraph that opens
    with "Ia …" goes on with the subject of the paragraph before (``through`` times).
    """
    if not ctx.sentences:
        return None
    n = ctx.sentence_at(pos)
    para = ctx.sentences[n][2]
    first = max(n - 6, 0)  # a long paragraph: only the sentences just before
    opens_with_pronoun = False
    while n >= first and ctx.sentences[n][2] == para:
        opens_with_pronoun = False
        start = ctx.sentences[n][0]
        end = min(ctx.sentences[n][1], pos)
        if ctx.inside_quote(start):  # "“… . Saat Ramadan dan …,” ujar X": quoted words
            n -= 1
            continue
        every = _comma_segments(ctx.text, start, end)
        segments = every[:3]
        for k, seg in enumerate(segments):
            if ctx.text[seg[0] : seg[1]].lstrip()[:1] in "\"'“‘«”":
                break  # quoted words: their names are not the sentence's subject
            if k and _lists(ctx, segments[k - 1]):
                break  # "tiga orang …, yakni Luki Prasetia, Okky Rahmawati, …": a list
            words = ctx.words(*seg)
            if words and words[0][2] in ctx.lex.leading_prepositions:
                words = [
                    w for w in words[1:] if w[2] in ctx.lex.pronouns or ctx.text[w[0]].isupper()
                ]
                words = ctx.words(words[0][0], seg[1]) if words else []
            words = _after_connective(ctx, words)
            if not words:
                continue
            np_end = _noun_phrase_end(ctx, words)
            persons = [m for m in ctx.mentions_in(words[0][0], np_end) if m.entity.type == "PERSON"]
            if not persons:
                # "Payne dengan bangga membagi …": a surname the entities stage missed
                owner = _unlinked_person(ctx, words[0][0], words[0][1])
                persons = [owner] if owner is not None else []
            if persons and _description_of_someone(ctx, words, np_end, persons[0]):
                opens_with_pronoun = k == 0
                break  # "istri dari Ananda Mikola itu …": Marcella, named before
            if (
                persons
                and k
                and _no_verb_after(ctx, words, np_end, (start, segments[k][0]), k + 1 == len(every))
            ):
                continue  # "… bersama sang suami, Harvey Moeis.": an appositive, no subject
            if persons and k + 1 < len(segments):
                named = _appositive_person(ctx, words, persons[0], segments[k + 1])
                if named is not None:  # "Adik … Basuki Tjahaja Purnama, Fifi Lety Indra, …"
                    return _speaker_of(ctx, named, None)
            if persons:
                joined = _coordinated(ctx, words[0][0], np_end)  # "Lorenzo dan Ducati"
                return _speaker_of(ctx, persons[0] if joined else persons[-1], None)
            if words[0][2] in ctx.lex.pronouns:
                opens_with_pronoun = k == 0
                break  # "ia" again: look at the sentence before
            agent = _passive_agent(ctx, words, end) if k == 0 else None
            if agent is not None:  # "Hal senada diungkapkan Deny Setiawan …": Deny speaks
                return agent
            if k == 0 and _predicate_in(ctx, words):
                break  # "the Reds mendapatkan tiga pemain, Andy Robertson …": a list, not a subject
        n -= 1
    if opens_with_pronoun and through > 0 and n >= 0 and ctx.sentences[n][2] == para - 1:
        # "Barack Obama memanggil Brzezinski “…” / Dia menambahkan, “…”": Obama adds
        return _paragraph_subject(ctx, ctx.sentences[n][1] - 1, through=through - 1)
    return None


def _description_of_someone(
    ctx: _Context, words: list[tuple[int, int, str]], np_end: int, person: _Mention
) -> bool:
    """A subject that describes someone by a person it names and closes with its
    demonstrative ("istri dari Ananda Mikola itu", "mantan suami Nia Daniati itu"): it
    points back at the one spoken of before, not at the person named inside."""
    head = words[0]
    after = [w for w in words if w[0] >= np_end][:1]
    return (
        person.start > head[0]
        and bool(after)
        and after[0][2] in DEMONSTRATIVES
        and (ctx.text[head[0]].islower() or head[2] in load_words("id").common)
    )


def _no_verb_after(
    ctx: _Context,
    words: list[tuple[int, int, str]],
    np_end: int,
    before: tuple[int, int],
    last: bool,
) -> bool:
    """A name after a comma that runs into a subordinate clause ("kekasihnya, Dodi Al
    Fayed karena dikejar …") or ends its sentence ("… bersama sang suami, Harvey
    Moeis."): it explains the noun before the comma and has no verb of its own, so it
    is not the sentence's subject. An agent or a source is ("… dibenarkan oleh Plt
    Kepala Humas, Noor Izza.", "Hal senada keluar dari sahabat Diana, Rosa Mockton.")."""
    rest = [w for w in words if w[0] >= np_end]
    if rest:  # "Ryan Tedder sebelum tampil ikut berbicara": the verb comes after the aside
        return rest[0][2] in ctx.lex.clause_stop - {"yang", "bahwa"} and not any(
            _active_verb(ctx, w) for w in rest[2:]
        )
    entity_words = load_words("id")
    return last and not any(
        w in ("oleh", "dari") or (w.startswith("di") and is_verb(w, entity_words))
        for _s, _e, w in ctx.words(*before)
    )


def _after_connective(
    ctx: _Context, words: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The clause after the connective that opens it, when a name follows: "Karena
    itulah Oliver menawarkan pialanya" is about Oliver."""
    k = 0
    while k < len(words) - 1 and words[k][2] in ctx.lex.connectives:
        k += 1
    return words[k:] if k and ctx.text[words[k][0]].isupper() else words


def _passive_agent(ctx: _Context, words: list[tuple[int, int, str]], end: int) -> Speaker | None:
    """The person after a passive speech verb that follows a short topic ("Hal senada
    diungkapkan Deny Setiawan", "Janji serupa disampaikan personel lainnya, Jonghyun"):
    the sentence reports that person's words, so its subject is the speaker."""
    for j, (s, _e, w) in enumerate(words[1:4], start=1):
        if w in ctx.lex.cue_passive:
            if words[j - 1][2] == "yang":
                return None  # "Hal yang disampaikan Budi": a noun phrase, the verb comes later
            att = attribution_after(ctx, s, end)
            sp = att.speaker if att is not None and not att.pronoun else None
            return sp if sp is not None and personhood(ctx, sp).typed else None
    return None


def _predicate_in(ctx: _Context, words: list[tuple[int, int, str]]) -> bool:
    """A clause with its own subject and verb ("the Reds baru mendapatkan tiga pemain"),
    not an opening adverbial ("Usai menghadiri rapat", "Tak cuma enggan berkomentar
    soal produk") nor a noun phrase with a relative clause ("Kuasa korban yang
    melaporkan perkara ini"): a verb after a subordinator is not the clause's own."""
    if words[0][2] in ctx.lex.openers or is_verb(words[0][2], load_words("id")):
        return False  # "Mengaku terlambat melapor, Fadli …": a clause with no subject
    for j, word in enumerate(words[1:], start=1):
        if word[2] in ctx.lex.openers:
            return False  # "… yang melaporkan", "… saat menghadiri": not the main verb
        if _active_verb(ctx, word):
            return any(x[2] not in ctx.lex.verb_leads for x in words[:j])
    return False


def _active_verb(ctx: _Context, word: tuple[int, int, str]) -> bool:
    """An active verb form written in lower case: "mendapatkan", "berbicara"."""
    s, _e, w = word
    return len(w) > 5 and w.isalpha() and w.startswith(("me", "ber")) and ctx.text[s].islower()


# Quotes carry this placeholder until pronouns are resolved in text order.
_PRONOUN = "\x00pronoun"


_CONTINUE = "\x00continue"


# Cue-less quoted words this short with no one to give them to are a title or a heading.
_TITLE_WORDS = 6


_SUBJECT = "\x00subject"


_DOCUMENT = "\x00document"


_PERSONAL = "\x00personal"


def _marker(att: Attribution) -> str | None:
    """What a quote to resolve carries until its turn: which kind of pointer it is."""
    if att.document:
        return _DOCUMENT
    if att.personal:
        return _PERSONAL
    return _SUBJECT if att.subject else None


def _fill_pronouns(ctx: _Context, quotes: list[Quote]) -> Iterator[Quote]:
    """Resolve "katanya"/"ia" to the last speaker and give continuations their speaker."""
    state = _State()
    prev_direct: Quote | None = None
    out = list(quotes)
    for i, q in enumerate(out):
        para = ctx.sentences[ctx.sentence_at(q.start)][2] if ctx.sentences else 0
        if q.speaker == _PRONOUN:
            document = q.speaker_name == _DOCUMENT
            personal = q.speaker_name == _PERSONAL
            subject = document or personal or q.speaker_name == _SUBJECT
            pronoun = Attribution(
                None, q.cue or "", True, subject=subject, document=document, personal=personal
            )
            sp = _resolve(ctx, state, pronoun, q.start)
            if (
                sp is not None
                and q.kind == "direct"
                and personhood(ctx, sp).typed
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
                # "ujar penyerang berusia 32 tahun itu": the role the article gives here
                speaker_role=(q.speaker_role or sp.role) if sp else None,
            )
        elif q.speaker == _CONTINUE:
            q = _continuation(ctx, out, i, q, state, prev_direct, para)
        out[i] = q
        if q.speaker_name is not None and q.kind != "scare":
            state.last = Speaker(q.speaker, q.speaker_name, q.speaker_role)
            state.last_paragraph = para
            if not personhood(ctx, state.last).not_a_person:
                state.person, state.person_paragraph = state.last, para
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


# A quotation inside the quoted words: someone else's words, which may name the speaker.
_NESTED = re.compile(r"(?<!\w)[‘'\"“«][^\n‘’'\"“”«»]{1,200}[’'\"”»](?!\w)")


_HONORIFICS = frozenset({"pak", "bapak", "bu", "ibu", "mas", "mbak", "bung", "kak", "sang"})


def _named_in(ctx: _Context, sp: Speaker, text: str) -> bool:
    """The quoted words name the speaker as the article does ("Pak Novel"): they speak
    of him, not as him. A name inside a longer one ("Kim" in "Kim Jong Un") does not count."""
    forms = {ctx.text[m.start : m.end] for m in ctx.mentions_of(sp.id)}
    text = _NESTED.sub(" ", text)  # "… tanya, ‘Irfan sakit?’": others speak to him there
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
        near = _narrative_subject(ctx, state, q.start, para, newer=False)
        sp = near if near is not None and personhood(ctx, near).name_shaped else None
    short = len(ctx.words(q.start, q.end)) <= _TITLE_WORDS
    if sp is None and q.kind == "direct" and not short:
        # Quoted sentences standing alone, paragraphs after the last quote, when the
        # narrative since has no subject of its own: an interview goes on with the one
        # interviewed (a short phrase with no one to give it to stays a heading).
        sp = state.last
    if sp is None:
        if q.kind == "partial" or short:
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
