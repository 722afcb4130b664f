"""Push the store to a Neo4j server: constraints, then batched ``UNWIND $rows … MERGE``.

What lands in Neo4j (property names as in :mod:`newsgraph.graph.nxview`, so a Cypher query
gives the same rows on the embedded graph and in Neo4j):

- ``(:Entity:<Type>)`` — ``id``, ``type``, ``name``, ``aliases`` (list), ``mentions``,
  ``documents``, ``iso3``, ``is_agency``, ``first_seen``, ``last_seen``.
- ``(:Document)`` — ``id``, ``title``, ``source``, ``url``, ``published``, ``date``.
- ``(:Document)-[:MENTIONS {count}]->(:Entity)``.
- ``(:Entity)-[:<RELATION_TYPE>]->(:Entity)`` — ``type``, ``weight``, ``confidence``,
  ``predicate``, ``title``, ``method``, ``first_seen``, ``last_seen``, ``evidence_count``,
  ``document_ids`` (every supporting document) and ``sentences`` (the best
  ``evidence_per_relation``, as in nxview), plus the entity card's evidence in the card's
  order: ``evidence_documents``, ``evidence_sentences``, ``evidence_starts``,
  ``evidence_ends`` (parallel lists; Neo4j properties cannot hold maps).
  ``CO_OCCURS_WITH`` is undirected in meaning; it is stored once, from the smaller id.

Idempotent and incremental: every row is MERGEd on its key and its properties are SET
(never added to), so pushing twice leaves the same counts and the same weights, and a push
after more ingest creates only the new nodes and relationships and updates the changed
ones. Each batch is its own transaction: a push that dies half way leaves whole batches,
and the next push completes them. Null properties are removed, as Neo4j stores no nulls.

Labels and relationship types cannot be query parameters, so rows are grouped per entity
type and per relation type, and those names are checked against a strict pattern before
they are spliced into a statement.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from newsgraph.errors import Neo4jSchemaError
from newsgraph.graph.neo4j_client import Neo4jTarget, open_driver
from newsgraph.graph.store import Store

# Measured with benchmarks/neo4j_load.py (README, "Neo4j push"): throughput is flat from
# about 2,000 rows per transaction up; larger batches only cost memory on both sides.
DEFAULT_BATCH_SIZE = 5000
EVIDENCE_PER_RELATION = 3  # nxview's GraphFilter.evidence_per_edge and the card's evidence limit

RELATION_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*$")
LABEL = re.compile(r"^[A-Z][A-Za-z0-9_]*$")
FULLTEXT_INDEX = "newsgraph_entity_names"

SCHEMA_STATEMENTS = (
    "CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT newsgraph_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE",
    # Name lookup for ``entity NAME --neo4j``: folds case and accents, covers aliases.
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
)

ENTITY_STATEMENT = "UNWIND $rows AS row MERGE (n:Entity {{id: row.id}}) SET n:{label}, n += row.props"
DOCUMENT_STATEMENT = "UNWIND $rows AS row MERGE (n:Document {id: row.id}) SET n += row.props"
MENTIONS_STATEMENT = (
    "UNWIND $rows AS row MATCH (d:Document {id: row.document}) MATCH (e:Entity {id: row.entity}) "
    "MERGE (d)-[m:MENTIONS]->(e) SET m.count = row.count"
)
RELATION_STATEMENT = (
    "UNWIND $rows AS row MATCH (h:Entity {{id: row.head}}) MATCH (t:Entity {{id: row.tail}}) "
    "MERGE (h)-[r:{rel_type}]->(t) SET r += row.props"
)

ProgressFn = Callable[[str, int, int], None]  # (phase, rows done in this phase, phase total)
PHASES = ("entities", "documents", "mentions", "relations")


@dataclass
class PushSummary:
    uri: str
    database: str | None
    entities: int = 0
    documents: int = 0
    mentions: int = 0
    relations: int = 0
    relations_by_type: dict[str, int] = field(default_factory=dict)
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0
    batches: int = 0
    seconds: float = 0.0
    phase_seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "uri": self.uri,
            "database": self.database,
            "pushed": {
                "entities": self.entities,
                "documents": self.documents,
                "mentions": self.mentions,
                "relations": self.relations,
                "relations_by_type": self.relations_by_type,
            },
            "written": {
                "nodes_created": self.nodes_created,
                "relationships_created": self.relationships_created,
                "properties_set": self.properties_set,
                "labels_added": self.labels_added,
            },
            "batches": self.batches,
            "seconds": round(self.seconds, 3),
            "phase_seconds": {k: round(v, 3) for k, v in self.phase_seconds.items()},
        }


def check_name(kind: str, name: str) -> str:
    pattern = RELATION_TYPE if kind == "relation type" else LABEL
    if not pattern.match(name):
        raise Neo4jSchemaError(kind=kind, name=name, pattern=pattern.pattern)
    return name


# -- reading the store ----------------------------------------------------------------------


def phase_totals(store: Store) -> dict[str, int]:
    one = lambda sql: store.conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "entities": one("SELECT count(*) FROM entities"),
        "documents": one("SELECT count(*) FROM documents"),
        "mentions": one("SELECT count(*) FROM entity_documents"),
        "relations": one("SELECT count(*) FROM relations"),
    }


def entity_rows(store: Store) -> Iterator[tuple[str, dict[str, Any]]]:
    """(type, row) per entity, grouped by type."""
    aliases: dict[str, list[str]] = {}
    for entity_id, alias in store.conn.execute("SELECT entity_id, alias FROM aliases WHERE kind='alias' ORDER BY alias"):
        aliases.setdefault(entity_id, []).append(alias)
    for row in store.conn.execute("SELECT * FROM entities ORDER BY type, id"):
        yield row["type"], {
            "id": row["id"],
            "props": {
                "type": row["type"],
                "name": row["name"],
                "aliases": [a for a in aliases.get(row["id"], []) if a != row["name"]],
                "mentions": row["mentions"],
                "documents": row["documents"],
                "iso3": row["iso3"],
                "is_agency": bool(row["is_agency"]),
                "first_seen": row["first_seen"],
                "last_seen": row["last_seen"],
            },
        }


def document_rows(store: Store) -> Iterator[dict[str, Any]]:
    for row in store.conn.execute("SELECT id, title, source, url, published, date FROM documents ORDER BY id"):
        yield {
            "id": row["id"],
            "props": {k: row[k] for k in ("title", "source", "url", "published", "date")},
        }


def mention_rows(store: Store) -> Iterator[dict[str, Any]]:
    for doc, entity, count in store.conn.execute(
        "SELECT document_id, entity_id, mentions FROM entity_documents ORDER BY document_id"
    ):
        yield {"document": doc, "entity": entity, "count": count}


def _evidence_props(items: list[tuple[str, int, int, str, float, str]], keep: int) -> dict[str, Any]:
    """Evidence of one relation, in primary-key order (document, start): the nxview lists
    (``sentences`` best first by confidence) and the card's (confidence, then newest)."""
    by_confidence = sorted(items, key=lambda e: -e[4])  # stable: ties keep key order, as SQLite does
    document_ids: list[str] = []
    for e in by_confidence:
        if e[0] not in document_ids:
            document_ids.append(e[0])
    card = sorted(by_confidence, key=lambda e: e[5], reverse=True)
    card = sorted(card, key=lambda e: -e[4])[:keep]
    return {
        "evidence_count": len(items),
        "document_ids": document_ids,
        "sentences": [e[3] for e in by_confidence[:keep]],
        "evidence_documents": [e[0] for e in card],
        "evidence_sentences": [e[3] for e in card],
        "evidence_starts": [e[1] for e in card],
        "evidence_ends": [e[2] for e in card],
    }


