"""The cleaner: page furniture out of scraped news text, with a log of what went and why.

Scraped articles carry logos, bylines, captions, "Baca juga" links, share
widgets and teasers of other articles. :func:`clean` takes them out line by
line, each for a stated reason (one of :data:`REASONS`), keeps what they told
(outlet, authors, editors, credits, dates) and never drops a body sentence: a
line that no rule names stays in the text.

The phrases it knows are data, in ``lang/id/furniture.toml``. Everything is a
precompiled regex or a set lookup per line, so the cost is linear in the input.

Removal log: ``Removal.line`` is the 1-based line number in the input after
newline normalisation; ``Removal.text`` is the removed text as it stood in that
(normalised) line; ``Removal.value`` keeps its metadata (an outlet, names, a
place, a raw date string, a linked title).
"""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .lexicon import alternation, load_toml
from .model import Document, Removal
from .pipeline import stage
from .settings import Settings, load_settings

__all__ = [
    "REASONS",
    "Cleaned",
    "Hit",
    "classify_line",
    "clean",
    "clean_text",
    "find_date",
    "normalize_outlet",
    "normalize_text",
    "split_names",
]

logger = logging.getLogger(__name__)

#: Every reason a removal can give.
REASONS = frozenset(
    {
        "advertisement",  # "ADVERTISEMENT", "Scroll to continue with content", "[iklan_…]"
        "agency_tag",  # "(bbn)", "(ant)", "(N/014)", "[ANTARA]", also at the end of the body
        "byline",  # "Penulis: …", "Oleh …", "Laporan wartawan …", "X, Jurnalis-<date>"
        "caption",  # image captions and alt text, "Foto: …", "… (Sumber: …)"
        "comments",  # "0 Komentar", "Komentar (3)", "Tinggalkan Balasan"
        "copyright",  # "Copyright © …", "Dilarang mengutip … tanpa izin", feed footers
        "credit",  # "--Dengan bantuan dari A dan B.", "--With assistance from …"
        "dateline",  # date lines, "Kompas.com - 19/06/2024 …", "JAKARTA, KOMPAS.com - "
        "editor",  # "Editor: …", "Penyunting: …"
        "embed",  # "[Gambas:Video 20detik]", tweet attributions, "View this post on Instagram"
        "headline",  # the title line the text starts with
        "logo",  # "Logo Bloomberg Technoz", an outlet name alone on a line, "Site - Section"
        "navigation",  # breadcrumbs, "Tags: …", section names before the headline
        "pagination",  # "No more pages", "Halaman 1 2 3", "Selanjutnya", "Load more"
        "promo",  # "Ikuti berita … di Google News", "WhatsApp Channel", "klik di sini"
        "read_also",  # "Baca juga: …", "BACA JUGA" lists, "Pilihan Editor: …"
        "script",  # leaked JavaScript or CDATA
        "share",  # "Bagikan", "Share on Facebook", "WhatsApp Twitter Facebook"
        "source",  # "Sumber: …", "Artikel ini telah tayang di …"
        "teaser",  # "Next Post", "Berita Terkait" … and every line of the block after it
    }
)

#: Reasons that end a teaser block: a new widget, not the teaser's own title or date.
_BLOCK_ENDERS = frozenset(
    {
        "advertisement",
        "byline",
        "comments",
        "copyright",
        "credit",
        "editor",
        "logo",
        "navigation",
        "pagination",
        "promo",
        "share",
        "teaser",
    }
)

_MAX_TITLE_WORDS = 25  # a headline is shorter than a body sentence
_MAX_PHRASE_WORDS = 8  # whole-line furniture phrases are short
_MAX_SHARE_WORDS = 16  # "Bagikan artikel ini: Facebook | X | WhatsApp | …" (words only)
_MAX_NOTICE_WORDS = 80  # a rights notice is a paragraph at most
_MAX_DATE_LINE = 90  # characters; longer lines are not date lines
_MAX_LIST_ITEMS = 6  # links under one "Baca juga" header
#: Furniture that may sit between the links of a list without ending it.
_INSIDE_LISTS = frozenset({"advertisement", "embed", "share", "caption", "script"})


# --- lexicon ------------------------------------------------------------------


def _key(text: str) -> str:
    """Lower-cased words only, so "0 Komentar", "Next Post »" and "- ADS -" find their phrase."""
    return " ".join(_KEY_DROP.sub(" ", text.casefold()).split())


