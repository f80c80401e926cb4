"""Entities stage: gazetteer, weapons, types, canonical names, metonyms, roles; seeds and F1."""

from __future__ import annotations

from pathlib import Path

import pytest

from telisik.core import extract
from telisik.entities import extract_entities, load_gazetteer
from telisik.entities.gazetteer import load_weapons
from telisik.model import Document
from telisik.pipeline import Pipeline


def ents(text: str, *, use_ner: bool = False) -> dict[str, tuple[str, ...]]:
    """id -> (type, name, mention texts with * for metonyms...)."""
    return {
        e.id: (e.type, *(m.text + ("*" if m.metonym else "") for m in e.mentions))
        for e in extract_entities(text, use_ner=use_ner)
    }


def pairs(text: str) -> set[tuple[str, str]]:
    return {(e.id, e.type) for e in extract_entities(text, use_ner=False)}


@pytest.mark.parametrize(
    "text,expected",
    [
        # negatives: "Presiden" alone, day and month names, capitalised sentence starts
        ("Presiden mengatakan bahwa rapat ditunda.", set()),
        ("Pada Rabu, Juli terasa panas. Kunjungan resmi dimulai pagi.", set()),
        ("Sementara itu, Namun tidak ada yang datang.", set()),
        # an all-caps headline yields nothing from capitalisation alone
        ("KUNJUNGAN BERSEJARAH DIMULAI", set()),
        # short forms and the gazetteer
        ("Namun Putin membantah.", {("vladimir-putin", "PERSON")}),
        ("Korut dan DPRK sama saja.", {("north-korea", "GPE")}),
        ("AS mengecam, kata Tiongkok dan China.", {("united-states", "GPE"), ("china", "GPE")}),
        # lower-case "as" is not the United States
        ("Ia datang as usual ke sana.", set()),
        ("Pada Juli lalu, Presiden Biden mengingatkan hal itu.", {("joe-biden", "PERSON")}),
        # weapons: named systems and classes, not generic nouns
        (
            "Korut meluncurkan Hwasong-18 dan rudal balistik antarbenua lain.",
            {
                ("north-korea", "GPE"),
                ("hwasong-18", "WEAPON"),
                ("intercontinental-ballistic-missile", "WEAPON"),
            },
        ),
        ("Rusia menembakkan rudal dan roket.", {("russia", "GPE")}),
        # cue words type unknown names
        ("Ia belajar di Universitas Gadjah Mada.", {("universitas-gadjah-mada", "ORG")}),
        ("Kapal melintasi Selat Hormuz kemarin.", {("selat-hormuz", "LOC")}),
        ("Topan melanda Airlie Beach semalam.", {("airlie-beach", "LOC")}),
        # a common misspelling of a rank is still a rank, not part of the name
        ("Kepala BNN Jendral Budi Waseso hadir.", {("bnn", "ORG"), ("budi-waseso", "PERSON")}),
        # an event is not an entity
        ("Ia hadir di KTT Asia Timur.", set()),
    ],
)
def test_entity_table(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text,metonyms,places",
    [
        ("Moskow dan Pyongyang membantah transfer senjata.", {"russia", "north-korea"}, set()),
        ("Pyongyang telah memberi Moskow amunisi.", {"russia", "north-korea"}, set()),
        ("Putin tiba di Pyongyang pada Rabu.", set(), {"pyongyang"}),
        ("Upacara digelar di pusat kota Pyongyang.", set(), {"pyongyang"}),
        ("Kremlin menolak berkomentar.", {"russia"}, set()),
        ("Gedung Putih memberi tahu Reuters.", {"united-states"}, set()),
    ],
)
def test_metonyms(text: str, metonyms: set[str], places: set[str]) -> None:
    found = extract_entities(text, use_ner=False)
    meto = {e.id for e in found if any(m.metonym for m in e.mentions)}
    literal = {e.id for e in found if e.type == "GPE" and not any(m.metonym for m in e.mentions)}
    assert meto == metonyms
    assert places <= literal


def test_kims_stay_apart() -> None:
    text = (
        "Kim Il Sung, kakek Kim Jong Un, sempat dijadwalkan bertemu Presiden Korea Selatan "
        "Kim Young-sam. Kim Jong Un kemudian berkuasa. Kim menguji rudal."
    )
    found = {e.id: e for e in extract_entities(text, use_ner=False)}
    assert {"kim-il-sung", "kim-jong-un", "kim-young-sam"} <= set(found)
    assert [m.text for m in found["kim-jong-un"].mentions] == ["Kim Jong Un", "Kim Jong Un", "Kim"]
    assert found["kim-il-sung"].role == "kakek Kim Jong Un"
    assert found["kim-jong-un"].role is None  # "kakek" before him is his grandfather's role
    assert found["kim-young-sam"].role == "Presiden Korea Selatan"


def test_bare_kim_follows_the_only_kim() -> None:
    text = "“Ini penting,” kata Lami Kim, seorang profesor di Universitas Hawaii. Kim menambahkan."
    found = {e.id: e for e in extract_entities(text, use_ner=False)}
    assert "kim-jong-un" not in found
    assert [m.text for m in found["lami-kim"].mentions] == ["Lami Kim", "Kim"]
    assert found["lami-kim"].role == "profesor di Universitas Hawaii"


def test_roles_pre_modifier_and_appositive() -> None:
    text = (
        "Menteri Luar Negeri AS Antony Blinken tiba. “Hubungan membaik,” kata "
        "Dewi Anggraini Lestari, analis utama di Program Asia Timur di Lowy Institute. "
        "Blinken pulang."
    )
    found = {e.id: e for e in extract_entities(text, use_ner=False)}
    assert found["antony-blinken"].role == "Menteri Luar Negeri AS"
    assert found["antony-blinken"].aliases == ("Blinken",)
    assert found["dewi-anggraini-lestari"].type == "PERSON"
    assert (
        found["dewi-anggraini-lestari"].role
        == "analis utama di Program Asia Timur di Lowy Institute"
    )
    assert found["lowy-institute"].type == "ORG"


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a name opening its sentence, its role after a comma, then its verb
        ("Fedrich Yunadi, kuasa hukum Setnov juga mengatakan kliennya sakit.",
         {"Fedrich Yunadi": "kuasa hukum Setnov", "Setnov": None}),
        ("Ilal Ferhard, kuasa hukum Taqy usai sidang mengatakan kliennya sakit.",
         {"Ilal Ferhard": "kuasa hukum Taqy"}),
        # one word there is an adverb more often than a name; a verb is no name
        ("Pasalnya, manajer asal Spanyol itu selalu menang.", {"Pasalnya": "absent"}),
        ("Melansir Entertainment Weekly, musisi 27 tahun itu mengatakan albumnya laris.",
         {"Melansir Entertainment Weekly": None}),
        # "kuasa hukum X": X is the one served; the name after the comma is the lawyer
        ("Kuasa Hukum Buni Yani, Aldwin Rahadian, hadir di pengadilan.",
         {"Buni Yani": None, "Aldwin Rahadian": "Kuasa Hukum Buni Yani"}),
        ("Kuasa hukum mantan Menteri Kesehatan Siti Fadilah Supari, Kholidin Achmad, hadir.",
         {"Siti Fadilah Supari": "mantan Menteri Kesehatan"}),
        # before ", Name" a role may say where: opening the sentence or after a cue
        ("Ahli di bidang infrastruktur, Danang Parikesit meminta pemerintah bertindak.",
         {"Danang Parikesit": "Ahli di bidang infrastruktur"}),
        ("Topsfield mengutip pernyataan pengamat keamanan dari Universitas Deakin, Damien "
         "Kingsbury, yang mengatakan hal itu.",
         {"Damien Kingsbury": "pengamat keamanan dari Universitas Deakin"}),
        # … not across someone named before it, nor after a clause
        ("Presiden Jokowi di Istana Bogor, Pratikno mengatakan rapat ditunda.",
         {"Pratikno": None}),
        ("Wartawan bertemu pelatih di Jakarta, Budi Santoso mengatakan timnya siap.",
         {"Budi Santoso": None}),
        ("“Pelaku sudah ditangkap,” kata Kabid Humas Polda Metro Jaya Kombes Argo Yuwono di "
         "Mapolda Metro Jaya, Jalan Sudirman, Jakarta.", {"Jalan Sudirman": None}),
        # "asal" keeps the role as before
        ("Hal itu diungkapkan pebalap asal Spanyol, Jorge Lorenzo.",
         {"Jorge Lorenzo": "pebalap asal Spanyol"}),
    ],
)  # fmt: skip
def test_roles_of_a_name_opening_its_sentence_and_of_one_served(
    text: str, roles: dict[str, str | None]
) -> None:
    assert_roles(text, roles)


