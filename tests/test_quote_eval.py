"""The real-news quote evaluation: its gold file and its speaker matching."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from telisik.model import Document, Entity, Mention, Quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

import eval_quotes as ev  # noqa: E402


def test_gold_file_holds_labels_not_text() -> None:
    labels = ev.read_gold()
    assert len(labels) >= 1000
    assert {lb.split for lb in labels} == {"dev", "test"}
    assert sum(lb.split == "test" for lb in labels) >= 300
    for lb in labels:
        assert re.fullmatch(r"\d{10}-[\w-]+", lb.article), lb
        assert 0 <= lb.start < lb.end
        assert re.fullmatch(r"[0-9a-f]{8}", lb.crc), lb
        # a name (or a label word), never a quoted sentence
        assert 0 < len(lb.speaker) <= 80 and lb.speaker.count(" ") <= 8, lb
    keys = [(lb.article, lb.start) for lb in labels]
    assert len(keys) == len(set(keys))  # one label per quoted span


def _doc() -> Document:
    ent = Entity(
        "sandiaga-uno",
        "Sandiaga Uno",
        "PERSON",
        aliases=("Sandi",),
        mentions=(Mention(0, 5, "Sandi"),),
    )
    return Document("d", "s", text="Sandi", entities=(ent,))


@pytest.mark.parametrize(
    "gold,quote,right",
    [
        ("Sandiaga Uno", Quote("x", 0, 1, speaker="sandiaga-uno", speaker_name="Sandi"), True),
        ("Anies Baswedan", Quote("x", 0, 1, speaker="sandiaga-uno", speaker_name="Sandi"), False),
        (
            "Basuki Tjahaja Purnama|Ahok",
            Quote("x", 0, 1, speaker="ahok", speaker_name="Ahok"),
            True,
        ),
        # an unnamed or described speaker is right for UNNAMED, a named one is not
        ("UNNAMED", Quote("x", 0, 1, speaker=None, speaker_name="sumber dekat Raisa"), True),
        ("UNNAMED", Quote("x", 0, 1, speaker="raisa", speaker_name="Raisa"), False),
        ("NOT_QUOTE", Quote("x", 0, 1, kind="scare"), True),
        ("NOT_QUOTE", Quote("x", 0, 1, speaker="raisa", speaker_name="Raisa"), False),
        ("E", Quote("x", 0, 1, speaker="e", speaker_name="E"), True),  # a name of one initial
        ("@geraldine_", Quote("x", 0, 1, speaker="g", speaker_name="geraldine"), True),
        ("Raisa", None, False),
    ],
)
def test_same_speaker(gold: str, quote: Quote | None, right: bool) -> None:
    assert ev.same_speaker(gold, quote, _doc()) is right


def test_gold_offsets_still_point_at_the_quotes() -> None:
    """A change to the IndoSum text reader would move every offset: the checksums say so."""
    if not (ev.DATA / "indosum").exists():
        pytest.skip(f"IndoSum not found at {ev.DATA / 'indosum'} (data set outside the repo)")
    labels = ev.read_gold()
    wanted = {lb.article for lb in labels}
    texts = {i: t for i, t in ev.indosum_documents() if i in wanted}
    assert set(texts) == wanted
    stale = [lb for lb in labels if ev.crc(texts[lb.article][lb.start : lb.end]) != lb.crc]
    assert stale == []
    # each labelled span is one of the quoted spans the sampler draws from
    for lb in labels[:200]:
        assert (lb.start, lb.end) in set(ev.candidates(texts[lb.article])), lb
