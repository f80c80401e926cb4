"""Readers: every format, encoding detection, format sniffing and bad input.

Fixtures in tests/fixtures/read/ are written by the project (fictional
Indonesian news); inputs that must be broken or re-encoded are built in the
tests themselves.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import telisik.read
from telisik.errors import (
    BinaryInput,
    EmptyInput,
    InputTooLarge,
    MalformedInput,
    TelisikError,
)
from telisik.model import Document, PublishedDate, document_id
from telisik.pipeline import Failure
from telisik.read import read_bytes, read_paths
from telisik.read.common import parse_published, split_authors
from telisik.read.decode import decode
from telisik.read.detect import kind_from_name, sniff
from telisik.read.html import fragment_text
from telisik.settings import Settings, load_settings

FIXTURES = Path(__file__).parent / "fixtures" / "read"
MB = 1_000_000


@pytest.fixture(scope="module")
def settings() -> Settings:
    return load_settings()


def docs_of(items: list[Document | Failure]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def failures_of(items: list[Document | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


def read_fixture(name: str) -> list[Document | Failure]:
    return list(read_paths([FIXTURES / name]))


def test_public_api() -> None:
    assert set(telisik.read.__all__) == {
        "KINDS",
        "Kind",
        "iter_bytes",
        "read_bytes",
        "read_paths",
        "sniff",
    }


# --- one table per format -----------------------------------------------------------------

# (fixture, source of the first document, expected fields, text it contains, text it must not)
FORMAT_CASES: list[tuple[str, str, dict[str, Any], list[str], list[str]]] = [
    # plain text as scraped: kept whole, furniture included (the cleaner removes it)
    (
        "artikel.txt",
        "artikel.txt",
        {"title": None, "outlet": None, "url": None, "published": PublishedDate()},
        ["Logo Kabar Pesisir\n\nPemerintah Provinsi", "“Kami tidak ingin", "(kp/ad)"],
        [],
    ),
    # a news page: metadata from og/meta tags, body only, no comments, related links or footer
    (
        "artikel.html",
        "artikel.html",
        {
            "title": "Banjir Rendam Tiga Kecamatan di Kabupaten Sintang, Ribuan Warga Mengungsi",
            "outlet": "Warta Nusantara",
            "url": "https://www.wartanusantara.example/daerah/2024/03/12/"
            "banjir-rendam-tiga-kecamatan-sintang",
            "published": PublishedDate("2024-03-12", "day", "explicit"),
            "authors": ("Rina Kartika",),
        },
        [
            "SINTANG, Warta Nusantara - Banjir merendam",
            "malam.\n\nKepala Badan Penanggulangan Bencana Daerah",
            "Warga yang tinggal di bantaran sungai diminta tetap waspada.",
        ],
        ["Semoga cepat surut", "Berita Terkait", "Persib", "Hak cipta", "Olahraga", "Bagikan"],
    ),
    # date only in JSON-LD @graph (local date kept), subheading, list, <br> inside a paragraph
    (
        "artikel_jsonld.htm",
        "artikel_jsonld.htm",
        {
            "title": "Pabrik Baterai Kendaraan Listrik Mulai Beroperasi di Batang",
            "outlet": "Harian Ekonomi",
            "published": PublishedDate("2023-11-05", "day", "explicit"),
            "authors": ("Dimas Prasetyo", "Lestari Wulandari"),
        },
        [
            "\n\nSerapan tenaga kerja\n\n",
            "jasa logistik dan pergudangan;\nkatering",
            "dilibatkan.\nIa meminta",
        ],
        ["Terpopuler", "Rupiah Menguat", "Beranda", "Karier"],
    ),
    # an HTML fragment saved as .txt is sniffed as HTML
    (
        "potongan.txt",
        "potongan.txt",
        {"title": None, "published": PublishedDate()},
        ["Ratusan warga Desa Lamajang", "setempat.\n\nKetua kelompok tani"],
        ["<p>", "</p>"],
    ),
    # JSON Lines: "text" and "html" records; the blank line 3 is skipped but counted
    (
        "berita.jsonl",
        "berita.jsonl:1",
        {
            "title": "Harga Cabai Rawit di Pasar Induk Melonjak",
            "outlet": "Kabar Bisnis",
            "url": "https://kabarbisnis.example/pasar/harga-cabai-rawit-melonjak",
            "published": PublishedDate("2024-01-15", "day", "explicit"),
            "authors": ("Yusuf Hamdani",),
        },
        ["terakhir. Pedagang menyebut", "tinggi.\n\nSeorang pedagang"],
        [],
    ),
    # JSON: a list of article objects, named file#N
    (
        "berita.json",
        "berita.json#1",
        {
            "title": "Sekolah Darurat Dibangun untuk Siswa Terdampak Gempa",
            "outlet": "Kabar Pendidikan",
            "published": PublishedDate("2023-12-02", "day", "explicit"),
        },
        ["ruang kelas darurat"],
        [],
    ),
    # RSS 2.0: content:encoded wins over description; captions and scripts dropped;
    # pubDate kept as the publisher's local date (05:30 +0700 is the 19th in UTC)
    (
        "kanal.rss",
        "kanal.rss#1",
        {
            "title": "Jembatan Gantung Baru Hubungkan Dua Dusun di Lebak",
            "outlet": "Kabar Daerah - Berita Terkini",
            "url": "https://kabardaerah.example/banten/jembatan-gantung-lebak",
            "published": PublishedDate("2024-06-20", "day", "explicit"),
            "authors": ("Siti Rahmawati",),
        },
        ["sore.\n\nKepala desa setempat", "kabupaten.\nPembangunannya"],
        ["Warga melintasi jembatan", "trackView", "<p>"],
    ),
    # Atom: HTML content, author, feed title as outlet
    (
        "kanal.atom",
        "kanal.atom#1",
        {
            "title": "Peneliti Temukan Spesies Anggrek Baru di Sulawesi",
            "outlet": "Warta Sains",
            "url": "https://wartasains.example/biologi/anggrek-baru-sulawesi",
            "published": PublishedDate("2024-05-01", "day", "explicit"),
            "authors": ("Rahmat Hidayat",),
        },
        ["merah.\n\nPara peneliti"],
        ["&lt;", "<p>"],
    ),
]


@pytest.mark.parametrize(
    "name,source,fields,contains,absent", FORMAT_CASES, ids=[c[0] for c in FORMAT_CASES]
)
def test_format(
    name: str, source: str, fields: dict[str, Any], contains: list[str], absent: list[str]
) -> None:
    items = read_fixture(name)
    assert failures_of(items) == []
    doc = items[0]
    assert isinstance(doc, Document)
    assert doc.source == str(FIXTURES / source)
    for key, value in fields.items():
        assert getattr(doc, key) == value, key
    for text in contains:
        assert text in doc.raw
    for text in absent:
        assert text not in doc.raw
    assert doc.id == document_id(doc.raw)
    assert doc.text == ""  # the cleaner fills it


# (fixture, sources of all its documents)
COUNT_CASES = [
    ("berita.jsonl", ["berita.jsonl:1", "berita.jsonl:2", "berita.jsonl:4"]),
    ("berita.json", ["berita.json#1", "berita.json#2"]),
    ("kanal.rss", ["kanal.rss#1", "kanal.rss#2"]),
    ("kanal.atom", ["kanal.atom#1", "kanal.atom#2"]),
]


@pytest.mark.parametrize("name,sources", COUNT_CASES)
def test_multi_document_inputs(name: str, sources: list[str]) -> None:
    docs = docs_of(read_fixture(name))
    assert [d.source for d in docs] == [str(FIXTURES / s) for s in sources]
    assert len({d.id for d in docs}) == len(docs)


def test_jsonl_html_record_and_metadata() -> None:
    docs = docs_of(read_fixture("berita.jsonl"))
    page, festival = docs[1], docs[2]
    assert page.raw.startswith("Operator kereta cepat Jakarta–Bandung")
    assert "Beranda" not in page.raw and "Hak cipta" not in page.raw
    assert page.outlet == "Kabar Transportasi"  # from the page: the record has none
    assert page.url == "https://kabartransportasi.example/kereta-cepat-tambah-jadwal"
    assert page.authors == ("Nadia Putri", "Ahmad Fauzi")
    assert page.published == PublishedDate("2024-02-09", "day", "explicit")
    # an unparseable date is a hint for the time stage, not a publication date
    assert festival.published == PublishedDate()
    assert festival.date_hints == ("pekan lalu",)
    assert festival.authors == ("Yohana Kewa",)


def test_feed_summary_and_updated_hint() -> None:
    docs = docs_of(read_fixture("kanal.atom"))
    assert docs[1].raw.startswith("Gerhana bulan sebagian")
    assert docs[1].published == PublishedDate()
    assert docs[1].date_hints == ("2024-04-30T12:00:00+07:00",)
    rss = docs_of(read_fixture("kanal.rss"))
    assert rss[1].raw.endswith("diperbaiki.\n\nMaskapai perintis akan terbang tiga kali sepekan.")


def test_json_rfc2822_date() -> None:
    docs = docs_of(read_fixture("berita.json"))
    assert docs[1].published == PublishedDate("2023-12-09", "day", "explicit")
    assert docs[1].outlet is None and docs[1].url is None


# --- seeds --------------------------------------------------------------------------------


@pytest.mark.seeds
def test_seeds_read_as_text(seed_dir: Path) -> None:
    """The seeds (skipped by conftest's seed_dir when ../shared/seeds is absent)."""
    items = list(read_paths([seed_dir]))
    docs = docs_of(items)
    assert failures_of(items) == []
    assert len(docs) == 5
    assert len({d.id for d in docs}) == 5
    assert [d.source for d in docs] == sorted(str(p) for p in seed_dir.glob("*.txt"))
    assert all(d.raw.strip() and d.published == PublishedDate() for d in docs)
    assert docs[0].raw.startswith("Logo Bloomberg Technoz\n\n")
    # stable: the same ids when read again, and when only whitespace differs
    assert [d.id for d in docs_of(list(read_paths([seed_dir])))] == [d.id for d in docs]
    for doc in docs:
        path = Path(doc.source)
        respaced = path.read_bytes().replace(b"\n", b"\r\n").replace(b" ", b"  ")
        (again,) = read_bytes(respaced, path.name)
        assert again.id == doc.id


# --- folders and stdin --------------------------------------------------------------------


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def article(n: int) -> str:
    return f"Berita nomor {n}: warga desa menanam {n} ratus bibit mangrove di pesisir utara.\n"


def test_folder_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", article(1))
    write(tmp_path / "a" / "z.txt", article(2))
    write(tmp_path / "a" / "dalam" / "y.jsonl", json.dumps({"text": article(3)}) + "\n")
    write(tmp_path / "a" / "c.TXT", article(4))  # extensions match case-insensitively
    write(tmp_path / ".tersembunyi.txt", article(5))
    write(tmp_path / ".git" / "x.txt", article(6))
    write(tmp_path / "catatan.md", article(7))  # not a configured extension
    items = list(read_paths([tmp_path]))
    assert failures_of(items) == []
    sources = [d.source for d in docs_of(items)]
    assert sources == [
        str(tmp_path / "b.txt"),
        str(tmp_path / "a" / "c.TXT"),
        str(tmp_path / "a" / "z.txt"),
        str(tmp_path / "a" / "dalam" / "y.jsonl") + ":1",
    ]
    assert sources == [d.source for d in docs_of(list(read_paths([str(tmp_path)])))]


def test_empty_folder_is_a_failure(tmp_path: Path) -> None:
    write(tmp_path / "catatan.md", "bukan berita")
    (failure,) = list(read_paths([tmp_path]))
    assert isinstance(failure, Failure)
    assert failure.message.startswith(f"{tmp_path}: no files to read")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Hujan es turun di Kota Batu pada Selasa sore.\n\nWarga sempat panik."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (doc,) = list(read_paths(["-"]))
    assert isinstance(doc, Document)
    assert doc.source == "<stdin>"
    assert doc.raw.endswith("Warga sempat panik.")
    (same,) = read_bytes(data, "<stdin>")
    assert same.id == doc.id


def test_stdin_streams_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"text": article(n)}) for n in range(3)] + ["{rusak"]
    data = "\n".join(lines).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(read_paths(["-"]))
    assert [i.source for i in items] == [f"<stdin>:{n}" for n in (1, 2, 3, 4)]
    assert isinstance(items[3], Failure)


