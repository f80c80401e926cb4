"""The shipped NER model loads offline and tags typical Indonesian news sentences sensibly."""

from __future__ import annotations

import json

import pytest

spacy = pytest.importorskip("spacy")

from telisik.entities import ner  # noqa: E402


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return ner.load_model()


def found(text: str, nlp) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(text[s:e], label) for s, e, label in ner.predict(text, nlp=nlp)}


def test_model_ships_with_package_and_is_small() -> None:
    size = sum(f.stat().st_size for f in ner.MODEL_PATH.rglob("*") if f.is_file())
    assert (ner.MODEL_PATH / "config.cfg").is_file()
    assert size < 30 * 2**20


def test_meta_records_evaluation_and_labels(nlp) -> None:  # type: ignore[no-untyped-def]
    meta = json.loads((ner.MODEL_PATH / "meta.json").read_text(encoding="utf-8"))
    micro = meta["telisik"]["evaluation"]["nergrit_valid"]["micro"]
    assert 0 < micro["f"] <= 100
    assert set(nlp.get_pipe("ner").labels) == set(ner.LABELS)


def test_load_model_is_cached() -> None:
    assert ner.load_model() is ner.load_model()


def test_missing_model_names_the_fix(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FileNotFoundError, match="make train-ner"):
        ner.load_model(tmp_path)


@pytest.mark.parametrize(
    "text,expected",
    [
        # title + two-word name, twice, and a city
        (
            "Presiden Joko Widodo bertemu Perdana Menteri Anthony Albanese di Jakarta pada Selasa.",
            {("Joko Widodo", "PERSON"), ("Anthony Albanese", "PERSON"), ("Jakarta", "LOC")},
        ),
        # an organisation by its acronym
        (
            "Komisi Pemberantasan Korupsi (KPK) menahan seorang pejabat di Surabaya.",
            {("Surabaya", "LOC")},
        ),
        # a country before a title-less name must not swallow it ("Rusia Vladimir Putin")
        (
            "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/06/2024) malam.",
            {("Rusia", "LOC"), ("Vladimir Putin", "PERSON"), ("Pyongyang", "LOC")},
        ),
        # country names
        (
            "Pemimpin Korea Utara Kim Jong Un mengunjungi Rusia bulan lalu.",
            {("Kim Jong Un", "PERSON"), ("Korea Utara", "LOC"), ("Rusia", "LOC")},
        ),
    ],
)
def test_finds_typical_entities(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected <= found(text, nlp)


@pytest.mark.parametrize(
    "text,not_entities",
    [
        # a capitalised sentence start is not a name
        ("Pemerintah akan mengumumkan kebijakan baru minggu depan.", {"Pemerintah"}),
        # month and day names
        ("Rapat itu digelar pada Senin, 12 Agustus 2024.", {"Senin", "Agustus"}),
        ("Pada Januari lalu harga beras naik tajam.", {"Pada", "Januari"}),
        # a title alone is not a person
        ("Presiden menyampaikan pidato di depan para mahasiswa.", {"Presiden"}),
        # titles before a name stay outside the name's span
        (
            "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/06/2024) malam.",
            {"Presiden", "Presiden Rusia", "Rusia Vladimir Putin", "Rabu"},
        ),
    ],
)
def test_negatives(nlp, text, not_entities) -> None:  # type: ignore[no-untyped-def]
    assert not {t for t, _ in found(text, nlp)} & not_entities


def test_predict_per_sentence_offsets_point_into_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hujan turun sejak pagi.  Gubernur Ridwan Kamil meninjau Bandung."
    second = text.index("Gubernur")
    spans = ner.predict(text, [(0, 23), (second, len(text))], nlp=nlp)
    assert spans == sorted(spans)
    assert ("Ridwan Kamil", "PERSON") in {(text[s:e], lab) for s, e, lab in spans}
    for s, e, _ in spans:
        assert text[s:e] == text[s:e].strip() and s >= 0 and e <= len(text)


def test_predict_empty_text(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ner.predict("", nlp=nlp) == []
    assert ner.predict("", [], nlp=nlp) == []


def test_predict_many_matches_predict(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = [
        "Menteri Luar Negeri Antony Blinken tiba di Seoul.",
        "",
        "Presiden Rusia Vladimir Putin bertemu Kim Jong Un di Pyongyang.",
    ]
    assert list(ner.predict_many(texts, nlp=nlp)) == [ner.predict(t, nlp=nlp) for t in texts]
