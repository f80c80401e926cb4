"""Measure direct-quote attribution on real news (IndoSum) against hand labels.

``training/gold/quotes-indosum.tsv`` holds the labels: for a random sample of
the quoted spans in IndoSum articles, who said it, as the article names the
speaker. The file stores only article ids, character offsets, a checksum of
the quoted text and the speaker's name, never the article text: the text is
read from ``../shared/data/indosum`` at run time.

The split column of the gold file says which labels were read while writing
rules (``dev``) and which only measure (``test``). Every sample is drawn from
articles no label has touched yet; a test sample that has been looked at
becomes ``dev`` and a fresh test sample is drawn.

    python training/eval_quotes.py score [--split test] [--errors]
    python training/eval_quotes.py sample --split dev --n 200 --out FILE
    python training/eval_quotes.py sample --split test --within test --n 200 --out FILE

Label values: the speaker's name as the article gives it in full
("Zulkifli Hasan"), ``UNNAMED`` for a speaker the article does not name
("seorang sumber"), ``NOT_QUOTE`` for a quoted title, name or concept that
nobody says here, ``UNCLEAR`` where a careful reader cannot tell (left out
of the score). ``UNNAMED`` and ``NOT_QUOTE`` count as right when the stage
gives no named speaker.
"""

from __future__ import annotations

import argparse
import random
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from corpora import DATA, indosum_documents, ud_quote_documents

from telisik import Pipeline
from telisik.clean import characters_in_place
from telisik.model import Document, Quote
from telisik.quotes import quoted_spans

GOLD = Path(__file__).with_name("gold") / "quotes-indosum.tsv"
GOLD_UD = Path(__file__).with_name("gold") / "quotes-ud.tsv"
UNNAMED = "UNNAMED"
NOT_QUOTE = "NOT_QUOTE"
UNCLEAR = "UNCLEAR"
MIN_WORDS = 4  # shorter quoted spans are mostly titles and phrases


@dataclass(frozen=True, slots=True)
class Label:
    split: str
    article: str
    start: int  # offset of the opening mark in the running text
    end: int
    crc: str  # crc32 of the quoted text: catches a changed text reader
    speaker: str


@dataclass(frozen=True, slots=True)
class Source:
    """A corpus of real text with its own gold file."""

    name: str
    gold: Path
    data: Path  # where the corpus lies: absent means nothing to measure
    documents: Callable[[], Iterator[tuple[str, str]]]
    last_paragraph: bool = False  # only the last paragraph's quotes are labelled

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The quoted spans of ``text`` that are labelled."""
        first = text.rfind("\n\n") + 2 if self.last_paragraph and "\n\n" in text else 0
        return [s for s in candidates(text) if s[0] >= first]


def crc(text: str) -> str:
    return f"{zlib.crc32(text.encode()):08x}"


def candidates(text: str) -> Iterator[tuple[int, int]]:
    """Quoted spans of at least ``MIN_WORDS`` words, paragraph by paragraph."""
    pos = 0
    for para in text.split("\n\n"):
        for m in quoted_spans(text, pos, pos + len(para)):
            if len(text[m.open + 1 : m.close].split()) >= MIN_WORDS:
                yield m.open, m.close + (1 if m.closed else 0)
        pos += len(para) + 2


SOURCES = {
    "indosum": Source("indosum", GOLD, DATA / "indosum", indosum_documents),
    # UD Indonesian treebanks: sentences of news (CSUI, GSD) and translated news (PUD)
    "ud": Source("ud", GOLD_UD, DATA / "ud-id-csui", ud_quote_documents, last_paragraph=True),
}
INDOSUM = SOURCES["indosum"]


def read_gold(path: Path = GOLD) -> list[Label]:
    out: list[Label] = []
    if not path.exists():
        return out  # a source not labelled yet
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        split, article, start, end, checksum, speaker = line.split("\t")
        out.append(Label(split, article, int(start), int(end), checksum, speaker))
    return out


def _norm(name: str | None) -> set[str]:
    """Name words, case-folded, without honorifics, for a tolerant name match."""
    skip = {"pak", "bu", "ibu", "bapak", "dr", "prof", "h", "hj", "kh", "mr", "mrs"}
    folded = (name or "").casefold().replace("-", " ").replace(".", " ").replace("_", " ")
    words = [w.strip("@") for w in folded.split()]
    kept = {w for w in words if w not in skip and len(w) > 1}
    return kept or set(words)  # a name that is one initial ("E") is still a name


def same_speaker(gold: str, quote: Quote | None, doc: Document) -> bool:
    """Gold and the stage agree on the speaker.

    ``UNNAMED``: the stage names no entity (no speaker, or a described one
    such as "seorang sumber"); ``NOT_QUOTE``: no speaker at all; a name: the
    stage's speaker shares a name word with it (or with one of its
    ``|``-separated alternatives, for nicknames and misspellings the article
    itself uses: "Basuki Tjahaja Purnama|Ahok").
    """
    if gold == NOT_QUOTE:
        return quote is None or quote.speaker_name is None or quote.kind == "scare"
    if gold == UNNAMED:
        return quote is None or quote.speaker is None or quote.kind == "scare"
    if quote is None or quote.kind == "scare" or not quote.speaker_name:
        return False
    names = [quote.speaker_name]
    ent = next((e for e in doc.entities if e.id == quote.speaker), None)
    if ent is not None:
        names += [ent.name, *ent.aliases]
    return any(_norm(g) & _norm(n) for g in gold.split("|") for n in names)


def quote_at(doc: Document, start: int, end: int) -> Quote | None:
    """The stage's direct, partial or scare quote covering the gold span."""
    best = None
    for q in doc.quotes:
        if q.kind == "indirect" or q.end <= start or q.start >= end:
            continue
        if best is None or abs(q.start - start) < abs(best.start - start):
            best = q
    return best


