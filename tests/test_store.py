"""The store contract, run over every backend, then SQLite's own guarantees.

Contract tests take the ``store``/``target`` fixtures, parametrized over
``BACKENDS``; a PostgreSQL backend joins by adding its param (a throwaway
database URL) to ``target``. Tests below "SQLite only" look inside the file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from telisik.errors import StoreError
from telisik.model import (
    Document,
    Entity,
    Event,
    EventDate,
    Mention,
    PublishedDate,
    Quantity,
    Quote,
    Removal,
    Sentence,
    Span,
    Story,
    TimeExpr,
    Token,
    document_id,
)
from telisik.settings import Settings
from telisik.store import SqliteStore, Store, open_store
from telisik.store import migrations as migrations_mod
from telisik.store import sqlite as sqlite_mod
from telisik.store.rows import ARTICLE_COLUMNS, ARTICLE_META_COLUMNS, CHILD_COLUMNS

# --- fixtures ------------------------------------------------------------------

BACKENDS = [pytest.param("sqlite", id="sqlite")]


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh, empty store lives (a real file for SQLite, not :memory:)."""
    if request.param == "sqlite":
        return str(tmp_path / "telisik.db")
    raise AssertionError(f"no target for backend {request.param}")


@pytest.fixture
def store(target: str) -> Iterator[Store]:
    with open_store(target) as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SqliteStore]:
    with SqliteStore(tmp_path / "telisik.db") as opened:
        yield opened


TEXT = (
    "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/06/2024) malam. "
    "Pemimpin Korea Utara Kim Jong Un menyambutnya di bandara.\n\n"
    "Menteri Luar Negeri AS Antony Blinken mengatakan, “Kami sangat prihatin.” "
    "Moskow dan Pyongyang membantah pengiriman hampir 5 juta peluru artileri, "
    "kata Sergeï Shoigu."
)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def tokens(start: int, end: int) -> tuple[Token, ...]:
    return tuple(Token(i, i + 1) for i in range(start, end, 7))


def full_document(text: str = TEXT, **changes: Any) -> Document:
    """A document with every field and every list filled, offsets into ``text``."""
    s1, s2 = text.index("Pemimpin"), text.index("Menteri")
    putin, kim, blinken = span(text, "Vladimir Putin"), span(text, "Kim Jong Un"), span(text, "AS")
    doc = Document(
        id=document_id(text),
        source="corpus/putin-pyongyang.html",
        url="https://example.test/berita/putin-pyongyang",
        text=text,
        raw="Logo Contoh Media\n\n" + text + "\n--Dengan bantuan dari Sangmi Cha",
        outlet="Contoh Media",
        title="Putin dan Kim bertemu di Pyongyang",
        language="id",
        published=PublishedDate("2024-06-20", "day", "inferred"),
        date_hints=("20 Juni 2024 07:15",),
        removed=(
            Removal("Logo Contoh Media", "logo", line=0, value="Contoh Media"),
            Removal("--Dengan bantuan dari Sangmi Cha", "credit", line=4, value="Sangmi Cha"),
        ),
        credits=("Sangmi Cha",),
        authors=("Redaksi",),
        editors=("Ayu", "Budi"),
        sentences=(
            Sentence(0, s1 - 1, 0, tokens(0, s1 - 1)),
            Sentence(s1, s2 - 2, 0, tokens(s1, s2 - 2)),
            Sentence(s2, len(text), 1),
        ),
        entities=(
            Entity(
                "vladimir-putin",
                "Vladimir Putin",
                "PERSON",
                en="Vladimir Putin",
                role="Presiden Rusia",
                roles=("Presiden Rusia",),
                aliases=("Putin",),
                mentions=(Mention(*putin, "Vladimir Putin"),),
            ),
            Entity(
                "north-korea",
                "Korea Utara",
                "GPE",
                en="North Korea",
                aliases=("Korut", "Pyongyang"),
                mentions=(
                    Mention(*span(text, "Korea Utara"), "Korea Utara"),
                    Mention(*span(text, "Pyongyang membantah"), "Pyongyang", metonym=True),
                ),
            ),
            Entity(
                "kim-jong-un", "Kim Jong Un", "PERSON", mentions=(Mention(*kim, "Kim Jong Un"),)
            ),
            Entity("united-states", "Amerika Serikat", "GPE", mentions=(Mention(*blinken, "AS"),)),
        ),
        quotes=(
            Quote(
                "Kami sangat prihatin.",
                *span(text, "Kami sangat prihatin."),
                kind="direct",
                speaker="antony-blinken",
                speaker_name="Antony Blinken",
                speaker_role="Menteri Luar Negeri AS",
                cue="mengatakan",
            ),
            Quote(
                "membantah pengiriman",
                *span(text, "membantah pengiriman"),
                kind="indirect",
                speaker="sergei-shoigu",
                via="kata",
            ),
        ),
        times=(
            TimeExpr(
                "Rabu (19/06/2024) malam",
                *span(text, "Rabu (19/06/2024) malam"),
                value="2024-06-19",
                precision="day",
            ),
            TimeExpr(
                "tahun ini",
                0,
                3,
                value="2024",
                precision="year",
                end_value="2024-12",
                relative=True,
            ),
        ),
        quantities=(
            Quantity(
                "hampir 5 juta peluru artileri",
                *span(text, "hampir 5 juta peluru artileri"),
                value=5_000_000,
                approx=True,
                unit="peluru artileri",
            ),
            Quantity("2,5 ton", 0, 3, value=2.5, unit="ton"),
            Quantity("beberapa", 0, 3),
        ),
        events=(
            Event(
                "CONSULT",
                Span(0, s1 - 1),
                mode="visit",
                cameo="04",
                source="vladimir-putin",
                target="north-korea",
                location="pyongyang",
                date=EventDate("2024-06-19", "day"),
            ),
            Event(
                "AID",
                Span(*span(text, "pengiriman")),
                source="north-korea",
                target="russia",
                status="denied",
                claimed_by=("united-states",),
                denied_by=("russia", "north-korea"),
            ),
            Event("ASSAULT", Span(0, 3), date=EventDate(), status="hypothetical"),
        ),
    )
    return dataclasses.replace(doc, **changes)


