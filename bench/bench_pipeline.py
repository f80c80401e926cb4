"""The whole ``extract`` pipeline against a bare spaCy efficiency-NER pipeline.

Both run in this process, one after the other, over the same real articles
(IndoSum, ../shared/data/indosum), one core:
- telisik: read (text) + every default stage (clean, segment, entities with the
  shipped NER model, time, quantities, quotes…), as ``telisik extract`` runs it;
- baseline: a blank Indonesian spaCy pipeline with spaCy's default
  efficiency NER (HashEmbedCNN width 96, depth 4 + transition NER, weights
  initialised, not trained: speed does not depend on the weights), ``nlp.pipe``;
- spaCy's blank Indonesian tokenizer alone.
Words are whitespace-separated tokens of the article text. Peak RSS is read
after each size, to show memory staying flat as the corpus grows.

Usage: python bench/bench_pipeline.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from corpora import indosum_texts  # noqa: E402


def spacy_efficiency_ner() -> object:
    """spaCy's default efficiency NER on a blank Indonesian pipeline, initialised."""
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("id")
    ner = nlp.add_pipe("ner")
    for label in ("PERSON", "ORG", "LOC"):
        ner.add_label(label)  # type: ignore[attr-defined]
    doc = nlp.make_doc("Joko Widodo tiba di Jakarta.")
    example = Example.from_dict(doc, {"entities": [(0, 11, "PERSON"), (20, 27, "LOC")]})
    nlp.initialize(lambda: [example])
    return nlp


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()

    from telisik.pipeline import Pipeline
    from telisik.read import read_bytes

    texts = [t for _, t in zip(range(args.articles), indosum_texts(), strict=False)]
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline()
    pipeline(read_bytes(texts[0].encode(), "warmup.txt")[0])  # load models once

    rows = []
    memory = []
    t0 = time.perf_counter()
    for i, text in enumerate(texts, 1):
        pipeline(read_bytes(text.encode(), f"a{i}.txt")[0])
        if i in (len(texts) // 4, len(texts) // 2, len(texts)):
            memory.append((i, peak_mib()))
    ours = time.perf_counter() - t0
    rows.append(("telisik extract (all default stages)", ours))

    import spacy

    nlp = spacy_efficiency_ner()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=256):  # type: ignore[attr-defined]
        pass
    rows.append(("spaCy efficiency NER (blank id + ner)", time.perf_counter() - t0))

    tok = spacy.blank("id")
    t0 = time.perf_counter()
    for _ in tok.pipe(texts, batch_size=256):
        pass
    rows.append(("spaCy blank id tokenizer", time.perf_counter() - t0))

    print(f"{len(texts)} IndoSum articles, {words} words; stages: {', '.join(pipeline.names)}\n")
    print("| what | words/s | articles/s | x telisik time |")
    print("|---|---|---|---|")
    for name, secs in rows:
        print(f"| {name} | {words / secs:,.0f} | {len(texts) / secs:,.1f} | {secs / ours:.2f} |")
    print(f"\ntelisik is {rows[1][1] / ours:.2f}x the speed of the spaCy efficiency NER pipeline")
    print("peak RSS (MiB) after N articles: " + ", ".join(f"{n}: {m:.0f}" for n, m in memory))


if __name__ == "__main__":
    main()
