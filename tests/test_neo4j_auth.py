"""Credentials against a real Neo4j server with auth on (``NEO4J_TEST_PASSWORD=...
scripts/neo4j-test-server start``; .ci/run starts one beside the auth-free server).

Needs ``NEWSGRAPH_TEST_NEO4J_AUTH_URI`` and ``NEWSGRAPH_TEST_NEO4J_PASSWORD`` (user
``neo4j``); skipped without them, failed when ``NEWSGRAPH_REQUIRE_NEO4J=1``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

pytestmark = pytest.mark.neo4j
ENABLE_HINT = (
    "start NEO4J_TEST_STATE=/tmp/neo4j-auth NEO4J_TEST_PASSWORD=secret scripts/neo4j-test-server start --port 0 "
    "and set NEWSGRAPH_TEST_NEO4J_AUTH_URI and NEWSGRAPH_TEST_NEO4J_PASSWORD"
)


@pytest.fixture
def auth_server() -> tuple[str, str]:
    """(URI, password of user neo4j) of the auth-enabled test server, emptied."""
    uri = os.environ.get("NEWSGRAPH_TEST_NEO4J_AUTH_URI")
    password = os.environ.get("NEWSGRAPH_TEST_NEO4J_PASSWORD")
    if not uri or not password:
        if os.environ.get("NEWSGRAPH_REQUIRE_NEO4J") == "1":
            pytest.fail("NEWSGRAPH_REQUIRE_NEO4J=1 but no auth-enabled Neo4j test server; " + ENABLE_HINT)
        pytest.skip("no auth-enabled Neo4j test server: " + ENABLE_HINT)
    _run(uri, password, "MATCH (n) DETACH DELETE n")
    return uri, password


def _run(uri: str, password: str, query: str) -> list[dict]:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=("neo4j", password)) as driver, driver.session() as session:
        return session.run(query).data()


def _nodes(uri: str, password: str) -> int:
    return _run(uri, password, "MATCH (n) RETURN count(n) AS n")[0]["n"]


def _push(db: Path, uri: str, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, ["neo4j", "push", "--db", str(db), "--uri", uri, *args], env=env or {})


def test_push_with_the_right_credentials_writes_the_graph(examples_db: Path, auth_server) -> None:
    uri, password = auth_server
    result = _push(examples_db, uri, "--json", env={"NEO4J_USER": "neo4j", "NEO4J_PASSWORD": password})
    assert result.exit_code == 0, result.output
    entities = sqlite3.connect(examples_db).execute("SELECT count(*) FROM entities").fetchone()[0]
    assert _run(uri, password, "MATCH (n:Entity) RETURN count(n) AS n")[0]["n"] == entities


def test_wrong_password_is_one_line_and_nothing_is_written(examples_db: Path, auth_server) -> None:
    uri, password = auth_server
    result = _push(examples_db, uri, "--user", "neo4j", "--password", password + "-wrong")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: [NG502] Neo4j at {uri} refused the credentials for user 'neo4j': "
        "The client is unauthorized due to authentication failure.\n"
    )
    assert _nodes(uri, password) == 0


def test_no_credentials_for_a_server_that_wants_them_says_how_to_give_them(examples_db: Path, auth_server) -> None:
    uri, password = auth_server
    result = _push(examples_db, uri)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: [NG502] Neo4j at {uri} refused the credentials (none given: pass --user and --password, "
        "or set NEO4J_USER and NEO4J_PASSWORD): "
    )
    assert result.stderr.count("\n") == 1
    assert _nodes(uri, password) == 0


def test_cypher_and_entity_card_with_credentials(examples_db: Path, auth_server) -> None:
    uri, password = auth_server
    env = {"NEO4J_USER": "neo4j", "NEO4J_PASSWORD": password}
    assert _push(examples_db, uri, env=env).exit_code == 0
    runner = CliRunner()
    result = runner.invoke(app, ["cypher", "MATCH (n:Person) RETURN count(n) AS n", "--neo4j", uri, "--json"], env=env)
    assert result.exit_code == 0, result.output
    people = sqlite3.connect(examples_db).execute("SELECT count(*) FROM entities WHERE type = 'Person'").fetchone()[0]
    assert json.loads(result.stdout) == {"columns": ["n"], "rows": [{"n": people}]}
    wrong = runner.invoke(app, ["entity", "Rubio", "--neo4j", uri], env={**env, "NEO4J_PASSWORD": "nope"})
    assert wrong.exit_code == 1
    assert wrong.stderr.startswith(f"Error: [NG502] Neo4j at {uri} refused the credentials for user 'neo4j'")
