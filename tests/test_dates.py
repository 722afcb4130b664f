"""Dates come from the input, never from the day of ingest (issue 12)."""

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from newsgraph import KnowledgeGraph
from newsgraph.cli import app
from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity, ExtractedRelation
from newsgraph.graph.store import Store
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.queries.filters import evidence_date_clause

RUBIO = ("person:marco-rubio", "Marco Rubio", "Person")
SLV = ("country:SLV", "El Salvador", "Country")


def _doc(doc_id: str, published: str | None) -> ExtractedDocument:
    d = ExtractedDocument(id=doc_id, text_length=40, source=f"{doc_id}.txt", title=doc_id, published=published)
    for eid, name, etype in (RUBIO, SLV):
        d.entities.append(ExtractedEntity(id=eid, name=name, type=etype, mentions=1))
        d.mentions.append(EntityMention(eid, name, 0, len(name), 0))
    sentence = "Marco Rubio visited El Salvador."
    d.relations.append(ExtractedRelation(RUBIO[0], SLV[0], "VISITED", "dep", 0.6, sentence, 0, len(sentence), predicate="visit"))
    return d


@pytest.mark.issue(12)
def test_issue_12_an_undated_article_stays_undated(tmp_path):
    store = Store(tmp_path / "ng.db")
    store.add_documents([_doc("d1", None)])
    row = store.conn.execute("SELECT date, ingested_at FROM documents").fetchone()
    assert row["date"] is None and row["ingested_at"]
    assert store.entity(RUBIO[0])["first_seen"] is None
    [visit] = store.connections(RUBIO[0])
    assert visit["first_seen"] is None and visit["evidence"][0]["date"] is None


@pytest.mark.issue(12)
def test_issue_12_dated_and_undated_evidence_keep_the_known_dates(tmp_path):
    store = Store(tmp_path / "ng.db")
    store.add_documents([_doc("d1", "2005-02-03")])
    store.add_documents([_doc("d2", None)])
    store.add_documents([_doc("d3", "2005-01-20")])
    entity = store.entity(RUBIO[0])
    assert (entity["first_seen"], entity["last_seen"]) == ("2005-01-20", "2005-02-03")
    [visit] = store.connections(RUBIO[0])
    assert (visit["first_seen"], visit["last_seen"], visit["weight"]) == ("2005-01-20", "2005-02-03", 3)


@pytest.mark.issue(12)
def test_issue_12_a_date_filter_excludes_undated_evidence(tmp_path):
    store = Store(tmp_path / "ng.db")
    store.add_documents([_doc("dated", "2005-02-03"), _doc("undated", None)])
    rows = lambda flt: [r[0] for r in store.conn.execute(  # noqa: E731
        f"SELECT d.id FROM documents d WHERE {flt[0]} ORDER BY d.id", flt[1])]
    assert rows(evidence_date_clause("d.date", None, None)) == ["dated", "undated"]
    assert rows(evidence_date_clause("d.date", "2005-01-01", None)) == ["dated"]
    assert rows(evidence_date_clause("d.date", None, "2030-12-31")) == ["dated"]
    # the connection and graph filters use that one definition
    assert RelationFilter(until="2030-12-31").date_sql() == evidence_date_clause("d.date", None, "2030-12-31")
    sql, args = RelationFilter(since="2005-01-01").sql()
    assert "IS NOT NULL" in sql and "2005-01-01" in args


@pytest.mark.issue(12)
def test_issue_12_a_store_with_ingest_day_stamps_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    from newsgraph.graph import schema

    for statement in schema.migrations()[0].statements():  # a store of schema version 1
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO documents VALUES ('a', 't', 's', NULL, NULL, NULL, 10, '2026-11-30T10:00:00Z', '2026-11-30')")
    conn.execute("INSERT INTO documents VALUES ('b', 't', 's', NULL, '2005-02-03', NULL, 10, '2026-11-30T10:00:00Z', '2005-02-03')")
    conn.commit()
    conn.close()
    store = Store(path)
    assert dict(store.conn.execute("SELECT id, date FROM documents").fetchall()) == {"a": None, "b": "2005-02-03"}
    store.add_documents([_doc("c", None)])  # the column now takes an undated article
    assert store.conn.execute("SELECT date FROM documents WHERE id='c'").fetchone()[0] is None


def _write_articles(tmp_path):
    lines = [
        {"text": "Marco Rubio visited El Salvador on a trip.", "published": "2005-03-04"},
        {"text": "Nayib Bukele met Marco Rubio in San Salvador.", "date": "2005-03-05"},
        {"text": "Marco Rubio flew to Panama City for talks."},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    return path


@pytest.mark.issue(12)
def test_issue_12_ingest_date_dates_only_the_undated_articles(tmp_path):
    path = _write_articles(tmp_path)
    db = tmp_path / "ng.db"
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db), "--date", "2004-12-31", "--workers", "1"])
    assert result.exit_code == 0, result.output
    with KnowledgeGraph.open(db) as kg:
        dates = sorted(r[0] for r in kg.store.iter_rows("SELECT date FROM documents"))
    assert dates == ["2004-12-31", "2005-03-04", "2005-03-05"]  # the "date" field dates the second line


@pytest.mark.issue(12)
def test_issue_12_ingest_date_must_be_a_date(tmp_path):
    result = CliRunner().invoke(app, ["ingest", str(_write_articles(tmp_path)), "--db", str(tmp_path / "ng.db"), "--date", "March 2005"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [NG103] --date expects a date like 2025-03-10, not 'March 2005'")


@pytest.mark.issue(12)
def test_issue_12_ingest_without_date_leaves_undated_articles_undated(tmp_path):
    db = tmp_path / "ng.db"
    result = CliRunner().invoke(app, ["ingest", str(_write_articles(tmp_path)), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    with KnowledgeGraph.open(db) as kg:
        dates = [r[0] for r in kg.store.iter_rows("SELECT date FROM documents ORDER BY date")]
    assert None in dates and "2005-03-04" in dates
