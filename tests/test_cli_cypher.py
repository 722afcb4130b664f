"""`newsgraph cypher` on the embedded graph, on a hand-made store."""

import io
import csv
import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from floor_support import FLOOR_ARGS
from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE
from queries_sample import build_sample_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    return build_sample_store(tmp_path / "ng.db")


def cypher(db, query, *extra, default_floor=False):
    """The embedded graph at the sample store's floor (a later --min-confidence wins); with
    --neo4j, or ``default_floor``, no floor is named."""
    floor = () if default_floor or "--neo4j" in extra else FLOOR_ARGS
    return runner.invoke(app, ["cypher", query, "--db", str(db), *floor, *map(str, extra)])


def rows(db, query, *extra, default_floor=False):
    result = cypher(db, query, "--json", *extra, default_floor=default_floor)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def test_json_shape_and_column_names(db):
    data = rows(db, "MATCH (p:Person)-[r:VISITED]->(c:Country) RETURN p.name, c.name AS country, r.weight ORDER BY country")
    assert data == {
        "columns": ["p.name", "country", "r.weight"],
        "rows": [
            {"p.name": "Marco Rubio", "country": "El Salvador", "r.weight": 1},
            {"p.name": "Marco Rubio", "country": "Mexico", "r.weight": 1},
        ],
    }


def test_labels_types_and_properties_follow_the_neo4j_schema(db):
    data = rows(db, "MATCH (p:Person)-[r:HOLDS_ROLE]->(c:Entity) WHERE r.title = 'President' RETURN p.name AS person, c.iso3 AS iso3, type(r) AS rel ORDER BY person")
    assert data["rows"] == [
        {"person": "Claudia Sheinbaum", "iso3": "MEX", "rel": "HOLDS_ROLE"},
        {"person": "Donald Trump", "iso3": "USA", "rel": "HOLDS_ROLE"},
        {"person": "Nayib Bukele", "iso3": "SLV", "rel": "HOLDS_ROLE"},
    ]


def test_aggregation_with_count_star_and_lowercase(db):
    data = rows(db, "MATCH (p:Person)-[r:HOLDS_ROLE]->(c:Country) RETURN c.name AS country, count(*) AS people ORDER BY people DESC, country")
    assert data["rows"] == [
        {"country": "United States", "people": 2},
        {"country": "El Salvador", "people": 1},
        {"country": "Mexico", "people": 1},
    ]


def test_parameters(db):
    data = rows(
        db, "MATCH (p:Person {name: $name})-[r:MET_WITH]->(o) WHERE r.weight >= $w RETURN o.name AS met ORDER BY met",
        "--param", "name=Marco Rubio", "--param", "w=1",
    )
    assert data["rows"] == [{"met": "Claudia Sheinbaum"}, {"met": "Nayib Bukele"}]


def test_whole_node_is_its_properties(db):
    data = rows(db, "MATCH (n:Location) RETURN n")
    assert data["rows"] == [
        {
            "n": {
                "id": "location:lake-atitlan", "name": "Lake Atitlan", "type": "Location", "aliases": [],
                "mentions": 1, "documents": 1, "bylines": 0, "is_agency": False,  # no iso3: nulls are left out, as in Neo4j
                "first_seen": "2025-05-01", "last_seen": "2025-05-01",
            }
        }
    ]


def test_relationship_is_type_and_properties(db):
    data = rows(db, "MATCH (p:Person)-[r:VISITED]->(c:Country {iso3: 'MEX'}) RETURN r")
    r = data["rows"][0]["r"]
    assert r["type"] == "VISITED" and r["properties"]["weight"] == 1 and r["properties"]["predicate"] == "visit"
    assert "title" not in r["properties"]  # null
    data = rows(db, "MATCH (p:Person {name: 'Marco Rubio'})-[r:MET_WITH|HOLDS_ROLE*1..2]->(q:Country) RETURN q.name AS c, r ORDER BY c")
    assert [(row["c"], [h["type"] for h in row["r"]]) for row in data["rows"]] == [
        ("El Salvador", ["MET_WITH", "HOLDS_ROLE"]), ("Mexico", ["MET_WITH", "HOLDS_ROLE"]), ("United States", ["HOLDS_ROLE"]),
    ]  # a variable-length relationship is a list, even of one


def test_distinct_with_limit_and_variable_length(db):
    data = rows(db, "MATCH (a:Person)-[:MET_WITH|VISITED*1..2]->(c:Country) RETURN DISTINCT a.name AS who, c.name AS country ORDER BY country LIMIT 1")
    assert data["rows"] == [{"who": "Marco Rubio", "country": "El Salvador"}]


