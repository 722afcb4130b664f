"""The embedded Cypher engine's pieces: rewriting, the part of the graph built, the cache."""

import pytest

from newsgraph.errors import QueryError
from newsgraph.graph.store import Store
from newsgraph.queries import cypher_embedded as ce
from queries_sample import build_sample_store, documents


@pytest.fixture
def store(tmp_path):
    s = Store(build_sample_store(tmp_path / "ng.db"))
    ce.clear_cache()
    yield s
    s.close()


def spec_of(query):
    return ce.graph_spec(ce._parse(ce.prepare(query).text))


def test_prepare_names_columns_as_written_and_substitutes_params():
    p = ce.prepare("MATCH (n:Person {name: $n}) RETURN n.name, count(n) AS c ORDER BY c", {"n": "O'Neil \"Tip\""})
    assert p.columns == ["n.name", "c"]
    assert '{name: "O\'Neil \\"Tip\\""}' in p.text
    assert "COUNT(n) AS c" in p.text


def test_param_lists_numbers_and_null():
    p = ce.prepare("MATCH (n) WHERE n.name IN $names AND n.mentions > $m RETURN n.name", {"names": ["A", "B"], "m": 2.5})
    assert 'IN ["A", "B"]' in p.text and "> 2.5" in p.text


def test_graph_spec_restricts_to_named_labels_and_types():
    spec = spec_of("MATCH (p:Person)-[:VISITED]->(c:Country) RETURN p.name")
    assert spec == ce.GraphSpec(entity_types=("Country", "Person"), relation_types=("VISITED",), isolated=False)
    assert spec_of("MATCH (p:Person)-[r]->(c) RETURN p.name").entity_types is None
    assert spec_of("MATCH (p:Person)-[r]->(c:Country) RETURN p.name").relation_types is None
    assert spec_of("MATCH (p:Person) RETURN p.name").isolated
    assert spec_of("MATCH (p:Person)-[:VISITED*1..2]->(c:Country) RETURN p.name").entity_types is None


def test_partial_graph_holds_only_what_the_query_needs(store):
    g, info = ce.cached_graph(store, spec_of("MATCH (p:Person)-[:VISITED]->(c:Country) RETURN p.name"))
    assert info.source == "built"
    assert {d["type"] for _, _, d in g.edges(data=True)} == {"VISITED"}
    assert set(g.nodes) == {"person:marco-rubio", "country:SLV", "country:MEX"}
    g, _ = ce.cached_graph(store, spec_of("MATCH (p:Person)-[:VISITED]->(c:Country) MATCH (l:Location) RETURN p.name"))
    assert "location:lake-atitlan" in g  # a lone node pattern can match an entity without relations


def test_cache_is_reused_until_the_store_changes(store):
    spec = spec_of("MATCH (p:Person)-[:MET_WITH]->(c:Person) RETURN p.name")
    g1, info1 = ce.cached_graph(store, spec)
    g2, info2 = ce.cached_graph(store, spec)
    assert (info1.source, info2.source) == ("built", "memory") and g1 is g2
    doc = documents()[0]
    doc.id = "another-document"
    store.add_documents([doc])
    g3, info3 = ce.cached_graph(store, spec)
    assert info3.source == "built"
    assert g3["person:marco-rubio"]["person:nayib-bukele"]["MET_WITH"]["weight"] == 2


def test_pickle_cache_beside_the_db(store, monkeypatch):
    monkeypatch.setattr(ce, "PICKLE_MIN_EDGES", 1)
    spec = spec_of("MATCH (p:Person)-[r]->(c) RETURN p.name")
    g1, _ = ce.cached_graph(store, spec)
    files = list(store.path.parent.glob("ng.db.nxcache-*.pickle"))
    assert len(files) == 1
    ce.clear_cache()
    g2, info = ce.cached_graph(store, spec)
    assert info.source == "pickle"
    assert sorted(g2.edges(keys=True)) == sorted(g1.edges(keys=True))
    doc = documents()[1]
    doc.id = "yet-another"
    store.add_documents([doc])
    ce.clear_cache()
    _, info = ce.cached_graph(store, spec)
    assert info.source == "built"
    assert len(list(store.path.parent.glob("ng.db.nxcache-*.pickle"))) == 1  # the stale one is gone


def test_a_new_store_at_the_same_path_and_version_does_not_reuse_the_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(ce, "PICKLE_MIN_EDGES", 1)
    ce.clear_cache()
    spec = ce.GraphSpec(None, None, True)
    path = tmp_path / "ng.db"
    a = Store(build_sample_store(path))
    ga, _ = ce.cached_graph(a, spec)
    a.close()
    for f in tmp_path.glob("ng.db*"):
        if "nxcache" not in f.name:
            f.unlink()
    b = Store(path)
    b.add_documents(documents()[:1])
    assert b.data_version() == "1"
    gb, info = ce.cached_graph(b, spec)
    assert info.source == "built" and gb.number_of_nodes() < ga.number_of_nodes()
    b.close()


