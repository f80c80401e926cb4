"""The quotes stage: direct, partial, scare and indirect quotes of one article."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Iterator

from ..entities.detect import load_words
from ..model import Document, Quote, QuoteKind
from ..pipeline import stage
from ..segment import paragraph_spans
from ..settings import Settings
from .attribution import (
    Attribution,
    _after_cue,
    _cue_at,
    _ends_with_cue,
    _menurut_end,
    _sentence_end_attribution,
    according_to,
    attribution_after,
    attribution_before,
    credited_outlet,
    described_as,
    narrative_channels,
    relay_in,
)
from .context import _TRAIL, _WORD, _Context, _past_space, load_lexicon
from .marks import Marked, quoted_spans
from .resolve import _CONTINUE, _PRONOUN, _TITLE_WORDS, _fill_pronouns, _marker
from .speakers import occupation_of, speaker_in


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
    ctx.quoted = sorted((m.open, m.close) for m in marked)
    quotes = list(_marked_quotes(ctx, marked))
    quotes.extend(_indirect_quotes(ctx, marked))
    quotes.sort(key=lambda q: (q.start, q.end))
    channeled = _with_channels(
        list(_fill_pronouns(ctx, quotes)), credited_outlet(ctx), narrative_channels(ctx)
    )
    return tuple(_with_roles(ctx, channeled))


def _with_roles(ctx: _Context, quotes: Iterable[Quote]) -> Iterator[Quote]:
    """A speaker quoted with no role keeps the occupation the article writes before
    their name elsewhere ("pelatih Luis Milla … ujar Milla"), else the description it
    uses for them in the narrative ("Pemain Brasil itu kemudian …"); one quoted with
    only a rank ("kata Laksamana Ade Supandi") or a part of the office the article
    gives in full elsewhere ("Kapolsek" of "Kapolsek Ciledug") keeps that office."""
    found: dict[str, str | None] = {}
    titles = load_words("id").titles
    for q in quotes:
        speaker = q.speaker
        if speaker and q.kind != "scare":
            mentions = ctx.mentions_of(speaker)
            office = mentions[0].entity.role if mentions else None
            if q.speaker_role and office and _part_of(q.speaker_role, office, titles):
                q = dataclasses.replace(q, speaker_role=office)
            elif not q.speaker_role:
                if speaker not in found:
                    found[speaker] = occupation_of(ctx, speaker) or described_as(ctx, speaker)
                q = dataclasses.replace(q, speaker_role=found[speaker])
        yield q


def _part_of(role: str, office: str, titles: frozenset[str]) -> bool:
    """``role`` says less than ``office``: only a rank ("AKP"), or some of its words
    ("Kapolsek" of "Kapolsek Ciledug")."""
    words = {w.casefold().rstrip(".") for w in role.split()}
    return words <= titles or words < {w.casefold().rstrip(".") for w in office.split()}


def _with_channels(
    quotes: list[Quote], credit: str | None = None, told: dict[str, set[str]] | None = None
) -> Iterator[Quote]:
    """A speaker whose quotes the article relays through one channel only ("kata
    Rycroft, sebagaimana dikutip Xinhua") speaks through it in their other quotes
    there too, and so does one the narrative says spoke through one channel only
    (``told``: "Berbicara kepada BBC, Rooney …"); any other quote came through the
    agency the article credits at its end (``credit``: "… (Antara)")."""
    channels: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker and q.via:
            channels.setdefault(q.speaker, set()).add(q.via)
    for speaker, named in (told or {}).items():
        channels.setdefault(speaker, set(named))
    for q in quotes:
        only = channels.get(q.speaker or "", set())
        if q.speaker and not q.via and len(only) == 1 and q.kind != "scare":
            q = dataclasses.replace(q, via=next(iter(only)))
        elif credit and not q.via and q.kind != "scare":
            q = dataclasses.replace(q, via=credit)
        yield q


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
        if after is None and m.closed and tail_end == sent_end < next_open:
            after = _tag_after_break(ctx, tail_start, next_open)
        if not m.closed:  # "“Hasil penelitian kami …, kata Jennifer Balch …." (no closing mark)
            inside = _tag_inside(ctx, qs, qe)
            if inside is not None:
                after, qe = inside
        # Opening its sentence, after a cue ("X mengatakan, “…”") or before one
        # ("…,” kata X"); "Novel pertamanya, “A untuk Alibi,” terbit …" is not.
        direct_head = (
            not head
            or head[-1] in ":-–—"  # "Merdeka.com - “…”": after a dateline
            or _ends_with_cue(ctx, head_start, m.open)
            or (head[-1] == "," and after is not None)
            or (head[-1] == "," and _source_before(ctx, head_start, m.open))
        )
        said = _content_cue(ctx, head_start, m.open) if head and not direct_head else None
        direct_head = direct_head or said is not None
        direct = (first.isupper() or first.isdigit() or first in "[(.…") and direct_head
        # "“#seminyak …,” tulis Lindsay", "“@TelkomCare …,” kata akun …": a sentence of
        # its own with a speech tag after it is said, whatever its first letter.
        direct = direct or (after is not None and (not head or head[-1] in ":-–—"))
        if direct:
            att = after or said or (attribution_before(ctx, head_start, m.open) if head else None)
            if (
                att is None
                and m.closed
                and tail_start < sent_end
                and not _is_title(ctx, qs, qe)
                and len(ctx.words(qs, qe)) > _TITLE_WORDS  # "“The Angry Birds Movie 2” akan …"
            ):
                # "“…” antara otoritas negara, kata Pangeran Salman": the sentence goes on
                # past the closing mark (or a second quoted piece) to its speech tag
                att = _sentence_end_attribution(ctx, tail_start, sent_end)
            if att is None and _is_title(ctx, qs, qe) and len(ctx.words(qs, qe)) <= 4:
                yield Quote(text[qs:qe], qs, qe, "scare")  # "“Tootsie” dan “Network”"
                continue
            yield _quote(ctx, "direct", qs, qe, att, m, fallback=_CONTINUE)
            continue
        # "… sebagai “masa-masa terburuk …,” kata pengacara Ulrich Weber": a speech tag
        # right after the comma that closes the quoted words says whose they are
        tag = (
            after
            if after is not None
            and after.speaker is not None
            and _after_cue(ctx.lex, after.cue.casefold()) is not None
            and text[m.close - 1] == ","
            and after.start <= tail_start + 2
            else None
        )
        if tag is None and _is_scare(ctx, head_start, qs, qe):
            yield Quote(text[qs:qe], qs, qe, "scare")
            continue
        # Partial: that tag, else the sentence's speech cue, wherever it is.
        sent_end_all = ctx.sentences[s_close][1] if ctx.sentences else len(text)
        att = (
            tag
            or _sentence_end_attribution(ctx, tail_start, sent_end_all)
            or attribution_before(ctx, sent_start, m.open)
        )
        if _is_title(ctx, qs, qe, most=8):  # "Hari Kemenangan", "Network", "BRI - Powered by …"
            yield Quote(text[qs:qe], qs, qe, "scare")
            continue
        if att is None and len(ctx.words(qs, qe)) < 2:
            yield Quote(text[qs:qe], qs, qe, "scare")
            continue
        yield _quote(ctx, "partial", qs, qe, att, m, fallback=_CONTINUE)


def _tag_after_break(ctx: _Context, start: int, limit: int) -> Attribution | None:
    """A speech tag written as a sentence of its own right after the closing mark, on
    the same line: "“Keputusan ini apakah disetujui?” Kata pimpinan sidang, Rofinus …"."""
    words = ctx.words(start, limit)
    if not words or "\n" in ctx.text[start : words[0][0]]:
        return None
    first = words[0]
    if not ctx.text[first[0]].isupper() or first[2] not in ctx.lex.cue_after:
        return None
    n = ctx.sentence_at(first[0])
    end = min(ctx.sentences[n][1], limit) if ctx.sentences else limit
    return attribution_after(ctx, start, end)


def _tag_inside(ctx: _Context, qs: int, qe: int) -> tuple[Attribution, int] | None:
    """A named speech tag closing the last sentence of a quote the writer never closed,
    with where the quoted words end before it."""
    last = ctx.sentences[ctx.sentence_at(qe - 1)][0] if ctx.sentences else qs
    att = _sentence_end_attribution(ctx, max(qs, last), qe)
    if att is None or att.pronoun or att.speaker is None:
        return None
    if _after_cue(ctx.lex, att.cue.casefold()) is None:
        return None  # only a tag ("kata X"), not a clause ("… dan kami bertanya …")
    comma = ctx.text.rfind(",", qs, att.start)
    if comma <= qs or ctx.text[comma : att.start].strip(", ") or not ctx.words(qs, comma):
        return None
    return att, _content(ctx.text, qs, comma)[1]


def _content_cue(ctx: _Context, start: int, end: int) -> Attribution | None:
    """A head ending in a word for what a post or caption says ("kicauan berisikan,
    “…”", "dengan keterangan, “…”"): the clause's subject speaks, as after "ia menulis"."""
    words = ctx.words(start, end)
    if (
        not words
        or words[-1][2] not in ctx.lex.contents
        or ctx.text[words[-1][1] : end].strip() != ","
    ):
        return None
    someone = any(w[2] in ctx.lex.pronouns for w in words) or any(
        m.entity.type == "PERSON" for m in ctx.mentions_in(start, end)
    )
    if not someone:
        return None  # "Pasal 21 … berbunyi, “…”": a text nobody here says
    return Attribution(
        None, ctx.text[words[-1][0] : words[-1][1]], True, words[-1][0], words[-1][1], True
    )


def _source_before(ctx: _Context, start: int, end: int) -> bool:
    """The head is only its source, up to the comma before the quote: "Menurut X, “…”",
    "Seperti dikatakan Menteri X, “…”"."""
    att = attribution_before(ctx, start, end)
    if att is None or att.pronoun or att.speaker is None or not att.cue:
        return False
    first = ctx.words(start, end)[:1]
    rest = ctx.words(att.end, end)[:1]  # "… X saat mengumumkan kabar itu, “…”": an adjunct
    opens = bool(first) and first[0][0] == att.start
    return opens and (not rest or rest[0][2] in ctx.lex.phrase_stop)


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
        marker = _marker(att)
        return Quote(text[qs:qe], qs, qe, kind, _PRONOUN, marker, att.description, att.cue, via=via)
    return Quote(text[qs:qe], qs, qe, kind, sp.id, sp.name, sp.role, att.cue or None, via)


def _indirect_quotes(ctx: _Context, marked: list[Marked]) -> Iterator[Quote]:
    """Reported speech without marks, one per sentence at most."""
    text = ctx.text
    direct_sentences = set()
    for m in marked:
        qs = m.open + 1
        while qs < m.close and text[qs] in " \xa0":
            qs += 1  # "“ Kami …": a space after the mark, as scraped text has it
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
        att = according_to(ctx, words[j], nxt, e)
        if att is None:  # no one named: whoever spoke last
            end = _menurut_end(ctx, nxt[0], e)
            att = Attribution(None, text[words[j][0] : words[j][1]], True, words[j][0], end)
        # the reported words start after the comma that closes the source
        end = text.find(",", att.end, e) if att.subject else att.end
        if 0 <= end < e and text[end] == ",":
            return _indirect(ctx, end + 1, e, att, s, e)
        rest = ctx.words(att.end, e)
        named = att.speaker is not None or nxt[2] in lex.pronouns
        if j == 0 and named and len(rest) >= 4 and text[rest[0][0]].islower():
            if rest[0][2] in lex.leading_prepositions and "," in text[att.end : rest[4][0]]:
                # "Menurut NHS di Inggris, tubuh …": a place after the source, then the comma
                return _indirect(ctx, text.find(",", att.end) + 1, e, att, s, e)
            if rest[0][2] != "yang" and rest[0][2] not in lex.leading_prepositions:
                # "Menurut Alexander dana kemitraan itu …": no comma; the clause starts
                # with the first lower-case word after the source
                return _indirect(ctx, rest[0][0], e, att, s, e)
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
    # "Pemerintah, kata Budi, akan …": a speech tag between two commas inside the sentence
    inner = _inner_tag(ctx, s, e)
    if inner is not None:
        return _indirect(ctx, s, e, inner, s, e)
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
        nxt = _WORD.match(text, _past_space(text, pos + 1, end))
        if nxt and nxt.group().casefold() in ctx.lex.concessive:
            return pos
        pos = text.find(",", pos + 1, end)
    return end


_COMMA = re.compile(",")


def _inner_tag(ctx: _Context, s: int, e: int) -> Attribution | None:
    """A speech tag set off by commas inside a sentence ("Alasan itu, kata Halim, karena
    …"), with reported words on both sides. The quote is then the whole sentence: its
    subject stands before the tag and its predicate after it."""
    sentence = ctx.text[s:e]
    if sentence.count(",") < 2 or any(mark in sentence for mark in ('"', "“", "”", "‘", " '")):
        return None  # "“…,” kata X, …": a quote's sentence, its tag read with the quote
    commas = [s + m.start() for m in _COMMA.finditer(sentence)]
    for a, b in itertools.pairwise(commas):
        words = ctx.words(a + 1, b)
        if not words or len(words) > 8 or _after_cue(ctx.lex, words[0][2]) is None:
            continue
        if len(words) > 1 and not _names_someone(ctx, words[1]):
            continue  # "…, nilai ekspor Indonesia …": the cue word is a noun here
        if not ctx.words(s, a) or len(ctx.words(b + 1, e)) < 3:
            continue
        att = attribution_after(ctx, words[0][0], b)
        named = att is not None and att.speaker is not None and att.speaker.name[:1].isupper()
        if att is not None and (att.pronoun or named):
            return att
    return None


def _names_someone(ctx: _Context, word: tuple[int, int, str]) -> bool:
    """The word after a speech tag's verb starts who speaks: a name, a pronoun or a
    role word ("kata Halim", "kata dia", "kata jaksa Irene", "kata mantan Ketua …")."""
    roles = load_words("id")
    return (
        ctx.text[word[0]].isupper()
        or word[2] in ctx.lex.pronouns
        or word[2] in ctx.lex.speaker_heads
        or word[2] in roles.role_heads
        or word[2] in roles.titles
    )


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
        marker = _marker(att)
        return Quote(
            text[cs:ce], cs, ce, "indirect", _PRONOUN, marker, att.description, cue or att.cue, via
        )
    return Quote(text[cs:ce], cs, ce, "indirect", sp.id, sp.name, sp.role, cue or att.cue, via)


@stage("quotes")
def quotes(doc: Document, *, settings: Settings | None = None) -> Document:
    """Set ``quotes`` on a document with sentences and entities."""
    if not doc.text:
        return doc
    return dataclasses.replace(doc, quotes=find_quotes(doc, lang="id"))
