"""Train the ranker that resolves "katanya"-style speech tags (``telisik.quotes.rank``).

Every quoted span of the hand-labelled IndoSum sample (``training/gold``,
split ``dev`` only: the test split stays unseen) whose speaker the quotes stage
resolves through a pronoun cue becomes one choice: the candidates the stage
offers, each with its features, and which of them the label names. A
conditional logit (softmax over the candidates of one choice, L2-regularised)
is fitted by gradient descent in numpy; five folds grouped by article say how
well it does on articles it was not fitted on, against the rules' own guess.

    python training/train_speaker.py            # cross-validate, then write the model
    python training/train_speaker.py --cv-only  # cross-validate only
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from corpora import DATA, indosum_documents
from eval_quotes import NOT_QUOTE, UNCLEAR, UNNAMED, _norm, crc, read_gold

from telisik import Pipeline
from telisik.model import Document
from telisik.quotes import find_quotes, rank
from telisik.quotes.context import Speaker, _Context

MODEL = Path(__file__).resolve().parents[1] / "src/telisik/models/quote-speaker.json"
L2 = 0.001


@dataclass(frozen=True, slots=True)
class Choice:
    article: str
    start: int
    features: np.ndarray  # candidates x features
    right: np.ndarray  # bool per candidate: the label names it
    rule: int  # index of the rules' guess, -1 when it is not a candidate
    names: tuple[str, ...] = ()  # the candidates' names, for reading errors


def _names(doc: Document, sp: Speaker) -> list[str]:
    ent = next((e for e in doc.entities if e.id == sp.id), None)
    return [sp.name] + ([ent.name, *ent.aliases] if ent is not None else [])


def collect() -> list[Choice]:
    labels = [lb for lb in read_gold() if lb.split == "dev" and lb.speaker != UNCLEAR]
    wanted = {lb.article for lb in labels}
    pipeline = Pipeline(stages=["segment", "entities"])
    out: list[Choice] = []
    by_article: dict[str, list] = {}
    for lb in labels:
        by_article.setdefault(lb.article, []).append(lb)
    for art, text in indosum_documents():
        if art not in wanted:
            continue
        doc = pipeline(Document(id=art, source=art, text=text))
        seen: list[tuple[int, list[rank.Candidate], Speaker | None]] = []

        def record(
            ctx: _Context, pos: int, quoted: str, res: rank.Resolution, seen=seen
        ) -> Speaker | None:
            seen.append((pos, rank.candidates(ctx, pos, quoted, res), res.rule))
            return res.rule  # the rules decide while recording: the state stays theirs

        find_quotes(doc, chooser=record)
        for lb in by_article[art]:
            if crc(doc.text[lb.start : lb.end]) != lb.crc:
                continue
            hit = next(((c, r) for p, c, r in seen if lb.start <= p < lb.end), None)
            if hit is None or lb.speaker in (UNNAMED, NOT_QUOTE) or not hit[0]:
                continue
            cands, rule = hit
            if rule is None or rule.id is None:
                continue  # the ranker keeps the rules' "no one" and described speakers
            gold = [_norm(g) for g in lb.speaker.split("|")]
            right = [any(g & _norm(n) for g in gold for n in _names(doc, c.speaker)) for c in cands]
            ids = [c.speaker.id for c in cands]
            r = ids.index(rule.id) if rule is not None and rule.id in ids else -1
            out.append(
                Choice(
                    art,
                    lb.start,
                    np.array([c.features for c in cands]),
                    np.array(right),
                    r,
                    tuple(c.speaker.name for c in cands),
                )
            )
    return out


def fit(choices: list[Choice], steps: int = 8000, lr: float = 3.0) -> np.ndarray:
    """Maximise the log-probability of the right candidates (softmax per choice)."""
    usable = [c for c in choices if c.right.any()]
    width = max(len(c.right) for c in usable)
    x = np.zeros((len(usable), width, len(rank.FEATURES)))
    valid = np.zeros((len(usable), width), dtype=bool)
    right = np.zeros((len(usable), width))
    for i, c in enumerate(usable):
        x[i, : len(c.right)] = c.features
        valid[i, : len(c.right)] = True
        right[i, : len(c.right)] = c.right
    w = np.zeros(len(rank.FEATURES))
    for _ in range(steps):
        s = np.where(valid, x @ w, -np.inf)
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        q = p * right
        q /= q.sum(axis=1, keepdims=True)  # posterior over the right ones (several may match)
        grad = L2 * w - np.einsum("nc,ncf->f", q - p, x) / len(usable)
        w -= lr * grad
    return w


def accuracy(choices: list[Choice], w: np.ndarray | None) -> int:
    right = 0
    for c in choices:
        pick = c.rule if w is None else int(np.argmax(c.features @ w))
        right += pick >= 0 and bool(c.right[pick])
    return right


def fold(article: str, k: int = 5) -> int:
    return zlib.crc32(article.encode()) % k


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv-only", action="store_true")
    args = ap.parse_args()
    if not (DATA / "indosum").exists():
        print(f"IndoSum not found at {DATA / 'indosum'}", file=sys.stderr)
        return 2
    choices = collect()
    oracle = sum(c.right.any() for c in choices)
    print(f"{len(choices)} pronoun-cue choices; the right speaker is a candidate in {oracle}")
    rule = model = 0
    for k in range(5):
        train = [c for c in choices if fold(c.article) != k]
        held = [c for c in choices if fold(c.article) == k]
        w = fit(train)
        rule += accuracy(held, None)
        model += accuracy(held, w)
    print(f"five folds by article: rules {rule}/{len(choices)}, ranker {model}/{len(choices)}")
    if args.cv_only:
        return 0
    w = fit(choices)
    print(f"fitted on all: ranker {accuracy(choices, w)}/{len(choices)} (training data)")
    for name, value in zip(rank.FEATURES, w, strict=True):
        print(f"  {name:26s} {value:+.3f}")
    MODEL.write_text(
        json.dumps(
            {
                "about": "telisik.quotes.rank: conditional logit, training/train_speaker.py",
                "features": list(rank.FEATURES),
                "weights": [round(float(x), 4) for x in w],
            },
            indent=1,
        )
        + "\n"
    )
    print(f"written {MODEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
