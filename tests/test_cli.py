"""The CLI as a user runs it: a real process, real files, a real SQLite database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from telisik.cli import cli

COMMANDS = sorted(cli.commands)


def run(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "telisik", *args],
        capture_output=True,
        text=stdin is None,
        input=stdin,
        cwd=cwd,
        timeout=300,
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Example:" in result.stdout
    assert "Usage:" in result.stdout


def test_listing_commands_take_the_three_formats() -> None:
    for command in ("search", "show", "stats", "articles"):
        out = run(command, "--help").stdout
        assert "table|json|jsonl" in out, command


ARTICLE = (
    "Logo Kabar Contoh\n\n"
    "Menteri Luar Negeri Retno Marsudi bertemu mitranya di Jakarta pada Selasa. "
    "Pertemuan itu membahas kerja sama maritim.\n\n"
    "“Kami sepakat memperkuat patroli bersama,” kata Retno.\n\n"
    "(ant)\n"
)


def test_extract_prints_the_contract_without_a_database(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    doc = json.loads(line)
    assert doc["source"] == str(path)
    assert doc["outlet"] == "Kabar Contoh"
    assert doc["language"] == "id"
    assert "Logo Kabar Contoh" not in doc["text"] and "(ant)" not in doc["text"]
    assert "“Kami sepakat memperkuat patroli bersama,” kata Retno." in doc["text"]
    assert {r["reason"] for r in doc["removed"]} >= {"logo", "agency_tag"}
    assert not list(tmp_path.glob("*.db"))  # no database written


def test_extract_reads_stdin(tmp_path: Path) -> None:
    result = run("extract", "-", cwd=tmp_path, stdin=ARTICLE.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["outlet"] == "Kabar Contoh"


def test_ingest_search_show_stats(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    first = run("--db", db, "ingest", str(path))
    assert first.returncode == 0, first.stderr
    assert "1 inserted" in first.stderr
    again = run("--db", db, "ingest", str(path))
    assert "1 unchanged" in again.stderr

    hits = json.loads(run("--db", db, "search", "patroli", "--format", "json").stdout)
    assert len(hits) == 1
    article_id = hits[0]["id"]
    shown = json.loads(run("--db", db, "show", article_id[:6], "--format", "json").stdout)
    assert shown["id"] == article_id and shown["outlet"] == "Kabar Contoh"
    table = run("--db", db, "show", article_id).stdout
    assert "removed furniture" in table and "logo" in table

    stats = json.loads(run("--db", db, "stats", "--format", "json").stdout)
    assert stats["articles"] == 1
    assert stats["removed"] >= 2

    missing = run("--db", db, "show", "ffffffff")
    assert missing.returncode != 0 and "no article" in missing.stderr


def test_bad_inputs_fail_one_by_one_and_the_exit_code_says_so(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "t.db")
    result = run("--db", db, "ingest", str(tmp_path))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("binary.txt" in e for e in errors) and any("empty.txt" in e for e in errors)
    assert "1 inserted" in result.stderr
    stats = json.loads(run("--db", db, "stats", "--format", "json").stdout)
    assert stats["articles"] == 1