def minimal_document(n: int, **changes: Any) -> Document:
    text = f"Berita nomor {n} tentang Pyongyang."
    doc = Document(id=document_id(text), source=f"corpus/{n}.txt", text=text)
    return dataclasses.replace(doc, **changes)


def stored_form(doc: Document) -> Document:
    """What a store gives back: everything but token offsets."""
    sentences = tuple(dataclasses.replace(s, tokens=()) for s in doc.sentences)
    return dataclasses.replace(doc, sentences=sentences)


def snapshot(store: Store) -> tuple[dict[str, int], list[dict[str, Any]], list[str]]:
    """Everything observable: counts, every document, what a search finds."""
    hits = [h.id for h in store.search("Pyongyang OR Berita OR baru")]
    return store.stats(), [d.to_dict(raw=True) for d in store.documents()], hits


# --- round trip ------------------------------------------------------------------


def test_store_satisfies_the_protocol(store: Store) -> None:
    assert isinstance(store, Store)


def test_full_document_round_trips(store: Store) -> None:
    doc = full_document()
    result = store.put(doc)
    assert (result.id, result.status, result.replaced) == (doc.id, "inserted", None)
    back = store.get(doc.id)
    assert back == stored_form(doc)
    assert back is not None and back.to_dict(raw=True) == stored_form(doc).to_dict(raw=True)
    # numbers come back as the type they went in as
    assert [type(q.value) for q in back.quantities] == [int, float, type(None)]
    # no date and an unknown date stay different
    assert [e.date for e in back.events] == [EventDate("2024-06-19", "day"), None, EventDate()]


def test_minimal_document_round_trips(store: Store) -> None:
    doc = Document(id="0000aaaa0000aaaa", source="")
    store.put(doc)
    assert store.get(doc.id) == doc


def test_unknown_id_is_none(store: Store) -> None:
    assert store.get("ffffffffffffffff") is None


_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
_opt_text = st.none() | _text
_int = st.integers(min_value=-1, max_value=10**9)
_names = st.lists(_text, max_size=3).map(tuple)


