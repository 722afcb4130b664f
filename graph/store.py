"""The embedded store: one SQLite file, the source of truth.

WAL mode so readers never block the writer; every batch of documents commits in one
transaction, so a killed ingest leaves a consistent file and a re-run only adds what is
missing. Lookups go through indexes and never load the whole graph.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from newsgraph.errors import DiskFull, NotAStore, StoreError, StoreMissing
from newsgraph.graph import corrections, search
from newsgraph.graph.merge import merge_lone_surnames, resolve_across_documents
from newsgraph.graph import records
from newsgraph.graph.records import Connection, EntityCard, EvidenceItem, StoreStats
from newsgraph.graph.batches import chunks, marks
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.graph.model import COOCCURRENCE, NAMED_IN_TEXT, ExtractedDocument, normalise_name, surname


# "Best evidence first", the one order every reader uses (card, connections, path, exports,
# the Neo4j push's sentence lists): most confident, then newest (undated last), ties by
# document and offset so that every reader picks the same sentence.
# Columns: ``v`` = evidence, ``d`` = documents.
EVIDENCE_ORDER = "v.confidence DESC, d.date DESC, v.document_id, v.start"

def alias_lists(conn: sqlite3.Connection, ids: Sequence[str] | None = None) -> dict[str, list[str]]:
    """The one alias read: each entity's aliases (kind ``alias``: not its canonical name's
    own row, not a surname key), alphabetical; of ``ids`` (through the aliases' primary
    key, in chunks) when given, else of every entity. A reader that shows an entity's
    aliases beside its name leaves the name out itself."""
    select = "SELECT entity_id, alias FROM aliases WHERE kind = 'alias'"
    if ids is None:
        rows: Iterable[tuple[str, str]] = conn.execute(select + " ORDER BY alias")
    else:
        rows = (
            row
            for chunk in chunks(list(ids))
            for row in conn.execute(f"{select} AND entity_id IN ({marks(len(chunk))}) ORDER BY alias", chunk)
        )
    out: dict[str, list[str]] = {}
    for entity_id, alias in rows:
        out.setdefault(entity_id, []).append(alias)
    return out


_E = TypeVar("_E")


def best_first(
    items: Iterable[_E],
    confidence: Callable[[_E], float],
    date: Callable[[_E], str | None],
    place: Callable[[_E], tuple[str, int]],
) -> list[_E]:
    """``EVIDENCE_ORDER`` in Python, for readers that order evidence rows they already hold
    (the exports, the Neo4j push): ``place`` is (document, start)."""
    ordered = sorted(items, key=place)
    ordered.sort(key=lambda v: date(v) or "", reverse=True)  # stable: ties keep document, start
    ordered.sort(key=confidence, reverse=True)
    return ordered


@dataclass
class BatchResult:
    new_documents: int = 0
    present_documents: int = 0
    new_entities: int = 0
    new_relations: int = 0


# How many documents name the entity in their byline (issue 18): a column of every entity
# read, counted from ``bylines`` (indexed on entity_id) so no count can go stale after a
# merge, a split or a forgotten document. SQL for a query over ``entities`` without alias.
BYLINES_COLUMN = "(SELECT count(*) FROM bylines b WHERE b.entity_id = entities.id) AS bylines"


def entity_fields(row: Any, aliases: list[str]) -> EntityCard:
    """An entity row as the dict every reader shows (card, NetworkX node, Neo4j node);
    ``row`` has the ``bylines`` column (``BYLINES_COLUMN``)."""
    return {
        "id": row["id"],
        "name": row["name"],
        "type": row["type"],
        "aliases": aliases,
        "mentions": row["mentions"],
        "documents": row["documents"],
        "bylines": row["bylines"],
        "iso3": row["iso3"],
        "is_agency": bool(row["is_agency"]),
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
    }


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _date_of(published: str | None, modified: str | None = None) -> str | None:
    """The article's own date, never the ingest day: an undated article stays undated
    (a 2005 article stamped with today's date would put it in today's timeline). Without a
    published date, the page's last-modified day (issue 18): the latest the article can
    have appeared, as a web archive's capture date is; ``published`` stays empty so the
    two can be told apart. This date is what ``--since/--until`` and first/last seen read."""
    date = published or modified
    return date[:10] if date else None


class Store:
    """One store file. ``readonly=True`` (every read command) opens it read-only: a
    missing file is an error instead of a new empty store, and nothing is written —
    except to migrate a newsgraph store of an older schema version (graph/schema)."""

    def __init__(self, path: str | Path, *, readonly: bool = False, create: bool = True) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if not create and not readonly and not self.path.is_file():
            # A correction on a store that does not exist is a mistyped --db, not a new store.
            raise StoreMissing(path=str(self.path))
        try:
            self.conn = self._open(readonly)
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
                raise DiskFull(path=str(self.path), detail=str(exc)) from exc
            raise StoreError(path=str(self.path), detail=str(exc)) from exc

    def _open(self, readonly: bool) -> sqlite3.Connection:
        from newsgraph.graph import schema

        where = str(self.path)
        if readonly:
            if not self.path.is_file():
                raise StoreMissing(path=where)
            conn = self._connect(readonly=True)
            version = schema.stored_version(conn, where)
            if version is None:
                raise NotAStore(path=where, detail="an empty database")
            if version != schema.schema_version():
                # Too new: refused by check(). Older: migrated by a write open, once.
                schema.check(conn, where, version)
                conn.close()
                self._connect(readonly=False).close()
                conn = self._connect(readonly=True)
            schema.check(conn, where, schema.schema_version())
            return conn
        conn = self._connect(readonly=False)
        return conn

    def _connect(self, readonly: bool) -> sqlite3.Connection:
        from newsgraph.graph import schema

        where = str(self.path)
        if readonly:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
            conn.row_factory = sqlite3.Row
            # mode=ro, not query_only: exports build TEMP tables, which live outside the file.
            return conn
        conn = sqlite3.connect(where, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        try:
            # Identify the file before anything writes to it (journal_mode=WAL would).
            version = schema.stored_version(conn, where)
            if version is not None:
                schema.check(conn, where, version)  # refuses a newer or altered store
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=OFF")
            if version != schema.schema_version() or conn.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
                schema.upgrade(conn, where)
            with self._tx(conn):
                conn.execute("INSERT OR IGNORE INTO meta VALUES ('data_version', '0')")
                # Tells caches of two different stores apart even at the same data_version.
                conn.execute("INSERT OR IGNORE INTO meta VALUES ('store_id', ?)", (uuid.uuid4().hex,))
        except BaseException:
            conn.close()
            raise
        return conn

    # -- transactions -----------------------------------------------------------------
    class _Tx:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def __enter__(self) -> sqlite3.Connection:
            self.conn.execute("BEGIN IMMEDIATE")
            return self.conn

        def __exit__(self, exc_type: Any, *_: Any) -> None:
            self.conn.execute("ROLLBACK" if exc_type else "COMMIT")

    def transaction(self) -> "Store._Tx":
        return Store._Tx(self.conn)

    @staticmethod
    def _tx(conn: sqlite3.Connection) -> "Store._Tx":
        return Store._Tx(conn)

    def close(self) -> None:
        self.conn.close()

    def data_version(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key='data_version'").fetchone()
        return str(row[0])

    def store_id(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key='store_id'").fetchone()
        return row[0] if row else ""

    # -- writes -----------------------------------------------------------------------
    def present_documents(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for chunk in chunks(ids):
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(f"SELECT id FROM documents WHERE id IN ({marks})", chunk))
        return found

    def add_documents(self, docs: list[ExtractedDocument]) -> BatchResult:
        """Merge a batch of extracted documents in one transaction."""
        result = BatchResult()
        now = _now()
        new_surnames: set[str] = set()
        with self.transaction() as conn:
            for doc in docs:
                if conn.execute("SELECT 1 FROM documents WHERE id=?", (doc.id,)).fetchone():
                    result.present_documents += 1
                    continue
                self._add_document(conn, doc, now, result, new_surnames)
                result.new_documents += 1
            merge_lone_surnames(conn, new_surnames)
            conn.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='data_version'"
            )
        return result

    def _add_document(
        self, conn: sqlite3.Connection, doc: ExtractedDocument, now: str, result: BatchResult,
        new_surnames: set[str] | None = None,
    ) -> None:
        date = _date_of(doc.published, doc.modified)
        conn.execute(
            "INSERT INTO documents (id, title, source, url, published, external_id, text_length, ingested_at, date, "
            "modified, site_name, language) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.title, doc.source, doc.url, doc.published, doc.external_id, doc.text_length, now, date,
             doc.modified, doc.site_name, doc.language),
        )
        if doc.text is not None:  # None: extracted elsewhere (extract --jsonl) without its text
            conn.execute("INSERT OR REPLACE INTO document_texts VALUES (?, ?)", (doc.id, doc.text))
        remap = resolve_across_documents(conn, doc)
        mentions_per_entity: dict[str, int] = {}
        for m in doc.mentions:
            eid = remap.get(m.entity_id, m.entity_id)
            mentions_per_entity[eid] = mentions_per_entity.get(eid, 0) + 1
        for e in doc.entities:
            eid = remap.get(e.id, e.id)
            count = mentions_per_entity.get(eid, 0)
            if e.id in remap:
                aliases = {e.name} | e.aliases
            else:
                stored = conn.execute("SELECT name FROM entities WHERE id=?", (eid,)).fetchone()
                if stored is not None and stored[0].isupper() and not e.name.isupper() and not conn.execute(
                    "SELECT 1 FROM corrections WHERE op IN ('rename', 'merge') AND instr(args, ?)", (json.dumps(eid),)
                ).fetchone():
                    # an earlier document knew the name only in capitals (a dateline): the written form names it,
                    # unless an analyst chose the name (a rename or merge in the corrections log)
                    conn.execute("UPDATE entities SET name=? WHERE id=?", (e.name, eid))
                if stored is None:
                    conn.execute(
                        "INSERT INTO entities (id, type, name, iso3, is_agency, first_seen, last_seen) VALUES (?,?,?,?,?,?,?)",
                        (eid, e.type, e.name, e.iso3, int(e.is_agency), date, date),
                    )
                    result.new_entities += 1
                aliases = set(e.aliases)
                conn.execute(
                    "INSERT OR IGNORE INTO aliases VALUES (?,?,?, 'name')", (eid, e.name, normalise_name(e.name))
                )
                if e.type == "Person" and len(e.name.split()) >= 2:
                    last = surname(e.name)
                    added = conn.execute(
                        "INSERT OR IGNORE INTO aliases VALUES (?,?,?, 'surname')", (eid, last, normalise_name(last))
                    ).rowcount
                    if added and new_surnames is not None:
                        new_surnames.add(normalise_name(last))
            conn.executemany(
                "INSERT OR IGNORE INTO aliases VALUES (?,?,?, 'alias')",
                [(eid, a, normalise_name(a)) for a in aliases if normalise_name(a)],
            )
            if count or e.mentions:
                conn.execute(
                    "INSERT INTO entity_documents VALUES (?,?,?) ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions",
                    (eid, doc.id, count),
                )
        for eid, count in mentions_per_entity.items():
            conn.execute(
                "UPDATE entities SET mentions = mentions + ?, documents = documents + 1, "
                "first_seen = coalesce(min(first_seen, ?), first_seen, ?), "
                "last_seen = coalesce(max(last_seen, ?), last_seen, ?) WHERE id=?",
                (count, date, date, date, date, eid),
            )
        conn.executemany(
            "INSERT OR IGNORE INTO bylines VALUES (?,?)", [(doc.id, remap.get(a, a)) for a in doc.authors]
        )
        conn.executemany(
            "INSERT INTO mentions VALUES (?,?,?,?,?,?)",
            [(doc.id, remap.get(m.entity_id, m.entity_id), m.start, m.end, m.sentence, m.text) for m in doc.mentions],
        )
        touched = set()
        for r in doc.relations:
            head, tail = remap.get(r.head, r.head), remap.get(r.tail, r.tail)
            if head == tail:
                continue
            if r.type == COOCCURRENCE and head > tail:
                head, tail = tail, head  # undirected: one orientation
            row = conn.execute(
                "INSERT INTO relations (head, tail, type, predicate, title, method, confidence, first_seen, last_seen) "
                "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(head, type, tail) DO UPDATE SET "
                "confidence = max(confidence, excluded.confidence), "
                "first_seen = coalesce(min(first_seen, excluded.first_seen), first_seen, excluded.first_seen), "
                "last_seen = coalesce(max(last_seen, excluded.last_seen), last_seen, excluded.last_seen) "
                "RETURNING id, weight",
                (head, tail, r.type, r.predicate, r.title, r.method, r.confidence, date, date),
            ).fetchone()
            if row["weight"] == 0 and row["id"] not in touched:
                result.new_relations += 1
            touched.add(row["id"])
            conn.execute(
                "INSERT OR IGNORE INTO evidence VALUES (?,?,?,?,?,?,?,?)",
                (row["id"], doc.id, r.start, r.end, r.sentence, r.predicate, r.method, r.confidence),
            )
        for rid in touched:
            conn.execute(
                "UPDATE relations SET weight = (SELECT count(*) FROM evidence WHERE relation_id = ?) WHERE id = ?",
                (rid, rid),
            )

    # -- reads ------------------------------------------------------------------------
    def entity(self, eid: str) -> EntityCard | None:
        row = self.conn.execute(f"SELECT *, {BYLINES_COLUMN} FROM entities WHERE id=?", (eid,)).fetchone()
        if row is None:
            return None
        return self._entity_dict(row)

    def _entity_dict(self, row: sqlite3.Row) -> EntityCard:
        aliases = [a for a in alias_lists(self.conn, [row["id"]]).get(row["id"], []) if a != row["name"]]
        return entity_fields(row, aliases)

    def candidates(self, query: str) -> list[tuple[str, str]]:
        """(entity id, how it matched) for an exact id, name, alias or surname, best first."""
        if self.conn.execute("SELECT 1 FROM entities WHERE id=?", (query,)).fetchone():
            return [(query, "id")]
        norm = normalise_name(query)
        if norm.startswith("the "):
            norm = norm[4:]
        rows = self.conn.execute(
            "SELECT a.entity_id, a.kind, e.mentions FROM aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.norm = ? ORDER BY CASE a.kind WHEN 'name' THEN 0 WHEN 'alias' THEN 1 ELSE 2 END, e.mentions DESC, a.entity_id",
            (norm,),
        ).fetchall()
        seen: dict[str, str] = {}
        for r in rows:
            seen.setdefault(r["entity_id"], r["kind"])
        return list(seen.items())

    def search(self, text: str, entity_type: str | None = None, limit: int = 20) -> list[search.SearchHit]:
        return search.search(self.conn, text, entity_type, limit)

    def closest_names(self, query: str, limit: int = 5) -> list[str]:
        from rapidfuzz import fuzz, process

        names = [r[0] for r in self.conn.execute("SELECT name FROM entities ORDER BY mentions DESC LIMIT 200000")]
        return [m[0] for m in process.extract(query, names, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)]

    def entities(self, entity_type: str | None = None, limit: int | None = None) -> list[EntityCard]:
        """Entities the text names, most mentioned first (not byline-only authors)."""
        sql = f"SELECT *, {BYLINES_COLUMN} FROM entities WHERE {NAMED_IN_TEXT}"
        args: list[Any] = []
        if entity_type:
            sql += " AND type = ?"
            args.append(entity_type)
        sql += " ORDER BY mentions DESC, name"
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        return [self._entity_dict(r) for r in self.conn.execute(sql, args)]

    def connections(self, eid: str, flt: RelationFilter | None = None, *, evidence_limit: int = 3) -> list[Connection]:
        """The entity card's relations of ``eid``, passing ``flt`` (its entity types on the
        other end), strongest first within each type, evidence best first."""
        where, args = (flt or RelationFilter()).sql("r", ("e",))
        sql = (
            "SELECT * FROM (SELECT r.*, 'out' AS direction, e.id AS other_id, e.name AS other_name, e.type AS other_type "
            f"FROM relations r JOIN entities e ON e.id = r.tail WHERE r.head = ? AND {where} "
            "UNION ALL "
            "SELECT r.*, 'in' AS direction, e.id AS other_id, e.name AS other_name, e.type AS other_type "
            f"FROM relations r JOIN entities e ON e.id = r.head WHERE r.tail = ? AND {where}) "
            "ORDER BY type = 'CO_OCCURS_WITH', type, weight DESC, other_name, other_id, direction = 'in'"
        )
        out: list[Connection] = []
        for r in self.conn.execute(sql, [eid, *args, eid, *args]):
            out.append(records.connection(r, self.is_confirmed(r["id"]), self.evidence(r["id"], evidence_limit)))
        return out

    def is_confirmed(self, relation_id: int) -> bool:
        return corrections.is_confirmed(self.conn, relation_id)

    def evidence(self, relation_id: int, limit: int | None = None) -> list[EvidenceItem]:
        sql = (
            "SELECT v.document_id, v.sentence, v.start, v.end, d.title, d.date FROM evidence v "
            f"JOIN documents d ON d.id = v.document_id WHERE v.relation_id = ? ORDER BY {EVIDENCE_ORDER}"
        )
        args: list[Any] = [relation_id]
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        return [
            {"document": r[0], "sentence": r[1], "start": r[2], "end": r[3], "title": r[4], "date": r[5]}
            for r in self.conn.execute(sql, args)
        ]

    def stats(self) -> StoreStats:
        c = self.conn
        by_type = {r[0]: r[1] for r in c.execute("SELECT type, count(*) FROM entities GROUP BY type ORDER BY type")}
        rel_types = {r[0]: r[1] for r in c.execute("SELECT type, count(*) FROM relations GROUP BY type ORDER BY count(*) DESC")}
        return {
            "documents": c.execute("SELECT count(*) FROM documents").fetchone()[0],
            "entities": sum(by_type.values()),
            "entities_by_type": by_type,
            "relations": sum(rel_types.values()),
            "relations_by_type": rel_types,
            "evidence": c.execute("SELECT count(*) FROM evidence").fetchone()[0],
            "mentions": c.execute("SELECT count(*) FROM mentions").fetchone()[0],
        }

    def documents_outside(self, folder: str) -> int:
        """How many documents were not read from files under ``folder``."""
        prefix = folder.rstrip("/") + "/"
        return int(self.conn.execute(
            "SELECT count(*) FROM documents WHERE source IS NULL OR substr(source, 1, ?) != ?", (len(prefix), prefix)
        ).fetchone()[0])

    def relation_types(self) -> set[str]:
        """The relation types the store holds. One index seek per type (the next type after
        the last one found), not a scan: a million relations cost a few dozen look-ups."""
        found: set[str] = set()
        last = ""
        while True:
            row = self.conn.execute("SELECT min(type) FROM relations WHERE type > ?", (last,)).fetchone()
            if row[0] is None:
                return found
            last = row[0]
            found.add(last)

    def iter_rows(self, sql: str, args: Iterable[Any] = ()) -> Iterator[sqlite3.Row]:
        yield from self.conn.execute(sql, list(args))
