"""Shared fixtures: the seed articles (read from ../shared/seeds, never copied) and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS = ROOT / "examples" / "corpus"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """Seed texts keyed by their 3-digit prefix ("000".."004")."""
    paths = seed_paths()
    if not paths:
        pytest.skip(f"seed articles not found at {SEEDS} (development data outside the repo)")
    return {p.name[:3]: p.read_text("utf-8") for p in paths}


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not seed_paths():
        pytest.skip(f"seed articles not found at {SEEDS} (development data outside the repo)")
    return SEEDS
