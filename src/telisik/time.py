"""Stage "time": temporal expressions normalised against the article's own date.

Finds Indonesian (and byline English) date expressions in ``doc.text`` with
precompiled regular expressions (lexicon: ``lang/id/time.toml``), works out the
article's publication date when metadata did not give it, and resolves
relative expressions against it. No date library is needed.

Values (``TimeExpr.value``, ISO 8601):

- day "2024-06-19", month "2000-07", year "1961"; a decade is its first year
  with precision "decade" ("tahun 1970-an" -> "1970").
- Ranges set ``end_value``: "1950-1953" -> "1950".."1953"; "18-19 Juni 2024";
  "pekan lalu" -> Monday..Sunday of the previous ISO week (precision day);
  "24 tahun terakhir" -> anchor year - 24 .. anchor year; "dalam satu minggu
  mendatang" -> anchor .. anchor + 7 days.
- Durations do not need the article's date: their value is an ISO 8601
  duration ("selama enam hari" -> "P6D", "sekitar sepekan" -> "P1W", "hampir
  dua bulan" -> "P2M") with the unit's precision (weeks: "day") and
  ``relative`` false; a vague count ("selama beberapa bulan") keeps value None.
  Only a cued count is a duration: a bare "70 tahun" is a quantity, not a time.
- Relative expressions (weekdays, bare months, day-month without a year,
  "kemarin", "tahun ini", "dua tahun lalu" …) have ``relative`` true. Without
  an anchor, or with an anchor coarser than they need (a month-precision date
  cannot place "kemarin"), their value stays None and their precision says
  what they name; nothing is guessed.

Direction: weekdays, bare months and day-months without a year take the
nearest date on the side the clause's tense points to. A future cue before the
expression in its clause ("akan", "dijadwalkan", "berencana", "jika" …; the
nearest cue wins) or a tail ("depan", "mendatang", "besok") looks forwards,
today included; anything else looks backwards, today included: past cues
("telah", "lalu", "kemarin") and also plain narration, because Indonesian has
no tense marker and news reports the past. A date closing a clause (", Kamis
(26/1)") takes the tense of the clause before it. A weekday's date in
parentheses decides its year by itself when only one year near the anchor
fits. On IndoSum articles dated by their URL, a weekday read alone with these
rules lands on the date the article itself gives in 98 % of cases
(``bench/bench_time.py --quality``); "nearest date either way" would send
"Sabtu" in a Wednesday article to the coming Saturday, which the corpus says
is almost always wrong.

What is not a date: numbers glued to words ("COVID-19", "Hwasong-18", "G20"),
"240 milimeter", "1.000", "70 tahun" (a quantity), "Program 38 Utara", a bare
four-digit number unless a cue makes it a year ("pada 2020", "tahun 1961",
"sejak 2019", "KTT DMZ Korea 2019 yang …", a range "1950-1953") and never
before a counted noun ("2000 orang"); bare years run 1900–2099, with "tahun"
any year 1000–2999. "Mei" and the other month names count bare only after a
cue ("pada", "bulan", "sejak", "akhir" …) and not inside names ("Liu Mei",
"Mei Ling"); month abbreviations and English month names need a day or year.
"Minggu" is Sunday when it names a day ("pada Minggu", "hari Minggu", "Minggu
(12/9)", "Minggu malam", a capitalised "Minggu" mid-sentence) and "week" when
counted or lower case ("satu minggu", "minggu lalu", "dua Minggu").

Clock times and zones ("14:30 WIB", WITA +08:00, WIT +09:00) are parsed and
kept in the span; ``TimeExpr`` has no time field, so the value stays the date
(:func:`parse_datetime` returns the aware datetime, e.g. for bylines).

Publication date (:func:`infer_published`): metadata (``doc.published``) first,
then ``doc.date_hints`` (bylines, datelines: basis "explicit"), then the text
(basis "inferred"). Only ``doc.text`` and the hints count, so the date of an
unrelated teaser the cleaner removed never does. From the text: the latest
explicit full date the article reports in past or present narration,
preferring dates written with their weekday (the Indonesian convention for
the news of the day) and ignoring plain dates marked as history ("lahir",
"sejak" …) or older than a year the text names; dates whose weekday
contradicts them are logged (warning) and not used; future-tense dates never
count (they only bound the date from above: "akan … pada Rabu (19/06/2024)
malam" with Tuesday's events told in the past gives Tuesday, the lower bound,
which on IndoSum is the publication day or the day before in 91 % of the
articles where a day is inferred). Else a day-month without a year
("Senin (27/3)") whose weekday fits exactly one year next to the latest year
the text names; else the latest month-year not marked as history, when no
later year is named (precision "month": weak, on IndoSum it hit the right month
in none of 10 articles, usually one to three months early); else unknown.

Speed: one case-sensitive, prefix-factored trigger pattern finds the cores
(numbers and calendar words); each core is matched in place and its optional
prefixes ("Rabu, ", "awal tahun ", "dalam waktu kurang dari ") are searched
backwards over a few characters. Python's ``re`` is several times slower with
case-insensitive alternations scanned over the whole text.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import email.utils
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Literal

from .lexicon import alternation, cased, load_toml, trie_alternation
from .model import Document, Precision, PublishedDate, TimeExpr
from .pipeline import stage
from .quantities import number_value
from .settings import Settings

logger = logging.getLogger(__name__)

__all__ = [
    "date_spans",
    "find_times",
    "infer_published",
    "parse_date_hint",
    "parse_datetime",
    "reanchor",
    "resolve_times",
]

AnchorPrecision = Literal["day", "month", "year"]
_RANK = {"day": 0, "month": 1, "year": 2}
_UNIT_PRECISION: dict[str, Precision] = {
    "day": "day",
    "week": "day",
    "month": "month",
    "year": "year",
    "decade": "year",
    "hour": "day",
    "minute": "day",
}


@dataclass(slots=True)
class _Raw:
    """One expression as found, before it is resolved against an anchor."""

    start: int
    end: int
    kind: str  # date month year decade weekday reld relu dur
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year2: int | None = None
    month2: int | None = None
    day2: int | None = None
    weekday: int | None = None
    unit: str | None = None
    count: float | None = None
    mode: str | None = None  # past | next | this | ago | recent | ahead | later | yshift
    offset: int = 0
    tense: int = 0  # +1 future, -1 past cue, 0 none
    historical: bool = False
    conflict: bool = False
    clock: tuple[int, int, str | None] | None = None


# --- grammar ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Grammar:
    """Lexicon tables and compiled patterns (see :func:`grammar`)."""

    months: dict[str, int]
    month_full: frozenset[str]
    weekdays: dict[str, int]
    weekdays_id: frozenset[str]
    timezones: dict[str, str]
    relative_days: dict[str, int]
    units: dict[str, str]
    units_se: dict[str, str]
    direction: dict[str, str]
    month_cues: frozenset[str]
    year_cues: frozenset[str]
    year_not_before: frozenset[str]
    year_followers: frozenset[str]
    year_occasions: frozenset[str]
    number_words: frozenset[str]
    count_words: frozenset[str]
    historical: re.Pattern[str]
    cue: re.Pattern[str]
    trigger: re.Pattern[str]
    # cores, matched at a trigger
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    dmy: re.Pattern[str]
    mdy: re.Pattern[str]
    month_year: re.Pattern[str]
    bare_month: re.Pattern[str]
    year: re.Pattern[str]
    decade: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_day: re.Pattern[str]
    relative_unit: re.Pattern[str]
    unit: re.Pattern[str]
    # optional prefixes, searched backwards from a core (they end at the core)
    weekday_before: re.Pattern[str]
    tanggal_before: re.Pattern[str]
    bulan_before: re.Pattern[str]
    tahun_before: re.Pattern[str]
    decade_before: re.Pattern[str]
    hari_before: re.Pattern[str]
    count_before: re.Pattern[str]
    duration_before: re.Pattern[str]


_SPACE = re.compile(r"\s+")


def _key(s: str) -> str:
    """Lexicon key of a matched surface form: lower case, single spaces, no final dot."""
    return _SPACE.sub(" ", s.casefold().rstrip("."))


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    """Compile every pattern from the lexicons (once per process)."""
    lex = load_toml("time")
    nums = load_toml("numbers")
    months = {**lex["months"], **lex["months_dated"]}
    weekdays = {**lex["weekdays"], **lex["weekdays_dated"]}
    direction = {w: kind for kind, words in lex["direction"].items() for w in words}
    tz = alternation(k for k in lex["timezones"] if k != "z")
    mon_all = alternation(months)
    wd_all = alternation(weekdays)
    pod = alternation(lex["parts_of_day"]["words"])
    mods = alternation(lex["cues"]["modifiers"])
    numw = alternation(nums["words"])
    numw2 = alternation(list(nums["words"]) + list(nums["multipliers"]))
    count = rf"(?<![\w-])(?:\d{{1,3}}(?:,\d+)?|beberapa|(?:{numw})(?:\s+(?:{numw2}))*)"
    clock = (
        rf"(?:\s*[,|]?\s*(?:-\s*)?(?:(?:pukul|pkl\.?|jam)\s*)?(?P<hh>2[0-3]|[01]?\d)[:.](?P<mi>[0-5]\d)"
        rf"(?!\d)(?:[:.][0-5]\d(?!\d))?(?:\s*(?P<tz>{tz}|[+-]\d{{2}}:?\d{{2}})(?![\w]))?)?"
    )
    mon_dot = r"(?:\.(?=\s*,?\s*\d))?"
    tail = r"(?:\s+(?P<tail>yang\s+lalu|lalu|kemarin|mendatang|depan|nanti|besok|esok)(?![\w-]))?"
    end_num = r"(?!\d|[.,]\d)"
    keywords = (
        list(months)
        + list(lex["weekdays"])
        + list(lex["relative_days"])
        + list(lex["units"])
        + list(lex["units_se"])
    )

    def ci(p: str) -> re.Pattern[str]:
        return re.compile(p, re.IGNORECASE)

    fut = alternation(lex["tense"]["future"])
    past = alternation(lex["tense"]["past"])
    return _Grammar(
        months=months,
        month_full=frozenset(lex["months"]),
        weekdays=weekdays,
        weekdays_id=frozenset(lex["weekdays"]),
        timezones=dict(lex["timezones"]),
        relative_days=dict(lex["relative_days"]),
        units=dict(lex["units"]),
        units_se=dict(lex["units_se"]),
        direction=direction,
        month_cues=frozenset(lex["cues"]["month"]),
        year_cues=frozenset(lex["cues"]["year"]),
        year_not_before=frozenset(
            lex["cues"]["year_not_before"]
            + list(nums["units"])
            + list(nums["scales"])
            + list(nums["currency_after"])
        ),
        year_followers=frozenset(lex["cues"]["year_followers"]),
        year_occasions=frozenset(lex["cues"]["year_occasions"]),
        number_words=frozenset([*list(nums["words"]), "beberapa", "per"]),
        count_words=frozenset([*nums["words"], *nums["multipliers"], "beberapa"]),
        historical=ci(rf"(?<![\w-])(?:{alternation(lex['tense']['historical'])})(?![\w-])"),
        cue=ci(rf"(?<![\w-])(?:(?P<f>{fut})|(?P<p>{past}))(?![\w-])(?!\s+tetapi)"),
        # Case-sensitive on purpose: Python's re is several times faster so.
        trigger=re.compile(
            rf"\b(?:(?P<num>\d+(?:[/.,:-]\d+)*)"
            rf"|(?<![-'’])(?P<w>{trie_alternation(cased(keywords))})(?![\w'’]))"
        ),
        iso=ci(
            rf"(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})"
            rf"(?:[T ](?P<hh>\d{{2}}):(?P<mi>\d{{2}})(?::\d{{2}}(?:\.\d+)?)?"
            rf"\s*(?P<tz>Z|[+-]\d{{2}}:?\d{{2}}|{tz})?)?(?![\w-]|[.,]\d)"
        ),
        numeric=ci(
            rf"(?P<open>\(\s*)?(?P<d>\d{{1,2}})(?P<sep>\s*[/.-]\s*)(?P<m>\d{{1,2}})"
            rf"(?:(?P<sep2>\s*[/.-]\s*)(?P<y>\d{{4}}|\d{{2}}))?(?(open)\s*\))(?![\w/]|[.,:-]\d)"
            rf"{clock}(?:\s+(?P<pod>{pod}))?{tail}"
        ),
        dmy=ci(
            rf"(?P<d>\d{{1,2}})(?:\s*(?:-|–|—|s\.d\.?|s/d|hingga|sampai|dan)\s*(?P<d2>\d{{1,2}}))?"
            rf"(?:\s+|-)(?P<mon>{mon_all})(?![^\W\d_]){mon_dot}(?:(?:\s*,?\s*|-)(?P<y>\d{{4}}){end_num})?"
            rf"{clock}(?:\s+(?P<pod>{pod}))?{tail}"
        ),
        mdy=ci(
            rf"(?P<mon>{mon_all})(?![^\W\d_])(?:\.(?=\s))?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?![\d]|[.,]\d)\s*,?\s*(?P<y>\d{{4}}){end_num}{clock}"
        ),
        month_year=ci(
            rf"(?P<mon>{mon_all})(?![^\W\d_])(?:\.(?=\s))?(?:\s*(?:-|–|—|hingga|sampai|s\.d\.?|dan)\s*"
            rf"(?P<mon2>{mon_all})(?![^\W\d_])(?:\.(?=\s))?)?\s*,?\s*(?:(?:tahun|thn\.?)\s+)?"
            rf"(?P<y>\d{{4}})(?!\d|[.,]\d|\s*-?\s*an\b)"
        ),
        bare_month=ci(
            rf"(?P<mon>{alternation(lex['months'])})(?![^\W\d_])(?:\s+(?P<tail>tahun\s+"
            rf"(?:ini|lalu|depan|kemarin|mendatang)|yang\s+lalu|lalu|silam|kemarin|mendatang|depan"
            rf"|nanti|ini)(?![\w-]))?"
        ),
        year=ci(
            r"(?P<y>\d{4})(?:\s*(?:-|–|—|/|hingga|sampai|s\.d\.?|s/d)\s*(?P<y2>\d{4}|\d{2}))?"
            r"(?![\w]|[.,]\d|-\w|/\d|\s*-?\s*an(?![\w-]))"
            r"(?:\s+(?P<tail>yang\s+lalu|lalu|silam|mendatang|nanti)(?![\w-]))?"
        ),
        decade=ci(r"(?P<y>\d{4}|\d{2})\s*-?\s*an(?![\w-])"),
        weekday=ci(
            rf"(?P<wd>{alternation(lex['weekdays'])})(?![\w'’-]){clock}(?:\s+(?P<pod>{pod}))?"
            rf"(?:\s+(?P<wk>pekan|minggu)\s+(?P<wkdir>lalu|kemarin|depan|mendatang|ini)(?![\w-]))?"
            rf"(?:\s+(?P<tail>yang\s+lalu|lalu|kemarin|depan|mendatang|ini|nanti|besok|esok)(?![\w-]))?"
        ),
        relative_day=ci(
            rf"(?P<w>{alternation(lex['relative_days'])})(?![\w-])(?:\s+(?P<pod>{pod})(?![\w-]))?"
        ),
        relative_unit=ci(
            rf"(?:(?P<se>{alternation(lex['units_se'])})|(?P<unit>{alternation(lex['units'])}))"
            rf"\s+(?P<dir>{alternation(direction)})(?![\w-])"
        ),
        unit=ci(
            rf"(?:(?P<se>{alternation(lex['units_se'])})|(?P<unit>{alternation(lex['units'])}))(?![\w-])"
        ),
        weekday_before=ci(rf"(?<![\w'’-])(?P<wd>{wd_all})\.?\s*,?\s*\Z"),
        tanggal_before=ci(r"(?<![\w-])(?:tanggal|tgl\.?)\s+\Z"),
        bulan_before=ci(rf"(?<![\w-])(?:(?P<mod>{mods})\s+)?(?:(?P<bulan>bulan|bln\.?)\s+)?\Z"),
        tahun_before=ci(
            rf"(?<![\w-])(?:(?P<mod>{mods})\s+)?(?:(?P<tahun>tahun|thn\.?|th\.?)\s+)?\Z"
        ),
        decade_before=ci(
            rf"(?<![\w-])(?:(?P<mod>{mods})\s+)?(?:(?P<cue>tahun|era|dekade|dasawarsa)\s+)?\Z"
        ),
        hari_before=ci(r"(?<![\w-])(?P<hari>hari)\s+\Z"),
        count_before=ci(
            rf"(?<![\w-])(?:(?P<dalam>dalam(?:\s+waktu)?)\s+)?(?:(?P<mod>{mods})\s+)?"
            rf"(?:(?P<count>{count})\s+)?\Z"
        ),
        duration_before=ci(
            rf"(?<![\w-])(?P<cue>(?:(?:{alternation(lex['duration']['cues'])})\s+){{1,4}})"
            rf"(?:(?P<count>{count})\s+)?\Z"
        ),
    )


# --- context helpers -------------------------------------------------------------------

_BOUNDARY = re.compile(r"[.!?…,;:][\"'”’)]*\s+|\n|\s[-–—]\s")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?:\s|$)|\n")
_WORD_BEFORE = re.compile(r"([\w'’.-]+)[\s,]*$")
_WORD_AFTER = re.compile(r"\s*([\w'’-]+|[^\w\s])")
_BARE_PREPOSITIONS = re.compile(
    r"^\s*(?:(?:pada|sejak|hingga|sampai|di|dan|namun|lalu|kemudian)\s*)*$", re.I
)


def _clause_before(text: str, pos: int, limit: int = 150) -> str:
    """Text of the clause that leads up to ``pos`` (after the last comma or sentence end)."""
    return text[_clause_start(text, pos, limit) : pos]


def _clause_start(text: str, pos: int, limit: int = 150) -> int:
    """Where the clause that leads up to ``pos`` begins."""
    lo = max(0, pos - limit)
    cut = lo
    for m in _BOUNDARY.finditer(text, lo, pos):
        cut = m.end()
    return cut


def _last_cue(clause: str, g: _Grammar) -> int:
    """+1/-1 for the nearest (last) future/past cue in ``clause``, 0 for none."""
    last = None
    for last in g.cue.finditer(clause):  # noqa: B007 - the nearest cue is the last one
        pass
    if last is None:
        return 0
    return 1 if last.group("f") else -1


def _tense(text: str, start: int, end: int, g: _Grammar) -> int:
    """+1 when the clause around an expression speaks of the future, -1 of the past, else 0."""
    cut = _clause_start(text, start)
    clause = text[cut:start]
    found = _last_cue(clause, g)
    if found or not _BARE_PREPOSITIONS.match(clause):
        return found
    if cut > 0 and text[cut - 2 : cut].strip() in (",", ";"):
        # "… akan menghadapi Juventus, Kamis (26/1)": the date closes the clause before it
        prev = _clause_start(text, cut - 2)
        found = _last_cue(text[prev : cut - 2], g)
        if found:
            return found
    # "Pada Rabu, Putin akan …": look ahead in the sentence
    stop = _SENTENCE_END.search(text, end, end + 120)
    m = g.cue.search(text, end, stop.start() if stop else min(len(text), end + 120))
    if m:
        return 1 if m.group("f") else -1
    return 0


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def _word_after(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text, pos)
    return m.group(1) if m else ""


def _sentence_initial(text: str, pos: int) -> bool:
    """True when ``pos`` opens a sentence or a paragraph (quotes and brackets aside)."""
    head = text[max(0, pos - 4) : pos].rstrip(" \t\"'“‘(")
    return not head or head[-1] in '.!?…\n:"”'


def _clock(m: re.Match[str], g: _Grammar) -> tuple[int, int, str | None] | None:
    """(hour, minute, UTC offset) from a matched clock tail, if any."""
    if not m.groupdict().get("hh"):
        return None
    tz = m.group("tz")
    offset = None
    if tz:
        offset = g.timezones.get(tz.casefold(), "+00:00" if tz in "Zz" else None)
        if offset is None:
            raw = tz.replace(":", "")
            offset = f"{raw[:3]}:{raw[3:]}"
    return int(m.group("hh")), int(m.group("mi")), offset


def _valid(y: int, mo: int, d: int) -> bool:
    return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]


def _tail_mode(tail: str | None) -> str | None:
    """'past' / 'next' / 'this' from a tail word after a weekday or month."""
    if not tail:
        return None
    t = _key(tail)
    if t in ("lalu", "yang lalu", "kemarin", "silam"):
        return "past"
    if t in ("depan", "mendatang", "nanti", "besok", "esok"):
        return "next"
    return "this" if t == "ini" else None


# --- pattern handlers -----------------------------------------------------------------
# Each takes the core match ``m``, where the expression starts (its prefix
# included) and the prefix's groups, and returns a raw expression or None.

_Pre = dict[str, str | None]


def _on_iso(text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre) -> _Raw | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not (1000 <= y <= 2999 and _valid(y, mo, d)):
        return None
    return _Raw(start, m.end(), "date", year=y, month=mo, day=d, clock=_clock(m, g))


def _weekday_of(pre: _Pre, g: _Grammar) -> int | None:
    wd = pre.get("wd")
    return g.weekdays.get(_key(wd)) if wd else None


def _on_numeric(text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre) -> _Raw | None:
    d, mo = int(m.group("d")), int(m.group("m"))
    sep = m.group("sep").strip()
    ys = m.group("y")
    paren = m.group("open") is not None
    wd = _weekday_of(pre, g)
    if ys is None:
        if sep == "." or not (paren or wd is not None):
            return None  # "19.30", "2/3", "24/7": not dates without more context
    elif m.group("sep2").strip() != sep:
        return None
    if (" " in m.group("sep") or (ys and " " in m.group("sep2"))) and not paren:
        return None
    if mo > 12 and d <= 12:
        d, mo = mo, d  # US order in a byline: 06/19/2024
    y = None
    if ys is not None:
        y = int(ys)
        if len(ys) == 2:
            y += 2000 if y < 70 else 1900
        if not _valid(y, mo, d):
            return None
    elif not _valid(2000, mo, d):  # 2000 is a leap year: 29/2 stays possible
        return None
    return _day(text, m, g, start, y, mo, d, None, wd)


def _day(
    text: str,
    m: re.Match[str],
    g: _Grammar,
    start: int,
    y: int | None,
    mo: int,
    d: int,
    d2: int | None,
    wd: int | None,
) -> _Raw:
    """A day-precision raw expression with its tense and a weekday check."""
    raw = _Raw(
        start, m.end(), "date", year=y, month=mo, day=d, day2=d2, weekday=wd, clock=_clock(m, g)
    )
    raw.mode = _tail_mode(m.groupdict().get("tail"))
    raw.tense = _tense(text, start, m.end(), g)
    if wd is None and y is not None:
        raw.historical = bool(g.historical.search(_clause_before(text, start, 200)))
    raw.conflict = y is not None and wd is not None and date(y, mo, d).weekday() != wd
    return raw


def _log_conflicts(text: str, raws: list[_Raw], source: str) -> None:
    """Warn about dates whose weekday contradicts them ("Kamis (19/06/2024)")."""
    for r in raws:
        if r.conflict and r.year is not None and r.weekday is not None:
            d = date(r.year, r.month or 1, r.day or 1)
            logger.warning(
                "%s: %r at %d-%d: %s is a %s, not a %s; the date is kept, its weekday ignored",
                source,
                text[r.start : r.end],
                r.start,
                r.end,
                d.isoformat(),
                calendar.day_name[d.weekday()],
                calendar.day_name[r.weekday],
            )


def _on_dmy(text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre) -> _Raw | None:
    mon = _key(m.group("mon"))
    mo = g.months[mon]
    d = int(m.group("d"))
    d2 = int(m.group("d2")) if m.group("d2") else None
    y = int(m.group("y")) if m.group("y") else None
    if y is not None and not 1000 <= y <= 2999:
        return None
    if not _valid(y or 2000, mo, d) or (
        d2 is not None and (d2 <= d or not _valid(y or 2000, mo, d2))
    ):
        return None
    if y is None and mon not in g.month_full:
        return None  # "5 Mar", "3 May" without a year are too ambiguous
    return _day(text, m, g, start, y, mo, d, d2, _weekday_of(pre, g))


def _on_mdy(text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre) -> _Raw | None:
    mo = g.months[_key(m.group("mon"))]
    d, y = int(m.group("d")), int(m.group("y"))
    if not (1000 <= y <= 2999 and _valid(y, mo, d)):
        return None
    return _day(text, m, g, start, y, mo, d, None, _weekday_of(pre, g))


def _on_month_year(text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre) -> _Raw | None:
    mo = g.months[_key(m.group("mon"))]
    mo2 = g.months[_key(m.group("mon2"))] if m.group("mon2") else None
    y = int(m.group("y"))
    if not 1000 <= y <= 2999 or (mo2 is not None and mo2 <= mo):
        return None
    raw = _Raw(start, m.end(), "month", year=y, month=mo, month2=mo2)
    raw.tense = _tense(text, start, m.end(), g)
    raw.historical = bool(g.historical.search(_clause_before(text, start, 200)))
    return raw


def _on_bare_month(text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre) -> _Raw | None:
    mon = m.group("mon")
    if not (mon[0].isupper() or mon.islower()):
        return None
    prefixed = bool(pre.get("mod") or pre.get("bulan"))
    before = _word_before(text, start)
    if not (prefixed or m.group("tail")):
        if before.casefold() not in g.month_cues:
            return None
        if _word_after(text, m.end("mon"))[:1].isupper():
            return None  # "pada Mei Ling": a name, not a month
    if not prefixed and before[:1].isupper() and before.casefold() not in g.month_cues:
        return None  # "Liu Mei lalu"
    raw = _Raw(start, m.end(), "month", month=g.months[_key(mon)])
    tail = _key(m.group("tail") or "")
    if tail.startswith("tahun"):
        raw.mode = "yshift"
        raw.offset = {"ini": 0, "lalu": -1, "kemarin": -1, "depan": 1, "mendatang": 1}[
            tail.split()[1]
        ]
    else:
        raw.mode = _tail_mode(tail)
    raw.tense = _tense(text, start, m.end(), g)
    return raw


_NOT_YEAR_BEFORE = frozenset(
    ("rp", "rp.", "no", "no.", "nomor", "pasal", "ayat", "ke", "us$", "usd", "kode")
)
_WEAK_YEAR_CUES = frozenset(("dan", "atau", "di", "dari", "sekitar"))


def _on_year(text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre) -> _Raw | None:
    y = int(m.group("y"))
    y2s = m.group("y2")
    y2 = None
    if y2s is not None:
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        if not (y < y2 <= y + 100):
            return None
    if not 1000 <= y <= 2999:
        return None
    nxt = _word_after(text, m.end())
    if nxt.casefold() in g.year_not_before:
        return None  # "2000 orang", "2019 km"
    if not (pre.get("tahun") or pre.get("mod")):
        if not 1900 <= y <= 2099:
            return None
        before = _word_before(text, start)
        b = before.casefold()
        if b in _NOT_YEAR_BEFORE:
            return None
        if y2 is None and not (b in g.year_cues and b not in _WEAK_YEAR_CUES):
            follower_ok = (
                not nxt
                or not nxt[0].isalnum()
                or nxt[0].isupper()
                or nxt.casefold() in g.year_followers
            )
            named = before[:1].isupper() and not _sentence_initial(text, start - len(before) - 1)
            if b in g.year_occasions:
                named = True  # "pemilihan presiden 2014"
            if not ((b in _WEAK_YEAR_CUES or named) and follower_ok):
                return None  # "mengirim 2000 tentara": a count, not a year
    raw = _Raw(start, m.end(), "year", year=y, year2=y2, mode=_tail_mode(m.group("tail")))
    raw.tense = _tense(text, start, m.end(), g)
    return raw


def _on_decade(text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre) -> _Raw | None:
    ys = m.group("y")
    if not ys.endswith("0"):
        return None
    if len(ys) == 2:
        if not (pre.get("cue") or pre.get("mod")):
            return None
        y = int(ys) + (1900 if int(ys) >= 20 else 2000)
    else:
        y = int(ys)
        if not 1000 <= y <= 2999:
            return None
    return _Raw(start, m.end(), "decade", year=y)


def _minggu_is_sunday(
    text: str, start: int, end: int, g: _Grammar, *, hari: bool, pod: bool
) -> bool:
    """Whether "Minggu" at text[start:end] names Sunday rather than a week."""
    if hari:
        return True
    if text[start].islower():
        return False
    before = _word_before(text, start).casefold()
    if before in g.number_words:
        return False  # "dua Minggu": counted, so weeks
    if pod or before in (
        "pada",
        "sejak",
        "hingga",
        "sampai",
        "sabtu",
        "dan",
        "atau",
        "tiap",
        "setiap",
    ):
        return True
    if _sentence_initial(text, start):
        nxt = _word_after(text, end).casefold()
        return nxt not in ("lalu", "depan", "ini", "mendatang", "kemarin", "terakhir", "ke")
    return True  # mid-sentence, capitalised: the day ("dalam sebuah pernyataan Minggu")


def _on_weekday(text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre) -> _Raw | None:
    wd_text = m.group("wd")
    hari = pre.get("hari") is not None
    if not (wd_text[0].isupper() or hari):
        return None
    wd = g.weekdays[_key(wd_text)]
    if (
        wd == 6
        and _key(wd_text) == "minggu"
        and not _minggu_is_sunday(
            text, m.start("wd"), m.end("wd"), g, hari=hari, pod=bool(m.group("pod"))
        )
    ):
        return None
    raw = _Raw(start, m.end(), "weekday", weekday=wd, clock=_clock(m, g))
    if m.group("wk"):
        raw.mode = "week"
        raw.offset = {"lalu": -1, "kemarin": -1, "ini": 0}.get(_key(m.group("wkdir")), 1)
    else:
        raw.mode = _tail_mode(m.group("tail"))
    raw.tense = _tense(text, start, m.end(), g)
    return raw


def _on_relative_day(
    text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre
) -> _Raw | None:
    return _Raw(start, m.end(), "reld", offset=g.relative_days[_key(m.group("w"))])


def _count(m: re.Match[str], g: _Grammar, pre: _Pre) -> tuple[str, float | None] | None:
    """(unit, count) of a unit phrase; count None for "beberapa"; None if not countable."""
    if m.group("se"):
        return g.units_se[_key(m.group("se"))], 1.0
    unit = g.units[_key(m.group("unit"))]
    c = pre.get("count")
    if c is None:
        return unit, 1.0
    if _key(c) == "beberapa":
        return unit, None
    value = number_value(c)
    return (unit, value) if value is not None and value > 0 else None


def _on_relative_unit(
    text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre
) -> _Raw | None:
    if m.group("se") and pre.get("count"):
        return None
    uc = _count(m, g, pre)
    if uc is None:
        return None
    unit, count = uc
    counted = bool(pre.get("count") or m.group("se"))
    if (
        _key(m.group("unit") or "") == "minggu"
        and not counted
        and _minggu_is_sunday(text, m.start("unit"), m.end("unit"), g, hari=False, pod=False)
    ):
        return None
    kind = g.direction[_key(m.group("dir"))]
    if kind == "past":
        mode = "ago" if counted else "prev"
    elif kind == "recent":
        if not counted:
            return None
        mode = "recent"
    elif kind == "this":
        if counted:
            return None
        mode = "this"
    elif kind == "next":
        if not counted and _key(m.group("dir")) == "lagi":
            return None
        mode = "later" if counted else "next"
    else:  # coming
        mode = "ahead" if counted else "next"
    if unit in ("hour", "minute") and mode not in ("ago", "later"):
        return None
    weekend = unit == "week" and not counted and _key(pre.get("mod") or "") == "akhir"
    return _Raw(start, m.end(), "relu", unit=unit, count=count, mode=mode, offset=int(weekend))


def _on_duration(text: str, m: re.Match[str], g: _Grammar, start: int, pre: _Pre) -> _Raw | None:
    se = m.group("se")
    if se and (pre.get("count") or text[m.end() : m.end() + 1] == "-"):
        return None  # "sehari-hari"
    if not se and not (pre.get("count") and pre.get("cue")):
        return None  # a bare "70 tahun" is a quantity, not a time
    uc = _count(m, g, pre)
    if uc is None:
        return None
    return _Raw(start, m.end(), "dur", unit=uc[0], count=uc[1])


# --- scanning -----------------------------------------------------------------------------


def _prefix(p: re.Pattern[str], text: str, pos: int, width: int) -> tuple[int, _Pre]:
    """Where an optional prefix ending at ``pos`` starts, and its groups (``pos`` if none)."""
    m = p.search(text, max(0, pos - width), pos)
    if m is None or m.start() == pos:
        return pos, {}
    return m.start(), m.groupdict()


def _glued(text: str, pos: int) -> bool:
    """True when the character before ``pos`` joins a number to a word ("COVID-19", "G20")."""
    return pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "-/.:,_'’$")


def _prev_token(text: str, pos: int) -> str:
    """The blank-separated token before ``pos``, lower case ("" at the start)."""
    end = pos
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    lo = max(0, end - 40)  # bounded: an unbounded look-back is quadratic on blank-free input
    cut = max(text.rfind(" ", lo, end), text.rfind("\n", lo, end), text.rfind("\t", lo, end))
    return text[cut + 1 if cut >= 0 else lo : end].casefold()


def _at_number(
    text: str, s: int, num: str, g: _Grammar, add: Callable[[_Raw | None], None]
) -> None:
    """Expressions whose core starts with the number ``num`` at ``s``.

    Cheap string tests first: most numbers in news are not dates.
    """
    a = s
    while a > 0 and a > s - 3 and text[a - 1] == " ":
        a -= 1
    a = a - 1 if a > 0 and text[a - 1] == "(" else s
    glued = _glued(text, s)
    if (a != s or (not glued and ("/" in num or "-" in num or "." in num))) and (
        m := g.numeric.match(text, a)
    ):
        start, pre = _prefix(g.weekday_before, text, a, 24)
        add(_on_numeric(text, m, g, start, pre))
    if glued:
        return
    e = s + len(num)
    if len(num) >= 8 and num[4:5] == "-" and (m := g.iso.match(text, s)):
        add(_on_iso(text, m, g, s, {}))
    if len(num.split("-", 1)[0]) <= 2 and (m := g.dmy.match(text, s)):
        start, pre = _prefix(g.tanggal_before, text, s, 12)
        start, pre2 = _prefix(g.weekday_before, text, start, 24)
        add(_on_dmy(text, m, g, start, {**pre, **pre2}))
    if num[:4].isdigit() and num[4:5] in ("", "-", "/") and (m := g.year.match(text, s)):
        start, pre = _prefix(g.tahun_before, text, s, 30)
        add(_on_year(text, m, g, start, pre))
    if "an" in text[e : e + 4] and (m := g.decade.match(text, s)):
        start, pre = _prefix(g.decade_before, text, s, 30)
        add(_on_decade(text, m, g, start, pre))


def _at_word(text: str, s: int, key: str, g: _Grammar, add: Callable[[_Raw | None], None]) -> None:
    """Expressions whose core starts with the calendar word at ``s``."""
    if key in g.months:
        if m := g.mdy.match(text, s):
            start, pre = _prefix(g.weekday_before, text, s, 24)
            add(_on_mdy(text, m, g, start, pre))
        if (m := g.month_year.match(text, s)) or (
            key in g.month_full and (m := g.bare_month.match(text, s))
        ):
            start, pre = _prefix(g.bulan_before, text, s, 30)
            handler = _on_month_year if m.re is g.month_year else _on_bare_month
            add(handler(text, m, g, start, pre))
    if key in g.weekdays_id and (m := g.weekday.match(text, s)):
        start, pre = _prefix(g.hari_before, text, s, 8)
        add(_on_weekday(text, m, g, start, pre))
    if key in g.relative_days and (m := g.relative_day.match(text, s)):
        add(_on_relative_day(text, m, g, s, {}))
    if key in g.units or key in g.units_se:
        if m := g.relative_unit.match(text, s):
            start, pre = _prefix(g.count_before, text, s, 60)
            add(_on_relative_unit(text, m, g, start, pre))
        # a duration needs a count before a unit word ("enam hari"); "sepekan" has its own
        prev = _prev_token(text, s)
        counted = key in g.units_se or prev[:1].isdigit() or prev in g.count_words
        if counted and (m := g.unit.match(text, s)):
            start, pre = _prefix(g.duration_before, text, s, 80)
            add(_on_duration(text, m, g, start, pre))


def _scan(text: str) -> list[_Raw]:
    """Every temporal expression in ``text``; where two overlap the longer wins."""
    g = grammar()
    found: list[_Raw] = []

    def add(raw: _Raw | None) -> None:
        if raw is not None and raw.end > raw.start:
            found.append(raw)

    for t in g.trigger.finditer(text):
        if (num := t.group("num")) is not None:
            _at_number(text, t.start(), num, g, add)
        else:
            _at_word(text, t.start(), _key(t.group("w")), g, add)
    for r in found:  # optional tails may leave trailing blanks
        while r.end > r.start and text[r.end - 1].isspace():
            r.end -= 1
    found.sort(key=lambda r: (r.start - r.end, r.start))
    taken: list[tuple[int, int]] = []
    out: list[_Raw] = []
    for raw in found:
        i = bisect.bisect_left(taken, (raw.start, raw.end))
        if (i > 0 and taken[i - 1][1] > raw.start) or (i < len(taken) and taken[i][0] < raw.end):
            continue
        taken.insert(i, (raw.start, raw.end))
        out.append(raw)
    out.sort(key=lambda r: r.start)
    return out


# --- resolving --------------------------------------------------------------------------------


def _iso(d: date) -> str:
    return d.isoformat()


def _ym(y: int, mo: int) -> str:
    return f"{y:04d}-{mo:02d}"


def _add_months(y: int, mo: int, n: int) -> tuple[int, int]:
    k = y * 12 + (mo - 1) + n
    return k // 12, k % 12 + 1


def _fmt_count(c: float) -> str:
    return str(int(c)) if float(c).is_integer() else f"{c:g}"


def _duration(unit: str, count: float) -> str:
    """ISO 8601 duration for ``count`` ``unit``s ("P6D", "P1W", "PT5H")."""
    if unit == "hour":
        return f"PT{_fmt_count(count)}H"
    if unit == "minute":
        return f"PT{_fmt_count(count)}M"
    if unit == "decade":
        return f"P{_fmt_count(count * 10)}Y"
    return f"P{_fmt_count(count)}{ {'day': 'D', 'week': 'W', 'month': 'M', 'year': 'Y'}[unit] }"


def _pick_day_month(mo: int, d: int, wd: int | None, a: date, direction: int) -> date | None:
    """The year for a day-month: its weekday if that decides, else the tense's side of ``a``."""
    cands = [date(y, mo, d) for y in (a.year - 1, a.year, a.year + 1) if _valid(y, mo, d)]
    if not cands:
        return None
    if wd is not None:
        fitting = [c for c in cands if c.weekday() == wd]
        if len(fitting) == 1:
            return fitting[0]
    if direction > 0:
        ahead = [c for c in cands if c >= a]
        return min(ahead) if ahead else None
    behind = [c for c in cands if c <= a]
    return max(behind) if behind else None


