"""The real-news quote evaluation: its gold file and its speaker matching."""

from __future__ import annotations

import dataclasses
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


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Zulkifli Hasan", "Zulkifli", True),
        ("Basuki Tjahaja Purnama|Ahok", "Ahok", True),
        ("Zulkifli Hasan", "Anies Baswedan", False),
        # both ask for no named speaker
        ("UNNAMED", "NOT_QUOTE", True),
        ("UNNAMED", "Raisa", False),
        ("NOT_QUOTE", "Raisa", False),
        # a reader who cannot tell agrees with no one
        ("UNCLEAR", "UNCLEAR", False),
        ("UNCLEAR", "Raisa", False),
    ],
)
def test_two_labellings_agree(a: str, b: str, same: bool) -> None:
    assert ev.agree_on(a, b) is same
    assert ev.agree_on(b, a) is same


def _gold_file(path: Path, rows: list[tuple[str, ...]]) -> None:
    lines = ["# header", *("\t".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_settle_puts_decisions_into_the_gold_in_place(tmp_path: Path) -> None:
    gold, decisions = tmp_path / "gold.tsv", tmp_path / "decided.tsv"
    art = "1500000000-contoh"
    _gold_file(
        gold,
        [
            ("test", art, "10", "40", "0000000a", "Budi"),
            ("dev", art, "50", "90", "0000000b", "UNNAMED"),
            ("test", art, "95", "120", "0000000c", "Siti"),
        ],
    )
    _gold_file(decisions, [("test", art, "95", "120", "0000000c", "Ani Lestari")])
    assert ev.settle(decisions, gold) == 0
    after = ev.read_gold(gold)
    assert [lb.speaker for lb in after] == ["Budi", "UNNAMED", "Ani Lestari"]
    assert gold.read_text(encoding="utf-8").startswith("# header\n")  # comments kept
    # a decision on a span the gold does not hold is refused, and nothing is written
    _gold_file(decisions, [("test", art, "96", "120", "0000000c", "Budi")])
    before = gold.read_text(encoding="utf-8")
    assert ev.settle(decisions, gold) == 1
    assert gold.read_text(encoding="utf-8") == before


def test_disputes_show_both_labels_without_saying_which_is_the_gold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not (ev.DATA / "indosum").exists():
        pytest.skip(f"IndoSum not found at {ev.DATA / 'indosum'} (data set outside the repo)")
    labels = [lb for lb in ev.read_gold() if lb.speaker not in (ev.UNNAMED, ev.NOT_QUOTE)][:3]
    rows = [(lb.split, lb.article, str(lb.start), str(lb.end), lb.crc, lb.speaker) for lb in labels]
    gold, second, disputes = tmp_path / "gold.tsv", tmp_path / "second.tsv", tmp_path / "d.txt"
    _gold_file(gold, rows)
    _gold_file(second, [*rows[:2], (*rows[2][:5], "UNNAMED")])
    source = dataclasses.replace(ev.INDOSUM, gold=gold)
    assert ev.agreement(second, disputes, source) == 0
    assert "agree on 2/3 spans" in capsys.readouterr().out
    text = disputes.read_text(encoding="utf-8")
    assert text.count("@@ ") == 1 and f"\t{labels[2].article}\t{labels[2].start}\t" in text
    shown = text.split("\n")[:2]
    assert [line[:3] for line in shown] == ["A: ", "B: "]
    assert {line[3:] for line in shown} == {labels[2].speaker, "UNNAMED"}


def test_relabel_writes_the_labelled_spans_without_their_labels(tmp_path: Path) -> None:
    if not (ev.DATA / "indosum").exists():
        pytest.skip(f"IndoSum not found at {ev.DATA / 'indosum'} (data set outside the repo)")
    out = tmp_path / "again.txt"
    assert ev.relabel("test", out) == 0
    text = out.read_text(encoding="utf-8")
    heads = [line[3:].split("\t") for line in text.split("\n") if line.startswith("@@ ")]
    gold = [lb for lb in ev.read_gold() if lb.split == "test"]
    assert sorted((h[1], int(h[2]), int(h[3]), h[4]) for h in heads) == sorted(
        (lb.article, lb.start, lb.end, lb.crc) for lb in gold
    )
    assert all(len(h) == 5 for h in heads)  # the header carries no speaker
    assert [h[1] for h in heads] == sorted(h[1] for h in heads)  # one article's items together


def test_only_the_last_paragraphs_quotes_are_labelled_in_a_treebank_text() -> None:
    text = (
        'Kata "satu dua tiga empat" di sini.\n\nIa berkata, "lima enam tujuh delapan," lalu pergi.'
    )
    last = text.index("\n\n") + 2
    assert ev.SOURCES["ud"].spans(text) == [(text.index('"lima'), text.rindex('"') + 1)]
    assert ev.INDOSUM.spans(text)[0][0] < last  # a whole article: every paragraph counts


def test_treebank_texts_end_with_the_quoted_sentence(tmp_path: Path) -> None:
    from corpora import ud_quote_documents

    def sent(sid: str, text: str) -> str:
        return (
            f"# sent_id = {sid}\n# text = {text}\n1\t{text.split()[0]}\t_\t_\t_\t_\t0\troot\t_\t_\n"
        )

    bank = tmp_path / "ud-id-pud"
    bank.mkdir()
    (bank / "id_pud-ud-test.conllu").write_text(
        "\n".join(
            [
                sent("n01001001", "Kalimat lain dari berita lain."),
                sent("n01002001", "Menteri itu tiba di Jakarta."),
                sent("n01002002", "Tanpa tanda kutip."),
                sent("n01002003", '"Kami siap bekerja sama," kata Menteri Budi.'),
            ]
        ),
        encoding="utf-8",
    )
    docs = list(ud_quote_documents(tmp_path))
    # one text per quoted sentence; the sentence before it from another document is left out
    assert docs == [
        (
            "ud-pud-n01002003",
            "Menteri itu tiba di Jakarta.\n\nTanpa tanda kutip.\n\n"
            '"Kami siap bekerja sama," kata Menteri Budi.',
        )
    ]


def test_second_labelling_covers_the_test_spans_exactly() -> None:
    """The second labelling is of the same spans as the test split, so agreement is span by span."""
    second = ev.read_gold(ev.GOLD.with_name("quotes-indosum-second.tsv"))
    test = [lb for lb in ev.read_gold() if lb.split == "test"]
    assert sorted((b.article, b.start, b.end, b.crc) for b in second) == sorted(
        (b.article, b.start, b.end, b.crc) for b in test
    )
    assert all(0 < len(b.speaker) <= 80 for b in second)


def test_treebank_gold_holds_labels_not_text() -> None:
    labels = ev.read_gold(ev.GOLD_UD)
    assert len(labels) >= 200
    assert {lb.split for lb in labels} == {"dev", "test"}
    # only the CSUI train sentences were read while writing rules
    assert {lb.article.rsplit("-", 1)[0] for lb in labels if lb.split == "dev"} == {"ud-csui-train"}
    for lb in labels:
        assert re.fullmatch(r"ud-(csui|gsd|pud)-[\w-]+", lb.article), lb
        assert re.fullmatch(r"[0-9a-f]{8}", lb.crc), lb
        assert 0 < len(lb.speaker) <= 80 and lb.speaker.count(" ") <= 8, lb


def test_treebank_gold_offsets_still_point_at_the_quotes() -> None:
    source = ev.SOURCES["ud"]
    if not source.data.exists():
        pytest.skip(f"UD treebanks not found at {source.data} (data set outside the repo)")
    labels = ev.read_gold(source.gold)
    texts = dict(source.documents())
    for lb in labels:
        assert ev.crc(texts[lb.article][lb.start : lb.end]) == lb.crc, lb
        assert (lb.start, lb.end) in source.spans(texts[lb.article]), lb
