"""Benchmark: the quotes stage against the segmentation stage, on the same text, in one run.

The quotes stage runs after segmentation and entities; its cost is reported
as sentences/s and as a ratio to the segmentation stage (``segment_text``)
timed on the same articles in the same process. Entities are computed once,
before timing (the NER model is the entities stage's cost, not this one's).

Corpus: the sample corpus (``examples/corpus``) plus the seeds
(``../shared/seeds``) when present, repeated ``--repeat`` times.

    .venv/bin/python bench/bench_quotes.py [--repeat 200]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from telisik import Failure, Pipeline, read_paths
from telisik.model import Document
from telisik.quotes import find_quotes
from telisik.segment import segment_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
PIPELINE_WORDS_PER_S = 17_000  # DESIGN.md: the whole pipeline's floor on one core


def load(paths: list[Path]) -> list[Document]:
    """Articles through the shipped pipeline up to entities (the quotes stage's input)."""
    pipeline = Pipeline(stages=["clean", "segment", "time", "quantities", "entities"])
    return [d for d in pipeline.stream(read_paths(paths)) if not isinstance(d, Failure)]


def best_of(runs: int, fn: object) -> float:
    """The fastest of ``runs`` timings: the least disturbed by the shared machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="passes over the articles")
    parser.add_argument("--runs", type=int, default=3, help="timings; the best is kept")
    args = parser.parse_args()
    paths = [ROOT / "examples" / "corpus"]
    if SEEDS.is_dir():
        paths.extend(sorted(SEEDS.glob("*.txt")))
    docs = load(paths)
    sentences = sum(len(d.sentences) for d in docs) * args.repeat
    words = sum(len(d.text.split()) for d in docs) * args.repeat

    def segment_all() -> None:
        for _ in range(args.repeat):
            for d in docs:
                segment_text(d.text)

    def quotes_all() -> None:
        for _ in range(args.repeat):
            for d in docs:
                find_quotes(d)

    t_seg = best_of(args.runs, segment_all)
    t_quo = best_of(args.runs, quotes_all)
    kinds = Counter(q.kind for d in docs for q in find_quotes(d))
    print(f"{len(docs)} articles x {args.repeat}: {sentences} sentences, {words} words")
    print(f"quotes found per pass: {dict(sorted(kinds.items()))}")
    print("| stage | sentences/s | words/s | x segmentation time |")
    print("|---|---|---|---|")
    print(f"| segment (baseline) | {sentences / t_seg:,.0f} | {words / t_seg:,.0f} | 1.00 |")
    print(f"| quotes | {sentences / t_quo:,.0f} | {words / t_quo:,.0f} | {t_quo / t_seg:.2f} |")
    share = PIPELINE_WORDS_PER_S / (words / t_quo)
    print(f"quotes stage uses {share:.1%} of the 17k words/s pipeline budget")


if __name__ == "__main__":
    main()