def _direction(raw: _Raw) -> int:
    """+1 forwards or -1 backwards: the tail decides, then the clause's tense; default back."""
    if raw.mode in ("next",):
        return 1
    if raw.mode in ("past",):
        return -1
    return 1 if raw.tense > 0 else -1


def _weekday_date(raw: _Raw, a: date) -> date:
    wd = raw.weekday if raw.weekday is not None else 0
    if raw.mode == "week":  # "Rabu pekan lalu": that weekday in the previous ISO week
        monday = a - timedelta(days=a.weekday()) + timedelta(weeks=raw.offset)
        return monday + timedelta(days=wd)
    if raw.mode == "this":
        return a - timedelta(days=a.weekday()) + timedelta(days=wd)
    diff = (wd - a.weekday()) % 7
    if raw.mode == "next":
        return a + timedelta(days=diff or 7)
    if raw.mode == "past":
        return a - timedelta(days=(7 - diff) % 7 or 7)
    if _direction(raw) > 0:
        return a + timedelta(days=diff)
    return a - timedelta(days=(7 - diff) % 7)


def _bare_month(raw: _Raw, a: date) -> tuple[int, int]:
    mo = raw.month or 1
    if raw.mode == "yshift":
        return a.year + raw.offset, mo
    if raw.mode == "this":
        return a.year, mo
    here = a.year * 12 + a.month - 1
    cands = [(y, mo) for y in (a.year - 1, a.year, a.year + 1)]
    keys = [y * 12 + mo - 1 for y, _ in cands]
    if raw.mode == "past":
        return max((c for c, k in zip(cands, keys, strict=True) if k < here), default=cands[0])
    if raw.mode == "next":
        return min((c for c, k in zip(cands, keys, strict=True) if k > here), default=cands[-1])
    if raw.tense == 0 and here + 1 in keys:  # untensed next month: a deadline, not history
        return cands[keys.index(here + 1)]
    if _direction(raw) > 0:
        return min((c for c, k in zip(cands, keys, strict=True) if k >= here), default=cands[-1])
    return max((c for c, k in zip(cands, keys, strict=True) if k <= here), default=cands[0])


