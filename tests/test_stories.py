"""Stories: near-duplicates, syndication origin, clusters, inheritance, corroboration."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from telisik import stories as S
from telisik.core import extract, ingest
from telisik.model import Document, PublishedDate, Removal
from telisik.pipeline import Failure
from telisik.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
GOLD = ROOT / "tests" / "data" / "corpus_gold.json"


def docs_of(*paths: Path) -> list[Document]:
    out = [d for d in extract(paths) if not isinstance(d, Failure)]
    assert out
    return out


def gold_key(doc: Document) -> str:
    """The gold file's key for a document: file name, '#N' for entries of feeds/JSONL."""
    name = Path(doc.source.split("#")[0].rsplit(":", 1)[0]).name
    for sep in ("#", ":"):
        if sep in doc.source and not doc.source.endswith(name):
            return f"{name}#{doc.source.rsplit(sep, 1)[1]}"
    return name


def dup_pairs(docs: list[Document]) -> set[frozenset[str]]:
    grouping = S.group({d.id: S.signature(d) for d in docs})
    return {
        frozenset(p)
        for story in grouping.near_duplicates
        for p in itertools.combinations(story.articles, 2)
    }


@pytest.fixture(scope="module")
def corpus_docs() -> list[Document]:
    return docs_of(CORPUS)


@pytest.fixture(scope="module")
def seed_docs(seed_dir: Path) -> dict[str, Document]:
    return {Path(d.source).name[:3]: d for d in docs_of(seed_dir)}


# --- seeds ------------------------------------------------------------------------


@pytest.mark.seeds
def test_seed_translations_are_the_only_near_duplicate_pair(seed_docs: dict[str, Document]) -> None:
    by_id = {d.id: k for k, d in seed_docs.items()}
    pairs = {frozenset(by_id[a] for a in p) for p in dup_pairs(list(seed_docs.values()))}
    assert pairs == {frozenset({"001", "003"})}


@pytest.mark.seeds
def test_seed_group_records_bloomberg_and_dates_the_undated_copy(
    seed_docs: dict[str, Document],
) -> None:
    grouping = S.group({d.id: S.signature(d) for d in seed_docs.values()})
    [group] = grouping.near_duplicates
    assert group.origin == "Bloomberg"
    undated = seed_docs["001"]
    assert undated.published.basis == "unknown"
    inherited = grouping.dates[undated.id]
    assert inherited.basis == "cluster"
    assert inherited.value == seed_docs["003"].published.value


@pytest.mark.seeds
def test_seed_clusters(seed_docs: dict[str, Document], corpus_docs: list[Document]) -> None:
    everything = [*seed_docs.values(), *corpus_docs]
    grouping = S.group({d.id: S.signature(d) for d in everything})
    cluster_of = {a: s.id for s in grouping.clusters for a in s.articles}
    ids = {k: d.id for k, d in seed_docs.items()}
    assert cluster_of.get(ids["002"]) is not None
    assert cluster_of.get(ids["002"]) == cluster_of.get(ids["004"])
    assert cluster_of.get(ids["001"]) == cluster_of.get(ids["003"]) is not None
    assert cluster_of.get(ids["000"]) != cluster_of[ids["001"]]


@pytest.mark.seeds
def test_reanchor_is_used_when_the_time_stage_has_it(seed_docs: dict[str, Document]) -> None:
    from telisik import time as time_stage

    if not hasattr(time_stage, "reanchor"):
        pytest.skip("TODO: telisik.time.reanchor not written yet")
    doc = seed_docs["001"]
    dated = S.inherit_date(doc, PublishedDate("2024-06-19", "day", "cluster"))
    assert dated.published.basis == "cluster"
    rabu = [t for t in dated.times if t.text == "Rabu"]
    assert rabu and rabu[0].value is not None


# --- the sample corpus ------------------------------------------------------------


