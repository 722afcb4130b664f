"""Issue 18: the page metadata the readers find is stored and shown: modified date, site
name and declared language next to title, URL and published date; through the direct
ingest, the extracted-document JSON Lines (``extract --jsonl`` / ``ingest
--from-extracted``), the article reads, the CSV export and the Cypher graph's Document
nodes; and a store of schema version 7 upgrades without losing a row. Real pages, feeds
and stores the tests write themselves."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.extract.readers import RawArticle, iter_articles
from newsgraph.graph import articles, schema
from newsgraph.graph.store import Store

from neo4j_support import cypher, neo4j_server, push_db  # noqa: F401

pytestmark = pytest.mark.issue(18)

runner = CliRunner()
BODY = ("<article><h1>{title}</h1><p>Marco Rubio met Nayib Bukele in San Salvador on Monday. "
        "The two leaders discussed security and migration.</p></article>")
NEW_COLUMNS = ("modified", "site_name", "language")


def write_pages(folder: Path) -> Path:
    folder.mkdir()
    # every field in the publisher's metadata
    (folder / "full.html").write_text(
        '<html lang="en-GB"><head><meta property="og:site_name" content="The Meridian Post">'
        '<meta property="og:url" content="https://meridianpost.example/rubio-bukele">'
        '<meta property="article:published_time" content="2025-02-03T09:00:00Z">'
        '<meta property="article:modified_time" content="2025-02-04T16:30:00Z"></head><body>'
        + BODY.format(title="Rubio meets Bukele") + "</body></html>", encoding="utf-8")
    # JSON-LD only, no published date: the modified day is the document's date
    (folder / "modified-only.html").write_text(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rubio back in '
        'San Salvador", "dateModified": "2025-06-10T08:00:00Z", "publisher": {"@type": "Organization", '
        '"name": "Wire Daily"}, "inLanguage": "en-US"}</script></head><body>'
        + BODY.format(title="Again").replace("Monday", "Tuesday") + "</body></html>", encoding="utf-8")
    # nothing declared: the columns stay empty
    (folder / "bare.html").write_text(
        "<html><body>" + BODY.format(title="Bare").replace("Monday", "Friday") + "</body></html>", encoding="utf-8")
    return folder


def doc_rows(db: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(db)
    try:
        return {Path(r[0]).name: tuple(r[1:]) for r in conn.execute(
            "SELECT source, title, url, published, date, modified, site_name, language FROM documents")}
    finally:
        conn.close()


def test_page_metadata_is_stored_and_dates_fall_back_to_modified(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    db = tmp_path / "kg.db"
    result = runner.invoke(app, ["ingest", str(pages), "--db", str(db), "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    rows = doc_rows(db)
    assert rows["full.html"] == ("Rubio meets Bukele", "https://meridianpost.example/rubio-bukele",
                                 "2025-02-03T09:00:00+00:00", "2025-02-03", "2025-02-04T16:30:00+00:00",
                                 "The Meridian Post", "en")
    # published stays empty (the input gave none); the date, which --since/--until and
    # first/last seen read, is the modified day: the latest the article can have appeared
    assert rows["modified-only.html"][2:] == (None, "2025-06-10", "2025-06-10T08:00:00+00:00", "Wire Daily", "en")
    assert rows["bare.html"][2:] == (None, None, None, None, None)

    def evidence_dates(*window: str) -> set[str]:
        out = runner.invoke(app, ["connections", "Marco Rubio", "--db", str(db), "--json", "--min-confidence", "0",
                                  *window])
        assert out.exit_code == 0, out.output
        return {e["date"] for c in json.loads(out.stdout)["connections"] for e in c["evidence"]}

    assert evidence_dates("--since", "2025-06-01") == {"2025-06-10"}
    assert evidence_dates("--until", "2025-03-01") == {"2025-02-03"}


def test_page_metadata_is_shown_in_article_reads_csv_and_cypher(tmp_path: Path) -> None:
    db = tmp_path / "kg.db"
    assert runner.invoke(app, ["ingest", str(write_pages(tmp_path / "pages")), "--db", str(db), "--workers", "1"]
                         ).exit_code == 0
    store = Store(db, readonly=True)
    try:
        ids = {Path(r[1]).name: r[0] for r in store.conn.execute("SELECT id, source FROM documents")}
        full = articles.document(store, ids["full.html"])
        assert full is not None
        assert (full["published"], full["modified"], full["site_name"], full["language"]) == (
            "2025-02-03T09:00:00+00:00", "2025-02-04T16:30:00+00:00", "The Meridian Post", "en")
        refs = articles.documents(store, list(ids.values()))
        assert refs[ids["modified-only.html"]] | {"source": None} == {
            "id": ids["modified-only.html"], "title": "Rubio back in San Salvador", "date": "2025-06-10", "url": None,
            "source": None, "published": None, "modified": "2025-06-10T08:00:00+00:00", "site_name": "Wire Daily",
            "language": "en"}
    finally:
        store.close()

    archive = tmp_path / "csv.zip"
    assert runner.invoke(app, ["export", "csv", "-o", str(archive), "--db", str(db)]).exit_code == 0
    with zipfile.ZipFile(archive) as z:
        docs = list(csv.DictReader(io.StringIO(z.read("documents.csv").decode("utf-8"))))
    by_id = {d["id:ID"]: d for d in docs}
    assert {k: by_id[ids["full.html"]][k] for k in ("published", "date", *NEW_COLUMNS)} == {
        "published": "2025-02-03T09:00:00+00:00", "date": "2025-02-03", "modified": "2025-02-04T16:30:00+00:00",
        "site_name": "The Meridian Post", "language": "en"}
    assert {k: by_id[ids["bare.html"]][k] for k in NEW_COLUMNS} == {"modified": "", "site_name": "", "language": ""}

    # the embedded Cypher graph has the Document properties a Neo4j push writes
    result = runner.invoke(app, ["cypher", "MATCH (d:Document) WHERE d.site_name IS NOT NULL "
                                 "RETURN d.site_name AS site, d.modified AS modified, d.language AS lang ORDER BY site",
                                 "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rows"] == [
        {"site": "The Meridian Post", "modified": "2025-02-04T16:30:00+00:00", "lang": "en"},
        {"site": "Wire Daily", "modified": "2025-06-10T08:00:00+00:00", "lang": "en"}]


def test_extracted_lines_carry_the_metadata_to_the_same_store(tmp_path: Path) -> None:
    corpus = tmp_path / "articles.jsonl"
    text = "Marco Rubio met Nayib Bukele in San Salvador on Monday. The two leaders discussed security."
    corpus.write_text("\n".join(json.dumps(row) for row in [
        {"id": "a", "text": text, "published": "2025-02-03", "modified": "2025-02-05T10:00:00Z",
         "site_name": "  The   Meridian Post ", "language": "en-GB"},
        {"id": "b", "text": text.replace("Monday", "Friday"), "modified": "2025-03-01"},
    ]) + "\n", encoding="utf-8")
    extracted = runner.invoke(app, ["extract", "--jsonl", str(corpus), "--workers", "1"])
    assert extracted.exit_code == 0, extracted.stderr
    lines = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert [(d["modified"], d["site_name"], d["language"]) for d in lines] == [
        ("2025-02-05T10:00:00+00:00", "The Meridian Post", "en"), ("2025-03-01", None, None)]
    out = tmp_path / "extracted.jsonl"
    out.write_text(extracted.stdout, encoding="utf-8")
    merged = runner.invoke(app, ["ingest", "--from-extracted", str(out), "--db", str(tmp_path / "merged.db")])
    direct = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "direct.db"), "--workers", "1"])
    assert merged.exit_code == 0 and direct.exit_code == 0, (merged.output, direct.output)
    assert doc_rows(tmp_path / "merged.db") == doc_rows(tmp_path / "direct.db")
    assert doc_rows(tmp_path / "merged.db")["articles.jsonl:2"][3:] == ("2025-03-01", "2025-03-01", None, None)

    # a line from elsewhere with a metadata field of the wrong type is refused, that line only
    bad = dict(lines[0], site_name=5)
    out.write_text(json.dumps(bad) + "\n" + json.dumps(lines[1]) + "\n", encoding="utf-8")
    refused = runner.invoke(app, ["ingest", "--from-extracted", str(out), "--db", str(tmp_path / "other.db"), "--json"])
    assert refused.exit_code == 1
    assert "site_name: must be a string, not a number" in refused.stderr


def test_feeds_give_site_name_and_modified(tmp_path: Path) -> None:
    item = "<p>Marco Rubio met Nayib Bukele in San Salvador on Monday.</p>"
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>The Meridian Post - World</title><link>https://meridianpost.example</link>"
        f"<item><title>Rubio meets Bukele</title><link>https://meridianpost.example/a</link>"
        f"<pubDate>Mon, 03 Feb 2025 09:00:00 GMT</pubDate><content:encoded><![CDATA[{item}]]></content:encoded>"
        "</item></channel></rss>", encoding="utf-8")
    (tmp_path / "feed.atom").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Daily</title>'
        '<entry><title>Rubio again</title><link href="https://wire.example/b"/>'
        "<published>2025-02-03T09:00:00Z</published><updated>2025-02-06T12:00:00Z</updated>"
        f'<content type="html"><![CDATA[{item}]]></content></entry></feed>', encoding="utf-8")
    found = {Path(a.source.split(":")[0]).name: a for a in iter_articles([tmp_path]) if isinstance(a, RawArticle)}
    assert (found["feed.rss"].site_name, found["feed.rss"].modified) == ("The Meridian Post - World", None)
    assert (found["feed.atom"].site_name, found["feed.atom"].modified) == ("Wire Daily", "2025-02-06T12:00:00+00:00")


def test_a_store_of_schema_7_upgrades_and_keeps_every_row(tmp_path: Path) -> None:
    """A real store brought back to version 7 (the columns of migration 8 dropped, the header
    saying 7): every command's open upgrades it, every row and value stays, the new columns
    are empty for the old documents and filled for the next ingest."""
    pages = write_pages(tmp_path / "pages")
    db = tmp_path / "old.db"
    assert runner.invoke(app, ["ingest", str(pages / "full.html"), "--db", str(db), "--workers", "1"]).exit_code == 0
    assert schema.schema_version() == 8
    conn = sqlite3.connect(db)
    for column in NEW_COLUMNS:
        conn.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    conn.execute("PRAGMA user_version = 7")
    conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    conn.commit()
    assert {r[1] for r in conn.execute("PRAGMA table_info(documents)")} == schema.expected_columns(7)["documents"]
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%search%' "
                                           "AND name != 'meta'")]  # meta holds the version
    columns = {t: ", ".join(f'"{r[1]}"' for r in conn.execute(f'PRAGMA table_info("{t}")')) for t in tables}

    def rows(c: sqlite3.Connection) -> dict[str, list[str]]:
        """Every table's rows on its version-7 columns."""
        return {t: sorted(map(repr, c.execute(f'SELECT {columns[t]} FROM "{t}"'))) for t in tables}

    before = rows(conn)
    conn.close()
    assert sum(len(v) for v in before.values()) > 20 and len(before["documents"]) == 1

    card = runner.invoke(app, ["entity", "Marco Rubio", "--db", str(db), "--json"])  # a read command upgrades
    assert card.exit_code == 0, card.output
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 8
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "8"
    assert rows(conn) == before
    assert conn.execute("SELECT modified, site_name, language FROM documents").fetchone() == (None, None, None)
    conn.close()

    assert runner.invoke(app, ["ingest", str(pages / "modified-only.html"), "--db", str(db), "--workers", "1"]
                         ).exit_code == 0
    assert doc_rows(db)["modified-only.html"][4:] == ("2025-06-10T08:00:00+00:00", "Wire Daily", "en")