def _relative_unit(raw: _Raw, a: date) -> tuple[str, str | None]:
    """(value, end_value) of "bulan lalu", "dua tahun lalu", "24 tahun terakhir" …"""
    unit, n, mode = raw.unit or "day", raw.count or 1.0, raw.mode
    whole = round(n)
    if unit == "decade":
        unit, whole = "year", whole * 10
    if unit in ("day", "week", "hour", "minute"):
        days = {"day": whole, "week": 7 * whole, "hour": 0, "minute": 0}[unit]
        if unit == "week" and mode in ("this", "prev", "next"):
            shift = {"this": 0, "prev": -1, "next": 1}[mode]
            monday = a - timedelta(days=a.weekday()) + timedelta(weeks=shift)
            first = monday + timedelta(days=5 * raw.offset)  # "akhir pekan": the weekend
            return _iso(first), _iso(monday + timedelta(days=6))
        if mode in ("this",):
            return _iso(a), None
        if mode in ("prev",):
            return _iso(a - timedelta(days=1)), None
        if mode in ("next",):
            return _iso(a + timedelta(days=1)), None
        if mode == "ago":
            return _iso(a - timedelta(days=days)), None
        if mode == "later":
            return _iso(a + timedelta(days=days)), None
        if mode == "recent":
            return _iso(a - timedelta(days=days)), _iso(a)
        return _iso(a), _iso(a + timedelta(days=days))  # ahead
    point = {"this": 0, "prev": -1, "next": 1, "ago": -whole, "later": whole}.get(mode or "")
    if unit == "month":
        if point is not None:
            return _ym(*_add_months(a.year, a.month, point)), None
        if mode == "recent":
            return _ym(*_add_months(a.year, a.month, -whole)), _ym(a.year, a.month)
        return _ym(a.year, a.month), _ym(*_add_months(a.year, a.month, whole))
    if point is not None:
        return f"{a.year + point:04d}", None
    if mode == "recent":
        return f"{a.year - whole:04d}", f"{a.year:04d}"
    return f"{a.year:04d}", f"{a.year + whole:04d}"