def test_stdin_over_the_limit(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article(1).encode() * 50)))
    small = settings.override("read", max_input_bytes=1000)
    (failure,) = list(read_paths(["-"], settings=small))
    assert isinstance(failure, Failure)
    assert failure.message.startswith("<stdin>: the input is over the 1.0 KB limit")


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_non_regular_file_is_read_not_sized() -> None:
    """Pipes and devices report size 0: they are read (and found empty), not judged by size."""
    assert list(read_paths(["/dev/null"])) == [Failure("/dev/null", "/dev/null: empty input")]


# --- the bad-input batch -------------------------------------------------------------------

LATIN1_TEXT = (
    "Desainer asal Prancis, André Lefèvre, memamerkan batik kontemporer di Jakarta.\n\n"
    "“Motif parang saya padukan dengan warna pastel,” ujarnya – disambut tepuk tangan."
)


def test_bad_input_batch(tmp_path: Path) -> None:
    """One read_paths call: each bad input gets exactly one one-line Failure; the rest is read."""
    binary = write(tmp_path / "data.bin", b"\x00\x01\x02telisik\x00" * 100)
    empty = write(tmp_path / "kosong.txt", b"")
    latin1 = write(tmp_path / "latin1.txt", LATIN1_TEXT.encode("cp1252"))
    page = (FIXTURES / "artikel.html").read_text("utf-8")
    mid_text = page.index("<p>Menurut Hendra") + len("<p>Menurut Hendra, Sungai Kapuas")
    truncated = write(tmp_path / "terpotong.html", page[:mid_text])
    in_tag = page.index("<p>Pemerintah kabupaten") + len("<p")
    truncated_in_tag = write(tmp_path / "terpotong-tag.html", page[:in_tag] + ' cla="')
    good = write(tmp_path / "baik.txt", article(1))
    lines = [
        json.dumps({"text": article(2)}),
        '{"title": "Rusak" "text": "tanpa koma"}',
        json.dumps({"text": article(3)}),
        json.dumps({"title": "Tanpa isi", "url": "https://contoh.example/x"}),
        json.dumps({"text": article(4)}),
    ]
    jsonl = write(tmp_path / "campur.jsonl", "\n".join(lines) + "\n")
    big = tmp_path / "besar.txt"
    with big.open("wb") as fp:
        chunk = article(5).encode() * 10_000
        while fp.tell() < 50 * MB:
            fp.write(chunk)
    missing = tmp_path / "tidak-ada.txt"

    inputs = [binary, empty, latin1, truncated, truncated_in_tag, good, jsonl, big, missing]
    items = list(read_paths(inputs))

    by_source: dict[str, list[Document | Failure]] = {}
    for item in items:
        by_source.setdefault(item.source, []).append(item)
    for item in failures_of(items):
        assert "\n" not in item.message
        assert item.message.startswith(f"{item.source}: ")

    def failure(path: Path | str) -> str:
        (only,) = by_source.pop(str(path))
        assert isinstance(only, Failure), only
        return only.message

    def document(path: Path | str) -> Document:
        (only,) = by_source.pop(str(path))
        assert isinstance(only, Document), only
        return only

    assert "binary data (NUL bytes in the first 8 KB), not text, HTML, JSON or a feed" in failure(
        binary
    )
    assert failure(empty).endswith(": empty file")
    assert document(latin1).raw == LATIN1_TEXT
    assert document(truncated).raw.endswith("\n\nMenurut Hendra, Sungai Kapuas")
    cut_in_tag = document(truncated_in_tag)
    assert "dievakuasi" in cut_in_tag.raw
    assert cut_in_tag.raw.endswith("paling parah terdampak.")
    assert cut_in_tag.title is not None and cut_in_tag.outlet == "Warta Nusantara"
    assert document(good).raw == article(1)
    jsonl_sources = [f"{jsonl}:{n}" for n in (1, 3, 5)]
    assert [document(s).raw for s in jsonl_sources] == [article(n) for n in (2, 3, 4)]
    assert failure(f"{jsonl}:2") == (
        f"{jsonl}:2: malformed JSON (Expecting ',' delimiter at column 19)"
    )
    assert failure(f"{jsonl}:4") == f'{jsonl}:4: no "text" or "html" field (keys: title, url)'
    too_big = failure(big)
    assert "MB" in too_big and "over the 20.0 MB limit" in too_big
    assert "max_input_bytes" in too_big
    assert failure(missing).endswith("no such file or folder")
    assert by_source == {}  # nothing else was yielded