def _doc_strategy() -> st.SearchStrategy[Document]:
    mention = st.builds(Mention, _int, _int, _text, st.booleans())
    entity = st.builds(
        Entity,
        _text,
        _text,
        _text,
        _opt_text,
        _opt_text,
        _names,
        _names,
        st.lists(mention, max_size=3).map(tuple),
    )
    event = st.builds(
        Event,
        _text,
        st.builds(Span, _int, _int),
        _opt_text,
        _opt_text,
        _opt_text,
        _opt_text,
        _opt_text,
        st.none() | st.builds(EventDate, _opt_text, st.sampled_from(["day", "year"])),
        st.sampled_from(["asserted", "denied"]),
        _names,
        _names,
    )
    number = st.none() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False)
    return st.builds(
        Document,
        id=st.text("0123456789abcdef", min_size=16, max_size=16),
        source=_text,
        text=_text,
        raw=_text,
        outlet=_opt_text,
        title=_opt_text,
        url=_opt_text,
        language=_opt_text,
        published=st.builds(PublishedDate, _opt_text),
        date_hints=_names,
        removed=st.lists(st.builds(Removal, _text, _text, _int, _opt_text), max_size=2).map(tuple),
        credits=_names,
        authors=_names,
        editors=_names,
        sentences=st.lists(st.builds(Sentence, _int, _int, _int), max_size=3).map(tuple),
        entities=st.lists(entity, max_size=3).map(tuple),
        quotes=st.lists(
            st.builds(
                Quote,
                _text,
                _int,
                _int,
                st.sampled_from(["direct", "partial"]),
                _opt_text,
                _opt_text,
                _opt_text,
                _opt_text,
                _opt_text,
            ),
            max_size=2,
        ).map(tuple),
        times=st.lists(
            st.builds(
                TimeExpr, _text, _int, _int, _opt_text, st.just("day"), _opt_text, st.booleans()
            ),
            max_size=2,
        ).map(tuple),
        quantities=st.lists(
            st.builds(Quantity, _text, _int, _int, number, st.booleans(), _opt_text), max_size=2
        ).map(tuple),
        events=st.lists(event, max_size=2).map(tuple),
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=_doc_strategy())
def test_any_document_round_trips_and_reputs_unchanged(store: Store, doc: Document) -> None:
    # Examples share one store: start this id afresh; a repeated source means "replaced".
    store.delete(doc.id)
    assert store.put(doc).status in ("inserted", "replaced")
    back = store.get(doc.id)
    assert back == doc
    assert back is not None and store.put(back).status == "unchanged"


# --- put semantics ---------------------------------------------------------------


def test_same_document_again_is_unchanged(store: Store) -> None:
    doc = full_document()
    store.put(doc)
    before = snapshot(store)
    assert store.put(doc).status == "unchanged"
    # equal content from another object (read back, tokens gone) is also unchanged
    back = store.get(doc.id)
    assert back is not None and store.put(back).status == "unchanged"
    assert store.put(stored_form(doc)).status == "unchanged"
    assert snapshot(store) == before


def test_changed_extraction_updates_in_place(store: Store) -> None:
    doc = full_document()
    store.put(doc)
    newer = dataclasses.replace(
        doc, title="Kunjungan Putin", entities=doc.entities[:1], events=(), quotes=doc.quotes[:1]
    )
    result = store.put(newer)
    assert (result.id, result.status, result.replaced) == (doc.id, "updated", None)
    assert store.get(doc.id) == stored_form(newer)
    counts = store.stats()
    assert (counts["articles"], counts["entities"], counts["mentions"]) == (1, 1, 1)
    assert (counts["events"], counts["quotes"]) == (0, 1)
    assert [h.id for h in store.search("Kunjungan")] == [doc.id]
    assert store.search("bertemu") == []  # the old title is out of the index


def test_the_same_text_from_another_source_is_a_duplicate(store: Store) -> None:
    first = full_document()
    copy = dataclasses.replace(
        first, source="crawl-2/amp.html", url="https://example.test/amp/putin", title="AMP"
    )
    store.put(first)
    before = snapshot(store)
    result = store.put(copy)
    assert (result.id, result.status, result.source) == (first.id, "duplicate", copy.source)
    assert store.get(first.id) == stored_form(first)  # the first copy stays
    # re-ingesting both is idempotent, in either order
    assert [store.put(d).status for d in (copy, first, copy)] == [
        "duplicate",
        "unchanged",
        "duplicate",
    ]
    assert snapshot(store) == before