@pytest.mark.neo4j
def test_push_gives_document_nodes_the_page_metadata(neo4j_server: str, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "kg.db"
    assert runner.invoke(app, ["ingest", str(write_pages(tmp_path / "pages")), "--db", str(db), "--workers", "1"]
                         ).exit_code == 0
    push_db(db, neo4j_server, min_confidence=0.0)
    rows = cypher(neo4j_server, "MATCH (d:Document) RETURN d.title AS title, d.published AS published, d.date AS date, "
                  "d.modified AS modified, d.site_name AS site, d.language AS lang ORDER BY title")
    assert rows == [
        {"title": "Bare", "published": None, "date": None, "modified": None, "site": None, "lang": None},
        {"title": "Rubio back in San Salvador", "published": None, "date": "2025-06-10",
         "modified": "2025-06-10T08:00:00+00:00", "site": "Wire Daily", "lang": "en"},
        {"title": "Rubio meets Bukele", "published": "2025-02-03T09:00:00+00:00", "date": "2025-02-03",
         "modified": "2025-02-04T16:30:00+00:00", "site": "The Meridian Post", "lang": "en"},
    ]


def test_a_web_archive_page_keeps_its_metadata(tmp_path: Path) -> None:
    """A page in a WARC the test writes: its metadata is stored as a file's would be; the
    target URI stands in for a missing canonical URL and the capture day for a missing date."""
    from warc_fixtures import Record, page, write_warc

    text = "Marco Rubio met Nayib Bukele in San Salvador on Monday.\n\nThe two leaders discussed security."
    write_warc(tmp_path / "crawl.warc.gz", [
        Record("https://wire.example/a", page("Rubio meets Bukele", text, head=(
            '<meta property="og:site_name" content="Wire Daily">'
            '<meta property="article:published_time" content="2025-02-03T09:00:00Z">'
            '<meta property="article:modified_time" content="2025-02-04T10:00:00Z">'), lang="en-US")),
        Record("https://wire.example/b", page("Rubio again", text.replace("Monday", "Friday"))),
    ])
    db = tmp_path / "kg.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "crawl.warc.gz"), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT url, published, date, modified, site_name, language FROM documents ORDER BY url").fetchall()
    conn.close()
    assert rows == [
        ("https://wire.example/a", "2025-02-03T09:00:00+00:00", "2025-02-03", "2025-02-04T10:00:00+00:00", "Wire Daily",
         "en"),
        ("https://wire.example/b", "2025-06-01T12:00:00+00:00", "2025-06-01", None, None, "en"),
    ]