def assert_roles(text: str, roles: dict[str, str | None]) -> None:
    """Each name's role in ``text``; "absent": the name is no person there."""
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    for name, role in roles.items():
        if role == "absent":
            assert name not in found or found[name].type != "PERSON", found
        else:
            assert found[name].role == role, found[name]
    assert all(not e.role for e in found.values() if e.type != "PERSON"), found


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a body's acronym in brackets inside the office, before the name or the comma
        ("Menteri Desa dan Pembangunan Daerah Tertinggal dan Transmigrasi (DPDTT) Eko Putro "
         "Sandjojo mengungkapkan pertemuan itu.",
         {"Eko Putro Sandjojo":
          "Menteri Desa dan Pembangunan Daerah Tertinggal dan Transmigrasi (DPDTT)"}),
        ("“Pedagang diberi sanksi,” kata Kepala Unit Pelaksana Teknis (UPT) Malioboro, Syarif "
         "Teguh, kemarin.",
         {"Syarif Teguh": "Kepala Unit Pelaksana Teknis (UPT) Malioboro", "Malioboro": None}),
        ("Humas DAOP 1 PT Kereta Api Indonesia (PT KAI) Suprapto mengatakan kereta penuh.",
         {"Suprapto": "Humas DAOP 1 PT Kereta Api Indonesia (PT KAI)"}),
        # … and makes a name shaped like a person's one, though the model read a place
        ("Merdeka.com - Ketua Dewan Perwakilan Rakyat Daerah (DPRD) DKI   Jakarta Prasetio "
         "Edi Marsudi menyambangi Kantor Kementerian Dalam Negeri.",  # scraped spacing
         {"Prasetio Edi Marsudi": "Ketua Dewan Perwakilan Rakyat Daerah (DPRD) DKI   Jakarta"}),
        # such a role by itself makes no one a person: "Divre II" stays no one
        ("Kepala PT KAI (KAI) Divre II Sumatera Selatan mengatakan kereta tiba.",
         {"Divre II": "absent"}),
        # nor does it describe someone with a demonstrative after the name
        ("Ketua Komisi Pemberantasan Korupsi (KPK) Agus Rahardjo tiba. Vokalis band Lyla itu "
         "bernyanyi.", {"Agus Rahardjo": "Ketua Komisi Pemberantasan Korupsi (KPK)",
                        "Lyla": None}),
    ],
)  # fmt: skip
def test_a_bodys_acronym_in_brackets_is_part_of_the_role(
    text: str, roles: dict[str, str | None]
) -> None:
    assert_roles(text, roles)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # the office's words after its head name the body, even with a name's capitals
        ("Turut hadir Sekjen DPP Partai Golkar Budi Santoso, Menteri Dalam Negeri Arif "
         "Wibowo, serta Ketua DPP Partai Golkar Siti Rahmah.",
         {"DPP": "absent", "Siti Rahmah": "Ketua DPP Partai Golkar"}),
        ("“Tarif harus nol persen,” ujar Direktur Jenderal Penguatan Daya Saing Produk Kelautan "
         "dan Perikanan KKP Nilanto Perbowo di Tokyo.", {"Produk Kelautan": "absent",
         "Nilanto Perbowo": "Direktur Jenderal Penguatan Daya Saing Produk Kelautan dan "
                            "Perikanan KKP"}),
    ],
)  # fmt: skip
def test_a_body_inside_the_office_of_the_person_after_it_is_no_one(
    text: str, roles: dict[str, str | None]
) -> None:
    assert_roles(text, roles)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # after a name: the list goes on past the other person
        ("Hadir pula Ratna Kusumawati, Sekretaris Kabinet Arif Wibowo, dan Menteri Keuangan "
         "Dewi Lestari.", {"Ratna Kusumawati": None, "Arif Wibowo": "Sekretaris Kabinet"}),
        ("Turut hadir Gubernur Bali Made Santika, Pangdam IX Udayana Mayjen TNI Komang Arsa, "
         "serta Kapolda Bali Irjen Budi Santoso.", {"Made Santika": "Gubernur Bali"}),
        # before a name: an enumerator before the other person
        ("Wasit mengeluarkan kartu kuning untuk pemain PBFC yakni Flavio Beck, Diego Michel dan "
         "Ricki Akbar Ohorella.", {"Diego Michel": None}),
        # the one an office serves, named at the end of the appositive, is no list
        ("Hal itu disampaikan Johan Budi, juru bicara Presiden Joko Widodo, di Jakarta.",
         {"Johan Budi": "juru bicara Presiden Joko Widodo"}),
    ],
)  # fmt: skip
def test_a_list_of_officials_gives_no_one_the_next_ones_office(
    text: str, roles: dict[str, str | None]
) -> None:
    assert_roles(text, roles)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the one the office serves
        ("Pengacara Tamimi, Gaby Lasky, mengatakan pengadilan mengabaikan argumen itu.",
         "Tamimi"),
        # a name the model found, with a word that is no name's ("Junior"), in a list
        ("Wasit mengeluarkan tiga kartu kuning untuk pemain PBFC yakni Flavio Beck Junior, "
         "Diego Michel dan Ricki Akbar Ohorella.", "Flavio Beck Junior"),
    ],
)  # fmt: skip
def test_a_name_inside_someone_elses_office_may_still_be_a_person(text: str, name: str) -> None:
    found = {e.name: e for e in extract_entities(text)}
    assert found[name].type == "PERSON", found


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Menteri Pemuda dan Olahraga Hendra Wiradinata membuka acara.",
            "Menteri Pemuda dan Olahraga",
        ),
        ("Menteri Perindustrian Hendra Wiradinata membuka acara.", "Menteri Perindustrian"),
        # a list with commas before the "dan", before a one-word name
        ("Menteri Koordinator bidang Politik, Hukum, dan Keamanan Wiranto menceritakan "
         "masalah itu.", "Menteri Koordinator bidang Politik, Hukum, dan Keamanan"),
    ],
)  # fmt: skip
def test_an_office_with_dan_is_one_role(text: str, role: str) -> None:
    people = [e for e in extract_entities(text, use_ner=True) if e.type == "PERSON"]
    assert [p.role for p in people] == [role], people


@pytest.mark.parametrize(
    "text,names",
    [
        # names in a list stay whole: only an office's nouns go with the role
        ("Gelandang Toni Kroos, dan Luka Modric tampil.", {"Luka Modric"}),
        ("Undang-undang itu mengatur Bendera, Bahasa, dan Lambang Negara.", {"Lambang Negara"}),
    ],
)
def test_names_in_a_list_keep_their_ordinary_first_word(text: str, names: set[str]) -> None:
    found = {e.name for e in extract_entities(text, use_ner=True)}
    assert names <= found, found


def test_office_and_its_place_before_a_comma_and_a_rank_are_the_role() -> None:
    text = "Kapolsek Pancoran, Kompol Aswin, menerangkan pihaknya mendapat laporan."
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found["Aswin"].role == "Kapolsek Pancoran"
    assert found["Pancoran"].type == "GPE"


@pytest.mark.parametrize(
    "text,area",
    [
        ("“Motifnya masih kami dalami,” kata Kapolsek Cilandak.", "Cilandak"),
        ("Kapolda Metro Jaya memberi penghargaan kepada dua anggota.", "Metro Jaya"),
        ("Pengamanan dipimpin Kapolres Metro Tangerang Kota.", "Tangerang"),
        ("“Anak itu sudah pulang,” ujar Wakapolsek Metro Tanah Abang.", "Metro Tanah Abang"),
        ("Pasukan itu dikirim Pangdam Brawijaya ke Surabaya.", "Brawijaya"),
    ],
)
@pytest.mark.parametrize("use_ner", [False, True], ids=["rules", "ner"])
def test_an_office_held_over_an_area_names_no_one(text: str, area: str, use_ner: bool) -> None:
    found = {e.name: e for e in extract_entities(text, use_ner=use_ner)}
    assert not [e for e in found.values() if e.type == "PERSON"]
    assert found[area].type == "GPE"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a rank after the office is not part of it, abbreviated or written out …
        ("Kapolres Jember AKBP Kusworo Wibowo meninjau lokasi.", "Kusworo Wibowo",
         "Kapolres Jember"),
        ("Kadiv Humas Mabes Polri Irjen Pol Boy Rafli Amar menegaskan hal itu.",
         "Boy Rafli Amar", "Kadiv Humas Mabes Polri"),
        ("Kepala Bidang Humas Polda Jawa Barat Komisaris Besar Yusri Yunus menjelaskan hal "
         "itu.", "Yusri Yunus", "Kepala Bidang Humas Polda Jawa Barat"),
        # … but a rank alone is the role there is
        ("Hal itu dikatakan Brigjen Rikwanto kemarin.", "Rikwanto", "Brigjen"),
        # an office with "dan" before a comma and a one-word name, however long
        ("Kepala Bidang Lalu Lintas dan Angkutan Jalan Dishub Sumsel, Sudirman mengungkapkan "
         "hal itu.", "Sudirman", "Kepala Bidang Lalu Lintas dan Angkutan Jalan Dishub Sumsel"),
        ("Kepala Subdirektorat Manajemen Satelit Kementerian Komunikasi dan Informatika, "
         "Mulyadi, menyebut hal itu.", "Mulyadi",
         "Kepala Subdirektorat Manajemen Satelit Kementerian Komunikasi dan Informatika"),
    ],
)  # fmt: skip
def test_the_role_before_a_name_without_its_rank(text: str, name: str, role: str) -> None:
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found[name].role == role


def test_an_address_after_an_office_is_no_role() -> None:
    text = (
        "Ia ditangkap di rumah dinas Wali Kota Kompleks Balai Kota Jalan Ki Gede Sebayu, "
        "Kelurahan Mangkukusuman, Kecamatan Tegal Timur."
    )
    found = extract_entities(text, use_ner=True)
    assert [e.name for e in found if e.type == "PERSON"] == []


def test_dan_between_two_people_does_not_join_their_roles() -> None:
    text = "Presiden Joko Widodo dan Menteri BUMN Rini Soemarno meninjau bandara."
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found["Rini Soemarno"].role == "Menteri BUMN"
    assert found["Joko Widodo"].role == "Presiden"


def test_quoted_words_between_names_are_a_nickname_only_inside_a_name() -> None:
    text = "Penonton film 'Gundam Versus' Hadir di bioskop, kata Stefano 'Teco' Lugarro kemarin."
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert "Stefano 'Teco' Lugarro" in found
    assert not any("Gundam" in name and "Hadir" in name for name in found)