_KEY_DROP = re.compile(r"[\W\d_]+")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The furniture words of one language, loaded once from its TOML file."""

    lines: dict[str, str]  # whole-line phrase key -> reason
    share_words: frozenset[str]
    share_fillers: frozenset[str]
    labels: dict[str, str]  # "Label:" key -> reason
    byline: dict[str, str]  # byline/editor label -> "byline" | "editor"
    bare_byline: frozenset[str]
    credit: tuple[str, ...]
    photo_credits: tuple[str, ...]
    source_credits: frozenset[str]
    outlets: dict[str, str]  # casefolded name -> name
    crumb_roots: frozenset[str]
    copyright_verbs: tuple[str, ...]
    copyright_objects: tuple[str, ...]
    first_published: tuple[str, ...]
    posted_in: tuple[str, ...]
    english: frozenset[str]
    indonesian: frozenset[str]
    date_words: frozenset[str]
    months: frozenset[str]


def _load_lexicon(lang: str = "id") -> _Lexicon:
    """Read ``lang/<lang>/furniture.toml``; phrases become keys as :func:`_key` makes them."""
    data = load_toml("furniture", lang)
    lines_ = data["lines"]
    line_map: dict[str, str] = {}
    for reason in ("teaser", "read_also", "navigation", "pagination", "advertisement"):
        for phrase in lines_[reason]:
            line_map.setdefault(_key(phrase), reason)
    for reason in ("comments", "share"):
        for phrase in lines_[reason]:
            line_map.setdefault(_key(phrase), reason)
    labels_ = data["labels"]
    label_map: dict[str, str] = {}
    for reason in ("teaser", "read_also", "navigation", "caption", "source", "dateline"):
        for phrase in labels_[reason]:
            label_map.setdefault(_key(phrase), reason)
    byline = {p.casefold(): "byline" for p in labels_["byline"]}
    byline.update({p.casefold(): "editor" for p in labels_["editor"]})
    dates = data["dates"]
    return _Lexicon(
        lines=line_map,
        share_words=frozenset(lines_["share_words"]),
        share_fillers=frozenset(lines_["share_fillers"]),
        labels=label_map,
        byline=byline,
        bare_byline=frozenset(p.casefold() for p in labels_["bare_byline"]),
        credit=tuple(labels_["credit"]),
        photo_credits=tuple(p.casefold() for p in data["captions"]["photo_credits"]),
        source_credits=frozenset(p.casefold() for p in data["captions"]["source_credits"]),
        outlets={n.casefold(): n for n in data["outlets"]["names"]},
        crumb_roots=frozenset(_key(p) for p in data["outlets"]["crumb_roots"]),
        copyright_verbs=tuple(data["copyright"]["verbs"]),
        copyright_objects=tuple(data["copyright"]["objects"]),
        first_published=tuple(data["copyright"]["first_published"]),
        posted_in=tuple(labels_["posted_in"]),
        english=frozenset(data["words"]["english"]),
        indonesian=frozenset(data["words"]["indonesian"]),
        date_words=frozenset(dates["days"] + dates["months"] + dates["other"]),
        months=frozenset(dates["months"]),
    )


_LEX = _load_lexicon()


# --- Unicode normalisation ------------------------------------------------------

# C1 controls are almost always Windows-1252 punctuation decoded as Latin-1.
_CP1252 = {
    0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "“", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ",
    0x89: "‰", 0x8A: "Š", 0x8B: "‹", 0x8C: "Œ", 0x8E: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“",
    0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9A: "š", 0x9B: "›",
    0x9C: "œ", 0x9E: "ž", 0x9F: "Ÿ",
}  # fmt: skip


def _translation() -> dict[int, str | None]:
    """One ``str.translate`` table for spaces, invisibles, controls and odd quotes."""
    table: dict[int, str | None] = {}
    for cp in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]:
        table[cp] = None
    table[0x09] = " "
    table[0x0B] = table[0x0C] = "\n"
    for cp in range(0x80, 0xA0):
        table[cp] = _CP1252.get(cp)
    for cp in [0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]:
        table[cp] = " "
    # zero-width space, word joiner, BOM, soft hyphen, bidi marks: invisible, break matching
    for cp in [0x200B, 0x2060, 0xFEFF, 0xAD, 0x180E, 0x200E, 0x200F]:
        table[cp] = None
    for cp in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
        table[cp] = None
    table[0x2028] = "\n"
    table[0x2029] = "\n\n"
    # Quotes: low and reversed forms become the curly ones the quote stage knows;
    # “ ” ‘ ’ themselves are kept as they are.
    table[0x201E] = table[0x201F] = table[0x301D] = "“"
    table[0x301E] = table[0x301F] = "”"
    table[0x201B] = "‘"
    table[0xFF02] = '"'
    table[0xFF07] = "'"
    return table


_TABLE = _translation()
# The same clean-up with every character kept in place: a dropped one becomes a space.
_IN_PLACE = {
    cp: " " if to is None else to for cp, to in _TABLE.items() if to is None or len(to) == 1
}


def characters_in_place(text: str) -> str:
    """Invisible marks, odd spaces and odd quotation marks cleaned as ``normalize_text``
    does, keeping every offset: for labels that point into the raw text (the quote
    evaluation on IndoSum), which would otherwise be read without the clean stage."""
    return text.translate(_IN_PLACE)


_ODD_CHARS = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE)) + "]")
_MOJIBAKE = {
    "â€œ": "“", "â€\x9d": "”", "â€™": "’", "â€˜": "‘", "â€“": "–", "â€”": "—", "â€¦": "…",
    "â€¢": "•", "â€‹": "",
}  # fmt: skip
# A bare "â€" is "”" whose third byte (0x9D, undefined in Windows-1252) was dropped.
_MOJIBAKE_RE = re.compile("|".join(map(re.escape, _MOJIBAKE)) + "|â€")
_LOW_QUOTES = re.compile(r"„([^„“”\n]{0,1000})[“”]")
_ACUTE_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[´`](?=[^\W\d_])")


def normalize_text(text: str) -> str:
    """NFC, plain spaces, no invisibles or controls, LF lines, one space between words.

    Line structure is kept (blank lines included) so line numbers still point
    into the input; curly quotes stay as they are.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "â€" in text:  # UTF-8 read as Windows-1252
        text = _MOJIBAKE_RE.sub(lambda m: _MOJIBAKE.get(m.group(), "”"), text)
    if "„" in text:  # German-style „…“ becomes “…”, so each quote still opens and closes
        text = _LOW_QUOTES.sub(r"“\1”", text)
    if _ODD_CHARS.search(text):
        text = text.translate(_TABLE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "´" in text or "`" in text:  # Jum´at, Jum`at
        text = _ACUTE_APOSTROPHE.sub("'", text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


# --- small predicates -----------------------------------------------------------

_CLOSERS = "\"'”’»)]"
_SENTENCE_END = ".!?…:;,"


def _is_prose(line: str) -> bool:
    """Ends like a body sentence: sentence punctuation, or a closing quote."""
    if not line:
        return False
    if line[-1] in '"”’»':
        return True
    core = line.rstrip(_CLOSERS)
    return (bool(core) and core[-1] in _SENTENCE_END) or bool(_BRACKET_AFTER_SENTENCE.search(line))


# "… dimulai Januari. (ant/red)": a sentence, then a tag or a credit
_BRACKET_AFTER_SENTENCE = re.compile(r"[.!?…][\"”’']?\s*[\(\[][^()\[\]]{1,60}[\)\]]$")


def _ends_sentence(line: str) -> bool:
    """Ends with sentence punctuation, maybe inside closing quotes: 'katanya.' or '…."'."""
    core = line.rstrip(_CLOSERS)
    return bool(core) and core[-1] in ".!?…"


def _title_case_ratio(words: list[str]) -> float:
    """Share of words that start with a capital: Indonesian headlines are Title Case."""
    alpha = [w for w in words if w[:1].isalpha()]
    if not alpha:
        return 0.0
    return sum(w[0].isupper() for w in alpha) / len(alpha)


def _is_title_like(line: str) -> bool:
    """A headline: a few words, no final period or comma, sentence case only when short."""
    words = line.split()
    if not 3 <= len(words) <= _MAX_TITLE_WORDS:
        return False
    last = line[-1]
    if last in ".,;:…" or _BRACKET_AFTER_SENTENCE.search(line):
        return False
    ratio = _title_case_ratio(words)
    if last in "?!\"”’'»":
        if len(line) > 1 and line[-2] in ".,!?" and last not in "?!":
            return False  # a quoted sentence
        return ratio >= 0.6
    return ratio >= 0.5 or len(words) <= 12


def _lower_words(line: str) -> list[str]:
    """Lower-case words only: names and Title Case say nothing about the language."""
    return [w for w in _WORD.findall(line) if w.islower()]


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _looks_english(line: str) -> bool:
    """Alt text in English ("Minister at summit venue"): English words, no Indonesian ones."""
    lower = _lower_words(line)
    return any(w in _LEX.english for w in lower) and not any(w in _LEX.indonesian for w in lower)


def _looks_indonesian(line: str) -> bool:
    """A body paragraph in Indonesian, where English lines are alt text."""
    lower = _lower_words(line)
    ind = sum(w in _LEX.indonesian for w in lower)
    return ind >= 2 and ind > sum(w in _LEX.english for w in lower)


# --- names and dates ----------------------------------------------------------

_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\+|/|\s\|\s|\b(?:dan|and)\b)\s*")
_PARENS = re.compile(r"\s*\([^()]*\)")
_PARTICLES = frozenset(
    {"bin", "binti", "van", "von", "der", "den", "de", "da", "dos", "du", "la", "le", "al", "el"}
)


def _is_name(part: str) -> bool:
    """One person's name: one to six capitalised words (particles like "bin" allowed)."""
    words = part.split()
    if not 1 <= len(words) <= 6 or not words[0][0].isupper():
        return False
    return all(
        (w[0].isupper() or w in _PARTICLES) and not any(c.isdigit() for c in w) for w in words
    )


def split_names(text: str) -> tuple[str, ...]:
    """'Sangmi Cha dan James Herron.' -> ('Sangmi Cha', 'James Herron')."""
    text = _PARENS.sub("", text).strip().rstrip(".;,").strip()
    return tuple(p.strip(" .") for p in _NAME_SPLIT.split(text) if p.strip(" ."))


def _all_names(text: str) -> bool:
    """Every part of a name list is a name: what tells "Oleh Budi" from "Oleh karena itu"."""
    parts = split_names(text)
    return bool(parts) and all(_is_name(p) for p in parts)


_DATE_TOKEN = re.compile(r"\d+|[^\W\d_]+(?:['’][^\W\d_]+)?\.?|\S")
_DATE_SEPS = frozenset(",|/-–—·•.:()")
_NUMERIC_DATE = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}")


def _date_token_ok(tok: str) -> bool:
    """A token a date line may hold: a number, a day, a month, a time zone, a separator."""
    if tok.isdigit():
        return len(tok) <= 4
    return tok in _DATE_SEPS or tok.rstrip(".").casefold() in _LEX.date_words