def test_is_not_null(db):
    data = rows(db, "MATCH (n:Entity) WHERE n.iso3 IS NOT NULL RETURN n.name ORDER BY n.name")
    assert [r["n.name"] for r in data["rows"]] == ["El Salvador", "Mexico", "United States"]


def test_csv_output(db):
    result = cypher(db, "MATCH (p:Person)-[r:HOLDS_ROLE]->(c) RETURN p.name AS person, r.title AS title ORDER BY person LIMIT 2", "--csv")
    assert result.exit_code == 0
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["person", "title"], ["Claudia Sheinbaum", "President"], ["Donald Trump", "President"],
    ]


def test_table_output(db):
    result = cypher(db, "MATCH (n:Location) RETURN n.name")
    assert result.exit_code == 0
    assert "Lake Atitlan" in result.stdout and result.stdout.rstrip().endswith("1 row")


@pytest.mark.parametrize(
    "query, message",
    [
        ("MATCH (n:Person RETURN n", "Error: [NG401] Query failed: Cypher syntax error"),
        ("MATCH (n:Person) RETURN n.name ORDER BY", "Error: [NG401] Query failed: Cypher syntax error"),
        ("MATCH (n:Person) RETURN m.mentions", "Error: [NG401] Query failed:"),
        ("MATCH (n:Person {name: $who}) RETURN n", "Error: [NG401] Query failed:"),
        ("hello", "Error: [NG401] Query failed:"),
        ("RETURN 'unterminated", "Error: [NG401] Query failed: unterminated '"),
    ],
)
def test_malformed_query_is_one_line(db, query, message):
    result = cypher(db, query)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(message)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "query, what",
    [
        ("CREATE (n:Person {name: 'X'}) RETURN n", "writing (the embedded graph is read-only"),
        ("MATCH (n:Person) SET n.x = 1", "writing (the embedded graph is read-only"),
        ("MATCH (n) RETURN n.name", "n.name on a node of unknown label"),
        ("MATCH (n:Entity) RETURN n.title", "n.title on a node of unknown label"),
        ("MATCH (a)-[*]->(b) RETURN count(b)", "a variable-length relationship without an upper bound"),
        ("MATCH (n:Person) RETURN id(n)", "id() (internal ids differ"),
        ("CALL db.labels()", "procedure calls"),
        ("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "LOAD CSV"),
        ("MATCH (n:Person) RETURN *, n.name AS x", "RETURN * with more items"),
    ],
)
def test_unsupported_query_is_one_line(db, query, what):
    result = cypher(db, query)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("Error: [NG402] The embedded Cypher engine does not support this: " + what)
    assert result.stderr.rstrip().endswith("Run it in Neo4j with --neo4j URI.")


@pytest.mark.issue(13)
def test_query_from_a_file(db, tmp_path):
    saved = tmp_path / "q.cypher"
    saved.write_text("// people who visited\nMATCH (p:Person)-[:VISITED]->(c:Country)\nRETURN c.name AS c ORDER BY c\n", encoding="utf-8")
    result = runner.invoke(app, ["cypher", "-f", str(saved), "--db", str(db), "--json", *FLOOR_ARGS])
    assert result.exit_code == 0, result.stderr
    assert [r["c"] for r in json.loads(result.stdout)["rows"]] == ["El Salvador", "Mexico"]
    both = runner.invoke(app, ["cypher", "RETURN 1", "-f", str(saved), "--db", str(db)])
    assert both.exit_code == 1 and both.stderr.startswith("Error: [NG404]")
    missing = runner.invoke(app, ["cypher", "-f", str(tmp_path / "nope.cypher"), "--db", str(db)])
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: [NG404] cannot read the query file")


