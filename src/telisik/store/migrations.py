"""Versioned SQLite schema: ordered migrations, applied forward on open.

The schema version lives in ``PRAGMA user_version`` (the source of truth, one
read on open) and each applied step is recorded in ``schema_version`` (when,
by which telisik). To change the schema, append a :class:`Migration` with the
next version number — never edit one that has shipped, since files in the wild
already ran it. A migration runs in its own transaction, so a failing one
leaves the file at the previous version. A file whose version is higher than
the last migration here was written by a newer telisik and is refused.

``PRAGMA application_id`` marks the file as telisik's, so that another
program's SQLite file is never migrated by mistake.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import StoreError

logger = logging.getLogger(__name__)

# "TLSK": written into the SQLite header of every telisik database.
APPLICATION_ID = 0x544C534B


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: SQL statements, then an optional Python step (data moves)."""

    version: int
    name: str
    sql: str
    run: Callable[[sqlite3.Connection], None] | None = None


# Every table the store owns, in the order ``stats()`` reports them. A migration
# that adds a table adds it here too.
TABLES: tuple[str, ...] = (
    "articles",
    "removed",
    "sentences",
    "entities",
    "mentions",
    "quotes",
    "times",
    "quantities",
    "events",
    "stories",
    "story_members",
    "story_signatures",
    "quote_groups",
    "quote_sources",
    "kb_entities",
    "kb_entity_members",
    "entity_corrections",
    "kb_events",
    "kb_event_mentions",
    "event_corrections",
)

_INITIAL = """
CREATE TABLE schema_version (
    version         INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    applied_at      TEXT NOT NULL,
    telisik_version TEXT NOT NULL
);

-- num is the integer key that child rows and the FTS index refer to (an
-- INTEGER PRIMARY KEY, so VACUUM never renumbers it); id is the public article
-- id (16 hex characters from the text) that callers use.
CREATE TABLE articles (
    num                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    source              TEXT NOT NULL,
    source_key          TEXT UNIQUE,
    url                 TEXT,
    outlet              TEXT,
    title               TEXT,
    language            TEXT,
    published_value     TEXT,
    published_precision TEXT NOT NULL,
    published_basis     TEXT NOT NULL,
    text                TEXT NOT NULL,
    raw                 TEXT NOT NULL,
    date_hints          TEXT NOT NULL,  -- JSON list
    credits             TEXT NOT NULL,  -- JSON list
    authors             TEXT NOT NULL,  -- JSON list
    editors             TEXT NOT NULL,  -- JSON list
    content_hash        TEXT NOT NULL,
    contract_version    INTEGER NOT NULL,
    telisik_version     TEXT NOT NULL,
    ingested_at         TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

-- No secondary indexes on children yet: each one costs random page writes on
-- every ingest (an index on entity ids alone made each commit write half again as many pages). The
-- query layer adds the ones it needs in its own migration.
-- Children are keyed by the article's integer num, clustered (WITHOUT ROWID):
-- one article's rows sit together for get() and delete, and a new article's
-- rows append at the right edge of each B-tree instead of landing on random
-- pages (random text keys made every commit write several times more pages).
CREATE TABLE removed (
    article_num INTEGER NOT NULL REFERENCES articles (num) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    line       INTEGER NOT NULL,
    text       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    value      TEXT,
    PRIMARY KEY (article_num, seq)
) WITHOUT ROWID;

CREATE TABLE sentences (
    article_num INTEGER NOT NULL REFERENCES articles (num) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    paragraph  INTEGER NOT NULL,
    PRIMARY KEY (article_num, seq)
) WITHOUT ROWID;

-- entity_id is the document-local id (a slug); cross-document entities come
-- in a later migration.
CREATE TABLE entities (
    article_num INTEGER NOT NULL REFERENCES articles (num) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    entity_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    en         TEXT,
    role       TEXT,
    roles      TEXT NOT NULL,  -- JSON list
    aliases    TEXT NOT NULL,  -- JSON list
    PRIMARY KEY (article_num, seq)
) WITHOUT ROWID;

CREATE TABLE mentions (
    article_num INTEGER NOT NULL,
    entity_seq  INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    entity_id   TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    metonym     INTEGER NOT NULL,
    PRIMARY KEY (article_num, entity_seq, seq),
    FOREIGN KEY (article_num, entity_seq)
        REFERENCES entities (article_num, seq) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE quotes (
    article_num  INTEGER NOT NULL REFERENCES articles (num) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    speaker      TEXT,
    speaker_name TEXT,
    speaker_role TEXT,
    cue          TEXT,
    via          TEXT,
    PRIMARY KEY (article_num, seq)
) WITHOUT ROWID;

CREATE TABLE times (
    article_num INTEGER NOT NULL REFERENCES articles (num) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    value      TEXT,
    precision  TEXT NOT NULL,
    end_value  TEXT,
    relative   INTEGER NOT NULL,
    PRIMARY KEY (article_num, seq)
) WITHOUT ROWID;

-- value has no declared type on purpose: no affinity, so 5000000 stays an
-- int and 2.5 a float, exactly as the pipeline produced them.
CREATE TABLE quantities (
    article_num INTEGER NOT NULL REFERENCES articles (num) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    value,
    approx     INTEGER NOT NULL,
    unit       TEXT,
    PRIMARY KEY (article_num, seq)
) WITHOUT ROWID;

-- date_precision is NULL when the event has no date at all.
CREATE TABLE events (
    article_num    INTEGER NOT NULL REFERENCES articles (num) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    cameo          TEXT,
    source         TEXT,
    target         TEXT,
    location       TEXT,
    date_value     TEXT,
    date_precision TEXT,
    status         TEXT NOT NULL,
    claimed_by     TEXT NOT NULL,  -- JSON list
    denied_by      TEXT NOT NULL,  -- JSON list
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    PRIMARY KEY (article_num, seq)
) WITHOUT ROWID;

CREATE TABLE stories (
    id    TEXT PRIMARY KEY,
    kind  TEXT NOT NULL CHECK (kind IN ('near_duplicate', 'cluster')),
    label TEXT
);

CREATE TABLE story_members (
    story_id    TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    article_num INTEGER NOT NULL REFERENCES articles (num) ON DELETE CASCADE,
    PRIMARY KEY (story_id, seq)
) WITHOUT ROWID;
-- Needed for ON DELETE CASCADE from articles and for "stories of an article".
CREATE INDEX story_members_by_article ON story_members (article_num);

-- Full-text index over title and text, kept in sync by triggers. External
-- content: the text is stored once, in articles.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'num',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- A hit in the title weighs more than one in the body.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.num, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.num, old.title, old.text);
END;
-- Only reindex when the indexed columns really changed.
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.num, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.num, new.title, new.text);
END;
"""

