"""Benchmark the NER model: words/s and articles/s on real news, as a ratio to spaCy's tokenizer.

Both run in this process, one after the other, over the same IndoSum articles
(../shared/data/indosum), one process, ``nlp.pipe(batch_size=256)``. Words are
the tokens of spaCy's blank Indonesian tokenizer. Run::

    python bench/bench_ner.py [--articles 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "src"))

from corpora import DATA, indosum_texts  # noqa: E402

from telisik.entities import ner  # noqa: E402


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """Fastest wall time of ``repeat`` runs (the least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model", type=Path, default=None, help="default: the shipped model")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)

    import spacy

    texts = []
    for text in indosum_texts(args.data):
        texts.append(text)
        if len(texts) >= args.articles:
            break
    blank = spacy.blank("id")
    words = sum(len(d) for d in blank.pipe(texts, batch_size=256))
    nlp = ner.load_model(args.model)
    nlp(texts[0])  # warm-up

    t_tok = best_of(args.repeat, lambda: list(blank.pipe(texts, batch_size=256)))
    t_ner = best_of(args.repeat, lambda: list(nlp.pipe(texts, batch_size=256)))
    t_pred = best_of(args.repeat, lambda: [ner.predict(t, nlp=nlp) for t in texts])
    result = {
        "articles": len(texts),
        "words": words,
        "tokenizer_words_per_s": round(words / t_tok),
        "ner_words_per_s": round(words / t_ner),
        "ner_articles_per_s": round(len(texts) / t_ner, 1),
        "ner_cost_vs_tokenizer": round(t_ner / t_tok, 1),
        "predict_per_article_words_per_s": round(words / t_pred),
        "model": str(args.model or ner.MODEL_PATH),
        "model_mb": round(
            sum(
                f.stat().st_size
                for f in Path(args.model or ner.MODEL_PATH).rglob("*")
                if f.is_file()
            )
            / 2**20,
            1,
        ),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