def _split_date_tail(text: str) -> tuple[str, str] | None:
    """Split "Jurnalis-Rabu, 19 Juni 2024 |06:23 WIB" into ("Jurnalis-", "Rabu, … WIB")."""
    toks = list(_DATE_TOKEN.finditer(text))
    start = len(toks)
    while start > 0 and _date_token_ok(toks[start - 1].group()):
        start -= 1
    while start < len(toks) and toks[start].group() in _DATE_SEPS:
        start += 1
    if start >= len(toks):
        return None
    date = text[toks[start].start() :].rstrip(" ,|-–—·•")
    tail = toks[start:]
    has_digit = any(t.group().isdigit() for t in tail)
    has_month = any(t.group().rstrip(".").casefold() in _LEX.months for t in tail)
    if not has_digit or not (has_month or _NUMERIC_DATE.search(date)):
        return None
    return text[: toks[start].start()], date


def find_date(text: str) -> str | None:
    """The date a line ends with, as written ("Rabu, 19 Juni 2024 |06:23 WIB"), or None."""
    split = _split_date_tail(text)
    return split[1] if split else None


# --- line classification ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    """Why one line is furniture, and what it told us."""

    reason: str
    value: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    outlet: str | None = None
    block: str | None = None  # "teaser": to the end; "list": title lines follow; "names"
    edge: bool = False  # furniture only before or after the body (a bare date line)


_LOGO = re.compile(r"^logo\s+(?P<name>\S.{0,60})$", re.I)
_TLD = r"(?:com|co\.id|co|id|net|org|or\.id|go\.id|my\.id|web\.id|tv|news|asia|info)"
_DOMAIN = re.compile(rf"^(?:[a-z0-9-]+\.)+{_TLD}$", re.I)
_DOMAIN_PARTS = re.compile(rf"^(?:www\.)?(?P<stem>.+?)\.{_TLD}$", re.I)
_CAMEL_OUTLET = re.compile(r"^(?:detik|kumparan|okezone|inews)[A-Za-z]*$", re.I)
_TAG_CODE = r"\*+|[A-Za-z]{1,12}(?:\s?[./\-]\s?[A-Za-z0-9]{1,12}){0,4}|[A-Z]{1,4}\d{2,4}"
_TAG_LINE = re.compile(rf"^[\(\[]\s*(?P<code>{_TAG_CODE})\s*[\)\]]$")
_TAG_TAIL = re.compile(rf"(?<=[.!?\"”’'])\s*[\(\[](?P<code>{_TAG_CODE})[\)\]]\s*$")
_PAGE_NUMBERS = re.compile(
    r"^(?:halaman|hal\.?|page)?\s*:?\s*(?:\d{1,3}\s*[|,/·]?\s*){2,}"
    r"(?:[»›>→]|next|selanjutnya|berikutnya)?\s*$",
    re.I,
)
_LABEL = re.compile(
    r"^[\[\(]?\s*(?P<label>[^\W\d_]+(?:[ _'’.][^\W\d_]+){0,3})\.?\s*[:|]\s*(?P<rest>.*?)\s*[\]\)]?$"
)
_BYLINE = re.compile(
    rf"^(?P<label>{alternation(_LEX.byline)})(?P<sep>\s*[:|·•]\s*|\s*[-–—]\s*|\s+|$)(?P<rest>.*)$",
    re.I,
)
_ROLE_AFTER = re.compile(
    r"^(?P<names>[^,]{2,60}),\s*(?P<label>jurnalis|wartawan|reporter|kontributor|penulis|"
    r"koresponden|pewarta|editor)\b\s*(?:[:\-–—|·•]\s*(?P<rest>.*))?$",
    re.I,
)
_NAME_OUTLET = re.compile(
    r"^(?P<names>[^-–—|]{2,60}?)\s+[-–—|]\s+(?P<outlet>detik[A-Za-z]*|kumparan[A-Za-z]*|"
    r"(?:[\w-]+\.)+(?:com|co\.id|co|id|net))$",
    re.I,
)
_TEAM = re.compile(r"^(?:tim|redaksi)\b", re.I)
# "Redaksi Pelita Pagi", "Tim detikcom": a desk, not a person; what follows is the outlet
_TEAM_OUTLET = re.compile(r"^(?:tim\s+redaksi|redaksi|tim)\b\s*(?P<outlet>.*)$", re.I)
_REPORT = re.compile(
    r"^laporan\s+(?:wartawan|reporter|jurnalis|koresponden|kontributor)\s+"
    r"(?P<outlet>[^\s,]+)(?:\s*,\s*(?P<names>.+?))?\s*\.?$",
    re.I,
)
_CREDIT = re.compile(
    rf"^[\s\-–—]*\(?\s*(?P<label>{alternation(_LEX.credit)})\s*:?\s+(?P<rest>.+?)[\s.)]*$",
    re.I,
)
_READ_ALSO_BARE = re.compile(
    r"^[\[\(]?\s*(?:baca|simak|lihat|cek|tonton|saksikan)[\s_]+(?:juga|pula|video)\b"
    r"\s*[:\-–—]?\s*(?P<rest>.*?)\s*[\]\)]?$",
    re.I,
)
_SYNDICATION = re.compile(
    r"^(?:artikel|berita|tulisan|konten) ini (?:telah |sudah |pernah |juga |pertama )*"
    r"(?:tayang|terbit|dimuat|diterbitkan|ditayangkan|dipublikasikan|diterjemahkan)"
    r"(?: (?:di|pada|dalam|dari|oleh))? (?P<outlet>[^\s,]+)"
    r"|^this (?:article|story) (?:was |first |originally )*(?:appeared|published)",
    re.I,
)
_PROMO_START = re.compile(
    r"^(?:ikuti|follow|simak|cek|baca|dapatkan|pilih|gabung|bergabung|klik|download|unduh|"
    r"update|jangan lewatkan|subscribe|berlangganan|saksikan|tonton|install|pasang|kunjungi|"
    r"yuk|ayo|mari|akses)\b",
    re.I,
)
_PROMO_WORDS = re.compile(
    r"google news|whatsapp channel|saluran whatsapp|channel whatsapp|wa channel|"
    r"grup telegram|channel telegram|telegram channel|klik di ?sini|klik link|sedikit iklan|"
    r"(?:download|unduh|install|pasang) aplikasi|app store|play store|newsletter|"
    r"berlangganan|subscribe|youtube|instagram|tiktok|https?://",
    re.I,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b|all rights reserved)", re.I)
