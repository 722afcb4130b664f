"""Issue 14: foreign, missing, newer, older, altered and damaged stores. Real SQLite files and
the real `newsgraph` command in a subprocess: one coded line on stderr, no traceback, exit
1, and the file untouched."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.errors import NotAStore, StoreMissing, StoreTooNew
from newsgraph.graph import schema
from newsgraph.graph.schema import APPLICATION_ID, Migration
from newsgraph.graph.store import Store

from conftest import build_show_store
from tmpfs_support import small_tmpfs

pytestmark = pytest.mark.issue(14)

READ_COMMANDS = [
    ["stats"],
    ["entities"],
    ["entity", "Rubio"],
    ["connections", "Rubio"],
    ["top"],
    ["path", "Rubio", "Bukele"],
    ["export", "json", "-o", "OUT"],
    ["show", "Rubio", "-o", "OUT"],
    ["cypher", "MATCH (n) RETURN count(n)"],
    ["search", "Rubio"],
]


def run(*args: str, cwd: Path, input: str | None = None) -> subprocess.CompletedProcess[str]:
    args = tuple(str(cwd / "out.file") if a == "OUT" else a for a in args)
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args], cwd=cwd, capture_output=True, text=True, input=input, timeout=300,
        env={**os.environ, "NEWSGRAPH_DB": str(cwd / "unused.db")},
    )


def one_coded_line(proc: subprocess.CompletedProcess[str], code: str) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"[{code}]" in lines[0], proc.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def foreign_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_issue_14_read_command_on_a_foreign_sqlite_file_writes_nothing(tmp_path, command):
    db = foreign_db(tmp_path / "theirs.db")
    before = snapshot(tmp_path)
    proc = run(*command, "--db", str(db), cwd=tmp_path)
    one_coded_line(proc, "NG303")
    assert snapshot(tmp_path) == before  # no table added, no -wal/-shm, no output file


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_issue_14_read_command_on_a_missing_store_creates_nothing(tmp_path, command):
    proc = run(*command, "--db", str(tmp_path / "missing.db"), cwd=tmp_path)
    one_coded_line(proc, "NG302")
    assert list(tmp_path.iterdir()) == []


def test_issue_14_ingest_into_a_foreign_sqlite_file_is_refused(tmp_path):
    db = foreign_db(tmp_path / "theirs.db")
    (tmp_path / "a.txt").write_text("Rubio visited Panama on Monday.\n")
    before = snapshot(tmp_path)
    proc = run("ingest", str(tmp_path / "a.txt"), "--db", str(db), cwd=tmp_path)
    one_coded_line(proc, "NG303")
    assert snapshot(tmp_path) == before


def test_issue_14_a_newer_store_is_refused_by_reads_and_writes(tmp_path):
    db = build_show_store(tmp_path / "ng.db")
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {schema.schema_version() + 1}")
    conn.close()
    (tmp_path / "a.txt").write_text("Rubio visited Panama on Monday.\n")
    before = snapshot(tmp_path)
    for command in (["stats"], ["entity", "Rubio"], ["ingest", str(tmp_path / "a.txt")]):
        one_coded_line(run(*command, "--db", str(db), cwd=tmp_path), "NG304")
    assert snapshot(tmp_path) == before
    with pytest.raises(StoreTooNew):
        Store(db)


def test_issue_14_new_store_is_marked_in_the_header(tmp_path):
    Store(tmp_path / "ng.db").close()
    conn = sqlite3.connect(tmp_path / "ng.db")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.schema_version()
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(schema.schema_version())


def test_issue_14_store_of_the_first_release_is_recognised_and_migrated(tmp_path):
    """Version 1 as released: no header mark (application_id 0, user_version 0), the meta
    row schema_version 1, no search index. A read command migrates it (the one write a read
    makes, to our own store only) and then finds names through the new index."""
    db = build_show_store(tmp_path / "ng.db")
    conn = sqlite3.connect(db)
    conn.executescript("DROP TRIGGER aliases_search_ai; DROP TABLE search_norms; PRAGMA application_id = 0;"
                       "PRAGMA user_version = 0; UPDATE meta SET value='1' WHERE key='schema_version';")
    conn.close()
    proc = run("search", "Bukelle", "--db", str(db), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert '"person:nayib-bukele"' in proc.stdout
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.schema_version()
    conn.close()


def test_issue_14_older_store_is_migrated_in_order(tmp_path, monkeypatch):
    """The mechanism with two further migrations: a store of version 1 gets both, in order,
    in one transaction, keeps its rows, and a read open migrates it too."""
    db = build_show_store(tmp_path / "ng.db")
    documents = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
    base = schema.migrations()
    extra = (
        Migration(len(base) + 1, "trial_notes", "CREATE TABLE trial_notes (id INTEGER PRIMARY KEY, note TEXT);"),
        Migration(len(base) + 2, "trial_notes_kind", "ALTER TABLE trial_notes ADD COLUMN kind TEXT NOT NULL DEFAULT 'x';\n"
                  "INSERT INTO trial_notes (note) VALUES ('migrated');"),
    )
    monkeypatch.setattr(schema, "migrations", lambda: base + extra)
    schema.expected_columns.cache_clear()
    try:
        store = Store(db, readonly=True)
        assert [tuple(r) for r in store.conn.execute("SELECT note, kind FROM trial_notes")] == [("migrated", "x")]
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == documents
        store.close()
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(base) + 2
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(len(base) + 2)
        Store(db).close()  # at the current version: nothing runs twice
        assert conn.execute("SELECT count(*) FROM trial_notes").fetchone()[0] == 1
    finally:
        schema.expected_columns.cache_clear()


def test_issue_14_failed_migration_leaves_the_old_store(tmp_path, monkeypatch):
    db = build_show_store(tmp_path / "ng.db")
    base = schema.migrations()
    broken = Migration(len(base) + 1, "broken", "CREATE TABLE fine (x);\nALTER TABLE nowhere ADD COLUMN y;")
    monkeypatch.setattr(schema, "migrations", lambda: base + (broken,))
    schema.expected_columns.cache_clear()
    try:
        with pytest.raises(Exception):
            Store(db)
    finally:
        schema.expected_columns.cache_clear()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(base)
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name='fine'").fetchone()


def test_issue_14_migration_files_are_numbered_without_gaps():
    versions = [m.version for m in schema.migrations()]
    assert versions == list(range(1, len(versions) + 1)) and schema.schema_version() == len(versions)


def test_issue_14_readonly_open_of_missing_or_foreign_file_raises(tmp_path):
    with pytest.raises(StoreMissing):
        Store(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(NotAStore):
        Store(foreign_db(tmp_path / "theirs.db"))


def test_issue_14_renamed_column_is_one_coded_line_on_every_command(tmp_path):
    db = build_show_store(tmp_path / "ng.db")
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE entities RENAME COLUMN name TO label")
    conn.commit()
    conn.close()
    (tmp_path / "a.txt").write_text("Rubio visited Panama on Monday.\n")
    for command in [*READ_COMMANDS, ["ingest", str(tmp_path / "a.txt")]]:
        proc = run(*command, "--db", str(db), cwd=tmp_path)
        one_coded_line(proc, "NG305")


def corrupt_pages(db: Path) -> None:
    """Overwrite every table and index page except the header page (which holds the schema)
    and ``meta``'s, as a bad sector or a torn copy would: the file still opens."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    keep = {1, *(r[0] for r in conn.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name='meta'"))}
    conn.close()
    assert pages > 10
    with open(db, "r+b") as f:
        for page in range(1, pages + 1):
            if page not in keep:
                f.seek((page - 1) * page_size)
                f.write(b"\xa5" * page_size)


