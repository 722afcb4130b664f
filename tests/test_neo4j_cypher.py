"""Cypher against a real Neo4j server: results, write refusal, the server's errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from neo4j_support import _neo4j_first, _neo4j_samples_master, counts, cypher, neo4j_server, samples_db  # noqa: F401
from newsgraph.cli import app
from newsgraph.errors import Neo4jQueryError, WriteRefused
from newsgraph.graph.neo4j_sync import push
from newsgraph.graph.store import Store
from newsgraph.queries.cypher.neo4j import run_cypher

pytestmark = pytest.mark.neo4j


@pytest.fixture
def pushed(samples_db, neo4j_server) -> str:
    store = Store(samples_db)
    push(store, neo4j_server)
    store.close()
    return neo4j_server


def test_rows_and_columns(pushed):
    result = run_cypher(pushed, "MATCH (p:Person) RETURN p.name AS name, p.mentions AS m ORDER BY m DESC, name LIMIT 3")
    assert result["columns"] == ["name", "m"]
    expected = cypher(pushed, "MATCH (p:Person) RETURN p.name AS name, p.mentions AS m ORDER BY m DESC, name LIMIT 3")
    assert result["rows"] == expected
    assert len(result["rows"]) == 3


def test_params_and_graph_values(pushed):
    result = run_cypher(
        pushed,
        "MATCH path = (p:Person {id: $id})-[r]->(o:Entity) RETURN p, r, path, date('2025-01-02') AS d LIMIT 1",
        {"id": "person:marco-rubio"},
    )
    row = result["rows"][0]
    assert row["p"]["id"] == "person:marco-rubio" and row["p"]["name"] == "Marco Rubio"
    assert set(row["r"]) == {"type", "properties"} and row["r"]["properties"]["weight"] >= 1
    assert [type(x).__name__ for x in row["path"]] == ["dict", "dict", "dict"]
    assert row["path"][0] == row["p"] and row["path"][1] == row["r"]
    assert row["d"] == "2025-01-02"
    json.dumps(result)  # JSON-friendly throughout


def test_write_refused_without_write_and_nothing_written(pushed):
    before = counts(pushed)
    with pytest.raises(WriteRefused):
        run_cypher(pushed, "CREATE (:Scratch {x: 1})")
    with pytest.raises(WriteRefused):
        run_cypher(pushed, "MATCH (n:Person) SET n.flag = true")
    assert counts(pushed) == before
    assert cypher(pushed, "MATCH (n:Person) WHERE n.flag IS NOT NULL RETURN count(n) AS n") == [{"n": 0}]


def test_write_allowed_with_write(pushed):
    result = run_cypher(pushed, "CREATE (s:Scratch {x: $x}) RETURN s.x AS x", {"x": 5}, write=True)
    assert result == {"columns": ["x"], "rows": [{"x": 5}]}
    assert cypher(pushed, "MATCH (s:Scratch) RETURN s.x AS x") == [{"x": 5}]


def test_malformed_query_is_the_servers_message(pushed):
    with pytest.raises(Neo4jQueryError) as info:
        run_cypher(pushed, "MATCH (n RETURN n")
    message = str(info.value)
    assert message.startswith("[NG504] Neo4j rejected the query: Invalid input 'RETURN'")
    assert message.endswith("(Neo.ClientError.Statement.SyntaxError)")
    assert "\n" not in message


def test_cli_json_csv_and_table(pushed):
    runner = CliRunner()
    query = "MATCH (c:Country) RETURN c.name AS name, c.iso3 AS iso3 ORDER BY name"
    expected = cypher(pushed, query)
    result = runner.invoke(app, ["cypher", query, "--neo4j", pushed, "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"columns": ["name", "iso3"], "rows": expected}
    result = runner.invoke(app, ["cypher", query, "--neo4j", pushed, "--csv"])
    assert result.exit_code == 0
    assert list(csv.reader(io.StringIO(result.stdout))) == [["name", "iso3"]] + [[r["name"], r["iso3"]] for r in expected]
    result = runner.invoke(app, ["cypher", "MATCH (c:Country {iso3: $iso}) RETURN c.name AS name", "--neo4j", pushed,
                                 "--param", "iso=USA", "--json"])
    assert json.loads(result.stdout)["rows"] == [{"name": "United States"}]
    result = runner.invoke(app, ["cypher", "RETURN $n + 1 AS n", "--neo4j", pushed, "--param", "n=41", "--json"])
    assert json.loads(result.stdout)["rows"] == [{"n": 42}]


def test_cli_write_refusal_and_bad_query(pushed):
    runner = CliRunner()
    result = runner.invoke(app, ["cypher", "MATCH (n) DETACH DELETE n", "--neo4j", pushed])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "Error: [NG403] This query writes to the database; pass --write to allow it.\n"
    assert counts(pushed)["labels"].get("Entity")
    result = runner.invoke(app, ["cypher", "MATCH (n RETURN n", "--neo4j", pushed])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [NG504] Neo4j rejected the query: Invalid input 'RETURN'")
    assert result.stderr.count("\n") == 1
    result = runner.invoke(app, ["cypher", "MATCH (s:Scratch) DELETE s", "--neo4j", pushed, "--write", "--json"])
    assert result.exit_code == 0, result.stderr


def _readme_examples():
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"<!-- cypher-example -->\s*```cypher\n(.*?)```\s*```json\n(.*?)```", readme, re.DOTALL)
    return found or [pytest.param("", "", marks=pytest.mark.skip(reason="no Cypher examples in the README"))]


@pytest.mark.parametrize("query, expected", _readme_examples())
def test_readme_examples_give_the_same_rows_in_neo4j(samples_db, neo4j_server, query, expected):
    """The schema is shared: the README's examples (run on the embedded graph by
    test_readme_cypher) give the same rows from Neo4j after a push of the same store."""
    import re

    params: list[str] = []
    for line in query.splitlines():
        m = re.match(r"\s*//\s*--param\s+(.*)$", line)
        if m:
            params += ["--param", m.group(1).strip()]
    store = Store(samples_db)
    push(store, neo4j_server)
    store.close()
    runner = CliRunner()
    embedded = runner.invoke(app, ["cypher", query, "--db", str(samples_db), "--json", *params])
    remote = runner.invoke(app, ["cypher", query, "--neo4j", neo4j_server, "--json", *params])
    assert embedded.exit_code == 0, embedded.stderr
    assert remote.exit_code == 0, remote.stderr
    assert json.loads(remote.stdout) == json.loads(embedded.stdout)


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    "query",
    ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "SHOW USERS", "CALL dbms.listConfig() YIELD name RETURN name"],
)
def test_read_only_query_cannot_read_files_or_run_procedures(pushed, query):
    uri = pushed
    result = CliRunner().invoke(app, ["cypher", query, "--neo4j", uri])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: [NG407]")


@pytest.mark.issue(14)
def test_allowed_procedures_run_and_files_stay_restricted(pushed):
    uri = pushed
    labels = run_cypher(uri, "CALL db.labels() YIELD label RETURN label ORDER BY label", allow_procedures=True)
    assert {"Document", "Entity", "Person"} <= {r["label"] for r in labels["rows"]}
    # The test server restricts LOAD CSV to its import folder, as a production server does:
    # a file outside it cannot be read even when LOAD CSV is allowed.
    result = CliRunner().invoke(app, ["cypher", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "--neo4j", uri, "--allow-procedures"])
    assert result.exit_code == 1
    assert "root:" not in result.stdout
