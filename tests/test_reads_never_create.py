"""Only ingest (and demo, on its own store) creates a store (issue 16): every other
command on a missing --db says so in one coded line, exits 1 and leaves no file behind;
demo never mixes its samples into a store holding other documents."""

import sqlite3

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from queries_sample import build_sample_store

runner = CliRunner()
pytestmark = pytest.mark.issue(16)

READS = [
    ["entity", "Rubio"], ["entity", "Rubio", "--json"], ["entities"], ["connections", "Rubio"], ["path", "Rubio", "Bukele"],
    ["cypher", "MATCH (n) RETURN count(n)"], ["export", "graphml", "-o", "{tmp}/out.graphml"],
    ["export", "csv", "-o", "{tmp}/out"], ["stats"], ["search", "Rubio"], ["top"],
    ["show", "Rubio", "--no-open", "-o", "{tmp}/x.html"], ["review"], ["corrections", "list"],
    ["corrections", "export", "{tmp}/c.jsonl"], ["neo4j", "push", "--uri", "bolt://127.0.0.1:9"],
    ["serve", "--port", "0"],
]
# Corrections change what a store holds: on a missing one they are a mistyped --db.
CORRECTIONS = [
    ["merge", "A", "B"], ["split", "A", "--alias", "x"], ["rename", "A", "B"], ["retype", "A", "Person"],
    ["alias", "add", "A", "B"], ["reject", "1"], ["confirm", "1"], ["forget", "abc"], ["corrections", "undo"],
    ["corrections", "import", "{tmp}/in.jsonl"],
]


@pytest.mark.parametrize("args", READS + CORRECTIONS, ids=lambda a: " ".join(a[:2]))
def test_missing_store_is_refused_and_not_created(tmp_path, args):
    store_dir = tmp_path / "stores"
    store_dir.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (tmp_path / "in.jsonl").write_text("")
    missing = store_dir / "missing.db"
    args = [a.replace("{tmp}", str(out_dir)).replace(f"{out_dir}/in.jsonl", str(tmp_path / "in.jsonl")) for a in args]
    result = runner.invoke(app, [*args, "--db", str(missing)])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: [NG302] No store at {missing}: only ingest creates one. "
        f"Ingest articles first (newsgraph ingest FILES --db {missing}) or pass --db.\n"
    )
    assert list(store_dir.iterdir()) == []  # no file, no -wal, no -shm
    assert list(out_dir.iterdir()) == []


def _documents(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, source FROM documents ORDER BY id").fetchall()


def test_demo_never_mixes_samples_into_another_store(tmp_path):
    db = build_sample_store(tmp_path / "mine.db")
    before = _documents(db)
    result = runner.invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: [NG307] {db} holds {len(before)} document(s) that are not the samples")
    assert _documents(db) == before


def test_demo_uses_its_own_store_not_newsgraph_db(tmp_path, monkeypatch):
    mine = build_sample_store(tmp_path / "mine.db")
    before = _documents(mine)
    monkeypatch.setenv("NEWSGRAPH_DB", str(mine))
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "no-samples"
    empty.mkdir()
    runner.invoke(app, ["demo", "--examples", str(empty)])  # nothing to ingest, no Rubio: exit 1
    assert (tmp_path / "newsgraph-demo.db").is_file()
    assert _documents(mine) == before
