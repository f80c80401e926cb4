"""Language identification and sentence/token segmentation with character offsets.

Rules rather than a model: Indonesian news prose is regular enough that a
boundary is ``[.!?…]`` (plus closing quotes/brackets) followed by space and an
upper-case letter, digit or opening quote — unless the word before the stop is
a known abbreviation, a title or an initial ("Daniel K. Inouye", "Prof.",
"Jl.", "dll."). Paragraphs ("\\n\\n") always end a sentence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import lru_cache

from .model import Document, Sentence, Token
from .pipeline import stage
from .settings import Settings

# Abbreviations that end with a period but rarely end a sentence (compared
# case-insensitively, without the final period).
ABBREVIATIONS = frozenset(
    [
        "a.n",
        "adm",
        "bpk",
        "brigjen",
        "capt",
        "co",
        "corp",
        "dg",
        "dgn",
        "dkk",
        "dll",
        "dr",
        "drg",
        "drh",
        "drs",
        "dsb",
        "dst",
        "etc",
        "gen",
        "hj",
        "ibu",
        "inc",
        "ir",
        "jend",
        "jl",
        "jln",
        "jr",
        "kapt",
        "kec",
        "kab",
        "kol",
        "komjen",
        "kompol",
        "kpt",
        "lt",
        "ltd",
        "mayjen",
        "marsekal",
        "mr",
        "mrs",
        "ms",
        "mt",
        "no",
        "nn",
        "ny",
        "pak",
        "prof",
        "pt",
        "rep",
        "s.e",
        "s.h",
        "s.kom",
        "s.pd",
        "s.sos",
        "sdr",
        "sen",
        "sr",
        "st",
        "tbk",
        "tn",
        "tsb",
        "u.n",
        "u.s",
        "vs",
        "yth",
        "m.si",
        "m.sc",
        "m.a",
        "m.h",
        "ph.d",
        "a.m",
        "p.m",
        "bapak",
        "no",
        "mgr",
        "sek",
        "sekjen",
        "kasad",
        "kasal",
        "kasau",
        "irjen",
        "letjen",
        "laksdya",
    ]
)

_QUOTE_CLOSE = "\"'”’»)]"
_QUOTE_OPEN = "\"'“‘«(["

# A candidate boundary: terminal punctuation, closing quotes, then whitespace,
# then something that can start a sentence (an opening mark may stand apart
# from its word in scraped text: "… sendiri. “ Kami …").
_BOUNDARY = re.compile(
    r"""(?<=[.!?…])[\"'”’»)\]]*(?=\s+(?:[\"'“‘«(\[] ?)?[A-Z0-9À-ÖØ-Þ])""",
)
_WORD_BEFORE = re.compile(r"([\w.]+)\.[\"'”’»)\]]*$")
_PARAGRAPH = re.compile(r"\n\s*\n")

# Words with inner hyphens/apostrophes, numbers with Indonesian separators,
# known dotted abbreviations, or one punctuation character.
_TOKEN = re.compile(
    r"""
      \d+(?:[.,:/]\d+)+          # 1.000,5  19/06/2024  14:30
    | (?:[A-Za-z]\.){2,}         # U.S.  a.n.
    | \w+(?:[-'’]\w+)*           # Kim Jong-un  Hwasong-18  Qur'an
    | \S                         # any other single character
    """,
    re.VERBOSE,
)


def _is_abbreviation(before: str) -> bool:
    """True when the word before a period is an initial or a known abbreviation."""
    word = before.rsplit(" ", 1)[-1]
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "Daniel K. Inouye"
    return word.casefold().rstrip(".") in ABBREVIATIONS


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty paragraph, trimmed of surrounding space."""
    pos = 0
    for match in _PARAGRAPH.finditer(text):
        yield from _trimmed(text, pos, match.start())
        pos = match.end()
    yield from _trimmed(text, pos, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Sentence (start, end) offsets within one paragraph ``text[start:end]``."""
    end = len(text) if end is None else end
    sent_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        cut = match.end()
        head = text[max(sent_start, cut - 40) : cut]
        before = _WORD_BEFORE.search(head)
        if before and _is_abbreviation(before.group(1)):
            continue
        yield from _trimmed(text, sent_start, cut)
        sent_start = cut
    yield from _trimmed(text, sent_start, end)


def tokens(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        # "dr." / "Prof." keep their period so NER and quotes see one word.
        if e < end and text[e] == "." and text[s:e].casefold() in ABBREVIATIONS:
            e += 1
        elif out and out[-1].end > s:
            continue  # the period already joined to the abbreviation before
        out.append(Token(s, e))
    return tuple(out)


def segment_text(text: str, *, with_tokens: bool = True) -> tuple[Sentence, ...]:
    """All sentences of a cleaned body, with paragraph numbers and tokens."""
    out = []
    for number, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for s, e in sentence_spans(text, p_start, p_end):
            toks = tokens(text, s, e) if with_tokens else ()
            out.append(Sentence(s, e, number, toks))
    return tuple(out)


# --- language ------------------------------------------------------------------

# Frequent function words: enough to tell Indonesian prose at a glance, and to
# keep langid from calling it Malay.
_ID_WORDS = frozenset(
    [
        "yang",
        "dan",
        "di",
        "dengan",
        "untuk",
        "ini",
        "itu",
        "dari",
        "tidak",
        "akan",
        "pada",
        "telah",
        "bahwa",
        "adalah",
        "dalam",
        "juga",
        "oleh",
        "sebagai",
        "kepada",
        "karena",
        "tersebut",
        "mereka",
        "kata",
        "ujar",
        "saat",
        "tahun",
    ]
)
_MS_ONLY = frozenset(
    ["beliau", "ialah", "kerana", "daripada", "boleh", "sahaja", "telah-pun", "wang", "kerajaan"]
)
_WORD = re.compile(r"[a-zà-ÿ]+")


@lru_cache(maxsize=1)
def _langid() -> object:
    import py3langid

    return py3langid


def detect_language(text: str, *, sample: int = 3000) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is no text."""
    head = text[:sample].casefold()
    words = _WORD.findall(head)
    if not words:
        return None
    id_ratio = sum(w in _ID_WORDS for w in words) / len(words)
    ms_hits = sum(w in _MS_ONLY for w in words)
    if id_ratio >= 0.12 and ms_hits <= 1:
        return "id"
    lang: str = _langid().classify(head)[0]  # type: ignore[attr-defined]
    if lang == "ms" and ms_hits == 0 and id_ratio >= 0.05:
        return "id"
    return lang


@stage("segment")
def segment(doc: Document, *, settings: Settings | None = None) -> Document:
    """Set ``language`` and ``sentences`` (with tokens) on a cleaned document."""
    text = doc.text
    return dataclasses.replace(
        doc,
        language=doc.language or detect_language(text),
        sentences=segment_text(text),
    )