def _needs(raw: _Raw) -> AnchorPrecision:
    """The finest anchor precision a relative expression needs to be resolved."""
    if raw.kind in ("date", "weekday", "reld"):
        return "day"
    if raw.kind == "month":
        return "year" if raw.mode in ("yshift", "this") else "month"
    if raw.kind == "relu":
        p = _UNIT_PRECISION[raw.unit or "day"]
        return "day" if p == "day" else ("month" if p == "month" else "year")
    return "year"


def _resolve(text: str, raw: _Raw, anchor: date | None, precision: AnchorPrecision) -> TimeExpr:
    """The TimeExpr for one raw expression, resolved against ``anchor`` when it needs one."""
    span = text[raw.start : raw.end]
    kind = raw.kind

    def make(
        value: str | None, prec: Precision, end: str | None = None, rel: bool = False
    ) -> TimeExpr:
        return TimeExpr(span, raw.start, raw.end, value, prec, end, rel)

    usable = anchor is not None and _RANK[precision] <= _RANK[_needs(raw)]
    if kind == "date" and raw.year is not None:
        d = date(raw.year, raw.month or 1, raw.day or 1)
        end = _iso(date(raw.year, raw.month or 1, raw.day2)) if raw.day2 else None
        return make(_iso(d), "day", end)
    if kind == "month" and raw.year is not None:
        end = _ym(raw.year, raw.month2) if raw.month2 else None
        return make(_ym(raw.year, raw.month or 1), "month", end)
    if kind == "year":
        return make(f"{raw.year:04d}", "year", f"{raw.year2:04d}" if raw.year2 else None)
    if kind == "decade":
        return make(f"{raw.year:04d}", "decade")
    if kind == "dur":
        prec = _UNIT_PRECISION[raw.unit or "day"]
        if raw.unit == "decade":
            prec = "decade"
        value = _duration(raw.unit or "day", raw.count) if raw.count is not None else None
        return make(value, prec)
    if kind == "month":
        if not usable or anchor is None:
            return make(None, "month", rel=True)
        y, mo = _bare_month(raw, anchor)
        return make(_ym(y, mo), "month", None, True)
    if kind == "date":  # day-month without a year
        if not usable or anchor is None:
            return make(None, "day", rel=True)
        picked = _pick_day_month(raw.month or 1, raw.day or 1, raw.weekday, anchor, _direction(raw))
        if picked is None:
            return make(None, "day", rel=True)
        end = _iso(date(picked.year, picked.month, raw.day2)) if raw.day2 else None
        return make(_iso(picked), "day", end, True)
    if kind == "weekday":
        if not usable or anchor is None:
            return make(None, "day", rel=True)
        return make(_iso(_weekday_date(raw, anchor)), "day", None, True)
    if kind == "reld":
        if not usable or anchor is None:
            return make(None, "day", rel=True)
        return make(_iso(anchor + timedelta(days=raw.offset)), "day", None, True)
    # relu
    prec = _UNIT_PRECISION[raw.unit or "day"]
    if not usable or anchor is None or raw.count is None:
        return make(None, prec, rel=True)
    value, end = _relative_unit(raw, anchor)
    return make(value, prec, end, True)


