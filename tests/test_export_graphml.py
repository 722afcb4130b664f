"""GraphML export read back by networkx, igraph and lxml, and compared with the store."""

from __future__ import annotations

import io
import json
from pathlib import Path

import igraph
import networkx as nx
import pytest
from lxml import etree

from export_fixtures import BUKELE, CONTROL_SENTENCE, RUBIO, SLV, UPDATE_GOLDEN, make_store, tiny_graph
from newsgraph.errors import ExportOptionError
from newsgraph.exports import graphml
from newsgraph.exports.source import LIST_SEPARATOR, StoreGraph
from newsgraph.graph.nxview import build_graph
from newsgraph.graph.relation_filter import RelationFilter

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
EXPECTED = Path(__file__).parent / "data" / "expected"


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "ng.db")
    yield s
    s.close()


def _write(graph, **kw) -> bytes:
    buf = io.BytesIO()
    graphml.write_graphml(graph, buf, **kw)
    return buf.getvalue()


def _store_relations(store) -> dict[tuple[str, str, str], int]:
    return {(r["head"], r["tail"], r["type"]): r["weight"] for r in store.conn.execute("SELECT * FROM relations")}


@pytest.mark.parametrize("parallel", ["merge", "keep"])
def test_every_key_typed_every_element_labelled_and_weighted(store, parallel):
    root = etree.fromstring(_write(StoreGraph(store), parallel=parallel))
    keys = root.findall("g:key", NS)
    assert keys and all(k.get("attr.type") in {"string", "int", "long", "double", "boolean", "float"} for k in keys)
    declared = {(k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in keys}
    assert set(graphml.KEYS) <= declared
    key_of = {k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in keys}
    for element, domain in (("node", "node"), ("edge", "edge")):
        items = root.findall(f"g:graph/g:{element}", NS)
        assert items
        for item in items:
            names = {key_of[d.get("key")][1]: d.text for d in item.findall("g:data", NS)}
            assert names.get("label"), item.attrib
            for d in item.findall("g:data", NS):
                assert key_of[d.get("key")][0] == domain
                assert d.text not in ("None", "[]", "{}")
            if element == "edge":
                float(names["weight"])
    edge_ids = [e.get("id") for e in root.findall("g:graph/g:edge", NS)]
    assert len(edge_ids) == len(set(edge_ids))


def test_networkx_reads_keep_mode_as_the_store(store):
    back = nx.read_graphml(io.BytesIO(_write(StoreGraph(store), parallel="keep")), force_multigraph=True)
    rels = _store_relations(store)
    assert back.number_of_edges() == len(rels)
    assert set(back.nodes) == {r[0] for r in store.conn.execute("SELECT id FROM entities")}
    got = {(u, v, d["type"]): d["weight"] for u, v, d in back.edges(data=True)}
    assert got == rels
    assert back.nodes[SLV]["type"] == "Country"
    assert back.nodes[SLV]["label"] == "El Salvador"
    assert back.nodes[RUBIO]["aliases"] == "Rubio"
    assert back.nodes[RUBIO]["mentions"] == 4 and isinstance(back.nodes[RUBIO]["mentions"], int)
    assert back.nodes["org:state-department"]["is_agency"] is True


def test_merge_sums_parallel_edges_and_keeps_types(store):
    back = nx.read_graphml(io.BytesIO(_write(StoreGraph(store))), force_multigraph=True)
    rels = _store_relations(store)
    pairs = {(h, t) for h, t, _ in rels}
    assert back.number_of_edges() == len(pairs) < len(rels)
    [merged] = back.get_edge_data(RUBIO, BUKELE).values()
    assert merged["weight"] == rels[(RUBIO, BUKELE, "MET_WITH")] + rels[(RUBIO, BUKELE, "PRAISED")]
    assert merged["types"] == f"MET_WITH{LIST_SEPARATOR}PRAISED"
    assert merged["type_weights"] == f"MET_WITH:1{LIST_SEPARATOR}PRAISED:1"
    assert merged["label"] == merged["types"]
    total = sum(d["weight"] for _, _, d in back.edges(data=True))
    assert total == sum(rels.values())


def test_igraph_reads_both_modes(store, tmp_path):
    for parallel, expected in (("keep", 7), ("merge", 6)):
        path = tmp_path / f"{parallel}.graphml"
        graphml.write_graphml(StoreGraph(store), path, parallel=parallel)
        g = igraph.Graph.Read_GraphML(str(path))
        assert g.is_directed()
        assert g.vcount() == 6
        assert g.ecount() == expected
        assert set(g.vs["label"]) >= {"Marco Rubio", "El Salvador", "Volcano Park"}
        assert all(isinstance(w, float) and w >= 1 for w in g.es["weight"])
        assert all(g.es["label"])


def test_control_characters_in_evidence_do_not_break_readers(store):
    data = _write(StoreGraph(store), parallel="keep")
    etree.fromstring(data)  # well-formed
    back = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    met = back.get_edge_data(RUBIO, BUKELE)
    [edge] = [d for d in met.values() if d["type"] == "MET_WITH"]
    [ev] = json.loads(edge["evidence"])
    # JSON escapes the controls, so the sentence survives exactly.
    assert ev["sentence"] == CONTROL_SENTENCE
    assert ev["document"] == "doc2"


def test_control_characters_in_names_are_replaced_visibly():
    g = tiny_graph()
    g.nodes[RUBIO]["name"] = "Marco\x00 Rubio\x1b\r"
    data = _write(g)
    back = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert back.nodes[RUBIO]["label"] == "Marco\ufffd Rubio\ufffd\r"


def test_store_graph_and_build_graph_export_the_same_graph(store):
    flt = RelationFilter(include_cooccurrence=False)
    a = nx.read_graphml(io.BytesIO(_write(StoreGraph(store, flt), parallel="keep")), force_multigraph=True)
    b = nx.read_graphml(io.BytesIO(_write(build_graph(store, flt), parallel="keep")), force_multigraph=True)
    assert set(a.nodes) == set(b.nodes)
    edges = lambda g: sorted((u, v, d["type"], d["weight"], d["document_ids"]) for u, v, d in g.edges(data=True))  # noqa: E731
    assert edges(a) == edges(b)
    for n in a.nodes:
        assert {k: v for k, v in a.nodes[n].items()} == {k: v for k, v in b.nodes[n].items()}


def test_golden_file():
    for parallel in ("merge", "keep"):
        data = _write(tiny_graph(), parallel=parallel)
        path = EXPECTED / f"tiny.{parallel}.graphml"
        if UPDATE_GOLDEN:
            path.write_bytes(data)
        assert data == path.read_bytes()


def test_writer_streams_in_chunks(tmp_path):
    """The document never exists in memory as one string: no single write is more than
    a small part of the file."""
    g = nx.MultiDiGraph()
    for i in range(3000):
        g.add_node(f"n{i}", name=f"Node {i}", type="Person")
    for i in range(20000):
        g.add_edge(f"n{i % 3000}", f"n{(i * 7 + 1) % 3000}", key=f"T{i}", type=f"T{i % 5}", weight=1)

    class Sink(io.RawIOBase):
        def __init__(self) -> None:
            self.total = 0
            self.largest = 0

        def writable(self) -> bool:
            return True

        def write(self, b) -> int:  # type: ignore[override]
            self.total += len(b)
            self.largest = max(self.largest, len(b))
            return len(b)

    sink = Sink()
    graphml.write_graphml(g, sink, parallel="keep")
    assert sink.total > 5_000_000
    assert sink.largest < sink.total / 4


def test_dash_writes_to_stdout(store, capsysbinary):
    graphml.write_graphml(StoreGraph(store), "-")
    out = capsysbinary.readouterr().out
    assert out.startswith(b"<?xml") and out.rstrip().endswith(b"</graphml>")


def test_unknown_parallel_mode(store):
    with pytest.raises(ExportOptionError):
        _write(StoreGraph(store), parallel="sum")


def test_extra_attributes_of_a_hand_made_graph_are_declared_and_typed():
    g = tiny_graph()
    g.nodes[RUBIO]["score"] = 0.5
    g.nodes[SLV]["score"] = 2
    g.nodes[RUBIO]["tags"] = ["a", "b"]
    root = etree.fromstring(_write(g))
    keys = {k.get("attr.name"): k.get("attr.type") for k in root.findall("g:key[@for='node']", NS)}
    assert keys["score"] == "double" and keys["tags"] == "string"
    back = nx.read_graphml(io.BytesIO(_write(g)), force_multigraph=True)
    assert back.nodes[RUBIO]["tags"] == f"a{LIST_SEPARATOR}b"
    assert back.nodes[SLV]["score"] == 2.0


def test_odd_attribute_names_get_safe_key_ids():
    g = tiny_graph()
    g.nodes[RUBIO]['say "hi" & <bye>'] = "x"
    data = _write(g)
    root = etree.fromstring(data)
    # attr.name is an NMTOKEN in the GraphML schema: other characters become "_".
    [key] = [k for k in root.findall("g:key", NS) if k.get("attr.name") == "say__hi_____bye_"]
    assert key.get("id").startswith("n_say__hi")
    assert nx.read_graphml(io.BytesIO(data)).nodes[RUBIO]["say__hi_____bye_"] == "x"


@pytest.mark.parametrize("parallel", ["merge", "keep"])
def test_store_fast_path_writes_what_the_generic_writer_writes(store, parallel):
    """The store path renders tuples with generated code, in relation-id order; the same
    records put in a NetworkX graph go through the generic writer, in (head, tail, type)
    order. Apart from order and the edge ids that follow it, the bytes must be the same."""
    import re
    from newsgraph.exports.source import EDGE_FIELDS

    view = StoreGraph(store, RelationFilter(evidence_per_edge=0))
    g = nx.MultiDiGraph()
    for node in view.nodes():
        g.add_node(node["id"], **node)
    for edge in view.edges():
        g.add_edge(edge["head"], edge["tail"], key=edge["type"], **{k: edge[k] for k in EDGE_FIELDS[2:]})
    def lines(data: bytes) -> tuple[list[bytes], list[bytes]]:
        rows = data.splitlines()
        edges = sorted(re.sub(rb' id="e[0-9]+"', b"", r) for r in rows if r.startswith(b"<edge "))
        return [r for r in rows if not r.startswith(b"<edge ")], edges

    fast, generic = lines(_write(view, parallel=parallel)), lines(_write(g, parallel=parallel))
    assert fast == generic
    assert len(fast[1]) == (6 if parallel == "merge" else 7)
