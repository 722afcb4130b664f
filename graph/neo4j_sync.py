"""Push the store to a Neo4j server: constraints, then batched ``UNWIND $rows … MERGE``.

What lands in Neo4j (property names as in :mod:`newsgraph.graph.nxview`, so a Cypher query
gives the same rows on the embedded graph and in Neo4j):

- ``(:Entity:<Type>)`` — ``id``, ``type``, ``name``, ``aliases`` (list), ``mentions``,
  ``documents``, ``bylines``, ``iso3``, ``is_agency``, ``first_seen``, ``last_seen``.
- ``(:Document)`` — ``id``, ``title``, ``source``, ``url``, ``published``, ``date``, ``modified``,
  ``site_name``, ``language`` (issue 18; a property the input gave no value for is absent).
- ``(:Document)-[:MENTIONS {count}]->(:Entity)``.
- ``(:Document)-[:WRITTEN_BY]->(:Entity:Person)``: the byline (table ``bylines``; issue 18),
  written with the document; a document's WRITTEN_BY the store no longer has (a merge
  undone, a correction) are deleted at the same time, so each push leaves exactly the
  store's bylines. Like MENTIONS it starts at a document: the relation types between
  entities all carry evidence, which a byline has not.
- ``(:Entity)-[:<RELATION_TYPE>]->(:Entity)`` — ``type``, ``weight``, ``confidence``,
  ``predicate``, ``title``, ``method``, ``first_seen``, ``last_seen``, ``evidence_count``,
  ``document_ids`` (every supporting document) and ``sentences`` (the best
  ``evidence_per_relation``, by confidence then newest, as in nxview), plus where each
  sentence is for the entity card: ``evidence_starts``, ``evidence_ends`` and
  ``evidence_documents`` (lists parallel to ``sentences``; Neo4j properties cannot hold
  maps; ``evidence_documents`` is left out when it is the head of ``document_ids``, as for
  most relations, which have one sentence of evidence).
  ``CO_OCCURS_WITH`` is undirected in meaning; it is stored once, from the smaller id.

Idempotent and incremental: every row is MERGEd on its key (or CREATEd, for relation types
the server has none of yet: ``new_relation_types``) and its properties are SET
(every property newsgraph writes is set or, when null, removed; properties an analyst
added to a node or relationship survive), so pushing twice leaves the same counts and the
same weights, and a push after more ingest creates only the new nodes and relationships
and updates the changed ones. Every push sends the whole store (no record of what a
server already has that could go stale: a wiped or edited server is repaired too). Each batch is its own transaction: a push that dies half way leaves whole batches,
and the next push completes them. Null properties are removed, as Neo4j stores no nulls.

Labels and relationship types cannot be query parameters, so rows are grouped per entity
type and per relation type, and those names are checked against a strict pattern before
they are spliced into a statement.
"""

from __future__ import annotations

import gc
import json
import re
import sqlite3
import threading
import time
from operator import itemgetter
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from queue import Full, Queue
from typing import Any, Callable, Iterator

from newsgraph.errors import Neo4jSchemaError
from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE, ENTITY_TYPES
from newsgraph.graph.neo4j_client import Neo4jTarget, open_driver
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.graph.store import Store, alias_lists, best_first

# benchmarks/neo4j_load.py --tune (README, "Push throughput"), relation phase, 2 writers:
# 1,000 rows per transaction 28,108/s, 2,000 32,394/s, 5,000 35,937/s, 10,000 36,524/s,
# 20,000 27,133/s.
DEFAULT_BATCH_SIZE = 5000
# Relation batches written at once, each in its own session: one writer left the server's
# one transaction thread as the limit (relation phase 17,400-20,200/s against 30,400/s).
DEFAULT_WRITERS = 2
EVIDENCE_PER_RELATION = 3  # RelationFilter.evidence_per_edge and the card's evidence limit

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

