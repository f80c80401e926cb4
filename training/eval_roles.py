"""Measure the speaker's role and the relaying channel (``via``) of direct quotes on IndoSum.

``training/gold/roles-indosum.tsv`` holds, for a sample of the quoted spans whose
speaker ``quotes-indosum.tsv`` names, every role the article gives that speaker
("Menteri Luar Negeri AS | juru bicara Pentagon", or ``NONE``) and the channel that
relays the quote ("Reuters", or ``NONE``), labelled blind from ``ROLES.md``. As
there, only ids, offsets and a checksum are stored, never the article text.

A role is scored only where the stage's speaker is right (the speaker score is
``eval_quotes.py``'s): the stage's role is right when it matches one of the
article's roles word for word by at least half (of the longer), or when both are
none. The same holds for ``via``.

    python training/eval_roles.py sample --split test --n 200 --seed 1 --out FILE
    python training/eval_roles.py score [--split dev] [--errors]
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import eval_quotes as ev

GOLD = Path(__file__).with_name("gold") / "roles-indosum.tsv"
NONE = "NONE"


@dataclass(frozen=True, slots=True)
class RoleLabel:
    split: str
    article: str
    start: int
    end: int
    crc: str
    roles: tuple[str, ...]  # empty: the article gives the speaker no role
    via: tuple[str, ...]  # empty: no channel relays the quote


def _alternatives(field: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in field.split("|") if p.strip() and p.strip() != NONE)


def read_roles(path: Path = GOLD) -> list[RoleLabel]:
    out = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        split, article, start, end, checksum, roles, via = line.split("\t")
        out.append(
            RoleLabel(
                split,
                article,
                int(start),
                int(end),
                checksum,
                _alternatives(roles),
                _alternatives(via),
            )
        )
    return out


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def matches(got: str | None, gold: tuple[str, ...]) -> bool:
    """The stage's phrase shares at least half of the longer one's words with one of
    the article's phrases; no phrase on either side is a match too."""
    if not got or not _words(got):
        return not gold
    have = _words(got)
    return any(
        len(have & _words(g)) >= 0.5 * max(len(have), len(_words(g))) for g in gold if _words(g)
    )


def sample(split: str, n: int, seed: int, out: Path) -> int:
    """Write ``n`` spans with a named speaker (one per article) with the whole article."""
    labels = [
        lb
        for lb in ev.read_gold()
        if lb.split == split and lb.speaker not in (ev.UNNAMED, ev.NOT_QUOTE, ev.UNCLEAR)
    ]
    done = {(r.article, r.start) for r in read_roles()}
    by_article: dict[str, list[ev.Label]] = {}
    for lb in labels:
        if (lb.article, lb.start) not in done:
            by_article.setdefault(lb.article, []).append(lb)
    rng = random.Random(seed)
    picked = [rng.choice(spans) for _art, spans in sorted(by_article.items())]
    rng.shuffle(picked)
    picked = picked[:n]
    texts = {i: t for i, t in ev.INDOSUM.documents() if i in {lb.article for lb in picked}}
    with out.open("w", encoding="utf-8") as fh:
        for lb in picked:
            text = texts[lb.article]
            fh.write(f"@@ {split}\t{lb.article}\t{lb.start}\t{lb.end}\t{lb.crc}\t{lb.speaker}\n")
            fh.write(text[: lb.start] + "⟦" + text[lb.start : lb.end] + "⟧" + text[lb.end :])
            fh.write("\n\n")
    print(f"{len(picked)} spans written to {out}", file=sys.stderr)
    return 0


def score(split: str | None, show_errors: bool) -> int:
    labels = [r for r in read_roles() if split is None or r.split == split]
    speakers = {(lb.article, lb.start): lb.speaker for lb in ev.read_gold()}
    wanted = {r.article for r in labels}
    texts = {i: t for i, t in ev.INDOSUM.documents() if i in wanted}
    docs = ev.annotate(texts)
    scored = role_right = via_right = stale = 0
    with_role = role_given = 0
    for r in labels:
        doc = docs[r.article]
        if ev.crc(texts[r.article][r.start : r.end]) != r.crc:
            stale += 1
            continue
        q = ev.quote_at(doc, r.start, r.end)
        if q is None or not ev.same_speaker(speakers[(r.article, r.start)], q, doc):
            continue  # the speaker is wrong: its role is not this score's to judge
        scored += 1
        ok_role = matches(q.speaker_role, r.roles)
        ok_via = matches(q.via, r.via)
        role_right += ok_role
        via_right += ok_via
        with_role += bool(r.roles)
        role_given += bool(r.roles) and bool(q.speaker_role)
        if show_errors and not (ok_role and ok_via):
            print(f"--- {r.article} {r.start} speaker={q.speaker_name!r}")
            print(f"    role: gold={' | '.join(r.roles) or NONE!r} got={q.speaker_role!r}")
            print(f"    via:  gold={' | '.join(r.via) or NONE!r} got={q.via!r}")
    print(
        f"roles split={split or 'all'}: {scored} quotes with the right speaker; role right "
        f"{role_right} ({100 * role_right / max(scored, 1):.1f}%), via right {via_right} "
        f"({100 * via_right / max(scored, 1):.1f}%); the article gives a role for {with_role}, "
        f"the stage gives one for {role_given} of them; stale labels {stale}"
    )
    return 0 if stale == 0 else 1


def main() -> int:
    ap, _, _ = ev.score_and_sample(__doc__)
    args = ap.parse_args()
    if not ev.INDOSUM.data.exists():
        print(f"indosum not found at {ev.INDOSUM.data}", file=sys.stderr)
        return 2
    if args.cmd == "score":
        return score(args.split, args.errors)
    return sample(args.split, args.n, args.seed, args.out)


if __name__ == "__main__":
    sys.exit(main())