# Near-duplicate detection keeps one signature per article (MinHash sketches
# and aligned evidence, see telisik.stories) so that grouping never re-reads
# texts. Keyed by the article's num: new rows append at the B-tree's edge.
_STORY_SIGNATURES = """
ALTER TABLE stories ADD COLUMN origin TEXT;

CREATE TABLE story_signatures (
    article_num INTEGER PRIMARY KEY REFERENCES articles (num) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    text_hash   BLOB NOT NULL,
    anchor_hash BLOB NOT NULL,
    meta        TEXT NOT NULL  -- JSON: anchors, features, date, origin
);
"""

# One quote reported by several articles (the same words, or a second
# translation of them) is one group with several sources (telisik.quotes).
# Rebuilt as a whole after every ingest; group ids come from the members, so
# re-ingesting gives the same groups.
_QUOTE_GROUPS = """
CREATE TABLE quote_groups (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    speaker      TEXT,
    speaker_name TEXT,
    text         TEXT NOT NULL
);

CREATE TABLE quote_sources (
    group_id    TEXT NOT NULL REFERENCES quote_groups (id) ON DELETE CASCADE,
    article_num INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (article_num, seq),
    FOREIGN KEY (article_num, seq) REFERENCES quotes (article_num, seq) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX quote_sources_by_group ON quote_sources (group_id);
"""

# Entities across articles (telisik.entities.kb): rebuilt as a whole after
# every ingest from the per-article entities; each member keeps the reason it
# joined. Corrections are the analysts' own decisions, never rebuilt: they name
# entities by id, name or alias and articles by id, so they survive re-ingest.
_ENTITY_KB = """
CREATE TABLE kb_entities (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    type    TEXT NOT NULL,
    english TEXT
);

CREATE TABLE kb_entity_members (
    kb_id       TEXT NOT NULL REFERENCES kb_entities (id) ON DELETE CASCADE,
    article_num INTEGER NOT NULL,
    entity_seq  INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    PRIMARY KEY (article_num, entity_seq),
    FOREIGN KEY (article_num, entity_seq)
        REFERENCES entities (article_num, seq) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX kb_entity_members_by_kb ON kb_entity_members (kb_id);

CREATE TABLE entity_corrections (
    seq     INTEGER PRIMARY KEY,
    action  TEXT NOT NULL CHECK (action IN ('merge', 'split', 'rename')),
    args    TEXT NOT NULL,  -- JSON object
    created TEXT NOT NULL
);
"""

# Events keep their trigger words and the quantities they mention
# ("hampir 5 juta peluru artileri"), as surface texts.
_EVENT_TRIGGERS = """
ALTER TABLE events ADD COLUMN trigger TEXT;
ALTER TABLE events ADD COLUMN quantities TEXT NOT NULL DEFAULT '[]';  -- JSON list
"""

