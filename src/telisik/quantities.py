"""Stage "quantities": numbers with their scale, approximation and unit.

"hampir 5 juta peluru artileri" -> Quantity(value=5000000, approx=True,
unit="peluru artileri"). Pure regular expressions over ``doc.text`` with
lexicons in ``lang/id/numbers.toml``; linear in the text.

Conventions:

- Numbers use Indonesian formatting: "." groups thousands, "," is the decimal
  mark ("1.000,5" = 1000.5, "Rp 1,250 triliun" = 1.25e12). A lone "." followed
  by other than three digits is read as an English decimal ("1.5"); several
  "," groups are English thousands ("1,000,000").
- ``value`` is the number times its scale words ("5 juta" = 5000000); an int
  when whole. Ranges ("70-80 km") keep the lower end with ``approx`` true.
- ``approx`` is true after an approximator ("hampir", "sekitar", "lebih dari",
  "kurang dari", "hingga", "setidaknya" …), before "lebih" ("1.000 lebih"),
  with "-an" ("1.000-an") and for vague plurals. A vague plural takes the
  lower bound of the range it names: "puluhan" = 10, "belasan" = 11,
  "ratusan" = 100, "ribuan" = 1000; so "puluhan juta" = 10,000,000.
- ``unit`` is a canonical unit of measure when there is one (SI symbols "mm",
  "km", "kg", "%"; ISO 4217 codes "IDR", "USD"; English calendar words "day",
  "week", "month", "year"), else the counted thing as written, lower case, at
  most two words ("peluru artileri", "rudal balistik"; a second word that looks
  like a verb or is listed in ``not_modifiers`` is left out: "20 orang tewas"
  counts "orang"); None only for an approximate or scaled bare number
  ("lebih dari 1.000", "Indonesia 250 juta").
- Not quantities: dates and years (the time stage's spans, or found here when
  it has not run), numbers glued to names ("COVID-19", "Hwasong-18", "G20",
  "ke-2"), labels after a name ("Program 38 Utara", "Pasal 28", "SEA Games
  2017 berakhir"), clock times ("pukul 10.00", "14.30 WIB"), bare numbers with
  no unit, scale or approximator (list items, scores "21 - 16", ranks),
  number words without a counted thing ("dua" alone) and in fixed phrases
  ("salah satu", "empat mata", "satu-satunya").
- Durations are both: "selama enam hari" is a time (P6D) and a quantity
  (6 "day"); the stage leaves out only the numbers inside dates.

Speed: one case-sensitive, prefix-factored pattern finds the numbers (digits,
number words, vague plurals); the context around each is read with anchored
matches and word look-ups, never with searches over the whole text.
"""

from __future__ import annotations

import bisect
import dataclasses
import heapq
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import alternation, cased, load_toml, trie_alternation
from .model import Document, Quantity, TimeExpr
from .pipeline import stage
from .settings import Settings

logger = logging.getLogger(__name__)

__all__ = ["extract_quantities", "find_quantities", "number_value", "parse_number"]


