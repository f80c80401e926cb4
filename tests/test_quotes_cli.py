"""``telisik quotes`` as a user runs it: a real process and a real SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
TWO_OUTLETS = [
    str(CORPUS / "10_putin-kim-teken-pakta.txt"),
    str(CORPUS / "11_rusia-korut-sepakat-saling-membela.txt"),
]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "telisik", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "q.db"
    result = run("--db", str(path), "ingest", *TWO_OUTLETS, cwd=path.parent)
    assert result.returncode == 0, result.stderr
    return path


def test_quotes_lists_one_quote_with_both_articles(db: Path) -> None:
    result = run("--db", str(db), "quotes", "--speaker", "Putin", "--kind", "direct",
                 "--format", "json", cwd=db.parent)  # fmt: skip
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert row["speaker_name"] == "Vladimir Putin"
    assert row["speaker_role"] == "Presiden Rusia"
    assert row["date"] == "2024-06-19"
    assert len(row["articles"]) == 2
    assert {a["outlet"] for a in row["articles"]} == {"Lintas Asia", "Harian Selat"}


def test_quotes_jsonl_and_table(db: Path) -> None:
    jsonl = run("--db", str(db), "quotes", "--format", "jsonl", cwd=db.parent)
    assert jsonl.returncode == 0, jsonl.stderr
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert rows and all(r["kind"] in ("direct", "partial", "indirect") for r in rows)
    table = run("--db", str(db), "quotes", "--speaker", "Park Min-gyu", cwd=db.parent)
    assert table.returncode == 0, table.stderr
    assert "Park Min-gyu" in table.stdout and "2 quotes" not in table.stdout


def test_quotes_with_no_match_prints_an_empty_list(db: Path) -> None:
    result = run("--db", str(db), "quotes", "--speaker", "Nobody Atall", "--format", "json",
                 cwd=db.parent)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