def _anchor(published: PublishedDate) -> tuple[date | None, AnchorPrecision]:
    """The date relative expressions are read against, from a PublishedDate."""
    v = published.value
    if not v:
        return None, "day"
    try:
        if published.precision == "day":
            return date.fromisoformat(v[:10]), "day"
        if published.precision == "month":
            return date(int(v[:4]), int(v[5:7]), 1), "month"
        if published.precision in ("year", "decade"):
            return date(int(v[:4]), 1, 1), "year"
    except ValueError:
        logger.warning("published date %r is not ISO; relative dates stay unresolved", v)
    return None, "day"


# --- public functions -----------------------------------------------------------------------------


def find_times(
    text: str, anchor: date | None = None, *, anchor_precision: AnchorPrecision = "day"
) -> list[TimeExpr]:
    """Temporal expressions in ``text`` with ISO values, relative ones read against ``anchor``."""
    raws = _scan(text)
    _log_conflicts(text, raws, "text")
    times = [_resolve(text, r, anchor, anchor_precision) for r in raws]
    return _with_anaphora(text, times, anchor if anchor_precision == "day" else None)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates and points in time: numbers there are not quantities.

    Durations and periods counted from the article's date ("15 tahun terakhir") are left out:
    their count is a quantity too.
    """
    return [
        (r.start, r.end)
        for r in _scan(text)
        if r.kind != "dur" and not (r.kind == "relu" and r.mode in ("recent", "ahead"))
    ]


def parse_date_hint(hint: str) -> PublishedDate | None:
    """A byline, dateline or metadata date string as a PublishedDate (basis "explicit")."""
    dt = parse_datetime(hint)
    if dt is not None:
        return PublishedDate(dt.date().isoformat(), "day", "explicit")
    for raw in _scan(hint):
        if raw.kind == "date" and raw.year is not None:
            return PublishedDate(
                _iso(date(raw.year, raw.month or 1, raw.day or 1)), "day", "explicit"
            )
    for raw in _scan(hint):
        if raw.kind == "month" and raw.year is not None and raw.month2 is None:
            return PublishedDate(_ym(raw.year, raw.month or 1), "month", "explicit")
    return None


def parse_datetime(hint: str) -> datetime | None:
    """The first full date in ``hint`` as a datetime (aware when a zone such as WIB is given)."""
    for raw in _scan(hint):
        if raw.kind == "date" and raw.year is not None:
            hh, mi, off = raw.clock if raw.clock else (0, 0, None)
            tz = None
            if off:
                sign = -1 if off[0] == "-" else 1
                tz = timezone(sign * timedelta(hours=int(off[1:3]), minutes=int(off[4:6])))
            return datetime(raw.year, raw.month or 1, raw.day or 1, hh, mi, tzinfo=tz)
    try:
        return email.utils.parsedate_to_datetime(hint)
    except (TypeError, ValueError, IndexError):
        return None


def _from_hints(hints: Iterable[str]) -> PublishedDate | None:
    for hint in hints:
        found = parse_date_hint(hint)
        if found is not None and found.precision == "day":
            return found
    for hint in hints:
        found = parse_date_hint(hint)
        if found is not None:
            return found
    return None


def _future(r: _Raw) -> bool:
    """Told as still to come: a future cue in its clause or a tail ("… 2018 mendatang")."""
    return r.mode == "next" or (r.tense > 0 and r.mode != "past")


def _infer(raws: list[_Raw]) -> PublishedDate:
    """The article's date from what it reports (basis "inferred"), or unknown."""
    years = [
        r.year2 or r.year
        for r in raws
        if r.year is not None and r.kind in ("year", "month", "date") and not _future(r)
    ]
    latest_year = max((y for y in years if y is not None), default=0)
    past: list[tuple[date, bool]] = []
    for r in raws:
        if r.kind == "date" and r.year is not None and not r.conflict and not _future(r):
            if r.weekday is None and (r.historical or (r.year2 or r.year) < latest_year):
                continue  # "sejak 17 Agustus 1945", or older than a year the text names
            past.append((date(r.year, r.month or 1, r.day2 or r.day or 1), r.weekday is not None))
    if past:
        with_weekday = [d for d, w in past if w]
        best = max(with_weekday or [d for d, _ in past])
        best = _reported_later(raws, best)
        return PublishedDate(_iso(best), "day", "inferred")
    yearless = _yearless(raws, [y for y in years if y is not None])
    if yearless is not None:
        return PublishedDate(_iso(yearless), "day", "inferred")
    ahead = [
        date(r.year, r.month or 1, r.day or 1)
        for r in raws
        if r.kind == "date"
        and r.year is not None
        and r.weekday is not None
        and not r.conflict
        and _future(r)
    ]
    if ahead:  # only announced days with their weekday: the article is from then or before
        return PublishedDate(_iso(min(ahead)), "day", "inferred")
    months = [
        (r.year, r.month2 or r.month or 1)
        for r in raws
        if r.kind == "month" and r.year is not None and not _future(r) and not r.historical
    ]
    if months:
        y, mo = max(months)
        if all(y >= other for other in years if other is not None):
            return PublishedDate(_ym(y, mo), "month", "inferred")
    return PublishedDate()


