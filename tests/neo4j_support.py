"""Fixtures for the tests against a real Neo4j server (marker ``neo4j``).

They need a running server: ``URI=$(scripts/neo4j-test-server start)`` and
``export NEWSGRAPH_TEST_NEO4J_URI=$URI``. Without it the tests are skipped, unless
``NEWSGRAPH_REQUIRE_NEO4J=1`` (CI), where a missing or unreachable server fails them.
Every test empties the database first: the tests share one server.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
ENABLE_HINT = "start scripts/neo4j-test-server and set NEWSGRAPH_TEST_NEO4J_URI to the bolt:// URI it prints"

# Short articles for a store made with the real model when examples/ is not there.
ARTICLES = [
    (
        "Rubio visits El Salvador",
        "2025-02-03",
        "US Secretary of State Marco Rubio visited El Salvador on Monday. Rubio met with President Nayib Bukele "
        "in San Salvador. Bukele offered to hold deportees from the United States. The State Department said "
        "the talks were productive.",
    ),
    (
        "Rubio in Panama",
        "2025-02-01",
        "Marco Rubio travelled to Panama on Saturday. Rubio met with President José Raúl Mulino in Panama City. "
        "Mulino said Panama would not renegotiate the canal treaty with the United States.",
    ),
    (
        "Sheinbaum and Carney",
        "2025-03-10",
        "Mexican President Claudia Sheinbaum spoke with Canadian Prime Minister Mark Carney on Tuesday. "
        "Sheinbaum and Carney discussed tariffs imposed by the United States. Carney visited Mexico in April.",
    ),
]
EXTRA_ARTICLE = (
    "Bukele in Washington",
    "2025-04-14",
    "El Salvador's President Nayib Bukele travelled to Washington on Monday. Bukele met with Secretary of State "
    "Marco Rubio at the State Department. Rubio praised El Salvador. Bukele also met Kristi Noem in Washington.",
)


def neo4j_uri() -> str:
    """The test server's URI, or skip (fail in CI) when there is none or it is down."""
    uri = os.environ.get("NEWSGRAPH_TEST_NEO4J_URI")
    required = os.environ.get("NEWSGRAPH_REQUIRE_NEO4J") == "1"
    if not uri:
        if required:
            pytest.fail("NEWSGRAPH_REQUIRE_NEO4J=1 but NEWSGRAPH_TEST_NEO4J_URI is not set; " + ENABLE_HINT)
        pytest.skip("no Neo4j test server: " + ENABLE_HINT)
    from neo4j import GraphDatabase

    try:
        with GraphDatabase.driver(uri, auth=None, connection_timeout=10) as driver:
            driver.verify_connectivity()
    except Exception as exc:  # any failure to connect: the server is not usable
        if required:
            pytest.fail(f"Neo4j test server at {uri} is unreachable ({exc}); {ENABLE_HINT}")
        pytest.skip(f"Neo4j test server at {uri} is unreachable: {ENABLE_HINT}")
    return uri


def cypher(uri: str, query: str, **params: Any) -> list[dict[str, Any]]:
    """Test-side reads and resets, through the driver directly (not the code under test)."""
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
        return session.run(query, params).data()


def wipe(uri: str) -> None:
    cypher(uri, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")


def counts(uri: str) -> dict[str, Any]:
    """Node and relationship counts in Neo4j, per label and per type."""
    labels = {r["label"]: r["n"] for r in cypher(uri, "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")}
    types = {r["type"]: r["n"] for r in cypher(uri, "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")}
    return {"labels": labels, "types": types}


def store_counts(store: Any, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> dict[str, Any]:
    """What the same counts must be, read from the SQLite store, after a push with
    ``min_confidence`` (the default floor unless the push was given another)."""
    c = store.conn
    labels = {"Entity": c.execute("SELECT count(*) FROM entities").fetchone()[0]}
    for t, n in c.execute("SELECT type, count(*) FROM entities GROUP BY type"):
        labels[t] = n
    labels["Document"] = c.execute("SELECT count(*) FROM documents").fetchone()[0]
    types = {t: n for t, n in c.execute(
        "SELECT type, count(*) FROM relations WHERE confidence >= ? GROUP BY type", (min_confidence,)
    )}
    mentions = c.execute("SELECT count(*) FROM entity_documents").fetchone()[0]
    if mentions:
        types["MENTIONS"] = mentions
    bylines = c.execute("SELECT count(*) FROM bylines").fetchone()[0]
    if bylines:
        types["WRITTEN_BY"] = bylines
    return {"labels": {k: v for k, v in labels.items() if v}, "types": types}


def _examples_usable() -> bool:
    try:
        import newsgraph.extract.readers  # noqa: F401
    except ImportError:
        return False
    return EXAMPLES.is_dir() and any(p.suffix in (".txt", ".md", ".html", ".jsonl") for p in EXAMPLES.iterdir())


def ingest_articles(db: Path, articles: list[tuple[str, str, str]]) -> None:
    from newsgraph import KnowledgeGraph

    with KnowledgeGraph.open(db) as kg:
        docs = []
        for title, published, text in articles:
            doc = KnowledgeGraph.extract_text(text, source=f"test:{title}", title=title)
            doc.published = published
            docs.append(doc)
        kg.ingest_extracted(docs)


@pytest.fixture(scope="session")
def _neo4j_samples_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("neo4j-samples") / "samples.db"
    if _examples_usable():
        from newsgraph import KnowledgeGraph

        with KnowledgeGraph.open(path) as kg:
            summary = kg.ingest([EXAMPLES])
        assert summary.documents_failed == 0, summary.failures
    else:
        ingest_articles(path, ARTICLES)
    return path


@pytest.fixture
def samples_db(_neo4j_samples_master: Path, tmp_path: Path) -> Path:
    """A private copy of a store holding the bundled examples (or, before they exist,
    a few articles extracted with the real model)."""
    path = tmp_path / "ng.db"
    shutil.copy(_neo4j_samples_master, path)
    return path


@pytest.fixture(autouse=True)
def _neo4j_first() -> None:
    """Skip (or fail) before any other fixture spends time building a store."""
    neo4j_uri()


@pytest.fixture
def neo4j_server() -> str:
    """The test server's URI, with the database emptied."""
    uri = neo4j_uri()
    wipe(uri)
    return uri


def push_db(db: Path, uri: str, **kw: Any) -> Any:
    """``neo4j_sync.push`` of the store at ``db`` (the code under test), closing it after."""
    from newsgraph.graph.neo4j_sync import push
    from newsgraph.graph.store import Store

    store = Store(db)
    try:
        return push(store, uri, **kw)
    finally:
        store.close()


def db_counts(db: Path, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> dict[str, Any]:
    """``store_counts`` of the store at ``db``."""
    from newsgraph.graph.store import Store

    store = Store(db)
    try:
        return store_counts(store, min_confidence)
    finally:
        store.close()