def relation_rows(store: Store, keep: int = EVIDENCE_PER_RELATION) -> Iterator[tuple[str, dict[str, Any]]]:
    """(type, row) per relation with its evidence, by relation id: a merge of two scans in
    primary-key order, so memory stays at one relation's evidence."""
    evidence = store.conn.execute(
        "SELECT v.relation_id, v.document_id, v.start, v.end, v.sentence, v.confidence, d.date "
        "FROM evidence v JOIN documents d ON d.id = v.document_id ORDER BY v.relation_id, v.document_id, v.start"
    )
    pending = evidence.fetchone()
    for r in store.conn.execute("SELECT * FROM relations ORDER BY id"):
        while pending is not None and pending[0] < r["id"]:
            pending = evidence.fetchone()
        items = []
        while pending is not None and pending[0] == r["id"]:
            items.append(tuple(pending[1:]))
            pending = evidence.fetchone()
        props = {
            "type": r["type"],
            "weight": r["weight"],
            "confidence": round(r["confidence"], 3),
            "predicate": r["predicate"],
            "title": r["title"],
            "method": r["method"],
            "first_seen": r["first_seen"],
            "last_seen": r["last_seen"],
        }
        props.update(_evidence_props(items, keep))  # type: ignore[arg-type]
        yield r["type"], {"head": r["head"], "tail": r["tail"], "props": props}


# -- writing to Neo4j ----------------------------------------------------------------------


