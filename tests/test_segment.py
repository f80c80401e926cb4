from __future__ import annotations

import itertools

import pytest

from telisik.model import Document
from telisik.segment import detect_language, segment, segment_text, sentence_spans, tokens


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # plain two sentences
        ("Ia datang. Mereka pergi.", ["Ia datang.", "Mereka pergi."]),
        # an initial inside a name is not a boundary
        (
            "Ia bekerja di Daniel K. Inouye Center. Itu di Hawaii.",
            ["Ia bekerja di Daniel K. Inouye Center.", "Itu di Hawaii."],
        ),
        # titles and Indonesian abbreviations
        (
            "Prof. Budi dan dr. Sari hadir. Acara selesai.",
            ["Prof. Budi dan dr. Sari hadir.", "Acara selesai."],
        ),
        ("Buah, sayur, dll. Semua dijual.", ["Buah, sayur, dll. Semua dijual."]),
        # a dentist's and a vet's titles as well ("kata … Kombes drg. Raymond")
        (
            "Kata Kombes drg. Raymond dan drh. Sari, kondisinya stabil. Ia pulang.",
            ["Kata Kombes drg. Raymond dan drh. Sari, kondisinya stabil.", "Ia pulang."],
        ),
        (
            "Kantornya di Jl. Sudirman No. 5 Jakarta. Ia pulang.",
            ["Kantornya di Jl. Sudirman No. 5 Jakarta.", "Ia pulang."],
        ),
        # numbers with separators never split
        (
            "Harganya Rp 1.500,25 per unit. Naik 2.5 persen.",
            ["Harganya Rp 1.500,25 per unit.", "Naik 2.5 persen."],
        ),
        # the closing quote stays with its sentence
        ('Ia berkata, "Kami siap." Lalu pergi.', ['Ia berkata, "Kami siap."', "Lalu pergi."]),
        ("“Kami siap.” Mereka pun berangkat.", ["“Kami siap.”", "Mereka pun berangkat."]),
        # a quote that ends with a comma continues the sentence
        ("“Kami siap,” kata Budi. Selesai.", ["“Kami siap,” kata Budi.", "Selesai."]),
        # lower case after a stop is not a new sentence
        ("Nilainya naik 3 pct. menurut data.", ["Nilainya naik 3 pct. menurut data."]),
        # question and exclamation marks
        ("Apa benar? Ya! Tentu.", ["Apa benar?", "Ya!", "Tentu."]),
        # dotted acronyms
        ("Pejabat U.S. Army datang. Mereka pergi.", ["Pejabat U.S. Army datang.", "Mereka pergi."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_paragraphs_always_end_sentences() -> None:
    text = "Judul tanpa titik\n\nParagraf kedua di sini. Kalimat dua.\n\n  Ketiga  "
    sents = segment_text(text)
    assert [text[s.start : s.end] for s in sents] == [
        "Judul tanpa titik",
        "Paragraf kedua di sini.",
        "Kalimat dua.",
        "Ketiga",
    ]
    assert [s.paragraph for s in sents] == [0, 1, 1, 2]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kim Jong-un tiba.", ["Kim", "Jong-un", "tiba", "."]),
        ("rudal Hwasong-18 (ICBM)", ["rudal", "Hwasong-18", "(", "ICBM", ")"]),
        (
            "Rp 1.000,5 pada 19/06/2024 pukul 14:30",
            ["Rp", "1.000,5", "pada", "19/06/2024", "pukul", "14:30"],
        ),
        ("Prof. Budi, dll.", ["Prof.", "Budi", ",", "dll."]),
        ("“Siap,” katanya.", ["“", "Siap", ",", "”", "katanya", "."]),
        ("pihak AS.", ["pihak", "AS", "."]),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    toks = tokens(text)
    assert [text[t.start : t.end] for t in toks] == expected


def test_token_offsets_are_absolute_within_a_sentence() -> None:
    text = "Satu dua. Tiga empat."
    sents = segment_text(text)
    second = sents[1]
    assert [text[t.start : t.end] for t in second.tokens] == ["Tiga", "empat", "."]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Pemerintah mengatakan bahwa kebijakan itu akan diterapkan pada tahun ini.", "id"),
        ("The government said on Tuesday that the policy would take effect this year.", "en"),
        (
            "Kerajaan berkata beliau ialah menteri yang boleh membantu kerana rakyat perlu wang.",
            "ms",
        ),
        ("", None),
        ("12345 !!!", None),
    ],
)
def test_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_segment_stage_on_seed(seeds: dict[str, str]) -> None:
    text = seeds["003"]
    doc = segment(Document(id="x", source="s", text=text))
    assert doc.language == "id"
    spans = [text[s.start : s.end] for s in doc.sentences]
    # the date in brackets and the name with an initial stay inside their sentences
    assert any(
        s.startswith("Putin akan melakukan perjalanan ke Vietnam") and s.endswith(".")
        for s in spans
    )
    assert any("Daniel K. Inouye" in s for s in spans)
    # every sentence is a verbatim slice and sentences never overlap
    ends = [(s.start, s.end) for s in doc.sentences]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))