def annotate(texts: dict[str, str]) -> dict[str, Document]:
    """The articles through segmentation, entities and quotes, offsets kept."""
    pipeline = Pipeline(stages=["segment", "entities", "quotes"])
    # The clean stage would move the offsets; its character clean-up is applied in place
    # ("\u200e" before an opening mark, invisible to a reader, is a space here as there).
    return {
        i: pipeline(Document(id=i, source=i, text=characters_in_place(t))) for i, t in texts.items()
    }


def score(split: str | None, show_errors: bool, source: Source = INDOSUM) -> int:
    labels = [
        lb
        for lb in read_gold(source.gold)
        if (split is None or lb.split == split) and lb.speaker != UNCLEAR
    ]
    wanted = {lb.article for lb in labels}
    texts = {i: t for i, t in source.documents() if i in wanted}
    docs = annotate(texts)
    right = total = stale = 0
    named_right = named = 0
    for lb in labels:
        doc = docs[lb.article]
        if crc(texts[lb.article][lb.start : lb.end]) != lb.crc:
            stale += 1
            continue
        q = quote_at(doc, lb.start, lb.end)
        ok = same_speaker(lb.speaker, q, doc)
        total += 1
        right += ok
        if lb.speaker not in (UNNAMED, NOT_QUOTE):
            named += 1
            named_right += ok
        if show_errors and not ok:
            got = None if q is None else (q.kind, q.speaker_name, q.cue)
            head = doc.text[max(0, lb.start - 200) : lb.start].replace("\n", " / ")
            tail = doc.text[lb.end : lb.end + 120].replace("\n", " / ")
            print(f"--- {lb.article} {lb.start} gold={lb.speaker!r} got={got}")
            print(f"    …{head}⟦{doc.text[lb.start : lb.end][:90]}…⟧{tail}")
    print(
        f"{source.name} split={split or 'all'}: {right}/{total} quoted spans right "
        f"({100 * right / max(total, 1):.1f}%); named speakers {named_right}/{named} "
        f"({100 * named_right / max(named, 1):.1f}%); stale labels {stale}"
    )
    return 0 if stale == 0 else 1


