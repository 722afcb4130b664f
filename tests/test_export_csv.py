"""CSV export: neo4j-admin import headers, rows equal to the store, evidence table, zip form."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from export_fixtures import CONTROL_SENTENCE, RUBIO, UPDATE_GOLDEN, make_store, tiny_graph
from newsgraph.exports import csv as csv_export
from newsgraph.exports.source import StoreGraph

EXPECTED = Path(__file__).parent / "data" / "expected"


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "ng.db")
    yield s
    s.close()


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_headers_are_neo4j_admin_import_headers(store, tmp_path):
    out = tmp_path / "csv"
    csv_export.write_csv(StoreGraph(store), out)
    assert (out / "nodes.csv").read_text().splitlines()[0].split(",") == csv_export.NODE_HEADER
    assert (out / "relationships.csv").read_text().splitlines()[0].split(",") == csv_export.RELATIONSHIP_HEADER
    header = csv_export.NODE_HEADER
    assert header[0] == "id:ID" and ":LABEL" in header and "mentions:int" in header
    rheader = csv_export.RELATIONSHIP_HEADER
    assert rheader[:3] == [":START_ID", ":END_ID", ":TYPE"] and "weight:int" in rheader


def test_rows_match_the_store(store, tmp_path):
    out = tmp_path / "csv"
    csv_export.write_csv(StoreGraph(store), out)
    nodes = _read(out / "nodes.csv")
    assert {n["id:ID"] for n in nodes} == {r[0] for r in store.conn.execute("SELECT id FROM entities")}
    rubio = next(n for n in nodes if n["id:ID"] == RUBIO)
    assert rubio[":LABEL"] == "Entity;Person" and rubio["mentions:int"] == "4" and rubio["aliases:string[]"] == "Rubio"
    rels = _read(out / "relationships.csv")
    stored = {(r["head"], r["tail"], r["type"]): r["weight"] for r in store.conn.execute("SELECT * FROM relations")}
    assert {(r[":START_ID"], r[":END_ID"], r[":TYPE"]): int(r["weight:int"]) for r in rels} == stored
    evidence = _read(out / "evidence.csv")
    assert len(evidence) == store.conn.execute("SELECT count(*) FROM evidence").fetchone()[0]
    [met] = [e for e in evidence if e["type"] == "MET_WITH"]
    assert met["sentence"] == CONTROL_SENTENCE.replace("\x00", "\ufffd").replace("\x07", "\ufffd").replace("\x1b", "\ufffd")
    assert met["date"] == "2025-02-04" and met["title"] == "Article doc2"


def test_zip_to_a_binary_file(store):
    buf = io.BytesIO()
    nodes, edges = csv_export.write_csv(StoreGraph(store), buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as archive:
        assert sorted(archive.namelist()) == ["bylines.csv", "documents.csv", "evidence.csv", "mentions.csv", "nodes.csv", "relationships.csv"]
        rows = list(csv.DictReader(io.TextIOWrapper(archive.open("relationships.csv"), encoding="utf-8")))
    assert (nodes, edges) == (6, 7) and len(rows) == 7


def test_golden_files(tmp_path):
    out = tmp_path / "csv"
    csv_export.write_csv(tiny_graph(), out)
    for name in ("nodes.csv", "relationships.csv", "evidence.csv"):
        path = EXPECTED / f"tiny.{name}"
        if UPDATE_GOLDEN:
            path.write_bytes((out / name).read_bytes())
        assert (out / name).read_bytes() == path.read_bytes()
