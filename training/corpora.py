"""Read the labelled and raw Indonesian corpora in ``../shared/data`` for NER training.

The data sets are used from where they lie; nothing is copied into the project.
Everything here is deterministic: the same inputs give the same outputs.

Label mapping onto the project's NER labels (PERSON, ORG, LOC):

==============  ==========================================================
NERGrit         PERSON -> PERSON, ORGANISATION -> ORG, PLACE -> LOC
NERP            PPL -> PERSON, PLC -> LOC; IND, EVT, FNB -> *missing*
==============  ==========================================================

LOC is every named place; the entities stage splits it into GPE / LOC / FAC
with the gazetteer. NERP has no organisation label, so its organisations are
tagged ``O`` there; see :func:`restore_case` for how that is kept from
teaching the model that organisations are not entities.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

NERGRIT_MAP = {"PERSON": "PERSON", "ORGANISATION": "ORG", "PLACE": "LOC"}
NERP_MAP = {"PPL": "PERSON", "PLC": "LOC"}  # IND, EVT, FNB: unknown for our label set
LABELS = ("PERSON", "ORG", "LOC")
MISSING = "-"  # spaCy's BILUO value for "no annotation for this token"


@dataclass(frozen=True, slots=True)
class Sentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]  # IOB2 over the project's labels, or MISSING


def read_iob(path: Path, mapping: dict[str, str]) -> Iterator[Sentence]:
    """Yield sentences of a ``token<TAB>tag`` IOB2 file, tags mapped onto our labels.

    A source label absent from ``mapping`` becomes MISSING (not ``O``): the
    source did not say whether those tokens are one of our entities.
    """
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    yield Sentence(tuple(words), tuple(tags))
                words, tags = [], []
                continue
            word, _, tag = line.partition("\t")
            words.append(word)
            if tag in ("", "O"):
                tags.append("O")
            else:
                prefix, _, label = tag.partition("-")
                tags.append(f"{prefix}-{mapping[label]}" if label in mapping else MISSING)
    if words:
        yield Sentence(tuple(words), tuple(tags))


def iob_to_biluo(tags: tuple[str, ...]) -> list[str]:
    """Convert IOB2 tags (with MISSING) to BILUO, as spaCy's ``Example`` wants them."""
    out: list[str] = []
    for i, tag in enumerate(tags):
        if tag in ("O", MISSING):
            out.append(tag)
            continue
        prefix, label = tag.split("-", 1)
        nxt = tags[i + 1] if i + 1 < len(tags) else "O"
        continues = nxt == f"I-{label}"
        begins = prefix == "B" or not out or out[-1] in ("O", MISSING) or out[-1][2:] != label
        begins = begins or out[-1][0] in "LU"
        if begins:
            out.append(f"B-{label}" if continues else f"U-{label}")
        else:
            out.append(f"I-{label}" if continues else f"L-{label}")
    return out


# --- IndoSum: raw news text -------------------------------------------------

_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s"}
_NO_SPACE_AFTER = {"(", "[", "{"}


def detokenize(tokens: list[str], quote_open: bool = False) -> str:
    """Join IndoSum's tokens into plausible running text (punctuation attached).

    ``quote_open`` says a quotation mark is still open from an earlier
    sentence of the paragraph, so a quote spanning sentences closes right.
    """
    return _detokenize(tokens, quote_open)[0]


def _detokenize(tokens: list[str], quote_open: bool) -> tuple[str, bool]:
    parts: list[str] = []
    glue_next = False
    for tok in tokens:
        if tok == '"':
            quote_open = not quote_open
            if quote_open:
                parts.append(("" if not parts or glue_next else " ") + tok)
                glue_next = True
            else:
                parts.append(tok)
            continue
        sep = "" if not parts or glue_next or tok in _NO_SPACE_BEFORE else " "
        parts.append(sep + tok)
        glue_next = tok in _NO_SPACE_AFTER
    return "".join(parts), quote_open


def detokenize_paragraph(sentences: list[list[str]]) -> str:
    """One paragraph as running text; an open quotation mark carries to the next sentence."""
    out: list[str] = []
    quote_open = False
    for sent in sentences:
        text, quote_open = _detokenize(sent, quote_open)
        out.append(text)
    return " ".join(out)


def indosum_articles(data: Path = DATA) -> Iterator[tuple[str, list[list[str]]]]:
    """Yield (id, sentences as token lists) for each distinct IndoSum article, in file order."""
    return jsonl_articles(sorted((data / "indosum").glob("dev.*.jsonl")))


def jsonl_articles(files: list[Path]) -> Iterator[tuple[str, list[list[str]]]]:
    """(id, sentences as token lists) of each distinct article of IndoSum-shaped JSONL
    files (the folds repeat some articles)."""
    seen: set[str] = set()
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                if art["id"] in seen:
                    continue
                seen.add(art["id"])
                yield art["id"], [sent for para in art["paragraphs"] for sent in para]


