"""Node-link JSON read back with networkx's node_link_graph."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from export_fixtures import BUKELE, CONTROL_SENTENCE, RUBIO, SLV, UPDATE_GOLDEN, make_store, tiny_graph
from newsgraph.exports import json as json_export
from newsgraph.exports.source import StoreGraph

EXPECTED = Path(__file__).parent / "data" / "expected"


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "ng.db")
    yield s
    s.close()


def _data(graph) -> dict:
    buf = io.BytesIO()
    json_export.write_json(graph, buf)
    return json.loads(buf.getvalue())


def test_node_link_graph_reads_it(store):
    data = _data(StoreGraph(store))
    g = nx.node_link_graph(data, edges="edges")
    assert g.is_multigraph() and g.is_directed()
    assert g.number_of_nodes() == 6 and g.number_of_edges() == 7
    assert set(g.get_edge_data(RUBIO, BUKELE)) == {"MET_WITH", "PRAISED"}
    assert g.nodes[RUBIO]["aliases"] == ["Rubio"]
    visited = g.get_edge_data(RUBIO, SLV)["VISITED"]
    assert visited["weight"] == 2 and visited["document_ids"] == ["doc1", "doc2"]
    assert [e["document"] for e in visited["evidence"]] == ["doc2", "doc1"]


def test_evidence_keeps_control_characters_exactly(store):
    g = nx.node_link_graph(_data(StoreGraph(store)), edges="edges")
    assert g.get_edge_data(RUBIO, BUKELE)["MET_WITH"]["evidence"][0]["sentence"] == CONTROL_SENTENCE


def test_golden_file():
    buf = io.BytesIO()
    json_export.write_json(tiny_graph(), buf)
    path = EXPECTED / "tiny.json"
    if UPDATE_GOLDEN:
        path.write_bytes(buf.getvalue())
    assert buf.getvalue() == path.read_bytes()