@pytest.mark.parametrize(
    "text,person",
    [
        # ordinary words of an office stay with the role, also across "dan"
        (
            "Menteri Pendidikan dan Kebudayaan Hendra Wiradinata meresmikan sekolah itu.",
            "Hendra Wiradinata",
        ),
        # a rank inside the run starts the name; the office before it names no one
        (
            "Pengamanan dipimpin Kapolda Metro Jaya Inspektur Jenderal Polisi Bambang Sutrisno.",
            "Bambang Sutrisno",
        ),
        (
            "Data itu disampaikan Kepala Bidang Kedokteran dan Kesehatan Polda Jawa Tengah "
            "Komisaris Besar Rudi Hartanto di Semarang.",
            "Rudi Hartanto",
        ),
        # a first name that is also an ordinary word stays when it is all that precedes
        ("Penyanyi Maya Anggraini merilis album baru.", "Maya Anggraini"),
        # a minister's portfolio word the news always capitalises
        ("Menteri Perindustrian Hendra Wiradinata meninjau pabrik baja.", "Hendra Wiradinata"),
        # the place of an office before ", [rank] Name" is not a person
        ("Kapolsek Pancoran, Kompol Aswin, menerangkan pihaknya mendapat laporan.", "Aswin"),
        # "Pol" after a police rank belongs to the rank
        (
            "Hal itu disampaikan Kapolrestabes Surabaya, Kombes Pol Rudi Hartanto, di Surabaya.",
            "Rudi Hartanto",
        ),
        # an office held over an area: a known place ends the area, and four words after
        # the office hold a name
        ("Kapolda Sumut Paulus Waterpauw memimpin rapat.", "Paulus Waterpauw"),
        ("Kapolres Bogor Andi Muhammad Diki Pastika memimpin rapat.", "Andi Muhammad Diki Pastika"),
        # an office's short form heads the role like the office
        ("Menhub Budi Karya Sumadi meninjau rel kereta itu.", "Budi Karya Sumadi"),
        # "Pol" after a rank goes with the rank before a one-word name too
        ("“Pelaku sudah ditangkap,” kata Kombes Pol Martinus.", "Martinus"),
    ],
)
@pytest.mark.parametrize("use_ner", [False, True], ids=["rules", "ner"])
def test_person_behind_an_office(text: str, person: str, use_ner: bool) -> None:
    people = [e.name for e in extract_entities(text, use_ner=use_ner) if e.type == "PERSON"]
    assert people == [person]


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        # the body's acronym, a known body, an organisation word: the name after it is the
        # one the article calls the speaker alone
        ("Kepala PVMBG Kasbani mengatakan gunung itu aktif. Menurut Kasbani, warga harus "
         "waspada.", "Kasbani", "Kepala PVMBG"),
        ("Co - Founder dan CEO IDN Media Winston Utomo mengatakan pendanaan cukup. Kepada "
         "wartawan, Winston menambahkan, kota bertambah.", "Winston Utomo", "CEO IDN Media"),
        ("Direktur Kepabeanan Internasional dan Antar Lembaga Robert Leonard Marbun "
         "mengungkapkan pelanggaran meningkat. “Kami waspada,” ujar Robert.",
         "Robert Leonard Marbun", "Direktur Kepabeanan Internasional dan Antar Lembaga"),
    ],
)  # fmt: skip
def test_a_name_the_article_uses_alone_is_split_off_the_body_before_it(
    text: str, person: str, role: str
) -> None:
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found[person].type == "PERSON"
    assert found[person].role == role
    assert not any(person in name and name != person for name in found), found


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a first name that is an ordinary word, a title, an initial or a known person
        ("Presiden UFC Dana White mengatakan laga batal. White menambahkan, tiket kembali.",
         "Dana White"),
        ("Sekjen PSSI Ratu Tisha Destria hadir di Jakarta. Tisha mengatakan timnas siap.",
         "Ratu Tisha Destria"),
        ("Pendiri Razzie Awards John JB Wilson mengumumkan pemenang. Wilson mengatakan film "
         "itu terburuk.", "John JB Wilson"),
    ],
)  # fmt: skip
def test_a_first_name_is_not_cut_off_the_name(text: str, person: str) -> None:
    # without the model: nothing else keeps the run together
    found = {e.name for e in extract_entities(text, use_ner=False)}
    assert any(name.endswith(person) for name in found), found


def test_an_ordinary_word_with_its_particle_is_no_first_name() -> None:
    text = "Pergilah Rins ke sirkuit itu. Alex Rins mengalami cedera. “Saya siap,” kata Rins."
    assert [e.name for e in extract_entities(text, use_ner=True)] == ["Alex Rins"]


@pytest.mark.parametrize("use_ner", [False, True], ids=["rules", "ner"])
def test_role_word_that_is_a_first_name(use_ner: bool) -> None:
    text = (
        "Jakarta, CNN Indonesia - Menteri Pemuda dan Olahraga (Menpora) Imam Santoso "
        "gembira atas kemenangan itu."
    )
    people = {e.name: e for e in extract_entities(text, use_ner=use_ner) if e.type == "PERSON"}
    assert "Imam Santoso" in people  # "Imam" is his first name here, not a role
    assert "Pemuda" not in people  # an ordinary word of the office after a role word
    assert people["Imam Santoso"].role is None
    after_role = "Laporan dikirim hari ini, ujar Sekretaris Jenderal Ratu Anjani Putri di Jakarta."
    found = {e.name: e for e in extract_entities(after_role, use_ner=use_ner)}
    assert found["Ratu Anjani Putri"].role == "Sekretaris Jenderal"


def test_name_inside_a_description_is_not_a_person() -> None:
    text = "Miley Cyrus merilis lagu baru. Mantan bintang Disney itu juga akan menggelar tur."
    found = {e.name: e.type for e in extract_entities(text, use_ner=True)}
    assert found.get("Disney") != "PERSON"
    assert found["Miley Cyrus"] == "PERSON"


def test_nickname_joins_the_one_name_it_starts() -> None:
    text = "Wakil Gubernur Sandiaga Uno meninjau pasar. Sandi meminta pedagang tertib."
    found = {e.id: e for e in extract_entities(text, use_ner=True)}
    assert [m.text for m in found["sandiaga-uno"].mentions] == ["Sandiaga Uno", "Sandi"]
    two = "Alexander Marwata dan Alexandra Putri hadir. Alex tiba lebih dulu."
    found = {e.id: e for e in extract_entities(two, use_ner=True)}
    assert [m.text for m in found["alexander-marwata"].mentions] == ["Alexander Marwata"]


def test_mentions_are_evidence() -> None:
    text = "Korut, atau Korea Utara, menolak. Putin diam."
    for e in extract_entities(text, use_ner=False):
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_gazetteer_data() -> None:
    gaz = load_gazetteer()
    assert len(gaz.entries) > 1000
    moscow = gaz.get("moscow")
    assert moscow is not None and moscow.metonym_of == "russia" and moscow.lat is not None
    assert gaz.get("kremlin").metonym_of == "russia"  # type: ignore[union-attr]
    kp = gaz.get("north-korea")
    assert kp is not None and kp.en == "North Korea" and "DPRK" in kp.aliases
    # ordinary Indonesian words among city names were dropped at build time
    assert gaz.get("kota") is None and gaz.get("surat") is None
    assert load_weapons().find("Kinzhal dan Iskander")[1].id == "iskander"


def test_home_towns_the_news_writes_as_places() -> None:
    gaz = load_gazetteer()
    # Indonesian towns that IndoSum writes as places ("di Jember", "Bupati Banyuwangi")
    for town in ("jember", "banyuwangi", "madiun"):
        entry = gaz.get(town)
        assert entry is not None and entry.type == "GPE" and entry.lat is not None, town
    # towns whose names the news mostly uses inside other names stay out
    # ("Niko Panji", "Ahmad Kamal", "Polda Metro Jaya")
    assert gaz.get("panji") is None and gaz.get("kamal") is None and gaz.get("metro") is None


def test_a_known_town_is_split_off_the_officer_after_it() -> None:
    text = (
        "Wakil Bupati Trenggalek Emil Santoso menghadiri acara itu. Emil mengatakan warga "
        "Trenggalek siap."
    )
    found = {e.name: e for e in extract_entities(text)}
    assert "Emil Santoso" in found and found["Emil Santoso"].type == "PERSON"
    assert found["Emil Santoso"].roles == ("Wakil Bupati Trenggalek",)
    assert found["Trenggalek"].type == "GPE"


@pytest.mark.parametrize("name", ["Mateo Alvarez", "Lukas Brenner", "Tomas Ferreira"])
def test_a_person_the_model_read_as_part_of_a_place(name: str) -> None:
    # The model tags "Indonesia Mateo Alvarez" as one place; the gazetteer cuts
    # "Indonesia" off; "Menurut Mateo" shows the rest is a person.
    first = name.split()[0]
    text = (
        f"Kepala Perwakilan Bank Dunia di Indonesia {name} mengatakan pendanaan itu akan "
        f"mendukung program perumahan. Menurut {first}, skema tersebut membantu keluarga "
        "berpendapatan rendah."
    )
    found = {e.name: e for e in extract_entities(text)}
    assert found[name].type == "PERSON" and first in found[name].aliases, found
    assert found["Indonesia"].type == "GPE"


