"""Near-duplicate detection at scale: signatures + LSH grouping over synthetic articles.

The articles are built from the sample corpus (examples/corpus): each original
draws random corpus sentences and replaces a quarter of their words at random
(so originals are distinct, as real articles are), and a fifth of the
originals get one or two copies with random edits (a paragraph cut, inserted
or swapped, furniture added, a few words changed). Precision and recall are
over pairs, against the known copies. Each size runs in its own process so
that peak memory (max RSS) is its own. Articles are generated and signed one
at a time into a ``SignatureTable`` (as ``refresh_stories`` streams them from
the store), so the memory measured is the stage's, not the benchmark's texts.

    .venv/bin/python bench/bench_stories.py                 # 25k, 50k, 100k
    .venv/bin/python bench/bench_stories.py --sizes 5000    # quick look
    .venv/bin/python bench/bench_stories.py --sizes 10000,20000 --clusters  # + story clusters
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import resource
import subprocess
import sys
import time
from array import array
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FURNITURE = ["Baca juga: Berita Lain Hari Ini", "ADVERTISEMENT", "(ant)", "Bagikan: Facebook X"]


def corpus_pool() -> tuple[list[str], list[str]]:
    """Sentences and words of the sample corpus, after the pipeline's cleaning."""
    from telisik.core import extract
    from telisik.pipeline import Failure, Pipeline

    pipeline = Pipeline(stages=["clean"])
    texts = [
        d.text
        for d in extract([ROOT / "examples" / "corpus"], pipeline=pipeline)
        if not isinstance(d, Failure)
    ]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s.split()) >= 6]
    words = sorted({w for t in texts for w in t.split()})
    return sentences, words


SYLLABLES = ["ka", "ri", "mo", "tan", "su", "wi", "jo", "nar", "de", "lu", "pa", "sin", "go", "ha"]


