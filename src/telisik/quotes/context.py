"""One article as the quote rules see it: text, sentences, words and entity mentions
indexed for lookups, and the cue lexicon."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..entities.gazetteer import load_stopwords
from ..lexicon import load_toml
from ..model import Document, Entity
from ..segment import ABBREVIATIONS, segment_text

if TYPE_CHECKING:
    from .persons import Personhood

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


_TRAIL = ",.;: \n\t"


_HANDLE = re.compile(r"@\w{2,}")


# The words that close a description pointing back: "pria itu", "… tersebut".
DEMONSTRATIVES = frozenset({"itu", "ini", "tersebut"})


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
    personal_pronouns: frozenset[str]
    relay_before: frozenset[str]
    media_heads: frozenset[str]
    media_names: frozenset[str]
    fillers: frozenset[str]
    not_tags: frozenset[tuple[str, ...]]
    enumerators: frozenset[str]  # "yakni", "seperti": the names after them are a list
    speaker_heads: frozenset[str]
    phrase_stop: frozenset[str]
    leading_prepositions: frozenset[str]
    openers: frozenset[str]  # with the prepositions, subordinators and concessives
    clause_stop: frozenset[str]
    concessive: frozenset[str]
    connectives: frozenset[str]  # "Karena itulah …", "Sementara itu …" before a subject
    coordinators: frozenset[str]
    adverbs: frozenset[str]
    verb_leads: frozenset[str]  # the adverbs, negations and modals: no subject before a verb
    cue_adjuncts: frozenset[str]
    close_sources: frozenset[str]
    described_heads: frozenset[str]
    documents: frozenset[str]
    document_words: frozenset[str]
    contents: frozenset[str]
    as_words: frozenset[str]
    relay_asides: frozenset[str]
    met_verbs: frozenset[str]
    written_cues: frozenset[str]
    occupations: frozenset[str]
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
        personal_pronouns=words("personal_pronouns"),
        relay_before=words("relay_before"),
        media_heads=words("media_heads"),
        media_names=words("media_names"),
        fillers=words("fillers"),
        not_tags=phrases("not_tags"),
        enumerators=words("enumerators"),
        speaker_heads=words("speaker_heads"),
        phrase_stop=words("phrase_stop"),
        leading_prepositions=words("leading_prepositions"),
        openers=words("openers")
        | words("leading_prepositions")
        | words("clause_stop")
        | words("concessive"),
        clause_stop=words("clause_stop"),
        concessive=words("concessive"),
        connectives=(words("clause_stop") | words("concessive") | words("connective_links"))
        - {"yang", "bahwa"},
        coordinators=words("coordinators"),
        adverbs=words("adverbs"),
        verb_leads=words("adverbs") | words("verb_leads"),
        cue_adjuncts=words("cue_adjuncts"),
        close_sources=words("close_sources"),
        described_heads=words("described_heads"),
        documents=words("documents"),
        document_words=words("document_words"),
        contents=words("contents"),
        as_words=words("as_words"),
        relay_asides=words("relay_asides"),
        met_verbs=words("met_verbs"),
        written_cues=words("written_cues"),
        occupations=words("occupations"),
        stopwords=load_stopwords(lang),
    )


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


_INNER_DOT = re.compile(r"(?<=\w)\.(?=\w)")


class _Context:
    """Text, sentences and entity mentions of one article, indexed for lookups."""

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.text = doc.text
        # The text with dots inside a name masked ("Nikah.id", "99.co", "Kompas.com"),
        # for finding where a phrase or sentence stops; same length as ``text``.
        self.plain = _INNER_DOT.sub("\u00b7", doc.text)
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
        self._by_entity: dict[str, list[_Mention]] = {}
        for m in mentions:
            self._by_entity.setdefault(m.entity.id, []).append(m)
        # Words once per article: every rule looks at word ranges many times.
        self.all_words = [
            (m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(self.text)
        ]
        self.word_starts = [w[0] for w in self.all_words]
        self._media: dict[tuple[int, int], bool] = {}
        self.quoted: list[tuple[int, int]] = []  # (opening, closing mark) of quoted spans
        self.persons: dict[tuple[str | None, str], Personhood] = {}  # see persons.py
        self.described: dict[str, str] | None = None  # see attribution.described_as

    def stop(self, start: int, limit: int, chars: str = ".;\n") -> int:
        """The first of ``chars`` in ``text[start:limit]`` (dots inside names do not
        count), else ``limit``: where a phrase or a sentence ends."""
        found = [k for k in (self.plain.find(ch, start, limit) for ch in chars) if k >= 0]
        return min(found, default=limit)

    def sentence_at(self, pos: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, pos) - 1, 0)

    def inside_quote(self, pos: int) -> bool:
        """``pos`` lies between a quote's marks: quoted words, not the narrative."""
        i = bisect.bisect_right(self.quoted, (pos, len(self.text))) - 1
        return i >= 0 and self.quoted[i][0] < pos < self.quoted[i][1]

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        i = bisect.bisect_left(self.mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def mentions_of(self, entity_id: str | None) -> list[_Mention]:
        """The mentions of one entity, in text order (none for an unlinked speaker)."""
        return self._by_entity.get(entity_id, []) if entity_id is not None else []

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


def _past_space(text: str, k: int, limit: int) -> int:
    """The first position from ``k`` (before ``limit``) that is not white space."""
    return k + len(text[k:limit]) - len(text[k:limit].lstrip())


def _is_title_word(word: str) -> bool:
    """A word whose period is not a full stop: an initial or an abbreviated title."""
    return len(word) == 1 or word in ABBREVIATIONS