# "Hak cipta dilindungi undang-undang", "Hak Cipta © 2024 …": not "Hak cipta lagu itu …"
_HAK_CIPTA = re.compile(
    r"^hak\s+cipta\b(?=.{0,40}?(?:©|\b(?:19|20)\d\d\b|\bdilindungi\b|\ball rights\b))", re.I
)
_PROTECTED = re.compile(r"^(?:konten|artikel|isi|situs|berita)(?: situs)? ini dilindungi\b", re.I)
# "Dilarang mengutip …", "Konten ini dilindungi. Dilarang menyalin … tanpa izin …": a
# reproduction verb or a content word after "Dilarang", then "tanpa izin"; bounded lookaheads
_NO_REPRODUCTION = re.compile(
    r"(?:^|[.!?]\s)dilarang\s+(?:keras\s+)?(?:untuk\s+)?"
    rf"(?:(?:{alternation(_LEX.copyright_verbs)})\b"
    rf"|(?=.{{0,300}}?\b(?:{alternation(_LEX.copyright_objects)})\b))"
    r"(?=.{0,400}?\btanpa\s+(?:izin|seizin|ijin)\b)",
    re.I,
)
# a reported sentence ("Dilarang mengutip … tanpa izin hakim, kata juru bicara") is no notice
_SPEECH = re.compile(
    r"[\"“”]|\b(?:kata|ujar|tutur|ucap|sebut|jelas|tegas|imbuh|tambah)nya\b"
    r"|\b(?:kata|ujar|tutur|ucap|menurut)\b",
    re.I,
)
# "Copyright © KBN 2024", "© 2023 Berita Cakrawala. Hak cipta dilindungi undang-undang."
_YEARS = r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?"
_COPYRIGHT_NAME = re.compile(
    rf"^(?:copyright|hak\s+cipta)?\s*(?:©|\(c\))?\s*(?:{_YEARS}\s*)?"
    r"(?P<name>[^\W\d_][\w&'’.\-]*(?: [^\W\d_][\w&'’.\-]*){0,4}?)"
    rf"\s*(?:{_YEARS})?\s*[.,]?\s*"
    r"(?:(?:all\s+rights\s+reserved|hak\s+cipta\s+dilindungi(?:\s+undang-undang)?)\.?)?$",
    re.I,
)
# WordPress feed footers: "Artikel <judul> pertama kali tayang di <Outlet>.",
# "The post <title> appeared first on <Outlet>."
_FIRST_PUBLISHED = re.compile(
    r"^(?:artikel|berita|tulisan|postingan|the post)\s+(?P<title>\S.{0,300}?)\s+"
    rf"(?:{alternation(_LEX.first_published)})\s+(?P<outlet>\S.{{0,80}}?)\s*\.?$",
    re.I,
)
_SCRIPT_START = re.compile(r"^(?://|<!--|<!\s*\[\s*CDATA)")
_SCRIPT = re.compile(
    r"\bfunction\s*\(|\bvar\s+\w+\s*=|\bwindow\.|\bdocument\.|"
    r"googletag|\bgtag\(|adsbygoogle",
    re.I,
)
_EMBED = re.compile(
    r"^\[gambas:[^\]]*\]$|^view this post on instagram$|^lihat postingan ini di instagram$|"
    r"^a post shared by\b|^postingan yang dibagikan oleh\b|^pic\.twitter\.com/\S+$|"
    r"^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}$",
    re.I,
)
_AD_CODE = re.compile(r"^\[(?:iklan|ads?|advertisement)(?:[_\-: ][\w\- ]*)?\]$", re.I)
_CREDIT_TAIL = re.compile(r"[\(\[]\s*(?P<credit>[^()\[\]]{1,80}?)\s*[\)\]]\s*$")
_SLASH_CREDIT = re.compile(r"^[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}/[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)*$")
# "… Gianyar. Foto/SINDOnews", "… Foto: Dok. detikcom": a credit without brackets
_PHOTO_TAIL = re.compile(
    r"(?:^|[.\s])(?i:foto|photo|dok)\s*[/:]\s*(?P<credit>[A-Z][\w.\-/&' ]{0,40})$"
)
_TAG_CODE_RE = re.compile(_TAG_CODE)
# "Posted in Internasional, Asia": a blog theme's category line
_POSTED_IN = re.compile(
    rf"^(?:{alternation(_LEX.posted_in)})\s+(?P<rest>[^\W\d_][^.!?]{{0,80}})$", re.I
)
_ILLUSTRATION = re.compile(r"^(?:Ilustrasi|ILUSTRASI)\b")


def _is_tag(code: str) -> bool:
    """An agency or desk code, not a word in brackets: "bbn", "N/014", "ANTARA", "*"."""
    if not _TAG_CODE_RE.fullmatch(code):
        return False
    if code.strip("*") == "" or any(c in code for c in "/.-") or any(c.isdigit() for c in code):
        return True
    if code.isupper():
        return True
    if code.islower():
        return len(code) <= 5
    return code.casefold() in _LEX.source_credits


def _outlet_name(text: str) -> str | None:
    """The outlet a token names: a known outlet or a domain such as "Kompas.com"."""
    known = _LEX.outlets.get(text.casefold())
    if known:
        return known
    if _DOMAIN.match(text) or _CAMEL_OUTLET.match(text):
        return text
    return None


def _is_share_widget(tokens: list[str]) -> bool:
    """Only share words and fillers, at least one share word: "Bagikan ke: Facebook | X"."""
    return all(t in _LEX.share_words or t in _LEX.share_fillers for t in tokens) and any(
        t in _LEX.share_words for t in tokens
    )


def _phrase_hit(line: str, words: list[str]) -> Hit | None:
    """Whole-line widget phrases: pagination, ads, comments, share, teaser markers, headers."""
    if line[-1] in ".!?" and not line.endswith("..."):
        return None
    if len(words) > _MAX_PHRASE_WORDS:
        # a share bar separates its buttons with "|": count its words, not its tokens
        tokens = _key(line).split()
        if len(tokens) <= _MAX_SHARE_WORDS and _is_share_widget(tokens):
            return Hit("share")
        return None
    key = _key(line)
    if not key:
        if _PAGE_NUMBERS.match(line):
            return Hit("pagination")
        if line.isdigit() and len(line) <= 3:  # a page link, or a list number: edges only
            return Hit("pagination", edge=True)
        return None
    reason = _LEX.lines.get(key)
    if reason in ("teaser",):
        return Hit(reason, block="teaser")
    if reason in ("read_also", "navigation"):
        return Hit(reason, block="list")
    if reason:
        return Hit(reason)
    if _is_share_widget(key.split()):
        return Hit("share")
    if _PAGE_NUMBERS.match(line):
        return Hit("pagination")
    return None


def _logo_hit(line: str, words: list[str]) -> Hit | None:
    """ "Logo Bloomberg Technoz", or an outlet name alone on a line."""
    m = _LOGO.match(line)
    if m:
        name = m["name"].strip()
        capital = name[0].isupper() or name[0].isdigit()
        if capital and len(name.split()) <= 6 and not _is_prose(name):
            return Hit("logo", value=name, outlet=name)
    if len(words) <= 4:
        outlet = _outlet_name(line)
        if outlet:
            return Hit("logo", value=outlet, outlet=outlet)
    return None


def _team_outlet(name: str) -> str | None:
    """The outlet after "Redaksi"/"Tim": "Pelita Pagi", "detikcom"; None for "Redaksi" alone."""
    name = name.strip(" .,-–—")
    if not name or _key(name) == "redaksi":
        return None
    return name if _is_outlet_like(name) else None


def _byline_segment(seg: str, *, alone: bool) -> Hit | None:
    """One "Label: names [date]" segment; None when the rest is not names or a date."""
    m = _BYLINE.match(seg)
    if not m:
        return None
    label = " ".join(m["label"].casefold().split())
    role = _LEX.byline[label]
    explicit = bool(m["sep"].strip())
    rest = m["rest"].strip()
    if not rest:
        if not alone or not (explicit or m["sep"] == "") or not seg[0].isupper():
            return None
        return Hit(role, block="names", edge=True)  # "Reporter" alone: names on the next line
    split = _split_date_tail(rest)
    names_part, date = (split[0], split[1]) if split else (rest, None)
    names_part = names_part.strip(" ,-–—|·•:")
    valid = _all_names(names_part) if names_part else False
    if not explicit:
        if label not in _LEX.bare_byline or not seg[0].isupper() or not valid:
            return None
        if len(seg.split()) > 10:
            return None
    elif names_part and not valid and (len(names_part.split()) > 8 or _is_prose(names_part)):
        return None
    names = split_names(names_part) if valid else ()
    dates = (date,) if date else ()
    value = ", ".join(names) or None
    team = _TEAM_OUTLET.match(names_part) if valid else None
    if team:  # "Oleh Redaksi Pelita Pagi": no author, but the outlet's name
        outlet = _team_outlet(team["outlet"])
        return Hit(role, value=names_part, dates=dates, outlet=outlet, edge=not explicit)
    # without ":" ("Penulis Budi Santoso") it could be a heading: trust it at the edges only
    edge = not explicit
    if role == "editor":
        return Hit("editor", value=value, editors=names, dates=dates, edge=edge)
    return Hit("byline", value=value, authors=names, dates=dates, edge=edge)


_PIPE = re.compile(r"\|")