@pytest.mark.issue(13)
def test_explain_prints_the_plan(db):
    result = runner.invoke(app, ["cypher", "MATCH (p:Person)-[:VISITED]->(c) RETURN c.name", "--explain", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert "operation" in data["columns"] and any("Match" in str(r["operation"]) for r in data["rows"])


@pytest.mark.issue(13)
def test_unknown_label_type_or_property_warns(db):
    result = runner.invoke(app, ["cypher", "MATCH (n:Persn)-[r:VISTED]->(c) RETURN n.nme", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["rows"] == []
    assert "Persn" in result.stderr and "VISTED" in result.stderr
    assert all(line.startswith("Warning: ") for line in result.stderr.splitlines())


@pytest.mark.issue(14)
def test_work_bound_is_a_coded_error(db):
    result = runner.invoke(app, ["cypher", "MATCH (a)-[*1..6]-(b) RETURN count(b)", "--max-work", "50", "--db", str(db), *FLOOR_ARGS])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [NG406] The query stopped:") and len(result.stderr.splitlines()) == 1


@pytest.mark.issue(14)
def test_timeout_is_a_coded_error(db):
    query = "UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y RETURN count(*)"
    result = runner.invoke(app, ["cypher", query, "--timeout", "0.001", "--max-work", "0", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [NG405] The query ran longer than 0.001 s"), result.stderr


def test_neo4j_backend_is_delegated(db, monkeypatch):
    for var in ("NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(var, raising=False)
    import sys
    import types

    calls = []
    module = types.ModuleType("newsgraph.queries.cypher.neo4j")

    def run_cypher(uri, query, params, *, write=False, user=None, password=None, database=None, allow_procedures=False):
        calls.append((uri, query, params, write, user, password, database, allow_procedures))
        return {"columns": ["x"], "rows": [{"x": 1}], "warnings": []}

    module.run_cypher = run_cypher
    monkeypatch.setitem(sys.modules, "newsgraph.queries.cypher.neo4j", module)
    result = cypher(db, "RETURN $x AS x", "--neo4j", "bolt://db:7687", "--param", "x=1", "--password", "pw", "--write", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"columns": ["x"], "rows": [{"x": 1}]}
    assert calls == [("bolt://db:7687", "RETURN $x AS x", {"x": 1}, True, None, "pw", None, False)]


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    "query",
    [
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "SHOW USERS",
        "CALL dbms.listConfig() YIELD name RETURN name",
        "USE system SHOW DATABASES",
        "RETURN dbms.components()",
        "MATCH (n) CALL db.labels() YIELD label RETURN label",
    ],
)
def test_read_only_neo4j_query_refuses_files_and_procedures(db, query):
    # Refused before any connection: the URI points nowhere.
    result = cypher(db, query, "--neo4j", "bolt://127.0.0.1:9")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [NG407] A read-only query reads the graph only; this one"), result.stderr
    assert "--allow-procedures" in result.stderr


def test_json_and_csv_together_is_an_error(db):
    result = cypher(db, "MATCH (n) RETURN n.name", "--json", "--csv")
    assert result.exit_code == 1
    assert result.stderr == "Error: [NG404] choose one of --json and --csv\n"


def test_starts_with_is_not_a_with_clause(db):
    data = rows(db, "MATCH (p:Person) WHERE p.name STARTS WITH 'M' OR p.name ENDS WITH 'Bukele' RETURN p.name ORDER BY p.name")
    assert [r["p.name"] for r in data["rows"]] == ["Marco Rubio", "Nayib Bukele"]


def test_undirected_relationships_match_either_way(db):
    # co-occurrence is below the default floor: asked for with --min-confidence 0
    data = rows(db, "MATCH (a:Person {name: 'Marco Rubio'})-[r:CO_OCCURS_WITH]-(b) RETURN b.name AS other, r.weight ORDER BY other",
                "--min-confidence", "0")
    assert data["rows"] == [
        {"other": "Claudia Sheinbaum", "r.weight": 1},  # stored Sheinbaum -> Rubio (smaller id first)
        {"other": "El Salvador", "r.weight": 1},
        {"other": "Nayib Bukele", "r.weight": 1},
    ]
    # Each relationship is seen from both ends, as in Neo4j.
    data = rows(db, "MATCH (a:Person)-[r:MET_WITH]-(b:Person) RETURN count(*) AS n")
    assert data["rows"] == [{"n": 6}]
    data = rows(db, "MATCH (a:Entity {name: 'Lake Atitlan'})--(b:Entity) RETURN b.name")
    assert data["rows"] == []


@pytest.mark.issue(12)
def test_embedded_graph_holds_the_default_floor(db):
    """Like a default push: relations under the floor are not in the embedded graph unless
    asked for; --min-confidence is refused with --neo4j, where the push's floor decides."""
    query = f"MATCH ()-[r]->() WHERE r.confidence < {DEFAULT_MIN_CONFIDENCE} RETURN count(r) AS n"
    assert rows(db, query, default_floor=True)["rows"] == [{"n": 0}]
    assert rows(db, query, "--min-confidence", "0", default_floor=True)["rows"][0]["n"] > 0
    refused = cypher(db, "RETURN 1", "--neo4j", "bolt://127.0.0.1:1", "--min-confidence", "0")
    assert refused.exit_code != 0 and "--min-confidence is for the embedded graph" in refused.stderr
