"""`newsgraph connections` on a hand-made store."""

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


def connections(db, *args):
    """At the sample store's floor unless a test names another (the last --min-confidence wins)."""
    result = runner.invoke(app, ["connections", *FLOOR_ARGS, *map(str, args), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def linked(data):
    return [(c["relation"], c["direction"], c["entity"]["name"]) for c in data["connections"]]


def test_grouped_by_relation_with_weight_and_evidence(db):
    # Issue 12: co-occurrence (confidence 0.2) is below the default floor; 0 shows everything.
    data = connections(db, "rubio", "--min-confidence", "0")
    assert data["entity"] == {"id": "person:marco-rubio", "name": "Marco Rubio", "type": "Person"}
    assert linked(data) == [
        ("HOLDS_ROLE", "out", "United States"),
        ("MET_WITH", "out", "Claudia Sheinbaum"),
        ("MET_WITH", "out", "Nayib Bukele"),
        ("VISITED", "out", "El Salvador"),
        ("VISITED", "out", "Mexico"),
        ("CO_OCCURS_WITH", "both", "Claudia Sheinbaum"),
        ("CO_OCCURS_WITH", "both", "El Salvador"),
        ("CO_OCCURS_WITH", "both", "Nayib Bukele"),
    ]
    role = data["connections"][0]
    assert role["weight"] == 2 and role["title"] == "Secretary of State"
    assert [e["sentence"] for e in role["evidence"]] == [
        "Secretary of State Marco Rubio met Claudia Sheinbaum, the President of Mexico."
    ]
    assert role["evidence"][0]["date"] == "2025-03-10"


def test_relation_and_entity_type_filters(db):
    data = connections(db, "Marco Rubio", "--type", "visited", "--type", "MET_WITH", "--entity-type", "country")
    assert linked(data) == [("VISITED", "out", "El Salvador"), ("VISITED", "out", "Mexico")]


def test_date_filters_count_only_evidence_inside_the_window(db):
    data = connections(db, "Rubio", "--since", "2025-03", "--type", "HOLDS_ROLE")
    assert [(c["entity"]["name"], c["weight"]) for c in data["connections"]] == [("United States", 1)]
    assert data["connections"][0]["evidence"][0]["date"] == "2025-03-10"
    data = connections(db, "Rubio", "--until", "2025-02-28")
    assert {c["entity"]["name"] for c in data["connections"]} == {"United States", "Nayib Bukele", "El Salvador"}
    assert connections(db, "Rubio", "--since", "2025-06-01", "--until", "2025-12-31")["connections"] == []


def test_min_weight_and_confidence(db):
    assert linked(connections(db, "Rubio", "--min-weight", "2")) == [("HOLDS_ROLE", "out", "United States")]
    data = connections(db, "Bukele", "--min-confidence", "0.65")
    assert linked(data) == [("HOLDS_ROLE", "out", "El Salvador")]


def test_depth_two_says_through_whom(db):
    data = connections(db, "Sheinbaum", "--depth", "2", "--entity-type", "Person", "--entity-type", "Country")
    first = {c["entity"]["name"] for c in data["connections"]}
    assert first == {"Marco Rubio", "Mexico"}
    second = {s["entity"]["name"]: s for s in data["second_degree"]}
    assert set(second) == {"United States", "Nayib Bukele", "El Salvador"}
    bukele = second["Nayib Bukele"]
    assert [v["entity"]["name"] for v in bukele["via"]] == ["Marco Rubio"]
    via = bukele["via"][0]
    assert (via["first"]["relation"], via["first"]["direction"]) == ("MET_WITH", "in")
    assert (via["second"]["relation"], via["second"]["direction"]) == ("MET_WITH", "out")
    assert via["second"]["evidence"][0]["sentence"] == "Rubio met President Nayib Bukele in San Salvador."


def test_table_output(db):
    result = runner.invoke(app, ["connections", "Bukele", "--db", str(db), "--depth", "2", *FLOOR_ARGS])
    assert result.exit_code == 0
    assert result.stdout.startswith("Nayib Bukele  [Person]  id=person:nayib-bukele")
    assert "MET_WITH (2)" in result.stdout and "second degree" in result.stdout


def test_unknown_and_ambiguous_names(db):
    result = runner.invoke(app, ["connections", "Atlantis", "--db", str(db)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: [NG201] No entity matches 'Atlantis'. Closest: ")
    assert len(result.stderr.splitlines()) == 1


def test_bad_date_and_type(db):
    result = runner.invoke(app, ["connections", "Rubio", "--db", str(db), "--since", "March"])
    assert result.exit_code == 1
    assert result.stderr == "Error: [NG404] --since expects a date like 2025-03-10, 2025-03 or 2025, not 'March'\n"
    result = runner.invoke(app, ["connections", "Rubio", "--db", str(db), "--entity-type", "Planet"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: [NG104] Unknown entity type 'Planet' for --entity-type; use one of: Person,")


def test_facade_checks_the_filter_it_is_given(db):
    # connections, below_floor and export take one RelationFilter and check it the same way:
    # types spelt as stored, a type the store lacks refused rather than answered with nothing.
    from newsgraph.errors import UnknownValue
    from newsgraph.graph.relation_filter import RelationFilter
    from newsgraph.kg import KnowledgeGraph

    with KnowledgeGraph.open(db, readonly=True) as kg:
        flt = RelationFilter(relation_types=["visited"], entity_types=["country"])
        data = kg.connections("Marco Rubio", flt)
        assert linked(data) == [("VISITED", "out", "El Salvador"), ("VISITED", "out", "Mexico")]
        assert flt.relation_types == ["visited"]  # the caller's filter is left as it was
        assert kg.below_floor("Marco Rubio", RelationFilter(min_confidence=1.0)) > 0
        with pytest.raises(UnknownValue):
            kg.connections("Marco Rubio", RelationFilter(relation_types=["SUED"]))
        with pytest.raises(UnknownValue):
            kg.below_floor("Marco Rubio", RelationFilter(relation_types=["SUED"]))