class _Writer:
    """Runs one statement per batch, each batch in its own write transaction (retried by
    the driver on transient errors, which MERGE makes safe), and tallies the counters."""

    def __init__(self, session: Any, summary: PushSummary, batch_size: int, progress: ProgressFn | None) -> None:
        self.session = session
        self.summary = summary
        self.batch_size = batch_size
        self.progress = progress
        self.done: dict[str, int] = {}
        self.totals: dict[str, int] = {}

    def run(self, phase: str, statement: str, rows: list[dict[str, Any]]) -> None:
        counters = self.session.execute_write(lambda tx: tx.run(statement, rows=rows).consume().counters)
        s = self.summary
        s.nodes_created += counters.nodes_created
        s.relationships_created += counters.relationships_created
        s.properties_set += counters.properties_set
        s.labels_added += counters.labels_added
        s.batches += 1
        self.done[phase] = self.done.get(phase, 0) + len(rows)
        if self.progress:
            self.progress(phase, self.done[phase], self.totals.get(phase, 0))

    def grouped(self, phase: str, rows: Iterator[tuple[str, dict[str, Any]]], statement_for: Callable[[str], str]) -> dict[str, int]:
        """Rows tagged with a label or type: one buffer per tag, flushed when full."""
        buffers: dict[str, list[dict[str, Any]]] = {}
        counts: dict[str, int] = {}
        for tag, row in rows:
            buf = buffers.setdefault(tag, [])
            buf.append(row)
            counts[tag] = counts.get(tag, 0) + 1
            if len(buf) >= self.batch_size:
                self.run(phase, statement_for(tag), buf)
                buffers[tag] = []
        for tag, buf in buffers.items():
            if buf:
                self.run(phase, statement_for(tag), buf)
        return counts

    def plain(self, phase: str, rows: Iterator[dict[str, Any]], statement: str) -> int:
        buf: list[dict[str, Any]] = []
        n = 0
        for row in rows:
            buf.append(row)
            n += 1
            if len(buf) >= self.batch_size:
                self.run(phase, statement, buf)
                buf = []
        if buf:
            self.run(phase, statement, buf)
        return n


def _check_names(store: Store) -> None:
    """Every label and type, checked before anything is written."""
    for (t,) in store.conn.execute("SELECT DISTINCT type FROM entities"):
        check_name("entity type", t)
    for (t,) in store.conn.execute("SELECT DISTINCT type FROM relations"):
        check_name("relation type", t)


def ensure_schema(session: Any) -> None:
    for statement in SCHEMA_STATEMENTS:
        session.run(statement).consume()
    session.run("CALL db.awaitIndexes(300)").consume()


def push(
    store: Store,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressFn | None = None,
    *,
    evidence_per_relation: int = EVIDENCE_PER_RELATION,
) -> PushSummary:
    """Push the whole store to Neo4j (upserting every row) and say what was written.

    ``uri``, ``user``, ``password`` and ``database`` default to ``NEO4J_URI``,
    ``NEO4J_USER``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``."""
    if batch_size < 1:
        raise ValueError("batch_size must be positive")
    target = Neo4jTarget.from_env(uri, user, password, database)
    _check_names(store)
    summary = PushSummary(uri=target.uri, database=target.database)
    start = time.perf_counter()
    with open_driver(target) as driver, driver.session(database=target.database) as session:
        ensure_schema(session)
        writer = _Writer(session, summary, batch_size, progress)
        writer.totals = phase_totals(store)
        t = time.perf_counter()
        by_type = writer.grouped(
            "entities", entity_rows(store), lambda label: ENTITY_STATEMENT.format(label=check_name("entity type", label))
        )
        summary.entities = sum(by_type.values())
        summary.phase_seconds["entities"], t = time.perf_counter() - t, time.perf_counter()
        summary.documents = writer.plain("documents", document_rows(store), DOCUMENT_STATEMENT)
        summary.phase_seconds["documents"], t = time.perf_counter() - t, time.perf_counter()
        summary.mentions = writer.plain("mentions", mention_rows(store), MENTIONS_STATEMENT)
        summary.phase_seconds["mentions"], t = time.perf_counter() - t, time.perf_counter()
        summary.relations_by_type = writer.grouped(
            "relations",
            relation_rows(store, evidence_per_relation),
            lambda rel_type: RELATION_STATEMENT.format(rel_type=check_name("relation type", rel_type)),
        )
        summary.relations = sum(summary.relations_by_type.values())
        summary.phase_seconds["relations"] = time.perf_counter() - t
    summary.seconds = time.perf_counter() - start
    return summary