def _reported_later(raws: list[_Raw], best: date) -> date:
    """``best`` moved to a later day that a bare weekday told in the past or present names."""
    out = best
    for r in raws:
        if r.kind != "weekday" or r.mode is not None or _future(r) or r.weekday is None:
            continue
        ahead = (r.weekday - best.weekday()) % 7
        if ahead and ahead <= _MAX_AHEAD and ahead < 7 - ahead:
            out = max(out, best + timedelta(days=ahead))
    return out


_MAX_AHEAD = 1


def _yearless(raws: list[_Raw], years: list[int]) -> date | None:
    """Latest past "Senin (27/3)" whose weekday fits one year next to the latest year named."""
    dated = [
        r
        for r in raws
        if r.kind == "date" and r.year is None and r.weekday is not None and not _future(r)
    ]
    if not dated or not years:
        return None
    top = max(years)
    fits: set[int] | None = None
    for r in dated:
        ys = {
            y
            for y in (top - 1, top, top + 1)
            if _valid(y, r.month or 1, r.day or 1)
            and date(y, r.month or 1, r.day or 1).weekday() == r.weekday
        }
        fits = ys if fits is None else fits & ys
    if not fits or len(fits) != 1:
        return None
    (y,) = fits
    return max(date(y, r.month or 1, r.day or 1) for r in dated)