def test_issue_14_corrupted_page_is_one_coded_line_on_every_command(tmp_path):
    db = build_show_store(tmp_path / "ng.db")
    corrupt_pages(db)
    (tmp_path / "a.txt").write_text("Rubio visited Panama on Monday with Mulino.\n")
    for command in [*READ_COMMANDS, ["ingest", str(tmp_path / "a.txt")]]:
        proc = run(*command, "--db", str(db), cwd=tmp_path)
        assert proc.returncode == 1, (command, proc.stderr)
        assert "Traceback" not in proc.stderr, (command, proc.stderr)
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and ("[NG305]" in lines[0] or "[NG301]" in lines[0]), (command, proc.stderr)


@pytest.fixture
def small_fs():
    """A 2 MB tmpfs: a real full disk."""
    with small_tmpfs("2m", "newsgraph-full-disk-") as mountpoint:
        yield mountpoint


def test_issue_14_disk_full_during_ingest_is_one_line_and_keeps_what_was_stored(small_fs, tmp_path):
    db = small_fs / "ng.db"
    build_show_store(db)
    conn = sqlite3.connect(db)
    before = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    # fill the disk, leaving a little room: the next batch of articles cannot fit
    with open(small_fs / "ballast", "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
    # leave 300 KB: the store opens, then the batches of this ingest cannot all fit
    os.truncate(small_fs / "ballast", max(0, os.path.getsize(small_fs / "ballast") - 300 * 1024))
    articles = tmp_path / "many.jsonl"
    with open(articles, "w") as f:
        for i in range(40):
            text = f"Article {i}. " + " ".join(f"Minister Person{i}x{j} visited Country{j} on Monday." for j in range(60))
            f.write('{"id": "%d", "text": "%s"}\n' % (i, text))
    proc = run("ingest", str(articles), "--db", str(db), "--workers", "1", cwd=tmp_path)
    one_coded_line(proc, "NG306")
    (small_fs / "ballast").unlink()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    try:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] >= before
    finally:
        conn.close()
