"""The analyst's mark in every export (issue 15): each edge carries the store's relation id
and whether an analyst confirmed it, as typed attributes that real readers give back typed
(networkx for GraphML, GEXF and node-link JSON; csv headers as neo4j-admin reads them; the
admin import itself and Gephi's importer are in test_export_neo4j_import.py and
test_export_gephi.py)."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from export_fixtures import BUKELE, RUBIO, SLV, make_store
from newsgraph import KnowledgeGraph
from newsgraph.exports import export
from newsgraph.graph.nxview import build_graph
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.graph.store import Store

pytestmark = pytest.mark.issue(15)
EVERYTHING = RelationFilter(min_confidence=0.0)


@pytest.fixture
def store(tmp_path):
    """The export fixture's store with Rubio -MET_WITH-> Bukele confirmed; ``ids`` maps
    (head, tail, type) to the relation id."""
    path = tmp_path / "ng.db"
    make_store(path).close()
    with KnowledgeGraph.open(path) as kg:
        ids = {(h, t, ty): i for i, h, t, ty in kg.store.conn.execute("SELECT id, head, tail, type FROM relations")}
        kg.confirm(ids[RUBIO, BUKELE, "MET_WITH"])
    s = Store(path)
    s.ids = ids  # type: ignore[attr-defined]
    yield s
    s.close()


def _check_edges(store, edges):
    """Every (head, tail, type) edge read back has its relation id as an int and the mark as
    a bool, True on the confirmed relation only."""
    seen = {}
    for u, v, d in edges:
        assert type(d["relation_id"]) is int and type(d["confirmed"]) is bool, d
        seen[u, v, d["type"]] = (d["relation_id"], d["confirmed"])
    assert seen == {key: (rid, key == (RUBIO, BUKELE, "MET_WITH")) for key, rid in store.ids.items()}


def test_graphml_keep_mode_reads_back_typed(store, tmp_path):
    out = tmp_path / "g.graphml"
    export(store, "graphml", out, EVERYTHING, parallel="keep")
    g = nx.read_graphml(out, force_multigraph=True)
    _check_edges(store, g.edges(data=True))
    met = [d for u, v, d in g.edges(data=True) if d["type"] == "MET_WITH"][0]
    assert met["confidence"] == 1.0  # confirmed: full confidence


def test_graphml_merge_mode_marks_a_pair_only_when_all_its_relations_are_confirmed(store, tmp_path):
    out = tmp_path / "g.graphml"
    export(store, "graphml", out, EVERYTHING, parallel="merge")
    g = nx.read_graphml(out)
    pair = g.edges[RUBIO, BUKELE]  # MET_WITH (confirmed) and PRAISED (not)
    assert "relation_id" not in pair and pair["confirmed"] is False
    assert pair["confirmed_types"] == "MET_WITH"
    order = pair["types"].split(" | ")
    assert pair["relation_ids"] == " | ".join(str(store.ids[RUBIO, BUKELE, t]) for t in order)
    single = g.edges[RUBIO, SLV]
    assert single["relation_id"] == store.ids[RUBIO, SLV, "VISITED"] and single["confirmed"] is False
    assert single["relation_ids"] == str(single["relation_id"]) and single["confirmed_types"] == ""


def test_gexf_reads_back_typed(store, tmp_path):
    for parallel in ("keep", "merge"):
        out = tmp_path / f"{parallel}.gexf"
        export(store, "gexf", out, EVERYTHING, parallel=parallel)
        g = nx.read_gexf(out)
        if parallel == "keep":
            _check_edges(store, [(u, v, {**d, "type": d["label"]}) for u, v, d in g.edges(data=True)])
        else:
            pair = [d for u, v, d in g.edges(data=True) if (u, v) == (RUBIO, BUKELE)][0]
            assert pair["confirmed"] is False and pair["confirmed_types"] == "MET_WITH"


def test_node_link_json_reads_back_typed(store, tmp_path):
    out = tmp_path / "g.json"
    export(store, "json", out, EVERYTHING)
    g = nx.node_link_graph(json.loads(out.read_text("utf-8")), edges="edges")
    _check_edges(store, g.edges(data=True))


def test_csv_types_the_columns_for_neo4j_admin(store, tmp_path):
    export(store, "csv", tmp_path / "csv", EVERYTHING)
    with open(tmp_path / "csv" / "relationships.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {"relation_id:long", "confirmed:boolean"} <= set(rows[0])
    marks = {(r[":START_ID"], r[":END_ID"], r[":TYPE"]): (int(r["relation_id:long"]), r["confirmed:boolean"]) for r in rows}
    # As a push writes it: true on the confirmed relation, absent (an empty cell) elsewhere.
    assert marks == {key: (rid, "true" if key == (RUBIO, BUKELE, "MET_WITH") else "") for key, rid in store.ids.items()}


def test_a_networkx_graph_of_the_store_exports_the_same_marks(store, tmp_path):
    out = tmp_path / "g.graphml"
    export_graph = build_graph(store, EVERYTHING)
    from newsgraph.exports.graphml import write_graphml

    write_graphml(export_graph, out, parallel="keep")
    _check_edges(store, nx.read_graphml(out, force_multigraph=True).edges(data=True))


def test_undo_of_the_confirm_clears_the_mark(store, tmp_path):
    with KnowledgeGraph.open(store.path) as kg:
        kg.undo(1)
    out = tmp_path / "g.graphml"
    export(store, "graphml", out, EVERYTHING, parallel="keep")
    assert not any(d["confirmed"] for *_, d in nx.read_graphml(out, force_multigraph=True).edges(data=True))