# --- lexicon -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Grammar:
    """Compiled patterns and tables, built once from ``numbers.toml``."""

    words: dict[str, float]
    multipliers: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, int]
    units: dict[str, str]
    currency_after: dict[str, str]
    currency_before: dict[str, str]
    approximators: frozenset[str]
    bounds: frozenset[str]
    introducers: frozenset[str]
    classifiers: frozenset[str]
    stop: frozenset[str]
    not_modifiers: frozenset[str]
    identifiers: frozenset[str]
    idioms: frozenset[str]
    core: re.Pattern[str]
    glued_money: re.Pattern[str]
    approx_last: frozenset[str]
    bounds_last: frozenset[str]
    scale: re.Pattern[str]
    unit: re.Pattern[str]
    currency_word: re.Pattern[str]
    approx_after: re.Pattern[str]
    range_tail: re.Pattern[str]
    word: re.Pattern[str]
    rate: re.Pattern[str]
    times: re.Pattern[str]
    of_total: re.Pattern[str]


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    """Build the patterns from the lexicon (once per process)."""
    lex = load_toml("numbers")
    words = {k: float(v) for k, v in lex["words"].items()}
    multipliers = dict(lex["multipliers"])
    scales = dict(lex["scales"])
    vague = {k.replace("-", " "): v for k, v in lex["vague"].items()}
    units = dict(lex["units"])
    currency_after = dict(lex["currency_after"])
    # The one full-text pass: case-sensitive (cased variants), trie-factored,
    # behind a \b guard, because Python's re is several times faster so.
    core = re.compile(
        rf"\b(?:(?P<digits>\d+(?:[.,]\d+)*)"
        rf"|(?<!-)(?P<vague>{trie_alternation(cased(vague))})(?![\w-])"
        rf"|(?<!-)(?P<words>(?:{trie_alternation(cased(words))})"
        rf"(?:\s+(?:{trie_alternation(list(words) + list(multipliers))}))*)(?![\w-]))"
    )
    return _Grammar(
        words=words,
        multipliers=multipliers,
        scales=scales,
        vague=vague,
        units=units,
        currency_after=currency_after,
        currency_before=dict(lex["currency_before"]),
        approximators=frozenset(lex["approximators"]["before"]),
        bounds=frozenset(lex["approximators"]["bounds"]),
        introducers=frozenset(lex["introducers"]["words"]),
        classifiers=frozenset(lex["counted"]["classifiers"]),
        stop=frozenset(lex["counted"]["stop"]),
        not_modifiers=frozenset(lex["counted"]["not_modifiers"]),
        identifiers=frozenset(lex["identifiers"]["before"]),
        idioms=frozenset(lex["idioms"]["phrases"]),
        core=core,
        glued_money=re.compile(r"Rp\.?(?P<digits>\d+(?:[.,]\d+)*)"),  # "Rp1,5": no \b before 1
        approx_last=frozenset(p.split()[-1] for p in lex["approximators"]["before"]),
        bounds_last=frozenset(p.split()[-1] for p in lex["approximators"]["bounds"]),
        scale=re.compile(rf"\s*(?P<s>{alternation(scales)})(?![\w-])", re.IGNORECASE),
        unit=re.compile(
            rf"\s*(?P<u>{alternation(u for u in units if u[0].isalnum())})(?![\w/²-])|(?P<p>\s*%)",
            re.IGNORECASE,
        ),
        currency_word=re.compile(
            rf"\s*(?P<c>{alternation(currency_after)})(?![\w-])", re.IGNORECASE
        ),
        approx_after=re.compile(
            r"(?P<an>-an(?![\w-]))|\s+(?P<lebih>lebih)(?!\s+(?:dari|daripada|banyak|sedikit|"
            r"besar|kecil|tinggi|rendah|cepat|lama|jauh|mahal|murah|baik|buruk|kuat)\b)(?![\w-])",
            re.IGNORECASE,
        ),
        range_tail=re.compile(
            r"\s*(?:-|–|hingga|sampai|s\.d\.?)\s*(?P<n>\d+(?:[.,]\d+)*)(?![\w/])"
        ),
        word=re.compile(r"\s+(?P<w>[a-z][a-z]*(?:-[a-z]+)*)(?![\w-])"),
        rate=re.compile(
            rf"\s*(?:/|\s+per\s+)(?P<d>{alternation(lex['rates']['per'])})(?![\w-])", re.IGNORECASE
        ),
        times=re.compile(r"\s+kali(?![\w-])"),
        of_total=re.compile(r"\s+dari\s+(?:total\s+|sebanyak\s+|sejumlah\s+)?(?=\w)"),
    )


# --- numbers ---------------------------------------------------------------------


def parse_number(text: str) -> float:
    """A number written the Indonesian way ("1.000,5" -> 1000.5), tolerating English forms."""
    s = text.strip().replace(" ", "")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        group = "." if decimal == "," else ","
        s = s.replace(group, "").replace(decimal, ".")
    elif dots:
        _head, _, tail = s.rpartition(".")
        if dots > 1 or len(tail) == 3:
            s = s.replace(".", "")  # thousands: 1.000 / 1.000.000
    elif commas:
        s = s.replace(",", "") if commas > 1 else s.replace(",", ".")
    return float(s)


def _words_value(text: str) -> float | None:
    """Value of a sequence of Indonesian number words ("dua ratus lima puluh" -> 250)."""
    g = grammar()
    total = small = last = 0.0  # finished big units, finished part below them, pending digit
    seen = False
    for w in text.casefold().split():
        if w == "belas" and last:
            small, last = small + last + 10, 0.0
        elif w in g.multipliers and w != "belas" and last:
            small, last = small + last * g.multipliers[w], 0.0
        elif w == "setengah":
            last += 0.5
        elif w in g.words and g.words[w] >= 1000:  # "seribu", "sejuta" stand alone
            if small or last:
                return None
            total += g.words[w]
        elif w in g.words and g.words[w] >= 10:  # "sepuluh", "sebelas", "seratus"
            if last:
                return None
            small += g.words[w]
        elif w in g.words and not last:
            last = g.words[w]
        else:
            return None  # "dua tiga", "belas" alone: not one number
        seen = True
    return total + small + last if seen else None


