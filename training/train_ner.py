"""Train telisik's Indonesian NER model and ship it in the package.

Usage (what ``make train-ner`` runs)::

    python training/train_ner.py

Steps, each deterministic (fixed seeds, one process, no downloads):

1. ``corpus``:   the IOB files in ../shared/data/{nergrit,nerp} -> spaCy DocBins
                 in training/out/corpus/ (labels mapped onto PERSON/ORG/LOC,
                 see training/corpora.py).
2. ``pretrain``: (with --pretrain-epochs N > 0) the tok2vec is pre-trained on the
                 raw IndoSum article text (spaCy's character objective).
3. ``train``:    spaCy training with training/config.cfg; model selection on
                 NERGrit valid.
4. ``evaluate``: per-label precision/recall/F1 on NERGrit valid (cased, the
                 project's headline figure) and on case-restored NERP valid,
                 written to training/eval.json.
5. ``package``:  the best model is copied to src/telisik/models/ner-id/ with the
                 evaluation and the data credits in its meta.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

import corpora  # noqa: E402  (a sibling module, not a package)

LOGGER = logging.getLogger("train_ner")
CONFIG = ROOT / "training" / "config.cfg"
OUT = ROOT / "training" / "out"
MODEL_DIR = ROOT / "src" / "telisik" / "models" / "ner-id"
EVAL_JSON = ROOT / "training" / "eval.json"
SEED = 0

CREDITS = [
    "NERGrit (PT Gria Inovasi Teknologi, 2019) via IndoNLU (Wilie et al. 2020): "
    "training and validation data, attribution required.",
    "NERP (Hoesen & Purwarianti 2018) via IndoNLU: training data, PERSON and LOC only, "
    "case-restored (CC BY-SA 4.0).",
    "IndoSum (Kurniawan & Louvan 2018, CC BY-SA 4.0): unlabelled text for pre-training "
    "the token encoder and for the case-restoration table.",
]


def make_docbin(sentences: Iterable[corpora.Sentence], path: Path) -> int:
    """Write sentences as a spaCy DocBin of gold-tokenised docs; return the doc count."""
    import spacy
    from spacy.tokens import Doc, DocBin
    from spacy.training import biluo_tags_to_spans

    nlp = spacy.blank("id")
    db = DocBin(store_user_data=False)
    n = 0
    for sent in sentences:
        doc = Doc(nlp.vocab, words=list(sent.words))
        biluo = corpora.iob_to_biluo(sent.tags)
        # Tokens without annotation stay missing; everything else is O or a span.
        doc.set_ents(
            biluo_tags_to_spans(doc, [t if t != corpora.MISSING else "O" for t in biluo]),
            missing=[doc[i : i + 1] for i, t in enumerate(biluo) if t == corpora.MISSING],
            default="outside",
        )
        db.add(doc)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def build_corpus(out: Path, nerp: str) -> dict[str, Path]:
    """Convert the labelled sets; return the DocBin paths by name."""
    grit = corpora.DATA / "nergrit"
    prosa = corpora.DATA / "nerp"
    train = list(corpora.read_iob(grit / "train_preprocess.txt", corpora.NERGRIT_MAP))
    valid = list(corpora.read_iob(grit / "valid_preprocess.txt", corpora.NERGRIT_MAP))
    paths = {"nergrit-valid": out / "nergrit-valid.spacy", "train": out / "train.spacy"}
    LOGGER.info("NERGrit: %d train, %d valid sentences", len(train), len(valid))
    make_docbin(valid, paths["nergrit-valid"])
    if nerp != "skip":
        table = corpora.casing_table()
        p_train = [
            corpora.restore_case(s, table)
            for s in dict.fromkeys(  # NERP train holds 323 duplicate sentences
                corpora.read_iob(prosa / "train_preprocess.txt", corpora.NERP_MAP)
            )
        ]
        p_valid = [
            corpora.restore_case(s, table)
            for s in corpora.read_iob(prosa / "valid_preprocess.txt", corpora.NERP_MAP)
        ]
        LOGGER.info("NERP (case-restored): %d train, %d valid", len(p_train), len(p_valid))
        paths["nerp-valid"] = out / "nerp-valid.spacy"
        make_docbin(p_valid, paths["nerp-valid"])
        train = train + p_train
    random.Random(SEED).shuffle(train)
    make_docbin(train, paths["train"])
    return paths


def write_raw_text(path: Path) -> int:
    """Write IndoSum paragraphs as spaCy JSONL ({"text": ...}); return the count.

    Paragraphs, not articles: the pre-training reader skips texts over 500 tokens.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for text in corpora.indosum_texts():
            for para in text.split("\n\n"):
                fh.write(json.dumps({"text": para}, ensure_ascii=False) + "\n")
                n += 1
    return n


def pretrain(out: Path, epochs: int, overrides: dict[str, object]) -> Path:
    """Pre-train the tok2vec on IndoSum; return the weights of the last epoch."""
    from spacy.cli.pretrain import pretrain as spacy_pretrain

    raw = out / "indosum.jsonl"
    LOGGER.info("IndoSum raw text: %d paragraphs", write_raw_text(raw))
    pt_dir = out / "pretrain"
    if pt_dir.exists():
        shutil.rmtree(pt_dir)
    spacy_pretrain(
        CONFIG,
        pt_dir,
        use_gpu=-1,
        silent=False,
        overrides={
            **overrides,
            "paths.raw_text": str(raw),
            "pretraining.max_epochs": epochs,
        },
    )
    return pt_dir / f"model{epochs - 1}.bin"


