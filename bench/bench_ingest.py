"""Cleaning + segmentation + store throughput, and peak memory as the corpus grows.

Builds N distinct articles by repeating the sample corpus (each copy gets a
unique closing sentence so ids differ), then, in one fresh process per size:
reads them, runs the clean and segment stages and writes each to a real
SQLite file. Baselines measured in the same process over the same texts: a
bare regex word pass (the design's 1x unit) and a bare SQLite insert of the
text. Peak RSS per size shows whether ingest streams (flat) or accumulates.

Usage: python bench/bench_ingest.py [--sizes 2500,5000,10000]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


def corpus_inputs() -> list[tuple[str, bytes]]:
    """Every file of the sample corpus as (name, bytes)."""
    return [(p.name, p.read_bytes()) for p in sorted(CORPUS.iterdir()) if p.suffix != ".md"]


def variants(n: int) -> Iterator[tuple[str, bytes]]:
    """n inputs: corpus files again and again, each copy made distinct."""
    files = corpus_inputs()
    for i in range(n):
        name, data = files[i % len(files)]
        if name.endswith((".txt", ".html", ".htm")):
            data = data.replace(b"\n\n", f"\n\nArsip nomor {i}.\n\n".encode(), 1)
            yield f"copy{i}/{name}", data
        else:  # feeds and JSONL hold several articles: keep them whole but distinct
            yield (
                f"copy{i}/{name}",
                data.replace(b"</title>", f" {i}</title>".encode(), 1).replace(
                    b'"text": "', f'"text": "Arsip nomor {i}. '.encode()
                ),
            )


def run_size(n: int) -> dict[str, float]:
    """Measure one corpus size in this process (called in a fresh subprocess)."""
    from telisik.pipeline import get_stage
    from telisik.read import read_bytes
    from telisik.store import open_store

    clean, segment = get_stage("clean"), get_stage("segment")
    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "bench.db")
    articles = 0
    nbytes = 0
    words = 0
    parts = {"read": 0.0, "clean": 0.0, "segment": 0.0, "store": 0.0}
    clock = time.perf_counter
    t0 = clock()
    for name, data in variants(n):
        t = clock()
        docs = read_bytes(data, name)
        parts["read"] += clock() - t
        for doc in docs:
            t = clock()
            cleaned = clean(doc)
            t1 = clock()
            out = segment(cleaned)
            t2 = clock()
            store.put(out)
            parts["store"] += clock() - t2
            parts["clean"] += t1 - t
            parts["segment"] += t2 - t1
            articles += 1
            nbytes += len(out.raw.encode())
            words += len(out.text.split())
    elapsed = time.perf_counter() - t0
    store.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # Baselines over the same texts, in the same process.
    texts = [d.raw for name, data in variants(n) for d in read_bytes(data, name)]
    word_re = re.compile(r"\w+")
    t0 = time.perf_counter()
    for text in texts:
        word_re.findall(text)
    regex_s = time.perf_counter() - t0
    con = sqlite3.connect(tmp / "baseline.db")
    con.execute("PRAGMA journal_mode=WAL")  # the same durability settings as the store
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
    t0 = time.perf_counter()
    for text in texts:
        with con:
            con.execute("INSERT INTO t (text) VALUES (?)", (text,))
    sqlite_s = time.perf_counter() - t0
    con.close()
    return {
        "inputs": n,
        "articles": articles,
        "seconds": elapsed,
        "articles_per_s": articles / elapsed,
        "mb_per_s": nbytes / elapsed / 1e6,
        "words_per_s": words / elapsed,
        "x_regex_pass": elapsed / regex_s,
        "x_sqlite_insert": elapsed / sqlite_s,
        "peak_rss_mib": peak_mib,
        **{f"share_{k}": v / elapsed for k, v in parts.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2500,5000,10000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one)))
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], check=True, capture_output=True, text=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(
        "| inputs | articles | articles/s | MB/s | words/s | x regex pass | x sqlite insert "
        "| peak RSS MiB | time share: read / clean / segment / store |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['inputs']} | {r['articles']} | {r['articles_per_s']:.0f} | {r['mb_per_s']:.2f} "
            f"| {r['words_per_s']:.0f} | {r['x_regex_pass']:.1f} | {r['x_sqlite_insert']:.1f} "
            f"| {r['peak_rss_mib']:.0f} | {r['share_read']:.0%} / {r['share_clean']:.0%} / "
            f"{r['share_segment']:.0%} / {r['share_store']:.0%} |"
        )
    growth = rows[-1]["peak_rss_mib"] / rows[0]["peak_rss_mib"]
    print(
        f"\npeak memory growth from {rows[0]['inputs']} to {rows[-1]['inputs']} inputs: "
        f"x{growth:.2f} (flat means close to 1)"
    )


if __name__ == "__main__":
    main()
