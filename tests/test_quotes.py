"""The quotes stage: tables of sentences, the seeds, the sample corpus and the store.

Sentence tables run segmentation and the rule-based entities (no NER model),
so they are fast; seed and corpus tests run the whole shipped pipeline.
Speakers in the seed tests were checked by reading each article.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telisik import Document, Failure, Pipeline, ingest, open_store, read_paths
from telisik.entities import entities
from telisik.model import Quote, document_id
from telisik.quotes import (
    QuoteRecord,
    content_words,
    find_quotes,
    group_quotes,
    load_lexicon,
    quote_listing,
    quoted_spans,
    same_words,
)
from telisik.segment import segment
from telisik.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
STAGES = ["clean", "segment", "time", "quantities", "entities", "quotes"]
GOLD = json.loads((ROOT / "tests" / "data" / "corpus_gold.json").read_text("utf-8"))["articles"]


def quotes_of(text: str) -> tuple[Quote, ...]:
    doc = Document(document_id(text), "test", text=text)
    return find_quotes(entities(segment(doc), use_ner=False))


def with_model(text: str) -> tuple[Quote, ...]:
    """The quotes of ``text`` with the shipped NER model typing the names."""
    doc = Document(document_id(text), "test", text=text)
    return Pipeline(stages=["segment", "entities", "quotes"])(doc).quotes


def only(text: str, kind: str) -> Quote:
    found = [q for q in quotes_of(text) if q.kind == kind]
    assert len(found) == 1, found
    return found[0]


# --- quotation marks -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("“Kami siap,” katanya.", ["Kami siap,"]),
        ('"Kami siap," katanya.', ["Kami siap,"]),
        ("«Kami siap», katanya.", ["Kami siap"]),
        ("‘Kami siap,’ katanya.", ["Kami siap,"]),
        # nested: only the outer quote
        (
            "“Ini kesepakatan ‘win-win’ bagi kita,” katanya.",
            ["Ini kesepakatan ‘win-win’ bagi kita,"],
        ),
        ('“Ini "win-win" bagi kita,” katanya.', ['Ini "win-win" bagi kita,']),
        # mixed marks: "…”
        ('"Kami siap,” katanya.', ["Kami siap,"]),
        # … and “…": a straight mark left open inside a curly one that never closes
        ('“Kami siap. Kami menunggu, "kata Hasto.', ["Kami siap. Kami menunggu, "]),
        # but a straight pair inside a curly one left open is still nested
        ('Ia berkata, “Dia bilang "ya" lalu pergi.', ['Dia bilang "ya" lalu pergi.']),
        # unbalanced: runs to the paragraph end
        ("Ia berkata, “Kami siap. Kami menunggu.", ["Kami siap. Kami menunggu."]),
        # apostrophes are not quotes
        ("Ia membaca Qur’an dan Jum'at pagi berdoa.", []),
        # nor a straight double mark standing for one inside a word
        ('Ia berlatih hari Jum"at. "Saya siap," katanya.', ["Saya siap,"]),
        ('Dia punya lima Ballon d"Or, "dan itu luar biasa," ujarnya.', ["dan itu luar biasa,"]),
        # a closing mark glued to the next word still closes
        ('Lagu "Bunga Flower"itu populer.', ["Bunga Flower"]),
        ("Tidak ada tanda kutip di sini.", []),
        ("", []),
    ],
)
def test_quoted_spans(text: str, expected: list[str]) -> None:
    spans = quoted_spans(text, 0, len(text))
    assert [text[m.open + 1 : m.close] for m in spans] == expected


# --- speaker, kind, role, channel: a table ------------------------------------------------

# (text, kind, speaker name or None, quoted/reported words start)
CASES = [
    # direct, speaker after
    ("“Kami tidak akan mundur dari kesepakatan ini,” kata Joko Widodo di Jakarta.",
     "direct", "Joko Widodo", "Kami tidak akan mundur"),
    ('"Kerja sama ini bergerak sangat cepat," ujar Jeh Sung-hoon.',
     "direct", "Jeh Sung-hoon", "Kerja sama ini"),
    ("«Kami siap berunding», kata Sergei Lavrov.", "direct", "Sergey Lavrov", "Kami siap"),
    ("‘Kami siap berunding,’ kata Sergei Lavrov.", "direct", "Sergey Lavrov", "Kami siap"),
    # a status word after the office ("terpilih") is still the office, not its end
    ('"Pak Prabowo memaparkan pandangannya," kata Gubernur DKI terpilih Anies Baswedan usai '
     "pertemuan.", "direct", "Anies Baswedan", "Pak Prabowo"),
    # an account after a few lower-case words speaks; a name before "lewat akun" speaks
    ('"Mereka mengaktifkan kembali akun Instagram mereka," cuit pemilik akun @louistomlinsan.',
     "direct", "@louistomlinsan", "Mereka mengaktifkan"),
    ('"Kami kembali tahun ini," tulis Nick Jonas lewat akun @nickjonas.',
     "direct", "Nick Jonas", "Kami kembali"),
    # opened curly, closed straight and glued to the tag
    ('“Kami akan bahas pencalonan itu, "kata Sekretaris Jenderal PDIP Hasto Kristiyanto.',
     "direct", "Hasto Kristiyanto", "Kami akan bahas"),
    # direct, speaker before, with a role
    ("Menteri Luar Negeri AS Antony Blinken mengatakan, “Kami sangat prihatin.”",
     "direct", "Antony Blinken", "Kami sangat prihatin"),
    # "katanya" = the last speaker named, in an earlier sentence
    ('Rizal Hakim, pengamat hubungan internasional, menilai langkah itu tepat. '
     '"Ini bukan soal ideologi," katanya.', "direct", "Rizal Hakim", "Ini bukan soal"),
    # words after the closing mark before the sentence's speech tag
    ("“Pada tahun-tahun sebelumnya, terorisme telah aktif di negara kita, tanpa adanya "
     "koordinasi” antara otoritas negara, kata Pangeran Salman dalam pidatonya.", "direct",
     "Salman", "Pada tahun-tahun"),
    # a narrative subject after an opening clause with no subject of its own
    ("“Saya akan ikut tax amnesty,” kata Fahri Hamzah.\n\nSidang itu juga menyebut nama "
     "Fadli Zon.\n\nMengaku terlambat melaporkan surat pajak, "
     "Fadli lantas menyewa jasa konsultan. “Waktu itu ada keterlambatan,” ujarnya.",
     "direct", "Fadli Zon", "Waktu itu"),
    # a name with an ordinary word in it ("Mitra"), then ", analis …": the name speaks
    ('"Apresiasi nilai tukar membantu mengurangi rasio utang," kata Aninda Mitra, analis '
     "Moody's untuk Indonesia.", "direct", "Aninda Mitra", "Apresiasi nilai"),
    # an account alone after the closing mark, the speech verb left out
    ('"Selamat, bapak, atas penghargaannya," tulis akun @ErSurnia.\n\n"Aiptu Sutisna '
     'pantas dapat penghargaan dari Kapolda" @melisasarie.', "direct", "@melisasarie",
     "Aiptu Sutisna"),
    ("“Pelarangan cantrang ini bukan akhir segalanya,” tekan Susi Pudjiastuti.", "direct",
     "Susi Pudjiastuti", "Pelarangan cantrang"),
    ("“Itu tidak benar, kami tidak pernah menjanjikan apa pun,” tepis Budi Santoso.",
     "direct", "Budi Santoso", "Itu tidak benar"),
    # … unless the name follows it
    ("“Pelembab ini juga kami tambahkan kulit buah apel,” kata Ketua Tim penemu kolagen halal "
     "tersebut, Edho Okta, di Malang.", "direct", "Edho Okta", "Pelembab ini"),
    # a passive speech verb after the quote
    ("“Kami bangga bisa berkontribusi bagi konsumen Indonesia,” ditambahkan Direktur "
     "Pemasaran PT Maju Jaya, Andy Gusena.", "direct", "Andy Gusena", "Kami bangga"),
    # a speech tag capitalised as a sentence of its own after the closing mark
    ("“Keputusan ini apakah disetujui?” Kata pimpinan sidang, Rofinus Hutahuruk, kepada para "
     "kader.", "direct", "Rofinus Hutahuruk", "Keputusan ini"),
    # less common speech verbs after the quote
    ("“Semoga kejadian ini tidak terulang,” harap Wali Kota Bogor Bima Arya.",
     "direct", "Bima Arya", "Semoga kejadian"),
    ("“Kebijakan itu datang terlambat,” nilai ekonom Faisal Basri di Jakarta.",
     "direct", "Faisal Basri", "Kebijakan itu"),
    ("“Awalnya kami hanya berlima di garasi,” cerita pendiri perusahaan itu, Rina Kusuma.",
     "direct", "Rina Kusuma", "Awalnya kami"),
    ("Produser film itu, Hanung Wibowo, berkomentar, “Sekuelnya akan lebih gelap.”",
     "direct", "Hanung Wibowo", "Sekuelnya akan"),
    ("“Mari angkat tangan kalian,” teriak Alan Walker di atas panggung.",
     "direct", "Alan Walker", "Mari angkat"),
    # an ordinary word capitalised at the sentence start is not a name
    ("Akun itu menuliskan, “Saya kecewa dengan layanan ini.”", "direct", None, "Saya kecewa"),
    # a role that goes on past "dan …" or a bracketed acronym, then the name
    ("“Gempa susulan masih terjadi,” kata Kepala Bidang Mitigasi Gempa dan Tsunami "
     "BMKG, Dwi Hartono, dalam keterangan tertulis.", "direct", "Dwi Hartono", "Gempa susulan"),
    ("“Anggaran itu boros,” ujar koordinator Lembaga Pemantau Anggaran Daerah (LPAD), "
     "Roy Salampessy, kepada wartawan.", "direct", "Roy Salampessy", "Anggaran itu"),
    ("“Bantuan tiba besok pagi,” kata Kepala Perwakilan Palang Merah Asia Timur, Jepang "
     "& Korea, Maria Santos.", "direct", "Maria Santos", "Bantuan tiba"),
    # an office named alone, by its short or its full form, is the person holding it
    ("Menteri Perdagangan Enggartiasto Lukita meninjau pasar. “Stok beras aman sampai "
     "Juli,” ujar Mendag.", "direct", "Enggartiasto Lukita", "Stok beras"),
    ("Menlu Retno Marsudi tiba di Vientiane. “Deklarasi itu sudah ditandatangani,” kata "
     "Menteri Luar Negeri dalam jumpa pers.", "direct", "Retno Marsudi", "Deklarasi itu"),
    ("Menteri Pemuda dan Olahraga Hendra Wiradinata membuka acara itu. “Atlet kita siap "
     "bertanding,” kata Menpora.", "direct", "Hendra Wiradinata", "Atlet kita"),
    # … and as the subject of the narrative sentence a "katanya" goes on with
    ("Menteri Agama Yusuf Hamdani memuji petugas haji. “Jemaah kita tertib,” kata Yusuf.\n\n"
     "Kepala Daerah Kerja Arsyad Hidayat mengimbau jemaah mewaspadai \"heat stroke\".\n\n"
     "Selain kepatuhan jemaah, Menag juga menyebut dedikasi petugas sebagai faktor penting."
     "\n\n“Mereka bekerja siang malam,” katanya.", "direct", "Yusuf Hamdani", "Mereka bekerja"),
    # the office's short form in brackets before the name is the holder's too
    ("Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan (Menko PMK) Ratna "
     "Kusumawati membuka acara itu. “SMK harus diprioritaskan,” tegas Menko PMK, Senin.",
     "direct", "Ratna Kusumawati", "SMK harus"),
    # "Name, Office of Body mengatakan": the office after the name describes the speaker,
    # even with the body's name in it and no comma before the verb
    ("Patrizia Lestari, Ketua Asosiasi Perhotelan Nasional Italia menyebut jumlah turis naik "
     "tahun ini.", "indirect", "Patrizia Lestari", "jumlah turis"),
    ("Ahmet Saydam, peneliti dari Universitas Hacettepe di Turki mengatakan warna laut "
     "berubah.", "indirect", "Ahmet Saydam", "warna laut"),
    ("Budi Santoso, Direktur Utama PT Maju Jaya mengatakan perusahaan itu untung.",
     "indirect", "Budi Santoso", "perusahaan itu"),
    # a description closed by its demonstrative, then a passive adjunct, points back
    ("“Aku sangat beruntung,” kata Selena Gomez.\n\n“Sejujurnya aku berpikir Francia yang "
     "pantas mendapat penghargaan ini,” tutur penyanyi 25 tahun itu disertai derai air mata.",
     "direct", "Selena Gomez", "Sejujurnya"),
    # "memastikan bahwa …" reports what the subject said
    ("Ketua panitia lomba Markus Iriawan memastikan bahwa rute pada ajang ini sangat baik.",
     "indirect", "Markus Iriawan", "rute pada"),
    # the names after "yakni" are a list's members, not the narrative subject a tag goes to
    ("“Rombongan korban sempat bermalam di Ranu Kumbolo,” tutur Antong Hartadi, kepala humas "
     "TNBTS.\n\nBerdasarkan laporan yang diterima pihak TNBTS, korban sempat mengeluhkan masuk "
     "angin. Kemudian keesokan harinya pada Jumat dini hari, tiga orang dari rombongan korban "
     "nekat naik ke puncak Gunung Semeru yakni Luki Prasetia, Okky Rahmawati, dan Dimas "
     "Regaeloni.\n\n“Korban sempat keluar dari tenda dan langsung muntah,” katanya.",
     "direct", "Antong Hartadi", "Korban sempat"),
    # a subject describing someone by the person it names ("istri dari X itu") points back
    # at the one spoken of, not at X
    ("“Sekolah kami akan menambah dua kelas baru,” ujar Rina Kusuma.\n\nNamun, soal biaya "
     "pembangunan, istri dari Bambang Sutrisno itu belum mau merinci.\n\n“Nanti kami umumkan "
     "setelah rapat yayasan selesai,” katanya.", "direct", "Rina Kusuma", "Nanti kami"),
    # a name after a comma that ends the sentence explains the noun before it: not the
    # subject a tag goes to …
    ("“Kami senang bisa kembali tampil,” kata Sinta Maharani.\n\nBanyak kenangan yang ia "
     "bawa pulang bersama sang suami, Doni Saputra.\n\n“Semua penonton di sana sangat "
     "ramah,” ujarnya.", "direct", "Sinta Maharani", "Semua penonton"),
    # … but an agent or a source is
    ("“Kami masih menunggu hasil laboratorium,” kata Rudi Santoso.\n\nPemeriksaan itu "
     "dibenarkan oleh Kepala Humas, Kemenkes, Dewi Lestari.\n\n“Hasilnya keluar pekan "
     "depan,” ujarnya.", "direct", "Dewi Lestari", "Hasilnya keluar"),
    # nor a name running into a subordinate clause with no verb of its own …
    ("“Film ini untuk ibu saya,” kata Andi Wijaya.\n\nTahun ini tepat sepuluh tahun "
     "setelah ibunya meninggal bersama sopirnya, Budi Hartono karena kecelakaan di jalan "
     "tol.\n\n“Saya selalu mengingat dia setiap hari,” ujarnya.",
     "direct", "Andi Wijaya", "Saya selalu"),
    # … unless its verb follows the aside
    ("“Ini kehormatan bagi saya,” kata Toni Hartono.\n\nSementara itu, vokalis Lentera, "
     "Ryan Pratama sebelum tampil ikut berbicara tentang lagu itu.\n\n“Lagu ini sangat "
     "spesial bagi kami semua,” ujarnya.", "direct", "Ryan Pratama", "Lagu ini"),
    # a clause with its own verb before "bersama" is the sentence's: the names after it
    # are its objects
    ("“Kami puas dengan musim ini,” kata Arif Budiman.\n\nKlub itu mendatangkan dua pemain "
     "bersama pelatih baru, Rudi Salim dan Joko Purnomo yang langsung berlatih.\n\n“Target "
     "kami musim depan adalah juara,” ujarnya.", "direct", "Arif Budiman", "Target kami"),
    # a verb with no subject before it ("Tak cuma enggan membuka …") and one after
    # "selesai" open the sentence: the name after the comma is its subject
    ("“Produk itu kami luncurkan bulan depan,” kata Sari Dewi kepada wartawan.\n\nTak cuma "
     "enggan membuka harga, Heru Santoso juga diam soal target penjualan. “Nanti saya "
     "jelaskan di pameran,” imbuh dia.", "direct", "Heru Santoso", "Nanti saya"),
    ("“Kami butuh tambahan pasukan,” kata Budi Hartono.\n\nSelesai menelepon Komandan Rudi "
     "Salim, Andi Wijaya kaget melihat dua tamu datang.\n\n“Kedatangan mereka sangat aneh "
     "bagi saya,” ujarnya.", "direct", "Andi Wijaya", "Kedatangan mereka"),
    # a connective and an adverb before the subject ("Tetapi lagi-lagi Aji …")
    ("“Kami masih mencari dua pemain asing,” kata Aji Pratama.\n\nDua nama yang beredar cocok "
     "dengan ciri yang diungkapkan oleh manajer klub, Rudi Salim. Tetapi lagi-lagi Aji masih "
     "bungkam soal hal tersebut. “Tunggu saja kedatangan mereka di sini,” tutupnya.",
     "direct", "Aji Pratama", "Tunggu saja"),
    # a paragraph that opens with "Dia" goes on with the subject of the one before, not
    # with the last speaker, whose tag that paragraph's quoted words do not carry
    ("Mantan Presiden Jimmy Carter berduka. “Dia pelayan publik agung,” tambahnya.\n\n"
     "Mantan Presiden Barack Obama memanggil Brzezinski “seorang pegawai negeri yang cakap dan "
     "intelek yang kuat.”\n\nDia menambahkan, “Pengaruhnya membentang beberapa dekade, dan "
     "saya salah satu Presiden yang diuntungkan.”", "direct", "Barack Obama", "Pengaruhnya"),
    # the sentence goes on past the closing mark, through a second quoted piece, to its tag
    ("“Dia ditahan di Turki sejak Oktober dan sudah menerima bantuan” dasar “dari pejabat "
     "konsuler,” kata Menteri Luar Negeri, Rina Kartika, seperti dilansir Guardian.",
     "direct", "Rina Kartika", "Dia ditahan"),
    ("“Ini menunjukkan tren positif. Lomba lari bertema” Wonderful Challenge “masuk kategori "
     "ultra,” ujar Hendra Santoso, ketua panitia.", "direct", "Hendra Santoso", "Ini menunjukkan"),
    # an office and its area named alone ("kata Kapolsek Cilandak.") is the officer the
    # article named with it; the area is not a name
    ("Kapolsek Cilandak AKP Budi Sartono memimpin penangkapan itu. “Kami masih mendalami "
     "motif mereka,” kata Kapolsek Cilandak.", "direct", "Budi Sartono", "Kami masih"),
    ("Kapolda Metro Jaya Irjen Fadil Santoso memimpin rapat. “Kami masih mendalami motif "
     "mereka,” kata Kapolda Metro Jaya.", "direct", "Fadil Santoso", "Kami masih"),
    ("Gubernur Jawa Barat Dedi Rukmana meninjau lokasi. “Kami kirim bantuan hari ini,” "
     "kata Gubernur Jawa Barat.", "direct", "Dedi Rukmana", "Kami kirim"),
    # … not the deputy whose role holds the office's words
    ("Wakil Gubernur Jawa Barat Uus Rukmana meninjau lokasi. “Kami kirim bantuan hari ini,” "
     "kata Gubernur Jawa Barat.", "direct", "Gubernur Jawa Barat", "Kami kirim"),
    # a lone word whose role names the holder ("Menurut Menlu Rina, Deklarasi …") holds no office
    ("Menlu Rina Kartika tiba di Vientiane. “Para kepala negara sudah menandatangani "
     "deklarasi itu,” kata Menteri Luar Negeri dalam jumpa pers. Menurut Menlu Rina, "
     "Deklarasi Satu ASEAN Satu Respons menjadi tonggak.", "direct", "Rina Kartika", "Para kepala"),
    # an ordinary word opening a sentence ("Kelompok ini") is not whoever's role holds it
    ("Polisi menangkap anggota kelompok Al - Mujahid di Bekasi.\n\n“Kelompok itu dipimpin "
     "Abu Fatir,” ujar Bayu.\n\nKelompok ini, kata Bayu, tidak ikut aksi sejak siang.\n\n"
     "“Dari pengakuan mereka, mereka berkumpul di masjid,” ucapnya.", "direct", "Bayu",
     "Dari pengakuan"),
    # a name, a comma and a lower-case description of that person before the verb
    ("Warga memburu pala bada. Leni, penyuka pala bada mengatakan makanan ini enak.\n\n"
     "“Ini makanan tradisional,” katanya.", "direct", "Leni", "Ini makanan"),
    # an abbreviated title with its dot ("Ny.") before a lone name
    ('"Memang ada aturan dari pemerintah pusat," kata Ny. Isah, warga Cilodong, Depok.',
     "direct", "Isah", "Memang ada"),
    # degrees after the name are not a speaker, nor is the dot inside one a sentence stop
    ("Spesialis kulit, dr Rina Sari, SpKK, M.Kes mengatakan kulit perlu dirawat. “Hindari "
     "sabun keras,” ujar dia.", "direct", "Rina Sari", "Hindari sabun"),
    ("Menurut Giovanni Bellini, MD, dari Universitas Milan, keju baik bagi jantung. “Dua "
     "senyawa ini menurunkan tekanan darah,” ujar dia.", "direct", "Giovanni Bellini",
     "Dua senyawa"),
    # a name written like a web address does not end the cue phrase at its dot
    ("Layanan itu berbayar. “Vendor akan tampil di daftar,” terang pendiri Nikah.id Hariawan "
     "Saputra kepada wartawan.", "direct", "Hariawan Saputra", "Vendor akan"),
    ("“Kami senang menyambut tim itu,” sambut CEO 99.co Darius Cheung.", "direct",
     "Darius Cheung", "Kami senang"),
    # a statement with its author's role and name after it is the author's
    ("“Pemain baru itu belum bisa tampil,” demikian pernyataan pelatih Persib, Robert "
     "Alberts.", "direct", "Robert Alberts", "Pemain baru"),
    # a name standing alone after the closing mark, the speech verb left out
    ("Banyak yang tertarik menjadi calon. “Intelektual muda dan tokoh masyarakat ikut "
     "mendaftar,” Ketua Bapilu Partai Maju, Sumardi Hasan.", "direct", "Sumardi Hasan",
     "Intelektual muda"),
    ("“Negosiasinya berjalan sangat jauh,” demikian Ricardo Kaka kepada FourFourTwo.",
     "direct", "Ricardo Kaka", "Negosiasinya berjalan"),
    # a passive verb after the name ends the name ("… Agus ditemui di …")
    ("“Kami menuntut harga gula naik,” kata salah seorang petani tebu asal Kudus, Agus "
     "Salim ditemui di sela persiapan.", "direct", "Agus Salim", "Kami menuntut"),
    # written words speak for whoever issued them
    ("“Serangan itu pukulan telak bagi kelompok tersebut,” bunyi pernyataan Jenderal "
     "Mark Milley.", "direct", "Mark Milley", "Serangan itu"),
    ("“Lagu ini bercerita tentang keberanian,” tulis pernyataan pihak Raisa yang diterima "
     "wartawan.", "direct", "Raisa", "Lagu ini"),
    ("Klub Arema FC mengumumkan kepergian pelatihnya pada Senin. “Kami berterima kasih atas "
     "dedikasinya selama ini,” tulis rilis klub.", "direct", "Klub Arema FC", "Kami berterima"),
    # a description of the kind of person, without a name, points back
    ('Stefan Hansen, pelatih Persija, memuji anak asuhnya. "Mereka bekerja keras '
     'sepanjang laga," tutur sang pelatih.', "direct", "Stefan Hansen", "Mereka bekerja"),
    ('Peneliti keamanan Dimas Arya menjelaskan celah itu. "Saya yakin pelakunya orang '
     'dalam," tambah pria yang bekerja sebagai konsultan itu.', "direct", "Dimas Arya",
     "Saya yakin"),
    ('Pengusaha Hendra Wijaya membuka pabrik baru. "Kami butuh dua ribu pekerja," '
     'imbuh pria terkaya di kota itu lagi.', "direct", "Hendra Wijaya", "Kami butuh"),
    # pronoun subject before the quote
    ('Antony Blinken berbicara di Washington. Dalam pidato itu, ia mengatakan '
     '"Rusia sedang putus asa mencari senjata."', "direct", "Antony Blinken", "Rusia sedang"),
    # nested quote: one direct quote, the inner one is not a quote of its own
    ("“Ini kesepakatan ‘win-win’ bagi keduanya,” kata Nam Sung-wook.",
     "direct", "Nam Sung-wook", "Ini kesepakatan ‘win-win’"),
    # partial: the clause's subject said it
    ('Antony Blinken mengatakan Rusia berusaha "dengan putus asa mencari senjata" dari Korut.',
     "partial", "Antony Blinken", "dengan putus asa"),
    ('Rusia mengirim "amunisi yang signifikan" ke Korea Utara, kata Shin Won-sik.',
     "partial", "Shin Won-sik", "amunisi yang"),
    # indirect, with cue words
    ("Juru bicara Pentagon mengatakan bahwa Rusia meminta bantuan kepada Korea Utara.",
     "indirect", "Pentagon", "Rusia meminta bantuan"),
    ("Menurut Kremlin, Putin akan berkunjung ke Vietnam pada Rabu.",
     "indirect", "Kremlin", "Putin akan berkunjung"),
    ("Teheran akan memasok rudal balistik bagi Moskow. Demikian ungkap Menteri Luar "
     "Negeri Inggris David Cameron saat berkunjung ke Kyiv.",
     "indirect", "David Cameron", "Teheran akan memasok"),
    ("Moskow dan Minsk membantah adanya pengiriman rudal itu.",
     "indirect", "Moskow", "adanya pengiriman"),
    ("Shoigu memeriksa rudal Kinzhal, senjata yang menurut Moskow mampu melesat sangat cepat.",
     "indirect", "Moskow", "mampu melesat"),
    # a speech tag between commas inside the sentence: the sentence is reported
    ("Alasan Setnov menghentikan kasus itu, kata Halim Pagarra, karena ia tidak keberatan.",
     "indirect", "Halim Pagarra", "Alasan Setnov"),
    # … and the tag may start with a role word before the name
    ("Bahaya yang nyata, kata psikolog Lisa Firestone, adalah kehilangan jati diri Anda.",
     "indirect", "Lisa Firestone", "Bahaya yang"),
    ('"Perempuan perlu memeriksa jantung secara rutin," saran Mohamad Firas Barbour.',
     "direct", "Mohamad Firas Barbour", "Perempuan perlu"),
    # "Menurut X" with no comma: the clause starts at the first lower-case word, or after
    # the comma that closes a place phrase behind the source
    ("Menurut Tjahjo Kumolo ambang batas pencalonan itu sudah sesuai dengan konstitusi.",
     "indirect", "Tjahjo Kumolo", "ambang batas"),
    ("Menurut National Health Service di Inggris, tubuh manusia membutuhkan cukup air.",
     "indirect", "National Health Service", "tubuh manusia"),
    # a title before the name, a name in apposition to a role, a description for a name
    ('"Ini penting," kata Dr. Shieva Ghofrany.', "direct", "Shieva Ghofrany", "Ini penting"),
    ('"Mediasi itu memastikan satu poin," ujar kuasa hukum Andika, Toto Ruhanto, Senin.',
     "direct", "Toto Ruhanto", "Mediasi itu"),
    ('"Dani Alves orang yang keliru," kata Diego Maradona.\n\n"Dia tidak sedang berada di '
     'lapangan," sambung figur yang begitu melegenda di klub Napoli ini.',
     "direct", "Diego Maradona", "Dia tidak sedang"),
    ('"Kami terima keputusan itu," kata Direktur Teknis Asosiasi Wasit Prancis (DTA) Pascal '
     "Garibian.", "direct", "Pascal Garibian", "Kami terima"),
    ('"Mereka boleh menerima tip," ucap Kasat Reskrim Polres Jakarta Utara, AKBP Nasriadi '
     "kepada wartawan.", "direct", "Nasriadi", "Mereka boleh"),
    # a long office title before the name, with a rank; ordinary words of an office
    ('"Stok beras aman sampai Lebaran," kata Kepala Seksi Distribusi dan Logistik Dinas '
     "Pangan Kota Padang, Rahmat Saputra, Selasa.", "direct", "Rahmat Saputra", "Stok beras"),
    ('"Jalur itu ditutup sementara," terang Kanit Turjawali Polres Kebumen, Ipda Wahyu '
     "Nugroho, Senin.", "direct", "Wahyu Nugroho", "Jalur itu"),
    ('"Kurikulum baru berlaku tahun depan," kata Menteri Pendidikan dan Kebudayaan Hendra '
     "Wiradinata di Jakarta.", "direct", "Hendra Wiradinata", "Kurikulum baru"),
    # the cue verb, then an adjunct, then the quote
    ('Ratna Kusuma berkicau di Twitter, "Terima kasih untuk semua doa kalian."',
     "direct", "Ratna Kusuma", "Terima kasih"),
    ('Dodi Harjono melanjutkan, "Kami tidak akan mundur."', "direct", "Dodi Harjono", "Kami tidak"),
    # a name the entities stage may miss, closing an office title
    ('"Anggaran sudah cair," kata Sekretaris Daerah (Sekda) Kabupaten Sleman Harda Kiswaya '
     "di Sleman.", "direct", "Harda Kiswaya", "Anggaran sudah"),
    ('"Mobil ini untuk pasar muda," kata Head of Brand Development PT Sinar Otomotif '
     "Harold Wibisono saat ditemui di Bogor.", "direct", "Harold Wibisono", "Mobil ini"),
    # "katanya" after a narrative paragraph about someone new: that person speaks
    ('"Koleksi saya bernuansa tenun Sumba," ujar desainer Sekar Wulandari.\n\n'
     "Berbeda dengan Sekar, Bima Prasetya akan menampilkan motif khas Toraja.\n\n"
     '"Warnanya merah dan hitam," tambah dia.', "direct", "Bima Prasetya", "Warnanya merah"),
    # ... but a quote in the same paragraph goes on with the last speaker
    ('"Kami siap," kata pelatih Rahmad Darmawan. "Semua pemain sehat," katanya.',
     "direct", "Rahmad Darmawan", "Semua pemain"),
    # a quote right after the dateline; a post that starts with a tag or handle
    ('Kabarindo.com - "Pasar ini harus direnovasi," kata Wali Kota Andi Saputra di Makassar.',
     "direct", "Andi Saputra", "Pasar ini"),
    ('"#liburan Akhirnya sampai juga di Labuan Bajo," tulis aktris Citra Kirana di Instagram.',
     "direct", "Citra Kirana", "#liburan"),
    # a description with a quoted title, closed by its demonstrative before "kala"
    ("Penyanyi Bagas Siregar kini gemar menyelam.\n\n"
     '"Saya cuma ingin melihat ikan teri," tutur pelantun ‘Senja Merah’ ini kala ditemui di '
     "Jakarta.", "direct", "Bagas Siregar", "Saya cuma"),
    # a social-media account speaks by its handle
    ('"@TelkomCare kapan normal lagi? Semua kanal hilang," kata akun @budi_sopandi.',
     "direct", "@budi_sopandi", "@TelkomCare"),
    ('"Laptop boleh dibawa ke kabin," tulis @djpu151 di Twitter.', "direct", "@djpu151", "Laptop"),
    # an acronym of the office in brackets is not the holder; the holder's name closes the title
    ('"Dua orang sudah diperiksa," kata Kepala Bagian Penerangan Umum (Kabag Penum) Polri, '
     "Kombes Budi Hartono saat dikonfirmasi.", "direct", "Budi Hartono", "Dua orang"),
    ('"Jalur pendakian kami tutup," kata Kepala Subbagian Humas Balai Taman Nasional Gunung '
     "Rinjani (TNGR) Sudiyono Wibowo di Mataram.", "direct", "Sudiyono Wibowo", "Jalur pendakian"),
    # an office title before the subject of a reporting verb; a name particle is no office
    ("Ketua Komisi Hukum dan Perundangan MUI Fahmi Rasyid menyatakan aksi itu merugikan.\n\n"
     '"Semua pihak harus menahan diri."', "direct", "Fahmi Rasyid", "Semua pihak"),
    ('CEO Niaga Digital Indonesia Pieter van Dijk menyebutkan, "Kami akan tetap merekrut."',
     "direct", "Pieter van Dijk", "Kami akan"),
    # the first quote of an article, "tulisnya" after a paragraph about the writer
    ("Penyanyi Rina Kartika baru saja melahirkan anak pertama bersama kekasihnya, Dodi.\n\n"
     "Kartika dengan bangga membagi foto bayinya di Instagram. Ia mengaku sangat bahagia.\n\n"
     '"Terima kasih untuk semua doa kalian," tulisnya.', "direct", "Rina Kartika", "Terima kasih"),
    # someone close to a named person is an unnamed source, not that person
    ('"Dia belum akan merilis album tahun ini," kata sumber dekat Raisa Andriana.',
     "direct", "sumber dekat Raisa Andriana", "Dia belum"),
    ("Penyanyi Raisa Andriana menunda turnya.\n\n"
     '"Dia butuh istirahat," kata orang yang mengaku dekat dengan penyanyi itu.',
     "direct", "orang yang mengaku dekat dengan penyanyi itu", "Dia butuh"),
    # an opening mark detached from its word still opens a sentence of its own
    ("Polisi menyita dua truk. “ Kami masih mendalami asal barang itu, ” kata Bayu Prakoso.",
     "direct", "Bayu Prakoso", "Kami masih"),
    # "ujar dirinya" is a pronoun, not a name
    ('Gelandang Joni Saputra mencetak gol kedua.\n\n"Kami bermain dengan hati," ujar dirinya.',
     "direct", "Joni Saputra", "Kami bermain"),
    # a place inside a description is not the speaker
    ("Penyanyi Maya Anggraini kerap dikritik warganet. Namun sang penyanyi yang kini tinggal di "
     'Perancis itu pernah berkata bahwa ia tak terganggu.\n\n"Biarkan saja," tuturnya.',
     "direct", "Maya Anggraini", "Biarkan saja"),
    # someone spoken of by name inside the quote is not the one speaking
    ("Presiden Joko Widodo bersyukur atas kepulangan penyidik KPK Novel Baswedan.\n\n"
     "Novel dirawat di Singapura selama sepuluh bulan.\n\n"
     '"Alhamdulillah, Pak Novel sudah sembuh dan kembali," tuturnya di Istana Negara.',
     "direct", "Joko Widodo", "Alhamdulillah"),
    ("Ketua DPD Partai Demokrat Jawa Tengah, Rinto Subekti, juga mengakui sedang menyiapkan "
     'poros baru.\n\n"Kami terus berkomunikasi," ujarnya.',
     "direct", "Rinto Subekti", "Kami terus"),
    ("Sementara Fauzi menjelaskan, insan pers profesional akan melahirkan karya yang baik.",
     "indirect", "Fauzi", "insan pers"),
    # passive cues, relay agencies as speakers, unnamed speakers
    ("Tuduhan itu dibantah oleh Moskow maupun Pyongyang.", "indirect", "Moskow", "Tuduhan itu"),
    ("Kim Jong Un menuju Rusia dengan kereta pribadinya, menurut kantor berita resmi "
     "Pyongyang, KCNA, pada Selasa.", "indirect", "KCNA", "Kim Jong Un menuju"),
    ("Kim Jong Un mengunjungi pameran senjata di Pyongyang, demikian dilaporkan kantor berita "
     "resmi KCNA pada Kamis.", "indirect", "KCNA", "Kim Jong Un mengunjungi"),
    ("Kantor berita resmi KCNA melaporkan pada Rabu bahwa Kim Jong Un menyaksikan peluncuran.",
     "indirect", "KCNA", "Kim Jong Un menyaksikan"),
    ("Dalam laporan terbarunya, panel menyatakan sedang menyelidiki 58 serangan siber.",
     "indirect", "panel", "sedang menyelidiki"),
    ("Para analis mengatakan eratnya hubungan kedua negara menandakan Rusia terisolasi.",
     "indirect", "Para analis", "eratnya hubungan"),
    # a capitalised "Kepada"/"Dan" inside a title-case office or name does not end it
    ("“Limbah ternak bisa menjadi sumber energi,” kata Wakil Dekan Bidang Pengabdian Kepada "
     "Masyarakat, Rahmat Hidayat, dalam siaran persnya.", "direct", "Rahmat Hidayat",
     "Limbah ternak"),
    # documents: named with no verb, issued by someone named after, or by the body before
    ("Libur tambahan itu diumumkan pekan lalu.\n\n“Cuti bersama ditambah satu hari pada "
     "Juni,” demikian keterangan Kemenpan-RB.", "direct",
     "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "Cuti bersama"),
    ("“Kami tidak lagi melanjutkan proyek itu,” demikian pernyataan resmi yang dikeluarkan "
     "perwakilan Netflix, seperti dikutip Variety.", "direct", "Netflix", "Kami tidak"),
    ("Kabar itu diumumkan oleh agensi mereka, PT Bintang Nada Sejahtera.\n\n“Kami berterima "
     "kasih atas dukungan para penggemar,” tulis pernyataan tersebut.", "direct",
     "PT Bintang Nada Sejahtera", "Kami berterima"),
    # someone related to a person, then named: the one named speaks; a dateline is no subject
    ("Jakarta, Kabar Kota -- Adik dan juga kuasa hukum Budi Santoso, Rina Santoso, mengatakan "
     "kakaknya tetap pada keputusannya.\n\n“Tidak ada niat mencabut gugatan,” ucap dia.",
     "indirect", "Rina Santoso", "kakaknya tetap"),
    ("Jakarta, Kabar Kota -- Adik dan juga kuasa hukum Budi Santoso, Rina Santoso, mengatakan "
     "kakaknya tetap pada keputusannya.\n\n“Tidak ada niat mencabut gugatan,” ucap dia.",
     "direct", "Rina Santoso", "Tidak ada"),
    # a longer role phrase, then the person after a comma
    ("“Kami senang bermitra dengan bank daerah,” ujar CEO dan pendiri Grab, Ardi Wiranata, "
     "dalam siaran pers.", "direct", "Ardi Wiranata", "Kami senang"),
    ("“Terdakwa terbukti menyuap pejabat,” kata jaksa penuntut umum pada KPK, Rini Hapsari, "
     "saat membacakan tuntutan.", "direct", "Rini Hapsari", "Terdakwa terbukti"),
    ("“Balapan akhir pekan ini penting bagi kami,” tukas petinggi Michelin yang bertanggung "
     "jawab atas ban balap, Louis Garnier.", "direct", "Louis Garnier", "Balapan akhir"),
    # an organisation's sentence ending in its speech verb, then its words
    ("Produk baru itu dirilis pekan lalu. Dalam pernyataannya, Facebook mengatakan.\n\n"
     "“Kami ingin orang lebih mudah menemukan berita dari banyak sumber.”",
     "direct", "Facebook", "Kami ingin"),
    # a spoken "-nya" tag after a body's or a place's statement is the person last quoted
    ("Kepala Dinas Pariwisata Sulawesi Tengah Rina Kartika mengatakan jumlah wisatawan naik. "
     "“Hotel sudah penuh sejak Jumat,” kata Rina.\n\nPemerintah Provinsi Sulawesi Tengah "
     "memperkirakan kunjungan wisatawan naik 20 persen tahun ini.\n\n“Kami sudah menyiapkan "
     "tambahan kapal dan bus,” ujarnya.", "direct", "Rina Kartika", "Kami sudah"),
    # … but "tulisnya" may be the body's own written words
    ("Penyanyi Dewi Larasati mengatakan ia siap tampil. “Saya sudah berlatih dua bulan,” kata "
     "Dewi.\n\nPromotor konser itu, PT Gema Suara Nusantara, mengumumkan jadwal tur di Asia."
     "\n\n“Jadwal lengkap tur sudah kami umumkan hari ini,” tulisnya di akun Instagram resmi.",
     "direct", "PT Gema Suara Nusantara", "Jadwal lengkap"),
    # a statement named right after the closing mark, with its author's role and name
    ("Penyanyi Rina Amelia meninggal dunia pada Rabu malam di Surabaya.\n\n“Keluarga meminta "
     "semua pihak menghormati privasi mereka.” pernyataan perwakilan Rina, Dodi Kurniawan.",
     "direct", "Dodi Kurniawan", "Keluarga meminta"),
    # an account's post: the handle speaks, not the last body named
    ("Bank Sentosa menutup layanannya sehari.\n\n“Semoga layanan segera pulih, kami semua "
     "menunggu,” begitu cuitan pemilik akun @dewi_lestari88.",
     "direct", "@dewi_lestari88", "Semoga layanan"),
    # what a caption or a post says, after a content word: the clause's subject's words
    ("“Saya senang sekali bisa bermain di film ini,” kata aktris Maya Sari.\n\nIa lalu "
     "memamerkan foto barunya bersama para pemain lain dengan keterangan, “Akhirnya mimpi saya "
     "terwujud tahun ini.”", "direct", "Maya Sari", "Akhirnya mimpi"),
    # "seperti dikatakan X," before the quote names its speaker, as "menurut X," does
    ("Harga cabai naik lagi pekan ini.\n\nSeperti dikatakan Menteri Perdagangan Sri Wahyuni, "
     "“Kita harus menjaga pasokan sampai akhir tahun.”", "direct", "Sri Wahyuni", "Kita harus"),
    ("Kabar itu datang dari keluarga penyanyi Rudi Hartono.\n\nSebagaimana disampaikan oleh "
     "Adi Hartono saat mengumumkan kabar duka itu, “Kami baru saja memakamkan ayah kami di "
     "Bandung.”", "direct", "Adi Hartono", "Kami baru"),
    ("Menurut Kapolres Bogor AKBP Andi Wijaya, “Pelaku sudah kami tangkap tadi malam.”",
     "direct", "Andi Wijaya", "Pelaku sudah"),
    # "demikian X memberikan keterangan …" after the quote
    ("“Kami belum bisa merekrut pemain baru sebelum Juni,” demikian Andi Saputra memberikan "
     "keterangan singkat soal bursa transfer.", "direct", "Andi Saputra", "Kami belum"),
    # "X saat ditemui di Y, Sabtu, mengatakan": the meeting is X's adjunct, X speaks
    ("Kapolres Bogor AKBP Andi Wijaya saat ditemui di Pos Polisi Gadog, Sabtu, mengatakan "
     "jalur Puncak ditutup malam ini.\n\n“Bus sudah kami siagakan di Gadog,” katanya.",
     "direct", "Andi Wijaya", "Bus sudah"),
    # the town that ends an appositive address does not speak
    ("Psikolog Ayu Lestari, dari RS Harapan Kita, Bandung mengatakan banyak orang salah paham "
     "soal kecemasan.\n\n“Kecemasan itu bisa diobati,” ujarnya.",
     "direct", "Ayu Lestari", "Kecemasan itu"),
    # where it was quoted from ends the name
    ("“Kami masih harus banyak berlatih,” kata Dimas Pratama dikutip Badminton Indonesia, "
     "hari ini.", "direct", "Dimas Pratama", "Kami masih"),
    # scare quotes, titles and names of operations: no speaker
    ('Kim Jong Un menyerukan penghapusan konsep "reunifikasi damai" dari konstitusi.',
     "scare", None, "reunifikasi damai"),
    ('Rusia melanjutkan apa yang disebutnya "operasi militer khusus" di Ukraina.',
     "scare", None, "operasi militer khusus"),
    ('Film "Sang Pemimpi" diputar ulang di Jakarta pekan ini.', "scare", None, "Sang Pemimpi"),
    # … even when the sentence ends with a speech tag: the title is the subject, not said
    ('"The Angry Birds Movie 2" akan diproduksi bersama Columbia Pictures, kata Rovio.',
     "scare", None, "The Angry Birds"),
    # a title in title case inside a reported sentence, English small words and all
    ("Perusahaan itu mengatakan film barunya diangkat dari serial “The Quiet Adventures of "
     "Lulu” yang tayang pada 2010.", "scare", None, "The Quiet Adventures"),
    ("Bank itu menyebut layanannya bisa diakses lewat aplikasi “Tabungan Kita - Powered by "
     "Dana”.", "scare", None, "Tabungan Kita"),
    ('Para analis menilai program antariksa "sipil" itu berisiko.', "scare", None, "sipil"),
    ('Bagi sebagian pengamat, "barter" itu mengubah peta keamanan.', "scare", None, "barter"),
    ('Ia masuk nominasi untuk film seperti "The French Connection," "Tootsie" dan "Network", '
     "menurut kantor berita Reuters.", "scare", None, "Tootsie"),
    ('Ia masuk nominasi untuk film seperti "The French Connection," "Tootsie" dan "Network", '
     "menurut kantor berita Reuters.", "scare", None, "Network"),
    # the person after a band or a film and a comma, past "sang vokalis" or a relative
    ("“Kami mengagumi kerja relawan di kota ini,” kata punggawa Senandika, sang vokalis "
     "Raka Pratama.", "direct", "Raka Pratama", "Kami mengagumi"),
    ("“Syutingnya melelahkan tapi menyenangkan,” kata lawan main Rudi Hartono, Dewi Anggraini "
     "yang berkomentar soal sutradaranya.", "direct", "Dewi Anggraini", "Syutingnya"),
    # a demonstrative after the comma belongs to the aside, not to the speaker
    ("“Adegan itu yang paling diingat penonton,” ujar juru bicara Cinemaxa, selaku "
     "penyelenggara jajak pendapat tersebut.", "direct", "Cinemaxa", "Adegan itu"),
    # quoted words that close with a comma and a speech tag are the tag's, even after
    # a naming word ("sebagai") and with a relative clause on the speaker
    ('Banyak korban mengingat sekolah itu sebagai "masa-masa terburuk dalam hidup mereka, '
     'penuh ketakutan," kata pengacara Rudolf Brenner yang menyelidiki kasus itu.',
     "partial", "Rudolf Brenner", "masa-masa terburuk"),
    # a body's acronym typed as a person does not stop the office reaching its holder
    ("“Satu hal yang ingin saya tekankan adalah peran generasi muda,” ujar Pendiri LSPI "
     "yang juga mantan Duta Besar Arif Santosa dalam acara itu.",
     "direct", "Arif Santosa", "Satu hal"),
    # nor does a body after "dari" in a role phrase before the comma and the name
    ("“Denda itu saja sudah membatasi pilihan strategis mereka,” kata analis media digital "
     "dan periklanan dari Enders Analysis, Matti Littunen di London.",
     "direct", "Matti Littunen", "Denda itu"),
    # an attaché is an office, not a person's name ("Atase Pers")
    ("“Tahun ini tahun keenam dukungan kami,” kata Sekretaris Atase Pers dan Kebudayaan "
     "Kedutaan Jerman di Indonesia, Alexander Thielitz.", "direct", "Alexander Thielitz",
     "Tahun ini"),
    # the common misspelling of "sekretaris" is an office as well
    ("“Kejadian ini dilakukan oleh ODGJ,” kata Sekertaris Ahmad Khusoy.", "direct",
     "Ahmad Khusoy", "Kejadian ini"),
    # English company offices are offices too ("Chief Executive Officer")
    ('"Kami senang dengan kesepakatan ini," kata Chief Executive Officer PTFI Richard C. '
     "Adkerson.", "direct", "Richard C. Adkerson", "Kami senang"),
    # a "-nya" tag after narrative in its own paragraph goes to that narrative's subject,
    # though the paragraph before quoted someone else
    ("Pelatih Persiba, Timo Hartmann, mengaku puas dengan seleksi pemain. Bek Andi Rahman "
     "juga hadir di sesi latihan.\n\n“Saya belum tahu apakah akan bertahan di sini musim "
     "depan,” ujar Andi Rahman.\n\nDi sisi lain, Timo pun berharap manajemen segera "
     "mengontrak para pemain yang lolos seleksi. “Semoga semua pemain diikat kontrak "
     "secepatnya,” pungkasnya.", "direct", "Timo Hartmann", "Semoga"),
    # a cue-less quote four paragraphs after the last tag: "Menurut Alexander …" right
    # before it names him, and that he spoke before does not count against him
    ("Kedutaan Jerman melanjutkan dukungan bagi konservasi Candi Borobudur, kata Atase "
     "Kebudayaan Jerman, Alexander Thielitz.\n\n“Tahun ini tahun keenam kami mendukung "
     "konservasi,” katanya di Magelang.\n\nPara ahli dari Cologne melakukan pemantauan "
     "kelembaban di beberapa titik candi.\n\nMereka juga menguji sistem mortar yang baru "
     "di sisi utara.\n\nPekerjaan itu berlangsung selama dua pekan pada bulan lalu.\n\n"
     "Menurut Alexander dana kemitraan itu mencapai 600 ribu euro sejak 2011.\n\n“Dana "
     "tersebut diberikan melalui UNESCO Paris lalu diteruskan ke kantor di Jakarta.”",
     "direct", "Alexander Thielitz", "Dana tersebut"),
    # "Hal senada diungkapkan X": the sentence reports X's words, so X is its subject and
    # the "-nya" tag after it is X's, not the last speaker's
    ("“Tiket habis dalam dua jam,” kata Rendi Saputra, warga Cibinong.\n\nHal senada "
     "diungkapkan Deny Permana, warga Ciawi. Ia mengaku kecewa karena tiket terbatas. "
     "“Seharusnya tiket di sini lebih banyak,” ungkapnya.", "direct", "Deny Permana",
     "Seharusnya"),
    # speech tags found after closing marks across IndoSum: "ketus", "puji", …
    ("“Jangan mengada-ada, ini namanya sudah mengalihkan isu,” ketus Darmin Nasution.",
     "direct", "Darmin Nasution", "Jangan"),
    ("“Istri idaman, jago masak dan juga cantik,” puji akun @rio_w.", "direct", "@rio_w",
     "Istri idaman"),
    # … but "puji Tuhan" praises God: God does not speak here
    ("Kapal itu tenggelam di Selat Sunda. “Kami semua selamat dari maut,” puji Tuhan yang "
     "diucapkan Rina Wati sambil menangis.", "scare", None, "Kami semua"),
    # a connective opening the narrative sentence ("Karena itulah", "Sementara itu" with no
    # comma) does not hide its subject from a "-nya" tag after it
    ("Donald Trump ingin menang. “Saya ingin Piala Emmy,” kata Donald Trump.\n\nKarena itulah "
     "John Oliver menawarkan pialanya. “Mari bertaruh pada pemilihan ini,” tuturnya.", "direct",
     "John Oliver", "Mari bertaruh"),
    ("“Bus ini gratis bagi warga,” kata Kapolres Bogor AKBP Dicky Hartono.\n\nSementara itu "
     "Kepala Korlantas Polri Brigjen Royke Lumowa mengimbau masyarakat berangkat lebih awal."
     "\n\n“Tidak semua bisa kita layani,” katanya.", "direct", "Royke Lumowa", "Tidak semua"),
    # a description closed by its demonstrative goes on past commas with places, a date
    # or a name, and still points back ...
    ("Presenter Nadine Chandrawinata ikut kampanye itu. “Hutan ini sangat cantik dan unik,” "
     "terang presenter kelahiran Hannover, Jerman, 8 Mei 1984 ini.", "direct",
     "Nadine Chandrawinata", "Hutan ini"),
    ("Salahuddin Wahid menilai ada yang mencoba merenggangkan bangsa. “Saya khawatir bangsa "
     "kita pecah,” kata putra dari pendiri Nahdlatul Ulama, KH Hasyim Asy’ari ini.", "direct",
     "Salahuddin Wahid", "Saya khawatir"),
    # ... but "Senin malam ini" after the comma is when, not who
    ("Kapolres Bogor AKBP Dicky Hartono meninjau lokasi. “Jalur ditutup malam ini,” kata juru "
     "bicara Polres Bogor, Senin malam ini.", "direct", "Polres Bogor", "Jalur ditutup"),
    # "di mana" after a comma opens a clause with a subject of its own (see the model table
    # for "X, dengan mengatakan …")
    ("Hillary Clinton menyinggung soal Emmy Awards, di mana Donald Trump mengklaim bahwa "
     "acaranya seharusnya menang.", "indirect", "Donald Trump", "acaranya"),
    # an account named after "akun" without its "@" speaks; an ordinary word there does not
    ("“Selamat datang di Bali,” kata akun rizkiarraya.", "direct", "rizkiarraya", "Selamat"),
    ("“Anda mengunjungi negara saya,” kata akun rafly_rahman.h dengan bahasa Inggris.",
     "direct", "rafly_rahman.h", "Anda mengunjungi"),
    # "Wadirut" (wakil direktur utama) is an office, not a name
    ("“Pendapatan berbasis komisi ini naik 26,2 persen,” kata Wadirut Bank Mandiri, Wayan Agus "
     "Mertayasa di Jakarta, Senin.", "direct", "Wayan Agus Mertayasa", "Pendapatan"),
    # a consul is an office, not a person's name
    ("“Sidang imigrasi itu sudah selesai,” ujar Konsul Jenderal RI di Houston, Bambang "
     "Sutrisno, dalam surat tertulis.", "direct", "Bambang Sutrisno", "Sidang imigrasi"),
]  # fmt: skip


NOT_QUOTES = [
    "Roket yang dikatakan oleh Jepang dapat menjangkau Guam diluncurkan pada Selasa pagi.",
    # "memastikan" reports only with "bahwa": here the goals secured the win
    "Dua gol Ronaldo memastikan kemenangan Juventus atas Monaco di Turin.",
    "Presiden Rusia itu sudah berjanji akan datang ke Pyongyang tahun depan.",
    "Kim Jong Un menyebut Seoul sebagai musuh utama negaranya.",
    "Sesudah bertemu, kedua kepala negara dijadwalkan berbicara kepada pers.",
    "Ia membaca Qur’an di masjid itu setiap pagi.",
    # "sebut saja" (say, for example) between commas is not a speech tag
    "Beberapa acara pernah dipandunya, sebut saja acara Go Show, Game Zone, dan Pernik.",
    # a cue word used as a noun between commas ("pesan" = message) names no speaker
    "Nantinya, pengguna Android bisa mencari informasi mulai dari nomor dan nama kontak, pesan "
    "di SMS dan email, daftar lagu yang tersimpan, hingga catatan via Google Search.",
    "Pengguna bisa mencari nomor kontak, pesan di SMS dan email, daftar lagu, hingga catatan.",
    "Tercatat, nilai ekspor Indonesia pada Februari mencapai 12,57 miliar dolar AS, atau turun "
    "6,17 persen dibanding Januari.",
    # a speech verb in a relative clause of its own ("wanita yang mengungkapkan") is no cue
    "Rosanna Arquette merupakan satu dari puluhan wanita yang mengungkapkan kisah buruk di "
    "industri film.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_no_quote(text: str) -> None:
    assert quotes_of(text) == ()


@pytest.mark.parametrize("text,kind,speaker,start", CASES)
def test_speaker_and_kind(text: str, kind: str, speaker: str | None, start: str) -> None:
    found = [q for q in quotes_of(text) if q.kind == kind and q.text.startswith(start)]
    assert len(found) == 1, quotes_of(text)
    assert found[0].speaker_name == speaker
    if speaker is None:
        assert found[0].speaker is None


_RAKA = (
    "Penyanyi Raka Pratama mengenang sahabatnya. “Dia orang yang sangat baik,” ujar Raka Pratama."
)

# Speakers with the shipped model typing the names, where the rule depends on its types:
# (text, quote start, speaker)
MODEL_SPEAKERS = [
    # "bintang" describing the one spoken of (a film named, no person)
    ("Adjie Pangestu menikahi gadis 22 tahun.\n\n“Orangnya sederhana dan menerima saya apa "
     "adanya,” kata bintang ' 7 Manusia Harimau '.", "Orangnya sederhana", "Adjie Pangestu"),
    # an office closed by its demonstrative points back at the one spoken of, not its body
    ("Zulkifli Hasan menolak rencana pembangunan gedung baru DPR.\n\n“Nanti lagi saja. Kita "
     "tegas menolak,” terang Ketua MPR RI tersebut.", "Nanti lagi", "Zulkifli Hasan"),
    # an account after the closing mark that the sentence goes on about (tagged in the
    # post) is not who speaks
    ("Bambang Pamungkas mengunggah foto tim. \"Terima kasih untuk dukungan kalian semua\" "
     "@persija_jkt ditandai dalam unggahan itu, tulis Bambang.", "Terima kasih",
     "Bambang Pamungkas"),
    # "pernyataan perwakilan Cornell, Brian Bumberry": the role leads past the person
    # it names to the representative, not back to the statement's subject
    ("Berita kematian Chris Cornell mengagetkan para musisi dunia.\n\n“Kematian itu "
     "mendadak dan tak terduga,” pernyataan perwakilan Cornell, Brian Bumberry.",
     "Kematian", "Brian Bumberry"),
    # "kata sosok yang karib disapa BTM": no demonstrative points back; the
    # nickname's owner speaks, not the last person named (Yoo Jae Hoon)
    ("Ketua umum Persipura Benhur Tommy Mano menerima pamitan Yoo Jae Hoon.\n\n"
     "“Benar, ada pertemuan dengan Yoo Jae Hoon. Dia pamitan dengan saya,” kata sosok "
     "yang karib disapa BTM dikutip dari laman Liga 1.", "Benar", "Benhur Tommy Mano"),
    # "… bertanya, ‘Irfan sakit?’": his parents' words name him; he still speaks
    ("Presenter Irfan Hakim tetap bekerja bersama pelawak Ramzi selama Ramadan. “Saya "
     "sering siaran langsung,” kata Irfan Hakim.\n\n“Kalau saya tidak pulang, orang tua "
     "saya menelepon dan bertanya, ‘Irfan sakit?’,” ujarnya.", "Kalau", "Irfan Hakim"),
    # Who a "-nya" tag or a description goes to after a narrative paragraph whose
    # subject is a one-word name
    # the model types a group as a person; nothing in the article says it is one
    (_RAKA + "\n\nSejak bulan lalu Saracen kemudian menyebarkan ujaran kebencian di media "
     "sosial.\n\n“Saya masih menangis setiap mendengar lagu itu,” tulisnya.",
     "Saya masih", "Raka Pratama"),
    (_RAKA + "\n\nSejak bulan lalu Kalamata kemudian menyebarkan ujaran kebencian di media "
     "sosial.\n\n“Saya masih menangis setiap mendengar lagu itu,” tulisnya.",
     "Saya masih", "Raka Pratama"),
    # "koreografer … ini" points back at the person, not at the group the model typed so
    ("Koreografer James Hartley membawa karya Shakespeare ke panggung. “Tari bisa bercerita"
     " tanpa kata,” ujar James Hartley.\n\nDengan latar kota modern, Saracen yang penuh rasa"
     " ingin tahu memulai perjalanan untuk menemukan jati dirinya.\n\n“Dalam beberapa tahun"
     " terakhir, saya menemukan bahwa karya tari saya semakin personal,” ujar koreografer"
     " asal Inggris ini saat ditemui di Jakarta.", "Dalam beberapa", "James Hartley"),
    # a list after a clause's own verb holds objects, not the paragraph's subject
    ("Pelatih Rahmad Darmawan memimpin latihan pagi. “Kami butuh tambahan pemain,” kata "
     "Rahmad Darmawan.\n\nTim itu baru mendapatkan dua pemain, Andi Saputra dari Persib dan "
     "Budi Hartono dari Persija.\n\n“Kami masih mencari bek tengah,” katanya.",
     "Kami masih", "Rahmad Darmawan"),
    # … but an opening adverbial's verb is not the sentence's: the name after it is
    ("Pelatih Arsene Wenger memuji mantan anak asuhnya. “Dia pemain hebat,” kata Arsene "
     "Wenger.\n\nMeski menikmati masa indah di Arsenal, Ashley Cole mengaku tak menyesal "
     "pindah.\n\n“Saya punya momen indah di sana,” katanya.", "Saya punya", "Ashley Cole"),
    # "Tarzan mengaku …": the model tags his name elsewhere, not in this sentence; the
    # entities stage makes it his mention, so the sentence's subject is found
    ("Dunia hiburan kembali berduka. Pelawak Eko Sarjono meninggal dunia karena sakit. "
     "Kabar itu dibenarkan oleh rekan sesama pelawak, Tarzan.\n\n\"Betul, saya dapat kabar "
     "dari anaknya,\" kata Tarzan saat dihubungi, Senin malam.\n\nTarzan menyebut Eko "
     "meninggal sekitar pukul 23.00 WIB. Menurut dia, jenazah sudah berada di rumah duka.\n\n"
     "Eko disebut punya riwayat sakit ginjal. Tarzan mengaku belum lama ini sempat menjenguk "
     "Eko. \"Sudah cuci darah beberapa bulan,\" kata dia.", "Sudah cuci", "Tarzan"),
    # "Di Twitter ia menulis, …": the name after the preposition is its object; "ia" speaks
    ("Chris Martin dikenal sebagai komedian. Di Twitter ia menulis, “Bukan anggota Coldplay. "
     "Tapi saat ini sedang terkenal di India.”", "Bukan anggota", "Chris Martin"),
    # a one-word name with a role word before it is a person and takes the tag
    (_RAKA + "\n\nSejak bulan lalu pelatih Zoltan kemudian menyiapkan tim untuk laga "
     "tersebut.\n\n“Kami harus menang di kandang sendiri,” tuturnya.",
     "Kami harus", "Zoltan"),
    # "Dia mengungkapkan" after "Sang rapper, Minho, …": a subject "dia" says the one-word
    # name it points back to is a person's, though nothing else in the article does
    ("“Konser ini luar biasa,” kata Taemin Lee kepada wartawan.\n\nSang rapper, Minho, "
     "juga mengiyakan ucapan rekannya. Dia mengungkapkan bahwa penonton Jakarta sangat "
     "hangat.\n\n“Kami pasti kembali tahun depan,” tuturnya.", "Kami pasti", "Minho"),
    # "X, dengan mengatakan …": the adverbial after the comma is not the subject, X is
    ("Dalam wawancara dengan majalah itu, Kevin Spacey membela diri di depan wartawan, dengan "
     "mengatakan laporan tersebut merupakan rekayasa.", "laporan tersebut", "Kevin Spacey"),
    # "Pria yang …" is the man named before, whatever the relative clause names
    ("Jorge Lorenzo tak mempermasalahkan posisi start. Pria yang tahun lalu mengalahkan "
     "Valentino Rossi di Losail mengatakan, “Saat start itu sangat bagus, saya memulihkan "
     "posisi.”", "Saat start", "Jorge Lorenzo"),
    # "Dia menambahkan" after a quote paragraph: the names inside the quoted words are
    # not the narrative's subject; the one quoted is
    ("“Kami prihatin. Kemarin Budi Santoso datang melapor ke kantor kami,” ujar Kombes "
     "Argo Yuwono.\n\nDia menambahkan, perampok umumnya mengincar nasabah bank.",
     "perampok", "Argo Yuwono"),
]  # fmt: skip


@pytest.mark.parametrize("text,start,speaker", MODEL_SPEAKERS)
def test_speaker_with_the_model(text: str, start: str, speaker: str) -> None:
    [q] = [q for q in with_model(text) if q.text.startswith(start)]
    assert q.speaker_name == speaker, q


def test_menurut_a_description_points_back_at_the_speaker() -> None:
    # "Menurut ibunda artis Atiqah Hasiholan tersebut": Ratna, not her daughter
    text = (
        "Ratna Sarumpaet menggugat KPK. “Saya menunggu kepastian,” tutur Ratna kepada awak "
        "media.\n\nMenurut ibunda artis Atiqah Hasiholan tersebut, pada pilkada mendatang dia "
        "tidak ingin ada pemimpin yang bermasalah.\n\n“Kita tidak mau berkasnya masih "
        "menggantung,” ucapnya."
    )
    found = with_model(text)
    [indirect] = [q for q in found if q.kind == "indirect"]
    [tagged] = [q for q in found if q.text.startswith("Kita")]
    assert indirect.speaker_name == tagged.speaker_name == "Ratna Sarumpaet", found


def test_an_adverb_opening_a_chain_of_verbs_is_not_a_speaker() -> None:
    # "Cienfuegos, langsung mendatangi …, menyampaikan …": the segment before the verb
    # starts with an adverb, not with someone unnamed who speaks
    text = (
        "Menteri Pertahanan Meksiko, Jenderal Salvador Cienfuegos, langsung mendatangi lokasi "
        "kejadian, Sabtu (9/2) dan berbicara dengan penduduk setempat, menyampaikan "
        "permintaan maaf dan menyatakan bertanggung jawab."
    )
    assert all(q.speaker_name != "langsung" for q in quotes_of(text))


def test_a_name_then_a_role_with_a_body_typed_as_a_person() -> None:
    # "kata Lia perwakilan dari LPPOM": the name comes first; the model typing the
    # body's acronym as a person does not make the body the speaker
    text = (
        "Lembaga itu memilih Bogor sebagai percontohan.\n\n“Belum ada kantin sekolah yang "
        "bersertifikat,” kata Lia perwakilan dari LPPOM - MUI pada acara itu."
    )
    [q] = [q for q in with_model(text) if q.text.startswith("Belum ada")]
    assert q.speaker_name == "Lia" and q.speaker_role.startswith("perwakilan dari LPPOM"), q


def test_an_indefinite_description_is_someone_new() -> None:
    # "salah satu sumber dekat aktor itu": "itu" is the actor's; the source is unnamed
    text = (
        "Manajer sang aktor, Tomi Hartanto, mengatakan kondisinya stabil. “Dia masih dirawat,”"
        " ujar Tomi.\n\nTomi tidak menyebut penyebab sakitnya.\n\n“Ada begitu banyak masalah"
        " keluarga di rumah itu,” kata salah satu sumber dekat aktor 67 tahun itu."
    )
    found = [q for q in quotes_of(text) if q.text.startswith("Ada begitu")]
    assert len(found) == 1 and found[0].speaker is None, found
    assert "Tomi" not in (found[0].speaker_name or ""), found


def test_a_text_nobody_here_says_is_not_given_to_its_content_word() -> None:
    text = (
        "Jaksa Andi Wijaya mengatakan terdakwa dijerat pasal berlapis. “Kami punya bukti yang "
        "cukup,” kata Andi.\n\nPasal 21 Undang-Undang Tipikor berbunyi, “Setiap orang yang "
        "dengan sengaja mencegah penyidikan dipidana penjara.”"
    )
    law = [q for q in quotes_of(text) if q.text.startswith("Setiap orang")]
    assert len(law) == 1 and law[0].kind != "direct" and law[0].cue != "berbunyi", law


def test_a_new_person_described_is_not_the_last_one_named() -> None:
    """A new person described ("kata seorang pria") is unnamed, not the officer named before."""
    text = (
        'Polisi Bambang Sutrisno memeriksa lokasi. "Suaranya keras sekali," kata seorang '
        "pria di lokasi."
    )
    (q,) = [q for q in quotes_of(text) if q.kind == "direct"]
    assert q.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "“Situasi di kawasan makin berbahaya,” tutur seorang pejabat Kemlu Jepang di Tokyo.",
        "“Lagu ini bikin ketagihan,” kata seorang pengguna YouTube di kolom komentar.",
        "“Nama aslinya ternyata Eric,” ujar salah satu akun Twitter.",
        # an office and its place, no name: the officer is unnamed, not the place
        "“Ia perempuan tertua di dunia,” kata Wali Kota Verbania kepada wartawan.",
        "“Kami menolak tuduhan itu,” kata Gubernur Jawa Barat kepada wartawan.",
        # a police office and its area: "Metro Jaya" is where the officer serves
        "“Kami masih mendalami motif mereka,” kata Kapolda Metro Jaya.",
        "“Kami masih mendalami motif mereka,” kata Kapolsek Metro Tebet kepada wartawan.",
    ],
)
@pytest.mark.parametrize("find", [quotes_of, with_model], ids=["rules", "ner"])
def test_someone_unnamed_from_an_institution_is_not_the_institution(text: str, find) -> None:
    (q,) = [q for q in find(text) if q.kind == "direct"]
    assert q.speaker is None


@pytest.mark.parametrize(
    "text,role",
    [
        ("Menteri Luar Negeri AS Antony Blinken mengatakan, “Kami prihatin.”",
         "Menteri Luar Negeri AS"),
        ('"Ini berisiko," ujar Nadia Putri, seorang dosen kajian strategis di '
         "John F. Kennedy School.",
         "dosen kajian strategis di John F. Kennedy School"),
        ("Juru bicara Pentagon mengatakan bahwa Rusia meminta bantuan Korea Utara.",
         "Juru bicara Pentagon"),
        ("Budi Santoso, Direktur Utama PT Maju Jaya mengatakan perusahaan itu untung.",
         "Direktur Utama PT Maju Jaya"),
        ('"Gugatan itu kami daftarkan hari ini," kata Budi Santoso, yang juga Ketua Bidang '
         "Advokasi DPP Partai Maju.", "Ketua Bidang Advokasi DPP Partai Maju"),
        # the rank after the office is not part of the role, with or without a comma
        ("“Kami siap mengamankan acara itu,” kata Kapolres Jember AKBP Kusworo Wibowo.",
         "Kapolres Jember"),
        ("“Kami siap mengamankan acara itu,” kata Kapolres Boyolali, AKBP Aries Andhi.",
         "Kapolres Boyolali"),
        # an apostrophe inside a word is no title's opening mark to close
        ('"Rupiah akan stabil tahun ini," kata Budi Santoso, analis Moody\'s untuk Indonesia.',
         "analis Moody's untuk Indonesia"),
    ],
)  # fmt: skip
def test_speaker_role(text: str, role: str) -> None:
    q = next(q for q in quotes_of(text) if q.kind in ("direct", "indirect"))
    assert q.speaker_role == role


@pytest.mark.parametrize(
    "text,role",
    [
        # a quote that gives no role: the occupation written before the name elsewhere
        ("Kendati kalah, pelatih Luis Milla tetap puas dengan timnya.\n\n“Tim ini menunjukkan "
         "kemajuan,” ujar Milla.", "pelatih"),
        ("Menurut pengamat politik Ray Rangkuti, koalisi itu rapuh.\n\n“Koalisi ini tidak "
         "akan bertahan lama,” kata Ray.", "pengamat politik"),
        # not a word for whom someone serves: the lawyer is someone else
        ("Kemarin ia bertemu pengacara Setya Novanto di Jakarta.\n\n“Saya tidak bersalah,” kata "
         "Setya Novanto.", None),
        # where and when after the name are not a role
        ("“Kami menurunkan 50 personel,” kata Erick Frendriz, di lokasi.", None),
        ("“Kami menurunkan 50 personel,” kata Erick Frendriz, ketika dijumpai di kawasan "
         "Senopati.", None),
        ("“Kami menurunkan 50 personel,” kata Erick Frendriz, kemarin.", None),
        ("“Kami menurunkan 50 personel,” kata Erick Frendriz, belum lama ini.", None),
        # a rank alone at the quote: the office the article gives elsewhere
        ("Kapolsek Tambun AKP Boby Kusumawardhana mengatakan pelaku ditangkap.\n\n“Dia "
         "sudah mengaku,” kata AKP Boby.", "Kapolsek Tambun"),
        # a part of the office at the quote: the office in full
        ("Kapolsek Ciledug, Kompol Sutrisno mengatakan pelaku ditangkap.\n\n“Dia sudah "
         "mengaku,” kata Kapolsek Sutrisno.", "Kapolsek Ciledug"),
    ],
)  # fmt: skip
def test_the_role_given_elsewhere_and_no_place_for_a_role(text: str, role: str | None) -> None:
    q = only(text, "direct")
    assert q.speaker_role == role


@pytest.mark.parametrize(
    "text,role",
    [
        # a description opening a sentence points back to the person the sentence before
        # is about: the role the article gives the speaker
        ("Pada 2015, Wayne Rooney melampaui rekor gol Bobby Charlton di timnas Inggris. "
         "Kini mantan pemain Everton tersebut mengoleksi 53 gol.\n\n“Saya bangga,” kata "
         "Rooney.", "mantan pemain Everton"),
        ("Neymar bergabung dengan Barcelona pada 2013. Pemain Brasil itu kemudian membentuk "
         "trio bersama Messi.\n\n“Saya senang di sini,” ujar Neymar.", "Pemain Brasil"),
        # the sentence before is about someone else: its subject, not the last name
        ("Wakil Ketua Pansus Masinton Pasaribu mengapresiasi kehadiran Aris Budiman. "
         "Politisi PDI Perjuangan itu mengaku baru pertama kali bertemu.\n\n“Saya hadir "
         "untuk menjelaskan,” kata Aris Budiman.", None),
        # a pronoun subject: the person named after it is not the one described
        ("Misbakhun tiba pagi. Dia mengatakan bahwa Niko Panji ditempatkan di Depok. "
         "Politikus Golkar itu berpendapat penempatan itu salah.\n\n“Saya takut,” kata "
         "Niko Panji.", None),
        # someone unnamed introduced before with the same word
        ("Seorang komandan pasukan mengatakan kota itu bebas. Kota Albu itu dikuasai "
         "sejak 2014 oleh Abu Bakar. Komandan itu mengatakan pasukan dibantu milisi.\n\n"
         "“Kami menang,” kata Abu Bakar.", None),
        # "hari ini" is a time, not the end of a description
        ("Boy Sadikin tiba pagi. Politisi senior hari ini hadir di kubu Anies.\n\n"
         "“Kami siap,” kata Boy Sadikin.", None),
    ],
)  # fmt: skip
def test_a_description_pointing_back_gives_the_role(text: str, role: str | None) -> None:
    q = only(text, "direct")
    assert q.speaker_role == role


@pytest.mark.parametrize(
    "tag,role",
    [
        ("ujar penyerang berusia 32 tahun itu", "penyerang berusia 32 tahun"),
        ("kata pelantun lagu ' Senja ' tersebut", "pelantun lagu ' Senja '"),
        ("tutur sang pelatih", "pelatih"),
        # a title cut at its comma keeps its closing mark
        ("kata pemain film ' Headshot, Jagal ' itu", "pemain film ' Headshot '"),
        ("kata pemain film ‘ Headshot, Jagal ’ itu", "pemain film ‘ Headshot ’"),
        # what the description says is no role: a source, a study, a bare "pria"
        ("kata sang sumber", None),
        ("ungkap penelitian tersebut", None),
        ("ujar pria itu", None),
    ],
)
def test_a_description_pointing_back_is_the_role_given_there(tag: str, role: str) -> None:
    text = f"“Kami menang,” kata Rudi Santoso.\n\n“Kami bermain sangat bagus malam ini,” {tag}."
    q = [q for q in quotes_of(text) if q.kind == "direct"][1]
    assert (q.speaker_name, q.speaker_role) == ("Rudi Santoso", role)


@pytest.mark.parametrize(
    "text,via",
    [
        ("“Ini penting,” kata Nam Sung-wook kepada Associated Press.", "Associated Press"),
        ('"Sanksi itu tidak adil," kata Vasily Nebenzia, seperti dilansir dari Reuters.',
         "Reuters"),
        ("Yonhap News melaporkan, Menteri Unifikasi Korea Selatan Kim Yung-ho mengatakan dalam "
         "jumpa pers bahwa Pyongyang terus menolak tawaran dialog.", "Yonhap News"),
        ("“Ini penting,” kata Nam Sung-wook.", None),
        # whatever outlet or site a relay word names, known or not
        ("“Orang itu banyak membantu saya,” kata Neymar seperti dilansir Goal International.",
         "Goal International"),
        ("“Kami akan kesulitan di markas mereka,” terang Zidane seperti dikutip dari situs "
         "resmi UEFA.", "situs resmi UEFA"),
        ("“Pedagang diberi sanksi,” ucap Susy yang dilansir BadmintonIndonesia.org.",
         "BadmintonIndonesia.org"),
        ("“Kami menang,” kata Budi seperti dilansir E! News.", "E! News"),
        # … not a day, an ordinary word or a person
        ("“Kami menang,” kata Budi seperti dilansir Senin.", None),
        ("“Kami menang,” kata Budi, mengutip Donald Trump.", None),
    ],
)  # fmt: skip
def test_relay_channel(text: str, via: str | None) -> None:
    q = next(q for q in with_model(text) if q.kind in ("direct", "indirect"))
    assert q.via == via
    assert q.speaker_name != via


def test_a_speakers_channel_holds_for_their_other_quotes() -> None:
    text = (
        "“Sanksi itu tidak adil,” kata Vasily Nebenzia, seperti dilansir dari Reuters.\n\n"
        "Dewan Keamanan akan bersidang lagi pekan depan.\n\n"
        "“Kami akan terus menentang rancangan itu,” ujar Nebenzia.\n\n"
        "“Kami kecewa dengan hasilnya,” kata Linda Thomas."
    )
    found = [(q.speaker_name, q.via) for q in quotes_of(text) if q.kind == "direct"]
    assert found == [
        ("Vasily Nebenzia", "Reuters"),
        ("Vasily Nebenzia", "Reuters"),
        ("Linda Thomas", None),  # someone else: the article names no channel for her
    ]


def test_the_dateline_outlet_is_the_publisher_not_a_channel() -> None:
    text = "Medan (ANTARA News) - “Tidak boleh ada pengkhianat,” kata Panglima TNI Gatot Nurmantyo."
    q = only(text, "direct")
    assert (q.speaker_name, q.via) == ("Gatot Nurmantyo", None)


def test_the_agency_credited_at_the_end_relays_the_articles_quotes() -> None:
    text = (
        "“Gereja sudah aman,” ujar Kapolres Jember Kusworo Wibowo.\n\n“Kami berjaga,” kata "
        "Uskup Surabaya Vincentius Sutikno seperti dilansir Kompas.\n\nPetugas bersiaga sejak "
        "sore.\n\n(Antara)"
    )
    assert [q.via for q in quotes_of(text) if q.kind == "direct"] == ["Antara", "Kompas"]
    # editors' initials at the end are no agency
    text = "“Gereja sudah aman,” ujar Kapolres Jember Kusworo Wibowo.\n\n(sule / sir)"
    assert [q.via for q in quotes_of(text)] == [None]


@pytest.mark.parametrize(
    "text,via",
    [
        # the narrative names the channel for the person it is about
        ("Berbicara kepada BBC, Wayne Rooney merasa terhormat.\n\n“Saya bangga,” katanya.",
         "BBC"),
        ("Luis Fonsi menulis ucapan terima kasih melalui akun Twitter-nya.\n\n“Empat miliar "
         "penonton!” tulisnya.", "Twitter"),
        # not a medium after "kepada": someone spoken to
        ("Berbicara kepada Presiden, Wayne Rooney merasa terhormat.\n\n“Saya bangga,” "
         "katanya.", None),
        # a medium the person is not said to speak through
        ("Wayne Rooney pernah menjadi pundit untuk BBC.\n\n“Saya bangga,” katanya.", None),
    ],
)  # fmt: skip
def test_a_channel_the_narrative_names_for_the_speaker(text: str, via: str | None) -> None:
    assert [q.via for q in with_model(text) if q.kind == "direct"] == [via]


def test_an_office_of_a_country_speaks_for_the_state() -> None:
    q = only(
        "Kepala Staf Gabungan Korea Selatan mengatakan Korea Utara menembakkan dua rudal.",
        "indirect",
    )
    assert q.speaker == "south-korea"


def test_a_description_with_a_relative_clause_points_back() -> None:
    text = (
        "Penyanyi Ratih Anindya merilis album religi bulan ini.\n\nIa mengaku tidak betah "
        "berdiam diri selama bulan puasa.\n\n“Puasa kalau tidak berkarya malah tidak enak,” "
        "ungkap penyanyi yang kini menetap di Bandung."
    )
    (q,) = [q for q in quotes_of(text) if q.kind == "direct"]
    assert q.speaker_name == "Ratih Anindya"


def test_a_name_before_a_relative_clause_is_the_subject() -> None:
    # "Rendra yang tinggal di Bandung … menyampaikan": the place inside the relative
    # clause is not who speaks, and "tulisnya" goes on with Rendra.
    text = (
        "Penyanyi Rendra Wiratama mengunggah foto di akun Instagram miliknya pada Minggu "
        "malam.\n\nRendra yang tinggal di Bandung turut menyampaikan dukanya untuk para korban "
        "banjir. “Saya ikut berduka atas musibah ini,” tulisnya."
    )
    found = quotes_of(text)
    assert [(q.kind, q.speaker_name) for q in found] == [
        ("indirect", "Rendra Wiratama"),
        ("direct", "Rendra Wiratama"),
    ]


def test_a_body_before_a_relative_clause_is_the_subject() -> None:
    # "Kepolisian Resor Bogor yang … mengatakan bahwa …": the body says it
    text = (
        "Kepolisian Resor Bogor yang tahun ini menambah personel mengatakan bahwa arus lalu "
        "lintas menuju Puncak lancar."
    )
    q = only(text, "indirect")
    assert q.speaker_name == "Kepolisian Resor Bogor"
    assert q.text.startswith("arus lalu lintas")


def test_a_body_as_the_narrative_subject_is_not_its_officer() -> None:
    # "Kemenpar" opening the paragraph before "katanya" is the ministry, not the one
    # person whose role names it: the minister quoted just before goes on
    text = (
        "Deputi Bidang Pemasaran dan Promosi Kemenpar Gede Pranata membuka pameran di Denver."
        "\n\nMenteri Pariwisata Arya Wiratama mengatakan pihaknya akan terus mempromosikan "
        "wisata bahari.\n\n“Wisata selam itu pasar yang mahal dan kami ingin menguasainya,” "
        "jelasnya.\n\nSelain pameran itu, Kemenpar juga akan mengikuti lima pameran lain di "
        "Amerika.\n\n“Kami memang sudah fokus kepada penjualan paket wisata,” katanya."
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.speaker_name for q in direct] == ["Arya Wiratama", "Arya Wiratama"]


def test_unbalanced_quote_stops_at_the_paragraph_end() -> None:
    text = (
        "Vladimir Putin berkata, “Kami siap membantu sahabat kami.\n\n"
        "Paragraf berikutnya tidak dikutip sama sekali."
    )
    q = only(text, "direct")
    assert q.text == "Kami siap membantu sahabat kami"
    assert q.speaker_name == "Vladimir Putin"
    assert "\n" not in text[q.start : q.end]


def test_a_speech_tag_inside_an_unclosed_quote_names_its_speaker() -> None:
    # the writer forgot the closing mark: ", kata X …" still ends the quoted words
    text = (
        "Kebakaran hutan makin sering terjadi, kata peneliti Sinta Dewi.\n\n“Hasil penelitian "
        "kami menunjukkan manusia penyebab utamanya, kata peneliti Rudi Hartono dari Universitas "
        "Gadjah Mada.\n\n“Musim kebakaran kini hampir sepanjang tahun,” ujarnya."
    )
    found = [(q.text, q.speaker_name) for q in quotes_of(text) if q.kind == "direct"]
    assert found == [
        ("Hasil penelitian kami menunjukkan manusia penyebab utamanya", "Rudi Hartono"),
        ("Musim kebakaran kini hampir sepanjang tahun", "Rudi Hartono"),
    ]


def test_a_relay_aside_is_the_channel_not_the_speaker() -> None:
    text = (
        "Klub itu marah besar. Seorang juru bicara klub, seperti dilansir The Guardian, berkata, "
        "“Kami benar-benar kecewa dengan suporter itu.”"
    )
    q = only(text, "direct")
    assert (q.speaker, q.speaker_name, q.via) == (None, "Seorang juru bicara klub", "The Guardian")


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker() -> None:
    text = (
        "“Kami siap berunding kapan saja.”\n\n“Namun kami tidak akan menyerah,” kata Sergei Lavrov."
    )
    found = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.speaker_name for q in found] == ["Sergey Lavrov", "Sergey Lavrov"]


def test_a_long_quote_far_from_the_last_one_goes_on_with_the_one_interviewed() -> None:
    # four paragraphs of narrative naming no one, then his quoted sentences with no cue
    text = (
        "“Kami akan membuka dua gerai baru tahun ini,” kata Rudi Hartono.\n\n"
        "Perusahaan itu berdiri pada 2010 di Bandung.\n\n"
        "Kini gerainya tersebar di tiga provinsi.\n\n"
        "Penjualan naik tiap tahun.\n\n"
        "Pasar daring juga digarap.\n\n"
        "“Ke depan kami ingin masuk ke kota-kota kecil di luar Jawa.”\n\n"
        "“Menu baru.”"
    )
    found = {q.text[:10]: q for q in quotes_of(text) if q.kind in ("direct", "scare")}
    assert found["Ke depan k"].speaker_name == "Rudi Hartono"
    assert found["Menu baru"].speaker is None  # a heading, not his words


def test_a_direct_quote_with_a_space_after_its_mark_is_not_also_reported_speech() -> None:
    # Scraped text often has "“ Tim …": the sentence is a direct quote all the same
    text = (
        "Menteri itu hadir. “ Tim ini dalam pengawasan langsung Menteri dan akan "
        "berkoordinasi dengan lembaga lain, ” kata Soes Hindharno."
    )
    assert [(q.kind, q.speaker_name) for q in quotes_of(text)] == [("direct", "Soes Hindharno")]


def test_offsets_point_at_the_quoted_words() -> None:
    text = "Pada Rabu, “Kami siap,” kata Joko Widodo. Lalu ia pergi."
    q = only(text, "direct")
    assert text[q.start : q.end] == q.text == "Kami siap"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["“", "”", '"', "‘", "’", "'", "«", "»", "kata", "Putin", ",", ".", "\n\n", " ",
             "mengatakan", "bahwa", "menurut", "Ia", "katanya", "Kremlin", "[…]", "Demikian"]
        ),
        max_size=40,
    )
)  # fmt: skip
def test_bad_input_never_crashes(parts: list[str]) -> None:
    text = " ".join(parts)
    for q in quotes_of(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.kind in ("direct", "partial", "indirect", "scare")


# --- the seeds: every direct quote, with the speaker verified by reading ---------------------

# (seed, first words of the quote, kind, speaker). Checked against the articles.
SEED_QUOTES = [
    ("002", "Atas undangan Presiden", "direct", "Kremlin"),
    ("002", "Itu akan menjadi", "direct", "Nam Sung-wook"),
    ("002", "Kebutuhan mereka cocok", "direct", "Nam Sung-wook"),  # no cue: continues
    ("002", "Hal itu mengatakan", "direct", "Jake Sullivan"),  # speaker after, "memberi tahu"
    ("002", "Ini [pertemuan] adalah", "direct", "Leif-Eric Easley"),  # editorial bracket
    ("002", "Rusia memiliki teknologi", "direct", "Leif-Eric Easley"),
    ("003", "KTT ini menjadi", "direct", "Lami Kim"),
    ("003", "Kerjasama ekonomi dan", "direct", "Lami Kim"),  # "katanya", next paragraph
    ("003", "Kami sangat menghargai", "direct", "Vladimir Putin"),  # "tulis Putin"
    ("003", "Preferensi Korea Utara", "direct", "Rachel Minyoung Lee"),
    ("003", "Tetapi hubungan yang", "direct", "Rachel Minyoung Lee"),  # "katanya"
    ("004", "Sepertinya Rusia telah", "direct", "Jeh Sung-Hoon"),
    ("004", "Karena kepentingan kedua", "direct", "Jeh Sung-Hoon"),  # "ujar Jeh"
    ("004", "Rusia yang putus", "direct", "Antony Blinken"),  # "ia mengatakan"
    ("004", "Sampai sejauh mana", "direct", "Jaewoo Shin"),
    ("004", "Kedekata Rusia dan", "direct", "Jaewoo Shin"),  # "katanya"
    ("000", "hulu ledak yang", "partial", "Pyongyang"),
    ("001", "memperkuat komunikasi strategis", "partial", "Kim Jong Un"),
    ("001", "isu-isu yang paling", "partial", "Yuri Ushakov"),
    ("001", "dengan putus asa", "partial", "Antony Blinken"),
    ("001", "amunisi yang signifikan", "partial", "Antony Blinken"),  # the sentence after his
    ("002", "bertemu dan berbicara", "partial", "KCNA"),
    ("003", "amunisi yang signifikan", "partial", "Antony Blinken"),  # ", katanya."
    ("004", "dua arah yang", "partial", "Antony Blinken"),
    ("000", "Sebagai imbalan atas persenjataan", "indirect", "Antony Blinken"),  # "Demikian ungkap"
    ("004", "itu merupakan tanda", "indirect", "Pentagon"),
]


@pytest.fixture(scope="module")
def seed_docs(seed_dir: Path) -> dict[str, Document]:
    assert "quotes" in load_settings().pipeline.stages  # on by default
    pipeline = Pipeline(stages=STAGES)
    out = {}
    for item in pipeline.stream(read_paths(sorted(seed_dir.glob("*.txt")))):
        assert not isinstance(item, Failure), item.message
        out[Path(item.source).name[:3]] = item
    return out


@pytest.mark.parametrize("seed,start,kind,speaker", SEED_QUOTES)
def test_seed_quotes(
    seed_docs: dict[str, Document], seed: str, start: str, kind: str, speaker: str
) -> None:
    found = [q for q in seed_docs[seed].quotes if q.kind == kind and q.text.startswith(start)]
    assert len(found) == 1, [q.text[:30] for q in seed_docs[seed].quotes]
    assert found[0].speaker_name == speaker


def test_every_direct_seed_quote_is_listed(seed_docs: dict[str, Document]) -> None:
    expected = {(s, t) for s, t, k, _ in SEED_QUOTES if k == "direct"}
    found = {
        (seed, next(t for s, t, k, _ in SEED_QUOTES if s == seed and q.text.startswith(t)))
        for seed, doc in seed_docs.items()
        for q in doc.quotes
        if q.kind == "direct"
    }
    assert found == expected


def test_seed_scare_quote_and_channels(seed_docs: dict[str, Document]) -> None:
    [concept] = [q for q in seed_docs["000"].quotes if q.text == "reunifikasi damai"]
    assert (concept.kind, concept.speaker) == ("scare", None)
    by_start = {q.text[:20]: q for q in seed_docs["002"].quotes}
    assert by_start["Itu akan menjadi kes"].via == "Associated Press"
    assert by_start["Ini [pertemuan] adal"].via == "CNN"
    [ushakov] = [q for q in seed_docs["001"].quotes if q.text.startswith("isu-isu")]
    assert ushakov.via == "Interfax"
    assert ushakov.speaker_role == "ajudan kebijakan luar negeri Kremlin"


# --- the sample corpus: gold quotes ---------------------------------------------------------


def gold_key(source: str) -> str:
    return re.sub(r":(\d+)$", r"#\1", Path(source).name)


@pytest.fixture(scope="module")
def corpus_docs() -> dict[str, Document]:
    out = {}
    for item in Pipeline(stages=STAGES).stream(read_paths([CORPUS])):
        assert not isinstance(item, Failure), item.message
        out[gold_key(item.source)] = item
    return out


def names_of(doc: Document, q: Quote) -> set[str]:
    """Every name the quote's speaker goes by: surface, canonical, English, aliases."""
    names = {q.speaker_name or "", q.speaker or ""}
    for e in doc.entities:
        if e.id == q.speaker:
            names |= {e.name, e.en or "", *e.aliases}
    return {n.casefold() for n in names if n}


