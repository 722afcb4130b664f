"""What the confidence floor hides is said, not dropped silently (issue 12: "weaker findings
stay in the store, marked, shown on request"): the entity card, `connections` and `demo`
end with one line counting the relations below the floor and naming the option that shows
them. The count is checked against the JSON lists at the two floors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph import KnowledgeGraph
from newsgraph.cli import app
from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE
from queries_sample import build_sample_store

pytestmark = pytest.mark.issue(12)
runner = CliRunner()


def hint(n: int, floor: float) -> str:
    return f"{n} more relation{'s' if n != 1 else ''} below confidence {floor:g}: --min-confidence 0 shows them"


def invoke(*args) -> str:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture
def db(tmp_path):
    return build_sample_store(tmp_path / "ng.db")


def listed(db, command, name, *args) -> list[tuple]:
    data = json.loads(invoke(command, name, "--db", db, "--json", *args))
    return [(c["relation"], c["direction"], c["entity"]["id"]) for c in data["connections"]]


@pytest.mark.parametrize("floor", ["0.5", "0.65", "0.9"])
@pytest.mark.parametrize("command", ["entity", "connections"])
def test_the_line_counts_what_a_lower_floor_adds(db, command, floor):
    """Sample store: co-occurrence at 0.2, verbs at 0.6, roles at 0.7-0.85."""
    everything = listed(db, command, "Bukele", "--min-confidence", "0")
    shown = listed(db, command, "Bukele", "--min-confidence", floor)
    hidden = len(everything) - len(shown)
    assert set(shown) < set(everything) and hidden > 0
    text = invoke(command, "Bukele", "--db", db, "--min-confidence", floor)
    assert text.rstrip("\n").splitlines()[-1] == hint(hidden, float(floor))
    assert "below confidence" not in invoke(command, "Bukele", "--db", db, "--min-confidence", "0")


def test_connections_count_under_the_same_filters(db):
    """Only what the other filters let through is counted: with --relation-type VISITED,
    the two VISITED relations at 0.6 are hidden at 0.65, not the co-occurrences."""
    text = invoke("connections", "Rubio", "--db", db, "--relation-type", "VISITED", "--min-confidence", "0.65")
    assert text.rstrip("\n").splitlines()[-1] == hint(2, 0.65)
    text = invoke("connections", "Rubio", "--db", db, "--relation-type", "HOLDS_ROLE", "--min-confidence", "0.65")
    assert "below confidence" not in text  # the role (0.85) is shown, nothing is hidden


def test_json_stays_the_list_alone(db):
    card = json.loads(invoke("entity", "Rubio", "--db", db, "--json", "--min-confidence", "0.65"))
    assert set(card) == set(json.loads(invoke("entity", "Rubio", "--db", db, "--json", "--min-confidence", "0")))


def test_demo_says_what_the_default_floor_hides(examples_db):
    """`demo` on the samples (already ingested: nothing new is read) prints Rubio's card at
    the default floor and, under it, how many weaker relations the store holds."""
    text = invoke("demo", "--db", examples_db)
    with KnowledgeGraph.open(examples_db, readonly=True) as kg:
        everything = len(kg.entity("Rubio", min_confidence=0.0)["connections"])
        shown = len(kg.entity("Rubio")["connections"])
    assert everything > shown  # the samples hold co-occurrences below any floor
    assert text.rstrip("\n").splitlines()[-1] == hint(everything - shown, DEFAULT_MIN_CONFIDENCE)