def test_huge_file_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "besar.txt"
    with big.open("wb") as fp:  # sparse: 50 MB on paper, nothing to read
        fp.truncate(50 * MB)
    tracemalloc.start()
    try:
        (failure,) = list(read_paths([big]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(failure, Failure)
    assert failure.message == (
        f"{big}: 50.0 MB ({50 * MB} bytes) is over the 20.0 MB limit; raise [read] "
        "max_input_bytes in a settings file (or split the input: JSON Lines files are "
        "read line by line)"
    )
    assert peak < 1 * MB


def test_limit_is_a_setting(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path / "x.txt", article(1) * 20)
    small = settings.override("read", max_input_bytes=100)
    (failure,) = list(read_paths([path], settings=small))
    assert isinstance(failure, Failure)
    assert failure.message.startswith(f"{path}: 1.5 KB (1520 bytes) is over the 100 bytes limit")
    (doc,) = list(read_paths([path], settings=settings))
    assert isinstance(doc, Document)


def test_jsonl_is_streamed_past_the_limit(tmp_path: Path, settings: Settings) -> None:
    """A JSONL file larger than the limit is read; only a line over it fails."""
    small = settings.override("read", max_input_bytes=400)
    lines = [json.dumps({"text": article(n)}) for n in range(10)]
    lines.insert(4, json.dumps({"text": "panjang " * 100}))
    path = write(tmp_path / "banyak.jsonl", "\n".join(lines))
    assert path.stat().st_size > 400
    items = list(read_paths([path], settings=small))
    assert len(docs_of(items)) == 10
    (failure,) = failures_of(items)
    assert failure.source == f"{path}:5"
    assert failure.message.startswith(f"{path}:5: line is over the 400 bytes limit")
    assert items[5].source == f"{path}:6"  # the rest of the long line was skipped


# --- encodings ------------------------------------------------------------------------------

ID_TEXT = "Menteri “menegaskan” bahwa café di Jalan Braga – dekat alun-alun – tetap buka."

# (bytes, decoded text): UTF-8 first, BOMs, then legacy code pages
DECODE_CASES = [
    (ID_TEXT.encode("utf-8"), ID_TEXT),
    (b"\xef\xbb\xbf" + ID_TEXT.encode("utf-8"), ID_TEXT),
    (ID_TEXT.encode("utf-16"), ID_TEXT),  # with BOM: NUL bytes are fine
    (ID_TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), ID_TEXT),
    (ID_TEXT.encode("cp1252"), ID_TEXT),
    (LATIN1_TEXT.encode("cp1252"), LATIN1_TEXT),
    ("Koperasi nelayan di Maumere menerima bantuan perahu.".encode("latin-1"), None),
    ("Sénat à Paris: réunion sur l'économie à Jakarta.".encode("latin-1"), None),
]


@pytest.mark.parametrize("data,expected", DECODE_CASES)
def test_decode(data: bytes, expected: str | None) -> None:
    text = decode(data, "x")
    if expected is None:  # a latin-1 original
        expected = data.decode("latin-1")
    assert text == expected


def test_decode_keeps_other_scripts() -> None:
    russian = "Министр иностранных дел России прибыл в Пхеньян для переговоров."
    assert decode(russian.encode("cp1251"), "x") == russian


# (bytes, phrase in the message): binary input, never decoded as text
BINARY_CASES = [
    (b"abc\x00def" * 10, "NUL bytes in the first 8 KB"),
    (b"\x89PNG\r\n\x1a\n" + b"x" * 50, "a PNG image"),
    (b"%PDF-1.7\n" + b"isi" * 20, "a PDF file"),
    (b"PK\x03\x04" + b"x" * 50, "a ZIP archive"),
    (bytes(range(1, 32)) * 50, "control characters"),
    (b"ok teks " + bytes([7, 8, 27, 1, 2, 3]) * 20, "control characters"),
]


@pytest.mark.parametrize("data,phrase", BINARY_CASES)
def test_binary(data: bytes, phrase: str) -> None:
    with pytest.raises(BinaryInput) as info:
        read_bytes(data, "berkas")
    assert phrase in str(info.value)
    assert str(info.value).startswith("berkas: binary data (")


def test_html_declared_charset() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Pameran</title></head><body><article>"
        + "".join(f"<p>{LATIN1_TEXT} ({n})</p>" for n in range(3))
        + "</article></body></html>"
    )
    (doc,) = read_bytes(page.encode("cp1252"), "pameran.html")
    assert "André Lefèvre" in doc.raw and "“Motif parang" in doc.raw