def attributed(doc: Document, gold: dict[str, object]) -> bool:
    text = str(gold["text"])
    same = [q for q in doc.quotes if text[:25] in q.text or (q.text and q.text[:25] in text)]
    same.sort(key=lambda q: q.kind != gold["kind"])
    if not same:
        return False
    if gold["speaker"] is None:
        return same[0].speaker_name is None
    want = str(gold["speaker"]).casefold()
    return any(want == n or want in n or n in want for n in names_of(doc, same[0]))


def test_corpus_direct_quotes_are_attributed(corpus_docs: dict[str, Document]) -> None:
    direct = [(k, g) for k in GOLD for g in GOLD[k].get("quotes", []) if g["kind"] == "direct"]
    missed = [(k, g["text"][:40]) for k, g in direct if not attributed(corpus_docs[k], g)]
    assert len(direct) >= 30
    assert 1 - len(missed) / len(direct) >= 0.95, missed


def test_corpus_all_quotes_mostly_attributed(corpus_docs: dict[str, Document]) -> None:
    quotes = [(k, g) for k in GOLD for g in GOLD[k].get("quotes", [])]
    right = sum(attributed(corpus_docs[k], g) for k, g in quotes)
    assert right / len(quotes) >= 0.85  # partial and indirect included; measured 0.88


