"""Readers: files, folders, stdin and bytes in; Documents (and Failures) out.

Formats: plain text, HTML pages, JSON Lines / JSON, RSS/Atom feeds, and WARC
with the ``warc`` extra. How an input's format is chosen is described in
:mod:`telisik.read.detect`; how its encoding is, in :mod:`telisik.read.decode`.
"""

from __future__ import annotations

from .detect import KINDS, Kind, sniff
from .inputs import iter_bytes, read_bytes, read_paths

__all__ = ["KINDS", "Kind", "iter_bytes", "read_bytes", "read_paths", "sniff"]