def test_the_same_source_gaining_a_url_is_an_update(store: Store) -> None:
    doc = full_document(url=None)
    store.put(doc)
    assert store.put(full_document()).status == "updated"
    assert store.get(doc.id) == stored_form(full_document())


def test_new_version_of_an_article_replaces_the_old_one(store: Store) -> None:
    old = full_document()
    store.put(old)
    text = TEXT.replace("Rabu (19/06/2024) malam", "Rabu (19/06/2024) malam waktu setempat")
    new = full_document(text, title="Putin tiba di Pyongyang")
    assert new.id != old.id and new.url == old.url
    result = store.put(new)
    assert (result.id, result.status, result.replaced) == (new.id, "replaced", old.id)
    assert store.get(old.id) is None
    assert store.get(new.id) == stored_form(new)
    assert [d.id for d in store.documents()] == [new.id]
    counts = store.stats()
    assert counts["articles"] == 1
    assert counts["mentions"] == sum(len(e.mentions) for e in new.entities)
    assert store.search("bertemu") == []
    assert [h.id for h in store.search("setempat")] == [new.id]


def test_source_is_the_key_when_there_is_no_url(store: Store) -> None:
    first = minimal_document(1, source="feeds/antara.xml#42")
    second = minimal_document(2, source="feeds/antara.xml#42")
    store.put(first)
    result = store.put(second)
    assert (result.status, result.replaced) == ("replaced", first.id)
    assert store.stats()["articles"] == 1


@pytest.mark.parametrize(
    "source_a,url_a,source_b,url_b",
    [
        ("a.txt", None, "b.txt", None),  # different sources
        ("same.jsonl", "https://x.test/1", "same.jsonl", "https://x.test/2"),  # url wins
        ("", None, "", None),  # no key at all: never a version of each other
    ],
)
def test_different_articles_do_not_replace_each_other(
    store: Store, source_a: str, url_a: str | None, source_b: str, url_b: str | None
) -> None:
    a = minimal_document(1, source=source_a, url=url_a)
    b = minimal_document(2, source=source_b, url=url_b)
    assert [store.put(a).status, store.put(b).status] == ["inserted", "inserted"]
    assert store.stats()["articles"] == 2


def _unstorable_event() -> Event:
    # Larger than any integer column: fails only when the event row is written,
    # after the article and every other child table.
    return Event("CONSULT", Span(0, 2**70))


@pytest.mark.parametrize("case", ["insert", "update", "replace"])
def test_a_failing_write_changes_nothing(store: Store, case: str) -> None:
    stored = full_document()
    store.put(stored)
    store.put(minimal_document(1))
    before = snapshot(store)
    if case == "insert":
        bad = minimal_document(2, events=(_unstorable_event(),))
    elif case == "update":
        bad = dataclasses.replace(stored, title="baru", events=(_unstorable_event(),))
    else:  # a new version of `stored`
        bad = full_document(TEXT + " Berita baru.", events=(_unstorable_event(),))
    with pytest.raises(StoreError, match=bad.source):
        store.put(bad)
    assert snapshot(store) == before
    assert store.put(stored).status == "unchanged"


@pytest.mark.parametrize(
    "changes",
    [
        {"text": "sisa \ud800 rusak"},  # a lone surrogate cannot be encoded
        {"events": (Event("CONSULT", Span(0, 1), location=object()),)},  # type: ignore[arg-type]
        {"events": (_unstorable_event(),)},
    ],
    ids=["surrogate", "object", "huge-int"],
)
def test_values_a_store_cannot_hold_are_refused(store: Store, changes: dict[str, Any]) -> None:
    store.put(minimal_document(1))
    before = snapshot(store)
    bad = minimal_document(2, source="rusak.html", **changes)
    with pytest.raises(StoreError, match=r"rusak\.html: .*bug in the stage"):
        store.put(bad)
    assert snapshot(store) == before


def test_put_many_streams_one_document_at_a_time(store: Store) -> None:
    pulled: list[int] = []

    def stream() -> Iterator[Document]:
        for n in range(3):
            pulled.append(n)
            yield minimal_document(n)

    results = store.put_many(stream())
    first = next(results)
    assert (first.status, pulled) == ("inserted", [0])
    assert store.get(first.id) is not None  # committed before the next one is read
    assert [r.status for r in results] == ["inserted", "inserted"]
    assert pulled == [0, 1, 2]