def _byline_hit(line: str) -> Hit | None:
    """Bylines and editor lines, also combined: "Penulis: A | Editor: B"."""
    m = _ROLE_AFTER.match(line)
    if m and _all_names(m["names"]):  # "Dimas Pratama, Jurnalis-Rabu, 19 Juni 2024 |06:23 WIB"
        names = split_names(m["names"])
        date = find_date(m["rest"]) if m["rest"] else None
        role = "editor" if m["label"].casefold() == "editor" else "byline"
        return Hit(
            role,
            value=", ".join(names),
            authors=names if role == "byline" else (),
            editors=names if role == "editor" else (),
            dates=(date,) if date else (),
        )
    m = _NAME_OUTLET.match(line)
    if m and (_all_names(m["names"]) or _TEAM.match(m["names"])):  # "Nama - detikNews"
        names = () if _TEAM.match(m["names"]) else split_names(m["names"])
        return Hit(
            "byline", value=", ".join(names), authors=names, outlet=_outlet_name(m["outlet"])
        )
    m = _REPORT.match(line)
    if m and (m["outlet"][0].isupper() or "." in m["outlet"]):
        names_text = m["names"] or ""
        if names_text and not _all_names(names_text):
            return None
        names = split_names(names_text) if names_text else ()
        outlet = _outlet_name(m["outlet"])
        return Hit("byline", value=", ".join(names) or None, authors=names, outlet=outlet)
    if not _BYLINE.match(line):
        return None
    cuts = [0]
    cuts += [p.end() for p in _PIPE.finditer(line) if _BYLINE.match(line[p.end() :].lstrip())]
    segments = [
        line[a:b].strip(" |") for a, b in zip(cuts, [*cuts[1:], len(line) + 1], strict=True)
    ]
    hits = [_byline_segment(s, alone=len(segments) == 1) for s in segments if s]
    if not hits or any(h is None for h in hits):
        return None
    found = [h for h in hits if h is not None]
    if len(found) == 1:
        return found[0]
    authors = tuple(a for h in found for a in h.authors)
    editors = tuple(e for h in found for e in h.editors)
    value = "; ".join(f"{h.reason}: {h.value}" for h in found if h.value)
    return Hit(
        "byline" if authors or found[0].reason == "byline" else "editor",
        edge=all(h.edge for h in found),
        value=value or None,
        authors=authors,
        editors=editors,
        dates=tuple(d for h in found for d in h.dates),
    )


def _credit_hit(line: str) -> Hit | None:
    """ "--Dengan bantuan dari A dan B." -> credits (A, B)."""
    m = _CREDIT.match(line)
    if not m or not _all_names(m["rest"]):
        return None
    names = split_names(m["rest"])
    return Hit("credit", value=", ".join(names), credits=names)


def _label_hit(line: str) -> Hit | None:
    """ "Label: value" lines: "Baca juga: …", "Foto: …", "Tags: …", "Sumber: …", "Next Post: …"."""
    m = _LABEL.match(line)
    if not m:
        return None
    reason = _LEX.labels.get(_key(m["label"]))
    rest = m["rest"]
    if reason is None:
        return None
    if reason == "dateline":
        date = find_date(rest)
        return Hit("dateline", value=date, dates=(date,)) if date else None
    if reason == "source":
        if not rest or len(rest.split()) > 10 or (rest[0].islower() and _ends_sentence(rest)):
            return None  # "Sumber: pemerintah akan …" is a sentence, not a credit
        if line[0] in "([":  # "(Sumber: Bloomberg)" alone: the credit of an image above
            return Hit("caption", value=rest)
    if reason == "teaser":
        return Hit("teaser", value=rest or None, block="teaser")
    if reason in ("read_also", "navigation") and not rest:
        return Hit(reason, block="list")
    return Hit(reason, value=rest or None)


def _posted_in_hit(line: str) -> Hit | None:
    """ "Posted in Internasional, Asia Timur": categories, each one to three capitalised words."""
    m = _POSTED_IN.match(line)
    if not m:
        return None
    parts = [p.strip() for p in _NAME_SPLIT.split(m["rest"]) if p.strip()]
    if not parts or not all(1 <= len(p.split()) <= 3 and p[0].isupper() for p in parts):
        return None
    return Hit("navigation", value=m["rest"])


def _caption_hit(line: str, words: list[str], caption_max_words: int) -> Hit | None:
    """Captions: a photo credit at the end ("(Foto: …)", "Foto/…"), or an "Ilustrasi …" line."""
    if line[-1] in ")]":
        m = _CREDIT_TAIL.search(line)
        credit = m["credit"] if m else ""
        before = line[: m.start()].strip() if m else ""
        if m and before and not _is_tag(credit):
            low = credit.casefold()
            photo = any(
                low.startswith(p) and not low[len(p) : len(p) + 1].isalpha()
                for p in _LEX.photo_credits
            )
            if photo and len(words) <= 60:
                return Hit("caption", value=credit)
            # "(KOMPAS.com/RINA KARTIKA)", "(CNN Indonesia/Safir Makki)": outlet/photographer
            if _SLASH_CREDIT.match(credit) and len(before.split()) <= 35:
                return Hit("caption", value=credit)
            first = _key(credit).split()[:1]
            if (
                first
                and first[0] in _LEX.source_credits
                and not _is_prose(before)
                and len(before.split()) <= 2 * caption_max_words
            ):
                return Hit("caption", value=credit)
    m = _PHOTO_TAIL.search(line)
    if m and len(words) <= 40:
        return Hit("caption", value=m["credit"])
    if _ILLUSTRATION.match(line):
        rest = line[len("Ilustrasi") :]
        head, _, tail = line.rpartition(". ")
        if head and tail and not _is_prose(tail) and len(tail.split()) <= 4 and len(words) <= 25:
            return Hit("caption", value=tail)  # "Ilustrasi kemeja putih. Pinterest"
        if not rest or rest[0] in ":.|-–—":
            return Hit("caption")
        if not _is_prose(line) and len(words) <= _MAX_TITLE_WORDS:
            return Hit("caption")
    return None


def _is_outlet_like(name: str) -> bool:
    """A site name: a known outlet or domain, or one to five capitalised words."""
    if _outlet_name(name):
        return True
    words = name.split()
    return 1 <= len(words) <= 5 and all(w[0].isupper() and not w.isdigit() for w in words)


def _copyright_outlet(line: str) -> str | None:
    """The name in "Copyright © KBN 2024" or "© 2023 Berita Cakrawala. Hak cipta dilindungi."."""
    m = _COPYRIGHT_NAME.match(line)
    if not m:
        return None
    name = m["name"].rstrip(".")
    if _key(name).startswith(("all rights", "hak cipta")) or not _is_outlet_like(name):
        return None
    return name


def _copyright_hit(line: str, words: list[str]) -> Hit | None:
    """Rights notices and feed footers; the weaker shapes only outside the body (edge)."""
    if _COPYRIGHT.match(line) and len(words) <= 30:
        outlet = _copyright_outlet(line)
        return Hit("copyright", value=outlet, outlet=outlet)
    if len(words) > _MAX_NOTICE_WORDS:
        return None
    m = _FIRST_PUBLISHED.match(line)
    if m and (m["title"][0].isupper() or m["title"][0] in "\"“‘'") and " " in m["title"]:
        name = m["outlet"].rstrip(".")
        outlet = name if _is_outlet_like(name) else None
        return Hit("copyright", value=name, outlet=outlet, edge=True)
    if _SPEECH.search(line):
        return None
    if _HAK_CIPTA.match(line):
        outlet = _copyright_outlet(line)
        return Hit("copyright", value=outlet, outlet=outlet, edge=True)
    if (_PROTECTED.match(line) and len(words) <= 6) or _NO_REPRODUCTION.search(line):
        return Hit("copyright", edge=True)
    return None


def _date_line_hit(line: str) -> Hit | None:
    """A line that is a date, maybe after a label or an outlet: "Kompas.com - 19/06/2024, …"."""
    if len(line) > _MAX_DATE_LINE or line.endswith(":"):
        return None
    split = _split_date_tail(line)
    if split is None:
        return None
    head, date = split
    head = head.strip(" -–—|,:·•")
    if not head:  # a bare date may head a section of a timeline: only at the body's edges
        return Hit("dateline", value=date, dates=(date,), edge=True)
    if _LEX.labels.get(_key(head)) == "dateline":
        return Hit("dateline", value=date, dates=(date,))
    outlet = _outlet_name(head)
    if outlet:
        return Hit("dateline", value=head, dates=(date,), outlet=outlet)
    return None


