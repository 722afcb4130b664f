"""Co-occurrence edges in GraphML and GEXF (issue 16): the decision and its reasons.

CO_OCCURS_WITH has no direction. Both formats allow per-edge direction (GraphML
``directed="false"``, GEXF ``type="undirected"``), but the readers newsgraph promises do
not take it: networkx refuses such a file in either format, igraph reads the GraphML edge
as directed without a word, and Gephi drops an undirected GEXF edge from a directed graph
(its "mixed" default is outside GEXF 1.3 and reported as SEVERE). So both exports stay one
directed graph, and a co-occurrence is written once per pair, always from the smaller
entity id to the larger: a fixed convention, not a direction, which a reader turns into
an undirected edge by its type. These tests read the files back with the real readers and
pin the reader behaviour the decision rests on, so that a networkx able to read mixed
graphs fails here and the decision is taken again.
"""

from __future__ import annotations

import io

import igraph
import networkx as nx
import pytest

from export_fixtures import make_store
from newsgraph.exports import export
from newsgraph.graph.model import COOCCURRENCE

pytestmark = pytest.mark.issue(16)


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "ng.db")
    yield s
    s.close()


def _cooccurrences(store):
    return sorted(tuple(r) for r in store.conn.execute("SELECT head, tail FROM relations WHERE type = ?", (COOCCURRENCE,)))


def _check(pairs, expected):
    assert sorted(pairs) == expected
    assert all(head < tail for head, tail in pairs)  # once per pair, smaller id first
    assert len({frozenset(p) for p in pairs}) == len(pairs)


@pytest.mark.parametrize("fmt,parallel", [("graphml", "keep"), ("graphml", "merge"), ("gexf", "keep"), ("gexf", "merge")])
def test_networkx_reads_each_cooccurrence_once(store, tmp_path, fmt, parallel):
    expected = _cooccurrences(store)
    assert expected, "the fixture must hold co-occurrences"
    path = tmp_path / f"g.{fmt}"
    export(store, fmt, path, parallel=parallel)
    graph = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
    assert graph.is_directed()
    label = "label"
    pairs = [(u, v) for u, v, d in graph.edges(data=True) if COOCCURRENCE in str(d.get(label, "")).split(" | ")]
    _check(pairs, expected)


def test_igraph_reads_each_cooccurrence_once(store, tmp_path):
    expected = _cooccurrences(store)
    path = tmp_path / "g.graphml"
    export(store, "graphml", path, parallel="keep")
    graph = igraph.Graph.Read_GraphML(str(path))
    ids = graph.vs["id"]
    pairs = [(ids[e.source], ids[e.target]) for e in graph.es if e["label"] == COOCCURRENCE]
    _check(pairs, expected)


GRAPHML_PER_EDGE = b"""<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph id="G" edgedefault="directed">
<node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"/><edge source="a" target="c" directed="false"/>
</graph></graphml>"""

GEXF_PER_EDGE = b"""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="%s">
<nodes><node id="a" label="a"/><node id="b" label="b"/><node id="c" label="c"/></nodes>
<edges><edge id="0" source="a" target="b" type="directed"/><edge id="1" source="a" target="c" type="undirected"/></edges>
</graph></gexf>"""


def test_networkx_refuses_per_edge_direction():
    # The reason the exports do not write it: the reader would refuse the whole file.
    with pytest.raises(nx.NetworkXError, match="directed=false edge found in directed graph"):
        nx.read_graphml(io.BytesIO(GRAPHML_PER_EDGE))
    for default in (b"directed", b"mixed"):
        with pytest.raises(nx.NetworkXError, match="edge found in"):
            nx.read_gexf(io.BytesIO(GEXF_PER_EDGE % default))


def test_igraph_ignores_per_edge_direction(tmp_path):
    path = tmp_path / "mixed.graphml"
    path.write_bytes(GRAPHML_PER_EDGE)
    graph = igraph.Graph.Read_GraphML(str(path))
    assert graph.is_directed() and not graph.is_mutual(graph.es[1])  # read as a -> c only
