"""Entities across articles: name rules, resolution over a real SQLite store, corrections."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from telisik.core import ingest
from telisik.entities.kb import (
    EntityCorrection,
    EntityRef,
    KbEntity,
    apply_corrections,
    edit_distance,
    name_key,
    refresh_entities,
    resolve_store,
    same_name,
)
from telisik.model import Document, slug
from telisik.pipeline import Pipeline
from telisik.store import Store, open_store

# (name A, name B, the reason they are one entity, or None: different entities)
NAME_PAIRS = [
    ("Sergei Shogu", "Sergei Shoigu", "spelling variant: edit distance 1"),
    ("Kim Jong-un", "Kim Jong Un", "same normalised name"),
    ("Kim Jong-Un", "Kim Jong Un", "same normalised name"),
    ("Shin Won-sik", "Shin Wonsik", "same normalised name"),
    ("Sergey Lavrov", "Sergei Lavrov", "same normalised name"),  # transliteration
    ("Andriy Kovalenko", "Andrii Kovalenko", "same normalised name"),
    ("Soekarno", "Sukarno", "same normalised name"),  # old Indonesian spelling
    ("Mohammed bin Salman", "Muhammad bin Salman", "spelling variant: edit distance 2"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "same normalised name"),
    ("Zelenskyy", "Zelenskiy", "same normalised name"),
    ("Vladimir Putin", "VLADIMIR PUTIN", "same normalised name"),
    # negatives: people who share a name part, or names one consonant apart
    ("Kim Jong Un", "Kim Jong Il", None),
    ("Kim Jong Un", "Kim Dae-jung", None),
    ("Kim Jong Un", "Lami Kim", None),
    ("Kim Jong Il", "Kim Il Sung", None),
    ("Shin Wonsik", "Jaewoo Shin", None),
    ("Abdul Rahman", "Abdul Rahmat", None),
    ("Joko Widodo", "Joko Susilo", None),
    ("Kim Jong Un", "Kim", None),  # a short form is no full name
    ("Korea Utara", "Korea Selatan", None),
    ("Sergei Shoigu", "Sergei Lavrov", None),
    ("", "Putin", None),
]


@pytest.mark.parametrize(("a", "b", "reason"), NAME_PAIRS)
def test_same_name(a: str, b: str, reason: str | None) -> None:
    found = same_name(a, b)
    if reason is None:
        assert found is None
    else:
        assert found is not None and found.startswith(reason)
    assert (same_name(b, a) is None) == (found is None)  # symmetric


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("shogu", "shoigu", 1), ("", "abc", 3), ("kim", "kim", 0), ("un", "il", 2), ("abc", "xyz", 3)],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance


def test_name_key_folds_case_hyphens_spaces_and_accents() -> None:
    assert name_key("Kim Jong-un") == name_key("KIM JONG UN") == "kimjongun"
    assert name_key("Shin Won-sik") == name_key("Shin Wonsik")
    assert name_key("Ségolène Royal") == name_key("Segolene Royal")
    assert name_key("…") == ""


def _ref(article: str, name: str, type_: str = "PERSON", seq: int = 0) -> EntityRef:
    return EntityRef(article, seq, slug(name), name, type_, name)


def _groups(entities: list[KbEntity]) -> set[frozenset[str]]:
    return {frozenset(m.article for m in e.members) for e in entities}


def test_resolution_rules_without_the_gazetteer() -> None:
    refs = [
        _ref("a1", "Sergei Shogu"),
        _ref("a2", "Shoigu"),  # a short form of the only Shoigu in the store
        _ref("a3", "Shin Wonsik"),
        _ref("a4", "Jaewoo Shin"),
        _ref("a5", "Shin"),  # two people called Shin: joins nobody
        _ref("a6", "Rachel Min-young Lee"),
        _ref("a7", "Rachel Minyoung Lee"),
        _ref("a8", "Andriy Kovalenko"),
        _ref("a9", "Andrii Kovalenko", "ORG"),  # another type: kept apart
    ]
    found = resolve_store(refs)
    assert _groups(found) == {
        frozenset({"a1", "a2"}),
        frozenset({"a3"}),
        frozenset({"a4"}),
        frozenset({"a5"}),
        frozenset({"a6", "a7"}),
        frozenset({"a8"}),
        frozenset({"a9"}),
    }
    shoigu = next(e for e in found if any(m.article == "a1" for m in e.members))
    reasons = {m.article: m.reason for m in shoigu.members}
    assert reasons == {
        "a1": "canonical",
        "a2": "short form: the only person in the store named 'shoigu'",
    }
    assert len({e.id for e in found}) == len(found)


def test_resolution_does_not_depend_on_order() -> None:
    refs = [
        _ref("a1", "Sergei Shogu"),
        _ref("a2", "Sergei Shoigu"),
        _ref("a3", "Shoigu"),
        _ref("a4", "Kim Jong-un"),
        _ref("a5", "Kim Jong Un"),
        _ref("a6", "Kim Jong Il"),
        _ref("a7", "Kim"),
        EntityRef("a8", 3, "kim-jong-un", "Kim Jong Un", "PERSON"),  # gazetteer id
        EntityRef("a9", 1, "kim-jong-il", "Kim Jong Il", "PERSON"),
    ]
    first = resolve_store(refs)
    for seed in range(5):
        shuffled = list(refs)
        random.Random(seed).shuffle(shuffled)
        assert resolve_store(shuffled) == first
    groups = _groups(first)
    assert frozenset({"a4", "a5", "a8"}) in groups  # one Kim Jong Un
    assert frozenset({"a6", "a9"}) in groups  # one Kim Jong Il
    assert frozenset({"a7"}) in groups  # a bare Kim with two Kims in the store


def test_corrections_replay_and_skip_what_no_longer_applies() -> None:
    refs = {(r.article, r.seq): r for r in [_ref("a1", "Lami Kim"), _ref("a2", "Kim Jong Un")]}
    entities = resolve_store(refs.values())
    corrections = [
        EntityCorrection(1, "merge", {"into": "Kim Jong Un", "other": "Lami Kim"}),
        EntityCorrection(2, "rename", {"entity": "kim-jong-un", "name": "Kim Jong-un"}),
        EntityCorrection(3, "merge", {"into": "nobody", "other": "Lami Kim"}),  # skipped
        EntityCorrection(4, "split", {"entity": "Kim Jong-un", "alias": "Lami Kim"}),
    ]
    out = apply_corrections(entities, corrections, refs)
    assert {(e.id, e.name) for e in out} == {
        ("kim-jong-un", "Kim Jong-un"),
        ("lami-kim", "Lami Kim"),
    }
    lami = next(e for e in out if e.id == "lami-kim")
    assert [m.reason for m in lami.members] == ["analyst split (correction 4)"]


# --- the seeds, in a real store ---------------------------------------------------

STAGES = ["clean", "segment", "entities"]


def _ingest(paths: list[Path], db: Path) -> Store:
    store = open_store(db)
    results = list(ingest([str(p) for p in paths], store, pipeline=Pipeline(stages=STAGES)))
    assert all(getattr(r, "status", None) for r in results), results
    return store


def _kb_of(store: Store, name: str) -> KbEntity:
    found = [e for e in store.entity_kb() if e.name == name]
    assert len(found) == 1, name
    return found[0]


def _article_of(store: Store, prefix: str) -> str:
    for doc in store.documents():
        if Path(doc.source).name.startswith(prefix):
            return doc.id
    raise AssertionError(prefix)


@pytest.fixture(scope="module")
def seed_store(seed_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _ingest(sorted(seed_dir.glob("*.txt")), tmp_path_factory.mktemp("kb") / "seeds.db")


@pytest.mark.seeds
def test_seed_shoigu_spellings_are_one_entity(seed_store: Store) -> None:
    # 002 writes "Sergei Shogu" (and "Shogu"), 004 "Shoigu"
    shoigu = _kb_of(seed_store, "Sergei Shoigu")
    assert {m.article for m in shoigu.members} == {
        _article_of(seed_store, "002"),
        _article_of(seed_store, "004"),
    }
    refs = {(r.article, r.seq): r for r in seed_store.entity_refs()}
    names = {
        a
        for m in shoigu.members
        for a in (refs[(m.article, m.seq)].name, *refs[(m.article, m.seq)].aliases)
    }
    assert {"Sergei Shogu", "Shoigu"} <= names


@pytest.mark.seeds
def test_seed_kims_stay_apart(seed_store: Store) -> None:
    # 000: Kim Jong Un, his father Kim Jong Il, former president Kim Dae-jung;
    # 003: professor Lami Kim; Kim Jong Un in every seed.
    kims = {
        n: _kb_of(seed_store, n) for n in ("Kim Jong Un", "Kim Jong Il", "Kim Dae-jung", "Lami Kim")
    }
    assert len({k.id for k in kims.values()}) == 4
    assert len({m.article for m in kims["Kim Jong Un"].members}) == 5
    assert {m.article for m in kims["Lami Kim"].members} == {_article_of(seed_store, "003")}
    assert {m.article for m in kims["Kim Jong Il"].members} == {_article_of(seed_store, "000")}
    # Shin Won-sik (South Korea's defence minister) is not Jaewoo Shin (an analyst, 004)
    assert _kb_of(seed_store, "Shin Won-sik").id != _kb_of(seed_store, "Jaewoo Shin").id


@pytest.mark.seeds
def test_seed_names_resolve_without_the_gazetteer(seed_store: Store) -> None:
    """The rules alone, on the seeds' own spellings (each entity named by its longest mention)."""
    refs = []
    for doc in seed_store.documents():
        for n, e in enumerate(doc.entities):
            if e.type == "PERSON":
                longest = max((m.text for m in e.mentions), key=lambda t: (len(t.split()), len(t)))
                refs.append(EntityRef(doc.id, n, slug(longest), longest, e.type))
    found = resolve_store(refs)
    by_article = {(m.article, m.seq): e.id for e in found for m in e.members}
    named = {r.name: by_article[(r.article, r.seq)] for r in refs}
    assert named["Sergei Shogu"] == named["Shoigu"]
    assert len({named[n] for n in ("Kim Jong Un", "Kim Jong Il", "Kim Dae-jung", "Lami Kim")}) == 4
    assert named["Jaewoo Shin"] != named["Shin Wonsik"]