def infer_published(doc: Document) -> PublishedDate:
    """The article's own date: metadata, else a byline or dateline hint, else the text."""
    if doc.published.value is not None:
        return doc.published
    found = _from_hints(doc.date_hints)
    if found is not None:
        return found
    raws = _scan(doc.text)
    _log_conflicts(doc.text, raws, doc.source)
    return _infer(raws)


_BASIS_RANK = {"explicit": 3, "cluster": 2, "inferred": 1, "unknown": 0}


def reanchor(doc: Document, published: PublishedDate, *, force: bool = False) -> Document:
    """Set a better article date (e.g. basis "cluster") and resolve relative expressions again.

    An explicit date is kept unless ``force``; a date of lower basis never replaces a higher one.
    """
    if not force and _BASIS_RANK[published.basis] < _BASIS_RANK[doc.published.basis]:
        logger.debug(
            "keeping %s date %s for %s", doc.published.basis, doc.published.value, doc.source
        )
        return doc
    if not force and doc.published.basis == "explicit" and doc.published.value:
        return doc
    anchor, precision = _anchor(published)
    times = tuple(find_times(doc.text, anchor, anchor_precision=precision))
    return dataclasses.replace(doc, published=published, times=times)


@lru_cache(maxsize=1)
def _anaphoric() -> re.Pattern[str]:
    """Day expressions counted from the narrated date ("sehari kemudian", "hari yang sama")."""
    lex = load_toml("time")["anaphoric"]
    words = alternation(load_toml("numbers")["words"])
    se = alternation(k for k, v in load_toml("time")["units_se"].items() if v == "day")
    count = rf"(?:(?P<se>{se})|(?P<n>\d{{1,2}}|{words})\s+(?:{alternation(lex['units'])}))"
    return re.compile(
        rf"(?<![\w-])(?:(?P<same>{alternation(lex['same'])})|(?P<next>{alternation(lex['next_day'])})"
        rf"|{count}\s+(?:(?P<after>{alternation(lex['after'])})|(?P<before>{alternation(lex['before'])})"
        rf"|(?P<clause>{alternation(lex['clause'])})))(?![\w-])",
        re.IGNORECASE,
    )


