"""The learned choice behind "katanya": the shipped ranker, its guard rails, its training."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from telisik import Pipeline
from telisik.entities import entities
from telisik.model import Document, Quote, document_id
from telisik.quotes import find_quotes, rank
from telisik.quotes.context import Speaker, _Context
from telisik.segment import segment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

import train_speaker as ts  # noqa: E402


def _doc(text: str) -> Document:
    return entities(segment(Document(document_id(text), "test", text=text)), use_ner=False)


def rules_only(ctx: _Context, pos: int, quoted: str, res: rank.Resolution) -> Speaker | None:
    return res.rule


def _direct(quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if q.kind == "direct"]


def test_the_shipped_model_matches_the_features() -> None:
    # A feature added or reordered without retraining would silently fall back to rules.
    ranker = rank.load_ranker()
    assert ranker is not None
    assert len(ranker.weights) == len(rank.FEATURES)
    assert any(w != 0 for w in ranker.weights)


def test_the_ranker_prefers_the_subject_who_spoke_over_a_late_appositive() -> None:
    # The paragraph before "ungkapnya" ends with the husband as an appositive; the
    # article is about the actress, who spoke before and says she is giving birth.
    text = (
        "Aktris Larasati Wulandari tengah menantikan kelahiran anak pertamanya pada akhir "
        "tahun ini. “Rasanya campur aduk, senang sekaligus cemas,” kata Larasati di Jakarta, "
        "Senin.\n\nMeski cemas, artis berusia 31 tahun ini tetap bersyukur. Banyak hal yang ia "
        "rasakan bersama sang suami, Damar Prakoso.\n\n“Pertama, bulan ini saya benar-benar "
        "deg-degan karena akan melahirkan,” ungkapnya."
    )
    doc = _doc(text)
    ranked = _direct(find_quotes(doc))
    assert [q.speaker_name for q in ranked] == ["Larasati Wulandari", "Larasati Wulandari"]
    # the rules alone take the last person named: the ranker is what decides here
    assert _direct(find_quotes(doc, chooser=rules_only))[1].speaker_name == "Damar Prakoso"


def test_a_described_speaker_is_not_handed_to_a_named_one() -> None:
    # "Seorang saksi mata … katanya": the rules' unnamed speaker stands, even with a
    # named police chief one paragraph up.
    text = (
        "Kapolsek Cempaka Putih Kompol Hadi Santoso mengatakan polisi masih menyelidiki "
        "sumber ledakan.\n\nSeorang saksi mata mengatakan ia mendengar dua kali ledakan. "
        "“Suaranya keras sekali, kaca rumah saya sampai bergetar,” katanya."
    )
    (q,) = _direct(find_quotes(_doc(text)))
    assert q.speaker is None
    assert q.speaker_name is not None and "saksi" in q.speaker_name.casefold()


def test_a_subject_pronoun_stays_with_the_sentence_subject() -> None:
    # Sample article 09 (project-written): an aide speaks twice ("mengatakan …", "Ia
    # menegaskan …"), then "Putin menulis artikel … Dalam tulisan itu ia berterima kasih
    # … yang "tidak dikendalikan oleh Barat"": "ia" is Putin, the paragraph's subject.
    # Subject pronouns are left to the rules; the ranker would take the aide who spoke.
    (path,) = (ROOT / "examples" / "corpus").glob("09_*")
    doc = Pipeline(stages=["clean", "segment", "entities"])(
        Document(document_id(path.name), str(path), text=path.read_text("utf-8"))
    )
    (q,) = [q for q in find_quotes(doc) if q.text == "tidak dikendalikan oleh Barat"]
    assert q.kind == "partial" and q.speaker_name == "Vladimir Putin"


def _choice(article: str, right: int, n: int = 3) -> ts.Choice:
    """A synthetic choice: ``spoke_before`` marks the right candidate, the rule another."""
    feats = np.zeros((n, len(rank.FEATURES)))
    feats[right, rank.FEATURES.index("spoke_before")] = 1.0
    wrong = (right + 1) % n
    feats[wrong, rank.FEATURES.index("rule")] = 1.0
    right_mask = np.zeros(n, dtype=bool)
    right_mask[right] = True
    return ts.Choice(article, 0, feats, right_mask, wrong)


def test_training_learns_the_signal_that_separates_the_right_candidate() -> None:
    choices = [_choice(f"a{i}", i % 3) for i in range(30)]
    w = ts.fit(choices, steps=300)
    assert w[rank.FEATURES.index("spoke_before")] > w[rank.FEATURES.index("rule")]
    assert ts.accuracy(choices, w) == 30
    assert ts.accuracy(choices, None) == 0  # the rule's guess is always the wrong one
