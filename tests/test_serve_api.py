"""`newsgraph serve` (issue 17): the JSON API with FastAPI's test client against a real
store (the bundled examples, ingested with the real model), compared with the facade."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import time
import warnings
from pathlib import Path

import httpx
import networkx as nx
import pytest

from floor_support import FLOOR
from newsgraph import KnowledgeGraph
from newsgraph.errors import NotAStore, StoreMissing
from newsgraph.queries.filters import DEFAULT_MIN_CONFIDENCE
from newsgraph.show import EgoOptions

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx vs httpx2
    from fastapi.testclient import TestClient

from newsgraph.serve import create_app

pytestmark = pytest.mark.issue(17)


@pytest.fixture(scope="module")
def served(_examples_db_master):
    return _examples_db_master


@pytest.fixture(scope="module")
def client(served) -> TestClient:
    """The explorer at the 0.5 view the tests below are written on (tests/floor_support.py)."""
    return TestClient(create_app(served, allowed_hosts=["testserver"], min_confidence=FLOOR))


@pytest.fixture(scope="module")
def default_client(served) -> TestClient:
    """The explorer as `newsgraph serve` starts it: at DEFAULT_MIN_CONFIDENCE."""
    return TestClient(create_app(served, allowed_hosts=["testserver"]))


@pytest.fixture(scope="module")
def kg(served):
    with KnowledgeGraph.open(served) as graph:
        yield graph


def error_code(resp) -> str:
    return resp.json()["error"]["code"]


def test_meta_counts_types_and_defaults(client, default_client, kg):
    meta = default_client.get("/api/meta").json()
    stats = kg.stats()
    assert meta["stats"]["entities"] == stats["entities"] and meta["stats"]["relations"] == stats["relations"]
    assert meta["relation_types"] == stats["relations_by_type"]
    assert meta["defaults"]["min_confidence"] == DEFAULT_MIN_CONFIDENCE
    assert client.get("/api/meta").json()["defaults"]["min_confidence"] == FLOOR  # serve --min-confidence
    assert meta["defaults"]["cooccurrence"] is False
    assert meta["read_only"] is True
    assert any(s["source"].endswith("examples/rubio-travels-to-panama.txt") for s in meta["sources"])


def test_search_is_the_cli_resolver(client, kg):
    hits = client.get("/api/search", params={"q": "rubo"}).json()["hits"]
    assert hits[0]["name"] == "Marco Rubio"
    assert hits == [h.to_dict() for h in kg.search("rubo", limit=20)]
    typed = client.get("/api/search", params={"q": "guatemala", "type": "Country"}).json()["hits"]
    assert typed and {h["type"] for h in typed} == {"Country"}
    assert client.get("/api/search", params={"q": "  "}).json()["hits"] == []
    bad = client.get("/api/search", params={"q": "x", "type": "Planet"})
    assert bad.status_code == 400 and error_code(bad) == "NG104"


def test_entity_card_unknown_and_ambiguous(client, examples_db):
    card = client.get("/api/entity", params={"ref": "rubio"}).json()
    assert (card["id"], card["type"], card["aliases"]) == ("person:marco-rubio", "Person", ["Rubio"])
    assert card["first_seen"] and card["last_seen"] and card["mentions"] > 10
    unknown = client.get("/api/entity", params={"ref": "Nobody Atall"})
    assert unknown.status_code == 404 and error_code(unknown) == "NG201"
    # The examples no longer hold two entities of one name (issue 12 typed "Guatemalan law"
    # right): an Organization "Guatemalan" is added beside the Group to make one.
    from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity
    from newsgraph.graph.store import Store

    store = Store(examples_db)
    extra = ExtractedDocument(id="guatemalan-org", text_length=20, source="extra.txt")
    extra.entities.append(ExtractedEntity(id="org:guatemalan", name="Guatemalan", type="Organization", mentions=1))
    extra.mentions.append(EntityMention("org:guatemalan", "Guatemalan", 0, 10, 0))
    store.add_documents([extra])
    store.close()
    ambiguous = TestClient(create_app(examples_db, allowed_hosts=["testserver"])).get(
        "/api/entity", params={"ref": "Guatemalan"})  # a Group and an Organization
    assert ambiguous.status_code == 409 and error_code(ambiguous) == "NG202"
    assert "Group" in ambiguous.json()["error"]["message"] and "Organization" in ambiguous.json()["error"]["message"]


def ego(client, **params):
    resp = client.get("/api/ego", params={"ref": "Marco Rubio", **params})
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_ego_equals_the_show_walk_at_the_cli_default(client, default_client, kg):
    default = ego(default_client)
    expected = kg.ego("Marco Rubio", EgoOptions(min_confidence=DEFAULT_MIN_CONFIDENCE)).graph
    assert {n["id"] for n in default["nodes"]} == set(expected.nodes)
    assert len(default["edges"]) == expected.number_of_edges() >= 1
    assert all(e["confidence"] >= DEFAULT_MIN_CONFIDENCE for e in default["edges"])
    # The same walk at the floor the explorer was started with.
    data = ego(client)
    expected = kg.ego("Marco Rubio", EgoOptions(min_confidence=FLOOR)).graph
    assert {n["id"] for n in data["nodes"]} == set(expected.nodes)
    assert len(data["edges"]) == expected.number_of_edges() > 5
    assert data["center"]["id"] == "person:marco-rubio" and data["nodes"][0]["hop"] == 0
    assert all(e["type"] != "CO_OCCURS_WITH" for e in data["edges"])  # off by default
    assert all(e["confidence"] >= FLOOR for e in data["edges"])
    # Edge ids are stable: an expanded neighbourhood merges into the drawing.
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])
    assert ego(client)["edges"] == data["edges"]
    # The API counts evidence without reading sentences (issue 17): the same counts.
    counts = {(h, k, t): a["evidence_count"] for h, t, k, a in expected.edges(keys=True, data=True)}
    assert {(e["from"], e["type"], e["to"]): e["evidence_count"] for e in data["edges"]} == counts
    assert all(n > 0 for n in counts.values())


def test_ego_filters(client):
    base = ego(client)
    everything = ego(client, min_confidence=0, cooccurrence="true")
    assert any(e["type"] == "CO_OCCURS_WITH" for e in everything["edges"])
    assert len(everything["nodes"]) > len(base["nodes"])
    countries = ego(client, etype="Country")
    assert {n["type"] for n in countries["nodes"][1:]} == {"Country"}
    visited = ego(client, relation="VISITED")
    assert visited["edges"] and {e["type"] for e in visited["edges"]} == {"VISITED"}
    heavy = ego(client, min_weight=2)
    assert heavy["edges"] and all(e["weight"] >= 2 for e in heavy["edges"])
    assert len(heavy["edges"]) < len(base["edges"])
    panama = ego(client, source="rubio-travels-to-panama")
    names = {n["name"] for n in panama["nodes"]}
    # Only the Panama article's edges: fewer neighbours than all sources give (the article
    # names Bukele too: "flew to San Salvador for talks with Nayib Bukele" is a meeting).
    assert "Panama" in names and names < {n["name"] for n in base["nodes"]}
    future = ego(client, since="2099")
    assert (len(future["nodes"]), future["edges"]) == (1, [])
    bad = client.get("/api/ego", params={"ref": "Rubio", "since": "last week"})
    assert bad.status_code == 400 and error_code(bad) == "NG404"
    assert client.get("/api/ego", params={"ref": "Rubio", "depth": 9}).status_code == 400
    two = ego(client, depth=2)
    assert {n["id"] for n in two["nodes"]} > {n["id"] for n in base["nodes"]} and max(n["hop"] for n in two["nodes"]) == 2
    cut = ego(client, max_nodes=3, min_confidence=0, cooccurrence="true")
    assert cut["truncated"] is True and len(cut["nodes"]) == 3


def test_edge_evidence_with_documents(client):
    edge = next(e for e in ego(client)["edges"] if e["type"] == "VISITED" and e["to"] == "country:PAN")
    rel = client.get("/api/relation", params={"head": edge["from"], "type": "VISITED", "tail": edge["to"]}).json()
    assert rel["evidence_count"] == len(rel["evidence"]) == edge["evidence_count"] >= 1
    first = rel["evidence"][0]
    assert "Panama" in first["sentence"]
    assert first["title"] and "examples/" in first["source"] and first["document"] and "date" in first
    missing = client.get("/api/relation", params={"head": "x", "type": "VISITED", "tail": "y"})
    assert missing.status_code == 404 and error_code(missing) == "NG903"


def test_article_lists_mentions_and_relations(client):
    rel = client.get("/api/relation", params={"head": "person:marco-rubio", "type": "VISITED", "tail": "country:PAN"}).json()
    doc = client.get("/api/document", params={"id": rel["evidence"][0]["document"]}).json()
    assert doc["title"].startswith("Rubio travels to Panama")
    assert {e["name"] for e in doc["entities"]} >= {"Marco Rubio", "Panama"}
    assert any(r["type"] == "VISITED" and r["tail"] == "country:PAN" for r in doc["relations"])
    types = {e["id"]: e["type"] for e in doc["entities"]}
    assert doc["mentions"] and all(m["entity"] in types for m in doc["mentions"])
    # The text is kept at ingest and the stored offsets point into it.
    assert doc["text"] and len(doc["text"]) == doc["text_length"]
    assert all(doc["text"][m["start"] : m["end"]] == m["text"] for m in doc["mentions"])
    assert all(doc["text"][r["start"] : r["end"]] == r["sentence"] for r in doc["relations"])
    missing = client.get("/api/document", params={"id": "nope"})
    assert missing.status_code == 404 and error_code(missing) == "NG902"


def test_a_store_of_schema_5_is_migrated_and_its_articles_show_sentences(examples_db):
    """Documents stored before texts were kept (schema 5) have none: the store is migrated
    on open (empty document_texts) and the article says so and offers its sentences."""
    import sqlite3

    conn = sqlite3.connect(examples_db)
    conn.executescript("DROP TABLE document_texts; PRAGMA user_version = 5; UPDATE meta SET value='5' WHERE key='schema_version';")
    conn.close()
    client = TestClient(create_app(examples_db, allowed_hosts=["testserver"]))
    with KnowledgeGraph.open(examples_db, readonly=True) as kg:
        doc_id = kg.store.conn.execute("SELECT id FROM documents ORDER BY id LIMIT 1").fetchone()[0]
        assert kg.store.conn.execute("SELECT count(*) FROM document_texts").fetchone()[0] == 0
    doc = client.get("/api/document", params={"id": doc_id}).json()
    assert doc["text"] is None and doc["relations"] and doc["mentions"]


def test_path_with_hop_evidence(client, kg):
    data = client.get("/api/path", params={"source": "Rubio", "target": "Bukele"}).json()
    assert data == kg.path("Rubio", "Bukele", min_confidence=FLOOR)
    assert data["hops"] == 1 and data["paths"][0]["hops"][0]["evidence"]["sentence"]


def test_cypher_read_only_with_the_cli_errors(client, default_client, kg):
    query = "MATCH (p:Person)-[r:VISITED]->(c:Country) RETURN p.name AS person, c.name AS country"
    resp = client.post("/api/cypher", json={"query": query})
    assert resp.status_code == 200
    assert resp.json() == {"warnings": [], **kg.cypher(query, min_confidence=FLOOR)}
    unknown = client.post("/api/cypher", json={"query": "MATCH (p:Planet) RETURN p.name AS name"}).json()
    assert unknown["rows"] == [] and unknown["warnings"] == kg.cypher("MATCH (p:Planet) RETURN p.name AS name").get("warnings", [])
    # `serve` without --min-confidence: the embedded graph of the default floor, as `cypher` gives it.
    assert default_client.post("/api/cypher", json={"query": query}).json() == {"warnings": [], **kg.cypher(query)}
    assert {"person": "Marco Rubio", "country": "Panama"} in resp.json()["rows"]
    params = client.post("/api/cypher", json={"query": "MATCH (p:Person) WHERE p.name = $n RETURN p.id AS id", "params": {"n": "Marco Rubio"}})
    assert params.json()["rows"] == [{"id": "person:marco-rubio"}]
    write = client.post("/api/cypher", json={"query": "CREATE (p:Person {name: 'X'})"})
    assert write.status_code == 400 and error_code(write) == "NG402"
    broken = client.post("/api/cypher", json={"query": "MATCH (p RETURN p"})
    assert broken.status_code == 400 and error_code(broken).startswith("NG4")
    assert kg.stats()["entities"] == client.get("/api/meta").json()["stats"]["entities"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_of_the_current_view(client, fmt):
    view = ego(client)
    ids = [n["id"] for n in view["nodes"]]
    resp = client.post("/api/export", json={"format": fmt, "entity_ids": ids, "min_confidence": FLOOR})
    assert resp.status_code == 200, resp.text
    assert f'filename="newsgraph-view.{fmt}"' in resp.headers["content-disposition"]
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    graph = reader(io.BytesIO(resp.content))
    assert graph.number_of_nodes() == len(ids)
    # Every drawn edge is exported (GraphML merges parallel edges by default; GEXF keeps them).
    pairs = {(e["from"], e["to"]) for e in view["edges"]}
    exported = {tuple(e) for e in graph.edges()} if fmt == "graphml" else None
    if exported is not None:
        assert pairs <= exported | {(b, a) for a, b in exported}
    bad = client.post("/api/export", json={"format": "pdf", "entity_ids": ids})
    assert bad.status_code == 400 and error_code(bad) == "NG901"


def test_static_files_headers_and_hosts(client, served):
    page = client.get("/")
    assert page.status_code == 200 and "serve.js" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/vis-network.min.js").status_code == 200
    for path in ("/static/../kg.py", "/static/%2e%2e/kg.py", "/static/..%2fkg.py", "/static//etc/passwd"):
        assert client.get(path).status_code == 404, path
    spec = client.get("/api/openapi.json").json()
    assert {"/api/search", "/api/ego", "/api/relation", "/api/document", "/api/path", "/api/cypher", "/api/export"} <= set(spec["paths"])
    assert client.get("/api").status_code == 200
    local = TestClient(create_app(served))  # localhost: other host names are refused (DNS rebinding)
    assert local.get("/api/meta", headers={"host": "127.0.0.1:8765"}).status_code == 200
    assert local.get("/api/meta", headers={"host": "attacker.example"}).status_code == 400


def test_no_endpoint_writes(client, served):
    before = served.stat().st_mtime_ns, KnowledgeGraph.open(served).stats()
    for method, path in [("put", "/api/entity"), ("delete", "/api/entity"), ("post", "/api/search"), ("patch", "/api/ego")]:
        assert getattr(client, method)(path).status_code == 405
    assert KnowledgeGraph.open(served).stats() == before[1]


def test_a_missing_or_foreign_store_is_refused(tmp_path):
    with pytest.raises(StoreMissing):
        create_app(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()
    (tmp_path / "empty.db").write_bytes(b"")
    with pytest.raises(NotAStore):
        create_app(tmp_path / "empty.db")
    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 1 and "[NG302]" in result.output
    assert not (tmp_path / "nope.db").exists()


def test_the_cli_serves_and_warns_off_localhost(served, tmp_path):
    """A real server process: on 0.0.0.0 it says loudly that the graph is exposed, and answers."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", str(served), "--host", "0.0.0.0", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "300"},
    )
    try:
        err = ""
        deadline = time.monotonic() + 30
        while "Ctrl+C" not in err and time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stderr], [], [], 1)
            if ready:  # raw reads: a buffered readline could keep lines select() cannot see
                err += os.read(proc.stderr.fileno(), 65536).decode("utf-8", "replace")
        assert "WARNING: listening on 0.0.0.0, not localhost" in err
        assert "There is no login" in err
        port = int(err.split("newsgraph explorer on http://0.0.0.0:")[1].split("/")[0])
        assert port > 0
        assert httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=10).json()["read_only"] is True
        # The port is taken now: a second server says so in one coded line.
        busy = subprocess.run([sys.executable, "-m", "newsgraph", "serve", "--db", str(served), "--port", str(port)],
                              capture_output=True, text=True, timeout=60)
        assert busy.returncode == 1 and "[NG905]" in busy.stderr and "Traceback" not in busy.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_edits_are_off_by_default(client):
    meta = client.get("/api/meta").json()
    assert (meta["allow_edits"], meta["csrf_token"]) == (False, None)
    for path, body in [("/api/edit/reject", {"relation_id": 1}), ("/api/edit/merge", {"entities": ["a", "b"]})]:
        resp = client.post(path, json=body, headers={"X-Newsgraph-CSRF": "anything"})
        assert resp.status_code == 403 and error_code(resp) == "NG904"


