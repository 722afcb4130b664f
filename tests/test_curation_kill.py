"""A correction killed with SIGKILL in the middle leaves the store as before or as after
(issue 15): a real subprocess, paused inside the correction's transaction by SQLite's
progress handler, then killed."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from newsgraph import KnowledgeGraph
from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity, ExtractedRelation

pytestmark = pytest.mark.issue(15)

CHILD = textwrap.dedent(
    """
    import sys, time
    from newsgraph import KnowledgeGraph

    db, pause_at = sys.argv[1], int(sys.argv[2])
    kg = KnowledgeGraph.open(db)
    calls = 0

    def progress():
        global calls
        calls += 1
        if calls == pause_at and kg.store.conn.in_transaction:
            print("paused", flush=True)
            time.sleep(120)
        return 0

    kg.store.conn.set_progress_handler(progress, 200)
    kg.merge(["Alpha Group", "Beta Group"])
    print("done", flush=True)
    """
)


def _build(db):
    """Two organisations with 300 relations each, half of them to the same partners."""
    docs = []
    for n in range(30):
        d = ExtractedDocument(id=f"d{n}", text_length=100, source=f"d{n}.txt", published="2025-01-01")
        ents = [("org:alpha-group", "Alpha Group"), ("org:beta-group", "Beta Group")]
        ents += [(f"org:partner-{n}-{k}", f"Partner {n} {k}") for k in range(10)]
        for eid, name in ents:
            d.entities.append(ExtractedEntity(id=eid, name=name, type="Organization", mentions=1))
            d.mentions.append(EntityMention(eid, name, 0, len(name), 0))
        for k in range(10):
            for head in ("org:alpha-group", "org:beta-group"):
                d.relations.append(ExtractedRelation(head=head, tail=f"org:partner-{n}-{k}", type="MET_WITH", method="dep",
                                                     confidence=0.7, sentence=f"{head} met {k}.", start=k, end=k + 5))
        docs.append(d)
    with KnowledgeGraph.open(db) as kg:
        kg.ingest_extracted(docs)


def _state(db):
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = ["entities", "aliases", "entity_documents", "mentions", "relations", "evidence", "merged_entities", "documents"]
        rows = {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
        log = conn.execute("SELECT count(*) FROM corrections").fetchone()[0]
        return rows, log
    finally:
        conn.close()


def test_kill_9_inside_a_merge_leaves_before_or_after(tmp_path):
    base = tmp_path / "base.db"
    _build(base)
    before, log0 = _state(base)
    done = tmp_path / "done.db"
    shutil.copy(base, done)
    with KnowledgeGraph.open(done) as kg:
        kg.merge(["Alpha Group", "Beta Group"])
    after, log1 = _state(done)
    assert (log0, log1) == (0, 1) and before != after

    outcomes = []
    for pause_at in (3, 10, 25, 60, 150):
        db = tmp_path / f"kill-{pause_at}.db"
        shutil.copy(base, db)
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(pause_at)], stdout=subprocess.PIPE, text=True)
        line = child.stdout.readline().strip()
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        state, log = _state(db)
        if line == "paused":
            assert (state, log) == (before, 0), f"killed mid-merge at {pause_at}: not the state before"
        else:
            assert (state, log) in ((before, 0), (after, 1))
        outcomes.append(line)
        # The store is usable after the kill: the merge runs to the end now.
        with KnowledgeGraph.open(db) as kg:
            kg.merge(["Alpha Group", "Beta Group"])
        assert _state(db) == (after, 1)
    assert "paused" in outcomes  # at least one kill landed inside the transaction
