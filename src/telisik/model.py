"""The one data model: every stage reads and returns these frozen dataclasses.

The JSON form is the output contract (version 1, see docs/contract.md).
Offsets are Python string indices into ``Document.text``, end exclusive.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

CONTRACT_VERSION = 1

Precision = Literal["day", "month", "year", "decade", "unknown"]
Basis = Literal["explicit", "inferred", "cluster", "unknown"]
QuoteKind = Literal["direct", "partial", "indirect", "scare"]
Status = Literal["asserted", "alleged", "denied", "planned", "hypothetical", "historical"]


@dataclass(frozen=True, slots=True)
class Span:
    """A character range in ``Document.text``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Removal:
    """One line the cleaner took out of the body, and why.

    ``value`` keeps what the line told us (an outlet, names, a date) so that
    removing furniture never loses metadata.
    """

    text: str
    reason: str
    line: int = -1
    value: str | None = None


@dataclass(frozen=True, slots=True)
class PublishedDate:
    value: str | None = None
    precision: Precision = "unknown"
    basis: Basis = "unknown"


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int = 0
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str = ""
    metonym: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str
    en: str | None = None
    role: str | None = None
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: QuoteKind = "direct"
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    via: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    text: str
    start: int
    end: int
    value: str | None = None
    precision: Precision = "unknown"
    end_value: str | None = None
    relative: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float | None = None
    approx: bool = False
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None = None
    precision: Precision = "unknown"


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    evidence: Span
    mode: str | None = None
    cameo: str | None = None
    source: str | None = None
    target: str | None = None
    location: str | None = None
    date: EventDate | None = None
    status: Status = "asserted"
    claimed_by: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    trigger: str | None = None  # the words that name the event ("kunjungan")
    quantities: tuple[str, ...] = ()  # quantity texts in the evidence


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles: near-duplicates (one source) or a story cluster."""

    id: str
    kind: Literal["near_duplicate", "cluster"]
    articles: tuple[str, ...] = ()
    label: str | None = None
    origin: str | None = None  # the wire a near-duplicate group says it comes from


@dataclass(frozen=True, slots=True)
class Document:
    """One article as it moves through the pipeline.

    ``raw`` is the input text before cleaning; it is stored but left out of the
    contract output. ``date_hints`` are date strings found in metadata or in
    removed furniture (bylines), for the time stage to normalise.
    """

    id: str
    source: str
    text: str = ""
    raw: str = ""
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    published: PublishedDate = field(default_factory=PublishedDate)
    date_hints: tuple[str, ...] = ()
    removed: tuple[Removal, ...] = ()
    credits: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()

    def to_dict(self, *, raw: bool = False, sentences: bool = True) -> dict[str, Any]:
        """The contract object; ``raw`` and ``sentences`` are optional extras."""
        data: dict[str, Any] = to_data(self)
        if not raw:
            data.pop("raw")
        if not sentences:
            data.pop("sentences")
        return data

    def to_json(self, **kwargs: bool) -> str:
        return json.dumps(self.to_dict(**kwargs), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return from_data(cls, data)

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))


# --- ids ---------------------------------------------------------------------

_WS = re.compile(r"\s+")


def normalise_for_id(text: str) -> str:
    """NFKC, one space between words, lower case: what two copies share."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def document_id(text: str) -> str:
    """Stable 16-hex id from the normalised text, independent of where it came from."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


# Letters NFKD does not decompose into ASCII.
_TRANSLIT = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "ı": "i",
    }
)


def slug(name: str) -> str:
    """ASCII slug used for entity ids: 'Kim Jong-un' -> 'kim-jong-un'."""
    folded = unicodedata.normalize("NFKD", name.translate(_TRANSLIT))
    ascii_name = folded.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold()).strip("-") or "x"


# --- JSON round trip -----------------------------------------------------------

T = TypeVar("T")


def to_data(obj: Any) -> Any:
    """Dataclasses to plain JSON data (tuples become lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_data(v) for k, v in obj.items()}
    return obj


@typing.no_type_check
def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (item_tp, *_rest) = typing.get_args(tp)
        return tuple(_convert(item_tp, v) for v in value)
    if dataclasses.is_dataclass(tp):
        return from_data(tp, value)
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def from_data(cls: type[T], data: dict[str, Any]) -> T:
    """Inverse of :func:`to_data`; unknown keys are ignored so newer files load."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: _convert(hints[k], v) for k, v in data.items() if k in names}
    return cls(**kwargs)