def number_value(text: str) -> float | None:
    """Digits ("1.000,5") or number words ("dua puluh") to a number; None if neither."""
    t = text.strip()
    if not t:
        return None
    if t[0].isdigit():
        try:
            return parse_number(t)
        except ValueError:
            return None
    return _words_value(t)


def _plain(value: float) -> float:
    """12 significant digits (262,9 juta is 262900000, not …99.99997); whole numbers as int."""
    value = float(f"{value:.12g}")
    return int(value) if value.is_integer() and abs(value) < 1e18 else value


# --- finding ---------------------------------------------------------------------

_SENT_START = re.compile(r"(?:^|[.!?:;\"“”(\n])\s*$")
_TZ_AFTER = re.compile(r"\s*(?:WIB|WITA|WIT|GMT|UTC)\b")
_GLUED_AFTER = re.compile(r"[^\W\d_]|[/:]\d|[.,]\d|-\d|-(?!an\b)[^\W\d_]|°")


def _is_sentence_initial(text: str, pos: int) -> bool:
    """True when only punctuation or a line break precedes ``pos`` in its sentence."""
    return bool(_SENT_START.search(text, max(0, pos - 4), pos))


def _word_start(text: str, end: int, longest: int = 40) -> int:
    """Start of the blank-separated token that ends at ``end`` (looking back ``longest`` at most:
    unbounded look-backs make blank-free input quadratic)."""
    lo = max(0, end - longest)
    cut = max(text.rfind(" ", lo, end), text.rfind("\n", lo, end), text.rfind("\t", lo, end))
    return cut + 1 if cut >= 0 else lo


def _skip_blanks_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos


def _phrase_before(
    text: str,
    pos: int,
    phrases: frozenset[str],
    max_words: int = 3,
    last: frozenset[str] = frozenset(),
) -> int | None:
    """Start of the longest phrase in ``phrases`` that ends just before ``pos``.

    ``last`` (the phrases' last words), when given, rules most numbers out at one lookup.
    """
    end = _skip_blanks_back(text, pos)
    if last and text[_word_start(text, end) : end].casefold() not in last:
        return None
    best = None
    words: list[str] = []
    k = end
    for _ in range(max_words):
        s = _word_start(text, k)
        if s >= k:
            break
        words.insert(0, text[s:k].casefold())
        if " ".join(words) in phrases:
            best = s
        k = _skip_blanks_back(text, s)
    return best