def test_a_place_named_like_its_neighbour_stays_a_place() -> None:
    # "Pasar Tambun" holds a cue word: not a person even when "Tambun" is read as one
    text = (
        "Nenek itu berjualan nasi di Bekasi Pasar Tambun setiap pagi. Menurut Tambun, "
        "warga sekitar sering membantu."
    )
    found = {e.name: e for e in extract_entities(text)}
    assert all(e.type != "PERSON" for n, e in found.items() if "Pasar" in n), found


def _resolved(*mentions: tuple[str, str]) -> dict[str, str]:
    """Resolve model-typed mentions (text, type), one sentence each: name -> type."""
    from telisik.entities.detect import Candidate
    from telisik.entities.gazetteer import load_gazetteer
    from telisik.entities.resolve import resolve

    cands, pos = [], 0
    for n, (text, type_) in enumerate(mentions):
        cands.append(Candidate(pos, pos + len(text), text, type_, n, ner=True))
        pos += len(text) + 20
    return {e.name: e.type for e in resolve(cands, load_gazetteer())}


def test_a_persons_full_name_keeps_its_type_when_its_lone_word_is_misread() -> None:
    # The model reads "Chris Cornell" as a person once and "Cornell" alone as an
    # organisation three times: the full name decides, the lone word joins it.
    found = _resolved(("Chris Cornell", "PERSON"), *[("Cornell", "ORG")] * 3)
    assert found == {"Chris Cornell": "PERSON"}


def test_a_body_read_as_a_person_once_keeps_the_lone_words_type() -> None:
    # "Sirkuit Misano" holds a cue word: not a person's name, whatever the model said once
    found = _resolved(("Sirkuit Misano", "PERSON"), ("Misano", "GPE"), ("Misano", "GPE"))
    assert found == {"Sirkuit Misano": "GPE"}


def test_a_persons_name_is_a_mention_wherever_it_stands_alone() -> None:
    # The model tags "Tarzan" once; his other sentences are his mentions too, but
    # not the word inside a longer name ("Tarzan Show"), and a person the model
    # named with ordinary words ("Model") is not spread over the text.
    from telisik.entities.detect import Candidate
    from telisik.entities.resolve import resolve

    text = (
        "Kabar itu dibenarkan pelawak Tarzan. Tarzan mengaku sempat menjenguknya. "
        "Acara Tarzan Show ditunda. Penyanyi Model tampil. Model baru dirilis.\n\n"
        "Tarzan juga datang."
    )

    def at(word: str, n: int = 0) -> Candidate:
        start = -1
        for _ in range(n + 1):
            start = text.index(word, start + 1)
        return Candidate(start, start + len(word), word, "PERSON", 0, ner=True)

    found = {e.name: e for e in resolve([at("Tarzan"), at("Model")], load_gazetteer(), text)}
    tarzan = [text[: m.start].count("Tarzan") for m in found["Tarzan"].mentions]
    assert tarzan == [0, 1, 3]  # not the third, in "Tarzan Show"
    assert len(found["Model"].mentions) == 1


def test_a_name_two_people_share_is_a_mention_of_neither() -> None:
    # Each group holds a bare "Agus" of its own: a third bare "Agus" may be either of
    # them, and a span must never belong to two entities
    from telisik.entities.detect import Candidate
    from telisik.entities.resolve import _every_mention, _Group

    text = "Agus Harimurti dan Agus Rahardjo hadir. Agus datang. Agus pulang. Agus diam."

    def at(word: str, n: int = 0) -> Candidate:
        start = -1
        for _ in range(n + 1):
            start = text.index(word, start + 1)
        return Candidate(start, start + len(word), word, "PERSON", 0)

    first = _Group("t:a", mentions=[at("Agus Harimurti"), at("Agus", 2)])
    second = _Group("t:b", mentions=[at("Agus Rahardjo"), at("Agus", 3)])
    _every_mention([first, second], text)
    assert len(first.mentions) == len(second.mentions) == 2  # the last "Agus": neither


def test_a_title_after_a_title_word_is_not_an_entity() -> None:
    # "konser bertajuk Andaikan Koes Plus …": the show's title, not a person
    text = (
        "Penyanyi Yon Koeswoyo akan tampil di konser bertajuk Andaikan Koes Plus Datang Kembali "
        "di Balai Sarbini, Jakarta Selatan."
    )
    found = ents(text, use_ner=True)
    assert not [k for k in found if "andaikan" in k], found
    assert found["yon-koeswoyo"][0] == "PERSON"


def test_the_word_after_bulan_is_a_month_not_a_person() -> None:
    # the model reads "Ramadhan" after "bulan" as a person, or as the short form of a
    # person named with it; a full name holding the word stays a person
    alone = "Jadwal shooting padat selama bulan Ramadhan, perempuan itu punya kiat."
    assert not [e for e in extract_entities(alone, use_ner=True) if e.type == "PERSON"]
    text = alone + " Politikus Ramadhan Pohan datang saat buka puasa."
    month = text.index("Ramadhan")
    found = extract_entities(text, use_ner=True)
    assert [e.name for e in found if e.type == "PERSON"] == ["Ramadhan Pohan"]
    assert not [m for e in found for m in e.mentions if m.start == month]


def test_empty_document_passes_through() -> None:
    from telisik.entities import entities

    doc = Document(id="x", source="x")
    assert entities(doc) is doc


# --- seeds ------------------------------------------------------------------------

# Entities (id, type) verified by reading each seed body (furniture excluded).
# Metonymic uses ("Kremlin", "Gedung Putih", "Moskow membantah") count for the state.
GOLD: dict[str, set[tuple[str, str]]] = {
    "000": {
        ("north-korea", "GPE"),
        ("choe-son-hui", "PERSON"),
        ("vladimir-putin", "PERSON"),
        ("russia", "GPE"),
        ("najin-port", "FAC"),
        ("kim-jong-un", "PERSON"),
        ("united-states", "GPE"),
        ("antony-blinken", "PERSON"),
        ("seoul", "GPE"),
        ("pyongyang", "GPE"),
        ("kim-jong-il", "PERSON"),
        ("south-korea", "GPE"),
        ("kim-dae-jung", "PERSON"),
        ("japan", "GPE"),
        ("guam", "GPE"),
        ("yonhap", "ORG"),
        ("shin-won-sik", "PERSON"),
        ("intermediate-range-ballistic-missile", "WEAPON"),
    },
    "001": {
        ("kim-jong-un", "PERSON"),
        ("russia", "GPE"),
        ("vladimir-putin", "PERSON"),
        ("yuri-ushakov", "PERSON"),
        ("interfax", "ORG"),
        ("united-states", "GPE"),
        ("soviet-union", "GPE"),
        ("north-korea", "GPE"),
        ("kim-il-sung-square", "FAC"),
        ("pyongyang", "GPE"),
        ("antony-blinken", "PERSON"),
        ("washington", "GPE"),
        ("ukraine", "GPE"),
        ("south-korea", "GPE"),
        ("shin-won-sik", "PERSON"),
        ("bloomberg", "ORG"),
        ("vietnam", "GPE"),
    },
    "002": {
        ("north-korea", "GPE"),
        ("kim-jong-un", "PERSON"),
        ("pyongyang", "GPE"),
        ("vladimir-putin", "PERSON"),
        ("russia", "GPE"),
        ("south-korea", "GPE"),
        ("united-states", "GPE"),
        ("associated-press", "ORG"),
        ("vladivostok", "GPE"),
        ("cnn", "ORG"),
        ("kcna", "ORG"),
        ("donald-trump", "PERSON"),
        ("ukraine", "GPE"),
        ("japan", "GPE"),
        ("nam-sung-wook", "PERSON"),
        ("institute-for-national-security-strategy", "ORG"),
        ("soviet-union", "GPE"),
        ("joe-biden", "PERSON"),
        ("reuters", "ORG"),
        ("wagner-group", "ORG"),
        ("united-nations", "ORG"),
        ("jake-sullivan", "PERSON"),
        ("sergei-shoigu", "PERSON"),
        ("korea", "LOC"),
        ("intercontinental-ballistic-missile", "WEAPON"),
        ("hwasong", "WEAPON"),
        ("ballistic-missile", "WEAPON"),
        ("leif-eric-easley", "PERSON"),
        ("universitas-ewha-womans", "ORG"),
        ("seoul", "GPE"),
    },
    "003": {
        ("interfax", "ORG"),
        ("vladimir-putin", "PERSON"),
        ("vietnam", "GPE"),
        ("kim-jong-un", "PERSON"),
        ("united-states", "GPE"),
        ("russia", "GPE"),
        ("soviet-union", "GPE"),
        ("north-korea", "GPE"),
        ("antony-blinken", "PERSON"),
        ("washington", "GPE"),
        ("ukraine", "GPE"),
        ("nato", "ORG"),
        ("jens-stoltenberg", "PERSON"),
        ("south-korea", "GPE"),
        ("peluncur-roket-ganda-240-milimeter", "WEAPON"),
        ("short-range-ballistic-missile", "WEAPON"),
        ("lami-kim", "PERSON"),
        ("daniel-k-inouye-asia-pacific-center-for-security-studies", "ORG"),
        ("united-nations", "ORG"),
        ("shin-won-sik", "PERSON"),
        ("bloomberg", "ORG"),
        ("china", "GPE"),
        ("rachel-minyoung-lee", "PERSON"),
        ("program-38-utara", "ORG"),
        ("stimson-center", "ORG"),
    },
    "004": {
        ("north-korea", "GPE"),
        ("united-states", "GPE"),
        ("russia", "GPE"),
        ("south-korea", "GPE"),
        ("japan", "GPE"),
        ("jeh-sung-hoon", "PERSON"),
        ("departemen-studi-rusia", "ORG"),
        ("universitas-luar-negeri-hankuk", "ORG"),
        ("kim-jong-un", "PERSON"),
        ("vladimir-putin", "PERSON"),
        ("vostochny-cosmodrome", "FAC"),
        ("ukraine", "GPE"),
        ("us-department-of-defense", "ORG"),
        ("antony-blinken", "PERSON"),
        ("washington", "GPE"),
        ("un-security-council", "ORG"),
        ("sergey-lavrov", "PERSON"),
        ("pyongyang", "GPE"),
        ("sergei-shoigu", "PERSON"),
        ("china", "GPE"),
        ("li-hongzhong", "PERSON"),
        ("politbiro-partai-komunis-china", "ORG"),
        ("jaewoo-shin", "PERSON"),
        ("open-nuclear-network", "ORG"),
    },
}


