from __future__ import annotations

import json
import types

import pytest

import telisik
from telisik.model import (
    Document,
    Entity,
    Event,
    EventDate,
    Mention,
    PublishedDate,
    Quantity,
    Quote,
    Removal,
    Sentence,
    Span,
    TimeExpr,
    Token,
    document_id,
    slug,
)

# The example object of the output contract (DESIGN.md, version 1), abridged.
CONTRACT_EXAMPLE = {
    "id": "abc",
    "source": "path",
    "outlet": "Bloomberg Technoz",
    "title": None,
    "language": "id",
    "published": {"value": "2024-06-19", "precision": "day", "basis": "explicit"},
    "text": "cleaned body",
    "removed": [{"text": "Logo Bloomberg Technoz", "reason": "logo"}],
    "credits": ["Sangmi Cha", "James Herron"],
    "entities": [
        {
            "id": "kim-jong-un",
            "name": "Kim Jong Un",
            "en": "Kim Jong Un",
            "type": "PERSON",
            "role": "Pemimpin Korea Utara",
            "aliases": ["Kim"],
            "mentions": [{"start": 0, "end": 12}],
        }
    ],
    "quotes": [
        {
            "speaker": "antony-blinken",
            "speaker_name": "Antony Blinken",
            "speaker_role": "Menteri Luar Negeri AS",
            "kind": "direct",
            "text": "x",
            "start": 0,
            "end": 1,
            "cue": "mengatakan",
        }
    ],
    "times": [
        {
            "text": "Rabu (19/06/2024)",
            "value": "2024-06-19",
            "precision": "day",
            "start": 0,
            "end": 17,
        }
    ],
    "quantities": [
        {
            "text": "hampir 5 juta peluru artileri",
            "value": 5000000,
            "approx": True,
            "unit": "peluru artileri",
            "start": 0,
            "end": 29,
        }
    ],
    "events": [
        {
            "type": "CONSULT",
            "mode": "visit",
            "cameo": "04",
            "source": "vladimir-putin",
            "target": "north-korea",
            "location": "pyongyang",
            "date": {"value": "2024-06-19", "precision": "day"},
            "status": "asserted",
            "claimed_by": [],
            "denied_by": [],
            "evidence": {"start": 0, "end": 5},
        }
    ],
}


def full_document() -> Document:
    return Document(
        id="d1",
        source="a.txt",
        text="Kim Jong Un tiba. Ia bicara.",
        raw="Logo X\n\nKim Jong Un tiba. Ia bicara.",
        outlet="X",
        published=PublishedDate("2024-06-19", "day", "inferred"),
        date_hints=("Rabu, 19 Juni 2024",),
        removed=(Removal("Logo X", "logo", 0, "X"),),
        credits=("A",),
        sentences=(Sentence(0, 17, 0, (Token(0, 3), Token(4, 8))),),
        entities=(
            Entity(
                "kim-jong-un",
                "Kim Jong Un",
                "PERSON",
                aliases=("Kim",),
                mentions=(Mention(0, 11, "Kim Jong Un"),),
            ),
        ),
        quotes=(Quote("Ia bicara", 18, 27, "indirect", speaker="kim-jong-un"),),
        times=(TimeExpr("Rabu", 0, 4, "2024-06-19", "day", relative=True),),
        quantities=(Quantity("5 juta", 0, 6, 5_000_000.0, True, "peluru"),),
        events=(
            Event(
                "CONSULT",
                Span(0, 17),
                mode="visit",
                cameo="04",
                date=EventDate("2024-06", "month"),
                claimed_by=("x",),
            ),
        ),
    )


def test_round_trip_keeps_every_field() -> None:
    doc = full_document()
    assert Document.from_json(doc.to_json(raw=True)) == doc
    # raw is an opt-in extra: the contract output leaves it out
    assert "raw" not in doc.to_dict()
    assert Document.from_json(doc.to_json()).raw == ""


def test_contract_example_loads_and_keeps_its_keys() -> None:
    doc = Document.from_dict(CONTRACT_EXAMPLE)
    assert doc.entities[0].mentions[0] == Mention(0, 12)
    assert doc.events[0].date == EventDate("2024-06-19", "day")
    assert doc.quantities[0].approx is True
    out = doc.to_dict()
    for key, value in CONTRACT_EXAMPLE.items():
        assert key in out
        if not isinstance(value, list):
            assert out[key] == value
    # every key of each nested example object survives the round trip
    for section in ("entities", "quotes", "times", "quantities", "events", "removed"):
        for key in CONTRACT_EXAMPLE[section][0]:  # type: ignore[index]
            assert key in out[section][0]
    json.dumps(out)  # plain JSON data


def test_unknown_keys_are_ignored_for_forward_compatibility() -> None:
    data = dict(CONTRACT_EXAMPLE, future_field=[1, 2])
    assert Document.from_dict(data).id == "abc"


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Kim  tiba.\n\nIa pergi.", "Kim tiba. Ia pergi.", True),  # whitespace only
        ("Kim tiba.", "KIM TIBA.", True),  # case
        ("ﬁ", "fi", True),  # NFKC
        ("Kim tiba.", "Kim pergi.", False),
    ],
)
def test_document_id_is_stable_on_normalised_text(a: str, b: str, same: bool) -> None:
    assert (document_id(a) == document_id(b)) is same
    assert len(document_id(a)) == 16


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Kim Jong-un", "kim-jong-un"),
        ("Sergei Shoigu", "sergei-shoigu"),
        ("Łódź", "lodz"),
        ("!!", "x"),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_public_api_is_exactly_all() -> None:
    public = {
        n
        for n in dir(telisik)
        if not n.startswith("_") and not isinstance(getattr(telisik, n), types.ModuleType)
    }
    assert public - {"annotations"} == set(telisik.__all__) - {"__version__"}
    for name in telisik.__all__:
        assert hasattr(telisik, name)
