"""Event merging at scale: the knowledge-base refresh over synthetic articles.

A synthetic world holds 1.5 real events per article (types, modes, actor pairs
from a pool of 300 actors, dates from 2000 to 2024). Each article reports five
of them, popular events more often (Zipf), each with its date at a random
precision (day, a day off by one, month, year, or none) — so mentions must be
merged across articles, and coarse dates must find their day. Each size runs
in its own process, so that peak memory is its own.

Timed, per size (the best of three runs, as the machine is shared):
- ``read``: reading every stored event mention (the baseline: the least any
  refresh must do);
- ``merge``: :func:`telisik.eventkb.build_kb` (blocking, date merging, aggregation,
  ids) on those mentions, after a warm-up that loads the gazetteer; its memory
  is tracemalloc's peak for this step alone, in a second, traced run;
- ``refresh``: :func:`telisik.eventkb.refresh_kb` end to end (read, merge, write
  every merged event and mention back to SQLite).

    .venv/bin/python bench/bench_event_merge.py                  # 2,500 / 5,000 / 10,000
    .venv/bin/python bench/bench_event_merge.py --sizes 1000     # quick look
    .venv/bin/python bench/bench_event_merge.py --dense          # plus the worst case
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

TYPES = [
    ("CONSULT", "visit"),
    ("CONSULT", "meeting"),
    ("AGREE", "treaty"),
    ("COOPERATE", "arms transfer"),
    ("AID", "technology transfer"),
    ("THREATEN", "threat"),
    ("ACCUSE", "accusation"),
    ("MOBILIZE", "missile test"),
    ("SANCTION", "sanction"),
]
PER_ARTICLE = 5
REPEAT = 3
SENTENCE = "Kalimat sintetis yang melaporkan sebuah peristiwa antara dua pihak. "


def world(n_events: int, rng: random.Random) -> list[tuple[str, str, str, str, date]]:
    actors = [f"actor-{i}" for i in range(300)]
    start = date(2000, 1, 1).toordinal()
    span = date(2024, 12, 31).toordinal() - start
    out = []
    for _ in range(n_events):
        type_, mode = rng.choice(TYPES)
        a, b = rng.sample(actors, 2)
        out.append((type_, mode, a, b, date.fromordinal(start + rng.randrange(span))))
    return out


def reported_date(d: date, rng: random.Random) -> tuple[str | None, str]:
    r = rng.random()
    if r < 0.45:
        return d.isoformat(), "day"
    if r < 0.55:
        return (d + timedelta(days=rng.choice((-1, 1)))).isoformat(), "day"
    if r < 0.8:
        return d.strftime("%Y-%m"), "month"
    if r < 0.9:
        return str(d.year), "year"
    return None, "unknown"


def build_store(path: Path, n_articles: int, seed: int) -> int:
    """Store ``n_articles`` synthetic articles with their events; returns the mentions."""
    from telisik.model import Document, Event, EventDate, PublishedDate, Span, document_id
    from telisik.store import SqliteStore

    rng = random.Random(seed)
    events = world(int(n_articles * 1.5), rng)
    cum = list(itertools.accumulate(1 / (k + 1) ** 0.8 for k in range(len(events))))
    text = SENTENCE * PER_ARTICLE
    mentions = 0
    with SqliteStore(path) as store:
        for n in range(n_articles):
            chosen = rng.choices(events, cum_weights=cum, k=PER_ARTICLE)
            prefix = f"Artikel {n}. "
            found = []
            for k, (type_, mode, a, b, d) in enumerate(chosen):
                value, precision = reported_date(d, rng)
                found.append(
                    Event(
                        type=type_,
                        evidence=Span(
                            len(prefix) + k * len(SENTENCE),
                            len(prefix) + (k + 1) * len(SENTENCE) - 1,
                        ),
                        mode=mode,
                        source=a,
                        target=b,
                        date=EventDate(value, precision),  # type: ignore[arg-type]
                        status=rng.choice(("asserted", "asserted", "alleged", "denied")),
                    )
                )
            body = prefix + text
            pub = (chosen[0][4] + timedelta(days=1)).isoformat()
            store.put(
                Document(
                    id=document_id(body),
                    source=f"synthetic/{n}.txt",
                    text=body,
                    published=PublishedDate(pub, "day", "explicit"),
                    events=tuple(found),
                )
            )
            mentions += len(found)
    return mentions


def best(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    """The fastest of ``repeat`` runs: the machine is shared, noise only adds time."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def measure(n_articles: int, seed: int) -> dict[str, float]:
    """One size, in this process: fill a store, then time read / merge / refresh."""
    from telisik.eventkb import build_kb, refresh_kb
    from telisik.store import SqliteStore

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        mentions = build_store(path, n_articles, seed)
        with SqliteStore(path) as store:
            t_read = best(lambda: list(store.event_mentions()))
            read = list(store.event_mentions())
            stories = store.stories()
            build_kb(read[:50], stories)  # warm-up: loads the gazetteer once
            events = build_kb(read, stories, store.event_corrections())
            t_merge = best(lambda: build_kb(read, stories, store.event_corrections()))
            tracemalloc.start()  # a second run for memory: tracing slows it down
            build_kb(read, stories, store.event_corrections())
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            t_refresh = best(lambda: refresh_kb(store))
            assert len(store.kb_events()) == len(events)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": n_articles,
        "mentions": mentions,
        "events": len(events),
        "read_s": t_read,
        "merge_s": t_merge,
        "refresh_s": t_refresh,
        "merge_peak_mib": peak / 2**20,
        "max_rss_mib": rss,
    }


