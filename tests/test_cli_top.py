"""`newsgraph top` on a hand-made store."""

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


def top(db, *args):
    """At the sample store's floor unless a test names another (the last --min-confidence wins)."""
    result = runner.invoke(app, ["top", *FLOOR_ARGS, *map(str, args), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def names(data):
    return [e["name"] for e in data["entities"]]


def test_by_mentions_default(db):
    data = top(db, "--limit", "3")
    assert data["by"] == "mentions" and not data["approximate"]
    assert names(data) == ["Nayib Bukele", "United States", "El Salvador"]
    assert [e["rank"] for e in data["entities"]] == [1, 2, 3]


def test_by_degree_with_type(db):
    data = top(db, "--by", "degree", "--type", "country", "--min-confidence", "0")  # every relation (issue 12)
    assert [(e["name"], e["score"]) for e in data["entities"]] == [("El Salvador", 4), ("Mexico", 2), ("United States", 2)]


def test_by_pagerank_and_betweenness(db):
    assert names(top(db, "--by", "betweenness", "--limit", "2")) == ["Marco Rubio", "Nayib Bukele"]
    pr = top(db, "--by", "pagerank", "--type", "Person")
    assert set(names(pr)) == {"Marco Rubio", "Nayib Bukele", "Claudia Sheinbaum", "Donald Trump"}
    scores = [e["score"] for e in pr["entities"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0


def test_unknown_ranking(db):
    result = runner.invoke(app, ["top", "--by", "fame", "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr == "Error: [NG104] Unknown ranking 'fame' for --by; use one of: mentions, degree, pagerank, betweenness.\n"


def test_betweenness_is_sampled_and_flagged_on_big_graphs(db, monkeypatch):
    from newsgraph.queries import rankings

    assert rankings.betweenness_sample(5_000, 10**6) is None
    assert rankings.betweenness_sample(200_000, 1_000_000) == 10
    assert rankings.betweenness_sample(20_000, 10_000) == 500
    monkeypatch.setattr(rankings, "EXACT_BETWEENNESS_MAX", 3)
    data = top(db, "--by", "betweenness", "--limit", "3")
    assert data["approximate"] is True and len(data["entities"]) == 3