@pytest.mark.seeds
def test_seed_resolution_does_not_depend_on_ingest_order(
    seed_store: Store, seed_dir: Path, tmp_path: Path
) -> None:
    backwards = _ingest(sorted(seed_dir.glob("*.txt"), reverse=True), tmp_path / "rev.db")
    with backwards:
        assert backwards.entity_kb() == seed_store.entity_kb()


# --- corrections survive re-ingest ----------------------------------------------------

ARTICLE_A = (
    "Menteri Luar Negeri Retno Marsudi bertemu Duta Besar Ukraina Andriy Kovalenko di Jakarta "
    "pada Selasa. Kovalenko mengatakan kedua negara sepakat memperluas kerja sama pangan.\n"
)
ARTICLE_B = (
    "Duta Besar Andrii Kovalenko menghadiri pameran dagang di Surabaya pada Kamis. Ia "
    "didampingi pengusaha Budi Santoso, yang memimpin rombongan dari Jawa Timur.\n"
)


def _corpus(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return [folder / "a.txt", folder / "b.txt"]


def test_corrections_survive_reingest(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "corpus")
    db = tmp_path / "kb.db"
    with _ingest(paths, db) as store:
        kovalenko = _kb_of(store, "Andrii Kovalenko")  # two transliterations, one entity
        assert len(kovalenko.members) == 2
        from telisik.entities.kb import correct

        correct(store, "split", {"entity": "Kovalenko", "alias": "Andrii Kovalenko"})
        correct(store, "rename", {"entity": "andrii-kovalenko", "name": "Andriy Kovalenko"})
        correct(store, "merge", {"into": "Retno Marsudi", "other": "Budi Santoso"})
    # the second article is edited (a new id replaces the old one), then all re-ingested
    paths[1].write_text(ARTICLE_B.replace("Kamis", "Jumat"), encoding="utf-8")
    with _ingest(paths, db) as store:
        people = {e.name: e for e in store.entity_kb() if e.type == "PERSON"}
        assert set(people) == {"Andriy Kovalenko", "Andrii Kovalenko", "Retno Marsudi"}
        assert len(people["Retno Marsudi"].members) == 2
        assert len(store.entity_corrections()) == 3
        # a refresh from scratch gives the same
        assert refresh_entities(store) == store.entity_kb()


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "telisik", "--db", str(cwd / "cli.db"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def _entities(cwd: Path) -> dict[str, dict[str, object]]:
    result = _cli("entities", "--type", "PERSON", "--format", "json", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return {row["name"]: row for row in json.loads(result.stdout)}


def test_cli_corrections_survive_reingest(tmp_path: Path) -> None:
    _corpus(tmp_path / "corpus")
    assert _cli("ingest", "corpus", cwd=tmp_path).returncode == 0
    before = _entities(tmp_path)
    assert before["Andrii Kovalenko"]["articles"] == 2
    assert set(before["Andrii Kovalenko"]["aliases"]) >= {"Andriy Kovalenko", "Kovalenko"}
    for args in (
        ("entity", "merge", "Retno Marsudi", "Budi Santoso"),
        ("entity", "rename", "Budi Santoso", "Retno L. P. Marsudi"),
        ("entity", "split", "Kovalenko", "--alias", "Andriy Kovalenko"),
    ):
        result = _cli(*args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert _cli("ingest", "corpus", cwd=tmp_path).returncode == 0
    after = _entities(tmp_path)
    assert set(after) == {"Retno L. P. Marsudi", "Andrii Kovalenko", "Andriy Kovalenko"}
    assert after["Retno L. P. Marsudi"]["articles"] == 2
    shown = _cli("entity", "Budi Santoso", "--format", "json", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    profile = json.loads(shown.stdout)
    assert profile["name"] == "Retno L. P. Marsudi"
    assert "analyst merge (correction 1)" in {m["reason"] for m in profile["merged"]}
    # the options may come first too, as before `entity` had subcommands
    first = _cli("entity", "--format", "json", "Budi Santoso", cwd=tmp_path)
    assert first.returncode == 0 and json.loads(first.stdout)["id"] == profile["id"]
    # a correction that names nothing is refused and not kept
    bad = _cli("entity", "merge", "Retno Marsudi", "Nobody Here", cwd=tmp_path)
    assert bad.returncode != 0 and "no entity is called 'Nobody Here'" in bad.stderr
    ambiguous = _cli("entity", "split", "Kim", "--alias", "X", cwd=tmp_path)
    assert ambiguous.returncode != 0


def test_empty_store_has_no_entities(tmp_path: Path) -> None:
    with open_store(tmp_path / "empty.db") as store:
        assert refresh_entities(store) == []
        assert store.entity_kb() == []


def test_documents_without_entities_resolve_to_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.db") as store:
        store.put(Document(id="0123456789abcdef", source="x.txt", text="tidak ada nama"))
        assert refresh_entities(store) == []