# Nodes of entities the store has since merged into another ("Blair" into "Tony Blair"):
# their relationships were re-pointed in the store and are pushed anew from the survivor.
MERGED_STATEMENT = "UNWIND $rows AS id MATCH (n:Entity {id: id}) DETACH DELETE n"
# Other type labels are removed: an entity retyped by a correction keeps one type label.
ENTITY_STATEMENT = "UNWIND $rows AS row MERGE (n:Entity {{id: row.id}}) {remove}SET n:{label}, n += row.props"
# What corrections took out of the store (graph/corrections.py, ``removed_items``) and is
# still absent from it: forgotten entities and documents, MENTIONS of a split, rejected or
# emptied relations.
REMOVED_STATEMENTS = {
    "entity": "UNWIND $rows AS id MATCH (n:Entity {id: id}) DETACH DELETE n",
    "document": "UNWIND $rows AS id MATCH (n:Document {id: id}) DETACH DELETE n",
    "mention": "UNWIND $rows AS row MATCH (:Document {id: row[0]})-[m:MENTIONS]->(:Entity {id: row[1]}) DELETE m",
    "relation": "UNWIND $rows AS row MATCH (:Entity {id: row[0]})-[r]->(:Entity {id: row[2]}) WHERE type(r) = row[1] DELETE r",
}
REMOVED_ABSENT = {
    "entity": "NOT EXISTS (SELECT 1 FROM entities WHERE id = key)",
    "document": "NOT EXISTS (SELECT 1 FROM documents WHERE id = key)",
    "mention": "NOT EXISTS (SELECT 1 FROM entity_documents WHERE document_id = key ->> 0 AND entity_id = key ->> 1)",
    "relation": "NOT EXISTS (SELECT 1 FROM relations WHERE head = key ->> 0 AND type = key ->> 1 AND tail = key ->> 2)",
}
DOCUMENT_STATEMENT = (
    "UNWIND $rows AS row MERGE (n:Document {id: row.id}) SET n += row.props "
    "WITH n, row OPTIONAL MATCH (n)-[w:WRITTEN_BY]->(old:Entity) WHERE NOT old.id IN row.authors DELETE w "
    "WITH DISTINCT n, row UNWIND row.authors AS author MATCH (e:Entity {id: author}) MERGE (n)-[:WRITTEN_BY]->(e)"
)
MENTIONS_STATEMENT = (
    "UNWIND $rows AS row MATCH (d:Document {id: row.document}) MATCH (e:Entity {id: row.entity}) "
    "MERGE (d)-[m:MENTIONS]->(e) ON CREATE SET m.count = row.count ON MATCH SET m.count = row.count"
)
# Relationship properties, in the order of the row lists the relation statements read:
# ``[head, tail, *values]``. Lists, not maps, and one ``SET r.p = row[i]`` per property:
# the server neither builds a map per row nor diffs it against the relationship
# (benchmarks/neo4j_load.py, rows prepared in advance: 18,500 → 22,000 relations/s).
# A null value removes the property, so a re-push still leaves exactly these values.
RELATION_PROPERTIES = (
    "type", "weight", "confidence", "method", "predicate", "title", "first_seen", "last_seen",
    "evidence_count", "document_ids", "sentences", "evidence_starts", "evidence_ends", "evidence_documents",
    "relation_id", "confirmed",  # the store's id (what ``reject``/``confirm`` take); true once an analyst confirmed it
)
_SET_RELATION = ", ".join(f"r.{name} = row[{i + 2}]" for i, name in enumerate(RELATION_PROPERTIES))
RELATION_STATEMENT = (
    "UNWIND $rows AS row MATCH (h:Entity {{id: row[0]}}) MATCH (t:Entity {{id: row[1]}}) "
    "MERGE (h)-[r:{rel_type}]->(t) SET " + _SET_RELATION
)
# A relation type the server has none of when the push starts (a first push, a new type):
# every row is new (the store's (head, type, tail) are unique), so CREATE, which skips
# MERGE's look at the relationships of both ends (slow on hubs). benchmarks/neo4j_load.py:
# relation phase on an empty database 9,268 → 11,416 relations/s (README, "Push throughput").
RELATION_CREATE_STATEMENT = (
    "UNWIND $rows AS row MATCH (h:Entity {{id: row[0]}}) MATCH (t:Entity {{id: row[1]}}) "
    "CREATE (h)-[r:{rel_type}]->(t) SET " + _SET_RELATION
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
    bylines: int = 0  # WRITTEN_BY, written with the documents
    relations: int = 0
    relations_by_type: dict[str, int] = field(default_factory=dict)
    nodes_created: int = 0
    nodes_deleted: int = 0
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
                "bylines": self.bylines,
                "relations": self.relations,
                "relations_by_type": self.relations_by_type,
            },
            "written": {
                "nodes_created": self.nodes_created,
                "nodes_deleted": self.nodes_deleted,
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
# Plain tuples (no sqlite3.Row) and one connection of the push's own: the rows are read in a
# thread beside the one that talks to Neo4j, inside one read transaction, so all phases see
# the same snapshot even while an ingest writes.


def open_snapshot(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute("SELECT 1 FROM meta LIMIT 1").fetchall()  # the snapshot starts at the first read
    return conn


def phase_totals(conn: sqlite3.Connection, min_confidence: float = 0.0) -> dict[str, int]:
    kept = RelationFilter(min_confidence=min_confidence).sql("relations", ())
    def one(sql: str, *args: Any) -> int:
        return int(conn.execute(sql, args).fetchone()[0])

    return {
        "entities": one("SELECT count(*) FROM entities"),
        "documents": one("SELECT count(*) FROM documents"),
        "mentions": one("SELECT count(*) FROM entity_documents"),
        "bylines": one("SELECT count(*) FROM bylines"),
        "relations": one(f"SELECT count(*) FROM relations WHERE {kept[0]}", *kept[1]),
    }


def entity_rows(conn: sqlite3.Connection) -> Iterator[tuple[str, dict[str, Any]]]:
    """(type, row) per entity, grouped by type."""
    aliases = alias_lists(conn)
    bylines = dict(conn.execute("SELECT entity_id, count(*) FROM bylines GROUP BY entity_id"))
    for eid, etype, name, iso3, is_agency, mentions, documents, first_seen, last_seen in conn.execute(
        "SELECT id, type, name, iso3, is_agency, mentions, documents, first_seen, last_seen FROM entities ORDER BY type, id"
    ):
        yield etype, {
            "id": eid,
            "props": {
                "type": etype,
                "name": name,
                "aliases": [a for a in aliases.get(eid, ()) if a != name],
                "mentions": mentions,
                "documents": documents,
                "bylines": bylines.get(eid, 0),
                "iso3": iso3,
                "is_agency": bool(is_agency),
                "first_seen": first_seen,
                "last_seen": last_seen,
            },
        }


def entity_statement(label: str) -> str:
    others = [t for t in ENTITY_TYPES if t != label]
    remove = f"REMOVE n:{':'.join(others)} " if others else ""
    return ENTITY_STATEMENT.format(label=check_name("entity type", label), remove=remove)


def removed_rows(conn: sqlite3.Connection, kind: str) -> list[Any]:
    """Items of ``kind`` a correction removed and the store has not regained."""
    rows = [r[0] for r in conn.execute(
        f"SELECT key FROM removed_items WHERE kind = ? AND {REMOVED_ABSENT[kind]} ORDER BY key", (kind,)
    )]
    return rows if kind in ("entity", "document") else [json.loads(k) for k in rows]


def below_floor_rows(conn: sqlite3.Connection, min_confidence: float) -> Iterator[list[str]]:
    """[head, type, tail] of the relations under the push's floor: a push deletes them in
    Neo4j, where an earlier push with a lower floor (or before a confidence changed) may
    have written them, so Neo4j holds exactly what the floor lets through."""
    for head, rtype, tail in conn.execute(
        "SELECT head, type, tail FROM relations WHERE confidence < ? ORDER BY id", (min_confidence,)
    ):
        yield [head, rtype, tail]


def merged_ids(conn: sqlite3.Connection) -> list[str]:
    """Entities merged away and not back in the store under the same id."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM merged_entities WHERE id NOT IN (SELECT id FROM entities) ORDER BY id"
    )]


def document_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """A document's properties and ``authors``, the entity ids of its byline (sorted)."""
    for did, title, source, url, published, date, modified, site_name, language, authors in conn.execute(
        "SELECT id, title, source, url, published, date, modified, site_name, language, "
        "(SELECT json_group_array(entity_id) FROM (SELECT entity_id FROM bylines b WHERE b.document_id = d.id "
        "ORDER BY entity_id)) FROM documents d ORDER BY id"
    ):
        yield {"id": did, "props": {"title": title, "source": source, "url": url, "published": published, "date": date,
                                    "modified": modified, "site_name": site_name, "language": language},
               "authors": json.loads(authors)}


def mention_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for doc, entity, count in conn.execute(
        "SELECT document_id, entity_id, mentions FROM entity_documents ORDER BY document_id"
    ):
        yield {"document": doc, "entity": entity, "count": count}


Evidence = tuple[int, str, int, int, str, float, str]  # relation id, document, start, end, sentence, confidence, date


def _evidence_props(items: list[Evidence], keep: int) -> dict[str, Any]:
    """One relation's evidence, given in primary-key order (document, start), best first:
    by confidence, then newest, as ``Store.evidence`` and nxview order it."""
    if len(items) == 1:  # most relations: nothing to order
        _, doc, start, end, sentence, _, _ = items[0]
        return {"evidence_count": 1, "document_ids": [doc], "sentences": [sentence],
                "evidence_starts": [start], "evidence_ends": [end]}
    ordered = best_first(items, itemgetter(5), itemgetter(6), itemgetter(1, 2))
    document_ids = list(dict.fromkeys(e[1] for e in ordered))
    best = ordered[:keep]
    props: dict[str, Any] = {
        "evidence_count": len(items),
        "document_ids": document_ids,
        "sentences": [e[4] for e in best],
        "evidence_starts": [e[2] for e in best],
        "evidence_ends": [e[3] for e in best],
    }
    evidence_documents = [e[1] for e in best]
    if evidence_documents != document_ids[: len(best)]:  # else implied, and not sent: the push is payload-bound
        props["evidence_documents"] = evidence_documents
    return props


def relation_rows(
    conn: sqlite3.Connection, keep: int = EVIDENCE_PER_RELATION, min_confidence: float = 0.0
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(type, row) per relation of at least ``min_confidence`` with its evidence, by relation
    id: a merge of two scans in primary-key order, so memory stays at one relation's
    evidence. Null properties are left out: the statement sets them to null, which removes
    them."""
    evidence = conn.cursor()
    evidence.row_factory = None
    ev = iter(evidence.execute(
        "SELECT v.relation_id, v.document_id, v.start, v.end, v.sentence, v.confidence, d.date "
        "FROM evidence v JOIN documents d ON d.id = v.document_id ORDER BY v.relation_id, v.document_id, v.start"
    ))
    pending: Evidence | None = next(ev, None)
    confirmed = {r[0] for r in conn.execute("SELECT relation_id FROM confirmed_relations")}
    relations = conn.cursor()
    relations.row_factory = None
    where, args = RelationFilter(min_confidence=min_confidence).sql("relations", ())
    for rid, head, tail, rtype, predicate, title, method, confidence, weight, first_seen, last_seen in relations.execute(
        "SELECT id, head, tail, type, predicate, title, method, confidence, weight, first_seen, last_seen "
        f"FROM relations WHERE {where} ORDER BY id", args
    ):
        while pending is not None and pending[0] < rid:
            pending = next(ev, None)
        items = []
        while pending is not None and pending[0] == rid:
            items.append(pending)
            pending = next(ev, None)
        props = {"type": rtype, "weight": weight, "confidence": round(confidence, 3), "method": method, "relation_id": rid}
        if rid in confirmed:
            props["confirmed"] = True
        if predicate is not None:
            props["predicate"] = predicate
        if title is not None:
            props["title"] = title
        if first_seen is not None:
            props["first_seen"] = first_seen
        if last_seen is not None:
            props["last_seen"] = last_seen
        props.update(_evidence_props(items, keep))
        yield rtype, {"head": head, "tail": tail, "props": props}


def relation_values(row: dict[str, Any]) -> list[Any]:
    """A ``relation_rows`` row as the relation statements read it: ``[head, tail, *values]``."""
    props = row["props"]
    return [row["head"], row["tail"], *[props.get(name) for name in RELATION_PROPERTIES]]


Batch = tuple[str, str, str, list[Any]]  # phase, tag (label/type or ""), statement, rows


class Rows(list):  # type: ignore[type-arg]
    """A batch's rows, whose ``repr`` is short. The driver (neo4j 6.4, ``Bolt5x0.run``)
    formats ``repr`` of every parameter for a debug log line even when debug logging is
    off: for a 5,000-row batch that was a tenth of the relation phase."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _grouped(phase: str, rows: Iterator[tuple[str, Any]], statement_for: Callable[[str], str], size: int) -> Iterator[Batch]:
    """Rows tagged with a label or type: one buffer per tag, sent when full."""
    buffers: dict[str, Rows] = {}
    for tag, row in rows:
        buf = buffers.setdefault(tag, Rows())
        buf.append(row)
        if len(buf) >= size:
            yield phase, tag, statement_for(tag), buf
            buffers[tag] = Rows()
    for tag, buf in buffers.items():
        if buf:
            yield phase, tag, statement_for(tag), buf


def _plain(phase: str, rows: Iterator[Any], statement: str, size: int) -> Iterator[Batch]:
    buf = Rows()
    for row in rows:
        buf.append(row)
        if len(buf) >= size:
            yield phase, "", statement, buf
            buf = Rows()
    if buf:
        yield phase, "", statement, buf


def batches(
    conn: sqlite3.Connection, phases: tuple[str, ...], size: int, keep: int, min_confidence: float = 0.0
) -> Iterator[Batch]:
    """Every statement of a push, in order: nodes before the relationships that need them."""
    if "entities" in phases:
        yield from _plain("merged", iter(merged_ids(conn)), MERGED_STATEMENT, size)
        for kind in ("relation", "mention", "document", "entity"):
            yield from _grouped("merged", ((kind, row) for row in removed_rows(conn, kind)), REMOVED_STATEMENTS.__getitem__, size)
        if "relations" in phases and min_confidence > 0:
            yield from _plain("merged", below_floor_rows(conn, min_confidence), REMOVED_STATEMENTS["relation"], size)
        yield from _grouped("entities", entity_rows(conn), entity_statement, size)
    if "documents" in phases:
        yield from _plain("documents", document_rows(conn), DOCUMENT_STATEMENT, size)
    if "mentions" in phases:
        yield from _plain("mentions", mention_rows(conn), MENTIONS_STATEMENT, size)
    if "relations" in phases:
        yield from _grouped(
            "relations",
            ((rtype, relation_values(row)) for rtype, row in relation_rows(conn, keep, min_confidence)),
            lambda rel_type: RELATION_STATEMENT.format(rel_type=check_name("relation type", rel_type)),
            size,
        )


_DONE = object()


def _read_ahead(produce: Callable[[], Iterator[Batch]], depth: int = 2) -> Iterator[Batch]:
    """Batches built in a thread while the previous one is on the server (the driver waits
    on its socket without the GIL); the reader's exception is re-raised here."""
    queue: Queue[Any] = Queue(maxsize=depth)
    stop = threading.Event()

    def run() -> None:
        items = produce()
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        queue.put(item, timeout=0.2)
                        break
                    except Full:
                        continue
                if stop.is_set():
                    return
            queue.put(_DONE)
        except BaseException as exc:  # handed to the consumer
            queue.put(exc)
        finally:
            items.close()  # type: ignore[attr-defined]

    thread = threading.Thread(target=run, name="neo4j-push-reader", daemon=True)
    thread.start()
    try:
        while True:
            item = queue.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)


# -- writing to Neo4j ----------------------------------------------------------------------


def _check_names(conn: sqlite3.Connection) -> None:
    """Every label and type, checked before anything is written."""
    for (t,) in conn.execute("SELECT DISTINCT type FROM entities"):
        check_name("entity type", t)
    for (t,) in conn.execute("SELECT DISTINCT type FROM relations"):
        check_name("relation type", t)


def ensure_schema(session: Any) -> None:
    for statement in SCHEMA_STATEMENTS:
        session.run(statement).consume()
    session.run("CALL db.awaitIndexes(300)").consume()


def new_relation_types(session: Any, conn: sqlite3.Connection, min_confidence: float = 0.0) -> set[str]:
    """The relation types the push writes (those with a relation of at least
    ``min_confidence``) of which the server has no relationship (count store: no
    scan). Their batches CREATE; a retried batch (its commit may have landed, its reply
    lost) and every other type MERGE. Two pushes at once onto a server without a type
    could both create it: push from one process at a time."""
    known = {r["t"] for r in session.run("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t")}
    found = set()
    for (rel_type,) in conn.execute("SELECT DISTINCT type FROM relations WHERE confidence >= ?", (min_confidence,)):
        if rel_type not in known:  # asked by name, an unknown type gets a server warning
            found.add(rel_type)
            continue
        query = f"MATCH ()-[r:{check_name('relation type', rel_type)}]->() RETURN count(r) AS n"
        if session.run(query).single()["n"] == 0:
            found.add(rel_type)
    return found


GC_EVERY_BATCHES = 25


@contextmanager
def _cyclic_gc_paused() -> Iterator[Callable[[int], None]]:
    """Python's cycle collector paused while rows stream, run every ``GC_EVERY_BATCHES``
    batches instead. A batch allocates tens of thousands of lists (rows, their evidence
    lists), and the collector, triggered every 700 allocations, walked every batch in
    flight again and again: 4.5-5.2 s of client CPU in an 11 s relation phase on the
    benchmark's 214k relations, 2.3-2.9 s paused (first push 19,600 → 23,900 relations/s;
    README, "Push throughput"). The driver leaves a few hundred objects per transaction in
    cycles; the periodic collection bounds them."""
    was_enabled = gc.isenabled()
    gc.disable()

    def collect_now(batches_done: int) -> None:
        if was_enabled and batches_done % GC_EVERY_BATCHES == 0:
            gc.collect()

    try:
        yield collect_now
    finally:
        if was_enabled:
            gc.enable()


def _write(session: Any, statement: str, rows: list[Any], create: bool, tag: str) -> tuple[int, Any]:
    """One batch in one write transaction: (rows sent, the server's counters). A relation
    batch of a type the server had none of is CREATEd on the first attempt; a retry (its
    commit may have landed, its reply lost) MERGEs."""
    attempts = [0]

    def work(tx: Any) -> Any:
        attempts[0] += 1
        run = RELATION_CREATE_STATEMENT.format(rel_type=tag) if create and attempts[0] == 1 else statement
        return tx.run(run, rows=rows).consume().counters

    counters = session.execute_write(work)
    sent = len(rows)
    # The driver keeps the parameters of a finished transaction in reference cycles (its
    # result and transaction objects) until the cycle collector runs: emptied here, the
    # rows are freed at once by reference counting.
    rows.clear()
    return sent, counters


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
    phases: tuple[str, ...] = PHASES,
    writers: int = DEFAULT_WRITERS,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> PushSummary:
    """Push the whole store to Neo4j (upserting every row) and say what was written.

    ``uri``, ``user``, ``password`` and ``database`` default to ``NEO4J_URI``,
    ``NEO4J_USER``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``. ``phases`` (a subset of
    ``PHASES``, for benchmarks) pushes only some kinds of rows; relations and mentions
    need their nodes pushed already. Each batch is one write transaction, retried by the
    driver on transient errors (MERGE makes that safe). ``writers`` relation batches are
    written at once, each writer with its own session. Relations under ``min_confidence``
    (the read commands' default floor) are not pushed, and deleted where an earlier push
    wrote them: Neo4j shows what the CLI shows by default (``0`` pushes everything)."""
    if batch_size < 1 or writers < 1:
        raise ValueError("batch_size and writers must be positive")
    unknown = set(phases) - set(PHASES)
    if unknown:
        raise ValueError(f"unknown phases {sorted(unknown)}; use {PHASES}")
    target = Neo4jTarget.from_env(uri, user, password, database)
    _check_names(store.conn)
    totals = phase_totals(store.conn, min_confidence)
    summary = PushSummary(uri=target.uri, database=target.database)
    start = time.perf_counter()

    def produce() -> Iterator[Batch]:
        conn = open_snapshot(store.path)  # made and used in the reader thread
        try:
            yield from batches(conn, phases, batch_size, evidence_per_relation, min_confidence)
        finally:
            conn.close()

    with _cyclic_gc_paused() as collect_now, open_driver(target) as driver, driver.session(database=target.database) as session:
        ensure_schema(session)
        creating = new_relation_types(session, store.conn, min_confidence) if "relations" in phases else set()
        done: dict[str, int] = {}
        phase_start: dict[str, float] = {}
        by_tag: dict[str, dict[str, int]] = {p: {} for p in ("merged", *PHASES)}
        sessions = threading.local()  # one session per writer thread: sessions are not thread-safe
        opened: list[Any] = []

        def writer_session() -> Any:
            if not hasattr(sessions, "session"):
                sessions.session = driver.session(database=target.database)
                opened.append(sessions.session)
            return sessions.session

        def write_in_thread(statement: str, rows: list[Any], create: bool, tag: str) -> tuple[int, Any]:
            return _write(writer_session(), statement, rows, create, tag)

        def account(phase: str, tag: str, sent: int, counters: Any) -> None:
            summary.nodes_created += counters.nodes_created
            summary.nodes_deleted += counters.nodes_deleted
            summary.relationships_created += counters.relationships_created
            summary.properties_set += counters.properties_set
            summary.labels_added += counters.labels_added
            summary.batches += 1
            collect_now(summary.batches)
            done[phase] = done.get(phase, 0) + sent
            by_tag[phase][tag] = by_tag[phase].get(tag, 0) + sent
            summary.phase_seconds[phase] = time.perf_counter() - phase_start[phase]
            if progress and phase in totals:
                progress(phase, done[phase], totals[phase])

        in_flight: deque[tuple[str, str, Future[tuple[int, Any]]]] = deque()

        def finish_oldest() -> None:
            phase, tag, future = in_flight.popleft()
            account(phase, tag, *future.result())

        # Shut down before the writers' sessions close, also when a batch fails.
        pool = ThreadPoolExecutor(max_workers=writers, thread_name_prefix="neo4j-push-writer")
        try:
            for phase, tag, statement, rows in _read_ahead(produce, depth=2 * writers):
                phase_start.setdefault(phase, time.perf_counter())
                create = phase == "relations" and tag in creating
                if phase != "relations":
                    account(phase, tag, *_write(session, statement, rows, create, tag))
                    continue
                # Relations only need their nodes, all written by now: two transactions at a
                # time keep the server busy on both cores (its one transaction thread was the
                # limit; README, "Push throughput"). A deadlock between them is a transient
                # error the driver retries, with MERGE.
                while len(in_flight) >= writers:
                    finish_oldest()
                in_flight.append((phase, tag, pool.submit(write_in_thread, statement, rows, create, tag)))
            while in_flight:
                finish_oldest()
        finally:
            pool.shutdown(wait=True)  # at most ``writers`` batches are submitted: all running
            for opened_session in opened:
                opened_session.close()
    summary.entities = done.get("entities", 0)
    summary.documents = done.get("documents", 0)
    summary.mentions = done.get("mentions", 0)
    summary.bylines = totals["bylines"] if "documents" in phases else 0
    summary.relations = done.get("relations", 0)
    summary.relations_by_type = by_tag["relations"]
    summary.seconds = time.perf_counter() - start
    return summary
