"""Stage "quantities": number parsing, quantity tables with negatives, and the seeds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telisik.model import Document, Quantity, TimeExpr
from telisik.pipeline import get_stage
from telisik.quantities import extract_quantities, find_quantities, number_value, parse_number


@pytest.mark.parametrize(
    "text,value",
    [
        ("1.000,5", 1000.5),
        ("1.000", 1000),
        ("1.000.000", 1_000_000),
        ("1,5", 1.5),
        ("1,250", 1.25),  # Indonesian decimal comma: "Rp 1,250 triliun"
        ("0,75", 0.75),
        ("1.5", 1.5),  # an English decimal point: not three digits after it
        ("1,000,000", 1_000_000),  # several commas: English thousands
        ("1,000.5", 1000.5),
        ("12", 12),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text,value",
    [
        ("satu", 1),
        ("sepuluh", 10),
        ("sebelas", 11),
        ("dua belas", 12),
        ("dua puluh", 20),
        ("dua puluh lima", 25),
        ("seratus dua puluh", 120),
        ("dua ratus lima puluh", 250),
        ("seribu", 1000),
        ("satu setengah", 1.5),
        ("1.000,5", 1000.5),
        ("dua tiga", None),
        ("belas", None),
        ("kuda", None),
    ],
)
def test_number_value(text: str, value: float | None) -> None:
    assert number_value(text) == value


def q(sentence: str) -> list[tuple[str, float | None, bool, str | None]]:
    found = find_quantities(sentence)
    for x in found:
        assert sentence[x.start : x.end] == x.text
    return [(x.text, x.value, x.approx, x.unit) for x in found]


# (sentence, [(span, value, approx, unit)])
TABLE = [
    (
        "Kiriman itu diperkirakan berjumlah hampir 3 juta peluru artileri, ujar pejabat itu.",
        [("hampir 3 juta peluru artileri", 3_000_000, True, "peluru artileri")],
    ),
    # "puluhan" = tens: the lower bound, 10, so "puluhan juta" = 10,000,000
    (
        "Korea Utara memiliki puluhan juta peluru dan roket.",
        [("puluhan juta peluru", 10_000_000, True, "peluru")],
    ),
    (
        "Ada lebih dari 1.000 tentara di sana.",
        [("lebih dari 1.000 tentara", 1000, True, "tentara")],
    ),
    ("Jaraknya lebih dari 1.000.", [("lebih dari 1.000", 1000, True, None)]),
    ("Jaraknya sekitar 8.000 km dari Moskow.", [("sekitar 8.000 km", 8000, True, "km")]),
    ("Anggaran Rp 1,5 triliun disetujui.", [("Rp 1,5 triliun", 1.5e12, False, "IDR")]),
    ("Anggaran Rp1,5 triliun disetujui.", [("Rp1,5 triliun", 1.5e12, False, "IDR")]),
    ("Nilainya US$ 2 miliar.", [("US$ 2 miliar", 2e9, False, "USD")]),
    ("Nilainya 2 miliar dolar AS.", [("2 miliar dolar AS", 2e9, False, "USD")]),
    ("Nilainya sekitar Rp 3,2 M.", [("sekitar Rp 3,2 M", 3.2e9, True, "IDR")]),
    ("Peluncur roket ganda 240 milimeter diuji.", [("240 milimeter", 240, False, "mm")]),
    (
        "Satu rudal dapat terbang sejauh 235 km.",
        [("Satu rudal", 1, False, "rudal"), ("235 km", 235, False, "km")],
    ),
    # "hingga" is a bound, not an approximation; "diperkirakan" before it is one
    (
        "Jangkauannya diperkirakan hingga 70 kilometer.",
        [("diperkirakan hingga 70 kilometer", 70, True, "km")],
    ),
    # upper bounds (hingga, sampai, maksimal, paling banyak): in the span, the value exact
    (
        "Kereta itu melaju hingga 350 kilometer per jam.",
        [("hingga 350 kilometer per jam", 350, False, "km/h")],
    ),
    ("Ruangan menampung maksimal 40 orang.", [("maksimal 40 orang", 40, False, "orang")]),
    ("Antrean mencapai sampai 3 km.", [("sampai 3 km", 3, False, "km")]),
    ("Pajak paling banyak 10 persen.", [("paling banyak 10 persen", 10, False, "%")]),
    # a range keeps its own approximation: "hingga" there joins the two ends
    ("Jarak 70 hingga 80 km ditempuh.", [("70 hingga 80 km", 70, True, "km")]),
    # rates: a unit "per" or "/" a time unit
    ("Inflasi 5 persen per tahun.", [("5 persen per tahun", 5, False, "%/year")]),
    ("Angin 60 km/jam bertiup.", [("60 km/jam", 60, False, "km/h")]),
    ("Ia berlari 10 meter per detik.", [("10 meter per detik", 10, False, "m/s")]),
    ("Jaraknya 10 km per orang.", [("10 km", 10, False, "km")]),  # not a time unit: no rate
    # multiples: "N kali <thing>"; a bare "N kali" counts times
    (
        "Rudal itu terbang hingga 10 kali kecepatan suara.",
        [("hingga 10 kali kecepatan suara", 10, False, "kali kecepatan suara")],
    ),
    ("Harga naik 3 kali lipat.", [("3 kali lipat", 3, False, "kali lipat")]),
    ("Ia 2 kali kalah dalam pemilu.", [("2 kali", 2, False, "kali")]),
    # "N dari M <thing>": N counts the thing too
    (
        "Sebanyak 13 dari 15 anggota dewan mendukung.",
        [("13", 13, False, "anggota dewan"), ("15 anggota dewan", 15, False, "anggota dewan")],
    ),
    (
        "Tiga dari lima negara memilih abstain.",
        [("Tiga", 3, False, "negara"), ("lima negara", 5, False, "negara")],
    ),
    ("Skornya 5 dari 10.", []),  # no thing after M: a bare score
    ("Suhu turun 2 dari 30 derajat.", [("30 derajat", 30, False, "°")]),  # measures do not carry
    ("Peringatan 70 tahun gencatan senjata.", [("70 tahun", 70, False, "year")]),
    ("Nilainya 1.000,5 ton.", [("1.000,5 ton", 1000.5, False, "t")]),
    ("Sampah mencapai 262,9 juta ton.", [("262,9 juta ton", 262_900_000, False, "t")]),
    (
        "Pyongyang meluncurkan dua rudal balistik.",
        [("dua rudal balistik", 2, False, "rudal balistik")],
    ),
    (
        "Ada sebelas kapal dan dua puluh lima pesawat.",
        [("sebelas kapal", 11, False, "kapal"), ("dua puluh lima pesawat", 25, False, "pesawat")],
    ),
    ("Belasan warga terluka.", [("Belasan warga", 11, True, "warga")]),
    ("Ratusan ribu orang mengungsi.", [("Ratusan ribu orang", 100_000, True, "orang")]),
    ("Ribuan orang mengungsi.", [("Ribuan orang", 1000, True, "orang")]),
    (
        "Inflasi naik 5 persen dan 3,5% tahun ini.",
        [("5 persen", 5, False, "%"), ("3,5%", 3.5, False, "%")],
    ),
    ("Korban mencapai 1.000 lebih.", [("1.000 lebih", 1000, True, None)]),
    (
        "Spanyol 45 juta jiwa dan Malaysia 28 juta jiwa.",
        [("45 juta jiwa", 45_000_000, False, "jiwa"), ("28 juta jiwa", 28_000_000, False, "jiwa")],
    ),
    ("Penyimpanan 1 TB dan RAM 8 GB.", [("1 TB", 1, False, "TB"), ("8 GB", 8, False, "GB")]),
    ("Sedikitnya 20 orang tewas.", [("Sedikitnya 20 orang", 20, True, "orang")]),
    ("Jarak 70-80 km ditempuh.", [("70-80 km", 70, True, "km")]),
    # found by hypothesis: a word the previous quantity took is not looked at again
    ("5 lebih 5", [("5 lebih", 5, True, None)]),
    ("Kapal itu membawa dua buah meriam.", [("dua buah meriam", 2, False, "meriam")]),
    ("Kecepatan 10km per jam.", [("10km per jam", 10, False, "km/h")]),
    ("Jaraknya 10km.", [("10km", 10, False, "km")]),
    (
        "Dua penerbangan tiba dalam waktu kurang dari dua bulan.",
        [("Dua penerbangan", 2, False, "penerbangan"), ("kurang dari dua bulan", 2, True, "month")],
    ),
    ("Latihan berlangsung selama enam hari.", [("enam hari", 6, False, "day")]),
]


@pytest.mark.parametrize("sentence,expected", TABLE)
def test_quantities(sentence: str, expected: list[tuple[str, float, bool, str | None]]) -> None:
    assert q(sentence) == expected


NOT_QUANTITIES = [
    "Putin tiba Rabu (19/06/2024) malam.",
    "Perjanjian ada sejak tahun 2024.",
    "Pada 2020 perbatasan ditutup.",
    "Kim pergi sejak pandemi COVID-19.",
    "Korea Utara menguji rudal Hwasong-18.",
    "Para pemimpin G20 bertemu.",
    "Dia peneliti di Program 38 Utara.",
    "Dia hadir selama KTT DMZ Korea 2019.",
    "Rapat dimulai pukul 10.00 WIB.",
    "Sidang dimulai 14.30 WIB.",
    "Pasal 28 undang-undang itu dibatalkan.",
    "Ia salah satu pemimpin partai.",
    "Mereka membantu satu sama lain.",
    "Itu satu-satunya jalan.",
    "Kim dan Putin memulai pembicaraan empat mata.",
    "Dua di antaranya kembali.",
    "Pertandingan ke-2 dimulai.",
    "Jaringan 5G diluncurkan.",
    "Kota Lima di Peru.",
    "Setelah SEA Games 2017 berakhir, aturan berubah.",
    "Mereka menang 21 - 16, 21 - 18.",
    "4. Namun dalam beberapa kasus berbeda.",
    "Venus Williams (USA) 5.567 Karolina Pliskova (CZE) 5.445",
]


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_not_quantities(sentence: str) -> None:
    assert q(sentence) == []


def test_excluded_spans_are_honoured() -> None:
    text = "Sebanyak 2000 tentara tiba."
    assert q(text) == [("2000 tentara", 2000, False, "tentara")]
    assert find_quantities(text, exclude=[(9, 13)]) == []


def test_stage_uses_time_spans_but_keeps_durations() -> None:
    text = "Pada 2020 perang berlangsung selama enam hari."
    times = (
        TimeExpr("2020", 5, 9, "2020", "year"),
        TimeExpr("selama enam hari", 29, 45, "P6D", "day"),
    )
    doc = extract_quantities(Document(id="x", source="x", text=text, times=times))
    assert doc.quantities == (Quantity("enam hari", 36, 45, 6, False, "day"),)
    # without the time stage the finder works the date spans out itself
    assert extract_quantities(Document(id="x", source="x", text=text)).quantities == doc.quantities


def test_stage_is_registered() -> None:
    assert get_stage("quantities") is extract_quantities


@pytest.mark.seeds
def test_seed_quantities(seeds: dict[str, str]) -> None:
    try:
        from telisik.pipeline import Pipeline
        from telisik.read.common import make_document

        pipe = Pipeline(stages=["clean", "time", "quantities"])
        docs = {k: pipe(make_document(seeds[k], f"seed-{k}")) for k in seeds}
    except ImportError:
        docs = {
            k: extract_quantities(Document(id=k, source=k, text=seeds[k].split("Next Post")[0]))
            for k in seeds
        }
    found = {
        k: {x.text: (x.value, x.approx, x.unit) for x in d.quantities} for k, d in docs.items()
    }
    shells = ("hampir 5 juta peluru artileri", (5_000_000, True, "peluru artileri"))
    assert found["001"][shells[0]] == shells[1]
    assert found["003"][shells[0]] == shells[1]
    assert found["003"]["240 milimeter"] == (240, False, "mm")
    assert found["003"]["235 km"] == (235, False, "km")
    assert found["002"]["puluhan juta peluru artileri"] == (10_000_000, True, "peluru artileri")
    assert found["002"]["70 tahun"] == (70, False, "year")
    assert found["004"]["70 tahun"] == (70, False, "year")
    everything = " | ".join(t for d in found.values() for t in d)
    for not_a_quantity in ("38", "19", "2019", "2020", "1961", "1950", "2024"):
        assert not any(t.split()[0].endswith(not_a_quantity) for d in found.values() for t in d), (
            everything
        )


PIECES = st.sampled_from(
    [
        "hampir",
        "5",
        "juta",
        "peluru",
        "artileri",
        "Rp",
        "Rp1,5",
        "1.000,5",
        "triliun",
        "km",
        "%",
        "puluhan",
        "dua",
        "puluh",
        "lima",
        "belas",
        "-",
        "/",
        ",",
        ".",
        "(",
        ")",
        "70",
        "tahun",
        "G20",
        "COVID-19",
        "lebih",
        "dari",
        "sekitar",
        "2019",
        "Korea",
        "\n\n",
        "satu",
        "-an",
        "M",
        "19/06/2024",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30), st.sampled_from([" ", "", "  "]))
def test_finder_never_fails_and_spans_hold(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    last = 0
    for x in find_quantities(text):
        assert text[x.start : x.end] == x.text
        assert last <= x.start < x.end
        last = x.end
        assert x.value is None or x.value >= 0
