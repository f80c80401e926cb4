"""The gazetteer builder's rule for small home towns (training/build_gazetteer.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

import build_gazetteer as bg  # noqa: E402


def test_a_town_counts_only_where_the_news_writes_it_as_a_place(tmp_path: Path) -> None:
    # Tokenised articles in IndoSum's shape: paragraphs of sentences of tokens.
    sentences = [
        "Bupati Sukamaju meresmikan pasar .",
        "Banjir melanda rumah warga di Sukamaju .",
        "Polres Sukamaju menangkap pelaku .",
        "Kata Rudi Sukamaju kepada wartawan .",
        "Andi Kemuning dan Budi Kemuning hadir .",
        "Mereka tiba di Kemuning pagi ini .",
        "Rombongan tiba di Tanjung Sari kemarin .",
        "Warga Tanjung Sari menyambut .",
    ]
    art = {"id": "a1", "paragraphs": [[s.split() for s in sentences]]}
    corpus = tmp_path / "dev.01.jsonl"
    corpus.write_text(json.dumps(art) + "\n", encoding="utf-8")
    uses = bg.place_uses(corpus, ["Sukamaju", "Kemuning", "Tanjung Sari", "Cibodas"])
    assert uses["sukamaju"] == (3, 4)  # "Bupati", "di", "Polres" before it; "Rudi" not
    assert uses["kemuning"] == (1, 3)
    assert uses["tanjung sari"] == (2, 2)  # a two-word town, after "di" and "Warga"
    assert bg.used_as_place("Sukamaju", uses)
    assert not bg.used_as_place("Kemuning", uses)  # mostly part of people's names
    assert not bg.used_as_place("Cibodas", uses)  # never seen: no evidence