def test_put_many_goes_on_after_a_bad_document(store: Store) -> None:
    bad = minimal_document(2, source="rusak.html", events=(_unstorable_event(),))
    results = list(store.put_many([minimal_document(1), bad, minimal_document(3)]))
    assert [r.status for r in results] == ["inserted", "failed", "inserted"]
    failed = results[1]
    assert failed.id == bad.id and failed.error and "rusak.html" in failed.error
    assert store.get(bad.id) is None
    assert store.stats()["articles"] == 2


# --- reading -------------------------------------------------------------------------


def test_find_resolves_id_prefixes(store: Store) -> None:
    ids = ["abcd000000000001", "abcd000000000002", "abce000000000003"]
    for n, id in enumerate(ids):
        store.put(dataclasses.replace(minimal_document(n), id=id))
    assert store.find("abcd") == ids[:2]
    assert store.find("ABCD0000000000") == ids[:2]
    assert store.find(ids[2]) == [ids[2]]
    assert store.find("ffff") == []


@pytest.mark.parametrize("prefix", ["", "abc", "zzzz", "abcd*", "ab%d", "ab_d"])
def test_find_refuses_what_is_not_an_id_prefix(store: Store, prefix: str) -> None:
    with pytest.raises(StoreError, match="at least 4"):
        store.find(prefix)


def test_documents_come_back_in_insertion_order(store: Store) -> None:
    docs = [minimal_document(n) for n in (5, 3, 9, 1)]
    for doc in docs:
        store.put(doc)
    store.put(dataclasses.replace(docs[1], title="diperbarui"))  # an update keeps its place
    assert [d.id for d in store.documents()] == [d.id for d in docs]
    assert next(iter(store.documents())) == docs[0]


def test_search_finds_titles_and_text_with_snippets(store: Store) -> None:
    doc = full_document()
    other = minimal_document(1)
    store.put(doc)
    store.put(other)
    hits = store.search("Blinken")
    assert [h.id for h in hits] == [doc.id]
    hit = hits[0]
    assert (hit.title, hit.source) == (doc.title, doc.source)
    assert "[Blinken]" in hit.snippet
    assert isinstance(hit.rank, float)
    # a term in the title ranks its article above one that has it only in the text
    assert store.search("pyongyang")[0].id == doc.id
    ranks = [h.rank for h in store.search("pyongyang")]
    assert ranks == sorted(ranks) and len(ranks) == 2
    assert len(store.search("pyongyang", limit=1)) == 1


@pytest.mark.parametrize(
    "query,found",
    [
        ("putin AND kim", True),  # FTS5 syntax is passed through
        ('"peluru artileri"', True),  # a phrase
        ("title:bertemu", True),  # a column filter
        ("artiler*", True),  # a prefix
        ("Sergei", True),  # diacritics ignored: the text says "Sergeï"
        ("PRESIDEN", True),  # case ignored
        ("Korea-Utara", True),  # FTS5 rejects the hyphen; retried as a phrase
        ('"prihatin', True),  # unbalanced quote
        ("Blinken)", True),
        ("AND", False),
        ("NEAR(", False),
        ("*", False),
        ("kim OR", False),
        ("nosuchcolumn:kim", False),
        ("'; DROP TABLE articles; --", False),
        ("tidak ada", False),
    ],
)
def test_search_never_crashes_on_a_query(store: Store, query: str, found: bool) -> None:
    doc = full_document()
    store.put(doc)
    hits = store.search(query)
    assert [h.id for h in hits] == ([doc.id] if found else [])
    assert store.stats()["articles"] == 1


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_search_finds_nothing(store: Store, query: str) -> None:
    store.put(full_document())
    assert store.search(query) == []