def test_edits_with_allow_edits_need_the_csrf_token_and_go_through_the_cli_log(examples_db):
    editor = TestClient(create_app(examples_db, allowed_hosts=["testserver"], allow_edits=True, min_confidence=FLOOR))
    meta = editor.get("/api/meta").json()
    token = meta["csrf_token"]
    assert meta["allow_edits"] is True and len(token) > 20
    edge = next(e for e in ego(editor)["edges"] if e["type"] == "VISITED" and e["to"] == "country:PAN")
    rel = editor.get("/api/relation", params={"head": edge["from"], "type": "VISITED", "tail": edge["to"]}).json()
    body = {"relation_id": rel["id"], "note": "wrong"}
    refused = [
        editor.post("/api/edit/reject", json=body),  # no token
        editor.post("/api/edit/reject", json=body, headers={"X-Newsgraph-CSRF": token[:-1] + "x"}),
        editor.post("/api/edit/reject", json=body, headers={"X-Newsgraph-CSRF": token, "Origin": "http://attacker.example"}),
    ]
    assert [(r.status_code, error_code(r)) for r in refused] == [(403, "NG904")] * 3
    assert edge["id"] in {e["id"] for e in ego(editor)["edges"]}
    done = editor.post("/api/edit/reject", json=body, headers={"X-Newsgraph-CSRF": token, "Origin": "http://testserver"})
    assert done.status_code == 200, done.text
    assert done.json()["correction"]["op"] == "reject"
    assert edge["id"] not in {e["id"] for e in ego(editor)["edges"]}
    # A merge, the CLI's code path: Bukele's card now answers for both.
    merged = editor.post("/api/edit/merge", json={"entities": ["country:SLV", "person:nayib-bukele"], "note": "test"},
                         headers={"X-Newsgraph-CSRF": token})
    assert merged.status_code == 200 and merged.json()["correction"]["op"] == "merge"
    with KnowledgeGraph.open(examples_db) as kg:
        log = kg.corrections()
        assert [c.op for c in log] == ["reject", "merge"] and log[0].note == "wrong"
        assert kg.resolve("El Salvador") == "person:nayib-bukele"
