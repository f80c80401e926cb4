"""Benchmark the NER model: words/s and articles/s on real news, as a ratio to spaCy's tokenizer.

Both run in this process, one after the other, over the same IndoSum articles
(../shared/data/indosum), one process, ``nlp.pipe(batch_size=256)``. Words are
the tokens of spaCy's blank Indonesian tokenizer. The whole entities stage
(NER + gazetteer + rules + canonicalisation, one article at a time, sentences
from the segment stage computed beforehand) is timed over the same texts. Run::

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

from telisik.entities import extract_entities, ner  # noqa: E402
from telisik.segment import segment_text  # noqa: E402


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """Fastest wall time of ``repeat`` runs (the least disturbed by other load)."""
    return best_of_both(repeat, fn)[0]


def best_of_both(repeat: int, fn: Callable[[], object]) -> tuple[float, float]:
    """Fastest wall time and fastest CPU time of this process over ``repeat`` runs.

    On a shared machine the CPU time is the steadier figure: other processes
    stretch the wall time, not the work done.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus)


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

    t_tok, c_tok = best_of_both(args.repeat, lambda: list(blank.pipe(texts, batch_size=256)))
    t_ner = best_of(args.repeat, lambda: list(nlp.pipe(texts, batch_size=256)))
    t_pred = best_of(args.repeat, lambda: [ner.predict(t, nlp=nlp) for t in texts])
    sentences = [[(s.start, s.end) for s in segment_text(t, with_tokens=False)] for t in texts]
    extract_entities(texts[0], sentences[0])  # loads the gazetteer and word lists
    pairs = list(zip(texts, sentences, strict=True))
    t_stage, c_stage = best_of_both(args.repeat, lambda: [extract_entities(t, s) for t, s in pairs])
    spaced = sum(len(t.split()) for t in texts)  # whitespace words, as bench_pipeline counts
    result = {
        "articles": len(texts),
        "words": words,
        "tokenizer_words_per_s": round(words / t_tok),
        "ner_words_per_s": round(words / t_ner),
        "ner_articles_per_s": round(len(texts) / t_ner, 1),
        "ner_cost_vs_tokenizer": round(t_ner / t_tok, 1),
        "predict_per_article_words_per_s": round(words / t_pred),
        "entities_stage_words_per_s": round(words / t_stage),
        "entities_stage_articles_per_s": round(len(texts) / t_stage, 1),
        "entities_stage_cost_vs_tokenizer": round(t_stage / t_tok, 1),
        "entities_stage_words_per_s_cpu": round(words / c_stage),
        "entities_stage_whitespace_words_per_s_cpu": round(spaced / c_stage),
        "entities_stage_cost_vs_tokenizer_cpu": round(c_stage / c_tok, 1),
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