def _seed_docs(seed_dir: Path, use_ner: bool) -> dict[str, Document]:
    pipeline = Pipeline(stages=["clean", "segment"])
    from telisik.entities import entities

    out = {}
    for doc in extract([str(p) for p in sorted(seed_dir.glob("*.txt"))], pipeline=pipeline):
        assert isinstance(doc, Document)
        out[Path(doc.source).name[:3]] = entities(doc, use_ner=use_ner)
    return out


@pytest.fixture(scope="module", params=[False, True], ids=["rules", "ner"])
def seed_docs(request: pytest.FixtureRequest, seed_dir: Path) -> dict[str, Document]:
    if request.param:
        pytest.importorskip("spacy")
        from telisik.entities import ner

        if not (ner.MODEL_PATH / "config.cfg").is_file():
            pytest.skip("no trained NER model in the package")
    return _seed_docs(seed_dir, request.param)


def entity_f1(docs: dict[str, Document]) -> float:
    tp = fp = fn = 0
    for key, gold in GOLD.items():
        found = {(e.id, e.type) for e in docs[key].entities}
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
    return 2 * tp / (2 * tp + fp + fn)


@pytest.mark.seeds
def test_seed_f1(seed_docs: dict[str, Document]) -> None:
    assert entity_f1(seed_docs) >= 0.95