def sample(
    split: str, n: int, seed: int, out: Path, within: str | None = None, source: Source = INDOSUM
) -> int:
    """Write ``n`` unlabelled quoted spans (at most two per article) with context for labelling.

    By default only articles no label has touched are drawn from. ``within="test"``
    draws the other spans of the test split's articles instead: their errors were
    never read, so a sample of them is still blind once untouched articles run out.
    ``within="dev"`` draws unlabelled spans of dev articles: spans no one has read,
    in articles rules were written from, for a fresh look at what still goes wrong.
    """
    gold = read_gold(source.gold)
    labelled = {lb.article for lb in gold}
    taken = {(lb.article, lb.start) for lb in gold}
    own = {lb.article for lb in gold if lb.split == within}
    pool = []
    for art, text in source.documents():
        if (art not in own) if within else (art in labelled):
            continue  # a fresh sample is not one already read
        spans = [s for s in source.spans(text) if (art, s[0]) not in taken]
        random.Random(f"{seed}:{art}").shuffle(spans)
        pool += [(art, text, s) for s in spans[:2]]
    random.Random(seed).shuffle(pool)
    with out.open("w", encoding="utf-8") as fh:
        for art, text, (start, end) in pool[:n]:
            _write_item(fh, split, art, text, start, end)
    print(f"{min(n, len(pool))} spans written to {out}", file=sys.stderr)
    return 0


def _write_item(fh: TextIO, split: str, art: str, text: str, start: int, end: int) -> None:
    """One item for a labeller: header, the article up to the span, the span in ⟦ ⟧, 400 more."""
    quote = text[start:end]
    fh.write(f"@@ {split}\t{art}\t{start}\t{end}\t{crc(quote)}\n")
    fh.write(text[:start] + "⟦" + quote + "⟧" + text[end : end + 400] + "\n\n")


def relabel(split: str, out: Path, source: Source = INDOSUM) -> int:
    """Write the labelled spans of ``split`` again, without their labels, for a second labeller.

    Two labellers who never see each other's labels (nor the stage's output)
    say how far the gold itself can be trusted: their agreement is a ceiling on
    any score measured against one of them. Items of one article are kept
    together so that the labeller reads each article once.
    """
    labels = sorted(
        (lb for lb in read_gold(source.gold) if lb.split == split),
        key=lambda b: (b.article, b.start),
    )
    texts = {i: t for i, t in source.documents() if i in {lb.article for lb in labels}}
    with out.open("w", encoding="utf-8") as fh:
        for lb in labels:
            _write_item(fh, split, lb.article, texts[lb.article], lb.start, lb.end)
    print(f"{len(labels)} spans written to {out}", file=sys.stderr)
    return 0


def agree_on(a: str, b: str) -> bool:
    """Two labels of one span name the same speaker, in the sense the score uses.

    ``UNNAMED`` and ``NOT_QUOTE`` both ask for no named speaker, so they agree
    with each other; a name agrees with a name when they share a name word
    (either side may list ``|`` alternatives); ``UNCLEAR`` agrees with nothing.
    """
    if UNCLEAR in (a, b):
        return False
    none = {UNNAMED, NOT_QUOTE}
    if a in none or b in none:
        return a in none and b in none
    return any(_norm(x) & _norm(y) for x in a.split("|") for y in b.split("|"))


def agreement(second: Path, disputes: Path | None, source: Source = INDOSUM) -> int:
    """Compare the gold with a second, independent labelling of the same spans.

    With ``disputes``, every span the two disagree on is written for a third
    reader, the two labels shown as A and B in an order drawn per span, so that
    the reader cannot tell which is the gold.
    """
    gold = {(lb.article, lb.start): lb for lb in read_gold(source.gold)}
    other = read_gold(second)
    split = {lb.split for lb in other}
    missing = [lb for lb in other if (lb.article, lb.start) not in gold]
    if missing:
        print(
            f"{second}: {len(missing)} spans are not in the gold, e.g. {missing[0]}",
            file=sys.stderr,
        )
        return 1
    pairs = [(gold[lb.article, lb.start], lb) for lb in other]
    same = [g for g, o in pairs if agree_on(g.speaker, o.speaker)]
    strict = sum(g.speaker == o.speaker for g, o in pairs)
    print(
        f"split={'/'.join(sorted(split))}: the two labellings agree on {len(same)}/{len(pairs)} "
        f"spans ({100 * len(same) / max(len(pairs), 1):.1f}%); letter for letter on {strict}"
    )
    if disputes is not None:
        texts = {i: t for i, t in source.documents() if i in {g.article for g, _ in pairs}}
        with disputes.open("w", encoding="utf-8") as fh:
            for g, o in pairs:
                if agree_on(g.speaker, o.speaker):
                    continue
                shown = [g.speaker, o.speaker]
                random.Random(f"{g.article}:{g.start}").shuffle(shown)
                fh.write(f"A: {shown[0]}\nB: {shown[1]}\n")
                _write_item(fh, g.split, g.article, texts[g.article], g.start, g.end)
        print(f"{len(pairs) - len(same)} disputed spans written to {disputes}", file=sys.stderr)
    return 0


