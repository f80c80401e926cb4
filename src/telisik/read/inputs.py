"""Inputs to documents: paths, folders, stdin and bytes, streamed one input at a time.

Every input is opened lazily, its first bytes sniffed, and only then read: a
JSON Lines or WARC input is read record by record, anything else whole, up to
``[read] max_input_bytes`` (refused from the file size before reading it).
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from ..errors import BinaryInput, EmptyInput, InputError, MalformedInput, TelisikError
from ..model import Document
from ..pipeline import Failure
from ..settings import Settings, load_settings
from .common import one_line, too_large
from .decode import HEAD_BYTES, binary_reason
from .detect import KINDS, STREAMED, Kind, is_gzip, kind_from_name, sniff
from .feed import iter_feed
from .html import read_html
from .jsonl import iter_json, iter_jsonl
from .text import read_text

logger = logging.getLogger(__name__)

STDIN = "-"
STDIN_SOURCE = "<stdin>"
_CHUNK = 1 << 20


def read_paths(
    paths: Iterable[str | Path], *, settings: Settings | None = None
) -> Iterator[Document | Failure]:
    """Documents from files, folders (recursive) and ``-`` (stdin), in order.

    Never raises for a bad input: it yields a one-line Failure naming the input
    (or ``file:LINE`` / ``file#N`` for one entry of a multi-document input) and
    goes on with the rest.
    """
    settings = settings or load_settings()
    for path in paths:
        name = os.fspath(path)
        if name == STDIN:
            yield from _guarded(STDIN_SOURCE, _read_stdin(settings))
        elif os.path.isdir(name):
            yield from _read_folder(name, settings)
        else:
            yield from _guarded(name, _read_file(Path(name), name, settings))


def iter_bytes(
    data: bytes, source: str, *, settings: Settings | None = None, kind: str | None = None
) -> Iterator[Document | Failure]:
    """Documents and per-entry Failures from one input held in memory; never raises for bad data."""
    settings = settings or load_settings()
    yield from _guarded(source, _read_data(data, source, settings, kind))


def read_bytes(
    data: bytes, source: str, *, settings: Settings | None = None, kind: str | None = None
) -> list[Document]:
    """The documents in one input (a JSONL or feed input may hold many).

    ``kind`` (text, html, jsonl, json, feed, warc) skips detection; otherwise the
    name in ``source`` and then the content decide. Raises an InputError for a
    whole-input failure; a bad entry among good ones is logged and skipped
    (use :func:`iter_bytes` to get those as Failures).
    """
    settings = settings or load_settings()
    docs: list[Document] = []
    failures: list[Failure] = []
    for item in _read_data(data, source, settings, kind):
        (failures if isinstance(item, Failure) else docs).append(item)  # type: ignore[arg-type]
    if failures and not docs:
        raise MalformedInput(
            source,
            f"no document could be read ({len(failures)} entries failed; "
            f"first: {failures[0].message})",
        )
    if not docs:
        raise EmptyInput(source, "no articles in the input")
    for failure in failures:
        logger.warning("skipped %s", failure.message)
    return docs


# --- one input ------------------------------------------------------------------------


def _read_data(
    data: bytes, source: str, settings: Settings, kind: str | None
) -> Iterator[Document | Failure]:
    if kind is not None and kind not in KINDS:
        raise TelisikError(f"unknown input kind {kind!r}; known kinds: {', '.join(KINDS)}")
    name_kind: Kind | None = kind or kind_from_name(source)  # type: ignore[assignment]
    return _read_stream(io.BytesIO(data), source, name_kind, settings, size=len(data))


def _read_file(path: Path, source: str, settings: Settings) -> Iterator[Document | Failure]:
    """One file: refused by its size before it is opened, unless it is read record by record."""
    name_kind = kind_from_name(path.name)
    info = path.stat()
    size = info.st_size if stat.S_ISREG(info.st_mode) else None  # pipes have no size
    limit = settings.read.max_input_bytes
    if size is not None and name_kind not in STREAMED and size > limit:
        raise too_large(source, size, limit)
    if size == 0:
        raise EmptyInput(source, "empty file")
    with path.open("rb") as fp:
        yield from _read_stream(fp, source, name_kind, settings, size=size)


def _read_stdin(settings: Settings) -> Iterator[Document | Failure]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # stdin replaced by a text stream (tests, notebooks)
        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    yield from _read_stream(stream, STDIN_SOURCE, None, settings)


def _read_stream(
    fp: IO[bytes], source: str, kind: Kind | None, settings: Settings, *, size: int | None = None
) -> Iterator[Document | Failure]:
    """Sniff the first bytes, then hand the input to its reader (streamed or whole)."""
    limit = settings.read.max_input_bytes
    head = fp.read(HEAD_BYTES)
    if is_gzip(head):
        fp = cast(IO[bytes], gzip.GzipFile(fileobj=_replay(head, fp), mode="rb"))
        head = _gunzip_head(fp, source)
        size = None  # the file size was of the compressed data
    if not head.strip() and len(head) < HEAD_BYTES:
        raise EmptyInput(source, "only whitespace" if head else "empty input")
    kind = kind or sniff(head)
    logger.debug("reading %s as %s", source, kind)
    stream = _replay(head, fp)
    if kind == "warc":
        from .warc import iter_warc

        yield from iter_warc(stream, source, max_record_bytes=limit)
        return
    reason = binary_reason(head)
    if reason:
        raise BinaryInput(source, reason)
    if kind == "jsonl":
        yield from iter_jsonl(stream, source, max_line_bytes=limit)
        return
    if size is not None and size > limit:
        raise too_large(source, size, limit)
    data = _read_limited(stream, source, limit)
    if kind == "html":
        yield from read_html(data, source)
    elif kind == "json":
        yield from iter_json(data, source)
    elif kind == "feed":
        yield from iter_feed(data, source)
    else:
        yield from read_text(data, source)


def _read_limited(stream: IO[bytes], source: str, limit: int) -> bytes:
    """The whole input, in chunks so that no limit-sized buffer is allocated up front."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise too_large(source, None, limit)
    return b"".join(chunks)


def _gunzip_head(fp: IO[bytes], source: str) -> bytes:
    try:
        return fp.read(HEAD_BYTES)
    except (OSError, EOFError, zlib.error) as exc:
        raise MalformedInput(source, f"damaged gzip data ({exc})") from None


class _Replay(io.RawIOBase):
    """A stream that gives back the sniffed head before the rest of the input."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _replay(head: bytes, rest: IO[bytes]) -> IO[bytes]:
    return io.BufferedReader(_Replay(head, rest))


# --- folders and failures -------------------------------------------------------------


def _read_folder(folder: str, settings: Settings) -> Iterator[Document | Failure]:
    """Every matching file under ``folder``, one at a time, in a stable sorted order."""
    extensions = tuple(ext.lower() for ext in settings.read.extensions)
    errors: list[OSError] = []
    found = 0
    for dirpath, dirnames, filenames in os.walk(folder, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        while errors:
            error = errors.pop(0)
            where = error.filename or folder
            yield Failure(where, f"{where}: cannot list folder ({error.strerror or error})")
        for filename in sorted(filenames):
            if filename.startswith(".") or not _wanted(filename, extensions):
                continue
            found += 1
            path = os.path.join(dirpath, filename)
            yield from _guarded(path, _read_file(Path(path), path, settings))
    for error in errors:
        where = error.filename or folder
        yield Failure(where, f"{where}: cannot list folder ({error.strerror or error})")
    if not found:
        looked_for = ", ".join(extensions) or "any file"
        yield Failure(folder, f"{folder}: no files to read in the folder (looked for {looked_for})")


def _wanted(filename: str, extensions: tuple[str, ...]) -> bool:
    """True when the name ends in one of ``extensions`` (all files when none are set)."""
    return not extensions or filename.lower().endswith(extensions)


def _guarded(source: str, items: Iterator[Document | Failure]) -> Iterator[Document | Failure]:
    """Pass items through; turn the error that ends an input into one Failure naming it."""
    try:
        yield from items
    except InputError as exc:
        yield Failure(exc.source, one_line(str(exc)))
    except TelisikError as exc:
        yield Failure(source, one_line(f"{source}: {exc}"))
    except FileNotFoundError:
        yield Failure(source, f"{source}: no such file or folder")
    except PermissionError:
        yield Failure(source, f"{source}: permission denied")
    except (OSError, EOFError, zlib.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        yield Failure(source, one_line(f"{source}: cannot read ({reason})"))
    except Exception as exc:  # a reader bug must not end a long run
        logger.exception("reader failed on %s", source)
        yield Failure(source, one_line(f"{source}: internal error: {type(exc).__name__}: {exc}"))