def indosum_texts(data: Path = DATA) -> Iterator[str]:
    """Yield each distinct IndoSum article as running text, paragraphs on separate lines."""
    for _, text in indosum_documents(data):
        yield text


def indosum_documents(data: Path = DATA) -> Iterator[tuple[str, str]]:
    """Yield (id, running text) for each distinct IndoSum article, in file order."""
    seen: set[str] = set()
    for path in sorted((data / "indosum").glob("dev.*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                if art["id"] in seen:
                    continue
                seen.add(art["id"])
                paras = [detokenize_paragraph(para) for para in art["paragraphs"]]
                yield art["id"], "\n\n".join(paras)


UD_QUOTE_FILES = (
    "ud-id-csui/id_csui-ud-train.conllu",
    "ud-id-csui/id_csui-ud-test.conllu",
    "ud-id-gsd/id_gsd-ud-dev.conllu",
    "ud-id-gsd/id_gsd-ud-test.conllu",
    "ud-id-pud/id_pud-ud-test.conllu",
)
UD_CONTEXT = 4  # sentences before a quoted one: enough to resolve "ujarnya"


def ud_sentences(path: Path) -> Iterator[tuple[str, str]]:
    """Yield (sent_id, text) of a CoNLL-U file, from its ``# sent_id`` and ``# text`` lines."""
    sent_id = ""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# sent_id = "):
                sent_id = line[len("# sent_id = ") :].strip()
            elif line.startswith("# text = "):
                yield sent_id, line[len("# text = ") :].strip()


def _ud_group(sent_id: str) -> str:
    """The document a sentence belongs to, where the treebank says (PUD: ``n01001``011)."""
    return sent_id[:6] if sent_id[:1] in "nw" and sent_id[1:].isdigit() else ""


def ud_quote_documents(data: Path = DATA) -> Iterator[tuple[str, str]]:
    """Yield (id, text) for each UD sentence with a quotation mark, after the sentences before it.

    The Indonesian treebanks (news, mostly) are a second source of real text
    that no quote rule was written from. They keep sentences, not articles, so
    each quoted sentence becomes a short text: up to ``UD_CONTEXT`` sentences
    that precede it in the file (of the same document, where the treebank
    says which), one per paragraph, then the sentence itself. Only the quoted
    spans of that last paragraph are labelled.
    """
    for name in UD_QUOTE_FILES:
        path = data / name
        if not path.exists():
            continue
        bank = path.parent.name.removeprefix("ud-id-")
        sents = list(ud_sentences(path))
        for i, (sent_id, text) in enumerate(sents):
            if not any(mark in text for mark in '"“”'):
                continue
            before = [
                t
                for sid, t in sents[max(0, i - UD_CONTEXT) : i]
                if _ud_group(sid) == _ud_group(sent_id)
            ]
            name = sent_id if sent_id.startswith(bank) else f"{bank}-{sent_id}"
            yield f"ud-{name}", "\n\n".join([*before, text])


# --- case restoration for the lower-cased NERP ------------------------------


def casing_table(data: Path = DATA) -> dict[str, str]:
    """Most frequent spelling of each lower-cased word in IndoSum, sentence starts excluded."""
    counts: dict[str, Counter[str]] = {}
    for _, sents in indosum_articles(data):
        for sent in sents:
            for tok in sent[1:]:
                counts.setdefault(tok.lower(), Counter())[tok] += 1
    return {low: c.most_common(1)[0][0] for low, c in counts.items()}


def restore_case(sent: Sentence, table: dict[str, str]) -> Sentence:
    """Re-case a lower-cased NERP sentence so that it looks like edited news text.

    Entity words (PERSON, LOC) take their usual capitalised spelling, or title
    case; other words take their most frequent IndoSum spelling; the first word
    is capitalised. A non-entity word that comes out capitalised mid-sentence
    is most likely a name NERP has no label for (an organisation, a brand, an
    event), so its tag becomes MISSING instead of ``O``: the model then learns
    nothing, rather than something wrong, about ORG from NERP.
    """
    words: list[str] = []
    tags: list[str] = []
    for i, (word, tag) in enumerate(zip(sent.words, sent.tags, strict=True)):
        usual = table.get(word, word)
        if tag not in ("O", MISSING):
            new = usual if usual[:1].isupper() else word[:1].upper() + word[1:]
        else:
            new = usual
            if tag == "O" and i > 0 and new[:1].isupper():
                tag = MISSING
        if i == 0:
            new = new[:1].upper() + new[1:]
        words.append(new)
        tags.append(tag)
    return Sentence(tuple(words), tuple(tags))