_W = r"(?:[A-ZÀ-ÖØ-Þ][\w.'’&]*|[a-z]+[A-Z][\w.]*|[a-z][a-z0-9-]*\.(?:co\.id|com|id|net|co)\b)"
_UNIT = rf"{_W}(?: {_W}){{0,3}}"
_DATELINE = re.compile(
    rf"^(?P<head>(?P<u1>{_UNIT})"
    rf"(?:\s*,\s*(?P<u2>{_UNIT}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?))?"
    r"(?:\s*\((?P<paren>[A-Z][^()]{1,30})\))?)"
    r"(?P<sep>\s+-(?:\s?-)?|\s*--|\s*[–—])\s*(?=[\"“‘'A-ZÀ-Þ0-9]|$)"
)


_INITIALS = re.compile(r"^[A-Z]{2,6}$")
_PLACE_AFTER = re.compile(r"([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,2})\.\s+(?=[\"“A-Z])")


def _dateline_prefix(text: str) -> tuple[str, Hit] | None:
    """ "JAKARTA, KOMPAS.com - " at the start of the first paragraph: (prefix, hit)."""
    m = _DATELINE.match(text)
    if not m or len(m["head"]) > 60:
        return None
    u1, u2, paren = m["u1"], m["u2"], m["paren"]
    place: str | None
    outlet: str | None
    if paren:  # "New York (KBN) -": an agency's initials in brackets
        paren = paren.strip()
        place, outlet = u1, _outlet_name(paren) or (paren if _INITIALS.match(paren) else None)
    elif u2:
        if _outlet_name(u1) and not _outlet_name(u2):
            place, outlet = u2, _outlet_name(u1)
        else:
            place, outlet = u1, _outlet_name(u2)
    else:
        outlet = _outlet_name(u1)
        words = u1.split()
        if outlet:
            place = None
        elif u1.isupper() or len(words) == 1:
            place = u1
        else:
            return None  # "Kim Jong Un - …": a name, not a dateline
    end = m.end()
    if place is None:  # "KONTAN.CO.ID - JAKARTA. Harga …": the place follows the outlet
        after = _PLACE_AFTER.match(text, end)
        if after:
            place, end = after[1], after.end()
    dates = (u2,) if u2 and u2[0].isdigit() else ()  # "Jakarta, 19/6 (ANTARA) -"
    return text[:end], Hit("dateline", value=place or outlet, outlet=outlet, dates=dates)


_BULLET = re.compile(r"^[-•*·▪►]\s+")
_BREADCRUMB = re.compile(r"^(?:home|beranda|index|indeks)\s*[>»›/|]\s*\S", re.I)
_CRUMB_SEP = re.compile(r"\s[>»›]\s")


def _is_breadcrumb(line: str, words: list[str]) -> bool:
    """ "Home > Berita > Nasional", "Lintas Asia > Internasional > Asia Timur"."""
    if len(words) > 15 or _ends_sentence(line):
        return False
    if _BREADCRUMB.match(line):
        return True
    parts = _CRUMB_SEP.split(line)
    return len(parts) >= 3 and all(1 <= len(p.split()) <= 4 for p in parts)


def _crumb_outlet(line: str) -> str | None:
    """The site a breadcrumb starts from: "Lintas Asia > Internasional > …"; not "Beranda"."""
    parts = _CRUMB_SEP.split(line)
    first = parts[0].strip()
    if len(parts) < 2 or _key(first) in _LEX.crumb_roots:
        return None
    known = _outlet_name(first)
    if known:
        return known
    # one capitalised word is as likely a section ("Nasional") as a site
    return first if 2 <= len(first.split()) <= 4 and _is_outlet_like(first) else None


def classify_line(line: str, *, caption_max_words: int = 12) -> Hit | None:
    """Why a line, seen alone, is furniture; None when it may be body text.

    Context rules (headline, captions before the body, teaser blocks, the tag
    at the end of the last paragraph) are applied by :func:`clean_text`.
    """
    line = _BULLET.sub("", line.strip())
    if not line:
        return None
    words = line.split()
    if _SCRIPT_START.match(line) or (
        sum(line.count(c) for c in ";{}=") >= 3 and _SCRIPT.search(line)
    ):
        return Hit("script")
    if line[0] == "[" and _AD_CODE.match(line):
        return Hit("advertisement")
    if _EMBED.match(line):
        return Hit("embed")
    hit = _phrase_hit(line, words) or _logo_hit(line, words)
    if hit:
        return hit
    if _is_breadcrumb(line, words):
        return Hit("navigation", outlet=_crumb_outlet(line))
    m = _TAG_LINE.match(line)
    if m and _is_tag(m["code"]):
        return Hit("agency_tag", value=m["code"])
    hit = _byline_hit(line) or _credit_hit(line) or _label_hit(line) or _posted_in_hit(line)
    if hit:
        return hit
    m = _READ_ALSO_BARE.match(line)
    if m and (not _ends_sentence(line) or line.lstrip("[( ")[:4].isupper()):
        return Hit("read_also", value=m["rest"] or None, block=None if m["rest"] else "list")
    m = _SYNDICATION.match(line)
    if m and (not m["outlet"] or _outlet_name(m["outlet"].rstrip(".,")) or "judul" in line):
        outlet = m["outlet"].rstrip(".,") if m["outlet"] else None
        return Hit("source", value=outlet)
    if _PROMO_START.match(line) and _PROMO_WORDS.search(line) and len(words) <= 80:
        return Hit("promo")
    hit = _copyright_hit(line, words)
    if hit:
        return hit
    hit = _caption_hit(line, words, caption_max_words) or _date_line_hit(line)
    if hit:
        return hit
    d = _dateline_prefix(line)
    if d and len(d[0]) == len(line):  # "JAKARTA, KOMPAS.com -" alone on its line
        return d[1]
    return None


# --- outlet names -----------------------------------------------------------------

_SECTION_TAIL = re.compile(r"^(?P<site>.+?)\s+[\-|–—»›]\s+\S.*$")
_NAME_WORD = re.compile(r"[^\W\d_][\w&'’]*")
_MAX_NAME_WORDS = 5  # a spaced display form or an expanded abbreviation


def _name_runs(text: str) -> Iterator[list[str]]:
    """Runs of capitalised words on one line, split by anything but a space: name candidates."""
    run: list[str] = []
    end = 0
    for m in _NAME_WORD.finditer(text):
        word = m.group()
        if run and (not word[0].isupper() or text[end : m.start()].strip(" ")):
            yield run  # a lower-case word, punctuation or a line break ends the run
            run = []
        if word[0].isupper():
            run.append(word)
        end = m.end()
    if run:
        yield run


def _display_form(token: str, text: str) -> str | None:
    """ "harianselat" -> "Harian Selat", when the text spells it so (ignoring case and spaces)."""
    want = token.casefold()
    for run in _name_runs(text):
        for i in range(len(run)):
            got = ""
            for j in range(i, min(i + _MAX_NAME_WORDS, len(run))):
                got += run[j].casefold()
                if not want.startswith(got):
                    break
                if got == want and j > i:
                    return " ".join(run[i : j + 1])
    return None


def _expansion(initials: str, text: str) -> str | None:
    """ "KBN" -> "Kantor Berita Nusantara": the most frequent run of words with those initials."""
    n = len(initials)
    want = initials.casefold()
    seen: dict[str, int] = {}
    for run in _name_runs(text):
        for i in range(len(run) - n + 1):
            words = run[i : i + n]
            if "".join(w[0] for w in words).casefold() == want and not any(
                w.isupper() for w in words
            ):
                phrase = " ".join(words)
                seen[phrase] = seen.get(phrase, 0) + 1
    return max(seen, key=lambda p: seen[p]) if seen else None


