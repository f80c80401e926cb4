"""Language data shipped in ``telisik/lang/<lang>/`` and the regex helpers built on it.

Every stage keeps its words in a data file there; this module is the one place
that reads them, so that a new language is a new folder, not new code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["alternation", "cased", "load_toml", "read_text", "trie_alternation"]


def read_text(name: str, language: str = "id") -> str:
    """A data file of ``telisik/lang/<language>/`` as text."""
    return resources.files("telisik").joinpath("lang", language, name).read_text("utf-8")


@cache
def load_toml(name: str, language: str = "id") -> dict[str, Any]:
    """A TOML lexicon ``lang/<language>/<name>.toml``, read once per process."""
    return tomllib.loads(read_text(f"{name}.toml", language))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any blank."""
    escaped = (
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )
    return "|".join(escaped)


def trie_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, prefix-factored: Python's re tries plain
    alternatives one by one, a trie shares their common starts (several times faster)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        keys = sorted(k for k in node if k)
        if not keys:
            return ""
        alts = [(r"\s+" if k == " " else re.escape(k)) + build(node[k]) for k in keys]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def cased(words: Iterable[str]) -> list[str]:
    """Each word in lower case, Capitalised and UPPER case, for fast case-sensitive triggers."""
    out: set[str] = set()
    for w in words:
        out.update((w, w[:1].upper() + w[1:], w.upper()))
    return sorted(out)
