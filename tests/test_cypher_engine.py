"""The embedded engine's pieces: the pinned KGLite, the graph built from the store, its
verified file beside the store, the guards."""

import importlib.metadata
import os

import pytest

from newsgraph.errors import UnsupportedQuery
from newsgraph.graph.store import Store
from newsgraph.queries.cypher import engine, guards
from newsgraph.queries.cypher import graph as cgraph
from newsgraph.queries.cypher.run import run_cypher
from floor_support import FLOOR
from queries_sample import build_sample_store, documents


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path / "user-cache"))
    s = Store(build_sample_store(tmp_path / "ng.db"))
    cgraph.clear_memory()
    yield s
    s.close()
    cgraph.clear_memory()


@pytest.mark.issue(13)
def test_kglite_is_the_pinned_version():
    """queries/cypher/engine.py relies on KGLite's behaviour; an upgrade must go through
    the parity suite (tests/test_cypher_parity.py) and then move this pin."""
    assert importlib.metadata.version("kglite") == engine.KGLITE_VERSION
    assert engine.kglite.__version__ == engine.KGLITE_VERSION


@pytest.mark.issue(13)
def test_graph_is_the_push_graph(store):
    result = run_cypher(store, "MATCH (n) RETURN labels(n) AS l, count(*) AS c")
    labels = {tuple(sorted(r["l"])): r["c"] for r in result["rows"]}
    assert labels[("Entity", "Person")] == 4 and labels[("Document",)] == 5
    result = run_cypher(store, "MATCH (d:Document)-[m:MENTIONS]->(e:Entity) RETURN count(m) AS c, min(m.count) AS lo")
    assert result["rows"][0]["c"] > 0 and result["rows"][0]["lo"] >= 1


@pytest.mark.issue(13)
def test_file_beside_the_store_is_reused_until_the_data_changes(store):
    _, info = cgraph.embedded_graph(store)
    assert info.source == "built" and info.path is not None and info.path.exists()
    assert not list(store.path.parent.glob("*.pickle"))
    cgraph.clear_memory()
    _, again = cgraph.embedded_graph(store)
    assert again.source == "file"
    _, mem = cgraph.embedded_graph(store)
    assert mem.source == "memory"
    doc = documents()[0]
    doc.id = "another-document"
    store.add_documents([doc])
    _, after = cgraph.embedded_graph(store)
    assert after.source == "built" and after.path != info.path
    assert not info.path.exists()  # the older version's file is gone
    assert run_cypher(store, "MATCH (d:Document {id: 'another-document'}) RETURN count(d) AS c")["rows"] == [{"c": 1}]


@pytest.mark.issue(14)
def test_a_planted_file_is_never_loaded(store, tmp_path):
    """A file beside the store with the right name but no valid signature of this user's
    (planted, shipped with the database, or left by another user) is not opened: the
    graph is built from the store and the file replaced."""
    path = cgraph.cache_path(store)
    marker = tmp_path / "executed"
    # A pickle that would run code if anything unpickled it, and a signature made up.
    import pickle

    class Boom:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    path.write_bytes(pickle.dumps(Boom()))
    path.with_name(path.name + ".sig").write_text("0" * 64 + "\n")
    result = run_cypher(store, "MATCH (n:Person) RETURN count(n) AS c")
    assert result["rows"] == [{"c": 4}]
    assert not marker.exists()
    assert path.read_bytes()[:2] != pickle.dumps(Boom())[:2]  # replaced by a real graph file
    # A valid-looking graph file for another store's key is not trusted either.
    cgraph.clear_memory()
    sig = path.with_name(path.name + ".sig")
    sig.write_text("f" * 64 + "\n")
    _, info = cgraph.embedded_graph(store)
    assert info.source == "built"


