"""GEXF export read back by networkx and lxml: colours, sizes, timeline, parallel kinds."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from export_fixtures import BUKELE, CONTROL_SENTENCE, RUBIO, SLV, STATE, UPDATE_GOLDEN, make_store, tiny_graph
from newsgraph.exports import gexf
from newsgraph.graph.model import TYPE_COLOURS
from newsgraph.exports.source import StoreGraph

EXPECTED = Path(__file__).parent / "data" / "expected"
NS = {"x": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "ng.db")
    yield s
    s.close()


def _write(graph, **kw) -> bytes:
    buf = io.BytesIO()
    gexf.write_gexf(graph, buf, **kw)
    return buf.getvalue()


def test_networkx_reads_nodes_edges_and_attributes(store):
    back = nx.read_gexf(io.BytesIO(_write(StoreGraph(store))))
    rels = {(r["head"], r["tail"], r["type"]): r["weight"] for r in store.conn.execute("SELECT * FROM relations")}
    assert back.is_directed() and back.is_multigraph()
    assert back.number_of_nodes() == 6
    assert {(u, v, d["label"]): d["weight"] for u, v, d in back.edges(data=True)} == rels
    assert back.nodes[RUBIO]["label"] == "Marco Rubio"
    assert back.nodes[RUBIO]["mentions"] == 4
    assert back.nodes[STATE]["is_agency"] is True


def test_colour_by_type_size_by_mentions(store):
    back = nx.read_gexf(io.BytesIO(_write(StoreGraph(store))))
    for node, data in back.nodes(data=True):
        colour = data["viz"]["color"]
        # the same colour as the `show` page gives the type
        assert "#%02x%02x%02x" % (colour["r"], colour["g"], colour["b"]) == TYPE_COLOURS[data["type"]]
        assert data["viz"]["size"] == gexf.node_size(data["mentions"])
    assert back.nodes[RUBIO]["viz"]["size"] > back.nodes[STATE]["viz"]["size"]
    assert back.nodes[RUBIO]["viz"]["color"] != back.nodes[SLV]["viz"]["color"]


def test_timeline_starts_at_first_seen(store):
    data = _write(StoreGraph(store))
    root = etree.fromstring(data)
    graph = root.find("x:graph", NS)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    back = nx.read_gexf(io.BytesIO(data))
    firsts = dict(store.conn.execute("SELECT id, first_seen FROM entities").fetchall())
    assert {n: d["start"] for n, d in back.nodes(data=True)} == firsts
    assert back.nodes[BUKELE]["start"] == "2025-02-04"
    starts = {(u, v, d["label"]): d["start"] for u, v, d in back.edges(data=True)}
    assert starts[(RUBIO, SLV, "VISITED")] == "2025-02-03"


def test_parallel_edges_keep_kinds_or_merge(store):
    root = etree.fromstring(_write(StoreGraph(store)))
    kinds = [(e.get("source"), e.get("target"), e.get("kind")) for e in root.iter("{http://gexf.net/1.3}edge")]
    assert (RUBIO, BUKELE, "MET_WITH") in kinds and (RUBIO, BUKELE, "PRAISED") in kinds
    merged = nx.read_gexf(io.BytesIO(_write(StoreGraph(store), parallel="merge")))
    assert merged.number_of_edges() == 6
    assert not merged.is_multigraph()  # networkx collapses a file without parallel edges
    edge = merged.get_edge_data(RUBIO, BUKELE)
    assert edge["weight"] == 2 and edge["types"] == "MET_WITH | PRAISED"


def test_control_characters_survive_in_evidence(store):
    back = nx.read_gexf(io.BytesIO(_write(StoreGraph(store))))
    [edge] = [d for d in back.get_edge_data(RUBIO, BUKELE).values() if d["label"] == "MET_WITH"]
    import json

    assert json.loads(edge["evidence"])[0]["sentence"] == CONTROL_SENTENCE


def test_golden_file():
    data = _write(tiny_graph())
    path = EXPECTED / "tiny.gexf"
    if UPDATE_GOLDEN:
        path.write_bytes(data)
    assert data == path.read_bytes()