def test_stats_count_every_table_in_a_fixed_order(store: Store) -> None:
    empty = store.stats()
    expected_keys = [
        "articles", "removed", "sentences", "entities", "mentions", "quotes",
        "times", "quantities", "events", "stories", "story_members", "story_signatures",
        "quote_groups", "quote_sources",
        "kb_entities", "kb_entity_members", "entity_corrections",
        "kb_events", "kb_event_mentions", "event_corrections",
    ]  # fmt: skip
    assert list(empty) == expected_keys
    assert set(empty.values()) == {0}
    doc = full_document()
    store.put(doc)
    assert store.stats() == {
        "articles": 1,
        "removed": len(doc.removed),
        "sentences": len(doc.sentences),
        "entities": len(doc.entities),
        "mentions": sum(len(e.mentions) for e in doc.entities),
        "quotes": len(doc.quotes),
        "times": len(doc.times),
        "quantities": len(doc.quantities),
        "events": len(doc.events),
        "stories": 0,
        "story_members": 0,
        "story_signatures": 0,
        "quote_groups": 0,
        "quote_sources": 0,
        "kb_entities": 0,
        "kb_entity_members": 0,
        "entity_corrections": 0,
        "kb_events": 0,
        "kb_event_mentions": 0,
        "event_corrections": 0,
    }


def test_delete_takes_every_child_with_it(store: Store) -> None:
    doc, other = full_document(), minimal_document(1)
    store.put(doc)
    store.put(other)
    store.put_story(Story("s1", "cluster", (doc.id, other.id)))
    assert store.delete(doc.id) is True
    assert store.delete(doc.id) is False
    assert store.get(doc.id) is None
    counts = store.stats()
    assert counts["articles"] == 1 and counts["story_members"] == 1
    assert sum(counts.values()) == counts["articles"] + counts["stories"] + 1
    assert store.search("Blinken") == []


# --- stories -------------------------------------------------------------------------


def test_stories_round_trip_and_follow_their_articles(store: Store) -> None:
    a, b, c = (minimal_document(n) for n in range(3))
    for doc in (a, b, c):
        store.put(doc)
    wire = Story("dup-1", "near_duplicate", (a.id, b.id), label="Bloomberg")
    cluster = Story("cl-1", "cluster", (b.id, c.id))
    store.put_story(wire)
    store.put_story(cluster)
    assert store.stories() == [cluster, wire]
    assert store.stories(article=a.id) == [wire]
    assert store.stories(article=b.id) == [cluster, wire]
    # putting a story again replaces its members
    store.put_story(dataclasses.replace(wire, articles=(c.id, a.id)))
    assert store.stories(article=b.id) == [cluster]
    # an update in place keeps memberships; a deleted article leaves its stories
    store.put(dataclasses.replace(a, title="diperbarui"))
    assert store.stories(article=a.id)[0].articles == (c.id, a.id)
    store.delete(c.id)
    assert store.stories() == [
        Story("cl-1", "cluster", (b.id,)),
        Story("dup-1", "near_duplicate", (a.id,), "Bloomberg"),
    ]


def test_a_story_needs_its_articles_stored(store: Store) -> None:
    a = minimal_document(1)
    store.put(a)
    with pytest.raises(StoreError, match="ffffffffffffffff"):
        store.put_story(Story("s", "cluster", (a.id, "ffffffffffffffff")))
    assert store.stories() == []
    assert store.stats()["story_members"] == 0


# --- lifecycle -----------------------------------------------------------------------


def test_reopening_keeps_everything(target: str) -> None:
    doc = full_document()
    with open_store(target) as first:
        first.put(doc)
    with open_store(target) as second:
        assert second.get(doc.id) == stored_form(doc)
        assert second.put(doc).status == "unchanged"


def test_a_closed_store_says_so(target: str) -> None:
    store = open_store(target)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.get("0000000000000000")


# --- SQLite only: the file itself ------------------------------------------------------


@contextlib.contextmanager
def _raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection to the file, closed afterwards."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def test_sqlite_uses_wal_and_foreign_keys(sqlite_store: SqliteStore) -> None:
    conn = sqlite_store._db
    pragma = {
        name: conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
    }
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 1,  # NORMAL
        "busy_timeout": sqlite_mod.BUSY_TIMEOUT_MS,
    }


def test_sqlite_schema_matches_the_row_layout(sqlite_store: SqliteStore) -> None:
    conn = sqlite_store._db

    def columns(table: str) -> tuple[str, ...]:
        return tuple(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))

    assert columns("articles") == ("num", *ARTICLE_COLUMNS, *ARTICLE_META_COLUMNS)
    for table, cols in CHILD_COLUMNS.items():
        assert columns(table) == ("article_num", *cols)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_sqlite_unchanged_put_writes_nothing(sqlite_store: SqliteStore) -> None:
    doc = full_document()
    sqlite_store.put(doc)
    conn = sqlite_store._db
    changes = conn.total_changes
    stamp = conn.execute("SELECT updated_at FROM articles").fetchone()
    assert sqlite_store.put(doc).status == "unchanged"
    assert conn.total_changes == changes
    assert conn.execute("SELECT updated_at FROM articles").fetchone() == stamp