def train(
    paths: dict[str, Path], out: Path, init_tok2vec: Path | None, overrides: dict[str, object]
) -> Path:
    """Run spaCy training; return the best model's directory."""
    from spacy.cli.train import train as spacy_train

    model_out = out / "model"
    if model_out.exists():
        shutil.rmtree(model_out)
    spacy_train(
        CONFIG,
        model_out,
        use_gpu=-1,
        overrides={
            **overrides,
            "paths.train": str(paths["train"]),
            "paths.dev": str(paths["nergrit-valid"]),
            "paths.init_tok2vec": str(init_tok2vec) if init_tok2vec else None,
        },
    )
    return model_out / "model-best"


def _spans(doc: object, labels: set[str]) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in labels}  # type: ignore[attr-defined]


def evaluate(model: Path, docbin: Path, labels: tuple[str, ...]) -> dict[str, object]:
    """Entity-level micro and per-label P/R/F1 on gold tokens (as seqeval / IndoNLU do).

    Predicted spans that touch a token with no gold annotation are not scored.
    """
    import spacy
    from spacy.tokens import Doc, DocBin

    nlp = spacy.load(model)
    gold_docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    inputs = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[True] * len(d)) for d in gold_docs]
    counts = {lab: [0, 0, 0] for lab in labels}  # tp, n_pred, n_gold
    wanted = set(labels)
    for gold, pred in zip(gold_docs, nlp.pipe(inputs, batch_size=256), strict=True):
        missing = {t.i for t in gold if t.ent_iob == 0}
        g = _spans(gold, wanted)
        p = {s for s in _spans(pred, wanted) if not missing.intersection(range(s[0], s[1]))}
        for lab in labels:
            gl = {s for s in g if s[2] == lab}
            pl = {s for s in p if s[2] == lab}
            counts[lab][0] += len(gl & pl)
            counts[lab][1] += len(pl)
            counts[lab][2] += len(gl)

    def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "p": round(100 * p, 2),
            "r": round(100 * r, 2),
            "f": round(100 * f, 2),
            "support": n_gold,
        }

    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        "micro": prf(*total),
        "per_label": {lab: prf(*c) for lab, c in counts.items()},
        "sentences": len(gold_docs),
    }


def package(model: Path, evaluation: dict[str, object], recipe: dict[str, object]) -> None:
    """Copy the model into the package, with the evaluation and credits in its meta."""
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    shutil.copytree(model, MODEL_DIR)
    # The shipped config must not point at this machine's training files.
    from confection import Config

    cfg_path = MODEL_DIR / "config.cfg"
    cfg = Config().from_disk(cfg_path, interpolate=False)
    cfg["paths"] = {key: None for key in cfg["paths"]}
    cfg.to_disk(cfg_path)
    meta_path = MODEL_DIR / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="ner_id",
        version="0.1.0",
        description="telisik Indonesian NER (PERSON, ORG, LOC): hash-embedding CNN + "
        "transition-based NER, trained by training/train_ner.py",
        author="telisik",
        license="Apache-2.0 (model); see sources for data terms",
        sources=CREDITS,
    )
    meta["telisik"] = {"evaluation": evaluation, "recipe": recipe}
    meta.pop("performance", None)  # spaCy's own dev scores: superseded by "telisik"
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--nerp",
        choices=["restore", "skip"],
        default="restore",
        help="use NERP (lower-cased) re-cased as extra PERSON/LOC data, or not",
    )
    ap.add_argument(
        "--pretrain-epochs",
        type=int,
        default=0,
        help="pre-train the tok2vec on IndoSum for N epochs first (0: no)",
    )
    ap.add_argument(
        "--init-tok2vec",
        type=Path,
        default=None,
        help="reuse pre-trained tok2vec weights instead of pre-training again",
    )
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="config override, e.g. components.tok2vec.model.encode.width=64",
    )
    ap.add_argument("--out", type=Path, default=OUT, help="work directory (git-ignored)")
    ap.add_argument(
        "--no-package",
        action="store_true",
        help="train and evaluate only; leave src/telisik/models/ alone",
    )
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    import spacy
    from spacy.util import fix_random_seed

    fix_random_seed(SEED)
    overrides: dict[str, object] = {}
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value)
    started = time.monotonic()
    paths = build_corpus(args.out / "corpus", args.nerp)
    init = args.init_tok2vec
    if init is None and args.pretrain_epochs > 0:
        init = pretrain(args.out, args.pretrain_epochs, overrides)
    best = train(paths, args.out, init, overrides)
    evaluation: dict[str, object] = {
        "nergrit_valid": evaluate(best, paths["nergrit-valid"], corpora.LABELS),
    }
    if "nerp-valid" in paths:
        evaluation["nerp_valid_case_restored"] = evaluate(
            best, paths["nerp-valid"], ("PERSON", "LOC")
        )
    recipe = {
        "spacy": spacy.__version__,
        "seed": SEED,
        "nerp": args.nerp,
        "pretrain_epochs": args.pretrain_epochs if init else 0,
        "overrides": overrides,
        "minutes": round((time.monotonic() - started) / 60, 1),
    }
    report = {"evaluation": evaluation, "recipe": recipe}
    text = json.dumps(report, indent=2)
    (args.out / "eval.json").write_text(text + "\n", encoding="utf-8")
    LOGGER.info("evaluation:\n%s", text)
    if not args.no_package:
        EVAL_JSON.write_text(text + "\n", encoding="utf-8")
        package(best, evaluation, recipe)
        LOGGER.info("model written to %s", MODEL_DIR)
    return 0


if __name__ == "__main__":
    sys.exit(main())