def _anaphoric_offset(m: re.Match[str]) -> int:
    """Days from the narrated date that an anaphoric match names."""
    if m["same"] or m["clause"]:
        return 0
    if m["next"]:
        return 1
    n = 1 if m["se"] else _number_word(m["n"])
    return -n if m["before"] else n


def _number_word(s: str) -> int:
    """A small count in digits or words ("dua" = 2)."""
    return int(s) if s.isdigit() else int(load_toml("numbers")["words"][s.casefold()])


def _with_anaphora(text: str, times: list[TimeExpr], anchor: date | None) -> list[TimeExpr]:
    """Replace what "sehari kemudian" & co. overlap with one expression read from the narration.

    The narrated date is the last day-precise expression before it that is not itself
    relative to the article's date; with none, the article's date; with neither, unknown.
    """
    found = list(_anaphoric().finditer(text))
    if not found:
        return times
    out = [t for t in times if not any(t.start < m.end() and m.start() < t.end for m in found)]
    for m in found:
        before = [
            t
            for t in out
            if t.end <= m.start() and t.precision == "day" and t.value and len(t.value) == 10
        ]
        narrated = date.fromisoformat(before[-1].value) if before else anchor  # type: ignore[arg-type]
        value = _iso(narrated + timedelta(days=_anaphoric_offset(m))) if narrated else None
        out.append(TimeExpr(m[0], m.start(), m.end(), value, "day", None, True))
        out.sort(key=lambda t: t.start)
    return out


@stage("time")
def resolve_times(doc: Document, *, settings: Settings | None = None) -> Document:
    """Fill ``doc.times`` and ``doc.published`` (inferring the date when nothing gave one)."""
    raws = _scan(doc.text)
    _log_conflicts(doc.text, raws, doc.source)
    published = doc.published
    if published.value is None:
        published = _from_hints(doc.date_hints) or _infer(raws)
        if published.value is None:
            logger.info("no publication date for %s; relative dates stay unresolved", doc.source)
    anchor, precision = _anchor(published)
    times = [_resolve(doc.text, r, anchor, precision) for r in raws]
    times = _with_anaphora(doc.text, times, anchor if precision == "day" else None)
    return dataclasses.replace(doc, times=tuple(times), published=published)
