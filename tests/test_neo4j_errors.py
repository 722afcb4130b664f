"""Neo4j failures that need no server: a closed port, a bad URI, a bad relation type.
Each is one coded line on stderr and exit 1."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import Neo4jSchemaError, Neo4jUnavailable
from newsgraph.graph.model import ExtractedDocument, ExtractedEntity, ExtractedRelation
from newsgraph.graph.neo4j_sync import push
from newsgraph.graph.store import Store
from newsgraph.queries.cypher_neo4j import run_cypher


@pytest.fixture
def closed_port_uri() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"bolt://127.0.0.1:{port}"  # nothing listens there any more


def _store(path: Path, relation_type: str = "VISITED") -> Path:
    store = Store(path)
    doc = ExtractedDocument(id="d1", text_length=40, source="t.txt", title="T")
    doc.entities = [
        ExtractedEntity(id="person:ana-gomez", name="Ana Gomez", type="Person", mentions=1),
        ExtractedEntity(id="country:PER", name="Peru", type="Country", mentions=1, iso3="PER"),
    ]
    doc.relations = [
        ExtractedRelation(head="person:ana-gomez", tail="country:PER", type=relation_type, method="dep",
                          confidence=0.6, sentence="Ana Gomez visited Peru.", start=0, end=23, predicate="visit")
    ]
    store.add_documents([doc])
    store.close()
    return path


def test_push_to_closed_port_is_one_line(tmp_path, closed_port_uri):
    db = _store(tmp_path / "ng.db")
    result = CliRunner().invoke(app, ["neo4j", "push", "--db", str(db), "--uri", closed_port_uri])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: [NG501] Cannot reach Neo4j at {closed_port_uri}: ")
    assert result.stderr.count("\n") == 1


def test_run_cypher_closed_port_raises_coded_error(closed_port_uri):
    with pytest.raises(Neo4jUnavailable) as info:
        run_cypher(closed_port_uri, "RETURN 1")
    assert str(info.value).startswith("[NG501]")


def test_cypher_cli_closed_port(closed_port_uri):
    result = CliRunner().invoke(app, ["cypher", "RETURN 1", "--neo4j", closed_port_uri])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: [NG501] Cannot reach Neo4j at {closed_port_uri}: ")


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "localhost:7687", "bolt://"])
def test_bad_uri_is_one_line(tmp_path, uri):
    db = _store(tmp_path / "ng.db")
    result = CliRunner().invoke(app, ["neo4j", "push", "--db", str(db), "--uri", uri])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: [NG506] Bad Neo4j URI {uri!r}: use one of bolt://")
    assert result.stderr.count("\n") == 1


def test_unsafe_relation_type_is_refused_before_connecting(tmp_path, closed_port_uri):
    db = _store(tmp_path / "ng.db", relation_type="VISITED]->() DETACH DELETE (")
    store = Store(db)
    with pytest.raises(Neo4jSchemaError) as info:
        push(store, closed_port_uri)  # checked before any connection: no NG501
    store.close()
    assert str(info.value).startswith("[NG507] Cannot push relation type 'VISITED]->() DETACH DELETE ('")
