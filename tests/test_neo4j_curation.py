"""`neo4j push` after corrections (issue 15): merged, forgotten, split and retyped entities,
rejected edges; Neo4j counts by label and type equal the store's after each push."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from neo4j_support import (  # noqa: F401  (fixtures)
    _neo4j_first, _neo4j_samples_master,
    counts,
    cypher,
    db_counts,
    neo4j_server,
    push_db,
    samples_db,
)
from floor_support import FLOOR, FLOOR_ARGS
from newsgraph.cli import app

pytestmark = [pytest.mark.neo4j, pytest.mark.issue(15)]
runner = CliRunner()


def ng(db, *args):
    result = runner.invoke(app, [str(a) for a in args] + ["--db", str(db)])
    assert result.exit_code == 0, result.stderr + result.stdout
    return result


def test_push_after_corrections_equals_the_store(samples_db, neo4j_server):
    """At the 0.5 view the test was written on (tests/floor_support.py), so that the rejected
    VISITED edge was pushed before it was rejected."""
    db, uri = samples_db, neo4j_server
    push_db(db, uri, min_confidence=FLOOR)
    assert counts(uri) == db_counts(db, FLOOR)

    ng(db, "merge", "Mexico City", "Mexico")
    rubio = json.loads(ng(db, "entity", "Marco Rubio", "--json", *FLOOR_ARGS).stdout)
    visited = [c for c in rubio["connections"] if c["relation"] == "VISITED"][0]
    ng(db, "reject", visited["id"])
    people = json.loads(ng(db, "entities", "--type", "Person", "--json", "--limit", "500").stdout)
    retyped = people[-1]["id"]  # the least mentioned person becomes a place
    ng(db, "retype", retyped, "Location")
    first_doc = cypher(uri, "MATCH (d:Document) RETURN d.id AS id, d.source AS source ORDER BY d.id LIMIT 1")[0]
    ng(db, "forget", first_doc["id"])
    bukele = json.loads(ng(db, "entity", "Bukele", "--json", *FLOOR_ARGS).stdout)
    doc_ids = sorted({e["document"] for c in bukele["connections"] for e in c["evidence"]})
    ng(db, "split", "Bukele", "--document", doc_ids[0], "--name", "Nayib Bukele Ortez")

    summary = push_db(db, uri, min_confidence=FLOOR)
    assert summary.nodes_deleted >= 2  # Mexico City and the forgotten document at least
    assert counts(uri) == db_counts(db, FLOOR)
    assert cypher(uri, "MATCH (n:Entity {id: 'location:mexico-city'}) RETURN count(n) AS n") == [{"n": 0}]
    assert cypher(uri, "MATCH (d:Document {id: $id}) RETURN count(d) AS n", id=first_doc["id"]) == [{"n": 0}]
    assert cypher(uri, "MATCH (:Entity {id: $h})-[r:VISITED]->(:Entity {id: $t}) RETURN count(r) AS n",
                  h="person:marco-rubio", t=visited["entity"]["id"]) == [{"n": 0}]
    assert cypher(uri, "MATCH (n:Entity {id: $id}) RETURN labels(n) AS l", id=retyped) == [{"l": ["Entity", "Location"]}]

    # Undo everything: the next push brings Neo4j back to the restored store.
    ng(db, "corrections", "undo", "5")
    push_db(db, uri, min_confidence=FLOOR)
    assert counts(uri) == db_counts(db, FLOOR)
    assert cypher(uri, "MATCH (n:Entity {id: $id}) RETURN labels(n) AS l", id=retyped) == [{"l": ["Entity", "Person"]}]