# The events knowledge base (telisik.eventkb): mentions of one real-world event
# merged across articles, rebuilt as a whole after every ingest. Corrections
# are the analysts' own decisions and are never rebuilt: args name mentions by
# article id, evidence span and type, so they survive re-ingest.
_EVENT_KB = """
CREATE TABLE kb_events (
    id             TEXT PRIMARY KEY,
    type           TEXT NOT NULL,
    mode           TEXT,
    cameo          TEXT,
    source         TEXT,
    target         TEXT,
    location       TEXT,
    date_value     TEXT,
    date_precision TEXT,
    status         TEXT NOT NULL,
    claimed_by     TEXT NOT NULL,  -- JSON list
    denied_by      TEXT NOT NULL,  -- JSON list
    articles       INTEGER NOT NULL,
    sources        INTEGER NOT NULL,  -- independent: near-duplicates count once
    rejected       INTEGER NOT NULL DEFAULT 0,
    reason         TEXT NOT NULL
);

-- One row per stored event (article_num, seq of the events table).
CREATE TABLE kb_event_mentions (
    article_num INTEGER NOT NULL REFERENCES articles (num) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    event_id    TEXT NOT NULL REFERENCES kb_events (id) ON DELETE CASCADE,
    PRIMARY KEY (article_num, seq)
) WITHOUT ROWID;
CREATE INDEX kb_event_mentions_by_event ON kb_event_mentions (event_id);

CREATE TABLE event_corrections (
    seq     INTEGER PRIMARY KEY,
    action  TEXT NOT NULL CHECK (action IN ('merge', 'split', 'recode', 'reject')),
    args    TEXT NOT NULL,  -- JSON: {"groups": [[mention key, ...], ...], "type", "mode"}
    created TEXT NOT NULL
);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _INITIAL),
    Migration(2, "story signatures and origins", _STORY_SIGNATURES),
    Migration(3, "quotes grouped across articles", _QUOTE_GROUPS),
    Migration(4, "entities across articles and analyst corrections", _ENTITY_KB),
    Migration(5, "event triggers and quantities", _EVENT_TRIGGERS),
    Migration(6, "events knowledge base and analyst corrections", _EVENT_KB),
)


def latest_version(migrations: Sequence[Migration] | None = None) -> int:
    migrations = MIGRATIONS if migrations is None else migrations
    return migrations[-1].version if migrations else 0


def statements(sql: str) -> list[str]:
    """Split a script into statements (triggers contain ``;`` inside BEGIN…END)."""
    out: list[str] = []
    current = ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip() and not _only_comments(current):
        raise ValueError(f"incomplete SQL statement in migration: {current.strip()[:80]!r}")
    return out


def _only_comments(sql: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in sql.splitlines())


def _user_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def check_owner(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a SQLite file that belongs to another program."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return
    if app_id == 0 and _user_version(conn) == 0:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 5"
            )
        ]
        if not tables:
            return  # a new, empty file: ours to initialise
        found = f"it holds other tables: {', '.join(tables)}"
    else:
        found = f"application id {app_id:#x}"
    raise StoreError(
        f"{path} is not a telisik database ({found}); pass another --db path or a new file name"
    )


def migrate(
    conn: sqlite3.Connection,
    path: Path,
    *,
    migrations: Sequence[Migration] | None = None,
    telisik_version: str = "",
) -> int:
    """Bring the file at ``path`` up to the latest schema; returns the version.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    migrations = MIGRATIONS if migrations is None else migrations
    latest = latest_version(migrations)
    current = _user_version(conn)
    if current > latest:
        raise StoreError(
            f"{path} was written by a newer telisik (schema version {current}; this "
            f"telisik knows up to {latest}); upgrade telisik (pip install -U telisik) "
            "or pass another --db path"
        )
    for step in migrations:
        if step.version > current:
            current = _apply(conn, path, step, telisik_version)
    return current


def _apply(conn: sqlite3.Connection, path: Path, step: Migration, telisik_version: str) -> int:
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the lock.
        found = _user_version(conn)
        if found >= step.version:
            conn.execute("ROLLBACK")
            return found
        logger.info("migrating %s to schema %d (%s)", path, step.version, step.name)
        for statement in statements(step.sql):
            conn.execute(statement)
        if step.run is not None:
            step.run(conn)
        conn.execute(
            "INSERT INTO schema_version (version, name, applied_at, telisik_version) "
            "VALUES (?, ?, ?, ?)",
            (
                step.version,
                step.name,
                datetime.now(UTC).isoformat(timespec="seconds"),
                telisik_version,
            ),
        )
        # PRAGMAs take no parameters; both values are ints we control.
        conn.execute(f"PRAGMA user_version = {int(step.version)}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(
                f"could not migrate {path} to schema {step.version} ({step.name}): {exc}; "
                "the file is unchanged at schema "
                f"{step.version - 1}; report this as a telisik bug"
            ) from exc
        raise
    return step.version
