"""The cleaner: furniture out, every body sentence kept, metadata saved.

Three kinds of evidence: line tables with negatives (body sentences that look
like furniture), hand-written fixtures imitating Indonesian outlets
(``fixtures/clean/*.txt`` with ``*.expected.json``), and the real seed
articles, read from ``../shared/seeds`` and never copied here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telisik.clean import (
    REASONS,
    characters_in_place,
    classify_line,
    clean,
    clean_text,
    find_date,
    normalize_outlet,
    normalize_text,
    split_names,
)
from telisik.model import Document, Removal
from telisik.pipeline import Pipeline, get_stage
from telisik.settings import load_settings

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n") if text else []


# --- the stage -------------------------------------------------------------------


def test_stage_is_registered() -> None:
    assert get_stage("clean") is clean


def test_stage_fills_the_document() -> None:
    raw = "Logo Warta Nusantara\n\nHujan deras melanda kota itu sejak pagi.\n\n(ant)"
    doc = clean(Document(id="x", source="t.txt", raw=raw))
    assert doc.text == "Hujan deras melanda kota itu sejak pagi."
    assert doc.outlet == "Warta Nusantara"
    assert [(r.text, r.reason) for r in doc.removed] == [
        ("Logo Warta Nusantara", "logo"),
        ("(ant)", "agency_tag"),
    ]
    assert doc.raw == raw  # the input is kept as it was


def test_stage_keeps_reader_metadata_and_is_idempotent() -> None:
    raw = "Penulis: Budi Santoso\n\nHujan deras melanda kota itu sejak pagi."
    reader = Removal("<nav>", "navigation", 0, None)
    doc = Document(
        id="x",
        source="t.html",
        raw=raw,
        outlet="Reader Outlet",
        title="Judul dari Metadata",
        authors=("Sari",),
        removed=(reader,),
    )
    once = clean(doc)
    assert once.outlet == "Reader Outlet"
    assert once.title == "Judul dari Metadata"
    assert once.authors == ("Sari", "Budi Santoso")
    assert once.removed[0] == reader
    assert clean(once) == once


def test_stage_runs_in_a_pipeline_with_settings() -> None:
    s = load_settings().override("clean", caption_max_words=3)
    raw = "Judul Berita yang Cukup Panjang\n\nEmpat kata keterangan foto\n\nIsi berita di sini."
    doc = Pipeline(s, stages=["clean"])(Document(id="x", source="t", raw=raw))
    # with caption_max_words=3 the four-word line is no caption and stays in the body
    assert paragraphs(doc.text) == ["Empat kata keterangan foto", "Isi berita di sini."]


def test_empty_and_text_only_inputs() -> None:
    assert clean(Document(id="x", source="t")).text == ""
    doc = clean(Document(id="x", source="t", text="Isi berita.\n\n\n\n(red)"))
    assert doc.text == "Isi berita."


def test_reasons_are_a_small_fixed_vocabulary() -> None:
    assert {"logo", "pagination", "agency_tag", "caption", "teaser", "headline"} <= REASONS
    for path in sorted(FIXTURES.glob("*.txt")):
        for removal in clean_text(path.read_text("utf-8")).removed:
            assert removal.reason in REASONS


# --- Unicode --------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("a\r\nb\rc", "a\nb\nc"),  # CRLF and lone CR
        ("Rp\u00a010\u202fjuta", "Rp 10 juta"),  # non-breaking spaces
        ("peme\u200brintah\ufeff", "pemerintah"),  # zero-width space, BOM
        ("ka\u00adta", "kata"),  # soft hyphen
        ("a\x00b\x07c", "abc"),  # stray control characters
        ("\x93Ya,\x94 katanya", "“Ya,” katanya"),  # Windows-1252 quotes read as Latin-1
        ("â€œYa,â€\x9d katanya", "“Ya,” katanya"),  # UTF-8 read as Windows-1252
        ("â€œYa,â€ katanya", "“Ya,” katanya"),  # … with the undefined byte 0x9D dropped
        ("peme\u00e2\u20ac\u2039rintah â€¢ satu", "pemerintah • satu"),  # zero-width, bullet
        ("„Ya“ dan ‟tidak”", "“Ya” dan “tidak”"),  # low and reversed quotes: “…”
        ("„Ya, katanya", "“Ya, katanya"),  # a lone low quote still opens
        ("“Ya,” kata ‘dia’", "“Ya,” kata ‘dia’"),  # curly quotes are kept as they are
        ('"Ya," katanya', '"Ya," katanya'),  # straight quotes too
        ("Jum´at dan Jum`at", "Jum'at dan Jum'at"),  # accents used as apostrophes
        ("Cafe\u0301", "Café"),  # NFC
        ("  dua   spasi \t tab  ", "dua spasi tab"),
        ("satu\u2028dua", "satu\ndua"),  # Unicode line separator
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    raw = "Paragraf pertama.\n\n\n\n   \nParagraf kedua.\nParagraf ketiga.\n"
    assert clean_text(raw).text == "Paragraf pertama.\n\nParagraf kedua.\n\nParagraf ketiga."


def test_hard_wrapped_lines_are_joined() -> None:
    raw = (
        "Pemerintah daerah menyiapkan anggaran tambahan untuk perbaikan jalan yang\n"
        "rusak akibat banjir bulan lalu.\n"
        "Pekerjaan dimulai pekan depan."
    )
    assert paragraphs(clean_text(raw).text) == [
        "Pemerintah daerah menyiapkan anggaran tambahan untuk perbaikan jalan yang "
        "rusak akibat banjir bulan lalu.",
        "Pekerjaan dimulai pekan depan.",
    ]


# --- lines seen alone -------------------------------------------------------------


@pytest.mark.parametrize(
    "line,reason,value",
    [
        ("Logo Bloomberg Technoz", "logo", "Bloomberg Technoz"),
        ("Kompas.com", "logo", "Kompas.com"),
        ("No more pages", "pagination", None),
        ("Halaman 1 2 3", "pagination", None),
        ("1 2 3 Selanjutnya »", "pagination", None),
        ("Load more", "pagination", None),
        ("(bbn)", "agency_tag", "bbn"),
        ("(ant)", "agency_tag", "ant"),
        ("(N/014)", "agency_tag", "N/014"),
        ("(mdk/rka)", "agency_tag", "mdk/rka"),
        ("(*)", "agency_tag", "*"),
        ("[ANTARA]", "agency_tag", "ANTARA"),
        ("(T.KR-NJI/M019)", "agency_tag", "T.KR-NJI/M019"),
        ("Foto: Dok. Humas Pemkot", "caption", "Dok. Humas Pemkot"),
        ("Photo :", "caption", None),
        ("(Foto: Istimewa)", "caption", "Istimewa"),
        ("Program rudal baru itu (Sumber: Reuters)", "caption", "Sumber: Reuters"),
        ("Warga mengungsi di Garut, Senin (1/7/2024). (ANTARA FOTO/Adi Nugraha)", "caption", None),
        ("Ilustrasi kemeja putih polos. Pinterest", "caption", "Pinterest"),
        ("Ilustrasi: Dok. Freepik", "caption", None),
        ("Baca juga: Harga Emas Turun Lagi", "read_also", "Harga Emas Turun Lagi"),
        ("BACA JUGA: Harga Emas Turun Lagi", "read_also", "Harga Emas Turun Lagi"),
        ("Baca Juga : Harga Emas Turun Lagi", "read_also", "Harga Emas Turun Lagi"),
        ("[Baca juga: Harga Emas Turun Lagi]", "read_also", "Harga Emas Turun Lagi"),
        ("Baca juga Harga Emas Turun Lagi", "read_also", "Harga Emas Turun Lagi"),
        ("SIMAK JUGA: Jadwal Liga 1 Pekan Ini", "read_also", "Jadwal Liga 1 Pekan Ini"),
        ("Advertisement", "advertisement", None),
        ("- ADVERTISEMENT -", "advertisement", None),
        ("Scroll to continue with content", "advertisement", None),
        ("[iklan_atas]", "advertisement", None),
        ("0 Komentar", "comments", None),
        ("Komentar (3)", "comments", None),
        ("Bagikan", "share", None),
        ("Share on Facebook", "share", None),
        ("Salin link", "share", None),
        ("WhatsApp Twitter Facebook", "share", None),
        # a share bar with "|" between its buttons: more tokens than a phrase, all share words
        ("Bagikan artikel ini: Facebook | X | WhatsApp | Telegram | Salin tautan", "share", None),
        ("Share: Facebook | Twitter | LinkedIn | Email | Print | Copy link", "share", None),
        ("Next Post", "teaser", None),
        ("Previous Post", "teaser", None),
        ("Artikel Selanjutnya", "teaser", None),
        ("Berita Terkait", "teaser", None),
        ("Penulis: Budi Santoso", "byline", "Budi Santoso"),
        ("Reporter: Sari Dewi", "byline", "Sari Dewi"),
        ("Oleh: Budi Santoso", "byline", "Budi Santoso"),
        ("Oleh Budi Santoso", "byline", "Budi Santoso"),
        ("Laporan wartawan Tribunnews.com, Budi Santoso", "byline", "Budi Santoso"),
        ("Jurnalis-Rabu, 19 Juni 2024 |06:23 WIB", "byline", None),
        ("Editor: Sari Dewi", "editor", "Sari Dewi"),
        ("Penyunting: Sari Dewi", "editor", "Sari Dewi"),
        ("--Dengan bantuan dari Ani Lestari dan Bayu Aji.", "credit", "Ani Lestari, Bayu Aji"),
        ("Dengan bantuan dari Ani, Bayu dan Citra", "credit", "Ani, Bayu, Citra"),
        ("--With assistance from Ann Lee and Bo Kim.", "credit", "Ann Lee, Bo Kim"),
        ("Kompas.com - 19/06/2024, 10:00 WIB", "dateline", "Kompas.com"),
        (
            "Diperbarui: Rabu, 19 Juni 2024 | 10:00 WIB",
            "dateline",
            "Rabu, 19 Juni 2024 | 10:00 WIB",
        ),
        ("JAKARTA, KOMPAS.com -", "dateline", "JAKARTA"),
        ("Home > Berita > Nasional", "navigation", None),
        ("Beranda » Internasional", "navigation", None),
        ("Warta Asia > Internasional > Asia Timur", "navigation", None),
        ("Skor akhir > 3 gol > rekor baru tercipta.", None, None),
        ("Tags: ekonomi, pupuk, petani", "navigation", "ekonomi, pupuk, petani"),
        ("Copyright © 2024 Warta Nusantara", "copyright", "Warta Nusantara"),
        ("Copyright © KBN 2024", "copyright", "KBN"),
        ("© 2023 Berita Cakrawala. Hak cipta dilindungi undang-undang.", "copyright", None),
        ("Hak cipta dilindungi undang-undang.", "copyright", None),
        ("Hak Cipta © 2024 Warta Nusantara", "copyright", "Warta Nusantara"),
        (
            "Dilarang mengutip, menyalin, atau memperbanyak berita ini tanpa izin.",
            "copyright",
            None,
        ),
        (
            "Konten ini dilindungi. Dilarang menyalin, merayapi, atau mengindeks isi situs ini "
            "secara otomatis untuk keperluan AI tanpa izin tertulis Kantor Berita Nusantara.",
            "copyright",
            None,
        ),
        # a WordPress feed footer, the last paragraph of an entry: it names the outlet
        (
            "Artikel Harga Beras Naik Lagi pertama kali tayang di Suara Khatulistiwa.",
            "copyright",
            "Suara Khatulistiwa",
        ),
        (
            "The post Rice Prices Rise Again appeared first on Warta Asia.",
            "copyright",
            "Warta Asia",
        ),
        ("Posted in Internasional", "navigation", "Internasional"),
        ("Filed under Asia Timur, Ekonomi", "navigation", "Asia Timur, Ekonomi"),
        # a desk, not a person: no author, the outlet's name, the date
        ("Oleh Redaksi Pelita Pagi | 14 Oktober 2023", "byline", "Redaksi Pelita Pagi"),
        ("Sumber: Reuters", "source", "Reuters"),
        ("Ikuti berita terkini di Google News", "promo", None),
        ("[Gambas:Video 20detik]", "embed", None),
    ],
)
def test_classify_furniture(line: str, reason: str | None, value: str | None) -> None:
    hit = classify_line(line)
    if reason is None:
        assert hit is None
        return
    assert hit is not None, line
    assert hit.reason == reason
    if value is not None:
        assert hit.value == value


@pytest.mark.parametrize(
    "line",
    [
        "Foto-foto itu beredar di media sosial.",
        "“Kami menolak,” katanya.",
        "Itu keliru.",
        "Editor senior itu mengatakan verifikasi tidak boleh dikorbankan.",
        "Baca aturan terbaru itu sebelum mengajukan kredit, saran petugas bank.",
        "Baca juga laporan keuangan tahunan sebelum membeli saham.",
        "Oleh karena itu, pemerintah menunda kenaikan tarif.",
        "Oleh Presiden, proyek itu diresmikan pada Senin.",
        "Penulis buku itu tinggal di Yogyakarta.",
        "Reporter televisi itu dilarikan ke rumah sakit.",
        "Logo baru perusahaan itu diluncurkan kemarin.",
        "Komentar itu memicu perdebatan di parlemen.",
        "Dengan bantuan dari warga, polisi menangkap pelaku.",
        "Sumber itu mengatakan kesepakatan hampir tercapai.",
        "Ilustrasi tersebut dibuat oleh seniman lokal.",
        "Angka kemiskinan turun menjadi 9 persen (Sumber: BPS).",
        "Pemilu digelar pada 14 Februari 2024",
        "Hasil pertandingan, Selasa (4/4/2017):",
        "Share pasar perusahaan itu naik 5 persen.",
        "Selanjutnya, rombongan bertolak ke Surabaya.",
        "Kim Jong Un - pemimpin Korea Utara - tiba di Vladivostok.",
        "(tertawa)",
        "Halaman belakang rumah itu terendam banjir.",
        "Dilarang mengambil gambar di area ini.",
        "Sumber: pemerintah akan menaikkan harga BBM bulan depan.",
        "Berita itu tidak benar, kata juru bicara.",
        "Next, kata dia, pemerintah akan mengevaluasi program.",
        "Hak cipta lagu itu kini dipegang ahli warisnya.",  # a story about copyright law
        "Hak cipta atas karya itu berlaku seumur hidup pencipta ditambah 70 tahun",
        "Dilarang mengutip keterangan saksi tanpa izin hakim, kata juru bicara pengadilan.",
        "Dilarang mendirikan bangunan di bantaran sungai tanpa izin.",
        "Artikel tersebut pertama kali tayang di Kompas.",
        "Posted in grup WhatsApp warga, pesan itu menyebar cepat.",
        "Facebook, X, dan WhatsApp sempat tidak bisa diakses pada Senin malam.",
    ],
)
def test_body_lines_are_not_furniture(line: str) -> None:
    assert classify_line(line) is None
    # and, as a paragraph after the body has started, it stays
    text = clean_text("Paragraf pertama berita ini.\n\n" + line).text
    assert paragraphs(text)[-1] == line


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Sangmi Cha dan James Herron.", ("Sangmi Cha", "James Herron")),
        ("A, B dan C", ("A", "B", "C")),
        ("Ann Lee and Bo Kim", ("Ann Lee", "Bo Kim")),
        ("Budi Santoso (Jakarta)", ("Budi Santoso",)),
        ("Rina / Dedi", ("Rina", "Dedi")),
    ],
)
def test_split_names(text: str, expected: tuple[str, ...]) -> None:
    assert split_names(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Jurnalis-Rabu, 19 Juni 2024 |06:23 WIB", "Rabu, 19 Juni 2024 |06:23 WIB"),
        ("Kompas.com - 19/06/2024, 10:00 WIB", "19/06/2024, 10:00 WIB"),
        ("Sel Sep 12 , 2023", "Sel Sep 12 , 2023"),
        ("Kamis, 20 Juni 2024 - 10:15 WIB", "Kamis, 20 Juni 2024 - 10:15 WIB"),
        ("Rabu", None),  # no date without a month or a numeric date
        ("2024", None),
        ("Penulis: Budi", None),
    ],
)
def test_find_date(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


# --- lines in context -----------------------------------------------------------


BODY = "Pemerintah menaikkan anggaran pendidikan tahun depan, kata menteri keuangan."


def test_headline_then_alt_text_then_body() -> None:
    raw = f"Anggaran Pendidikan Naik Tahun Depan\n\nFinance minister budget speech\n\n{BODY}"
    result = clean_text(raw)
    assert result.title == "Anggaran Pendidikan Naik Tahun Depan"
    assert result.text == BODY
    assert [(r.text, r.reason) for r in result.removed] == [
        ("Anggaran Pendidikan Naik Tahun Depan", "headline"),
        ("Finance minister budget speech", "caption"),
    ]


def test_site_and_section_above_the_headline() -> None:
    raw = f"Warta Selat - Internasional\n\nAnggaran Pendidikan Naik Tahun Depan\n\n{BODY}"
    result = clean_text(raw)
    assert result.title == "Anggaran Pendidikan Naik Tahun Depan"
    # the site's masthead with its section: a logo, and the site is the outlet
    assert result.removed[0].reason == "logo"
    assert result.outlet == "Warta Selat"


@pytest.mark.parametrize(
    "top,reason,outlet",
    [
        # a site name over the breadcrumb is its logo
        ("Pelita Pagi\n\nBeranda » Internasional", "logo", "Pelita Pagi"),
        # the breadcrumb's own section over it is not
        ("Internasional Asia\n\nBeranda » Internasional Asia", "navigation", None),
        # one word alone is as likely a section as a site
        ("Internasional\n\nBeranda » Dunia", "navigation", None),
        # no breadcrumb below, named nowhere else: no logo
        ("Pelita Pagi", "navigation", None),
    ],
)
def test_site_name_above_the_breadcrumb(top: str, reason: str, outlet: str | None) -> None:
    result = clean_text(f"{top}\n\nAnggaran Pendidikan Naik Tahun Depan\n\n{BODY}")
    assert result.title == "Anggaran Pendidikan Naik Tahun Depan"
    assert result.removed[0].reason == reason
    assert result.outlet == outlet
    assert result.text == BODY


def test_site_name_named_again_by_a_desk_byline_is_a_logo() -> None:
    raw = (
        "Pelita Pagi\n\nAnggaran Pendidikan Naik Tahun Depan\n\n"
        f"Oleh Redaksi Pelita Pagi | 14 Oktober 2023\n\n{BODY}"
    )
    result = clean_text(raw)
    assert [r.reason for r in result.removed] == ["logo", "headline", "byline"]
    assert result.outlet == "Pelita Pagi"
    assert result.authors == ()  # "Redaksi Pelita Pagi" is a desk, not an author
    assert result.date_hints == ("14 Oktober 2023",)


@pytest.mark.parametrize(
    "crumb,outlet",
    [
        ("Lintas Asia > Internasional > Asia Timur", "Lintas Asia"),
        ("Kompas.com > Nasional > Politik", "Kompas.com"),
        ("Home > Berita > Nasional", None),  # the home page is no site name
        ("Berita > Nasional > Politik", None),
        ("Nasional > Politik > Pemilu", None),  # one word: a section as likely as a site
    ],
)
def test_breadcrumb_names_the_outlet(crumb: str, outlet: str | None) -> None:
    result = clean_text(f"{crumb}\n\nAnggaran Pendidikan Naik Tahun Depan\n\n{BODY}")
    assert [r.reason for r in result.removed] == ["navigation", "headline"]
    assert result.title == "Anggaran Pendidikan Naik Tahun Depan"
    assert result.outlet == outlet


def test_rights_notice_only_after_the_body() -> None:
    notice = "Dilarang mengutip atau memperbanyak isi berita ini tanpa izin tertulis redaksi."
    hak = "Hak cipta dilindungi undang-undang."
    # between body paragraphs it is kept: a story may quote such a notice
    middle = f"{BODY}\n\n{notice}\n\n{hak}\n\n{BODY}"
    assert paragraphs(clean_text(middle).text) == [BODY, notice, hak, BODY]
    end = clean_text(f"{BODY}\n\nEditor: Sari Dewi\n\n{notice}\n\n{hak}")
    assert end.text == BODY
    assert [r.reason for r in end.removed] == ["editor", "copyright", "copyright"]


def test_copyright_story_keeps_its_last_paragraph() -> None:
    last = "Hak cipta lagu itu kini dipegang ahli warisnya."
    assert paragraphs(clean_text(f"{BODY}\n\n{last}").text) == [BODY, last]


def test_feed_footer_is_removed_only_at_the_end() -> None:
    footer = "Artikel Anggaran Pendidikan Naik pertama kali tayang di Suara Khatulistiwa."
    result = clean_text(f"{BODY}\n\n{footer}")
    assert result.text == BODY
    assert result.removed == (Removal(footer, "copyright", 3, "Suara Khatulistiwa"),)
    assert result.outlet == "Suara Khatulistiwa"
    middle = f"{BODY}\n\n{footer}\n\n{BODY}"
    assert paragraphs(clean_text(middle).text) == [BODY, footer, BODY]


def test_english_alt_text_before_the_headline_is_a_caption() -> None:
    raw = f"Finance minister at the budget meeting\n\nAnggaran Pendidikan Naik\n\n{BODY}"
    result = clean_text(raw)
    assert result.title == "Anggaran Pendidikan Naik"
    assert result.removed[0].reason == "caption"


@pytest.mark.parametrize(
    "first",
    [
        "“Kami menolak,” katanya.",  # a one-line quote paragraph
        "Banjir surut.",  # a short paragraph ending with a period
        '"Kami tidak akan menyerah"',  # a quote without final period, sentence case
        "Pemerintah daerah menetapkan status tanggap darurat setelah banjir merendam "
        "ribuan rumah di tiga kecamatan sejak Senin malam hingga Selasa pagi tanpa henti",
    ],
)
def test_first_body_paragraph_is_not_a_headline(first: str) -> None:
    result = clean_text(f"{first}\n\n{BODY}")
    assert result.title is None
    assert paragraphs(result.text) == [first, BODY]


def test_headline_from_metadata_is_matched() -> None:
    raw = f"anggaran pendidikan naik tahun depan\n\n{BODY}"
    result = clean_text(raw, title="Anggaran Pendidikan Naik Tahun Depan")
    assert result.text == BODY
    assert result.removed[0].reason == "headline"


def test_headline_question() -> None:
    result = clean_text(f"Mengapa Anggaran Pendidikan Naik?\n\n{BODY}")
    assert result.title == "Mengapa Anggaran Pendidikan Naik?"


def test_no_body_no_guessing() -> None:
    raw = "Jadwal Kereta Hari Ini\n\nBandung Jakarta"
    assert clean_text(raw).text == "Jadwal Kereta Hari Ini\n\nBandung Jakarta"


def test_dateline_prefix_keeps_the_rest_of_the_paragraph() -> None:
    for prefix, place in [
        ("JAKARTA, KOMPAS.com - ", "JAKARTA"),
        ("Jakarta, CNN Indonesia -- ", "Jakarta"),
        ("JAKARTA (ANTARA) - ", "JAKARTA"),
        ("Liputan6.com, Jakarta - ", "Jakarta"),
        ("SURABAYA - ", "SURABAYA"),
    ]:
        result = clean_text(prefix + BODY)
        assert result.text == BODY
        assert result.removed == (Removal(prefix.strip(), "dateline", 1, place),)


def test_dateline_prefix_with_a_date() -> None:
    result = clean_text("Jakarta, 19/6 (ANTARA) - " + BODY)
    assert result.text == BODY
    assert result.outlet == "ANTARA"
    assert result.date_hints == ("19/6",)


def test_dateline_initials_expand_to_the_agency_name() -> None:
    raw = (
        f"New York (KBN) - {BODY}\n\n"
        "Dilarang mengutip isi berita ini tanpa izin tertulis Kantor Berita Nusantara."
    )
    result = clean_text(raw)
    assert result.text == BODY
    assert result.outlet == "Kantor Berita Nusantara"


def test_dateline_prefix_only_on_the_first_paragraph() -> None:
    second = "SURABAYA - Di kota lain, anggaran serupa juga dibahas."
    assert paragraphs(clean_text(f"{BODY}\n\n{second}").text) == [BODY, second]


def test_agency_tag_at_the_end_of_the_last_paragraph() -> None:
    result = clean_text(f"{BODY}\n\nProgram itu dimulai Januari. (ant/red)")
    assert paragraphs(result.text)[-1] == "Program itu dimulai Januari."
    assert result.removed == (Removal("(ant/red)", "agency_tag", 3, "ant/red"),)
    # only at the end of the body, not in the middle
    middle = f"Program itu dimulai Januari. (ant/red)\n\n{BODY}"
    assert clean_text(middle).text == middle


def test_teaser_block_runs_to_the_next_marker() -> None:
    raw = (
        f"{BODY}\n\nNext Post\n\nJudul Artikel Lain yang Tidak Terkait\n\nSel Sep 12 , 2023\n"
        "Kota Lain, 11 Sept. 2023 – Ringkasan artikel lain yang panjang dan tidak terkait […]\n\n"
        "Bagikan\n\nKomentar"
    )
    result = clean_text(raw)
    assert result.text == BODY
    assert result.date_hints == ()  # the teaser's date is not the article's
    assert [r.reason for r in result.removed] == ["teaser"] * 4 + ["share", "comments"]


def test_read_also_list_stops_at_the_body() -> None:
    raw = f"{BODY}\n\nBACA JUGA\n\nJudul Berita Pertama\n\nJudul Berita Kedua?\n\n{BODY}"
    result = clean_text(raw)
    assert paragraphs(result.text) == [BODY, BODY]
    assert [r.reason for r in result.removed] == ["read_also"] * 3


def test_tight_read_also_list_ends_at_a_blank_line() -> None:
    # links right under the header, then a blank line: what follows is a subheading
    links = "Baca juga:\nJudul Berita Pertama\nJudul Berita Kedua"
    raw = f"{BODY}\n\n{links}\n\nSubjudul Artikel Ini\n\n{BODY}"
    result = clean_text(raw)
    assert paragraphs(result.text) == [BODY, "Subjudul Artikel Ini", BODY]


def test_inline_read_also_and_ad_codes() -> None:
    raw = f"{BODY} (Baca juga: Harga Emas Turun) Anggaran naik. [iklan_tengah] Ia menambahkan."
    result = clean_text(raw)
    assert result.text == f"{BODY} Anggaran naik. Ia menambahkan."
    assert [r.reason for r in result.removed] == ["read_also", "advertisement"]


def test_dates_inside_the_body_stay() -> None:
    # a timeline: a bare date line between body paragraphs heads a section
    raw = f"Rabu, 19 Juni 2024 | 06:23 WIB\n\n{BODY}\n\n24 Desember 2017\n\n{BODY}"
    result = clean_text(raw)
    assert paragraphs(result.text) == [BODY, "24 Desember 2017", BODY]
    assert result.date_hints == ("Rabu, 19 Juni 2024 | 06:23 WIB",)


def test_label_without_names_is_a_heading() -> None:
    raw = f"{BODY}\n\nPenulis\n\nProfesi ini sering membuat orang stres."
    assert paragraphs(clean_text(raw).text) == [
        BODY,
        "Penulis",
        "Profesi ini sering membuat orang stres.",
    ]


def test_byline_without_colon_only_at_the_edges() -> None:
    # "Penulis Budi Santoso" inside the body is a heading of an article about writers
    heading = "Penulis Pramudya Santoso"
    raw = f"{heading}\n\n{BODY}\n\n{heading}\n\n{BODY}\n\n{heading}"
    result = clean_text(raw)
    assert paragraphs(result.text) == [BODY, heading, BODY]
    assert [r.line for r in result.removed] == [1, 9]


def test_byline_names_on_the_next_line() -> None:
    result = clean_text(f"Reporter\nSari Dewi\nEditor\nBudi Santoso\n\n{BODY}")
    assert result.text == BODY
    assert result.authors == ("Sari Dewi",)
    assert result.editors == ("Budi Santoso",)


def test_byline_and_editor_in_one_line_with_date() -> None:
    raw = (
        f"Penulis: Sari Dewi, Budi Santoso | Editor: Rina | Rabu, 19 Juni 2024 |06:23 WIB\n\n{BODY}"
    )
    result = clean_text(raw)
    assert result.authors == ("Sari Dewi", "Budi Santoso")
    assert result.editors == ("Rina",)
    assert result.date_hints == ("Rabu, 19 Juni 2024 |06:23 WIB",)


# --- outlet names -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name,text,expected",
    [
        # a section after the site name in the metadata goes
        ("Suara Khatulistiwa - Internasional", "", "Suara Khatulistiwa"),
        ("Warta Asia | Ekonomi", "", "Warta Asia"),
        ("Warta Asia » Ekonomi", "", "Warta Asia"),
        # a domain loses its suffix; CamelCase is already a display form
        ("WartaNusa.com", "Warta Nusa", "WartaNusa"),
        ("www.wartaasia.co.id", "", "wartaasia"),
        # a bare domain or ALLCAPS token takes the spaced form the article writes
        ("harianselat.com", "(Foto: Harian Selat/Agus)", "Harian Selat"),
        ("SUARAKHATULISTIWA.id", "kata Seo kepada Suara Khatulistiwa.", "Suara Khatulistiwa"),
        ("harianselat.com", "tanpa nama tampilan", "harianselat"),
        ("harianselat.com", "harian selat", "harianselat"),  # lower case: no display form
        ("harianselat.com", "Harian. Selat", "harianselat"),  # not one run of words
        # initials expand to a phrase of the article with those initials
        ("KBN", "izin tertulis Kantor Berita Nusantara.", "Kantor Berita Nusantara"),
        ("KBN", "kantor berita nusantara", "KBN"),
        # two phrases with those initials: the more frequent one
        (
            "KBN",
            "Kantor Bank Negara, Kantor Berita Nasional, Kantor Berita Nasional",
            "Kantor Berita Nasional",
        ),
        # known outlets keep their own spelling
        ("Kompas.com", "Kompas Com", "Kompas.com"),
        ("www.kompas.com", "", "Kompas.com"),
        ("ANTARA", "Kantor Berita Antara", "ANTARA"),
        ("Tempo.co - Nasional", "", "Tempo.co"),
        ("Reader Outlet", "", "Reader Outlet"),
    ],
)
def test_normalize_outlet(name: str, text: str, expected: str) -> None:
    got = normalize_outlet(name, text)
    assert got == expected
    assert normalize_outlet(got, text) == got  # idempotent


def test_stage_normalises_the_reader_outlet() -> None:
    raw = "Hujan deras melanda kota itu sejak pagi, kata warga kepada Suara Khatulistiwa."
    for outlet in ("Suara Khatulistiwa - Internasional", "SUARAKHATULISTIWA.id"):
        doc = clean(Document(id="x", source="t", raw=raw, outlet=outlet))
        assert doc.outlet == "Suara Khatulistiwa"
        assert clean(doc) == doc


# --- hand-written fixtures imitating Indonesian outlets ----------------------------


def fixture_names() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.txt"))


def test_there_are_enough_fixtures() -> None:
    assert len(fixture_names()) >= 6


@pytest.mark.parametrize("name", fixture_names())
def test_fixture(name: str) -> None:
    raw = (FIXTURES / f"{name}.txt").read_bytes().decode("utf-8")  # CRLF kept
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text("utf-8"))
    result = clean_text(raw)
    # every body paragraph survives verbatim (it is in the input), and nothing else does
    normalised = normalize_text(raw)
    for para in expected["paragraphs"]:
        assert para in normalised
    assert paragraphs(result.text) == expected["paragraphs"]
    assert [[r.text, r.reason] for r in result.removed] == expected["removed"]
    assert result.title == expected["title"]
    assert result.outlet == expected["outlet"]
    assert list(result.authors) == expected["authors"]
    assert list(result.editors) == expected["editors"]
    assert list(result.credits) == expected["credits"]
    assert list(result.date_hints) == expected["date_hints"]
    # cleaning the cleaned text changes nothing
    assert clean_text(result.text).text == result.text


# --- the real seed articles (development data, read from ../shared/seeds) ----------

TEASER_WORDS = ("Bitget", "Seychelles", "Sep 12")


def seed_text(prefix: str) -> str:
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip(
            f"seed articles not found at {SEEDS.resolve()} (development data outside the repo)"
        )
    return paths[0].read_text("utf-8")


def seed_furniture(prefix: str, lines: list[str]) -> dict[int, str]:
    """Which raw lines of a seed are furniture, by rule; every other line is body."""
    fixed = {"Logo Bloomberg Technoz": "logo", "(bbn)": "agency_tag", "No more pages": "pagination"}
    furniture = {k: fixed[line] for k, line in enumerate(lines) if line in fixed}
    for k, line in enumerate(lines):
        if line.endswith("(Sumber: Bloomberg)"):
            furniture[k] = "caption"
        if line.startswith("--Dengan bantuan dari"):
            furniture[k] = "credit"
    if prefix == "002":
        content = [k for k, line in enumerate(lines) if line]
        furniture[content[0]] = "headline"
        furniture[content[1]] = "caption"  # an English alt text under the headline
        start = lines.index("Next Post")
        furniture.update({k: "teaser" for k in range(start, len(lines)) if lines[k]})
    return furniture


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_body_kept_and_furniture_removed(prefix: str) -> None:
    raw = seed_text(prefix)
    lines = normalize_text(raw).split("\n")
    furniture = seed_furniture(prefix, lines)
    body = [line for k, line in enumerate(lines) if line and k not in furniture]
    result = clean_text(raw)
    # every line that is not furniture is a paragraph, verbatim and in order
    assert paragraphs(result.text) == body
    assert [(r.line, r.text, r.reason) for r in result.removed] == [
        (k + 1, lines[k], reason) for k, reason in sorted(furniture.items())
    ]
    for line in furniture:
        assert lines[line] not in result.text
    assert result.date_hints == ()


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_seed_outlet_from_logo(prefix: str) -> None:
    doc = clean(Document(id=prefix, source=prefix, raw=seed_text(prefix)))
    assert doc.outlet == "Bloomberg Technoz"
    assert doc.title is None
    assert "Logo Bloomberg Technoz" not in doc.text
    assert "No more pages" not in doc.text
    assert "(bbn)" not in doc.text
    assert doc.removed[0] == Removal("Logo Bloomberg Technoz", "logo", 1, "Bloomberg Technoz")


@pytest.mark.seeds
def test_seed_002_headline_and_teaser() -> None:
    raw = seed_text("002")
    doc = clean(Document(id="002", source="002", raw=raw))
    first_line = raw.split("\n", 1)[0]
    assert doc.title == first_line
    assert not doc.text.startswith(first_line)
    assert doc.outlet is None
    assert "Next Post" not in doc.text
    for word in TEASER_WORDS:
        assert word not in doc.text
        assert not any(word in hint for hint in doc.date_hints)
    assert ("Next Post", "teaser") in [(r.text, r.reason) for r in doc.removed]
    assert doc.text.endswith("”")  # the body's last quote is whole


@pytest.mark.seeds
def test_seed_004_credits() -> None:
    doc = clean(Document(id="004", source="004", raw=seed_text("004")))
    assert doc.credits == ("Sangmi Cha", "James Herron")
    assert "Dengan bantuan" not in doc.text


@pytest.mark.seeds
def test_seed_001_mid_body_caption() -> None:
    result = clean_text(seed_text("001"))
    captions = [r for r in result.removed if r.reason == "caption"]
    assert len(captions) == 1
    assert captions[0].text.endswith("(Sumber: Bloomberg)")
    assert "(Sumber: Bloomberg)" not in result.text


# --- no body sentence is ever lost ------------------------------------------------

INDOSUM = Path(__file__).parents[1] / ".." / "shared" / "data" / "indosum" / "dev.01.jsonl"
NOISE_TOP = [
    "Logo Warta Nusantara",
    "Nasional",
    "Rabu, 19 Juni 2024 | 06:23 WIB",
    "Penulis: Budi Santoso | Editor: Sari Dewi",
    "Bagikan",
]
NOISE_MIDDLE = [
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Baca juga: Harga Emas Turun Lagi",
    "[iklan_tengah]",
    "Warga antre di Jakarta, Senin (1/7/2024). (ANTARA FOTO/Budi Santoso)",
    "BACA JUGA:\nJudul Berita Lain\nJudul Berita Kedua",
    "WhatsApp Twitter Facebook",
    "Foto: Istimewa",
]
NOISE_END = [
    "Editor: Sari Dewi",
    "Komentar (3)",
    "Tags: politik, ekonomi",
    "No more pages",
    "Next Post\n\nJudul Artikel Lain Tak Terkait\n\nSel Sep 12 , 2023",
]


def indosum_articles(limit: int) -> list[str]:
    """Real articles (IndoSum, tokenised) joined back into text, paragraphs by blank lines."""
    if not INDOSUM.is_file():
        pytest.skip(f"IndoSum not found at {INDOSUM.resolve()} (shared data outside the repo)")
    texts = []
    with INDOSUM.open(encoding="utf-8") as lines:
        for line in lines:
            paras = json.loads(line)["paragraphs"]
            texts.append("\n\n".join(" ".join(t for s in p for t in s) for p in paras))
            if len(texts) == limit:
                break
    return texts


def test_real_articles_keep_their_body_under_added_furniture() -> None:
    """Furniture added around and between real paragraphs changes nothing in the body."""
    for n, text in enumerate(indosum_articles(400)):
        base = clean_text(text).text
        paras = text.split("\n\n")
        slots = [k for k in range(1, len(paras)) if paras[k - 1].endswith(".")]
        slots = [k for k in slots if paras[k].endswith(".")]
        if not slots:
            continue
        middle = NOISE_MIDDLE[n % len(NOISE_MIDDLE)]
        k = slots[n % len(slots)]
        noisy = [NOISE_TOP[n % len(NOISE_TOP)], *paras[:k], middle, *paras[k:]]
        noisy.append(NOISE_END[n % len(NOISE_END)])
        assert clean_text("\n\n".join(noisy)).text == base


VOCABULARY = (
    "pemerintah kota itu menaikkan anggaran baru warga Jakarta Senin katanya kepada "
    "wartawan bahwa rencana tersebut akan dibahas pekan depan di gedung dewan"
)
WORD = st.sampled_from(VOCABULARY.split(" "))
SENTENCE = st.builds(
    lambda words, end: " ".join(words).capitalize() + end,
    st.lists(WORD, min_size=2, max_size=30),
    st.sampled_from([".", "!", "?", ".”", '."', "…"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=8))
def test_sentences_always_survive(sentences: list[str]) -> None:
    result = clean_text("\n\n".join(sentences))
    assert paragraphs(result.text) == sentences
    assert result.removed == ()


@given(st.text(alphabet="ab \u200e\u200b\ufeff\u00ad\u201f\u00a0\t\x01", max_size=30))
def test_characters_in_place_keeps_every_offset(text: str) -> None:
    # the clean-up the clean stage does, with each dropped mark a space: offsets hold
    out = characters_in_place(text)
    assert len(out) == len(text)
    assert out.replace(" ", "") == normalize_text(text).replace(" ", "").replace("\n", "")


def test_an_invisible_mark_before_a_quote_does_not_hide_it() -> None:
    # "\u200e" right before the opening mark: read raw, the quote looks embedded in text
    text = 'Polisi bersiaga.\n\n\u200e"Kami kerahkan 75 personel hari ini," kata Budi Santoso.'
    pipeline = Pipeline(stages=["segment", "entities", "quotes"])
    raw = pipeline(Document(id="x", source="x", text=text))
    kept = pipeline(Document(id="x", source="x", text=characters_in_place(text)))
    assert [q.kind for q in raw.quotes] != ["direct"]
    [q] = kept.quotes
    assert (q.kind, q.speaker_name, q.start) == ("direct", "Budi Santoso", text.index("Kami"))