def test_sqlite_records_versions_and_keeps_the_first_ingestion_time(
    sqlite_store: SqliteStore,
) -> None:
    import telisik

    doc = full_document()
    sqlite_store.put(doc)
    query = "SELECT contract_version, telisik_version, ingested_at, updated_at FROM articles"
    contract, version, ingested, updated = sqlite_store._db.execute(query).fetchone()
    assert (contract, version) == (telisik.CONTRACT_VERSION, telisik.__version__)
    sqlite_store.put(dataclasses.replace(doc, title="baru"))
    row = sqlite_store._db.execute(query).fetchone()
    assert row[2] == ingested and row[3] > updated


@pytest.mark.parametrize("case", ["insert", "update", "replace"])
def test_sqlite_rolls_back_a_write_that_fails_half_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    path = tmp_path / "telisik.db"
    stored = full_document()
    with SqliteStore(path) as store:
        store.put(stored)
        before = snapshot(store)
        real = SqliteStore._write_children

        def fail_after_most_children(
            self: SqliteStore, conn: sqlite3.Connection, num: int, children: Any
        ) -> None:
            real(self, conn, num, {k: v for k, v in children.items() if k != "events"})
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(SqliteStore, "_write_children", fail_after_most_children)
        doc = {
            "insert": minimal_document(1),
            "update": dataclasses.replace(stored, title="baru", entities=()),
            "replace": full_document(TEXT + " Berita baru."),
        }[case]
        with pytest.raises(RuntimeError, match="disk on fire"):
            store.put(doc)
        assert not store._db.in_transaction
        assert snapshot(store) == before
    monkeypatch.undo()
    with SqliteStore(path) as reopened:  # and on disk, through a fresh connection
        assert snapshot(reopened) == before


def test_sqlite_readers_see_committed_state_while_a_writer_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "telisik.db"
    first, second = minimal_document(1), full_document()
    with SqliteStore(path) as writer, SqliteStore(path) as reader:
        writer.put(first)
        seen: list[tuple[int, bool]] = []
        real = SqliteStore._write_children

        def peek(self: SqliteStore, conn: sqlite3.Connection, num: int, children: Any) -> None:
            real(self, conn, num, children)
            # mid-transaction: the reader neither blocks nor sees the half-written article
            seen.append((reader.stats()["articles"], reader.get(second.id) is None))

        monkeypatch.setattr(SqliteStore, "_write_children", peek)
        writer.put(second)
        assert seen == [(1, True)]
        assert reader.get(second.id) == stored_form(second)


def test_sqlite_a_second_writer_gets_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "telisik.db"
    monkeypatch.setattr(sqlite_mod, "BUSY_TIMEOUT_MS", 50)
    with SqliteStore(path) as one, SqliteStore(path) as two:
        one._db.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError, match="another telisik process is writing"):
            two.put(minimal_document(1))
        one._db.execute("ROLLBACK")
        assert two.put(minimal_document(1)).status == "inserted"


def test_sqlite_documents_reads_in_pages(
    sqlite_store: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_mod, "PAGE_SIZE", 2)
    docs = [minimal_document(n) for n in range(5)]
    for doc in docs:
        sqlite_store.put(doc)
    assert list(sqlite_store.documents()) == docs


# --- SQLite only: migrations -------------------------------------------------------------


