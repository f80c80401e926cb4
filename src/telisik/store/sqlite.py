"""The default store: one SQLite file with WAL, foreign keys and an FTS5 index."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

from ..errors import StoreError
from ..model import CONTRACT_VERSION, Document, Story
from .base import PutResult, PutStatus, SearchHit, source_key
from .migrations import TABLES, check_owner, migrate

if TYPE_CHECKING:
    from ..entities.kb import EntityCorrection, EntityRef, KbEntity
    from ..eventkb import Correction, EventMention, KbEvent
    from ..quotes import QuoteGroup, QuoteRecord
    from ..stories import Signature
from .rows import (
    ARTICLE_COLUMNS,
    ARTICLE_META_COLUMNS,
    CHILD_COLUMNS,
    CHILD_ORDER,
    DocumentRows,
    Row,
    event_from_row,
    from_rows,
    to_rows,
)

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
PAGE_SIZE = 256  # documents() reads ids in pages of this many
MIN_PREFIX = 4
_HEX = re.compile(r"[0-9a-f]+")

_COLUMNS = ARTICLE_COLUMNS + ARTICLE_META_COLUMNS
_INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
)
# An update keeps the row, its num (so children keys and the FTS rowid stay)
# and the first ingestion time.
_UPDATE_ARTICLE = (
    "UPDATE articles SET "
    + ", ".join(f"{c} = ?" for c in _COLUMNS if c not in ("id", "ingested_at"))
    + " WHERE num = ?"
)
_SELECT_ARTICLE = f"SELECT num, {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?"
_INSERT_CHILD = {
    table: f"INSERT INTO {table} (article_num, {', '.join(cols)}) "
    f"VALUES ({', '.join('?' * (len(cols) + 1))})"
    for table, cols in CHILD_COLUMNS.items()
}
_SELECT_CHILD = {
    table: f"SELECT {', '.join(cols)} FROM {table} WHERE article_num = ? "
    f"ORDER BY {CHILD_ORDER[table]}"
    for table, cols in CHILD_COLUMNS.items()
}
# Mentions first: deleting entities would cascade to them anyway, one by one.
_DELETE_CHILD = {
    table: f"DELETE FROM {table} WHERE article_num = ?" for table in reversed(CHILD_COLUMNS)
}
_EVENT_COLS = ", ".join(f"e.{c}" for c in CHILD_COLUMNS["events"])
_SEARCH = (
    "SELECT a.id, a.title, a.source, "
    "snippet(articles_fts, -1, '[', ']', '…', 16), rank "
    "FROM articles_fts JOIN articles AS a ON a.num = articles_fts.rowid "
    "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
)

# Errors that mean this document cannot be stored (bad values), as opposed to
# the database being unusable (locked, full, read-only, corrupt).
_DOCUMENT_ERRORS = (
    sqlite3.IntegrityError,
    sqlite3.InterfaceError,
    sqlite3.ProgrammingError,
    ValueError,
    TypeError,
    OverflowError,
)


class _DocumentError(StoreError):
    """One document could not be written; the store itself is fine."""


def _telisik_version() -> str:
    # Imported late: telisik/__init__ may import the store before it sets __version__.
    from .. import __version__

    return __version__


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class SqliteStore:
    """A :class:`~telisik.store.base.Store` in one SQLite file.

    Open it with :func:`telisik.store.open_store`. The connection is in
    autocommit mode and every write opens its own ``BEGIN IMMEDIATE``
    transaction, so a writer never fails half-way through a lock upgrade.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._conn = _connect(self.path)
        try:
            check_owner(self._conn, self.path)
            self.schema_version = migrate(self._conn, self.path, telisik_version=_telisik_version())
        except BaseException as exc:
            self._conn.close()
            self._conn = None
            if isinstance(exc, sqlite3.Error):
                raise _open_error(self.path, exc) from exc
            raise

        self._version = _telisik_version()

    def __repr__(self) -> str:
        return f"SqliteStore({str(self.path)!r})"

    # --- writing --------------------------------------------------------------

    def put(self, doc: Document) -> PutResult:
        conn = self._db
        try:
            rows = to_rows(doc)
        except _DOCUMENT_ERRORS as exc:  # a value that is not str/int/float/None
            raise self._error("write", doc, exc) from exc
        try:
            stored = conn.execute(
                "SELECT content_hash, source FROM articles WHERE id = ?", (doc.id,)
            ).fetchone()
        except sqlite3.Error as exc:
            raise self._error("read", doc, exc) from exc
        if stored is not None:
            if stored[0] == rows.content_hash:
                logger.debug("unchanged %s (%s)", doc.id, doc.source)
                return PutResult(doc.id, "unchanged", doc.source)
            if stored[1] != doc.source:
                logger.info("%s: same text as %s, stored from %s", doc.source, doc.id, stored[1])
                return PutResult(doc.id, "duplicate", doc.source)
        with self._transaction("write", doc):
            status, replaced = self._write(conn, doc, rows)
        logger.debug("%s %s (%s)", status, doc.id, doc.source)
        return PutResult(doc.id, status, doc.source, replaced=replaced)

    def put_many(self, docs: Iterable[Document]) -> Iterator[PutResult]:
        for doc in docs:
            try:
                yield self.put(doc)
            except _DocumentError as exc:
                logger.warning("%s", exc)
                yield PutResult(doc.id, "failed", doc.source, error=str(exc))

    def _write(
        self, conn: sqlite3.Connection, doc: Document, rows: DocumentRows
    ) -> tuple[PutStatus, str | None]:
        """The body of :meth:`put`, inside its transaction."""
        key = source_key(doc)
        replaced: str | None = None
        if key is not None:
            older = conn.execute(
                "SELECT id FROM articles WHERE source_key = ? AND id != ?", (key, doc.id)
            ).fetchone()
            if older is not None:
                replaced = older[0]
                conn.execute("DELETE FROM articles WHERE id = ?", (replaced,))
        found = conn.execute("SELECT num FROM articles WHERE id = ?", (doc.id,)).fetchone()
        now = _now()
        meta = (rows.content_hash, CONTRACT_VERSION, self._version)
        if found is None:
            num = conn.execute(_INSERT_ARTICLE, (*rows.article, *meta, now, now)).lastrowid
        else:
            num = found[0]
            self._delete_children(conn, num)
            conn.execute(_UPDATE_ARTICLE, (*rows.article[1:], *meta, now, num))
        self._write_children(conn, num, rows.children)
        if replaced is not None:
            return "replaced", replaced
        return ("inserted" if found is None else "updated"), None

    def _write_children(
        self, conn: sqlite3.Connection, num: int | None, children: dict[str, list[Row]]
    ) -> None:
        for table, table_rows in children.items():
            if table_rows:
                conn.executemany(_INSERT_CHILD[table], [(num, *row) for row in table_rows])

    def _delete_children(self, conn: sqlite3.Connection, num: int) -> None:
        for sql in _DELETE_CHILD.values():
            conn.execute(sql, (num,))

    def delete(self, id: str) -> bool:
        conn = self._db
        with self._transaction("delete", None):
            cursor = conn.execute("DELETE FROM articles WHERE id = ?", (id,))
        return cursor.rowcount > 0

    def put_story(self, story: Story) -> None:
        try:
            with self._transaction("story", None):
                self._write_story(self._db, story)
        except _DocumentError as exc:
            missing = [a for a in story.articles if self._source(a) is None]
            why = f"articles not in the store: {', '.join(missing)}" if missing else str(exc)
            raise StoreError(
                f"story {story.id} was not stored ({why}); store its articles first"
            ) from exc

    def _write_story(self, conn: sqlite3.Connection, story: Story) -> None:
        members = [(story.id, n, article) for n, article in enumerate(story.articles)]
        conn.execute(
            "INSERT INTO stories (id, kind, label, origin) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, label = excluded.label, "
            "origin = excluded.origin",
            (story.id, story.kind, story.label, story.origin),
        )
        conn.execute("DELETE FROM story_members WHERE story_id = ?", (story.id,))
        # Members are named by id; a missing one selects NULL and fails NOT NULL.
        conn.executemany(
            "INSERT INTO story_members (story_id, seq, article_num) "
            "VALUES (?, ?, (SELECT num FROM articles WHERE id = ?))",
            members,
        )

    def replace_stories(self, stories: Iterable[Story]) -> None:
        conn = self._db
        with self._transaction("store stories", None):
            conn.execute("DELETE FROM stories")
            for story in stories:
                self._write_story(conn, story)

    def put_signature(self, id: str, signature: Signature) -> None:
        text_hash, anchor_hash, meta = signature.to_row()
        conn = self._db
        with self._transaction("store the signature of", None):
            conn.execute(
                "INSERT OR REPLACE INTO story_signatures "
                "(article_num, version, text_hash, anchor_hash, meta) "
                "SELECT num, ?, ?, ?, ? FROM articles WHERE id = ?",
                (signature.version, text_hash, anchor_hash, meta, id),
            )

    def signatures(self) -> Iterator[tuple[str, Signature]]:
        from ..stories import SIGNATURE_VERSION, Signature

        last = 0
        while True:
            page = self._db.execute(
                "SELECT s.article_num, a.id, s.version, s.text_hash, s.anchor_hash, s.meta "
                "FROM story_signatures AS s JOIN articles AS a ON a.num = s.article_num "
                "WHERE s.article_num > ? AND s.version = ? ORDER BY s.article_num LIMIT ?",
                (last, SIGNATURE_VERSION, PAGE_SIZE * 16),
            ).fetchall()
            if not page:
                return
            for _num, id, version, text_hash, anchor_hash, meta in page:
                yield str(id), Signature.from_row(text_hash, anchor_hash, meta, version)
            last = page[-1][0]

    def missing_signatures(self) -> list[str]:
        from ..stories import SIGNATURE_VERSION

        rows = self._db.execute(
            "SELECT a.id FROM articles AS a LEFT JOIN story_signatures AS s "
            "ON s.article_num = a.num AND s.version = ? WHERE s.article_num IS NULL "
            "ORDER BY a.num",
            (SIGNATURE_VERSION,),
        ).fetchall()
        return [str(r[0]) for r in rows]

    # --- entities across articles (telisik.entities.kb) -------------------------

    def entity_refs(self) -> Iterator[EntityRef]:
        from ..entities.kb import EntityRef

        rows = self._db.execute(
            "SELECT a.id, e.seq, e.entity_id, e.name, e.type, e.en, e.aliases "
            "FROM entities AS e JOIN articles AS a ON a.num = e.article_num "
            "ORDER BY e.article_num, e.seq"
        ).fetchall()
        for article, seq, eid, name, type_, en, aliases in rows:
            yield EntityRef(article, seq, eid, name, type_, en, tuple(json.loads(aliases)))

    def replace_entity_kb(self, entities: Iterable[KbEntity]) -> None:
        conn = self._db
        with self._transaction("store the entities of", None):
            conn.execute("DELETE FROM kb_entity_members")
            conn.execute("DELETE FROM kb_entities")
            for e in entities:
                conn.execute(
                    "INSERT INTO kb_entities (id, name, type, english) VALUES (?, ?, ?, ?)",
                    (e.id, e.name, e.type, e.en),
                )
                conn.executemany(
                    "INSERT INTO kb_entity_members (kb_id, article_num, entity_seq, reason) "
                    "SELECT ?, num, ?, ? FROM articles WHERE id = ?",
                    [(e.id, m.seq, m.reason, m.article) for m in e.members],
                )

    def entity_kb(self) -> list[KbEntity]:
        from ..entities.kb import KbEntity, Member

        conn = self._db
        members: dict[str, list[Member]] = {}
        for kb_id, article, seq, reason in conn.execute(
            "SELECT m.kb_id, a.id, m.entity_seq, m.reason FROM kb_entity_members AS m "
            "JOIN articles AS a ON a.num = m.article_num ORDER BY a.id, m.entity_seq"
        ).fetchall():
            members.setdefault(kb_id, []).append(Member(article, seq, reason))
        rows = conn.execute("SELECT id, name, type, english FROM kb_entities ORDER BY id")
        return [KbEntity(i, n, t, en, tuple(members.get(i, ()))) for i, n, t, en in rows.fetchall()]

    def add_entity_correction(self, action: str, args: dict[str, str]) -> int:
        conn = self._db
        with self._transaction("store the entity correction", None):
            cursor = conn.execute(
                "INSERT INTO entity_corrections (action, args, created) VALUES (?, ?, ?)",
                (action, json.dumps(args, ensure_ascii=False, sort_keys=True), _now()),
            )
        return int(cursor.lastrowid or 0)

    def entity_corrections(self) -> list[EntityCorrection]:
        from ..entities.kb import EntityCorrection

        rows = self._db.execute(
            "SELECT seq, action, args, created FROM entity_corrections ORDER BY seq"
        ).fetchall()
        return [EntityCorrection(n, a, json.loads(args), at) for n, a, args, at in rows]

    # --- events knowledge base (telisik.eventkb) ------------------------------------

    def event_mentions(self) -> Iterator[EventMention]:
        from ..eventkb import EventMention

        rows = self._db.execute(
            f"SELECT a.id, a.published_value, coalesce(a.url, a.source), a.outlet, {_EVENT_COLS} "
            "FROM events AS e JOIN articles AS a ON a.num = e.article_num "
            "ORDER BY e.article_num, e.seq"
        )
        for article, published, url, outlet, *event in rows:
            yield EventMention(
                article, event[0], event_from_row(tuple(event)), published, url, outlet
            )

    def replace_kb_events(self, events: Iterable[KbEvent]) -> None:
        from ..eventkb import KB_COLUMNS, kb_row

        conn = self._db
        insert = (
            f"INSERT INTO kb_events ({', '.join(KB_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(KB_COLUMNS))})"
        )
        with self._transaction("store the events knowledge base", None):
            conn.execute("DELETE FROM kb_event_mentions")
            conn.execute("DELETE FROM kb_events")
            for e in events:
                conn.execute(insert, kb_row(e))
                conn.executemany(
                    "INSERT INTO kb_event_mentions (article_num, seq, event_id) "
                    "SELECT num, ?, ? FROM articles WHERE id = ?",
                    [(m.seq, e.id, m.article) for m in e.mentions],
                )

    def kb_events(self) -> list[KbEvent]:
        from ..eventkb import KB_COLUMNS, EventMention, kb_event

        conn = self._db
        mentions: dict[str, list[EventMention]] = {}
        for event_id, article, published, url, outlet, evidence, *event in conn.execute(
            "SELECT m.event_id, a.id, a.published_value, coalesce(a.url, a.source), a.outlet, "
            f"substr(a.text, e.start_char + 1, e.end_char - e.start_char), {_EVENT_COLS} "
            "FROM kb_event_mentions AS m "
            "JOIN events AS e ON e.article_num = m.article_num AND e.seq = m.seq "
            "JOIN articles AS a ON a.num = m.article_num "
            "ORDER BY coalesce(a.published_value, '9999'), a.id, e.start_char, e.seq"
        ):
            found = event_from_row(tuple(event))
            mention = EventMention(article, event[0], found, published, url, outlet, evidence)
            mentions.setdefault(event_id, []).append(mention)
        rows = conn.execute(f"SELECT {', '.join(KB_COLUMNS)} FROM kb_events ORDER BY id")
        return [kb_event(row, mentions.get(row[0], [])) for row in rows]

    def add_event_correction(self, correction: Correction) -> int:
        conn = self._db
        with self._transaction("store the correction", None):
            cursor = conn.execute(
                "INSERT INTO event_corrections (action, args, created) VALUES (?, ?, ?)",
                (correction.action, correction.args(), _now()),
            )
        return int(cursor.lastrowid or 0)

    def event_corrections(self) -> list[Correction]:
        from ..eventkb import Correction

        rows = self._db.execute(
            "SELECT seq, action, args, created FROM event_corrections ORDER BY seq"
        ).fetchall()
        return [Correction.from_row(*row) for row in rows]

    def entity_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for entity_id, name, _n in self._db.execute(
            "SELECT entity_id, name, count(*) AS n FROM entities GROUP BY entity_id, name "
            "ORDER BY entity_id, n DESC, name"
        ):
            names.setdefault(entity_id, name)
        return names

    # --- quotes across articles (telisik.quotes) ---------------------------------

    def quote_records(self) -> Iterator[QuoteRecord]:
        from ..model import Quote
        from ..quotes import QuoteRecord

        last = (0, -1)
        while True:  # pages, so that no read snapshot is held across the caller's work
            page = self._db.execute(
                "SELECT q.article_num, q.seq, a.id, a.published_value, a.outlet, a.title, "
                "a.source, q.text, q.start_char, q.end_char, q.kind, q.speaker, "
                "q.speaker_name, q.speaker_role, q.cue, q.via "
                "FROM quotes AS q JOIN articles AS a ON a.num = q.article_num "
                "WHERE (q.article_num, q.seq) > (?, ?) ORDER BY q.article_num, q.seq LIMIT ?",
                (*last, PAGE_SIZE * 16),
            ).fetchall()
            if not page:
                return
            for _num, seq, id, published, outlet, title, source, *quote in page:
                yield QuoteRecord(str(id), seq, Quote(*quote), published, outlet, title, source)
            last = (page[-1][0], page[-1][1])

    def replace_quote_groups(self, groups: Iterable[QuoteGroup]) -> None:
        conn = self._db
        with self._transaction("store quote groups", None):
            conn.execute("DELETE FROM quote_groups")
            for g in groups:
                conn.execute(
                    "INSERT INTO quote_groups (id, kind, speaker, speaker_name, text) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (g.id, g.kind, g.speaker, g.speaker_name, g.text),
                )
                conn.executemany(
                    "INSERT INTO quote_sources (group_id, article_num, seq) "
                    "SELECT ?, num, ? FROM articles WHERE id = ?",
                    [(g.id, seq, article) for article, seq in g.sources],
                )

    def quote_groups(self) -> list[QuoteGroup]:
        from ..quotes import QuoteGroup

        conn = self._db
        sources: dict[str, list[tuple[str, int]]] = {}
        for group_id, article, seq in conn.execute(
            "SELECT s.group_id, a.id, s.seq FROM quote_sources AS s "
            "JOIN articles AS a ON a.num = s.article_num ORDER BY s.group_id, a.id, s.seq"
        ):
            sources.setdefault(group_id, []).append((str(article), int(seq)))
        rows = conn.execute(
            "SELECT id, kind, speaker, speaker_name, text FROM quote_groups ORDER BY id"
        ).fetchall()
        return [
            QuoteGroup(id, kind, speaker, name, text, tuple(sources.get(id, ())))
            for id, kind, speaker, name, text in rows
        ]

    # --- reading --------------------------------------------------------------

    def get(self, id: str) -> Document | None:
        conn = self._db
        try:
            article = conn.execute(_SELECT_ARTICLE, (id,)).fetchone()
            if article is None:
                return None
            num = article[0]
            children = {
                table: conn.execute(sql, (num,)).fetchall() for table, sql in _SELECT_CHILD.items()
            }
        except sqlite3.Error as exc:
            raise StoreError(f"could not read article {id} from {self.path}: {exc}") from exc
        return from_rows(article[1:], children)

    def _source(self, id: str) -> str | None:
        """The source of a stored article, or None: a cheap existence check."""
        row = self._db.execute("SELECT source FROM articles WHERE id = ?", (id,)).fetchone()
        return None if row is None else str(row[0])

    def find(self, prefix: str) -> list[str]:
        wanted = prefix.strip().lower()
        if len(wanted) < MIN_PREFIX or not _HEX.fullmatch(wanted):
            raise StoreError(
                f"{prefix!r} is not an article id prefix; give at least {MIN_PREFIX} "
                "hexadecimal characters of the id (0-9, a-f)"
            )
        # GLOB is case-sensitive, so it can use the unique index on id.
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id GLOB ? ORDER BY id", (wanted + "*",)
        ).fetchall()
        return [str(r[0]) for r in rows]

    def documents(self) -> Iterator[Document]:
        # Pages by rowid rather than one long cursor: no read snapshot is held
        # across the whole iteration, and the caller may write in between.
        last = 0
        while True:
            page = self._db.execute(
                "SELECT num, id FROM articles WHERE num > ? ORDER BY num LIMIT ?",
                (last, PAGE_SIZE),
            ).fetchall()
            if not page:
                return
            for _num, id in page:
                doc = self.get(id)
                if doc is not None:
                    yield doc
            last = page[-1][0]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        if not query.strip() or limit <= 0:
            return []
        conn = self._db
        try:
            rows = conn.execute(_SEARCH, (query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            # FTS5 syntax errors (a stray quote, "AND" alone, "Korea-Utara"):
            # search for the words as typed instead.
            logger.debug("query %r rejected by FTS5 (%s); retrying as a phrase", query, exc)
            phrase = '"' + query.replace('"', '""') + '"'
            try:
                rows = conn.execute(_SEARCH, (phrase, limit)).fetchall()
            except sqlite3.Error as exc2:
                raise StoreError(
                    f"search for {query!r} failed: {exc2}; simplify the query"
                ) from exc2
        return [SearchHit(str(i), t, str(s), str(snip), float(r)) for i, t, s, snip, r in rows]

    def stats(self) -> dict[str, int]:
        conn = self._db
        return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}

    def stories(self, *, article: str | None = None) -> list[Story]:
        conn = self._db
        if article is None:
            heads = conn.execute(
                "SELECT id, kind, label, origin FROM stories ORDER BY id"
            ).fetchall()
        else:
            heads = conn.execute(
                "SELECT DISTINCT s.id, s.kind, s.label, s.origin FROM stories AS s "
                "JOIN story_members AS m ON m.story_id = s.id "
                "JOIN articles AS a ON a.num = m.article_num "
                "WHERE a.id = ? ORDER BY s.id",
                (article,),
            ).fetchall()
        out = []
        for id, kind, label, origin in heads:
            members = conn.execute(
                "SELECT a.id FROM story_members AS m JOIN articles AS a ON a.num = m.article_num "
                "WHERE m.story_id = ? ORDER BY m.seq",
                (id,),
            ).fetchall()
            out.append(Story(id, kind, tuple(m[0] for m in members), label, origin))
        return out

    # --- lifecycle ------------------------------------------------------------

    def close(self) -> None:
        if self._conn is None:
            return
        try:
            self._conn.execute("PRAGMA optimize")
        except sqlite3.Error as exc:  # e.g. locked by another writer: not worth failing for
            logger.debug("PRAGMA optimize skipped on %s: %s", self.path, exc)
        self._conn.close()
        self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- helpers ----------------------------------------------------------------

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed; open it again with open_store()")
        return self._conn

    def _transaction(self, what: str, doc: Document | None) -> _Transaction:
        return _Transaction(self, what, doc)

    def _error(self, what: str, doc: Document | None, exc: BaseException) -> StoreError:
        """A StoreError saying what failed, on which document, and what to do."""
        subject = f"{doc.source}: could not {what} article {doc.id}" if doc else f"could not {what}"
        if isinstance(exc, _DOCUMENT_ERRORS):
            return _DocumentError(
                f"{subject} in {self.path} ({type(exc).__name__}: {exc}); nothing was "
                "stored for it; this is a bug in the stage that produced the document"
            )
        text = str(exc)
        if "locked" in text or "busy" in text:
            fix = "another telisik process is writing to it; wait for it to finish"
        elif "readonly" in text:
            fix = "the file or its folder is read-only; pass a writable --db path"
        elif "full" in text:
            fix = "the disk is full; free some space"
        else:
            fix = "check the file, or pass another --db path"
        return StoreError(f"{subject} in {self.path}: {text}; {fix}")


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception."""

    def __init__(self, store: SqliteStore, what: str, doc: Document | None) -> None:
        self.store, self.what, self.doc = store, what, doc

    def __enter__(self) -> None:
        try:
            self.store._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self.store._error(self.what, self.doc, exc) from exc

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        conn = self.store._db
        if exc is None:
            try:
                conn.execute("COMMIT")
                return
            except sqlite3.Error as commit_exc:
                self._rollback(conn)
                raise self.store._error(self.what, self.doc, commit_exc) from commit_exc
        self._rollback(conn)
        if isinstance(exc, (sqlite3.Error, *_DOCUMENT_ERRORS)) and not isinstance(exc, StoreError):
            raise self.store._error(self.what, self.doc, exc) from exc
        # anything else (a bug, KeyboardInterrupt) propagates unchanged

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        # SQLite rolls back by itself after some errors (disk full, I/O).
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def _connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` with telisik's pragmas, turning every failure into a StoreError."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file; pass a file path as --db")
    if not path.parent.is_dir():
        raise StoreError(
            f"cannot create {path}: the folder {path.parent} does not exist; "
            "create it first or pass another --db path"
        )
    try:
        conn = sqlite3.connect(path, isolation_level=None, cached_statements=256)
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # The first statement that reads the header: fails here on a non-database.
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode != "wal":  # e.g. some network filesystems: works, but readers block writers
            logger.warning("%s: WAL mode unavailable, using journal mode %s", path, mode)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.Error as exc:
        conn.close()
        raise _open_error(path, exc) from exc
    return conn


def _open_error(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "encrypted" in text
    ):
        return StoreError(f"{path} is not a telisik database ({text}); pass another --db path")
    if "locked" in text or "busy" in text:
        return StoreError(
            f"cannot open {path}: {text}; another program holds it locked, try again later"
        )
    return StoreError(
        f"cannot open {path}: {text}; check its permissions or pass another --db path"
    )