def test_corpus_near_duplicates_match_the_gold(corpus_docs: list[Document]) -> None:
    gold = json.loads(GOLD.read_text("utf-8"))
    key = {d.id: gold_key(d) for d in corpus_docs}
    want = {frozenset(p) for g in gold["near_duplicates"] for p in itertools.combinations(g, 2)}
    found = {frozenset(key[a] for a in p) for p in dup_pairs(corpus_docs)}
    assert found == want  # precision and recall 1.0


def test_corpus_rewritten_pair_names_its_wire(corpus_docs: list[Document]) -> None:
    grouping = S.group({d.id: S.signature(d) for d in corpus_docs})
    [group] = grouping.near_duplicates
    assert group.origin == "Reuters"  # "(rtr/hs)"


# --- synthetic copies -----------------------------------------------------------


def paragraphs(doc: Document) -> list[str]:
    return [p for p in doc.text.split("\n\n") if p.strip()]


def with_text(doc: Document, paras: list[str], n: int) -> Document:
    text = "\n\n".join(paras)
    return Document(id=f"copy{n:02d}-{doc.id}", source=f"copy{n}", text=text, outlet=doc.outlet)


def edits(doc: Document, rng: random.Random) -> list[Document]:
    """Copies as syndication makes them: cut, padded, reordered, re-furnished."""
    p = paragraphs(doc)
    k = rng.randrange(1, len(p) - 1)
    return [
        with_text(doc, p[:k] + p[k + 1 :], 1),  # a paragraph cut
        with_text(
            doc, [*p[:k], "Baca juga: berita lain yang tidak terkait sama sekali.", *p[k:]], 2
        ),
        with_text(doc, [*p[: k - 1], p[k], p[k - 1], *p[k + 1 :]], 3),  # two swapped
        with_text(doc, ["Jakarta -", *p, "(ant)", "Bagikan: Facebook Twitter"], 4),  # furniture
        with_text(doc, [x.replace(" yang ", " yg ") for x in p[: len(p) - 1]], 5),  # retyped, cut
    ]


def test_synthetic_copies_have_precision_and_recall_one(corpus_docs: list[Document]) -> None:
    rng = random.Random(7)
    originals = [d for d in corpus_docs if len(paragraphs(d)) >= 4]
    docs: list[Document] = []
    want: set[frozenset[str]] = set()
    for doc in originals:
        copies = edits(doc, rng)
        docs += [doc, *copies]
        family = [doc.id] + [c.id for c in copies]
        want |= {frozenset(p) for p in itertools.combinations(family, 2)}
    gold = json.loads(GOLD.read_text("utf-8"))
    key = {d.id: gold_key(d) for d in corpus_docs}
    rewritten = {frozenset(g) for g in gold["near_duplicates"]}
    # The corpus' own rewritten pair joins two families into one.
    found = dup_pairs(docs)
    same_story = {
        p for p in found if frozenset(key.get(a.split("-")[-1], "") for a in p) in rewritten
    }
    assert found - same_story == want - same_story
    assert want <= found


def test_same_topic_different_articles_are_not_duplicates(corpus_docs: list[Document]) -> None:
    # The corpus' June 2024 articles share names, numbers and dates but not a source.
    key = {d.id: gold_key(d) for d in corpus_docs}
    june = [d for d in corpus_docs if key[d.id].startswith(("09_", "12_", "13_"))]
    assert len(june) >= 3
    assert dup_pairs(june) == set()


# --- order independence and the store ----------------------------------------------


def test_groups_do_not_depend_on_ingest_order(tmp_path: Path, seed_dir: Path) -> None:
    results = []
    for n, order in enumerate(([seed_dir, CORPUS], [CORPUS, seed_dir])):
        with open_store(tmp_path / f"{n}.db") as store:
            for path in order:
                list(ingest([path], store))
            results.append(store.stories())
    assert results[0] == results[1]
    assert any(s.kind == "near_duplicate" for s in results[0])


