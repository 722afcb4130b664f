"""connections, path and top on the bundled samples (ingested with the real model)."""

import json

from typer.testing import CliRunner

from floor_support import FLOOR_ARGS
from newsgraph.cli import app

runner = CliRunner()


def run(db, *args):
    """At the 0.5 view these tests are written on (tests/floor_support.py), not the default,
    unless a test names another floor (the last --min-confidence wins)."""
    command, *rest = map(str, args)
    floor = FLOOR_ARGS if command in ("connections", "path", "top") else ()
    result = runner.invoke(app, [command, *floor, *rest, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_connections_type_filter(examples_db):
    data = run(examples_db, "connections", "rubio", "--type", "VISITED")
    assert data["entity"]["name"] == "Marco Rubio"
    assert {c["relation"] for c in data["connections"]} == {"VISITED"}
    assert "El Salvador" in {c["entity"]["name"] for c in data["connections"]}
    assert all(c["evidence"][0]["sentence"] for c in data["connections"])


def test_connections_entity_type_and_dates(examples_db):
    data = run(examples_db, "connections", "Rubio", "--entity-type", "Country")
    assert data["connections"] and {c["entity"]["type"] for c in data["connections"]} == {"Country"}
    everything = run(examples_db, "connections", "Rubio")["connections"]
    dated = run(examples_db, "connections", "Rubio", "--since", "2025-05-01", "--until", "2025-05-31")["connections"]
    assert dated and len(dated) < len(everything)
    assert all("2025-05-01" <= c["evidence"][0]["date"] <= "2025-05-31" for c in dated)
    assert "Mexico City" in {c["entity"]["name"] for c in dated}  # the Mexico City article is dated 2025-05-14


def test_connections_depth_two(examples_db):
    data = run(examples_db, "connections", "Sheinbaum", "--depth", "2")
    first = {c["entity"]["id"] for c in data["connections"]}
    assert data["second_degree"]
    for s in data["second_degree"]:
        assert s["entity"]["id"] not in first and s["entity"]["id"] != data["entity"]["id"]
        assert all(v["entity"]["id"] in first for v in s["via"])


def test_path_with_evidence(examples_db):
    data = run(examples_db, "path", "Sheinbaum", "Bukele")
    assert data["hops"] and data["paths"]
    for p in data["paths"]:
        names = [e["name"] for e in p["entities"]]
        assert names[0] == "Claudia Sheinbaum" and names[-1] == "Nayib Bukele" and len(names) == data["hops"] + 1
        assert all(h["evidence"]["sentence"] for h in p["hops"])


def test_top_by_mentions_matches_entities(examples_db):
    top = run(examples_db, "top", "--limit", "3")["entities"]
    entities = run(examples_db, "entities", "--limit", "3")
    assert [e["id"] for e in top] == [e["id"] for e in entities]
    assert run(examples_db, "top", "--by", "pagerank", "--type", "Person", "--limit", "1")["entities"][0]["type"] == "Person"


def test_top_by_degree_with_min_confidence_counts_only_confident_relations(examples_db):
    import sqlite3

    everything = run(examples_db, "top", "--by", "degree", "--limit", "1", "--min-confidence", "0")
    confident = run(examples_db, "top", "--by", "degree", "--limit", "1", "--min-confidence", "0.5")
    top_id = everything["entities"][0]["id"]
    conn = sqlite3.connect(examples_db)
    expected = conn.execute(
        "SELECT count(*) FROM relations WHERE (head = ? OR tail = ?) AND confidence >= 0.5", (top_id, top_id)
    ).fetchone()[0]
    assert confident["min_confidence"] == 0.5
    scores = {e["id"]: e["score"] for e in confident["entities"]}
    assert scores.get(top_id, expected) == expected
    assert confident["entities"][0]["score"] < everything["entities"][0]["score"]
