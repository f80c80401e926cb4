"""Quoted spans: where the quotation marks of a paragraph open and close."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE_OPEN = "“«"


_MAX_DEPTH = 8


_MARKS = re.compile("[\"'“”‘’«»]")


_DOUBLE_CLOSE = {"”": "“", "»": "«"}


@dataclass(frozen=True, slots=True)
class Marked:
    """One outermost quoted span: marks at ``open`` and ``close`` (or the paragraph end)."""

    open: int
    close: int
    closed: bool
    paragraph: int


def _opens_single(text: str, i: int) -> bool:
    """A ‘ or ' opens a quote only before a word and after a non-word ("rock 'n'" no)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and after.isalnum()


def _closes_single(text: str, i: int) -> bool:
    """A ’ or ' closes a quote only after a word and not inside one ("Qur’an" no)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


_SHORT_WORD_END = re.compile(r"(?<![\w\"“'‘])\w{1,3}\Z")  # not '"Ya"kata'


def _apostrophe(text: str, i: int) -> bool:
    """A straight double mark inside a word after one to three letters stands for an
    apostrophe: "Jum"at", "Qur"an", "Ballon d"Or"; not "Flower"itu" (a glued close)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return after.isalpha() and _SHORT_WORD_END.search(text, max(0, i - 4), i) is not None


def quoted_spans(text: str, start: int, end: int, paragraph: int = 0) -> list[Marked]:
    """Outermost quoted spans of the paragraph ``text[start:end]``.

    Nested quotes are skipped; a double mark left open runs to the paragraph
    end; a single mark left open is taken for an apostrophe and dropped.
    """
    out: list[Marked] = []
    stack: list[tuple[str, int]] = []  # (opening mark, position)
    for found in _MARKS.finditer(text, start, end):
        i = found.start()
        c = found.group()
        if len(stack) > _MAX_DEPTH:
            stack.pop()  # marks that never close (bad input): keep the scan linear
        if c in _DOUBLE_OPEN:
            stack.append((c, i))
        elif c in _DOUBLE_CLOSE:
            want = _DOUBLE_CLOSE[c]
            marks = [m for m, _ in stack]
            if want in marks:
                _close(stack, len(marks) - 1 - marks[::-1].index(want), i, out, paragraph)
            elif '"' in marks:  # mixed styles: "…”
                _close(stack, len(marks) - 1 - marks[::-1].index('"'), i, out, paragraph)
            elif c == "”" and _opens_single(text, i):  # ”…” used for both ends
                stack.append((c, i))
        elif c == '"':
            if _apostrophe(text, i):
                continue
            marks = [m for m, _ in stack]
            if '"' in marks:
                _close(stack, len(marks) - 1 - marks[::-1].index('"'), i, out, paragraph)
            elif "”" in marks:
                _close(stack, len(marks) - 1 - marks[::-1].index("”"), i, out, paragraph)
            else:
                stack.append((c, i))
        elif c in "‘'":
            marks = [m for m, _ in stack]
            if c in marks and _closes_single(text, i):
                _close(stack, len(marks) - 1 - marks[::-1].index(c), i, out, paragraph)
            elif _opens_single(text, i):
                stack.append((c, i))
        elif c == "’":
            marks = [m for m, _ in stack]
            if "‘" in marks and _closes_single(text, i):
                _close(stack, len(marks) - 1 - marks[::-1].index("‘"), i, out, paragraph)
    marks = [m for m, _ in stack]
    if '"' in marks and any(m in _DOUBLE_OPEN for m in marks[: marks.index('"')]):
        # “…," kata X": a straight mark left open inside a curly one that never
        # closes is the curly one's close (mixed styles the other way round).
        k = next(k for k, m in enumerate(marks) if m in _DOUBLE_OPEN)
        _close(stack, k, stack[marks.index('"')][1], out, paragraph)
    for mark, pos in stack:
        if mark not in "‘'":
            out.append(Marked(pos, end, False, paragraph))
            break  # the outermost unclosed mark runs to the end; inner ones are inside it
    out.sort(key=lambda m: m.open)
    kept: list[Marked] = []
    for m in out:
        if kept and m.open < kept[-1].close:
            continue  # nested inside the previous quote
        kept.append(m)
    return kept


def _close(
    stack: list[tuple[str, int]], index: int, pos: int, out: list[Marked], para: int
) -> None:
    """Close the mark at ``stack[index]`` (and any left open inside it)."""
    _mark, opened = stack[index]
    del stack[index:]
    out.append(Marked(opened, pos, True, para))
