"""Issue 14: outputs never destroy data. `-o` at the store or any SQLite database is refused
before anything is written; an output is written to a temporary file in the same folder
and renamed into place, so a failed write (a full disk, /dev/full) leaves the previous
file as it was. Real files, a real full file system, the real command in a subprocess."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_show_store
from tmpfs_support import small_tmpfs

pytestmark = pytest.mark.issue(14)

WRITERS = [
    ["corrections", "export"],
    ["show", "Rubio", "--no-open", "-o"],
    ["export", "json", "-o"],
    ["export", "graphml", "-o"],
    ["export", "gexf", "-o"],
    ["export", "csv", "-o"],
]
IDS = ["corrections", "show", "json", "graphml", "gexf", "csv"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsgraph", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_coded_line(proc: subprocess.CompletedProcess[str], code: str) -> str:
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"[{code}]" in lines[0], proc.stderr
    return lines[0]


def code_of(command: list[str]) -> str:
    from newsgraph.errors import CorrectionFileError

    return {"show": "NG802", "corrections": CorrectionFileError.code}.get(command[0], "NG604")


@pytest.mark.parametrize("command", WRITERS, ids=IDS)
def test_issue_14_output_over_the_store_is_refused(tmp_path, command):
    db = build_show_store(tmp_path / "news.db")
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    before = digest(db)
    line = one_coded_line(run(*command, db, "--db", db, cwd=tmp_path), code_of(command))
    assert "it is the store" in line
    assert digest(db) == before
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 3


@pytest.mark.parametrize("command", WRITERS, ids=IDS)
def test_issue_14_output_over_the_store_by_another_name_is_refused(tmp_path, command):
    db = build_show_store(tmp_path / "news.db")
    os.symlink(db, tmp_path / "graph.html")
    before = digest(db)
    one_coded_line(run(*command, tmp_path / "graph.html", "--db", db, cwd=tmp_path), code_of(command))
    assert digest(db) == before


@pytest.mark.parametrize("command", WRITERS, ids=IDS)
def test_issue_14_output_over_any_sqlite_database_is_refused(tmp_path, command):
    db = build_show_store(tmp_path / "news.db")
    other = tmp_path / "accounts.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
    conn.commit()
    conn.close()
    before = digest(other)
    line = one_coded_line(run(*command, other, "--db", db, cwd=tmp_path), code_of(command))
    assert "it is an SQLite database" in line
    assert digest(other) == before


@pytest.mark.parametrize("command", WRITERS[1:5], ids=IDS[1:5])
def test_issue_14_an_earlier_output_is_replaced_whole(tmp_path, command):
    """Overwriting last run's export is the normal case: replaced, mode kept, no temp left."""
    db = build_show_store(tmp_path / "news.db")
    out = tmp_path / "out.file"
    out.write_text("last week's export\n")
    os.chmod(out, 0o640)
    proc = run(*command, out, "--db", db, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text() != "last week's export\n" and len(out.read_bytes()) > 100
    assert (out.stat().st_mode & 0o777) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.db", "news.db-shm", "news.db-wal", "out.file"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["news.db", "out.file"]


# (corrections export of a store without corrections writes nothing, so it cannot fail below)
@pytest.mark.parametrize("command", WRITERS[1:5], ids=IDS[1:5])
def test_issue_14_writing_to_dev_full_is_one_coded_line(tmp_path, command):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    db = build_show_store(tmp_path / "news.db")
    line = one_coded_line(run(*command, "/dev/full", "--db", db, cwd=tmp_path), code_of(command))
    assert "No space left on device" in line


@pytest.fixture
def full_disk():
    """A 1 MB tmpfs: a real full disk."""
    with small_tmpfs("1m", "newsgraph-full-out-") as mountpoint:
        yield mountpoint


def fill(folder: Path) -> None:
    with open(folder / "ballast", "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError:
            pass


@pytest.mark.parametrize("command", WRITERS[1:], ids=IDS[1:])
def test_issue_14_failed_write_on_a_full_disk_leaves_the_previous_output(tmp_path, full_disk, command):
    db = build_show_store(tmp_path / "news.db")
    out = full_disk / ("out" if command[1] == "csv" else "out.file")
    first = run(*command, out, "--db", db, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    files = sorted(out.iterdir()) if out.is_dir() else [out]
    before = {p.name: digest(p) for p in files}
    fill(full_disk)
    line = one_coded_line(run(*command, out, "--db", db, cwd=tmp_path), code_of(command))
    assert "No space left on device" in line and ("left as it was" in line or "left as they were" in line)
    after = sorted(out.iterdir()) if out.is_dir() else [out]
    assert {p.name: digest(p) for p in after} == before
    leftovers = [p.name for p in [*full_disk.iterdir(), *(out.iterdir() if out.is_dir() else [])] if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.parametrize("command", [["stats"], ["entities"], ["entity", "Rubio", "--json"], ["export", "json", "-o", "-"]],
                         ids=["stats", "entities", "entity-json", "export-stdout"])
def test_issue_14_standard_output_on_a_full_device_is_one_coded_line(tmp_path, command):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    db = build_show_store(tmp_path / "news.db")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "newsgraph", *command, "--db", str(db)], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr == "Error: [NG605] Cannot write to standard output: No space left on device.\n"
