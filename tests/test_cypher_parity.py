"""The embedded engine and Neo4j give the same rows for the Cypher the embedded engine
supports, after a push of the same store (the bundled samples)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from neo4j_support import _neo4j_first, _neo4j_samples_master, neo4j_server, samples_db  # noqa: F401
from newsgraph.cli import app
from newsgraph.graph.neo4j_sync import push
from newsgraph.graph.store import Store

pytestmark = pytest.mark.neo4j

QUERIES = [
    ("MATCH (p:Person)-[r:VISITED]->(c:Country) RETURN p.name, c.name AS country, r.weight ORDER BY country, p.name", []),
    ("MATCH (p:Person {name: $name})-[r]->(o) RETURN type(r) AS rel, o.name AS other, r.weight AS w ORDER BY rel, other", ["--param", "name=Marco Rubio"]),
    ("MATCH (p:Person)-[r:HOLDS_ROLE]->(c:Country) RETURN c.name AS country, count(*) AS people ORDER BY people DESC, country", []),
    ("MATCH (n:Entity) WHERE n.iso3 IS NOT NULL AND n.mentions >= 5 RETURN n.name, n.iso3 ORDER BY n.iso3", []),
    ("MATCH (a:Person)-[:MET_WITH]->(b:Person) RETURN DISTINCT b.name AS met ORDER BY met", []),
    ("MATCH (a:Person)-[:MET_WITH]->(b:Person) RETURN DISTINCT b.name AS met ORDER BY met SKIP 1 LIMIT 1", []),
    ("MATCH (p:Person {name: 'Nobody'})-[r]->(o) RETURN count(o) AS n, sum(r.weight) AS w, collect(o.name) AS names", []),
    ("MATCH (p:Person)-[r:HOLDS_ROLE]->(c) RETURN p.name AS person, collect(c.name) AS of ORDER BY person", []),
    ("MATCH (p:Person)-[r:HOLDS_ROLE|MET_WITH*2..2]->(c:Country) RETURN DISTINCT p.name AS p, c.name AS c ORDER BY p, c", []),
    ("MATCH (p:Person) WHERE p.name STARTS WITH 'M' OR p.name ENDS WITH 'Bukele' RETURN p.name ORDER BY p.name", []),
    ("MATCH (p:Person) WHERE p.name IN $names RETURN toUpper(p.name) AS up ORDER BY up", ["--param", 'names=["Marco Rubio", "Nayib Bukele"]']),
    ("MATCH (n:Country {iso3: 'SLV'}) RETURN n", []),
    ("MATCH (g:Group)-[r:NATIONALITY_OF]->(c:Country {iso3: 'MEX'}) RETURN g.name, r.weight, r.method", []),
    ("MATCH (a:Person)-[r:MET_WITH]->(b:Person) WHERE r.weight > 1 OR a.name = 'Bernardo Arévalo' RETURN a.name, b.name ORDER BY a.name, b.name", []),
    ("MATCH (a:Person)-[:MET_WITH]->(b:Person) MATCH (b)-[:HOLDS_ROLE]->(c:Country) RETURN a.name, c.name ORDER BY a.name, c.name", []),
    ("MATCH (a:Person {name: 'Marco Rubio'})-[r:CO_OCCURS_WITH]-(b) RETURN b.name AS other, r.weight AS w ORDER BY other", []),
    ("MATCH (a:Person)-[r:MET_WITH]-(b:Person) RETURN a.name, b.name, r.weight ORDER BY a.name, b.name, r.weight", []),
    ("MATCH (a:Country)-[r]-(b:Person) RETURN a.name AS country, count(r) AS links ORDER BY links DESC, country LIMIT 3", []),
    ("MATCH (a:Person)--(b:Country) RETURN count(*) AS n", []),
]


@pytest.fixture
def pushed(samples_db, neo4j_server):  # noqa: F811
    store = Store(samples_db)
    push(store, neo4j_server)
    store.close()
    return samples_db, neo4j_server


@pytest.mark.parametrize("query, params", QUERIES)
def test_same_rows_on_both_backends(pushed, query, params):
    db, uri = pushed
    runner = CliRunner()
    embedded = runner.invoke(app, ["cypher", query, "--db", str(db), "--json", *params])
    remote = runner.invoke(app, ["cypher", query, "--neo4j", uri, "--json", *params])
    assert embedded.exit_code == 0, embedded.stderr
    assert remote.exit_code == 0, remote.stderr
    assert json.loads(embedded.stdout) == json.loads(remote.stdout)
