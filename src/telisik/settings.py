"""Settings: shipped defaults in ``defaults.toml``, overridden by a user file or flags."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class ReadSettings:
    max_input_bytes: int = 20_000_000
    extensions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CleanSettings:
    caption_max_words: int = 12


@dataclass(frozen=True, slots=True)
class StoreSettings:
    path: str = "telisik.db"


@dataclass(frozen=True, slots=True)
class PipelineSettings:
    stages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Settings:
    read: ReadSettings = field(default_factory=ReadSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    pipeline: PipelineSettings = field(default_factory=PipelineSettings)

    def override(self, section: str, **values: Any) -> Settings:
        """A copy with some keys of one section replaced (what CLI flags do)."""
        current = getattr(self, section)
        return dataclasses.replace(self, **{section: dataclasses.replace(current, **values)})


def _section(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"unknown settings keys: {sorted(unknown)}; known: {sorted(names)}")
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = {k: dict(v) for k, v in base.items()}
    for section, values in extra.items():
        out.setdefault(section, {}).update(values)
    return out


def load_settings(path: str | Path | None = None) -> Settings:
    """Defaults, then the keys of ``path`` (a TOML file) on top."""
    text = resources.files("telisik").joinpath("defaults.toml").read_text("utf-8")
    data = tomllib.loads(text)
    if path is not None:
        data = _merge(data, tomllib.loads(Path(path).read_text("utf-8")))
    kinds = {f.name: f.default_factory for f in dataclasses.fields(Settings)}
    return Settings(**{name: _section(kinds[name], data.get(name, {})) for name in kinds})  # type: ignore[arg-type]