# --- format detection -------------------------------------------------------------------------

# (first bytes, kind), negatives included
SNIFF_CASES = [
    (b"Logo Bloomberg Technoz\n\nKorea Utara ...", "text"),
    (b"[FOTO] Warga antre minyak goreng di Medan.", "text"),  # not JSON
    (b"Nilai tukar < 15.000 per dolar, kata analis.", "text"),  # a '<' is not HTML
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    (b"\xef\xbb\xbf  <html lang='id'><head>", "html"),
    (b"<p>Paragraf pertama.</p><p>Kedua.</p>", "html"),
    (b"Judul\n<div class='isi'>teks</div>", "html"),
    (b'<?xml version="1.0"?>\n<!-- feed -->\n<rss version="2.0"><channel>', "feed"),
    (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "feed"),
    (b'<?xml version="1.0"?><catatan>bukan feed</catatan>', "text"),
    (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
    (b'{"text": "satu baris saja"}', "jsonl"),
    (b'{\n  "text": "a",\n  "title": "b"\n}', "json"),
    (b'[{"text": "a"}, {"text": "b"}]', "json"),
    (b'{"html": "<p>isi</p>"}\n', "jsonl"),  # HTML inside JSON is still JSON
    (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
    ("Teks UTF-16".encode("utf-16"), "text"),
]


@pytest.mark.parametrize("head,kind", SNIFF_CASES)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


# (file name, kind by name; None means sniff the content)
NAME_CASES = [
    ("a.html", "html"),
    ("A.HTM", "html"),
    ("a.jsonl", "jsonl"),
    ("a.ndjson", "jsonl"),
    ("a.json", "json"),
    ("a.rss", "feed"),
    ("a.atom", "feed"),
    ("a.xml", "feed"),
    ("a.warc.gz", "warc"),
    ("a.jsonl.gz", "jsonl"),
    ("a.txt", None),
    ("a.txt.gz", None),
    ("README", None),
    ("<stdin>", None),
]


@pytest.mark.parametrize("name,kind", NAME_CASES)
def test_kind_from_name(name: str, kind: str | None) -> None:
    assert kind_from_name(name) == kind


# --- metadata -------------------------------------------------------------------------------

DAY = "day"

# (stated date, parsed value and precision or None when it is only a hint)
DATE_CASES = [
    ("2024-06-19", ("2024-06-19", DAY)),
    ("2024-06-19T23:30:00+07:00", ("2024-06-19", DAY)),  # the publisher's date, not UTC
    ("2024-06-20T05:30:00+07:00", ("2024-06-20", DAY)),
    ("2024/06/19 10:00:00", ("2024-06-19", DAY)),
    ("20240619", ("2024-06-19", DAY)),
    ("Thu, 20 Jun 2024 05:30:00 +0700", ("2024-06-20", DAY)),
    ("2024-06", ("2024-06", "month")),
    ("2024", ("2024", "year")),
    ("2024-02-30", None),
    ("19/06/2024", None),  # day-first or month-first: left to the time stage
    ("pekan lalu", None),
    ("1718764800", None),
    ("", None),
]


@pytest.mark.parametrize("value,expected", DATE_CASES)
def test_parse_published(value: str, expected: tuple[str, str] | None) -> None:
    parsed = parse_published(value)
    if expected is None:
        assert parsed is None
    else:
        assert parsed == PublishedDate(expected[0], expected[1], "explicit")  # type: ignore[arg-type]


AUTHOR_CASES: list[tuple[Any, tuple[str, ...]]] = [
    ("Rina Kartika", ("Rina Kartika",)),
    ("Nadia Putri; Ahmad  Fauzi;", ("Nadia Putri", "Ahmad Fauzi")),
    (["A B", "A B", ""], ("A B",)),
    ([{"name": "Yohana Kewa"}, {"email": "x@y"}], ("Yohana Kewa",)),
    ({"name": "Satu Nama"}, ("Satu Nama",)),
    (None, ()),
    (42, ()),
]


@pytest.mark.parametrize("value,expected", AUTHOR_CASES)
def test_split_authors(value: Any, expected: tuple[str, ...]) -> None:
    assert split_authors(value) == expected


# --- HTML, JSON and feed failures ---------------------------------------------------------------

# (bytes, source, error class, phrase in the message)
WHOLE_FAILURES: list[tuple[bytes, str, type[Exception], str]] = [
    (b"", "a.txt", EmptyInput, "empty input"),
    (b"  \n\t\n ", "a.txt", EmptyInput, "only whitespace"),
    (b"\xef\xbb\xbf\n", "a.txt", EmptyInput, "no text"),
    (
        b"<html><head><title>x</title></head><body></body></html>",
        "a.html",
        EmptyInput,
        "no visible text",
    ),
    (
        b"<html><body><script>var x = 1;</script></body></html>",
        "a.html",
        EmptyInput,
        "no visible text",
    ),
    (b'{"text": "a", ', "a.json", MalformedInput, "malformed JSON (Expecting"),
    (b"42", "a.json", MalformedInput, "expected a JSON object or a list of objects, got a number"),
    (b"[]", "a.json", EmptyInput, "empty JSON list"),
    (
        b'{"judul": "x", "isi": "y"}',
        "a.json",
        MalformedInput,
        'no "text" or "html" field (keys: isi, judul)',
    ),
    (b'{"text": ["a"]}', "a.json", MalformedInput, '"text" must be a string, got a list'),
    (b'{"text": "   "}', "a.json", EmptyInput, '"text" is empty'),
    (b"<rss><channel><item><title>x</ti", "a.rss", MalformedInput, "not a well-formed RSS/Atom"),
    (b"<catatan>halo</catatan>", "a.xml", MalformedInput, "not an RSS or Atom feed"),
    (
        b"<rss version='2.0'><channel><title>T</title></channel></rss>",
        "a.rss",
        EmptyInput,
        "a feed with no entries",
    ),
    (b"\n\n", "a.jsonl", EmptyInput, "only whitespace"),
]


@pytest.mark.parametrize("data,source,error,phrase", WHOLE_FAILURES)
def test_whole_input_failures(
    data: bytes, source: str, error: type[Exception], phrase: str
) -> None:
    with pytest.raises(error) as info:
        read_bytes(data, source)
    message = str(info.value)
    assert message.startswith(f"{source}: ") and phrase in message and "\n" not in message
    # the same input as a file is one Failure with the same message
    (failure,) = list(telisik.read.iter_bytes(data, source))
    assert failure == Failure(source, message)


def test_jsonl_with_no_good_line() -> None:
    data = b'{"rusak": \n\n[1]\n'
    with pytest.raises(MalformedInput) as info:
        read_bytes(data, "a.jsonl")
    assert str(info.value) == (
        "a.jsonl: no document could be read (2 entries failed; first: a.jsonl:1: malformed "
        "JSON (Expecting value at column 11))"
    )
    assert [f.source for f in telisik.read.iter_bytes(data, "a.jsonl")] == [
        "a.jsonl:1",
        "a.jsonl:3",
    ]


def test_html_navigation_only_page() -> None:
    page = b"<html><body><nav><ul><li><a href='/'>Beranda</a></li></ul></nav></body></html>"
    try:
        (doc,) = read_bytes(page, "menu.html")
    except EmptyInput as exc:
        assert "no article text" in str(exc) or "no visible text" in str(exc)
    else:  # trafilatura may keep a lone link list as text: then it is short furniture
        assert len(doc.raw) < 20


def test_feed_entry_without_text_is_one_failure() -> None:
    feed = (
        b"<rss version='2.0'><channel><title>Kabar</title>"
        b"<item><title>Judul saja</title></item>"
        b"<item><title>Lengkap</title><description>Isi berita singkat.</description></item>"
        b"</channel></rss>"
    )
    items = list(telisik.read.iter_bytes(feed, "k.rss"))
    assert items[0] == Failure("k.rss#1", "k.rss#1: feed entry with no content or summary")
    assert isinstance(items[1], Document) and items[1].raw == "Isi berita singkat."
    (doc,) = read_bytes(feed, "k.rss")  # read_bytes logs and skips the bad entry
    assert doc.source == "k.rss#2"


def test_rss_dc_date_is_the_publication_date() -> None:
    feed = (
        b'<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        b"<title>Kabar</title><item><title>Satu</title><dc:date>2024-02-14T07:00:00+07:00"
        b"</dc:date><description>Pemilu berjalan lancar di TPS 12.</description></item>"
        b"</channel></rss>"
    )
    (doc,) = read_bytes(feed, "k.rss")
    assert doc.published == PublishedDate("2024-02-14", "day", "explicit")


def test_json_list_with_a_bad_item() -> None:
    data = json.dumps([{"text": article(1)}, "bukan objek", {"text": article(2)}]).encode()
    items = list(telisik.read.iter_bytes(data, "d.json"))
    assert [i.source for i in items] == ["d.json#1", "d.json#2", "d.json#3"]
    assert items[1] == Failure("d.json#2", "d.json#2: expected a JSON object, got a string")


def test_fragment_text() -> None:
    html = (
        "<p>Satu <b>dua</b>\n tiga.</p><div>Empat<br>lima</div>"
        "<figure><img src='x'><figcaption>Keterangan foto</figcaption></figure>"
        "<ul><li>a</li><li>b</li></ul><script>x()</script>enam"
    )
    assert fragment_text(html) == "Satu dua tiga.\n\nEmpat\nlima\n\na\n\nb\n\nenam"
    assert fragment_text("teks biasa\r\nbaris dua") == "teks biasa\nbaris dua"


# --- read_bytes -----------------------------------------------------------------------------


def test_read_bytes_kind_and_limits(settings: Settings) -> None:
    page = (FIXTURES / "artikel.html").read_bytes()
    (as_text,) = read_bytes(page, "<stdin>", kind="text")
    assert as_text.raw.startswith("<!DOCTYPE html>")
    (as_html,) = read_bytes(page, "<stdin>")
    assert as_html.title and "<p>" not in as_html.raw
    with pytest.raises(TelisikError, match="unknown input kind 'pdf'"):
        read_bytes(page, "x", kind="pdf")
    small = settings.override("read", max_input_bytes=1000)
    with pytest.raises(InputTooLarge, match=r"KB \(\d+ bytes\) is over the 1.0 KB limit"):
        read_bytes(page, "x.html", settings=small)


def test_gzip_is_read_through(tmp_path: Path) -> None:
    text = write(tmp_path / "a.txt.gz", gzip.compress(article(1).encode()))
    lines = "\n".join(json.dumps({"text": article(n)}) for n in (2, 3)).encode()
    jsonl = write(tmp_path / "b.jsonl.gz", gzip.compress(lines))
    broken = write(tmp_path / "c.txt.gz", gzip.compress(article(4).encode())[:15])
    items = list(read_paths([text, jsonl, broken]))
    assert [d.raw for d in docs_of(items)] == [article(n) for n in (1, 2, 3)]
    (failure,) = failures_of(items)
    assert failure.source == str(broken) and "gzip" in failure.message.lower()


def test_utf16_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "u16.txt", LATIN1_TEXT.encode("utf-16"))
    (doc,) = list(read_paths([path]))
    assert isinstance(doc, Document) and doc.raw == LATIN1_TEXT


# --- WARC (optional extra) ----------------------------------------------------------------------


def test_warc_without_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "warcio", None)
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    items = list(telisik.read.iter_bytes(b"WARC/1.1\r\n\r\n", "crawl.warc"))
    assert items == [
        Failure(
            "crawl.warc",
            "crawl.warc: warcio is not installed; install it with: pip install 'telisik[warc]'",
        )
    ]


def warc_record(uri: str, status: str, content_type: str, body: bytes) -> bytes:
    """One gzipped WARC response record, written by hand (as crawlers write them)."""
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{len(uri):012d}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-13T01:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return gzip.compress(head.encode() + http + b"\r\n\r\n")


def test_warc(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    page = (FIXTURES / "artikel.html").read_bytes()
    records = [
        ("https://contoh.example/robots.txt", "200 OK", "text/plain", b"User-agent: *"),
        ("https://contoh.example/berita/1", "200 OK", "text/html; charset=utf-8", page),
        ("https://contoh.example/lama", "301 Moved Permanently", "text/html", b""),
        ("https://contoh.example/kosong", "200 OK", "text/html", b"<html></html>"),
    ]
    path = write(tmp_path / "crawl.warc.gz", b"".join(warc_record(*r) for r in records))
    items = list(read_paths([path]))
    docs, failures = docs_of(items), failures_of(items)
    assert [d.source for d in docs] == [f"{path}#2"]
    assert docs[0].title and docs[0].published.value == "2024-03-12"
    assert docs[0].raw == docs_of(read_fixture("artikel.html"))[0].raw
    assert [f.source for f in failures] == [f"{path}#4"]