def normalize_outlet(name: str, text: str = "") -> str:
    """An outlet's display name: no section, no domain suffix, spelled as ``text`` spells it.

    "Suara Khatulistiwa - Internasional" -> "Suara Khatulistiwa"; "WartaNusa.com" ->
    "WartaNusa"; "harianselat.com" -> "Harian Selat" and "KBN" -> "Kantor Berita
    Nusantara" when ``text`` (the article) writes them so. Known outlets keep their
    own spelling ("Kompas.com", "ANTARA").
    """
    name = " ".join(name.split())
    m = _SECTION_TAIL.match(name)
    if m and not _LEX.outlets.get(name.casefold()):
        name = m["site"]
    m = _DOMAIN_PARTS.match(name) if _DOMAIN.match(name) else None
    if m:
        host = name.casefold().removeprefix("www.")
        known = _LEX.outlets.get(host) or _LEX.outlets.get(m["stem"].casefold())
        name = known or m["stem"]
    else:
        name = _LEX.outlets.get(name.casefold(), name)
    bare = " " not in name and (name.islower() or name.isupper())  # "harianselat", "KBN"
    if text and bare and name.casefold() not in _LEX.outlets:
        shown = _display_form(name, text)
        if shown is None and _INITIALS.match(name):
            shown = _expansion(name, text)
        if shown:
            return shown
    return name


# --- the whole text ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What :func:`clean_text` found: the body and everything taken out of it."""

    text: str
    removed: tuple[Removal, ...] = ()
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    date_hints: tuple[str, ...] = ()


@dataclass(slots=True)
class _Line:
    """One input line on its way through the passes (internal, mutable)."""

    no: int
    text: str
    hit: Hit | None = None
    meta: bool = True  # False inside a teaser or link list: its dates are not ours


_INLINE = re.compile(
    r"\[(?:iklan|ads?|advertisement)(?:[_\-: ][\w\- ]{0,40})?\]"
    r"|\[gambas:[^\]]{0,80}\]"
    r"|[\[\(]\s*(?:baca|simak|lihat)(?:[ _]juga)?\s*:[^\]\)]{1,200}[\]\)]",
    re.I,
)


def _inline_reason(fragment: str) -> str:
    """The reason for an inline removal, from how it starts."""
    low = fragment.casefold()
    if low.startswith("[gambas"):
        return "embed"
    if low.startswith(("[iklan", "[ad")):
        return "advertisement"
    return "read_also"


def _is_list_item(line: str) -> bool:
    """A linked title under "Baca juga" or "Tags": title-like, or cut short with an ellipsis."""
    if line.endswith(("…", "...", "[…]")):
        return len(line.split()) <= 40
    if _is_title_like(line):
        return True
    return len(line.split()) <= 2 and not _is_prose(line)  # a tag: "ekonomi"


@dataclass(slots=True)
class _Block:
    """A widget opened by one line that the next lines may belong to (internal, mutable)."""

    kind: str  # "teaser": to the next marker; "list": links follow; "names": one line follows
    reason: str
    opener: _Line
    items: int = 0
    tight: bool | None = None  # the first link came without a blank line after the header


def _in_block(block: _Block, ln: _Line, hit: Hit | None, gap: bool) -> bool:
    """Mark ``ln`` as part of the open block; False when the block ends before it."""
    if block.kind == "teaser":
        if hit is not None and hit.reason in _BLOCK_ENDERS:
            return False
        ln.hit, ln.meta = Hit("teaser"), False
        return True
    if block.kind == "names":
        if block.items:
            return False
        if hit is None and _all_names(ln.text):
            names = split_names(ln.text)
            editor = block.reason == "editor"
            ln.hit = Hit(
                block.reason,
                value=", ".join(names),
                authors=() if editor else names,
                editors=names if editor else (),
                edge=True,
            )
            block.items = 1
            return True
        block.opener.hit = None  # "Penulis" alone was a heading, not a byline label
        return False
    if gap and block.tight:  # a tight list ends at the first blank line
        return False
    if hit is None and block.items < _MAX_LIST_ITEMS and _is_list_item(ln.text):
        block.tight = (not gap) if block.tight is None else block.tight
        block.items += 1
        ln.hit, ln.meta = Hit(block.reason, value=ln.text), False
        return True
    if hit is not None and hit.reason == "dateline":  # the date of a listed article
        ln.hit, ln.meta = Hit(block.reason, value=ln.text), False
        return True
    if hit is not None and hit.reason in _INSIDE_LISTS:
        ln.hit = hit  # an ad between the links does not end the list
        return True
    return False


def _first_pass(lines: list[_Line], caption_max_words: int) -> None:
    """Context-free hits, then the blocks they open: teasers, link lists, names on the next line."""
    block: _Block | None = None
    gap = False
    for ln in lines:
        if not ln.text:
            gap = True
            continue
        hit = classify_line(ln.text, caption_max_words=caption_max_words)
        if block is not None and _in_block(block, ln, hit, gap):
            gap = False
            continue
        block = None
        if hit is not None:
            ln.hit = hit
            block = _Block(hit.block, hit.reason, ln) if hit.block else None
        gap = False
    if block is not None and block.kind == "names" and not block.items:
        block.opener.hit = None


def _edge_pass(lines: list[_Line]) -> None:
    """Keep edge-only furniture (bare date lines) that sits between two body lines."""
    kept = [k for k, ln in enumerate(lines) if ln.text and ln.hit is None]
    if not kept:
        return
    first, last = kept[0], kept[-1]
    for k in range(first + 1, last):
        hit = lines[k].hit
        if hit is not None and hit.edge and lines[k].meta:
            lines[k].hit = None


# "Harian Selat - Internasional": a site and a section above the headline
_SITE_SECTION = re.compile(r"^[^\s\-|–—»›]+(?: [^\s\-|–—»›]+){0,2} [\-|–—»›] \S+(?: \S+){0,2}$")
_SITE_SEP = re.compile(r" [\-|–—»›] ")
_MAX_LOGO_WORDS = 4


def _outlet_key(name: str) -> str:
    """ "WARTANUSA.com", "Warta Nusa" and "wartanusa" are one site: letters and digits only."""
    m = _DOMAIN_PARTS.match(name)
    return _KEY_DROP_ALL.sub("", (m["stem"] if m else name).casefold())


_KEY_DROP_ALL = re.compile(r"[\W_]+")


def _is_masthead(lines: list[_Line], k: int, first: int, named: set[str]) -> bool:
    """A site name alone above the headline: named as the outlet elsewhere, or over a breadcrumb.

    "Pelita Pagi" above "Beranda » Internasional" is a logo; "Nasional" above
    "Beranda » Nasional" is that breadcrumb's section, and one word alone is as
    likely a section as a site, so it needs the outlet named elsewhere.
    """
    text = lines[k].text
    words = text.split()
    if not 1 <= len(words) <= _MAX_LOGO_WORDS or _is_prose(text) or text[-1] in ":?!":
        return False
    if not all(w[0].isupper() and not any(c.isdigit() for c in w) for w in words):
        return False
    if _outlet_key(text) in named:
        return True
    if k != first or len(words) < 2:
        return False
    nxt = next((ln for ln in lines[k + 1 :] if ln.text), None)
    if nxt is None or nxt.hit is None or nxt.hit.reason != "navigation":
        return False
    return _key(text) not in {_key(p) for p in _CRUMB_SEP.split(nxt.text)}


