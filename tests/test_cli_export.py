"""``newsgraph export``: exit codes, stdout and stderr, exactly."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from export_fixtures import BUKELE, RUBIO, SLV, make_store
from floor_support import FLOOR_ARGS
from newsgraph.cli import app


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "ng.db"
    make_store(path).close()
    return str(path)


def run(fmt: str, *args: str):
    """At the floor the fixture is arranged around (0.5-1.0, co-occurrence 0.3) unless a test
    names another: options after the format, and the last --min-confidence wins."""
    return CliRunner().invoke(app, ["export", fmt, *FLOOR_ARGS, *args])


def test_graphml_to_a_file(db, tmp_path):
    out = tmp_path / "g.graphml"
    result = run("graphml", "-o", str(out), "--db", db, "--min-confidence", "0")  # every edge (issue 12)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Wrote 6 nodes and 6 edges to {out} (graphml, parallel edges merged).\n"
    assert result.stderr == ""
    assert nx.read_graphml(out).number_of_edges() == 6


def test_keep_and_filters(db, tmp_path):
    out = tmp_path / "g.graphml"
    result = run("graphml", "-o", str(out), "--db", db, "--parallel", "keep", "--ego", "Bukele", "--depth", "1",
                 "--no-cooccurrence", "--entity-type", "person", "--entity-type", "Country")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Wrote 3 nodes and 4 edges to {out} (graphml, parallel edges kept).\n"
    g = nx.read_graphml(out, force_multigraph=True)
    assert set(g.nodes) == {BUKELE, RUBIO, SLV}


def test_gexf_to_stdout_puts_the_summary_on_stderr(db):
    result = run("gexf", "-o", "-", "--db", db, "--type", "VISITED", "--since", "2025-02-01", "--until", "2025-02-28")
    assert result.exit_code == 0
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf ')
    assert result.stderr == "Wrote 2 nodes and 1 edge to stdout (gexf, parallel edges kept).\n"


def test_json_summary(db, tmp_path):
    out = tmp_path / "csv"
    result = run("csv", "-o", str(out), "--db", db, "--min-weight", "2", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"format": "csv", "destination": str(out), "nodes": 2, "edges": 1, "parallel": None}
    assert sorted(p.name for p in out.iterdir()) == ["bylines.csv", "documents.csv", "evidence.csv", "mentions.csv", "nodes.csv", "relationships.csv"]


def test_json_format_with_min_confidence(db, tmp_path):
    out = tmp_path / "g.json"
    result = run("json", "-o", str(out), "--db", db, "--min-confidence", "0.85", "--evidence", "0")
    assert result.exit_code == 0
    data = json.loads(out.read_text())
    assert [e["type"] for e in data["edges"]] == ["HOLDS_ROLE"]


@pytest.mark.parametrize(
    "args,message",
    [
        (["xml", "-o", "x"], "Error: [NG602] Unknown export format 'xml'. Use one of: graphml, gexf, csv, json.\n"),
        (["csv", "-o", "x", "--parallel", "merge"],
         "Error: [NG603] --parallel applies to graphml and gexf; csv always keeps parallel edges\n"),
        (["graphml", "-o", "x", "--since", "last week"],
         "Error: [NG404] --since expects a date like 2025-03-10, 2025-03 or 2025, not 'last week'\n"),
        (["graphml", "-o", "-", "--json"], "Error: [NG603] --json prints a summary on stdout; it cannot be combined with -o -\n"),
        (["graphml", "-o", "x", "--ego", "Atlantis"], "Error: [NG201] No entity matches 'Atlantis'. Closest: none.\n"),
    ],
)
def test_errors_are_one_line_on_stderr(db, tmp_path, args, message):
    args = [a if a != "x" else str(tmp_path / "x") for a in args]
    result = run(*args, "--db", db)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == message


def test_unwritable_destination(db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("graphml", "-o", str(blocker / "g.graphml"), "--db", db)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: [NG604] Cannot write {blocker / 'g.graphml'}: ")
    assert result.stderr.endswith(". Choose another -o path.\n") and result.stderr.count("\n") == 1
