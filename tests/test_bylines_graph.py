"""Bylines in the graph's outputs (issue 18): ``(:Document)-[:WRITTEN_BY]->(:Person)`` in a
Neo4j push, the embedded Cypher graph and the CSV set for neo4j-admin import; a ``bylines``
count on every entity in GraphML, GEXF and JSON (whose graphs hold entities, not
documents), read back with networkx's readers."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from export_fixtures import AUTHOR, RUBIO, SLV, bylined_document, make_store
from neo4j_support import counts, cypher, neo4j_server, push_db  # noqa: F401
from newsgraph.exports import export
from newsgraph.kg import KnowledgeGraph

pytestmark = pytest.mark.issue(18)


def bylined_store(tmp_path):
    store = make_store(tmp_path / "ng.db")
    store.add_documents([bylined_document()])
    return store


def test_graph_exports_carry_the_byline_count(tmp_path):
    store = bylined_store(tmp_path)
    try:
        for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
            export(store, fmt, tmp_path / f"g.{fmt}")
            back = read(tmp_path / f"g.{fmt}")
            assert int(back.nodes[AUTHOR]["bylines"]) == 1 and int(back.nodes[AUTHOR]["mentions"]) == 0, fmt
            assert int(back.nodes[RUBIO]["bylines"]) == 1 and int(back.nodes[RUBIO]["mentions"]) > 0, fmt
            assert int(back.nodes[SLV]["bylines"]) == 0, fmt
        export(store, "json", tmp_path / "g.json")
        data = json.loads((tmp_path / "g.json").read_text())
        back = nx.node_link_graph(data, edges="edges")
        assert (back.nodes[AUTHOR]["bylines"], back.nodes[RUBIO]["bylines"], back.nodes[SLV]["bylines"]) == (1, 1, 0)
    finally:
        store.close()


def test_csv_holds_written_by_rows_and_their_documents(tmp_path):
    store = bylined_store(tmp_path)
    try:
        export(store, "csv", tmp_path / "csv")
    finally:
        store.close()

    def rows(name: str) -> list[dict[str, str]]:
        with open(tmp_path / "csv" / name, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    assert [(r[":START_ID"], r[":END_ID"], r[":TYPE"]) for r in rows("bylines.csv")] == [
        ("doc5", AUTHOR, "WRITTEN_BY"), ("doc5", RUBIO, "WRITTEN_BY")]
    assert "doc5" in {r["id:ID"] for r in rows("documents.csv")}
    nodes = {r["id:ID"]: r for r in rows("nodes.csv")}
    assert (nodes[AUTHOR]["bylines:int"], nodes[AUTHOR]["mentions:int"]) == ("1", "0")


def test_an_ego_export_holds_the_bylines_of_its_entities_only(tmp_path):
    store = bylined_store(tmp_path)
    try:
        export(store, "csv", tmp_path / "csv", ego=SLV, depth=1)  # El Salvador and Rubio, not the author
    finally:
        store.close()
    with open(tmp_path / "csv" / "bylines.csv", newline="", encoding="utf-8") as fh:
        assert [(r[":START_ID"], r[":END_ID"]) for r in csv.DictReader(fh)] == [("doc5", RUBIO)]


@pytest.mark.neo4j
def test_push_writes_written_by_and_repairs_it(neo4j_server, tmp_path):  # noqa: F811
    store = bylined_store(tmp_path)
    store.close()
    push_db(tmp_path / "ng.db", neo4j_server, min_confidence=0.0)
    found = cypher(neo4j_server, "MATCH (d:Document)-[w:WRITTEN_BY]->(p:Person) "
                                 "RETURN d.id AS d, p.id AS p, p.mentions AS mentions, p.bylines AS bylines, "
                                 "properties(w) AS props ORDER BY p")
    assert found == [
        {"d": "doc5", "p": AUTHOR, "mentions": 0, "bylines": 1, "props": {}},
        {"d": "doc5", "p": RUBIO, "mentions": 6, "bylines": 1, "props": {}},
    ]
    pushed = counts(neo4j_server)
    assert pushed["types"]["WRITTEN_BY"] == 2
    # Pushing again changes nothing; a byline the store loses (a merge of the author into
    # another person, here) is gone from Neo4j after the next push, the new one there.
    push_db(tmp_path / "ng.db", neo4j_server, min_confidence=0.0)
    assert counts(neo4j_server) == pushed
    with KnowledgeGraph.open(tmp_path / "ng.db") as kg:
        kg.merge(["Laura Mendez", "Nayib Bukele"])
    push_db(tmp_path / "ng.db", neo4j_server, min_confidence=0.0)
    after = cypher(neo4j_server, "MATCH (d:Document)-[:WRITTEN_BY]->(p) RETURN d.id AS d, p.id AS p ORDER BY p")
    assert after == [{"d": "doc5", "p": RUBIO}, {"d": "doc5", "p": "person:nayib-bukele"}]
    with KnowledgeGraph.open(tmp_path / "ng.db") as kg:
        kg.undo()
    push_db(tmp_path / "ng.db", neo4j_server, min_confidence=0.0)
    again = cypher(neo4j_server, "MATCH (d:Document)-[:WRITTEN_BY]->(p) RETURN d.id AS d, p.id AS p ORDER BY p")
    assert again == [{"d": "doc5", "p": AUTHOR}, {"d": "doc5", "p": RUBIO}]


def test_embedded_cypher_has_written_by(tmp_path):
    store = bylined_store(tmp_path)
    store.close()
    with KnowledgeGraph.open(tmp_path / "ng.db") as kg:
        result = kg.cypher(
            "MATCH (d:Document)-[:WRITTEN_BY]->(p:Person) RETURN d.id AS d, p.name AS name, p.bylines AS bylines ORDER BY name"
        )
    assert [dict(r) for r in result["rows"]] == [
        {"d": "doc5", "name": "Laura Mendez", "bylines": 1}, {"d": "doc5", "name": "Marco Rubio", "bylines": 1}]


def test_embedded_cypher_refuses_an_entity_key_on_a_byline_document(tmp_path):
    """A WRITTEN_BY start is a document: ``d.name`` is KGLite's virtual key there (the
    title), null in Neo4j, so it is refused, as after MENTIONS."""
    from newsgraph.errors import NewsgraphError

    store = bylined_store(tmp_path)
    store.close()
    with KnowledgeGraph.open(tmp_path / "ng.db") as kg:
        with pytest.raises(NewsgraphError):
            kg.cypher("MATCH (d)-[:WRITTEN_BY]->(p:Person) RETURN d.name")
