"""Storage: one :class:`Store` contract, chosen by the target given to :func:`open_store`.

open_store("telisik.db")                    # SQLite file (the default backend)
open_store("sqlite:///data/telisik.db")     # the same, as a URL
open_store("postgresql://host/db")          # PostgreSQL (telisik.store.postgres)
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import Path

from ..errors import StoreError
from ..settings import Settings, load_settings
from .base import PutResult, PutStatus, SearchHit, Store, source_key
from .sqlite import SqliteStore

__all__ = [
    "PutResult",
    "PutStatus",
    "SearchHit",
    "SqliteStore",
    "Store",
    "open_store",
    "source_key",
]

_URL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://(.*)$", re.DOTALL)

Opener = Callable[[str, Settings], Store]


def _open_sqlite(rest: str, settings: Settings) -> Store:
    # sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy spells them.
    if not rest.startswith("/") or rest == "/":
        raise StoreError(
            f"sqlite://{rest} has no file path; write sqlite:///relative.db "
            "or sqlite:////absolute/path.db"
        )
    return SqliteStore(Path(rest[1:]))


def _open_postgres(url: str, settings: Settings) -> Store:
    # Hook for the PostgreSQL backend: a module telisik.store.postgres with
    # ``open(url, *, settings) -> Store``, which imports psycopg lazily and
    # raises MissingExtra("psycopg", "postgres") when it is not installed.
    try:
        module = importlib.import_module("telisik.store.postgres")
    except ModuleNotFoundError as exc:
        if exc.name != "telisik.store.postgres":
            raise
        raise StoreError(
            f"cannot open {_redact(url)}: this telisik has no PostgreSQL backend yet; "
            "pass a SQLite file path as --db"
        ) from None
    store: Store = module.open(url, settings=settings)
    return store


# scheme -> opener; the opener gets what follows "scheme://" (sqlite) or the
# whole URL (servers, whose drivers parse it themselves).
_SCHEMES: dict[str, tuple[Opener, bool]] = {
    "sqlite": (_open_sqlite, False),
    "postgresql": (_open_postgres, True),
    "postgres": (_open_postgres, True),
}


def _redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def open_store(target: str | Path | None = None, *, settings: Settings | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``target``.

    ``target`` is a file path, ``sqlite:///path`` or a server URL; None means
    ``[store] path`` from the settings. Raises StoreError when the target cannot
    be used, with what to do instead.
    """
    settings = settings or load_settings()
    if target is None:
        target = settings.store.path
    if isinstance(target, Path):
        return SqliteStore(target)
    match = _URL.match(target)
    if match is None:
        return SqliteStore(Path(target))
    scheme, rest = match.group(1).lower(), match.group(2)
    if scheme not in _SCHEMES:
        known = ", ".join(f"{s}://" for s in _SCHEMES)
        raise StoreError(
            f"cannot open {_redact(target)}: unknown store scheme {scheme}://; "
            f"use a file path or one of {known}"
        )
    opener, whole_url = _SCHEMES[scheme]
    return opener(target if whole_url else rest, settings)