@pytest.mark.seeds
def test_seed_003_facts(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["003"]
    found = {e.id: e for e in doc.entities}
    assert found["antony-blinken"].type == "PERSON"
    assert found["antony-blinken"].role == "Menteri Luar Negeri AS"
    assert found["lami-kim"].type == "PERSON" and found["kim-jong-un"].type == "PERSON"
    assert not {"Lami Kim"} & {m.text for m in found["kim-jong-un"].mentions}
    assert found["jens-stoltenberg"].role == "Sekretaris Jenderal NATO"
    # her role is the seed's own appositive, from after her name to the full stop
    role = doc.text.split("Rachel Minyoung Lee, ", 1)[1].split(".", 1)[0]
    assert role.startswith("peneliti senior di ")
    assert found["rachel-minyoung-lee"].role == role
    nk = found["north-korea"]
    assert "DPRK" in nk.aliases
    # "Moskow dan Pyongyang telah membantah": both capitals stand for their states
    assert "Pyongyang" in {m.text for m in nk.mentions if m.metonym}
    assert "Moskow" in {m.text for m in found["russia"].mentions if m.metonym}
    # Beijing stands for China where the seed names it as a backer of Pyongyang
    assert "Beijing" in {m.text for m in found["china"].mentions if m.metonym}


@pytest.mark.seeds
def test_seed_shoigu_spellings(seed_docs: dict[str, Document]) -> None:
    s002 = {e.id: e for e in seed_docs["002"].entities}["sergei-shoigu"]
    s004 = {e.id: e for e in seed_docs["004"].entities}["sergei-shoigu"]
    assert {"Sergei Shogu", "Shogu"} <= {m.text for m in s002.mentions}
    assert s002.role == "menteri pertahanan Rusia"
    assert {m.text for m in s004.mentions} == {"Shoigu"}


@pytest.mark.seeds
def test_seed_000_kims(seed_docs: dict[str, Document]) -> None:
    found = {e.id: e for e in seed_docs["000"].entities}
    assert {"kim-jong-un", "kim-jong-il", "kim-dae-jung"} <= set(found)
    assert [m.text for m in found["kim-jong-il"].mentions] == ["Kim Jong Il"]
    assert [m.text for m in found["kim-dae-jung"].mentions] == ["Kim Dae-jung"]
    assert "Kim" in {m.text for m in found["kim-jong-un"].mentions}
    assert "Korut" in {m.text for m in found["north-korea"].mentions}
    # "di Pyongyang" is the city; "Pyongyang mengklaim" is the state
    assert found["pyongyang"].type == "GPE"
    assert "Pyongyang" in {m.text for m in found["north-korea"].mentions if m.metonym}


@pytest.mark.seeds
def test_seed_mentions_point_into_text(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        for e in doc.entities:
            for m in e.mentions:
                assert doc.text[m.start : m.end] == m.text


# (text, full name's id, the short form that must join it)
SHORT_FORMS = [
    # said outright: after the nickname, or with the name before it
    (
        "Wali Kota Moh Ramdhan Pomanto meninjau pasar. Danny, sapaan akrab Ramdhan "
        "Pomanto, meminta pedagang tertib.",
        "moh-ramdhan-pomanto",
        "Danny",
    ),
    (
        "Juru bicara Kementerian Luar Negeri, Arrmanatha Nasir, hadir. Dia, pria yang akrab disapa "
        "Tata ini, membenarkan kabar itu. Tata juga meminta publik bersabar.",
        "arrmanatha-nasir",
        "Tata",
    ),
    # a nickname in capitals introduced after someone else was named: its initials decide
    (
        "Ketua umum Persipura Benhur Tommy Mano menerima Yoo Jae Hoon. “Dia pamit,” kata "
        "sosok yang karib disapa BTM itu. Yoo Jae Hoon lalu pulang ke Korea.",
        "benhur-tommy-mano",
        "BTM",
    ),
    # initials of a person and of an institution
    (
        "Wakil Presiden Jusuf Kalla membuka acara. Menurut JK, pameran itu penting.",
        "jusuf-kalla",
        "JK",
    ),
    # … also when the initials run to six letters
    (
        "Para peneliti New Guinea Highland Wild Dog Foundation mendaki Puncak Jaya. NGHWDF "
        "menemukan jejak anjing liar itu.",
        "new-guinea-highland-wild-dog-foundation",
        "NGHWDF",
    ),
    # syllables of consecutive name words
    (
        "Pelatih Djadjang Nurdjaman memimpin latihan. Djanur meminta pemain fokus.",
        "djadjang-nurdjaman",
        "Djanur",
    ),
    # a one-letter misspelling of a long surname
    (
        "Mantan Presiden Georgia Mikheil Saakashvili ditahan. “Saya tidak bersalah,” "
        "kata Saakashbili.",
        "mikheil-saakashvili",
        "Saakashbili",
    ),
    # one letter of the first name and a syllable of the surname; a syllable with a
    # letter of its own
    (
        "Gubernur Ahmad Herlambang meresmikan jembatan. Aher berharap warga menjaganya.",
        "ahmad-herlambang",
        "Aher",
    ),
    (
        "Ketua DPR Bambang Soediro menerima tamu. Menurut Bamsoet, rapat ditunda.",
        "bambang-soediro",
        "Bamsoet",
    ),
    # said outright with a one-word name, and without "akrab"
    (
        "Pelaksana tugas Gubernur Sumarwoto memberi penghargaan. Padahal, kata Soni sapaan "
        "karib Sumarwoto, petugas itu sedang libur.",
        "sumarwoto",
        "Soni",
    ),
    (
        "Pelatih Persija, Stefano Lugarro, hadir. Teco, sapaan Stefano Lugarro, memimpin latihan.",
        "stefano-lugarro",
        "Teco",
    ),
    # a nickname in quotation marks inside the name, then used alone
    (
        "Pelatih Persija, Stefano 'Teco' Lugarro, memimpin latihan. Teco meminta pemain fokus.",
        "stefano-teco-lugarro",
        "Teco",
    ),
    # a short form in brackets right after the name: a body's acronym in another language,
    # a person's nickname
    (
        "“Warga sipil terperangkap,” kata Komite Penyelamatan Internasional (IRC). Menurut "
        "IRC, bangunan tua di kota itu rentan ambruk.",
        "komite-penyelamatan-internasional",
        "IRC",
    ),
    (
        "Gubernur Basuki Tjahaja Purnama (Ahok) menjawab tantangan itu. Ahok mengatakan "
        "hartanya sudah dilaporkan.",
        "basuki-tjahaja-purnama",
        "Ahok",
    ),
    # a title word and a nickname introduced after it
    (
        "Pemilik restoran, Chef Fernando Wiradi, yang akrab disapa chef Nando, hadir. "
        "Menurut Nando, menu baru segera hadir.",
        "fernando-wiradi",
        "Nando",
    ),
]


def test_a_name_without_its_middle_name_is_the_same_person() -> None:
    text = (
        "Calon Wakil Gubernur Sandiaga Salahudin Uno meninjau pasar. Sandiaga Uno mengatakan "
        "harga stabil. Menurut Sandi, pedagang puas."
    )
    found = {e.id: e for e in extract_entities(text, use_ner=True)}
    forms = [m.text for m in found["sandiaga-salahudin-uno"].mentions]
    assert forms == ["Sandiaga Salahudin Uno", "Sandiaga Uno", "Sandi"]
    # two different people who share a first and a last word are not one
    text = "Budi Santoso hadir. Budi Hartono Santoso dan Budi Wirawan Santoso juga hadir."
    found = {e.id: e for e in extract_entities(text, use_ner=True)}
    assert [m.text for m in found["budi-santoso"].mentions] == ["Budi Santoso"]


def test_a_name_without_its_last_name_is_the_person_named_in_full_before() -> None:
    text = (
        "Menteri Keuangan Sri Mulyani Indrawati membuka rapat. “Belanja harus efisien,” "
        "kata Sri Mulyani di Jakarta."
    )
    found = {e.id: e for e in extract_entities(text, use_ner=True)}
    person = found["sri-mulyani-indrawati"]
    assert [m.text for m in person.mentions] == ["Sri Mulyani Indrawati", "Sri Mulyani"]
    assert person.role == "Menteri Keuangan"
    # a pair of candidates is not a longer name of the first
    text = "Elektabilitas pasangan Ridwan Kamil - Uu Ruzhanul Ulum unggul. Ridwan Kamil menyapa."
    assert "Ridwan Kamil" in {e.name for e in extract_entities(text, use_ner=True)}


@pytest.mark.parametrize(("text", "owner", "short"), SHORT_FORMS)
def test_short_forms_join_the_full_name(text: str, owner: str, short: str) -> None:
    found = {e.id: e for e in extract_entities(text, use_ner=True)}
    assert short in [m.text for m in found[owner].mentions]
    assert not any(e.name == short for e in found.values())


def test_a_noun_opening_the_sentence_is_not_part_of_the_name() -> None:
    """ "Pernyataan Fahri …", "Kehadiran Raffi …", "Rencananya Retno …": the model runs the
    name on from the affixed noun that opens the sentence; the name starts after it."""
    text = (
        "Wakil Ketua DPR Fahri Hamzah menolak penyadapan. Pernyataan Fahri itu disampaikan di "
        "Senayan. Raffi Ahmad datang terlambat. Kehadiran Raffi membuat keluarga lega. "
        "Ketua KPAI Retno Listyarti hadir. Rencananya Retno akan bertemu Gubernur. "
        "Bunga Citra Lestari bernyanyi."
    )
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert "Fahri" in [m.text for m in found["Fahri Hamzah"].mentions]
    assert "Raffi" in [m.text for m in found["Raffi Ahmad"].mentions]
    assert "Retno" in [m.text for m in found["Retno Listyarti"].mentions]
    assert not any(n.split()[0] in ("Pernyataan", "Kehadiran", "Rencananya") for n in found)
    # a name whose first word is also an ordinary word keeps it
    assert "Bunga Citra Lestari" in found
    # an ordinary noun goes too when the article never capitalises it inside a sentence
    # and names the rest elsewhere; not a word for someone related to the name
    text = (
        "Valentino Rossi menang lagi. Kontrak Rossi habis tahun depan. Ahed Tamimi ditahan "
        "tentara. Sepupu Tamimi menolak berkomentar."
    )
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert [m.text for m in found["Valentino Rossi"].mentions] == ["Valentino Rossi", "Rossi"]
    assert [m.text for m in found["Ahed Tamimi"].mentions] == ["Ahed Tamimi"]
    # the first word after a dateline opens the article's first sentence
    text = (
        "Jakarta, CNN Indonesia -- Keyakinan Zinedine Zidane terbukti. “Saya yakin,” ujar Zidane."
    )
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert "Zinedine Zidane" in found and not any(n.startswith("Keyakinan") for n in found)


def test_an_entity_name_has_single_spaces() -> None:
    text = "Kapten Ajax, Davy   Klaassen, resmi pindah. “Saya senang,” kata Davy   Klaassen."
    found = {e.id: e for e in extract_entities(text, use_ner=True)}
    assert found["davy-klaassen"].name == "Davy Klaassen"
    # the mentions still point at the text as it is
    assert all(text[m.start : m.end] == m.text for m in found["davy-klaassen"].mentions)


def test_a_performer_or_athlete_word_is_a_role_not_part_of_the_name() -> None:
    text = "Pesinetron Adjie Pangestu menikah. Pesepakbola Evan Dimas hadir di acara itu."
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert {"Adjie Pangestu", "Evan Dimas"} <= set(found)
    assert found["Adjie Pangestu"].role == "Pesinetron"


def test_brackets_after_a_name_that_are_not_its_short_form() -> None:
    # a party after a person, an actor after the role he plays, an agency after a place
    text = (
        "Anggota DPR Ahmad Muzani (Gerindra) dan Budi Hartono (PDIP) hadir. Dalam film itu "
        "Thomas Brodie-Sangster beradu akting dengan Thomas (Dylan O'Brien). "
        "Jakarta (ANTARA) - Hujan turun."
    )
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert [m.text for m in found["Ahmad Muzani"].mentions] == ["Ahmad Muzani"]
    assert [m.text for m in found["Budi Hartono"].mentions] == ["Budi Hartono"]
    assert (
        "Dylan O'Brien" in found and "Dylan O'Brien" not in found["Thomas Brodie-Sangster"].aliases
    )
    assert "ANTARA" not in found["Jakarta"].aliases


def test_short_forms_that_fit_two_names_join_neither() -> None:
    text = "Jusuf Kalla dan Jonan Kurniawan hadir. JK tiba lebih dulu."
    found = {e.id: e for e in extract_entities(text, use_ner=True)}
    assert [m.text for m in found["jusuf-kalla"].mentions] == ["Jusuf Kalla"]
    # "disapa" alone is being greeted, not a nickname
    text = "Gubernur Anies Baswedan meninjau pasar. Anak itu disapa Budi di depan kios."
    found = {e.id: e for e in extract_entities(text, use_ner=True)}
    assert [m.text for m in found["anies-baswedan"].mentions] == ["Anies Baswedan"]
    # an ordinary first name is not an abbreviated one ("M Nuh" is "Nuh")
    text = "Ketua RT Ani Budi Santoso dan suaminya, Budi Santoso, hadir di balai warga."
    found = {e.id: e for e in extract_entities(text, use_ner=True)}
    assert [m.text for m in found["budi-santoso"].mentions] == ["Budi Santoso"]
    text = "Menteri M Nuh Effendi hadir. Wartawan menunggu Nuh Effendi di luar gedung."
    found = {e.id: e for e in extract_entities(text, use_ner=True)}
    assert "Nuh Effendi" in [m.text for m in found["m-nuh-effendi"].mentions]


def _tagged(text: str, people: list[str]) -> list[str]:
    """Person names detect() keeps when the model tags each of ``people`` as PERSON."""
    from telisik.entities.detect import detect, load_words
    from telisik.segment import segment_text

    sentences = [(x.start, x.end) for x in segment_text(text, with_tokens=False)]
    spans = []
    for name in people:
        at = -1
        while (at := text.find(name, at + 1)) >= 0:
            spans.append((at, at + len(name), "PERSON"))
    found = detect(text, sentences, spans, load_gazetteer(), load_weapons(), load_words())
    return [c.text for c in found if c.type == "PERSON"]


def test_an_ordinary_word_opening_a_sentence_is_not_a_person() -> None:
    """The model tags some capitalised sentence openers as people; an article that
    never capitalises the word inside a sentence shows it is an ordinary word."""
    text = (
        "Kendati hujan deras, warga tetap datang ke pasar. Konsumen lainnya memuji harga "
        "beras yang turun."
    )
    assert _tagged(text, ["Kendati", "Konsumen"]) == []
    # a name that is also a word stays a name when the article writes it capitalised
    text = "Indah membuka toko kue di Bogor. Pelanggan memuji Indah karena ramah."
    assert _tagged(text, ["Indah"]) == ["Indah", "Indah"]


def test_an_ordinary_word_inside_the_name_of_a_body_is_not_a_person() -> None:
    """A field word the model tags as a person inside an office or a unit's name is
    dropped; people named side by side, and a name before its appositive, stay."""
    text = (
        "Kepala Bidang Kedaruratan dan Logistik BPBD Garut, Heru Santoso, datang. "
        "Dosen Jurusan Gizi Politeknik Kesehatan hadir. Dirjen Industri Logam, Mesin, "
        "Alat Transportasi juga hadir. Menteri bidang Politik, Hukum, dan Keamanan tiba."
    )
    people = ["Kedaruratan", "Gizi", "Mesin", "Politik", "Heru Santoso"]
    assert _tagged(text, people) == ["Heru Santoso"]
    text = (
        "Toko kue milik Angel dan Anton ramai. Toko bunga milik Bunga dan Mawar juga. "
        "Hal itu disampaikan Bintang, Deputi Bidang Usaha, di Bogor."
    )
    people = ["Angel", "Anton", "Bunga", "Mawar", "Bintang"]
    assert _tagged(text, people) == people


def test_a_degree_after_a_name_is_not_a_name() -> None:
    """ "dr Rina Sari, SpKK, M.Kes", "Giovanni Bellini, MD": the degrees the model tags."""
    text = "Spesialis kulit, dr Rina Sari, SpKK, M.Kes hadir. Giovanni Bellini, MD, juga hadir."
    people = ["Rina Sari", "SpKK", "Kes", "Giovanni Bellini", "MD"]
    assert _tagged(text, people) == ["Rina Sari", "Giovanni Bellini"]


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        # a name the model read as a place, opening its clause before a speech verb
        ("Salah seorang warga yang memotret awan itu, Kusworo mengaku baru sekali melihatnya.",
         "Kusworo", True),
        ("Warga RT 3 Jatipadang, Jakarta Selatan, Fatimah mengatakan kali itu dulu lebar.",
         "Fatimah", True),
        # a place that ends a longer subject, or a body's words, does not speak itself
        ("Pusat Peringatan Tsunami Pasifik di Hawaii mengatakan tidak ada ancaman tsunami.",
         "Hawaii", False),
        ("Penerbit Gramedia Pustaka Utama menyatakan penjualan buku naik.",
         "Penerbit Gramedia Pustaka Utama", False),
        ("Sementara itu, Bumi Serpong Damai mengatakan penjualan rumah naik.",
         "Bumi Serpong Damai", False),
    ],
)  # fmt: skip
def test_a_name_before_a_speech_verb_is_a_person(text: str, name: str, person: bool) -> None:
    found = {e.name: e.type for e in extract_entities(text)}
    assert (found.get(name) == "PERSON") is person, found