def settle(decisions: Path, path: Path = GOLD) -> int:
    """Put a third reader's decisions on disputed spans into the gold file, in place."""
    decided = {(lb.article, lb.start): lb for lb in read_gold(decisions)}
    lines = path.read_text(encoding="utf-8").splitlines()
    changed = 0
    for i, line in enumerate(lines):
        if not line.strip() or line.startswith("#"):
            continue
        split, article, start, end, checksum, speaker = line.split("\t")
        new = decided.pop((article, int(start)), None)
        if new is None:
            continue
        if (new.end, new.crc) != (int(end), checksum):
            print(f"{decisions}: {article} {start}: span differs from the gold's", file=sys.stderr)
            return 1
        changed += new.speaker != speaker
        lines[i] = "\t".join((split, article, start, end, checksum, new.speaker))
    if decided:
        print(f"{decisions}: {len(decided)} spans are not in the gold", file=sys.stderr)
        return 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{changed} labels changed in {path}", file=sys.stderr)
    return 0


def score_and_sample(doc: str | None) -> tuple[argparse.ArgumentParser, Any, Any]:
    """The command line the gold-label scripts share: ``score [--split] [--errors]``
    and ``sample --split --n --seed --out``; returns the parser and its subcommands'
    parsers (for more subcommands and options)."""
    ap = argparse.ArgumentParser(description=(doc or "").split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("score")
    s.add_argument("--split", choices=["dev", "test"])
    s.add_argument("--errors", action="store_true")
    m = sub.add_parser("sample")
    m.add_argument("--split", choices=["dev", "test"], required=True)
    m.add_argument("--n", type=int, default=200)
    m.add_argument("--seed", type=int, default=0)
    m.add_argument("--out", type=Path, required=True)
    return ap, sub, m


def main() -> int:
    ap, sub, m = score_and_sample(__doc__)
    ap.add_argument(
        "--source", choices=sorted(SOURCES), default="indosum", help="which real text (and gold)"
    )
    m.add_argument(
        "--within",
        choices=["dev", "test"],
        help="draw the unlabelled spans of that split's articles (once no new ones are left)",
    )
    r = sub.add_parser("relabel", help="the labelled spans again, unlabelled, for a second reader")
    r.add_argument("--split", choices=["dev", "test"], required=True)
    r.add_argument("--out", type=Path, required=True)
    a = sub.add_parser("agree", help="agreement of the gold with a second labelling")
    a.add_argument("second", type=Path)
    a.add_argument("--disputes", type=Path, help="write the disputed spans here for a third reader")
    t = sub.add_parser("settle", help="put a third reader's decisions into the gold")
    t.add_argument("decisions", type=Path)
    args = ap.parse_args()
    source = SOURCES[args.source]
    if not source.data.exists():
        print(f"{source.name} not found at {source.data}", file=sys.stderr)
        return 2
    if args.cmd == "score":
        return score(args.split, args.errors, source)
    if args.cmd == "relabel":
        return relabel(args.split, args.out, source)
    if args.cmd == "agree":
        return agreement(args.second, args.disputes, source)
    if args.cmd == "settle":
        return settle(args.decisions, source.gold)
    return sample(args.split, args.n, args.seed, args.out, args.within, source)


if __name__ == "__main__":
    sys.exit(main())