def test_corpus_scare_quotes_have_no_speaker(corpus_docs: dict[str, Document]) -> None:
    for key, article in GOLD.items():
        for words in article.get("scare_quotes", []):
            found = [q for q in corpus_docs[key].quotes if q.text == words]
            assert found and all(q.kind == "scare" and q.speaker is None for q in found), words


# --- one quote, several articles -------------------------------------------------------------


def record(article: str, text: str, speaker: str = "vladimir-putin", kind: str = "direct"):
    return QuoteRecord(article, 0, Quote(text, 0, len(text), kind, speaker, speaker))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "a,b,same",
    [
        # two translations of one sentence
        ("Perjanjian yang ditandatangani hari ini mengatur bantuan timbal balik jika terjadi "
         "agresi",
         "Perjanjian yang kami tandatangani hari ini mengatur bantuan timbal balik apabila terjadi "
         "agresi", True),
        ("amunisi yang signifikan", "amunisi yang signifikan", True),
        ("Kami siap berunding dengan siapa pun", "Rusia tidak akan menyerah di Ukraina", False),
        ("perjanjian terkuat", "perjanjian terlemah", False),
    ],
)  # fmt: skip
def test_same_words(a: str, b: str, same: bool) -> None:
    stop = load_lexicon().stopwords
    assert same_words(content_words(a, stop), content_words(b, stop)) is same