def name(rng: random.Random) -> str:
    """A made-up name: a real corpus names many more people and places than 16 articles do."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def mutate(sentence: str, words: list[str], rng: random.Random, rate: float) -> str:
    out = []
    for w in sentence.split():
        if w[:1].isdigit():
            out.append(str(rng.randrange(1, 100_000)))
        elif w[:1].isupper() and rng.random() < 2 * rate:
            out.append(name(rng))
        elif rng.random() < rate:
            out.append(rng.choice(words))
        else:
            out.append(w)
    return " ".join(out)


def original(sentences: list[str], words: list[str], rng: random.Random) -> list[str]:
    paras = []
    for _ in range(rng.randint(6, 12)):
        picked = rng.sample(sentences, rng.randint(1, 3))
        paras.append(" ".join(mutate(s, words, rng, 0.25) for s in picked))
    return paras


def edited(paras: list[str], words: list[str], rng: random.Random) -> list[str]:
    p = list(paras)
    for _ in range(rng.randint(1, 3)):
        edit = rng.choice(["cut", "insert", "swap", "furniture", "words"])
        k = rng.randrange(1, len(p) - 1)
        if edit == "cut":
            del p[k]
        elif edit == "insert":
            p.insert(k, mutate(rng.choice(p), words, rng, 0.5))
        elif edit == "swap":
            p[k - 1], p[k] = p[k], p[k - 1]
        elif edit == "furniture":
            p.insert(rng.choice([0, len(p)]), rng.choice(FURNITURE))
        else:
            p = [mutate(x, words, rng, 0.03) for x in p]
    return p


def articles(n: int, seed: int = 1) -> Iterator[tuple[str, int]]:
    """(text, family) of ``n`` synthetic articles, generated one at a time."""
    rng = random.Random(seed)
    sentences, words = corpus_pool()
    made, family = 0, 0
    while made < n:
        paras = original(sentences, words, rng)
        texts = ["\n\n".join(paras)]
        if rng.random() < 0.2:
            texts += ["\n\n".join(edited(paras, words, rng)) for _ in range(rng.randint(1, 2))]
        for text in texts[: n - made]:
            yield text, family
            made += 1
        family += 1


def rss_mib() -> float:
    """Resident memory now (Linux), to see where the peak is reached."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def run(n: int, seed: int = 1, *, clusters: bool = False) -> dict[str, float]:
    """Signatures streamed into a SignatureTable (texts are not kept), then grouping.

    With ``clusters``, the whole pass (``stories.group``: near-duplicates,
    inherited dates, story clusters and labels) runs afterwards and is timed too.
    """
    from telisik import stories as S
    from telisik.model import Document

    table = S.SignatureTable()
    families = array("q")
    n_words = 0
    t0 = time.perf_counter()
    for i, (text, family) in enumerate(articles(n, seed)):
        n_words += len(text.split())
        table.add(str(i), S.signature(Document(id=str(i), source=str(i), text=text)))
        families.append(family)
    table.arrays()
    rss_signatures = rss_mib()
    t1 = time.perf_counter()
    pairs = S.near_duplicate_pairs(table)
    groups = S.group_indices(len(table), pairs)
    t2 = time.perf_counter()

    found = {(a, b) for g in groups for a, b in itertools.combinations(g, 2)}
    by_family: dict[int, list[int]] = {}
    for i, fam in enumerate(families):
        by_family.setdefault(fam, []).append(i)
    want = {p for m in by_family.values() for p in itertools.combinations(m, 2)}
    tp = len(found & want)
    peak_near_duplicates = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    extra: dict[str, float] = {}
    if clusters:
        t3 = time.perf_counter()
        grouping = S.group(table)
        extra = {
            "whole_pass_s": time.perf_counter() - t3,
            "stories": len(grouping.clusters),
            "peak_rss_whole_pass_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    return {
        "articles": n,
        "words": n_words,
        "copy_pairs": len(want),
        "signature_s": t1 - t0,
        "group_s": t2 - t1,
        "precision": tp / len(found) if found else 1.0,
        "recall": tp / len(want) if want else 1.0,
        "rss_after_signatures_mib": rss_signatures,
        "peak_rss_mib": peak_near_duplicates,
        **extra,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25000,50000,100000")
    parser.add_argument(
        "--clusters", action="store_true", help="also time the whole pass (story clusters)"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run(args.one, clusters=args.clusters)))
        return
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        command = [sys.executable, __file__, "--one", str(n)]
        out = subprocess.run(
            command + ["--clusters"] * args.clusters, check=True, capture_output=True, text=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = rows[0]
    print(
        "| articles | words | copy pairs | signatures s | grouping s | total s "
        "| s per 1k (vs first) | precision | recall | RSS after signatures MiB "
        "| peak RSS MiB | peak MiB per 1k |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        total = r["signature_s"] + r["group_s"]
        per_k = total / r["articles"] * 1000
        base_k = (base["signature_s"] + base["group_s"]) / base["articles"] * 1000
        print(
            f"| {r['articles']:,} | {r['words']:,} | {r['copy_pairs']:,} "
            f"| {r['signature_s']:.1f} | {r['group_s']:.1f} | {total:.1f} "
            f"| {per_k:.3f} ({per_k / base_k:.2f}x) | {r['precision']:.4f} "
            f"| {r['recall']:.4f} | {r['rss_after_signatures_mib']:.0f} "
            f"| {r['peak_rss_mib']:.0f} | {r['peak_rss_mib'] / r['articles'] * 1000:.1f} |"
        )
    if args.clusters:
        print("\n| articles | whole pass s (with clusters) | story clusters | peak RSS MiB |")
        print("|---:|---:|---:|---:|")
        for r in rows:
            print(
                f"| {r['articles']:,} | {r['whole_pass_s']:.1f} | {r['stories']:,.0f} "
                f"| {r['peak_rss_whole_pass_mib']:.0f} |"
            )


if __name__ == "__main__":
    main()