def test_a_police_degree_after_a_comma_is_no_one() -> None:
    """ "SIK" (Sarjana Ilmu Kepolisian) after a police officer's name and a comma."""
    found = {e.name for e in extract_entities(
        "“Tersangka membacok korban,” ujar Kapolres Kotim AKBP Hendra Wirawan Sitompul SH, "
        "SIK melalui Kapolsek Antang Kalang.")}  # fmt: skip
    assert "SIK" not in found, found


def test_indonesian_institutions_after_a_role_are_organisations() -> None:
    """A role word before a police or committee name does not make it a person."""
    text = (
        "Kepala Humas Polres Sleman, AKP Budi Hartono, membenarkan kejadian itu. "
        "Ketua Panitia Pekan Olahraga Daerah, Sri Wahyuni, hadir."
    )
    types = {e.name: e.type for e in extract_entities(text, use_ner=True)}
    assert types["Polres Sleman"] == "ORG"
    assert types["Panitia Pekan Olahraga Daerah"] == "ORG"
    assert types["Budi Hartono"] == types["Sri Wahyuni"] == "PERSON"


def test_known_organisations_split_a_name_run_and_keep_their_type() -> None:
    """The model runs a club or a company into the person after it ("Persija Stefan
    Hansen") or types it as a person or a place; the gazetteer's organisations do not."""
    text = (
        "Manajer Persija Stefan Hansen mengatakan timnya siap. "
        "Hal itu disampaikan CEO Grab Anthony Tan di Jakarta. "
        "Pelatih Juventus Massimiliano Allegri memuji Dybala. "
        "Ia juga aktif di Instagram dan Marca menulis kabar itu."
    )
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found["Persija Jakarta"].type == found["Grab"].type == "ORG"
    assert found["Juventus"].type == found["Instagram"].type == found["Marca"].type == "ORG"
    assert found["Stefan Hansen"].role == "Manajer Persija"
    assert found["Anthony Tan"].role == "CEO Grab"
    assert found["Massimiliano Allegri"].role == "Pelatih Juventus"
    # a verb ends a role: "… memuji" is not part of Dybala's role
    assert found["Dybala"].role is None
    # a building named after a body is a facility; an ordinary word beside a known
    # name ("Fraksi") is no entity of its own
    text = "Politisi Fraksi Golkar itu diperiksa di Gedung KPK, Jakarta, kemarin."
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found["Gedung KPK"].type == "FAC"
    assert found["Partai Golkar"].type == "ORG"
    assert "Fraksi" not in found and "Gedung" not in found


def test_a_clipped_first_name_joins_its_full_name() -> None:
    """ "Soleh" for Solehudin: the first letters of the one person's (one-word) name."""
    text = (
        "Petani asal Desa Sukamaju, Solehudin, mengaku panennya gagal tahun ini. "
        "Menurut Soleh, hujan datang terlambat."
    )
    people = [e for e in extract_entities(text, use_ner=True) if e.type == "PERSON"]
    assert [e.name for e in people] == ["Solehudin"]
    assert len(people[0].mentions) == 2


def test_a_pet_form_of_a_first_name_joins_its_full_name() -> None:
    """ "Vlado" for Vladimir: the first name's start with a letter of its own."""
    text = (
        "Bek sentral Persib, Vladimir Vujovic, menyatakan puas setelah timnya menang. "
        'Vlado pun memuji performa rekan-rekannya di lini lain. "Kami sulit dikalahkan," '
        "ujar Vlado."
    )
    people = [e for e in extract_entities(text, use_ner=True) if e.type == "PERSON"]
    assert [e.name for e in people] == ["Vladimir Vujovic"]
    assert "Vlado" in people[0].aliases


@pytest.mark.parametrize(
    ("text", "person", "role", "place"),
    [
        (
            "Kirab pusaka digelar di Banyumas, Minggu. Bupati Banyumas Rahmat Prasetyo "
            "memimpin kirab itu. Warga datang dari seluruh Banyumas.",
            "Rahmat Prasetyo",
            "Bupati Banyumas",
            "Banyumas",
        ),
        (
            "Angin kencang melanda Jember. Kepala Bidang Kedaruratan dan Logistik BPBD Jember "
            "Heru Santosa meninjau lokasi. Hujan masih turun di Jember.",
            "Heru Santosa",
            "Kepala Bidang Kedaruratan dan Logistik BPBD Jember",
            "Jember",
        ),
    ],
)
def test_a_place_named_alone_elsewhere_is_split_off_the_name_after_it(
    text: str, person: str, role: str, place: str
) -> None:
    """ "Bupati Banyumas Rahmat Prasetyo" read as one name: the article names Banyumas
    on its own ("di Banyumas"), so the place goes to the role and the rest is the person."""
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found[person].type == "PERSON"
    assert found[person].roles == (role,)
    assert found[place].type == "GPE"


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        # a first name that is also an ordinary word ("stan"), after a body named alone
        (
            "Mesut Ozil bertahan di Arsenal. Sebelumnya, petinggi Arsenal Stan Kroenke "
            "melayangkan sanjungan tingginya pada Ozil.",
            "Stan Kroenke",
            "petinggi Arsenal",
        ),
        # "Pusat" goes on with the place ("Jakarta Pusat"), it does not start the name
        (
            "Petugas imigrasi ditahan di Jakarta. Kepala Kantor Imigrasi Kelas I Jakarta Pusat "
            "Tato J Hidayat, melalui keterangan tertulis, membenarkan hal itu.",
            "Tato J Hidayat",
            "Kepala Kantor Imigrasi Kelas I Jakarta Pusat",
        ),
    ],
)
def test_the_name_after_a_known_body_may_hold_ordinary_words(
    text: str, person: str, role: str
) -> None:
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found[person].type == "PERSON"
    assert found[person].roles == (role,)


def test_a_place_with_no_role_before_it_keeps_the_words_after_it() -> None:
    """ "Jalan Sleman Mangun Harjo": Sleman is named alone, but no role says a person
    follows it, so the street is not split into a place and a person."""
    text = "Warga berkumpul di Sleman. Jalan Sleman Mangun Harjo ditutup sejak pagi."
    found = {e.name: e.type for e in extract_entities(text, use_ner=True)}
    assert "Mangun Harjo" not in found
    assert found["Jalan Sleman Mangun Harjo"] != "PERSON"


def test_a_bracketed_short_form_of_an_office_is_part_of_the_role() -> None:
    """ "(Menko PMK) Puan Maharani": the office's short form belongs to her role; a
    body's short form ("(Ditjen) Bina Marga") or a rule's number ("(PMK) Nomor 207")
    names no person."""
    text = (
        "Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan (Menko PMK) Ratna "
        "Kusumawati membuka acara itu. Aturan itu tertuang dalam Peraturan Menteri Keuangan "
        "(PMK) Nomor 207 Tahun 2016. Direktorat Jenderal (Ditjen) Bina Marga menyiapkan jalan."
    )
    people = {e.name: e for e in extract_entities(text, use_ner=True) if e.type == "PERSON"}
    assert people["Ratna Kusumawati"].roles == (
        "Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan (Menko PMK)",
    )
    assert "Nomor" not in people and "Bina Marga" not in people


def test_a_city_name_that_starts_a_persons_name_stays_in_it() -> None:
    """ "Victoria Beckham" is one person, not the city of Victoria and a "Beckham";
    "Pelatih Madrid Zinedine Zidane" keeps the club's city apart from the name."""
    text = "Ia datang bersama Victoria Beckham ke pesta itu. Warga Bandung menyambutnya."
    found = {e.name: e.type for e in extract_entities(text, use_ner=True)}
    assert found["Victoria Beckham"] == "PERSON"
    assert found["Bandung"] == "GPE" and "Victoria" not in found
    found = {e.name: e.type for e in extract_entities("Pelatih Madrid Zinedine Zidane hadir.")}
    assert found["Madrid"] == "GPE" and found["Zinedine Zidane"] == "PERSON"


def test_a_name_the_model_missed_is_a_person_when_its_surname_acts_later() -> None:
    """The model leaves "Channing Tatum" after a dateline unlabelled; the article later
    writes "Tatum mengatakan": a person. A title whose last word is reused inside
    another name ("Razzie Awards") is not."""
    text = (
        "Jakarta, CNN Indonesia -- Channing Tatum seharusnya mengawali debutnya sebagai "
        "sutradara lewat film remaja. Sementara itu Tatum mengatakan proyek itu ditunda."
    )
    found = {e.name: e.type for e in extract_entities(text, use_ner=True)}
    assert found["Channing Tatum"] == "PERSON"
    text = (
        "Film itu meraih Golden Raspberry Awards tahun ini. Razzie Awards diberikan setiap tahun."
    )
    found = {e.name: e.type for e in extract_entities(text, use_ner=True)}
    assert found.get("Golden Raspberry Awards") != "PERSON"