def test_grouping_needs_the_same_speaker_and_is_order_independent() -> None:
    records = [
        record("a1", "Kami siap membantu sahabat kami di Pyongyang"),
        record("b2", "Kami siap membantu sahabat-sahabat kami di Pyongyang"),
        record("c3", "Kami siap membantu sahabat kami di Pyongyang", speaker="kim-jong-un"),
        record("d4", "tuduhan tersebut", kind="indirect"),
        record("e5", "tuduhan tersebut", kind="indirect"),
    ]
    groups = group_quotes(records)
    assert sorted(len(g.sources) for g in groups) == [1, 1, 1, 2]
    assert group_quotes(records[::-1]) == groups


@pytest.fixture(scope="module")
def twice_told(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Articles 10 and 11 of the corpus: one summit told by two outlets."""
    db = tmp_path_factory.mktemp("quotes") / "q.db"
    paths = [
        CORPUS / "10_putin-kim-teken-pakta.txt",
        CORPUS / "11_rusia-korut-sepakat-saling-membela.txt",
    ]
    with open_store(db) as store:
        results = list(ingest(paths, store))
    assert all(not isinstance(r, Failure) for r in results)
    return db


def test_one_quote_in_two_articles_is_one_group(twice_told: Path) -> None:
    with open_store(twice_told) as store:
        rows = quote_listing(store, speaker="Putin", kinds=("direct",))
    [row] = rows
    assert row["text"].startswith("Perjanjian kemitraan komprehensif")  # type: ignore[union-attr]
    assert len(row["articles"]) == 2  # type: ignore[arg-type]
    assert row["date"] == "2024-06-19"


def test_regrouping_is_idempotent(twice_told: Path) -> None:
    with open_store(twice_told) as store:
        before = (store.quote_groups(), store.stats())
        list(ingest([CORPUS / "10_putin-kim-teken-pakta.txt"], store))
        assert (store.quote_groups(), store.stats()) == before


def test_listing_filters(twice_told: Path) -> None:
    with open_store(twice_told) as store:
        park = quote_listing(store, speaker="park min-gyu")
        about = quote_listing(store, about="Korea Utara", kinds=("direct",))
        one = quote_listing(store, article=store.documents().__next__().id[:6])
    assert [r["speaker_name"] for r in park] == ["Park Min-gyu"]
    assert all("Korea Utara" in str(r["text"]) for r in about) and about
    assert one and all(len(r["articles"]) >= 1 for r in one)  # type: ignore[arg-type]


def test_a_capitalised_tag_in_the_next_paragraph_opens_new_words() -> None:
    """ "Kata Budi, …" opening the next paragraph attributes what follows it; the quote
    before goes on with the one quoted before it."""
    text = (
        'Rina Sari, pengamat kebijakan publik, menilai langkah itu tepat. "Ini langkah yang '
        'baik," katanya.\n\n"Semoga langkah ini terus berlanjut sampai tahun depan."\n\n'
        "Kata Budi Santoso, rencana itu sudah terlambat."
    )
    found = quotes_of(text)
    last = next(q for q in found if q.text.startswith("Semoga"))
    assert last.speaker_name == "Rina Sari"
