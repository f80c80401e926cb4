"""Benchmark: the events stage against the whole pipeline without it, in one run.

Both are measured in this process over the same real articles (IndoSum,
../shared/data/indosum), one core:
- pipeline: read (text) + every default stage except events (clean, segment,
  time, quantities, entities with the shipped NER model, quotes …);
- events: the events stage alone over the documents the pipeline produced
  (best of ``--repeat`` runs).
It prints articles/s of each, the events stage's cost as a share of the
pipeline's, and how many events, per type and status, it found.

Usage: python bench/bench_events.py [--articles 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from corpora import indosum_texts  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from telisik.events import events as events_stage
    from telisik.pipeline import Pipeline
    from telisik.read import read_bytes

    texts = [t for _, t in zip(range(args.articles), indosum_texts(), strict=False)]
    words = sum(len(t.split()) for t in texts)
    names = [s for s in Pipeline().names if s != "events"]
    pipeline = Pipeline(stages=names)
    warm = pipeline(read_bytes(texts[0].encode(), "warmup.txt")[0])  # load models once
    events_stage(warm)

    t0 = time.perf_counter()
    docs = [pipeline(read_bytes(t.encode(), f"a{i}.txt")[0]) for i, t in enumerate(texts)]
    base = time.perf_counter() - t0

    best = float("inf")
    found = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        found = [events_stage(d) for d in docs]
        best = min(best, time.perf_counter() - t0)

    n = len(texts)
    evs = [e for d in found for e in d.events]
    print(f"{n} IndoSum articles, {words} words; pipeline stages: {', '.join(names)}\n")
    print("| what | articles/s | words/s | x pipeline time |")
    print("|---|---|---|---|")
    print(f"| pipeline without events | {n / base:,.1f} | {words / base:,.0f} | 1.00 |")
    print(f"| events stage alone | {n / best:,.1f} | {words / best:,.0f} | {best / base:.3f} |")
    print(
        f"\nevents stage: {(n / best) / (n / base):.1f}x the pipeline's articles/s; "
        f"adding it costs {100 * best / base:.1f}% of the pipeline's time"
    )
    print(f"{len(evs)} events, {len(evs) / n:.2f} per article")
    print("types: " + ", ".join(f"{k} {v}" for k, v in Counter(e.type for e in evs).most_common()))
    print(
        "status: " + ", ".join(f"{k} {v}" for k, v in Counter(e.status for e in evs).most_common())
    )
    with_actors = sum(1 for e in evs if e.source and e.target)
    print(f"with both actors: {with_actors} ({100 * with_actors / max(len(evs), 1):.0f}%)")


if __name__ == "__main__":
    main()