def dense(n: int, seed: int) -> dict[str, float]:
    """The worst case for blocking: one actor in every report, few others, many undated.

    Russia visits one of 50 states on a random day of 20 years; a third of the
    reports leave the visited state unnamed, a fifth have no date, a seventh
    come from articles of unknown date. In memory only: the merge step alone.
    """
    from telisik.eventkb import EventMention, build_kb
    from telisik.model import Event, EventDate, Span

    rng = random.Random(seed)
    start = date(2004, 1, 1).toordinal()
    mentions = []
    for i in range(n):
        d = date.fromordinal(start + rng.randrange(7000)).isoformat()
        when = None if i % 5 == 0 else rng.choice((EventDate(d, "day"), EventDate(d[:7], "month")))
        target = None if i % 3 == 0 else f"state-{rng.randrange(50)}"
        event = Event("CONSULT", Span(0, 5), "visit", "04", "russia", target, None, when)
        mentions.append(EventMention(f"a{i}", 0, event, d if i % 7 else None))
    build_kb(mentions[:20])  # warm-up
    t = best(lambda: build_kb(mentions))
    return {"mentions": n, "events": len(build_kb(mentions)), "merge_s": t}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process
    parser.add_argument(
        "--dense", action="store_true", help="Also time the one-actor worst case (in memory)."
    )
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.seed)))
        return
    if args.dense:
        print("| dense mentions | merged events | merge s | µs/mention |")
        print("|---|---|---|---|")
        for n in (12500, 25000, 50000):
            r = dense(n, args.seed)
            print(f"| {n} | {r['events']} | {r['merge_s']:.2f} | {r['merge_s'] / n * 1e6:.0f} |")
        print()
    rows = []
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--seed", str(args.seed)],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(
        "| articles | mentions | merged events | read s | merge s | x read | refresh s "
        "| merge µs/mention | merge peak MiB | max RSS MiB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['articles']} | {r['mentions']} | {r['events']} | {r['read_s']:.2f} "
            f"| {r['merge_s']:.2f} | {r['merge_s'] / r['read_s']:.1f} | {r['refresh_s']:.2f} "
            f"| {r['merge_s'] / r['mentions'] * 1e6:.0f} | {r['merge_peak_mib']:.1f} "
            f"| {r['max_rss_mib']:.0f} |"
        )
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        scale = b["mentions"] / a["mentions"]
        print(
            f"\n{scale:.1f}x the mentions: merge time x{b['merge_s'] / a['merge_s']:.2f}, "
            f"refresh time x{b['refresh_s'] / a['refresh_s']:.2f}, "
            f"merge peak memory x{b['merge_peak_mib'] / a['merge_peak_mib']:.2f} "
            f"(linear would be x{scale:.1f}, quadratic x{scale**2:.0f})"
        )


if __name__ == "__main__":
    main()