def test_migrations_are_numbered_one_by_one() -> None:
    versions = [m.version for m in migrations_mod.MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
    assert all(migrations_mod.statements(m.sql) for m in migrations_mod.MIGRATIONS)


def test_a_new_file_is_at_the_latest_schema(sqlite_store: SqliteStore) -> None:
    conn = sqlite_store._db
    latest = migrations_mod.latest_version()
    assert sqlite_store.schema_version == latest
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest
    assert conn.execute("PRAGMA application_id").fetchone()[0] == migrations_mod.APPLICATION_ID
    rows = conn.execute("SELECT version, name FROM schema_version ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in migrations_mod.MIGRATIONS]


def test_an_older_file_is_migrated_forward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "telisik.db"
    doc = full_document()
    with SqliteStore(path) as old:
        old.put(doc)
    latest = migrations_mod.latest_version()

    def backfill(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO corrections (article_num, note) SELECT num, 'x' FROM articles")

    newer = migrations_mod.Migration(
        latest + 1,
        "test: corrections",
        "CREATE TABLE corrections (\n"
        "    article_num INTEGER NOT NULL REFERENCES articles (num) ON DELETE CASCADE,\n"
        "    note TEXT NOT NULL\n);\n"
        "CREATE INDEX corrections_by_article ON corrections (article_num);",
        run=backfill,
    )
    monkeypatch.setattr(migrations_mod, "MIGRATIONS", (*migrations_mod.MIGRATIONS, newer))
    with SqliteStore(path) as store:
        assert store.schema_version == latest + 1
        assert store.get(doc.id) == stored_form(doc)
        conn = store._db
        assert conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == 1
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == latest + 1
        store.delete(doc.id)  # the new table cascades like the others
        assert conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0


def test_a_failing_migration_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "telisik.db"
    doc = minimal_document(1)
    with SqliteStore(path) as old:
        old.put(doc)
    latest = migrations_mod.latest_version()
    broken = migrations_mod.Migration(
        latest + 1, "test: broken", "CREATE TABLE half (a);\nINSERT INTO no_such_table VALUES (1);"
    )
    monkeypatch.setattr(migrations_mod, "MIGRATIONS", (*migrations_mod.MIGRATIONS, broken))
    with pytest.raises(StoreError, match=f"could not migrate .* to schema {latest + 1}"):
        SqliteStore(path)
    monkeypatch.undo()
    with SqliteStore(path) as store:
        assert store.schema_version == latest
        assert store.get(doc.id) == doc
        tables = {r[0] for r in store._db.execute("SELECT name FROM sqlite_master")}
        assert "half" not in tables


def test_a_file_from_a_newer_telisik_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "telisik.db"
    SqliteStore(path).close()
    with _raw(path) as conn:
        conn.execute(f"PRAGMA user_version = {migrations_mod.latest_version() + 5}")
    with pytest.raises(StoreError, match="newer telisik"):
        open_store(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"Korea Utara dan Rusia\n" * 500)
    with pytest.raises(
        StoreError, match=r"notes.db is not a telisik database \(file is not a database\)"
    ):
        open_store(path)
    assert path.read_bytes() == b"Korea Utara dan Rusia\n" * 500


def test_another_programs_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with _raw(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")
    with pytest.raises(StoreError, match=r"not a telisik database .*photos"):
        open_store(path)
    with _raw(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("photos",)]


def test_a_path_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "telisik.db"
    with pytest.raises(StoreError, match="does not exist"):
        open_store(path)
    assert not (tmp_path / "no").exists()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


# --- open_store targets -------------------------------------------------------------------


def test_open_store_takes_paths_and_sqlite_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    doc = minimal_document(1)
    with open_store(tmp_path / "a.db") as store:
        store.put(doc)
    with open_store(str(tmp_path / "a.db")) as store:
        assert store.get(doc.id) == doc
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as store:  # sqlite:////abs/a.db
        assert store.get(doc.id) == doc
    with open_store("sqlite:///a.db") as store:  # relative to the working folder
        assert store.get(doc.id) == doc
    settings = Settings().override("store", path=str(tmp_path / "a.db"))
    with open_store(settings=settings) as store:
        assert store.get(doc.id) == doc


@pytest.mark.parametrize(
    "target,message",
    [
        ("sqlite://", "has no file path"),
        ("mysql://localhost/telisik", "unknown store scheme mysql://"),
        ("s3://bucket/telisik.db", "unknown store scheme s3://"),
    ],
)
def test_open_store_refuses_unknown_targets(target: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(target)


def test_without_a_postgres_backend_the_url_is_refused_without_its_password() -> None:
    try:
        import telisik.store.postgres  # noqa: F401
    except ModuleNotFoundError:
        pass
    else:
        pytest.skip("the PostgreSQL backend exists")
    with pytest.raises(StoreError, match="no PostgreSQL backend") as info:
        open_store("postgresql://analis:rahasia@db.example/telisik")
    assert "rahasia" not in str(info.value)
