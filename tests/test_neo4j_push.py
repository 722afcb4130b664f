"""`neo4j push` against a real Neo4j server (scripts/neo4j-test-server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from neo4j_support import (  # noqa: F401  (fixtures)
    EXTRA_ARTICLE,
    _neo4j_first, _neo4j_samples_master,
    counts,
    cypher,
    db_counts,
    neo4j_server,
    push_db,
    samples_db,
    store_counts,
)
from newsgraph import KnowledgeGraph
from newsgraph.cli import app
from floor_support import FLOOR
from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE
from newsgraph.graph.nxview import build_graph
from newsgraph.graph.store import Store
from newsgraph.queries.neo4j_card import evidence_documents

pytestmark = pytest.mark.neo4j


def test_push_samples_counts_match_the_store(samples_db, neo4j_server):
    summary = push_db(samples_db, neo4j_server)
    expected = db_counts(samples_db)
    assert counts(neo4j_server) == expected
    assert summary.entities == expected["labels"]["Entity"]
    assert summary.documents == expected["labels"]["Document"]
    assert summary.relations == sum(n for t, n in expected["types"].items() if t not in ("MENTIONS", "WRITTEN_BY"))
    assert summary.bylines == expected["types"]["WRITTEN_BY"] == 1  # the example page's byline (issue 18)
    assert summary.nodes_created == expected["labels"]["Entity"] + expected["labels"]["Document"]
    assert summary.relationships_created == sum(expected["types"].values())


def test_push_twice_same_counts_and_nothing_created(samples_db, neo4j_server):
    push_db(samples_db, neo4j_server)
    before = counts(neo4j_server)
    weights = cypher(neo4j_server, "MATCH (h)-[r]->(t) RETURN h.id AS h, type(r) AS type, t.id AS t, r.weight AS w, r.count AS c ORDER BY h, type, t")
    again = push_db(samples_db, neo4j_server, batch_size=3)  # tiny batches: many transactions, same result
    assert counts(neo4j_server) == before
    assert again.nodes_created == 0 and again.relationships_created == 0 and again.labels_added == 0
    assert cypher(neo4j_server, "MATCH (h)-[r]->(t) RETURN h.id AS h, type(r) AS type, t.id AS t, r.weight AS w, r.count AS c ORDER BY h, type, t") == weights


def test_push_after_more_ingest_adds_only_the_new_article(samples_db, neo4j_server):
    push_db(samples_db, neo4j_server)
    old_nodes = {r["id"] for r in cypher(neo4j_server, "MATCH (n) RETURN n.id AS id")}
    old_rels = {(r["h"], r["t"], r["t2"]) for r in cypher(neo4j_server, "MATCH (h)-[r]->(t) RETURN h.id AS h, type(r) AS t, t.id AS t2")}

    title, published, text = EXTRA_ARTICLE
    article = samples_db.parent / "extra.jsonl"
    article.write_text(json.dumps({"title": title, "published": published, "text": text}) + "\n", encoding="utf-8")
    with KnowledgeGraph.open(samples_db) as kg:
        assert kg.ingest([article]).documents_new == 1
    store = Store(samples_db)
    store_nodes = {r[0] for r in store.conn.execute("SELECT id FROM entities UNION SELECT id FROM documents")}
    store_rels = {(r[0], r[1], r[2]) for r in store.conn.execute(
        "SELECT head, type, tail FROM relations WHERE confidence >= ?", (DEFAULT_MIN_CONFIDENCE,)
    )}
    store_rels |= {(r[0], "MENTIONS", r[1]) for r in store.conn.execute("SELECT document_id, entity_id FROM entity_documents")}
    store_rels |= {(r[0], "WRITTEN_BY", r[1]) for r in store.conn.execute("SELECT document_id, entity_id FROM bylines")}
    weights = {(r[0], r[1], r[2]): r[3] for r in store.conn.execute(
        "SELECT head, type, tail, weight FROM relations WHERE confidence >= ?", (DEFAULT_MIN_CONFIDENCE,)
    )}
    store.close()
    new_nodes, new_rels = store_nodes - old_nodes, store_rels - old_rels
    assert new_nodes and new_rels, "the extra article should bring new nodes and relations"

    summary = push_db(samples_db, neo4j_server)
    assert summary.nodes_created == len(new_nodes)
    assert summary.relationships_created == len(new_rels)
    assert {r["id"] for r in cypher(neo4j_server, "MATCH (n) RETURN n.id AS id")} == store_nodes
    pushed = cypher(neo4j_server, "MATCH (h)-[r]->(t) RETURN h.id AS h, type(r) AS t, t.id AS t2, r.weight AS w")
    assert {(r["h"], r["t"], r["t2"]) for r in pushed} == store_rels
    assert {(r["h"], r["t"], r["t2"]): r["w"] for r in pushed if r["t"] not in ("MENTIONS", "WRITTEN_BY")} == weights
    assert counts(neo4j_server) == db_counts(samples_db)


def test_person_has_both_labels_and_the_nxview_properties(samples_db, neo4j_server):
    push_db(samples_db, neo4j_server)
    store = Store(samples_db)
    graph = build_graph(store)
    store.close()
    people = [n for n, d in graph.nodes(data=True) if d["type"] == "Person"]
    assert people
    rows = cypher(neo4j_server, "MATCH (n:Person) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p")
    assert {r["id"] for r in rows} == set(people)
    for r in rows:
        assert sorted(r["labels"]) == ["Entity", "Person"]
        expected = {k: v for k, v in graph.nodes[r["id"]].items() if k != "__labels__" and v is not None}
        assert r["p"] == expected


def test_relationship_properties_equal_the_nxview_edges(samples_db, neo4j_server):
    push_db(samples_db, neo4j_server, min_confidence=0.0)  # every relation, as build_graph gives them
    store = Store(samples_db)
    graph = build_graph(store)
    store.close()
    rows = cypher(
        neo4j_server,
        "MATCH (h:Entity)-[r]->(t:Entity) RETURN h.id AS h, t.id AS t, type(r) AS type, properties(r) AS p",
    )
    assert len(rows) == graph.number_of_edges()
    shared = ("type", "weight", "confidence", "predicate", "title", "method", "first_seen", "last_seen",
              "evidence_count", "document_ids", "sentences")
    for r in rows:
        edge = graph.edges[r["h"], r["t"], r["type"]]
        assert {k: r["p"].get(k) for k in shared} == {k: edge[k] for k in shared}
        assert len(evidence_documents(r["p"])) == len(r["p"]["sentences"]) == len(r["p"]["evidence_starts"])


def test_cli_push_json_summary(samples_db, neo4j_server):
    result = CliRunner().invoke(app, ["neo4j", "push", "--db", str(samples_db), "--uri", neo4j_server, "--json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    expected = db_counts(samples_db)
    assert data["pushed"]["entities"] == expected["labels"]["Entity"]
    assert data["written"]["relationships_created"] == sum(expected["types"].values())
    again = json.loads(CliRunner().invoke(app, ["neo4j", "push", "--db", str(samples_db), "--uri", neo4j_server, "--json"]).stdout)
    assert again["written"]["nodes_created"] == 0 and again["written"]["relationships_created"] == 0
    assert counts(neo4j_server) == expected


def test_cli_push_table_summary(samples_db, neo4j_server):
    result = CliRunner().invoke(app, ["neo4j", "push", "--db", str(samples_db)], env={"NEO4J_URI": neo4j_server})
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"pushed to {neo4j_server} in ")
    assert "nodes and" in result.stdout.splitlines()[1]


def test_missing_database_is_one_line(samples_db, neo4j_server):
    result = CliRunner().invoke(
        app, ["neo4j", "push", "--db", str(samples_db), "--uri", neo4j_server, "--database", "nosuchdb"]
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "Error: [NG503] Neo4j database 'nosuchdb' is not available: Graph not found: nosuchdb\n"


def test_a_partial_push_is_repaired_by_the_next(samples_db, neo4j_server):
    # A push that died after the nodes (only some phases written), and relationships lost
    # on the server: the next full push restores exactly the store's graph.
    push_db(samples_db, neo4j_server, phases=("entities", "documents"), min_confidence=0.0)
    assert counts(neo4j_server)["types"] == {"WRITTEN_BY": 1}  # bylines go with their documents
    push_db(samples_db, neo4j_server, min_confidence=0.0)
    cypher(neo4j_server, "MATCH ()-[r:CO_OCCURS_WITH]->() WITH r LIMIT 3 DELETE r")
    cypher(neo4j_server, "MATCH (p:Person) WITH p LIMIT 1 SET p.mentions = -1")
    summary = push_db(samples_db, neo4j_server, min_confidence=0.0)
    assert summary.relationships_created == 3
    assert counts(neo4j_server) == db_counts(samples_db, min_confidence=0.0)
    assert cypher(neo4j_server, "MATCH (p:Person) WHERE p.mentions < 0 RETURN count(p) AS n") == [{"n": 0}]


def test_repush_restores_newsgraph_properties_and_keeps_the_analysts(samples_db, neo4j_server):
    """A re-push sets every property newsgraph writes (an edited weight comes back, a
    deleted sentence list too) and leaves a property an analyst added alone."""
    push_db(samples_db, neo4j_server, min_confidence=FLOOR)  # the 0.5 view holds VISITED edges
    query = "MATCH (h)-[r:VISITED]->(t) RETURN h.id AS h, t.id AS t, properties(r) AS p ORDER BY h, t"
    before = cypher(neo4j_server, query)
    assert before
    cypher(neo4j_server, "MATCH ()-[r:VISITED]->() SET r.weight = 999, r.analyst_note = 'checked' REMOVE r.sentences")
    push_db(samples_db, neo4j_server, min_confidence=FLOOR)
    after = cypher(neo4j_server, query)
    assert [{**row, "p": {k: v for k, v in row["p"].items() if k != "analyst_note"}} for row in after] == before
    assert all(row["p"]["analyst_note"] == "checked" for row in after)


def test_entity_merged_in_the_store_leaves_neo4j_on_the_next_push(tmp_path, neo4j_server):
    """"Blair" (articles that never give the full name) is pushed, then merged into
    "Tony Blair" when he arrives: the next push deletes the stale node and its
    relationships, and Neo4j counts equal the store's again."""
    from test_store import doc

    db = tmp_path / "merge.db"
    store = Store(db)
    blair = ("person:blair", "Blair", "Person")
    gbr = ("country:GBR", "United Kingdom", "Country")
    labour = ("org:labour-party", "Labour Party", "Organization")  # the story d1 and d2 share (graph.merge)
    store.add_documents([doc("d1", [blair, gbr, labour], [(blair[0], "VISITED", gbr[0], "Mr Blair visited Britain.")])])
    store.close()
    push_db(db, neo4j_server, min_confidence=FLOOR)  # test_store.doc's relations are at 0.6
    assert cypher(neo4j_server, "MATCH (n:Entity {id: 'person:blair'})-[r:VISITED]->() RETURN count(r) AS n") == [{"n": 1}]

    store = Store(db)
    tony = ("person:tony-blair", "Tony Blair", "Person")
    store.add_documents([doc("d2", [tony, gbr, labour], [(tony[0], "VISITED", gbr[0], "Tony Blair flew to Britain.")])])
    store.close()
    summary = push_db(db, neo4j_server, min_confidence=FLOOR)
    assert summary.nodes_deleted == 1
    assert cypher(neo4j_server, "MATCH (n:Entity {id: 'person:blair'}) RETURN count(n) AS n") == [{"n": 0}]
    assert cypher(neo4j_server, "MATCH (:Entity {id: 'person:tony-blair'})-[r:VISITED]->(:Entity {id: 'country:GBR'}) "
                                "RETURN r.weight AS w") == [{"w": 2}]
    assert counts(neo4j_server) == db_counts(db, FLOOR)
    assert push_db(db, neo4j_server, min_confidence=FLOOR).nodes_deleted == 0  # already gone: nothing to delete again


@pytest.mark.issue(12)
def test_push_writes_what_the_read_commands_show_by_default(samples_db, neo4j_server):
    """Neo4j holds the relations of the default floor; --min-confidence 0 adds the weaker
    ones, and the next default push deletes them again."""
    weak_types = {"CO_OCCURS_WITH"}  # 0.2-ish: always under the floor
    push_db(samples_db, neo4j_server)
    assert counts(neo4j_server) == db_counts(samples_db)
    assert not weak_types & set(counts(neo4j_server)["types"])
    everything = CliRunner().invoke(
        app, ["neo4j", "push", "--db", str(samples_db), "--uri", neo4j_server, "--min-confidence", "0", "--json"]
    )
    assert everything.exit_code == 0, everything.stderr
    assert counts(neo4j_server) == db_counts(samples_db, min_confidence=0.0)
    assert weak_types <= set(counts(neo4j_server)["types"])
    push_db(samples_db, neo4j_server)
    assert counts(neo4j_server) == db_counts(samples_db)
