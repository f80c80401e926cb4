"""Benchmark: the time + quantities stages against dateparser, in one run.

Speed is reported as ratios to the baseline measured in the same process on
the same strings, never as absolute targets:

- expressions/s: every temporal expression our stage found, parsed one by one
  by :func:`telisik.time.find_times` and by ``dateparser.parse`` (language "id");
- articles/s: the time + quantities stages on whole articles, and
  ``dateparser.search.search_dates`` (language "id") on the same articles;
- words/s of the two stages over the whole corpus, and the share of the
  pipeline budget (DESIGN.md: about 17k words/s for the whole pipeline) they use.

With ``--quality`` it also checks, on the articles whose URL carries their date
(IndoSum), the inferred publication date and the weekday direction rule.

Corpus: IndoSum development folds in ``../shared/data/indosum`` (real,
tokenised news: joined back with simple rules), else ``--corpus DIR`` of
``*.txt`` files. dateparser is the optional extra ``dates``; without it only
our own figures are printed.

    .venv/bin/python bench/bench_time.py [--limit 2000] [--dp-articles 150] [--quality]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from telisik.model import Document
from telisik.quantities import extract_quantities
from telisik.time import find_times, infer_published, resolve_times

ROOT = Path(__file__).resolve().parents[1]
INDOSUM = ROOT.parent / "shared" / "data" / "indosum"
PIPELINE_WORDS_PER_S = 17_000  # DESIGN.md: the whole pipeline's floor on one core

_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]])")
_SPACE_AFTER = re.compile(r"([(\[]) ")
_SLASH = re.compile(r"(\d) ?/ ?(\d)")


def detokenise(paragraphs: list[list[list[str]]]) -> str:
    """IndoSum's token lists back to running text (good enough for dates and numbers)."""
    text = "\n\n".join(" ".join(" ".join(sent) for sent in para) for para in paragraphs)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    return _SLASH.sub(r"\1/\2", text)