def test_unterminated_string():
    with pytest.raises(QueryError, match="unterminated string"):
        ce.prepare("MATCH (n {name: 'Rubio}) RETURN n")


def test_partial_build_by_id_gives_the_same_graph_as_a_scan(store, monkeypatch):
    from newsgraph.graph import nxview

    flt = nxview.GraphFilter(relation_types=["HOLDS_ROLE", "FROM"], entity_types=["Person", "Country", "Group"])
    monkeypatch.setattr(nxview, "_selective", lambda *a: False)
    scanned = nxview.build_graph(store, flt)
    monkeypatch.setattr(nxview, "_selective", lambda *a: True)
    fetched = nxview.build_graph(store, flt)
    assert list(fetched.nodes(data=True)) == list(scanned.nodes(data=True))
    assert list(fetched.edges(keys=True, data=True)) == list(scanned.edges(keys=True, data=True))
    assert scanned.number_of_edges() == 5 and scanned.nodes["person:marco-rubio"]["aliases"] == ["Rubio", "Secretary Rubio"]


PINNED = [
    "MATCH (p:Person {name: 'Marco Rubio'})-[r]->(o) RETURN type(r) AS rel, o.name AS other ORDER BY rel, other",
    "MATCH (p {name: 'Marco Rubio'})-[r:MET_WITH]->(o:Person) MATCH (x:Person)-[s:MET_WITH]->(o) RETURN o.name, x.name ORDER BY o.name, x.name",
    "MATCH (p:Country {name: 'Marco Rubio'})-[r]->(o) RETURN o.name",
    "MATCH (p:Person {name: 'Nobody'})-[r]->(o) RETURN o.name",
    "MATCH (p:Person {id: 'person:nayib-bukele'})<-[r]-(o:Person) RETURN o.name ORDER BY o.name",
    "MATCH (p:Person {name: 'Marco Rubio', mentions: 2})-[r:VISITED]->(c {iso3: 'MEX'}) RETURN c.name",
    "MATCH (p:Person {name: 'Marco Rubio', mentions: 3})-[r:VISITED]->(c) RETURN c.name",
    "MATCH (p:Person {name: 'Nobody'})-[r]->(o) RETURN count(o) AS n",
    "MATCH (p:Person {name: 'Marco Rubio'})-[r]->(o) RETURN count(o) AS n",
]


@pytest.mark.parametrize("query", PINNED)
def test_pinned_node_hints_give_the_same_rows(store, monkeypatch, query):
    fast = ce.run_cypher(store, query, use_pickle=False)
    monkeypatch.setattr(ce, "pinned_hints", lambda graph, tree: None)
    ce.clear_cache()
    slow = ce.run_cypher(store, query, use_pickle=False)
    assert fast == slow


def test_pinned_hints_are_exact(store):
    g, _ = ce.cached_graph(store, ce.GraphSpec(None, None, True), use_pickle=False)
    tree = ce._parse(ce.prepare("MATCH (p:Person {name: 'Marco Rubio'})-[r]->(c {iso3: 'MEX'}) RETURN c.name").text)
    assert ce.pinned_hints(g, tree) == [{"p": "person:marco-rubio", "c": "country:MEX"}]
    tree = ce._parse(ce.prepare("MATCH (p:Country {name: 'Marco Rubio'})-[r]->(c) RETURN c.name").text)
    assert ce.pinned_hints(g, tree) == []
    tree = ce._parse(ce.prepare("MATCH (p:Person)-[r*1..2]->(c {name: 'Mexico'}) RETURN c.name").text)
    assert ce.pinned_hints(g, tree) is None


def test_aggregating_nothing_is_one_row_as_in_neo4j(store):
    q = "MATCH (p:Person {name: 'Nobody'})-[r]->(o) RETURN count(o) AS n, sum(r.weight) AS w, collect(o.name) AS names, max(r.weight) AS top"
    assert ce.run_cypher(store, q)["rows"] == [{"n": 0, "w": 0, "names": [], "top": None}]
    assert ce.run_cypher(store, "MATCH (p:Person {name: 'Nobody'})-[r]->(o) RETURN o.name, count(r)")["rows"] == []
    assert ce.run_cypher(store, "MATCH (p:Group)-[r:FROM]->(o) RETURN count(*)") == {"columns": ["count(*)"], "rows": [{"count(*)": 1}]}


def test_both_ways_graph_is_cached_apart_and_holds_every_relation_twice(store):
    one, _ = ce.cached_graph(store, ce.GraphSpec(None, ("MET_WITH",), False), use_pickle=False)
    both, info = ce.cached_graph(store, ce.GraphSpec(None, ("MET_WITH",), False, both_ways=True), use_pickle=False)
    assert info.source == "built"
    assert both.number_of_edges() == 2 * one.number_of_edges() == 6
    assert both["person:nayib-bukele"]["person:marco-rubio"]["MET_WITH~reversed"]["weight"] == 1
