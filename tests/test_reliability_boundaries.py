"""Issue 14: validation at the boundaries. `ingest --from-extracted` checks each line as
strictly as the extractor writes it; CSV cells meant for spreadsheets cannot run formulas;
text from the store never drives the terminal."""

from __future__ import annotations

import copy
import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity, ExtractedRelation
from newsgraph.graph.store import Store

pytestmark = pytest.mark.issue(14)

ARTICLE = "Marco Rubio visited Panama on Monday. Rubio met President Jose Raul Mulino in Panama City."


@pytest.fixture(scope="module")
def extracted_line(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("extracted")
    (folder / "a.jsonl").write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n")
    result = CliRunner().invoke(app, ["extract", "--jsonl", str(folder / "a.jsonl"), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["relations"] and doc["entities"]
    return doc


def mutated(doc: dict, change) -> dict:
    doc = copy.deepcopy(doc)
    change(doc)
    return doc


def _set(path: list, value):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


BAD = {
    "id null": (_set(["id"], None), "id: must be a string, not null"),
    "id a list": (_set(["id"], ["a", "b"]), "id: must be a string, not an array"),
    "id not a document id": (_set(["id"], "x"), "id: must be 16 hexadecimal digits"),
    "tail missing": (_set(["relations", 0, "tail"], "person:nobody"), "relations[0].tail: 'person:nobody' is not among"),
    "unknown entity type": (_set(["entities", 0, "type"], "Alien"), "entities[0].type: unknown entity type 'Alien'"),
    "unknown relation type": (_set(["relations", 0, "type"], "visited by"), "relations[0].type: 'visited by' is not a relation type"),
    "confidence a string": (_set(["relations", 0, "confidence"], "high"), "relations[0].confidence: must be a number from 0 to 1"),
    "mention of no entity": (_set(["mentions", 0, "entity_id"], "org:ghost"), "mentions[0].entity_id: 'org:ghost' is not among"),
    "escape in a name": (_set(["entities", 0, "name"], "Evil\x1b[2J Corp"), "entities[0].name: holds control characters"),
    "unknown field": (_set(["entities", 0, "colour"], "red"), "entities[0]: unknown field 'colour'"),
    "entities not a list": (_set(["entities"], {"a": 1}), "entities: must be an array, not an object"),
    "id prefix of another type": (_set(["entities", 0, "id"], "country:XYZ"), "entities[0].id: must be"),
}


def test_issue_14_from_extracted_refuses_bad_lines_and_stores_the_good(tmp_path, extracted_line):
    lines = [json.dumps(extracted_line)]
    names = list(BAD)
    for name in names:
        change, _ = BAD[name]
        lines.append(json.dumps(mutated(extracted_line, change)))
    feed = tmp_path / "extracted.jsonl"
    feed.write_text("\n".join(lines) + "\n")
    db = tmp_path / "ng.db"
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "ingest", "--from-extracted", str(feed), "--db", str(db), "--json"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = proc.stderr.splitlines()
    assert len(errors) == len(names), proc.stderr
    for number, (name, line) in enumerate(zip(names, errors), start=2):
        assert line.startswith(f"Error: [NG103] {feed}:{number}: not an extracted document: "), line
        assert BAD[name][1] in line, (name, line)
    assert json.loads(proc.stdout)["documents"] == {"new": 1, "present": 0, "failed": len(names)}
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    # nothing of the refused lines reached the store: every relation's ends exist
    assert conn.execute("SELECT count(*) FROM relations r LEFT JOIN entities e ON e.id = r.tail WHERE e.id IS NULL").fetchone()[0] == 0
    conn.close()


def test_issue_14_the_extractors_own_output_passes_the_check(extracted_line):
    from newsgraph.extracted import checked_document

    assert checked_document(extracted_line).to_dict() == extracted_line


def test_issue_14_from_extracted_a_fifo_or_nul_byte_costs_only_itself(tmp_path, extracted_line):
    import os

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    feed = tmp_path / "x.jsonl"
    feed.write_bytes(b'{"id": "\x00"}\n' + json.dumps(extracted_line).encode() + b"\n")
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "ingest", "--from-extracted", str(fifo), str(feed),
                           "--db", str(tmp_path / "ng.db"), "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"Error: [NG103] {fifo}: not a regular file (a FIFO); pipe it to '-' instead",
        f"Error: [NG103] {feed}:1: binary data (a NUL byte) in the line",
    ]
    assert json.loads(proc.stdout)["documents"]["new"] == 1


# --- terminal ------------------------------------------------------------------------------

EVIL = "Evil\x1b[2J\x1b]0;owned\x07\x9b31m Corp\u202e"


def evil_store(path: Path) -> Path:
    """A store holding names and a sentence with escape sequences, as a store written by
    another tool (or before validation existed) could."""
    d = ExtractedDocument(id="0123456789abcdef", text_length=50, source="x.txt", title="Title\x1b[1m")
    d.entities = [ExtractedEntity(id="org:evil", name=EVIL, type="Organization", aliases={"Evil\x1b[5m"}, mentions=1),
                  ExtractedEntity(id="person:marco-rubio", name="Marco Rubio", type="Person", mentions=1)]
    d.mentions = [EntityMention("org:evil", "Evil", 0, 4, 0), EntityMention("person:marco-rubio", "Marco Rubio", 10, 21, 0)]
    d.relations = [ExtractedRelation("person:marco-rubio", "org:evil", "MET_WITH", "dep", 0.9,
                                     "Rubio met \x1b[31mEvil\x1b[0m.", 0, 20, predicate="meet")]
    store = Store(path)
    store.add_documents([d])
    store.close()
    return path


@pytest.mark.parametrize("command", [["entities"], ["entity", "org:evil"], ["entity", "Marco Rubio"],
                                     ["connections", "Marco Rubio"], ["search", "Evil"], ["top"]])
def test_issue_14_no_control_character_reaches_the_terminal(tmp_path, command):
    db = evil_store(tmp_path / "ng.db")
    proc = subprocess.run([sys.executable, "-m", "newsgraph", *command, "--db", str(db)], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert "Evil" in out
    for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert bad not in out, (bad, out)


def test_issue_14_json_output_escapes_what_a_terminal_would_act_on(tmp_path):
    db = evil_store(tmp_path / "ng.db")
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "entity", "org:evil", "--db", str(db), "--json"],
                          capture_output=True, timeout=120)
    out = proc.stdout.decode("utf-8")
    for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert bad not in out
    assert json.loads(out)["name"] == EVIL  # the data itself is unchanged


# --- CSV for spreadsheets -------------------------------------------------------------------


def test_issue_14_csv_evidence_cells_cannot_start_a_formula(tmp_path):
    d = ExtractedDocument(id="0123456789abcdef", text_length=80, source="x.txt", title="=HYPERLINK(\"http://x\")")
    d.entities = [ExtractedEntity(id="org:plus", name="+Plus Corp", type="Organization", mentions=1),
                  ExtractedEntity(id="person:at", name="@handle", type="Person", mentions=1)]
    d.mentions = [EntityMention("org:plus", "+Plus Corp", 0, 10, 0), EntityMention("person:at", "@handle", 20, 27, 0)]
    d.relations = [ExtractedRelation("person:at", "org:plus", "MET_WITH", "dep", 0.9, "=1+1 said @handle.", 0, 18,
                                     predicate="-meet")]
    store = Store(tmp_path / "ng.db")
    store.add_documents([d])
    store.close()
    out = tmp_path / "csv"
    result = CliRunner().invoke(app, ["export", "csv", "-o", str(out), "--db", str(tmp_path / "ng.db"), "--min-confidence", "0"])
    assert result.exit_code == 0, result.stderr
    with open(out / "evidence.csv", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert row["sentence"] == "'=1+1 said @handle."
    assert row["title"] == "'=HYPERLINK(\"http://x\")"
    assert row["predicate"] == "'-meet"
    for cells in csv.reader(open(out / "evidence.csv", newline="")):
        assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    # the import files keep the exact values neo4j-admin must load
    with open(out / "nodes.csv", newline="") as f:
        names = {r["name"] for r in csv.DictReader(f)}
    assert names == {"+Plus Corp", "@handle"}