@pytest.mark.issue(14)
def test_unwritable_folder_keeps_the_graph_in_memory(store, monkeypatch):
    monkeypatch.setattr(cgraph, "_save", lambda *a: False)
    _, info = cgraph.embedded_graph(store)
    assert info.source == "built" and info.path is None


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n) RETURN n.name",
        "MATCH (n) WHERE n.type = 'Person' RETURN count(n)",
        "MATCH (e:Entity) RETURN e.title",
        "MATCH (d:Document) RETURN d.name",
        "MATCH (n:Entity) RETURN n.label",
        "MATCH (n) RETURN n {.name}",
        "MATCH (n {name: 'x'}) RETURN count(n)",
        "MATCH (n:Person) WITH n AS m RETURN m.name",
        "MATCH (n) RETURN n['title']",
        "MATCH p = (a:Person)-[]->(b) RETURN nodes(p)[1].name",
    ],
)
def test_virtual_keys_are_refused_where_they_could_be_wrong(query):
    with pytest.raises(UnsupportedQuery):
        guards.check_embedded(query)


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n:Person) RETURN n.name, n.type",
        "MATCH (d:Document) RETURN d.title",
        "MATCH (d:Document)-[:MENTIONS]->(e) RETURN d.title, e.name",
        "MATCH (p:Person)-[r]->(o) RETURN r.title, r.type, o.name",
        "MATCH (n:Entity {name: 'x'}) RETURN n {.name, .type}",
        "MATCH (a:Person)-[:MET_WITH]-(b) RETURN b.name",
        "MATCH (p:Person) WHERE p.name STARTS WITH 'M' RETURN p.name",
        "MATCH (n:Person) RETURN n.name AS title",
    ],
)
def test_stored_keys_pass(query):
    guards.check_embedded(query)


@pytest.mark.issue(13)
def test_build_is_batched_and_reports_progress(store):
    seen = []
    graph = cgraph.build(store, lambda phase, done, total: seen.append((phase, done, total)), batch=2, min_confidence=FLOOR)
    phases = {p for p, _, _ in seen}
    assert phases == {"entities", "documents", "mentions", "bylines", "relations"}
    for phase in phases:
        last = [s for s in seen if s[0] == phase][-1]
        assert last[1] == last[2]  # all rows of the phase went in
    assert len([s for s in seen if s[0] == "relations"]) > 2  # in several batches
    assert graph.read_only()


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "query, expected",
    [
        # Conditions on both ends of one relationship (grand-cypher gave no rows).
        ("MATCH (a:Person)-[r]->(b:Country) WHERE a.name = 'Marco Rubio' AND b.name = 'Mexico' RETURN type(r) AS t ORDER BY t",
         [{"t": "VISITED"}]),
        # Null semantics.
        ("MATCH (n:Entity) WHERE n.iso3 = null RETURN count(n) AS c", [{"c": 0}]),
        ("MATCH ()-[r:HOLDS_ROLE]->() WHERE r.title <> 'President' RETURN count(r) AS c", [{"c": 1}]),
        # Relationship uniqueness: a relationship is not walked twice in one pattern.
        ("MATCH (a)-[:MET_WITH]-(b)-[:MET_WITH]-(a) RETURN count(*) AS c", [{"c": 0}]),
        # size() of a variable-length relationship list.
        ("MATCH (p:Person {name: 'Marco Rubio'})-[r:MET_WITH|HOLDS_ROLE*2..2]->(c:Country {iso3: 'SLV'}) RETURN size(r) AS n", [{"n": 2}]),
        # Documents and MENTIONS exist.
        ("MATCH (d:Document)-[:MENTIONS]->(:Person {name: 'Marco Rubio'}) RETURN count(d) AS c", [{"c": 2}]),
    ],
)
def test_the_issue_s_wrong_answers_are_right(store, query, expected):
    assert run_cypher(store, query, min_confidence=FLOOR)["rows"] == expected


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "query",
    [
        "MATCH (d)-[:WRITTEN_BY]->(p:Person) RETURN d.name",  # d is a document: 'name' is KGLite's title
        "MATCH (p:Person)<-[:WRITTEN_BY]-(d) RETURN d.type",
    ],
)
def test_document_keys_after_written_by_are_refused(query):
    with pytest.raises(UnsupportedQuery):
        guards.check_embedded(query)


@pytest.mark.issue(18)
def test_entity_keys_at_the_end_of_written_by_pass():
    guards.check_embedded("MATCH (d)-[:WRITTEN_BY]->(p) RETURN p.name, d.title")
