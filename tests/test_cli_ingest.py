"""`newsgraph ingest` end to end: the real model, a real SQLite file."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app

from conftest import EXAMPLES

runner = CliRunner()


def ingest(db, *paths, input=None):
    return runner.invoke(app, ["ingest", *map(str, paths), "--db", str(db), "--json"], input=input)


def test_examples_ingest_and_reingest_is_idempotent(tmp_path):
    db = tmp_path / "ng.db"
    first = ingest(db, EXAMPLES)
    assert first.exit_code == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["documents"] == {"new": 8, "present": 0, "failed": 0}
    assert summary["entities"] > 10 and summary["relations"] > 10
    before = sqlite3.connect(db).execute("SELECT count(*), sum(weight) FROM relations").fetchone()
    again = ingest(db, EXAMPLES)
    assert again.exit_code == 0
    assert json.loads(again.stdout)["documents"] == {"new": 0, "present": 8, "failed": 0}
    assert sqlite3.connect(db).execute("SELECT count(*), sum(weight) FROM relations").fetchone() == before


def test_country_aliases_are_merged(examples_db):
    conn = sqlite3.connect(examples_db)
    rows = conn.execute("SELECT id, name FROM entities WHERE name LIKE '%United States%' OR name IN ('US', 'U.S.', 'America')").fetchall()
    assert rows == [("country:USA", "United States")]
    from newsgraph import KnowledgeGraph

    with KnowledgeGraph.open(examples_db) as kg:
        for form in ["US", "U.S.", "America", "the United States", "United States of America", "usa"]:
            assert kg.resolve(form) == "country:USA", form


def test_one_node_per_person(examples_db):
    conn = sqlite3.connect(examples_db)
    bukeles = conn.execute("SELECT id FROM entities WHERE name LIKE '%Bukele%'").fetchall()
    assert bukeles == [("person:nayib-bukele",)]
    rubios = conn.execute("SELECT id FROM entities WHERE name LIKE '%Rubio%'").fetchall()
    assert rubios == [("person:marco-rubio",)]


def test_page_clutter_produces_no_entities(examples_db):
    conn = sqlite3.connect(examples_db)
    names = {r[0].lower() for r in conn.execute("SELECT name FROM entities")}
    for junk in ["close button", "share", "copy link", "advertisement", "read more", "cookie", "getty images"]:
        assert not any(junk in n for n in names), junk


def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Rubio meets Bukele\n\nMarco Rubio met Nayib Bukele in San Salvador on Monday.\n")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "latin1.txt").write_bytes("Canada's Prime Minister Mark Carney met Claudia Sheinbaum in Ottawa for talks. Caf\xe9 owners cheered.".encode("latin-1"))
    (tmp_path / "in" / "feed.jsonl").write_text(
        '{"id": "a1", "text": "Claudia Sheinbaum visited Guatemala on Friday."}\n{"id": "a2", "text": \n'
    )
    db = tmp_path / "ng.db"
    result = ingest(db, tmp_path / "in")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3, errors
    assert any("binary.txt" in e for e in errors)
    assert any("empty.txt" in e for e in errors)
    assert any("feed.jsonl:2" in e for e in errors)
    assert all(e.startswith("Error: ") for e in errors)
    summary = json.loads(result.stdout)
    assert summary["documents"] == {"new": 3, "present": 0, "failed": 3}
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM entities WHERE id='person:mark-carney'").fetchone()[0] == 1


def test_stdin(tmp_path):
    db = tmp_path / "ng.db"
    result = ingest(db, "-", input="Marco Rubio visited Panama on Saturday.\n")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["documents"]["new"] == 1


def test_nothing_already_stored_is_lost_when_a_later_run_fails(tmp_path):
    db = tmp_path / "ng.db"
    assert ingest(db, EXAMPLES).exit_code == 0
    before = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    assert ingest(db, bad).exit_code == 1
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == before


def test_kill_and_resume(tmp_path):
    """kill -9 in the middle of an ingest leaves a consistent store; a re-run adds only the rest."""
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w") as f:
        for i in range(400):
            text = (
                f"Report {i}: Marco Rubio met Nayib Bukele in San Salvador on day {i}. "
                f"Officials from Mexico and Canada joined talks number {i} about trade."
            )
            f.write(json.dumps({"id": f"n{i}", "text": text}) + "\n")
    db = tmp_path / "ng.db"
    cmd = [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    committed = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                committed = sqlite3.connect(db, timeout=1).execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                committed = 0
            if committed >= 64:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 0 < partial < 400
    # Every stored document has its mentions: batches are all or nothing.
    assert conn.execute(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id)"
    ).fetchone()[0] == 0
    conn.close()
    result = ingest(db, corpus)
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["documents"]["present"] == partial
    assert summary["documents"]["new"] == 400 - partial
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 400