def test_a_dateline_dash_ends_a_name() -> None:
    """ "Rimanews - Menteri …": the outlet's dateline is not part of the office or name."""
    text = "Rimanews - Menteri Perdagangan Enggartiasto Lukita memaparkan stok pangan."
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found["Enggartiasto Lukita"].type == "PERSON"
    assert found["Enggartiasto Lukita"].role == "Menteri Perdagangan"
    # a hyphen inside a name is no dateline
    assert "Go-Jek" in {e.name for e in extract_entities("Pengemudi Go-Jek Budi Santoso hadir.")}


def test_an_acronym_before_a_full_name_is_the_body_not_part_of_the_name() -> None:
    """The model runs "PSSI Iwan Budianto" together; the acronym is the body, and a
    rank after it is the person's rank, not their name."""
    text = (
        "Menurut Wakil Ketua Umum PBVSI Iwan Budianto, seleksi berjalan ketat. "
        "Panglima APKN Jenderal Gatot Nurmantyo datang ke lokasi. "
        "Menteri ESDM Ignasius Jonan meresmikan proyek itu."
    )
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found["Iwan Budianto"].type == "PERSON"
    assert found["Gatot Nurmantyo"].type == "PERSON"
    assert found["PBVSI"].type == found["APKN"].type == "ORG"
    # the role before the acronym takes the acronym in
    assert found["Ignasius Jonan"].role == "Menteri ESDM"
    # an acronym that starts a company's own name stays with it
    text = "Direktur Utama PT Pertamina Nicke Widyawati meninjau kilang di Cilacap."
    assert not any(e.name == "PT" for e in extract_entities(text, use_ner=True))


def test_indonesian_provinces_and_their_short_forms_are_places() -> None:
    text = (
        "Gubernur Jawa Barat, Hendra Wiradinata, meninjau banjir. Warga Jabar diminta waspada, "
        "sementara relawan dari Sulsel dan Kota Tangsel mengirim bantuan."
    )
    found = {e.id: e for e in extract_entities(text, use_ner=True)}
    assert found["west-java"].type == "GPE"
    assert [m.text for m in found["west-java"].mentions] == ["Jawa Barat", "Jabar"]
    assert found["hendra-wiradinata"].role == "Gubernur Jawa Barat"
    assert found["south-sulawesi"].type == "GPE"
    assert found["south-tangerang"].type == "GPE"
    assert not any(e.name == "Kota" for e in found.values())  # the kind of place, not a name


def test_a_regency_named_after_its_province_is_one_place() -> None:
    text = "Gempa melanda Lampung Selatan dan Kabupaten Aceh Utara, lalu terasa di Sumatra Utara."
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found["Lampung Selatan"].type == "GPE"
    assert "Selatan" not in found and "Utara" not in found
    assert found["Sumatera Utara"].aliases == ("Sumatra Utara",)  # the province, spelt otherwise


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        ("Menurut kepala BPTJ Bambang Prihartono, proyek itu berjalan.", "Bambang Prihartono",
         "kepala BPTJ"),
        ("Kata anggota TPFG Effendi Gazali kemarin.", "Effendi Gazali", "anggota TPFG"),
    ],
)  # fmt: skip
def test_a_body_and_a_person_read_as_one_organisation_split(
    text: str, person: str, role: str
) -> None:
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found[person].type == "PERSON"
    assert found[person].role == role
    assert found[role.split()[1]].type == "ORG"
    # a committee after "anggota" stays one organisation
    found = {e.name: e for e in extract_entities("Ia anggota Komisi III DPR sejak 2014.")}
    assert found["Komisi III DPR"].type == "ORG"


def test_an_organisation_the_model_names_alone_is_split_off_the_name_after_it() -> None:
    """ "Pelatih Arsenal Arsene Wenger" read as one name: the model tags "Arsenal" on its
    own as an organisation more than once, so it is the body of the role, not a first name."""
    text = (
        "Pemain termahal Arsenal, Pierre Aubameyang, belum siap tampil melawan Everton.\n\n"
        "Pelatih Arsenal Arsene Wenger menyatakan pemain baru itu masih beradaptasi.\n\n"
        '"Dia sudah sering bermain menghadapi Arsenal dalam banyak kesempatan," ucap Wenger.'
    )
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found["Arsene Wenger"].roles == ("Pelatih Arsenal",), found
    assert found["Arsenal"].type == "ORG"


def test_a_one_word_place_after_di_or_a_verbs_dari_takes_no_office_after_its_comma() -> None:
    """ "dihubungi dari Purwokerto, Kepala … Teguh Wardoyo": the office after the comma is
    the next name's; the place does not become a person holding it."""
    text = (
        "Saat dihubungi dari Purwokerto, Kepala Kelompok Teknisi Stasiun Meteorologi Badan "
        "Meteorologi Klimatologi dan Geofisika (BMKG) Cilacap Teguh Wardoyo mengatakan awan "
        "itu tidak berbahaya."
    )
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found["Purwokerto"].type != "PERSON", found


def test_a_place_then_a_person_the_article_names_on_their_own_elsewhere() -> None:
    """ "Dirjen PBB di Jenewa Michael Moller" read as one place: the article names Michael
    Moller on his own, with his office, so the place is split off."""
    text = (
        "Penghargaan itu diberikan di Gedung PBB di Jenewa, Swiss.\n\n"
        "Acara itu dihadiri Direktur Jenderal Kantor PBB Jenewa, Michael Moller dan Direktur "
        'Eksekutif UNODC, Yuri Fedotov.\n\n"Di abad 21 ini tidak ada tempat untuk perilaku '
        'korupsi," kata Dirjen PBB di Jenewa Michael Moller.'
    )
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert "Jenewa Michael Moller" not in found, found
    assert found["Michael Moller"].type == "PERSON"


def test_a_source_after_a_nouns_dari_keeps_the_office_after_its_comma() -> None:
    found = {
        e.name: e
        for e in extract_entities(
            "Menurut informasi dari Markoneng, manajer Jupe, Ruben sudah berada di RSCM."
        )
    }
    assert found["Markoneng"].role == "manajer Jupe", found


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Seniman Butet Kartaredjasa akan memamerkan 90 karya berbahan keramik.",
         "Butet Kartaredjasa", "Seniman"),
        ("Petenis Ukraina Elina Svitolina menang dua set langsung.", "Elina Svitolina",
         "Petenis Ukraina"),
        ("Komikus Jepang Tooru Fujisawa datang ke Jakarta.", "Tooru Fujisawa", "Komikus Jepang"),
    ],
)  # fmt: skip
def test_occupations_head_a_role(text: str, name: str, role: str) -> None:
    found = {e.name: e for e in extract_entities(text)}
    assert found[name].type == "PERSON", found
    assert found[name].role == role


def test_a_place_after_asal_is_where_someone_comes_from() -> None:
    found = {e.name: e for e in extract_entities(
        "Seniman muslim asal Kebumen merancang kolase Bunda Maria. Astronom asal Hawaii "
        "mengatakan meteor itu terang.")}  # fmt: skip
    assert found["Kebumen"].type != "PERSON", found
    assert found["Hawaii"].type != "PERSON", found


def test_a_name_whose_first_word_alone_speaks_later_is_a_person() -> None:
    """The news names someone in full, then by the first name as the one who speaks."""
    text = (
        "Meski tak sepopuler daging sapi, tapi ahli gizi Jansen Ongko menganggap, keong sawah "
        'bisa dijadikan alternatif sumber protein.\n\n"Keong sawah kaya protein," kata '
        "Jansen melalui surat elektronik."
    )
    found = {e.name: e for e in extract_entities(text, use_ner=True)}
    assert found["Jansen Ongko"].type == "PERSON", found
    assert "Jansen" in found["Jansen Ongko"].aliases or "Jansen" not in found


def test_the_field_of_an_office_after_lower_case_bidang_ends_the_office() -> None:
    """ "Menteri Koordinator bidang Kemaritiman Luhut …" read as one name from the field on:
    the field ("Kemaritiman", an affixed noun) closes the office."""
    found = {e.name: e for e in extract_entities(
        "Jakarta (ANTARA News) - Menteri Koordinator bidang Kemaritiman Luhut Binsar Pandjaitan "
        "mengungkap keengganan putra pertama Presiden Joko Widodo untuk terlibat.")}  # fmt: skip
    assert found["Luhut Binsar Pandjaitan"].role == "Menteri Koordinator bidang Kemaritiman"


def test_the_subject_of_a_regulation_is_no_office_holder() -> None:
    """ "Peraturan Menteri Perhubungan Nomor 26 Tahun 2017 tentang Angkutan Online": the
    words after "tentang" are what the regulation is about, not someone in an office."""
    found = {e.name: e for e in extract_entities(
        "Sesuai Peraturan Menteri Perhubungan Nomor 26 Tahun 2017 tentang Angkutan Online, "
        "taksi itu ilegal.")}  # fmt: skip
    assert not any(e.role and "tentang" in e.role for e in found.values()), found


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # sellers and owners are what an ordinary speaker is
        ("Kartini, penjual palai bada di kawasan Ampang, mengatakan ada banyak jenis palai.",
         "Kartini", "penjual palai bada di kawasan Ampang"),
        ("Pemilik Chelsea, Roman Abramovich, disebut siap mengucurkan dana.",
         "Roman Abramovich", "Pemilik Chelsea"),
        # … and, like "kuasa hukum", an owner's word right before a name names what is owned
        ("Pemilik baru City mengatakan klub akan membeli pemain baru.", "City", "absent"),
    ],
)  # fmt: skip
def test_owners_and_sellers(text: str, name: str, role: str) -> None:
    assert_roles(text, {name: role})