def test_reingest_is_unchanged_and_keeps_groups(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        list(ingest([CORPUS], store))
        first = store.stories()
        again = list(ingest([CORPUS], store))
        assert {r.status for r in again if not isinstance(r, Failure)} == {"unchanged"}
        assert store.stories() == first
        assert store.stats()["story_signatures"] == store.stats()["articles"]


def test_deleting_an_article_drops_its_signature(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        list(ingest([CORPUS], store))
        victim = store.stories()[0].articles[0]
        assert store.delete(victim)
        assert victim not in dict(store.signatures())
        regrouped = S.refresh_stories(store)
        assert all(victim not in s.articles for s in regrouped.near_duplicates)


def test_missing_signatures_are_backfilled(tmp_path: Path, corpus_docs: list[Document]) -> None:
    with open_store(tmp_path / "t.db") as store:
        for doc in corpus_docs:
            store.put(doc)  # an older writer: no signatures
        assert len(store.missing_signatures()) == len(corpus_docs)
        grouping = S.refresh_stories(store)
        assert store.missing_signatures() == []
        assert len(grouping.near_duplicates) == 1


# --- pieces ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("abcde", "ace", 3),
        ("abc", "cba", 1),
        ("", "abc", 0),  # empty
        ("aaaa", "aa", 2),
    ],
)
def test_lcs_length(a: str, b: str, expected: int) -> None:
    assert S.lcs_length(list(a), list(b)) == expected


@pytest.mark.parametrize(
    "text,removed,outlet,expected",
    [
        ("Isi.", (Removal("(rtr/hs)", "agency_tag", value="rtr/hs"),), None, "Reuters"),
        (
            "Isi.",
            (Removal("Logo Bloomberg Technoz", "logo", value="Bloomberg Technoz"),),
            None,
            "Bloomberg",
        ),
        ("Seoul dilansir dari Reuters, Rabu.\n\nIsi kedua.", (), None, "Reuters"),
        ("Kata pejabat, mengutip CNN.\n\nLain.", (), None, "CNN"),
        ("Presiden bertemu, lapor Yonhap.", (), None, "Yonhap"),
        # A source of one fact deep in the body is not the article's origin.
        ("Satu.\n\nDua.\n\nTiga, lapor kantor berita Interfax.\n\nEmpat.", (), None, None),
        ("Tidak ada sumber.", (), "Harian Selat", None),
    ],
)
def test_find_origin(
    text: str, removed: tuple[Removal, ...], outlet: str | None, expected: str | None
) -> None:
    doc = Document(id="x", source="x", text=text, removed=removed, outlet=outlet)
    origin = S.find_origin(doc)
    assert (origin.name if origin else None) == expected


def test_corroboration_counts_copies_once(corpus_docs: list[Document]) -> None:
    grouping = S.group({d.id: S.signature(d) for d in corpus_docs})
    [group] = grouping.near_duplicates
    other = next(d.id for d in corpus_docs if d.id not in group.articles)
    result = S.corroboration([*group.articles, other], grouping.near_duplicates)
    assert (result.sources, result.articles) == (2, 3)


def test_signature_round_trips_through_a_row(corpus_docs: list[Document]) -> None:
    sig = S.signature(corpus_docs[0])
    back = S.Signature.from_row(*sig.to_row(), sig.version)
    assert (back.text_hash == sig.text_hash).all() and back.anchors == sig.anchors
    assert back.features == sig.features and back.origin == sig.origin


# --- CLI ----------------------------------------------------------------------------


def test_cli_stories_json(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run = [sys.executable, "-m", "telisik", "--db", db]
    subprocess.run([*run, "ingest", str(CORPUS)], check=True, capture_output=True, timeout=300)
    out = subprocess.run(
        [*run, "stories", "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    data = json.loads(out.stdout)
    assert set(data) == {"near_duplicates", "stories"}
    [group] = data["near_duplicates"]
    assert group["origin"] == "Reuters"
    sources = sorted(Path(a["source"]).name for a in group["articles"])
    assert sources == ["10_putin-kim-teken-pakta.txt", "11_rusia-korut-sepakat-saling-membela.txt"]
    assert all({"id", "title", "source"} <= set(a) for s in data["stories"] for a in s["articles"])
    show = subprocess.run(
        [*run, "show", group["articles"][0]["id"]],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "near-duplicates" in show.stdout and group["articles"][1]["id"] in show.stdout
