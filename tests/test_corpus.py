"""The sample corpus end to end, checked against the hand-made gold file.

tests/data/corpus_gold.json was written with the corpus and lists, per
article, its furniture, its body paragraphs and its metadata.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from telisik import Document, Failure, Pipeline, ingest, open_store, read_paths

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
GOLD = json.loads((ROOT / "tests" / "data" / "corpus_gold.json").read_text("utf-8"))["articles"]


def gold_key(source: str) -> str:
    """'…/13_feed.xml#2' and '…/14_arsip.jsonl:2' -> the gold file's 'name#N'."""
    name = Path(source).name
    return re.sub(r":(\d+)$", r"#\1", name)


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    pipeline = Pipeline(stages=["clean", "segment", "time", "quantities"])
    out: dict[str, Document] = {}
    for item in pipeline.stream(read_paths([CORPUS])):
        assert not isinstance(item, Failure), item.message
        out[gold_key(item.source)] = item
    return out


def test_every_gold_article_is_read(docs: dict[str, Document]) -> None:
    assert set(docs) == set(GOLD)


@pytest.mark.parametrize("key", sorted(GOLD))
def test_body_paragraphs_survive_verbatim(docs: dict[str, Document], key: str) -> None:
    paragraphs = docs[key].text.split("\n\n")
    for para in GOLD[key]["body_paragraphs"]:
        assert para in paragraphs, f"{key}: lost or altered body paragraph: {para[:70]}"


@pytest.mark.parametrize("key", sorted(GOLD))
def test_furniture_lines_are_removed_with_their_reason(docs: dict[str, Document], key: str) -> None:
    doc = docs[key]
    paragraphs = set(doc.text.split("\n\n"))
    removed = {r.text.strip(): r.reason for r in doc.removed}
    for item in GOLD[key]["furniture"]:
        if item["kind"] == "element":  # HTML furniture: the extractor drops it
            assert item["text"] not in paragraphs, f"{key}: {item['text']!r} left in text"
            continue
        if item["kind"] == "prefix":
            assert not doc.text.startswith(item["text"]), f"{key}: dateline left: {item['text']!r}"
            continue
        assert item["text"] not in paragraphs, f"{key}: furniture left in text: {item['text']!r}"
        assert item["text"] in removed, f"{key}: {item['text']!r} not in the removal log"
        assert removed[item["text"]] == item["reason"], f"{key}: {item['text']!r}"


@pytest.mark.parametrize("key", sorted(GOLD))
def test_metadata(docs: dict[str, Document], key: str) -> None:
    doc, gold = docs[key], GOLD[key]
    assert doc.title == gold["title"], key
    assert doc.outlet == gold["outlet"], key
    assert list(doc.credits) == gold["credits"], key
    assert list(doc.authors) == gold["authors"], key
    assert doc.language == "id"


def test_teaser_dates_leave_no_trace(docs: dict[str, Document]) -> None:
    doc = docs["06_kontainer-amunisi-najin.txt"]
    for word in ("Festival Kopi", "Surabaya", "16 , 2023"):
        assert word not in doc.text
        assert not any(word in hint for hint in doc.date_hints)


def locate(text: str, item: dict[str, object]) -> tuple[int, int] | None:
    """Where a gold expression sits in the cleaned text (its context disambiguates)."""
    needle = str(item["text"])
    base = 0
    if item.get("context"):
        base = text.find(str(item["context"]))
        if base < 0:
            return None
    start = text.find(needle, base)
    return None if start < 0 else (start, start + len(needle))


def overlapping(spans: list[tuple[int, int, object]], where: tuple[int, int]) -> list[object]:
    return [obj for s, e, obj in spans if s < where[1] and where[0] < e]


@pytest.mark.parametrize("key", sorted(GOLD))
def test_published_date(docs: dict[str, Document], key: str) -> None:
    gold = GOLD[key]["published"]
    pub = docs[key].published
    assert (pub.value, pub.precision) == (gold["value"], gold["precision"]), key
    # metadata and bylines are explicit; a date found only in the body is inferred
    assert pub.basis == gold["basis"], key


def time_scores(docs: dict[str, Document]) -> dict[bool, tuple[int, int]]:
    """(right, total) of gold time expressions, split by relative or explicit."""
    scores = {False: [0, 0], True: [0, 0]}
    for key, gold in GOLD.items():
        doc = docs[key]
        spans = [(t.start, t.end, t) for t in doc.times]
        for item in gold["times"]:
            where = locate(doc.text, item)
            assert where is not None, f"{key}: gold time {item['text']!r} not in text"
            found = overlapping(spans, where)
            ok = any(
                (t.value, t.precision) == (item["value"], item["precision"])  # type: ignore[attr-defined]
                for t in found
            )
            scores[bool(item["relative"])][0] += ok
            scores[bool(item["relative"])][1] += 1
    return {k: (v[0], v[1]) for k, v in scores.items()}


def test_time_expressions_are_normalised(docs: dict[str, Document]) -> None:
    scores = time_scores(docs)
    right, total = scores[False]
    print(f"explicit dates: {right}/{total}; relative: {scores[True][0]}/{scores[True][1]}")
    assert right / total >= 0.95  # the design's quality bar for explicit dates
    right, total = scores[True]
    assert right / total >= 0.85


def test_quantities(docs: dict[str, Document]) -> None:
    right = total = 0
    for key, gold in GOLD.items():
        doc = docs[key]
        spans = [(q.start, q.end, q) for q in doc.quantities]
        for item in gold["quantities"]:
            where = locate(doc.text, item)
            assert where is not None, f"{key}: gold quantity {item['text']!r} not in text"
            found = overlapping(spans, where)
            total += 1
            right += any(
                q.value == item["value"] and q.approx == item["approx"]  # type: ignore[attr-defined]
                for q in found
            )
    print(f"quantities: {right}/{total}")
    assert right / total >= 0.9


def counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    tables = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'articles_fts%'"
        )
    ]
    out = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    con.close()
    return out


def test_ingesting_the_corpus_twice_changes_no_row(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    with open_store(db) as store:
        first = list(ingest([CORPUS], store))
    assert all(not isinstance(r, Failure) for r in first)
    assert {r.status for r in first} == {"inserted"}  # type: ignore[union-attr]
    before = counts(db)
    assert before["articles"] == len(GOLD)
    with open_store(db) as store:
        second = list(ingest([CORPUS], store))
    assert {r.status for r in second} == {"unchanged"}  # type: ignore[union-attr]
    assert counts(db) == before
