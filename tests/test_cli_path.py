"""`newsgraph path` on a hand-made store."""

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from floor_support import FLOOR_ARGS
from queries_sample import build_sample_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    return build_sample_store(tmp_path / "ng.db")


def path(db, *args):
    """At the sample store's floor unless a test names another (the last --min-confidence wins)."""
    result = runner.invoke(app, ["path", *FLOOR_ARGS, *map(str, args), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def chain(p):
    return [e["name"] for e in p["entities"]]


def test_shortest_chains_with_evidence(db):
    data = path(db, "Sheinbaum", "Trump", "--min-confidence", "0")  # co-occurrence too (issue 12)
    assert data["hops"] == 3
    assert [chain(p) for p in data["paths"]] == [
        ["Claudia Sheinbaum", "Marco Rubio", "United States", "Donald Trump"],
        ["Claudia Sheinbaum", "Marco Rubio", "Nayib Bukele", "Donald Trump"],
    ]
    hops = data["paths"][0]["hops"]
    assert [(h["relation"], h["direction"]) for h in hops] == [("MET_WITH", "in"), ("HOLDS_ROLE", "out"), ("HOLDS_ROLE", "in")]
    assert hops[0]["other_relations"] == ["CO_OCCURS_WITH"]
    assert hops[2]["evidence"]["sentence"] == "President Donald Trump met Bukele at the White House."
    assert all(h["evidence"]["document"] for p in data["paths"] for h in p["hops"])


def test_max_hops_and_type_filter(db):
    assert path(db, "Sheinbaum", "Trump", "--max-hops", "2")["paths"] == []
    data = path(db, "Sheinbaum", "Trump", "--type", "MET_WITH")
    assert [chain(p) for p in data["paths"]] == [["Claudia Sheinbaum", "Marco Rubio", "Nayib Bukele", "Donald Trump"]]


def test_direct_link_and_no_link(db):
    data = path(db, "Salvadorans", "El Salvador")
    assert data["hops"] == 1 and data["paths"][0]["hops"][0]["relation"] == "FROM"
    assert path(db, "Lake Atitlan", "Rubio")["paths"] == []


def test_table_output(db):
    result = runner.invoke(app, ["path", "Sheinbaum", "Trump", "--db", str(db), "--paths", "1", *FLOOR_ARGS])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "1 shortest path(s) of 3 hop(s) between Claudia Sheinbaum and Donald Trump:"
    assert "1. Claudia Sheinbaum <-MET_WITH- Marco Rubio -HOLDS_ROLE-> United States <-HOLDS_ROLE- Donald Trump" in result.stdout


def test_unknown_name(db):
    result = runner.invoke(app, ["path", "Rubio", "Atlantis", "--db", str(db)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: [NG201] No entity matches 'Atlantis'")