def _positional_pass(lines: list[_Line], caption_max_words: int, title: str | None) -> int | None:
    """Headline and captions: what sits before the first body paragraph. Returns its index."""
    open_ = [k for k, ln in enumerate(lines) if ln.text and ln.hit is None]
    body = None
    for pos, k in enumerate(open_):
        text = lines[k].text
        if _dateline_prefix(text) or (
            k + 1 < len(lines) and lines[k + 1].hit is None and _is_wrapped(text, lines[k + 1].text)
        ):
            body = pos  # "JAKARTA, KOMPAS.com - …" or a wrapped sentence opens the body
            break
        if _is_prose(text) or len(text.split()) > _MAX_TITLE_WORDS:
            if pos == 0 and _is_title_like(text):
                continue  # a headline ending in "?" or a quote
            body = pos
            break
    if body is None:
        return None
    if body == 0:
        return open_[0]
    before = open_[:body]
    indonesian = _looks_indonesian(lines[open_[body]].text)
    named = {_outlet_key(ln.hit.outlet) for ln in lines if ln.hit and ln.hit.outlet and ln.meta}
    opening = _dateline_prefix(lines[open_[body]].text)
    if opening and opening[1].outlet:
        named.add(_outlet_key(opening[1].outlet))
    first = next(k for k, ln in enumerate(lines) if ln.text)
    logos = {k for k in before if _is_masthead(lines, k, first, named)}
    head = None
    wanted = _key(title) if title else ""
    if wanted:
        for k in before:
            got = _key(lines[k].text)
            if got == wanted or (len(got) >= 12 and (got in wanted or wanted in got)):
                head = k
                break
    if head is None:
        for k in before:
            text = lines[k].text
            english = indonesian and _looks_english(text)
            if k in logos or english or _SITE_SECTION.match(text):
                continue
            if _is_title_like(text):
                head = k
                break
    for k in before:
        text = lines[k].text
        n = len(text.split())
        if k == head:
            lines[k].hit = Hit("headline")
        elif k in logos:
            lines[k].hit = Hit("logo", value=text, outlet=text)
        elif _SITE_SECTION.match(text):
            site = _SITE_SEP.split(text, maxsplit=1)[0]
            if head is not None and k < head and _is_outlet_like(site):  # "Harian Selat - …"
                lines[k].hit = Hit("logo", value=site, outlet=site)
            else:
                lines[k].hit = Hit("navigation")
        elif indonesian and _looks_english(text) and n <= _MAX_TITLE_WORDS:
            lines[k].hit = Hit("caption")
        elif n <= 2 and not _is_prose(text):
            lines[k].hit = Hit("navigation")
        elif n <= caption_max_words and not _is_prose(text):
            lines[k].hit = Hit("caption")
    return open_[body]


def _paragraphs(
    lines: list[_Line], first_body: int | None
) -> tuple[list[str], list[Removal], Hit | None]:
    """Kept lines as paragraphs, with inline removals, the dateline prefix and the final tag."""
    removals: list[Removal] = []
    dateline: Hit | None = None
    kept: list[tuple[int, str]] = []  # (index in lines, text)
    for k, ln in enumerate(lines):
        if not ln.text or ln.hit is not None:
            continue
        text = ln.text
        if "[" in text or "(" in text:
            text = _strip_inline(text, ln.no, removals)
        if text:
            kept.append((k, text))
    if kept:
        k, text = kept[0]
        if first_body is None or k == first_body:
            d = _dateline_prefix(text)
            rest = text[len(d[0]) :].strip() if d else ""
            if d and rest:
                dateline = d[1]
                removals.append(Removal(d[0].strip(), "dateline", lines[k].no, dateline.value))
                kept[0] = (k, rest)
        k, text = kept[-1]
        m = _TAG_TAIL.search(text)
        if m and _is_tag(m["code"]):
            removals.append(Removal(m.group().strip(), "agency_tag", lines[k].no, m["code"]))
            kept[-1] = (k, text[: m.start()].rstrip())
    paragraphs: list[str] = []
    prev_k = -2
    for k, text in kept:
        if paragraphs and k == prev_k + 1 and _is_wrapped(paragraphs[-1], text):
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
        prev_k = k
    return paragraphs, removals, dateline


def _strip_inline(text: str, no: int, removals: list[Removal]) -> str:
    """Take "[iklan_tengah]", "[Gambas:…]" and "(Baca juga: …)" out of a body line."""
    found = list(_INLINE.finditer(text))
    if not found:
        return text
    for m in found:
        removals.append(Removal(m.group(), _inline_reason(m.group()), no, None))
    return " ".join(_INLINE.sub(" ", text).split())


def _is_wrapped(prev: str, nxt: str) -> bool:
    """A hard-wrapped line: the previous stops mid-sentence, this one goes on in lower case."""
    return (
        len(prev) >= 40
        and not _is_prose(prev)
        and len(nxt) > 1
        and nxt[0].islower()
        and nxt[1].islower()
    )


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    """Each name or date once, in order of appearance."""
    return tuple(dict.fromkeys(i for i in items if i))


def clean_text(text: str, *, caption_max_words: int = 12, title: str | None = None) -> Cleaned:
    """Clean one scraped article; ``title`` (from metadata) helps find the headline line."""
    norm = normalize_text(text)
    lines = [_Line(no, line) for no, line in enumerate(norm.split("\n"), start=1)]
    _first_pass(lines, caption_max_words)
    first_body = _positional_pass(lines, caption_max_words, title)
    _edge_pass(lines)
    paragraphs, inline, dateline = _paragraphs(lines, first_body)

    removed = [Removal(ln.text, ln.hit.reason, ln.no, ln.hit.value) for ln in lines if ln.hit]
    removed = sorted(removed + inline, key=lambda r: r.line)
    hits = [ln.hit for ln in lines if ln.hit is not None and ln.meta]
    headline = next((ln.text for ln in lines if ln.hit and ln.hit.reason == "headline"), None)
    outlet = next((h.outlet for h in hits if h.reason == "logo" and h.outlet), None)
    if outlet is None:
        outlet = next((h.outlet for h in hits if h.outlet), None)
    if outlet is None and dateline is not None:
        outlet = dateline.outlet
    if outlet is not None:
        outlet = normalize_outlet(outlet, norm)
    dates = [d for h in hits for d in h.dates] + list(dateline.dates if dateline else ())
    return Cleaned(
        text="\n\n".join(paragraphs),
        removed=tuple(removed),
        title=headline,
        outlet=outlet,
        authors=_unique(a for h in hits for a in h.authors),
        editors=_unique(e for h in hits for e in h.editors),
        credits=_unique(c for h in hits for c in h.credits),
        date_hints=_unique(dates),
    )


# --- the stage -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _default_settings() -> Settings:
    """The shipped settings, read once: the stage runs per document."""
    return load_settings()


def _merge(old: tuple[Any, ...], new: Iterable[Any]) -> tuple[Any, ...]:
    """Old items first, new ones after, nothing twice: cleaning twice changes nothing."""
    return tuple(dict.fromkeys((*old, *new)))


def _iter_removed(old: tuple[Removal, ...], new: tuple[Removal, ...]) -> Iterator[Removal]:
    """The reader's removals, then ours not already logged: cleaning twice logs once."""
    seen = set(old)
    yield from old
    yield from (r for r in new if r not in seen)


@stage("clean")
def clean(doc: Document, *, settings: Settings | None = None) -> Document:
    """Remove page furniture from ``doc.raw`` into ``doc.text``, logging each removal.

    The outlet, title, authors, editors, credits and dates the furniture told
    are kept on the document; values already there (from the reader) win.
    """
    cfg = (settings or _default_settings()).clean
    source = doc.raw or doc.text
    result = clean_text(source, caption_max_words=cfg.caption_max_words, title=doc.title)
    outlet = normalize_outlet(doc.outlet, normalize_text(source)) if doc.outlet else None
    if source.strip() and not result.text:
        logger.warning("%s: nothing left after cleaning", doc.source)
    logger.debug("%s: %d removals", doc.source, len(result.removed))
    return dataclasses.replace(
        doc,
        text=result.text,
        removed=tuple(_iter_removed(doc.removed, result.removed)),
        outlet=outlet or result.outlet,
        title=doc.title or result.title,
        authors=_merge(doc.authors, result.authors),
        editors=_merge(doc.editors, result.editors),
        credits=_merge(doc.credits, result.credits),
        date_hints=_merge(doc.date_hints, result.date_hints),
    )