def _spans_index(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    pairs = sorted(spans)
    return [s for s, _ in pairs], [e for _, e in pairs]


def _inside(index: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps one of the indexed (non-overlapping) spans."""
    starts, ends = index
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and ends[i] > start:
        return True
    return i + 1 < len(starts) and starts[i + 1] < end


_VERBAL = re.compile(r"^(?:me[mnlrwy]|meng|meny|ber|di[a-z]{3}|ter|ke[a-z]+an$)|(?:kan|nya)$")


def _counted(text: str, pos: int, g: _Grammar) -> tuple[str | None, int]:
    """The counted thing after a number: up to two lower-case words, and where it ends."""
    m = g.word.match(text, pos)
    if not m or m.group("w") in g.stop or m.group("w") in g.words:
        return None, pos
    first, end = m.group("w"), m.end()
    if first in g.classifiers:
        nxt = g.word.match(text, end)
        if nxt and nxt.group("w") not in g.stop:
            first, end = nxt.group("w"), nxt.end()
    nxt = g.word.match(text, end)
    if nxt:
        w = nxt.group("w")
        # A rough verb test: "dua rudal menyerang" stops before the verb.
        if (
            w not in g.stop
            and w not in g.words
            and len(w) > 2
            and not _VERBAL.search(w)
            and w not in g.not_modifiers
        ):
            return f"{first} {w}", nxt.end()
    return first, end


def find_quantities(
    text: str, *, exclude: Sequence[tuple[int, int]] | None = None
) -> list[Quantity]:
    """Quantities in ``text``; numbers inside the ``exclude`` spans (dates) are not quantities.

    When ``exclude`` is None the time stage's finder supplies the date spans.
    """
    if exclude is None:
        from .time import date_spans  # imported here: time imports this module

        exclude = date_spans(text)
    g = grammar()
    index = _spans_index(exclude)
    out: list[Quantity] = []
    last_end = 0
    hits = g.core.finditer(text)
    if "Rp" in text:
        money = (
            h for h in g.glued_money.finditer(text) if not text[h.start() - 1 : h.start()].isalpha()
        )
        hits = heapq.merge(hits, money, key=lambda h: h.start(_kind(h)))
    for m in hits:
        kind = _kind(m)
        start, end = m.span(kind)
        if start < last_end or (exclude and _inside(index, start, end)):
            continue
        q = _quantity(text, start, end, kind, g, last_end)
        if q is not None and not (exclude and _inside(index, q.start, q.end)):
            out.append(q)
            last_end = q.end
    return out


def _kind(m: re.Match[str]) -> str:
    """Which group of the number patterns matched: "digits", "vague" or "words"."""
    return m.lastgroup or "digits"


def _quantity(
    text: str, start: int, end: int, kind: str, g: _Grammar, floor: int = 0
) -> Quantity | None:
    """One quantity around the number at text[start:end], or None when it is not one.

    Words before ``floor`` belong to the previous quantity and are not looked at.
    """
    digits = text[start:end] if kind == "digits" else None
    currency: str | None = None
    approx = False
    if digits:
        if start and not text[start - 1].isspace() and text[start - 1] not in "(“\"'‘[":
            glued = text[_word_start(text, start) : start]
            currency = g.currency_before.get(glued.casefold())
            if currency is None:
                return None  # "COVID-19", "G20", "19/06", "ke-2"
            start -= len(glued)
        if (
            _GLUED_AFTER.match(text, end)
            and not _unit_right_here(text, end, g)
            and not g.range_tail.match(text, end)
        ):
            return None  # "5G", "Hwasong-18" style codes, "19/6", "10.30" clock parts
        if _TZ_AFTER.match(text, end):
            return None
        try:
            value = parse_number(digits)
        except ValueError:
            return None
    elif kind == "vague":
        if text[start].isupper() and not _is_sentence_initial(text, start):
            return None
        value, approx = float(g.vague[" ".join(text[start:end].casefold().split())]), True
    else:
        words = text[start:end]
        if words[0].isupper() and not _is_sentence_initial(text, start):
            return None  # "Lima" the city, "Dua" in a name
        parsed = _words_value(words)
        if parsed is None or _idiom(text, start, end, g):
            return None
        value = parsed

    prev_start = _word_start(text, _skip_blanks_back(text, start))
    prev = text[prev_start : _skip_blanks_back(text, start)]
    if prev.casefold() in g.identifiers:
        return None  # "Pasal 28", "pukul 10.00", "salah satu", "ke 3"
    if prev_start < floor:
        prev = ""
    if currency is None and (cur := g.currency_before.get(prev.casefold())):
        currency, start, prev = cur, prev_start, ""

    if digits and (r := g.range_tail.match(text, end)):  # "70-80 km": the low end, approximate
        try:
            high = parse_number(r.group("n"))
        except ValueError:
            high = -1.0
        if high > value:
            end, approx = r.end(), True
    scaled = False
    while sc := g.scale.match(text, end):  # "5 juta", "ratusan ribu", "Rp 1,5 triliun"
        value *= g.scales[sc.group("s").casefold()]
        end, scaled = sc.end(), True
    if currency and (big := _MONEY_SCALE.match(text, end)):  # "Rp 1,5 M"
        value *= _MONEY_SCALES[big.group("s")]
        end, scaled = big.end(), True
    ranged, worded = approx, kind == "vague"
    if a := g.approx_after.match(text, end):  # "1.000 lebih", "1.000-an"
        approx, end, worded = True, a.end(), True

    bound = _phrase_before(text, start, g.bounds, 2, g.bounds_last)
    if bound is not None and bound >= floor:  # "hingga 350 km": the limit, exact
        start, worded = bound, True
    ap = _phrase_before(text, start, g.approximators, 3, g.approx_last)
    if ap is not None and ap >= floor:
        approx, start, worded = True, ap, True
    elif (
        (intro := _phrase_before(text, start, g.introducers, 1)) is not None
        and (ap := _phrase_before(text, intro, g.approximators, 3, g.approx_last)) is not None
        and ap >= floor
    ):
        approx, start, worded = True, ap, True  # "hampir mencapai 5 juta"

    unit: str | None = currency
    measured = currency is not None
    if unit is None:
        unit, end, measured = _unit(text, end, g)
    elif cw := g.currency_word.match(text, end):  # "Rp 5 triliun rupiah"
        end = cw.end()
    if unit is None and not scaled and (of := g.of_total.match(text, end)):
        unit = _of_total(text, of.end(), g)  # "13 dari 15 anggota": 13 members too
    if not (unit or scaled or worded):
        return None  # a bare number: list items, scores, ranks ("4.", "21 - 16")
    if (
        digits
        and not (measured or scaled or worded)
        and prev[:1].isupper()
        and not _is_sentence_initial(text, prev_start)
    ):
        return None  # a label after a name: "Program 38 Utara", "SEA Games 2017 berakhir"
    if digits and unit is None and _year_like(digits) and not ranged and not worded:
        return None
    return Quantity(
        text=text[start:end], start=start, end=end, value=_plain(value), approx=approx, unit=unit
    )


_MONEY_SCALE = re.compile(r"\s*(?P<s>M|T|Jt|jt|rb)(?![\w-])")
_MONEY_SCALES = {"M": 1e9, "T": 1e12, "Jt": 1e6, "jt": 1e6, "rb": 1e3}


def _idiom(text: str, start: int, end: int, g: _Grammar) -> bool:
    """True for number words in fixed phrases ("empat mata", "satu-satunya", "dua-duanya")."""
    if text[end : end + 1] == "-":
        return True
    nxt = g.word.match(text, end)
    return nxt is not None and f"{text[start:end].casefold()} {nxt.group('w')}" in g.idioms


def _unit_right_here(text: str, pos: int, g: _Grammar) -> bool:
    """True when letters right after the digits are a unit ("10km", "5%")."""
    u = g.unit.match(text, pos)
    return bool(u and u.start() == pos)


def _year_like(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2099


def _unit(text: str, pos: int, g: _Grammar) -> tuple[str | None, int, bool]:
    """Unit of measure or currency (measured: True), or counted thing, after a number."""
    if cw := g.currency_word.match(text, pos):
        return g.currency_after[" ".join(cw.group("c").casefold().split())], cw.end(), True
    if u := g.unit.match(text, pos):
        if u.group("p"):
            return _rate(text, "%", u.end(), g)
        surface = u.group("u")
        key = " ".join(surface.casefold().split())
        if (key == "m" and surface != "m") or (key == "minggu" and surface[0].isupper()):
            return None, pos, False  # "M" is miliar in money; "Minggu" is Sunday
        return _rate(text, g.units[key], u.end(), g)
    if k := g.times.match(text, pos):  # "10 kali kecepatan suara": a multiple of a thing
        thing, end = _counted(text, k.end(), g)
        if thing is None or thing.split()[0] in g.not_modifiers:
            return "kali", k.end(), False  # "dua kali kalah": how many times
        return f"kali {thing}", end, False
    thing, end = _counted(text, pos, g)
    return thing, end, False


def _rate(text: str, unit: str, pos: int, g: _Grammar) -> tuple[str, int, bool]:
    """A unit of measure, made a rate by "per jam" or "/tahun" after it ("km/h", "%/year")."""
    if "/" not in unit and (r := g.rate.match(text, pos)):
        return f"{unit}/{g.units[r.group('d').casefold()]}", r.end(), True
    return unit, pos, True


def _of_total(text: str, pos: int, g: _Grammar) -> str | None:
    """The counted thing of M in "N dari M <thing>" (N counts the same thing), else None.

    Only counted things: "13 dari 15 anggota" gives "anggota"; a measure does not carry over.
    """
    m = g.core.match(text, pos)
    if m is None or _kind(m) == "vague":
        return None
    thing, _end, measured = _unit(text, m.end(_kind(m)), g)
    return None if measured else thing


# --- stage -----------------------------------------------------------------------


@stage("quantities")
def extract_quantities(doc: Document, *, settings: Settings | None = None) -> Document:
    """Fill ``doc.quantities``; numbers inside the time stage's dates are not quantities."""
    exclude = [(t.start, t.end) for t in doc.times if not _is_duration(t)] if doc.times else None
    found = find_quantities(doc.text, exclude=exclude)
    return dataclasses.replace(doc, quantities=tuple(found))


_PERIOD_UNIT = re.compile(
    r"(?<![\w-])(?:hari|pekan|minggu|bulan|tahun|dekade|dasawarsa)(?![\w-])", re.I
)


def _is_duration(t: TimeExpr) -> bool:
    """Durations ("selama enam hari": P6D, or None when vague) count as quantities too,
    and so do periods counted from the article's date ("15 tahun terakhir": 15 years)."""
    if t.relative:
        return t.end_value is not None and bool(_PERIOD_UNIT.search(t.text))
    return t.value is None or t.value.startswith("P")