def load_indosum(limit: int) -> list[tuple[Document, date | None]]:
    """Distinct IndoSum articles with the date their URL carries (if any)."""
    seen: dict[str, tuple[Document, date | None]] = {}
    for path in sorted(INDOSUM.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if row["id"] in seen:
                continue
            text = detokenise(row["paragraphs"])
            m = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", row.get("source_url") or "")
            gold = date(int(m[1]), int(m[2]), int(m[3])) if m else None
            seen[row["id"]] = (Document(id=row["id"], source=row["id"], text=text), gold)
            if len(seen) >= limit:
                return list(seen.values())
    return list(seen.values())


def load_dir(folder: Path, limit: int) -> list[tuple[Document, date | None]]:
    docs: list[tuple[Document, date | None]] = []
    for path in sorted(folder.glob("*.txt"))[:limit]:
        docs.append((Document(id=path.stem, source=str(path), text=path.read_text("utf-8")), None))
    return docs


def best_of(repeats: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    """Fastest wall time of ``repeats`` runs (the machine is shared), and the last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def run_stages(docs: Iterable[Document]) -> tuple[int, int]:
    """Both stages over ``docs``; (temporal expressions, quantities) found."""
    n_times = n_quant = 0
    for doc in docs:
        doc = extract_quantities(resolve_times(doc))
        n_times += len(doc.times)
        n_quant += len(doc.quantities)
    return n_times, n_quant


def quality(corpus: list[tuple[Document, date | None]]) -> None:
    """Inferred publication date and weekday direction against the URL's date."""
    dated = [(d, g) for d, g in corpus if g is not None]
    outcome: Counter[str] = Counter()
    for doc, gold in dated:
        p = infer_published(doc)
        if p.value is None:
            outcome["unknown"] += 1
        elif p.precision != "day":
            outcome["month"] += 1
        else:
            diff = (date.fromisoformat(p.value) - gold).days
            outcome["exact" if diff == 0 else "day before" if diff == -1 else "other"] += 1
    total = len(dated)
    print(f"\npublication date inferred from text ({total} IndoSum articles dated by URL):")
    for key in ("exact", "day before", "other", "month", "unknown"):
        print(f"  {key:11s} {outcome[key]:5d}  {outcome[key] / max(total, 1):6.1%}")

    # Weekday direction: "Selasa (14/11)" tells the true date; read "Selasa" alone.
    weekday = re.compile(r"^(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\b")
    right = wrong = 0
    for doc, gold in dated:
        for t in find_times(doc.text, gold):
            m = weekday.match(t.text)
            if not m or t.value is None or t.text == m.group(0) or "(" not in t.text:
                continue
            truth = date.fromisoformat(t.value)
            if abs((truth - gold).days) > 6 or truth.weekday() != _WD[m.group(1)]:
                continue  # far away, or the text contradicts itself
            text = doc.text[: t.start] + m.group(1) + doc.text[t.end :]
            alone = [x for x in find_times(text, gold) if x.start == t.start]
            ok = bool(alone) and alone[0].value == t.value
            right, wrong = right + ok, wrong + (not ok)
    n = right + wrong
    print(f"weekday alone resolved to the date it names: {right}/{n} = {right / max(n, 1):.1%}")


_WD = {
    "Senin": 0,
    "Selasa": 1,
    "Rabu": 2,
    "Kamis": 3,
    "Jumat": 4,
    "Jum'at": 4,
    "Sabtu": 5,
    "Minggu": 6,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--limit", type=int, default=4000, help="articles for our stages (default: all)"
    )
    ap.add_argument("--dp-articles", type=int, default=150, help="articles for search_dates")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--corpus", type=Path, help="folder of .txt articles instead of IndoSum")
    ap.add_argument("--quality", action="store_true", help="also check dates against IndoSum URLs")
    args = ap.parse_args(argv)

    if args.corpus:
        corpus = load_dir(args.corpus, args.limit)
    elif INDOSUM.is_dir():
        corpus = load_indosum(args.limit)
    else:
        print(f"no corpus: {INDOSUM} is missing; pass --corpus DIR", file=sys.stderr)
        return 1
    docs = [d for d, _ in corpus]
    words = sum(len(d.text.split()) for d in docs)
    print(f"corpus: {len(docs)} articles, {words} words")

    run_stages(docs[:20])  # warm-up: lexicons and patterns are compiled once
    secs, (n_times, n_quant) = best_of(args.repeats, lambda: run_stages(docs))
    ours_wps = words / secs
    print(f"\ntime + quantities stages: {secs:.2f} s for {len(docs)} articles")
    print(f"  {len(docs) / secs:,.0f} articles/s, {ours_wps:,.0f} words/s")
    print(f"  found {n_times} temporal expressions, {n_quant} quantities")
    print(
        f"  share of the pipeline budget ({PIPELINE_WORDS_PER_S:,} words/s): "
        f"{PIPELINE_WORDS_PER_S / ours_wps:.1%}"
    )

    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:
        print("\ndateparser not installed (extra 'dates'): no baseline ratios", file=sys.stderr)
        if args.quality:
            quality(corpus)
        return 0

    anchor = datetime(2017, 6, 1)
    strings = [t.text for d in docs for t in find_times(d.text, None)]
    dp_settings = {"RELATIVE_BASE": anchor}
    dateparser.parse("19 Juni 2024", languages=["id"])  # warm-up: dateparser loads its data

    def ours_on_strings() -> int:
        return sum(len(find_times(s, anchor.date())) for s in strings)

    def dp_on_strings() -> int:
        return sum(
            dateparser.parse(s, languages=["id"], settings=dp_settings) is not None for s in strings
        )

    t_ours, _ = best_of(args.repeats, ours_on_strings)
    t_dp, dp_parsed = best_of(1, dp_on_strings)
    print(f"\nexpressions: {len(strings)} strings our stage found")
    print(f"  telisik.find_times   {len(strings) / t_ours:>12,.0f} expressions/s")
    print(
        f"  dateparser.parse     {len(strings) / t_dp:>12,.0f} expressions/s  (parsed {dp_parsed})"
    )
    print(f"  ratio                {t_dp / t_ours:>12,.1f}x")

    sample = docs[: args.dp_articles]
    t_ours_a, _ = best_of(args.repeats, lambda: run_stages(sample))
    t_dp_a, _ = best_of(1, lambda: [search_dates(d.text, languages=["id"]) for d in sample])
    print(f"\narticles: {len(sample)} articles")
    print(f"  time + quantities    {len(sample) / t_ours_a:>12,.1f} articles/s")
    print(f"  dateparser.search    {len(sample) / t_dp_a:>12,.1f} articles/s")
    print(f"  ratio                {t_dp_a / t_ours_a:>12,.1f}x")

    if args.quality:
        quality(corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
