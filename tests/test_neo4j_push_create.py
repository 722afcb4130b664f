"""`neo4j push` CREATEs the relations of types the server has none of and MERGEs the others
(against a real Neo4j server): no duplicates either way, partial deletions repaired."""

from __future__ import annotations

from pathlib import Path

import pytest

from neo4j_support import (  # noqa: F401  (fixtures)
    _neo4j_first, _neo4j_samples_master,
    counts,
    cypher,
    db_counts,
    neo4j_server,
    push_db,
    samples_db,
    store_counts,
)
from newsgraph.graph.neo4j_sync import new_relation_types
from newsgraph.graph.store import Store

pytestmark = pytest.mark.neo4j

RELATIONS = "MATCH (h)-[r]->(t) WHERE NOT type(r) IN ['MENTIONS', 'WRITTEN_BY'] "


def _props(uri: str):
    return cypher(uri, RELATIONS + "RETURN h.id AS h, type(r) AS type, t.id AS t, properties(r) AS p ORDER BY h, type, t")


def _new_types(db: Path, uri: str) -> set[str]:
    from neo4j import GraphDatabase

    store = Store(db)
    try:
        with GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
            return new_relation_types(session, store.conn, 0.0)
    finally:
        store.close()


def test_types_absent_from_the_server_are_created_the_others_merged(samples_db, neo4j_server):
    push_db(samples_db, neo4j_server, min_confidence=0.0)
    expected = _props(neo4j_server)
    assert _new_types(samples_db, neo4j_server) == set()
    types = sorted({r["type"] for r in expected})
    assert len(types) >= 2
    gone, partial = types[0], types[1]
    cypher(neo4j_server, f"MATCH ()-[r:{gone}]->() DELETE r")  # a whole type: created again
    deleted = cypher(neo4j_server, f"MATCH ()-[r:{partial}]->() WITH r LIMIT 2 DELETE r RETURN count(*) AS n")[0]["n"]
    cypher(neo4j_server, RELATIONS + "SET r.weight = -1")
    assert _new_types(samples_db, neo4j_server) == {gone}
    again = push_db(samples_db, neo4j_server, batch_size=3, min_confidence=0.0)
    n_gone = sum(1 for r in expected if r["type"] == gone)
    assert deleted == 2 and again.relationships_created == n_gone + 2
    assert counts(neo4j_server) == db_counts(samples_db, min_confidence=0.0)
    assert _props(neo4j_server) == expected


@pytest.mark.parametrize("writers", [1, 3])
def test_same_graph_whatever_the_number_of_writers(samples_db, neo4j_server, writers):
    """Relation batches written by several sessions at once (tiny batches: many of them in
    flight) give the graph one writer gives."""
    push_db(samples_db, neo4j_server, batch_size=2, writers=2, min_confidence=0.0)
    expected = _props(neo4j_server)
    cypher(neo4j_server, "MATCH ()-[r]->() WHERE NOT type(r) IN ['MENTIONS', 'WRITTEN_BY'] DELETE r")
    summary = push_db(samples_db, neo4j_server, batch_size=2, writers=writers, min_confidence=0.0)
    assert summary.relationships_created == len(expected)
    assert _props(neo4j_server) == expected
    assert counts(neo4j_server) == db_counts(samples_db, min_confidence=0.0)
