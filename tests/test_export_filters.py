"""Every filter on every format: the export holds exactly what the filter keeps."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from export_fixtures import BUKELE, GUARD, LAKE, RUBIO, SLV, STATE, USA, make_store, undated_document
from newsgraph.exports import EXPORTERS, export
from newsgraph.graph.nxview import build_graph
from newsgraph.graph.relation_filter import RelationFilter

ALL = {
    (SLV, RUBIO, "CO_OCCURS_WITH"), (STATE, SLV, "CRITICIZED"), (RUBIO, SLV, "VISITED"), (RUBIO, USA, "HOLDS_ROLE"),
    (RUBIO, BUKELE, "MET_WITH"), (RUBIO, BUKELE, "PRAISED"), (BUKELE, SLV, "LEADS"),
}


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "ng.db")
    yield s
    s.close()


def _exported(store, flt=None, **kw) -> tuple[set[str], set[tuple[str, str, str]]]:
    buf = io.BytesIO()
    export(store, "json", buf, flt, **kw)
    data = json.loads(buf.getvalue())
    return {n["id"] for n in data["nodes"]}, {(e["source"], e["target"], e["type"]) for e in data["edges"]}


CASES = [
    (RelationFilter(), {SLV, USA, RUBIO, BUKELE, STATE, GUARD}, ALL),
    (RelationFilter(entity_types=["Person"]), {RUBIO, BUKELE}, {(RUBIO, BUKELE, "MET_WITH"), (RUBIO, BUKELE, "PRAISED")}),
    (RelationFilter(relation_types=["VISITED"]), {RUBIO, SLV}, {(RUBIO, SLV, "VISITED")}),
    (RelationFilter(min_weight=2), {RUBIO, SLV}, {(RUBIO, SLV, "VISITED")}),
    # As in nxview.build_graph, a confidence or type filter alone keeps isolated entities.
    (RelationFilter(min_confidence=0.85), {SLV, USA, RUBIO, BUKELE, STATE, GUARD}, {(RUBIO, USA, "HOLDS_ROLE")}),
    (RelationFilter(since="2025-02-04"), {RUBIO, SLV, BUKELE, STATE},
     {(RUBIO, SLV, "VISITED"), (RUBIO, BUKELE, "MET_WITH"), (RUBIO, BUKELE, "PRAISED"), (BUKELE, SLV, "LEADS"),
      (STATE, SLV, "CRITICIZED")}),
    (RelationFilter(until="2025-02-03"), {RUBIO, SLV, USA},
     {(RUBIO, SLV, "VISITED"), (RUBIO, USA, "HOLDS_ROLE"), (SLV, RUBIO, "CO_OCCURS_WITH")}),
    (RelationFilter(since="2025-02-04", until="2025-02-04"), {RUBIO, SLV, BUKELE},
     {(RUBIO, SLV, "VISITED"), (RUBIO, BUKELE, "MET_WITH"), (RUBIO, BUKELE, "PRAISED")}),
    (RelationFilter(include_cooccurrence=False), {SLV, USA, RUBIO, BUKELE, STATE, GUARD},
     ALL - {(SLV, RUBIO, "CO_OCCURS_WITH")}),
]


@pytest.mark.parametrize("flt,nodes,edges", CASES)
def test_filter(store, flt, nodes, edges):
    assert _exported(store, flt) == (nodes, edges)


@pytest.mark.parametrize("flt,nodes,edges", CASES)
def test_filter_agrees_with_build_graph(store, flt, nodes, edges):
    g = build_graph(store, flt)
    assert (set(g.nodes), {(u, v, k) for u, v, k in g.edges(keys=True)}) == (nodes, edges)


def test_ego_network_depth(store):
    assert _exported(store, ego=BUKELE, depth=0) == ({BUKELE}, set())
    nodes, edges = _exported(store, ego=BUKELE, depth=1)
    assert nodes == {BUKELE, RUBIO, SLV}
    assert edges == {e for e in ALL if e[0] in nodes and e[1] in nodes}
    assert _exported(store, ego=STATE, depth=2)[0] == {STATE, SLV, RUBIO, BUKELE}
    assert _exported(store, ego=STATE, depth=3)[0] == {STATE, SLV, RUBIO, BUKELE, USA}


def test_ego_network_follows_only_kept_relations(store):
    flt = RelationFilter(relation_types=["VISITED", "HOLDS_ROLE"])
    assert _exported(store, flt, ego=SLV, depth=2) == (
        {SLV, RUBIO, USA}, {(RUBIO, SLV, "VISITED"), (RUBIO, USA, "HOLDS_ROLE")},
    )
    nodes, _ = _exported(store, RelationFilter(include_cooccurrence=False, min_confidence=0.7), ego=RUBIO, depth=1)
    assert nodes == {RUBIO, SLV, USA, BUKELE}


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_every_format_applies_filters(store, tmp_path, fmt):
    flt = RelationFilter(entity_types=["Person", "Country"], include_cooccurrence=False, min_weight=1)
    result = export(store, fmt, tmp_path / f"out.{fmt}", flt, ego=RUBIO, depth=1, parallel="keep" if EXPORTERS[fmt].parallel_modes else None)
    # Rubio's neighbours among people and countries, without co-occurrence.
    assert (result.nodes, result.edges) == (4, 5)


@pytest.mark.issue(12)
def test_issue_12_undated_documents_stay_undated_and_leave_date_windows(tmp_path):
    store = make_store(tmp_path / "ng.db")
    store.add_documents([undated_document()])
    assert store.conn.execute("SELECT date FROM documents WHERE id = 'doc4'").fetchone()[0] is None
    nodes, edges = _exported(store, RelationFilter(since="2000-01-01"))
    assert (LAKE, SLV, "LOCATED_IN") not in edges  # only undated evidence: out of any window
    nodes, edges = _exported(store, RelationFilter())
    assert (LAKE, SLV, "LOCATED_IN") in edges
    g = nx.read_gexf(_gexf(store))
    assert "start" not in g.nodes[LAKE]
    store.close()


def _gexf(store) -> io.BytesIO:
    buf = io.BytesIO()
    export(store, "gexf", buf)
    buf.seek(0)
    return buf


def test_two_views_on_one_connection_do_not_collide_and_leave_no_tables(store):
    from newsgraph.exports.source import StoreGraph

    people = StoreGraph(store, RelationFilter(entity_types=["Person"]))
    everything = StoreGraph(store)
    assert (people.number_of_edges(), everything.number_of_edges()) == (2, 7)
    assert len(list(people.edges())) == 2 and len(list(everything.edges())) == 7
    people.release()
    everything.release()
    export(store, "graphml", io.BytesIO())
    assert store.conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0
