"""The analyst's corrections: an append-only log, applied to the store, replayed on ingest.

A correction (merge, split, rename, retype, alias add/remove, reject, confirm, forget) is
one row of ``corrections`` (what, arguments as JSON, note, user, time) and one
transaction: the rows it is about to change are copied into ``undo_<table>`` shadow
tables first, then changed, then ``data_version`` is bumped (so the embedded Cypher graph
and other caches rebuild). A kill at any point leaves the store as before or as after.

**Undo** deletes the rows the correction's scope covers and puts the copies back: the
exact previous state. It refuses once articles were ingested after the correction (their
rows would be lost); correct again instead.

**Replay** (``Rules``): the active corrections compiled into look-ups that rewrite each
newly extracted article before it is stored, so a correction is a rule about the data:

- merge: the absorbed entities' ids and names (and aliases) lead to the survivor;
- rename / alias add: the new name or alias leads to the entity;
- alias remove: the alias is neither stored for the entity again nor leads to it;
- split --alias: an entity later extracted under a split-off alias joins the new entity;
  split --document: only those documents' mentions moved, later mentions stay with the
  original (the extractor keeps naming it so);
- reject: the (head, type, tail) edge is never stored again, whatever the sentence;
- confirm: the edge keeps confidence 1.0 when more evidence arrives;
- forget: the document is skipped if ingested again (undo the forget to take it back).

**Neo4j**: what a correction removes from the store (entities, documents, MENTIONS pairs,
relations) is recorded in ``removed_items``; ``neo4j push`` deletes those still absent.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from typing import Any

from newsgraph.errors import CorrectionError, UndoRefused
from newsgraph.graph.model import COOCCURRENCE, ExtractedDocument, ExtractedEntity, normalise_name

OPS = ("merge", "split", "rename", "retype", "alias-add", "alias-remove", "reject", "confirm", "forget")


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def current_user() -> str:
    try:
        return os.environ.get("USER") or getpass.getuser()
    except Exception:  # no user database entry (containers): still a correction, by nobody named
        return ""


# -- scope: which rows a correction may change, copied before and restored on undo ------------
@dataclass
class Scope:
    """The rows a correction may change. ``moved``: entities whose mentions and relations
    move (merge's sources, split's two ends); ``counted``: entities whose row, aliases and
    per-document counts change but whose relations stay (merge's survivor); ``entities``:
    entities whose row and aliases change; ``relations``: relation ids with their evidence
    (a merge's fold targets, reject, confirm); ``documents``: documents with their mentions
    and evidence (forget).

    Rows are copied with their rowid and restored by it (INSERT OR REPLACE), so a row the
    correction only updated (a mention or relation re-pointed from a source to the
    survivor) is put back even though the clause no longer matches it afterwards; rows
    the correction creates must match the clause (split's new entity is ``moved``).

    ``relations_of_moved``: the evidence and confirmations of every relation of a
    ``moved`` entity are copied. A merge says False and lists in ``relations`` the ones
    whose evidence or confirmation does change (edges that fold, self-loops and the edges
    they fold into): a relation it only re-points keeps its id, so its evidence is
    untouched, and a merge of 10,000 relations copies half the rows."""

    moved: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    relations: list[int] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    counted: list[str] = field(default_factory=list)
    relations_of_moved: bool = True

    def clauses(self) -> dict[str, tuple[str, list[Any]]]:
        """(WHERE clause, args) per table, in the order rows are deleted on restore."""
        m = json.dumps(self.moved)
        mc = json.dumps(sorted(set(self.moved) | set(self.counted)))
        e = json.dumps(sorted(set(self.moved) | set(self.entities) | set(self.counted)))
        r, d = json.dumps(self.relations), json.dumps(self.documents)
        in_m = "(SELECT value FROM json_each(?))"
        if self.relations_of_moved:
            rel_ids = f"(SELECT id FROM relations WHERE head IN {in_m} OR tail IN {in_m} UNION SELECT value FROM json_each(?))"
            rel_args = [m, m, r]
        else:
            rel_ids, rel_args = in_m, [r]
        return {
            "evidence": (f"relation_id IN {rel_ids} OR document_id IN {in_m}", [*rel_args, d]),
            "confirmed_relations": (f"relation_id IN {rel_ids}", rel_args),
            "relations": (f"head IN {in_m} OR tail IN {in_m} OR id IN {in_m}", [m, m, r]),
            "mentions": (f"entity_id IN {in_m} OR document_id IN {in_m}", [m, d]),
            "entity_documents": (f"entity_id IN {in_m} OR document_id IN {in_m}", [mc, d]),
            "aliases": (f"entity_id IN {in_m}", [e]),
            "bylines": (f"entity_id IN {in_m} OR document_id IN {in_m}", [mc, d]),
            "merged_entities": (f"id IN {in_m} OR into_id IN {in_m}", [mc, mc]),
            "entities": (f"id IN {in_m}", [e]),
            "document_texts": (f"document_id IN {in_m}", [d]),
            "documents": (f"id IN {in_m}", [d]),
        }

    def to_json(self) -> str:
        # Not dataclasses.asdict: it deep-copies every id of a 10,000-relation merge (15 ms).
        return json.dumps({f.name: getattr(self, f.name) for f in fields(self)})


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _shadow(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns of ``table``, and its shadow ``undo_<table>`` (``seq``, ``_rowid`` and
    the table's columns) made to hold them all."""
    cols = _columns(conn, table)
    have = _columns(conn, f"undo_{table}")
    if not have:
        conn.execute(f"CREATE TABLE undo_{table} (seq INTEGER NOT NULL, _rowid INTEGER, {', '.join(cols)})")
        conn.execute(f"CREATE INDEX undo_{table}_seq ON undo_{table}(seq)")
    else:
        for c in ["_rowid", *cols]:
            if c not in have:  # a later schema added a column
                conn.execute(f"ALTER TABLE undo_{table} ADD COLUMN {c}")
    return cols


def _snapshot(conn: sqlite3.Connection, seq: int, scope: Scope) -> None:
    for table, (where, args) in scope.clauses().items():
        cols = ", ".join(_shadow(conn, table))
        conn.execute(f"INSERT INTO undo_{table} (seq, _rowid, {cols}) SELECT ?, rowid, {cols} FROM {table} WHERE {where}",
                     [seq, *args])


def _restore(conn: sqlite3.Connection, seq: int, scope: Scope) -> None:
    clauses = scope.clauses()
    # Every norm of a copied alias is in the search index already (norms stay there when
    # their last alias goes): the rows the aliases trigger adds while restoring are copies.
    indexed = conn.execute("SELECT coalesce(max(rowid), 0) FROM search_norms").fetchone()[0]
    for table, (where, args) in clauses.items():
        conn.execute(f"DELETE FROM {table} WHERE {where}", args)
    for table in clauses:
        cols = ", ".join(_columns(conn, table))
        conn.execute(
            f"INSERT OR REPLACE INTO {table} (rowid, {cols}) SELECT _rowid, {cols} FROM undo_{table} WHERE seq = ?", (seq,))
    conn.execute("DELETE FROM search_norms WHERE rowid > ?", (indexed,))


def _record_removals(conn: sqlite3.Connection, seq: int) -> None:
    """What the correction took away (present in the copy, absent now), for a Neo4j push."""
    conn.execute(
        "INSERT OR IGNORE INTO removed_items SELECT 'entity', id FROM undo_entities u WHERE seq = ? "
        "AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = u.id)", (seq,))
    conn.execute(
        "INSERT OR IGNORE INTO removed_items SELECT 'document', id FROM undo_documents u WHERE seq = ? "
        "AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = u.id)", (seq,))
    conn.execute(
        "INSERT OR IGNORE INTO removed_items SELECT 'mention', json_array(document_id, entity_id) FROM undo_entity_documents u "
        "WHERE seq = ? AND NOT EXISTS (SELECT 1 FROM entity_documents x WHERE x.entity_id = u.entity_id "
        "AND x.document_id = u.document_id)", (seq,))
    # A relation of an entity that went (a merge's source) goes with its node: the push
    # deletes that node with DETACH DELETE, so its 10,000 edges need no row each here.
    conn.execute(
        "WITH gone(id) AS (SELECT id FROM undo_entities WHERE seq = ?1 AND id NOT IN (SELECT id FROM entities)) "
        "INSERT OR IGNORE INTO removed_items SELECT 'relation', json_array(head, type, tail) FROM undo_relations u "
        "WHERE seq = ?1 AND head NOT IN gone AND tail NOT IN gone AND NOT EXISTS (SELECT 1 FROM relations r "
        "WHERE r.head = u.head AND r.type = u.type AND r.tail = u.tail)", (seq,))


def _bump(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='data_version'")
    # Undo is safe while nothing but corrections wrote since: remember the version they left.
    conn.execute(
        "INSERT INTO meta VALUES ('corrections_version', (SELECT value FROM meta WHERE key='data_version')) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    )


# -- the log ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Correction:
    """One line of the log; ``args`` names entities by id (and by name, for people)."""

    seq: int
    uid: str
    op: str
    args: dict[str, Any]
    note: str | None
    user: str | None
    at: str
    undone_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        a = self.args
        if self.op == "merge":
            sources = ", ".join(f"{n} ({i})" for n, i in zip(a["names"], a["entities"]))
            return f"merge {sources} into {a['into_name']} ({a['into']})"
        if self.op == "split":
            what = ", ".join(a.get("documents") or a.get("aliases") or [])
            return f"split {a['entity']} ({what}) into {a['name']} ({a['new_id']})"
        if self.op == "rename":
            return f"rename {a['entity']} from {a['old']!r} to {a['name']!r}"
        if self.op == "retype":
            return f"retype {a['entity']} from {a['old']} to {a['type']}"
        if self.op in ("alias-add", "alias-remove"):
            return f"{self.op} {a['alias']!r} on {a['entity']}"
        if self.op in ("reject", "confirm"):
            return f"{self.op} relation {a['relation']}: {a['head']} -{a['type']}-> {a['tail']}"
        return f"forget {len(a['documents'])} document(s): {', '.join(a['documents'][:5])}"


def _row(r: sqlite3.Row) -> Correction:
    return Correction(seq=r["seq"], uid=r["uid"], op=r["op"], args=json.loads(r["args"]), note=r["note"],
                      user=r["user"], at=r["at"], undone_at=r["undone_at"])


def log(conn: sqlite3.Connection, include_undone: bool = True) -> list[Correction]:
    sql = "SELECT * FROM corrections" + ("" if include_undone else " WHERE undone_at IS NULL") + " ORDER BY seq"
    return [_row(r) for r in conn.execute(sql)]


# -- applying ----------------------------------------------------------------------------------
def _entity(conn: sqlite3.Connection, eid: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM entities WHERE id = ?", (eid,)).fetchone()
    if row is None:
        raise CorrectionError(detail=f"no entity {eid!r} in the store")
    return row


def _relation(conn: sqlite3.Connection, rid: int) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM relations WHERE id = ?", (rid,)).fetchone()
    if row is None:
        raise CorrectionError(detail=f"no relation {rid} in the store (ids are shown by entity/connections --json and exports)")
    return row


def document_ids(conn: sqlite3.Connection, refs: Iterable[str]) -> list[str]:
    """Documents by id, source path or external id; every reference must match one at least."""
    from pathlib import Path

    out: list[str] = []
    for ref in refs:
        rows = [r[0] for r in conn.execute(
            "SELECT id FROM documents WHERE id = ?1 OR source = ?1 OR external_id = ?1 OR url = ?1 ORDER BY id", (ref,))]
        if not rows and Path(ref).exists():
            # A path as typed here: the store keeps the absolute one, with ":N" per line of a JSONL file.
            full = str(Path(ref).resolve())
            rows = [r[0] for r in conn.execute(
                "SELECT id FROM documents WHERE source = ?1 OR (source > ?1 || ':' AND source < ?1 || ';') ORDER BY id", (full,))]
        if not rows:
            raise CorrectionError(detail=f"no document {ref!r} in the store (give an id, a source path or an external id)")
        out += [r for r in rows if r not in out]
    return out


def _plan(conn: sqlite3.Connection, op: str, args: dict[str, Any]) -> Scope:
    """Check the targets exist and say which rows the correction may change."""
    from newsgraph.graph import merge as mg

    if op == "merge":
        ids = [*args["entities"], args["into"]]
        for eid in ids:
            _entity(conn, eid)
        if len(set(ids)) != len(ids):
            raise CorrectionError(detail="merge needs distinct entities")
        # The relations whose evidence or confirmation a merge changes: those of the sources
        # that fold into an edge already there or become self-loops, and the edges they
        # fold into (their weight, confidence and dates change too). Re-pointed relations
        # keep their id and evidence: their rows alone are copied (head or tail a source).
        if len(args["entities"]) == 1:
            # One source: the moves planned here are the ones ``_apply`` makes.
            changed = mg.plan_moves(conn, args["entities"][0], args["into"])
        else:
            # Several, merged one after the other: an edge of one source may also fold into
            # another source's edge re-pointed just before (same new ends).
            changed = [r[0] for r in conn.execute(
                "WITH src(id) AS (SELECT value FROM json_each(?1)), "
                "ends AS (SELECT id, type, CASE WHEN head IN src THEN ?2 ELSE head END AS nh, "
                "CASE WHEN tail IN src THEN ?2 ELSE tail END AS nt FROM relations WHERE head IN src OR tail IN src), "
                "moved AS (SELECT id, type, CASE WHEN type = ?3 AND nh > nt THEN nt ELSE nh END AS h, "
                "CASE WHEN type = ?3 AND nh > nt THEN nh ELSE nt END AS t FROM ends), "
                "keys AS (SELECT type, h, t FROM moved GROUP BY type, h, t HAVING count(*) > 1 OR h = t "
                "UNION SELECT m.type, m.h, m.t FROM moved m JOIN relations r ON r.head = m.h AND r.type = m.type AND r.tail = m.t) "
                "SELECT m.id FROM keys k JOIN moved m ON m.type = k.type AND m.h = k.h AND m.t = k.t "
                "UNION SELECT r.id FROM keys k JOIN relations r ON r.head = k.h AND r.type = k.type AND r.tail = k.t",
                (json.dumps(args["entities"]), args["into"], COOCCURRENCE))]
        return Scope(moved=list(args["entities"]), counted=[args["into"]], relations=sorted(changed), relations_of_moved=False)
    if op == "split":
        _entity(conn, args["entity"])
        return Scope(moved=[args["entity"], args["new_id"]])
    if op in ("rename", "retype", "alias-add", "alias-remove"):
        _entity(conn, args["entity"])
        return Scope(entities=[args["entity"]])
    if op in ("reject", "confirm"):
        _relation(conn, args["relation"])
        return Scope(relations=[args["relation"]])
    if op == "forget":
        docs = args["documents"]
        ents = [r[0] for r in conn.execute(
            "SELECT DISTINCT entity_id FROM entity_documents WHERE document_id IN (SELECT value FROM json_each(?1)) "
            "UNION SELECT entity_id FROM mentions WHERE document_id IN (SELECT value FROM json_each(?1)) "
            "UNION SELECT entity_id FROM bylines WHERE document_id IN (SELECT value FROM json_each(?1))",
            (json.dumps(docs),))]
        rels = [r[0] for r in conn.execute(
            "SELECT DISTINCT relation_id FROM evidence WHERE document_id IN (SELECT value FROM json_each(?))", (json.dumps(docs),))]
        ends = [r[0] for r in conn.execute(
            "SELECT head FROM relations WHERE id IN (SELECT value FROM json_each(?)) UNION "
            "SELECT tail FROM relations WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(rels), json.dumps(rels)))]
        return Scope(entities=sorted(set(ents) | set(ends)), relations=rels, documents=docs)
    raise CorrectionError(detail=f"unknown correction {op!r}; use one of {', '.join(OPS)}")


def _apply(conn: sqlite3.Connection, op: str, args: dict[str, Any], scope: Scope) -> None:
    from newsgraph.graph import merge as mg

    if op == "merge":
        for src in args["entities"]:
            mg.merge_entity(conn, src, args["into"], planned=len(args["entities"]) == 1)
        if args.get("name"):
            _rename(conn, args["into"], args["name"])
    elif op == "split":
        src = _entity(conn, args["entity"])
        if conn.execute("SELECT 1 FROM entities WHERE id = ?", (args["new_id"],)).fetchone() is None:
            conn.execute(
                "INSERT INTO entities (id, type, name, iso3, is_agency) VALUES (?,?,?,?,?)",
                (args["new_id"], src["type"], args["name"], src["iso3"] if src["type"] != "Country" else None, src["is_agency"]),
            )
            conn.execute("INSERT OR IGNORE INTO aliases VALUES (?,?,?, 'name')",
                         (args["new_id"], args["name"], normalise_name(args["name"])))
        moved = mg.split_entity(conn, args["entity"], args["new_id"], documents=args.get("documents") or (),
                                aliases=args.get("aliases") or ())
        if not moved:
            raise CorrectionError(detail=f"split moves nothing: {args['entity']} has no mention in those documents or with those aliases")
    elif op == "rename":
        _rename(conn, args["entity"], args["name"])
    elif op == "retype":
        conn.execute("UPDATE entities SET type = ? WHERE id = ?", (args["type"], args["entity"]))
    elif op == "alias-add":
        conn.execute("INSERT OR IGNORE INTO aliases VALUES (?,?,?, 'alias')",
                     (args["entity"], args["alias"], normalise_name(args["alias"])))
    elif op == "alias-remove":
        norm = normalise_name(args["alias"])
        row = _entity(conn, args["entity"])
        if normalise_name(row["name"]) == norm:
            raise CorrectionError(detail=f"{args['alias']!r} is the name of {args['entity']}; rename it instead")
        gone = conn.execute("DELETE FROM aliases WHERE entity_id = ? AND norm = ?", (args["entity"], norm)).rowcount
        if not gone:
            raise CorrectionError(detail=f"{args['entity']} has no alias {args['alias']!r}")
    elif op == "reject":
        rid = args["relation"]
        conn.execute("DELETE FROM evidence WHERE relation_id = ?", (rid,))
        conn.execute("DELETE FROM confirmed_relations WHERE relation_id = ?", (rid,))
        conn.execute("DELETE FROM relations WHERE id = ?", (rid,))
    elif op == "confirm":
        conn.execute("UPDATE relations SET confidence = 1.0 WHERE id = ?", (args["relation"],))
        conn.execute("INSERT OR IGNORE INTO confirmed_relations VALUES (?)", (args["relation"],))
    elif op == "forget":
        _forget(conn, args["documents"], scope)


def _rename(conn: sqlite3.Connection, eid: str, name: str) -> None:
    conn.execute("UPDATE aliases SET kind = 'alias' WHERE entity_id = ? AND kind = 'name' "
                 "AND NOT EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = aliases.entity_id AND a.norm = aliases.norm AND a.kind = 'alias')",
                 (eid,))
    conn.execute("DELETE FROM aliases WHERE entity_id = ? AND kind = 'name'", (eid,))
    conn.execute("DELETE FROM aliases WHERE entity_id = ? AND norm = ? AND kind = 'alias'", (eid, normalise_name(name)))
    conn.execute("INSERT OR IGNORE INTO aliases VALUES (?,?,?, 'name')", (eid, name, normalise_name(name)))
    conn.execute("UPDATE entities SET name = ? WHERE id = ?", (name, eid))


def _forget(conn: sqlite3.Connection, docs: list[str], scope: Scope) -> None:
    from newsgraph.graph.merge import refresh_entity, refresh_relation

    d = json.dumps(docs)
    for table in ("evidence", "mentions", "entity_documents", "bylines", "document_texts"):
        conn.execute(f"DELETE FROM {table} WHERE document_id IN (SELECT value FROM json_each(?))", (d,))
    conn.execute("DELETE FROM documents WHERE id IN (SELECT value FROM json_each(?))", (d,))
    for rid in scope.relations:
        if not refresh_relation(conn, rid):
            conn.execute("DELETE FROM confirmed_relations WHERE relation_id = ?", (rid,))
        else:
            conn.execute(
                "UPDATE relations SET confidence = CASE WHEN id IN (SELECT relation_id FROM confirmed_relations) THEN 1.0 "
                "ELSE (SELECT max(confidence) FROM evidence WHERE relation_id = ?1) END WHERE id = ?1", (rid,))
    for eid in scope.entities:
        refresh_entity(conn, eid)
        # An entity nothing supports any more (no document mentions it, no relation holds it) goes.
        if not conn.execute(
            "SELECT 1 FROM entity_documents WHERE entity_id = ?1 UNION ALL SELECT 1 FROM bylines WHERE entity_id = ?1 "
            "UNION ALL SELECT 1 FROM relations WHERE head = ?1 OR tail = ?1 LIMIT 1", (eid,)
        ).fetchone():
            conn.execute("DELETE FROM aliases WHERE entity_id = ?", (eid,))
            conn.execute("DELETE FROM entities WHERE id = ?", (eid,))


def apply_correction(
    conn: sqlite3.Connection, op: str, args: dict[str, Any], *, note: str | None = None, user: str | None = None,
    uid: str | None = None, at: str | None = None,
) -> Correction:
    """Check, copy, change and log one correction in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        scope = _plan(conn, op, args)
        seq = conn.execute(
            "INSERT INTO corrections (uid, op, args, note, user, at, scope) VALUES (?,?,?,?,?,?,?) RETURNING seq",
            (uid or uuid.uuid4().hex, op, json.dumps(args, ensure_ascii=False), note,
             current_user() if user is None else user, at or _now(), scope.to_json()),
        ).fetchone()[0]
        _snapshot(conn, seq, scope)
        _apply(conn, op, args, scope)
        _record_removals(conn, seq)
        _bump(conn)
        row = conn.execute("SELECT * FROM corrections WHERE seq = ?", (seq,)).fetchone()
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return _row(row)


def undo(conn: sqlite3.Connection, count: int = 1) -> list[Correction]:
    """Revert the last ``count`` active corrections, newest first, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        rows = conn.execute(
            "SELECT * FROM corrections WHERE undone_at IS NULL ORDER BY seq DESC LIMIT ?", (count,)
        ).fetchall()
        if len(rows) < count:
            raise UndoRefused(detail=f"only {len(rows)} correction(s) to undo")
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('data_version', 'corrections_version')").fetchall())
        if rows and meta.get("data_version") != meta.get("corrections_version"):
            raise UndoRefused(detail=f"articles were ingested after correction {rows[0]['seq']}, so undo would lose "
                                     "their rows; correct again instead (split, rename, alias, ...)")
        now = _now()
        for r in rows:
            scope = Scope(**json.loads(r["scope"]))
            # The corrected rows, copied under -seq for a moment: what the undo takes away
            # (an entity a split made) is recorded for the next Neo4j push like any removal.
            _snapshot(conn, -r["seq"], scope)
            # Relations the correction re-pointed keep their id but no longer match the
            # scope: their present keys may vanish too (a push skips those that come back).
            conn.execute(
                "INSERT OR IGNORE INTO removed_items SELECT 'relation', json_array(x.head, x.type, x.tail) "
                "FROM undo_relations u JOIN relations x ON x.id = u._rowid WHERE u.seq = ? "
                "AND (x.head != u.head OR x.tail != u.tail)", (r["seq"],))
            _restore(conn, r["seq"], scope)
            _record_removals(conn, -r["seq"])
            conn.execute("UPDATE corrections SET undone_at = ? WHERE seq = ?", (now, r["seq"]))
            for table in scope.clauses():
                conn.execute(f"DELETE FROM undo_{table} WHERE seq IN (?, ?)", (r["seq"], -r["seq"]))
        _bump(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return [_row(r) for r in conn.execute(
        f"SELECT * FROM corrections WHERE seq IN ({','.join(str(r['seq']) for r in rows) or '0'}) ORDER BY seq DESC")]


# -- export / import -------------------------------------------------------------------------
EXPORT_FIELDS = ("uid", "op", "args", "note", "user", "at")


def export_lines(conn: sqlite3.Connection) -> Iterator[str]:
    """The active corrections as JSON Lines, oldest first (undone ones are left out)."""
    for c in log(conn, include_undone=False):
        yield json.dumps({k: getattr(c, k) for k in EXPORT_FIELDS}, ensure_ascii=False, sort_keys=True)


def known_uids(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT uid FROM corrections")}


# -- replay ----------------------------------------------------------------------------------
def _key(head: str, rtype: str, tail: str) -> tuple[str, str, str]:
    if rtype == COOCCURRENCE and head > tail:
        head, tail = tail, head
    return head, rtype, tail


class Rules:
    """The active corrections as look-ups that rewrite an extracted article before it is
    stored (see the module docstring). Compiled once per ingest: a few dict look-ups per
    entity and relation, whatever the length of the log."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.redirect: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.suppressed: set[tuple[str, str]] = set()
        self.rejected: set[tuple[str, str, str]] = set()
        self.confirmed: set[tuple[str, str, str]] = set()
        self.forgotten: set[str] = set()
        for c in log(conn, include_undone=False):
            a = c.args
            if c.op == "merge":
                for src in a["entities"]:
                    self.redirect[src] = a["into"]
                for norm in a.get("norms", []):
                    self.names[norm] = a["into"]
                if a.get("name"):
                    self.names[normalise_name(a["name"])] = a["into"]
            elif c.op == "split":
                for alias in a.get("aliases") or []:
                    self.names[normalise_name(alias)] = a["new_id"]
            elif c.op == "rename":
                self.names[normalise_name(a["name"])] = a["entity"]
            elif c.op == "alias-add":
                self.names[normalise_name(a["alias"])] = a["entity"]
                self.suppressed.discard((a["entity"], normalise_name(a["alias"])))
            elif c.op == "alias-remove":
                norm = normalise_name(a["alias"])
                self.suppressed.add((a["entity"], norm))
                if self.names.get(norm) == a["entity"]:
                    del self.names[norm]
            elif c.op == "reject":
                self.rejected.add(_key(a["head"], a["type"], a["tail"]))
                self.confirmed.discard(_key(a["head"], a["type"], a["tail"]))
            elif c.op == "confirm":
                self.confirmed.add(_key(a["head"], a["type"], a["tail"]))
                self.rejected.discard(_key(a["head"], a["type"], a["tail"]))
            elif c.op == "forget":
                self.forgotten.update(a["documents"])
        # Edges named before a later merge are named by the survivor now.
        self.rejected = {_key(self.entity(h), t, self.entity(x)) for h, t, x in self.rejected}
        self.confirmed = {_key(self.entity(h), t, self.entity(x)) for h, t, x in self.confirmed}
        self._rows: dict[str, sqlite3.Row | None] = {}
        self._norms: dict[str, str] = {}  # names recur across articles: normalise each once
        self._suppressed_ids = {eid for eid, _ in self.suppressed}
        self._version: Any = None

    def norm(self, name: str) -> str:
        n = self._norms.get(name)
        if n is None:
            n = self._norms[name] = normalise_name(name)
        return n

    def __bool__(self) -> bool:
        return bool(self.redirect or self.names or self.suppressed or self.rejected or self.confirmed or self.forgotten)

    def entity(self, eid: str) -> str:
        seen = set()
        while eid in self.redirect and eid not in seen:
            seen.add(eid)
            eid = self.redirect[eid]
        return eid

    def _stored(self, eid: str) -> sqlite3.Row | None:
        # Cached until the store's data version moves (``apply``); a miss is looked up again.
        if self._rows.get(eid) is None:
            self._rows[eid] = self.conn.execute("SELECT name, type, iso3, is_agency FROM entities WHERE id = ?", (eid,)).fetchone()
        return self._rows[eid]

    def apply(self, doc: ExtractedDocument) -> ExtractedDocument | None:
        """``doc`` rewritten by the rules (None: a forgotten document)."""
        if doc.id in self.forgotten:
            return None
        if not self:
            return doc
        version = self.conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        if version != self._version:  # a batch was stored (a lone-surname merge may have removed a target)
            self._rows.clear()
            self._version = version
        remap: dict[str, str] = {}
        for e in doc.entities:
            target = self.entity(e.id)
            if target == e.id and self.names and (named := self.names.get(self.norm(e.name))):
                target = self.entity(named)
            if target != e.id and self._stored(target) is not None:
                remap[e.id] = target
        if remap:
            merged: dict[str, ExtractedEntity] = {}
            for e in doc.entities:
                tid = remap.get(e.id, e.id)
                row = self._stored(tid) if tid != e.id else None
                into = merged.get(tid)
                if into is None:
                    into = merged[tid] = ExtractedEntity(
                        id=tid, name=row["name"] if row else e.name, type=row["type"] if row else e.type,
                        iso3=row["iso3"] if row else e.iso3, is_agency=bool(row["is_agency"]) if row else e.is_agency,
                    )
                into.aliases |= e.aliases | ({e.name} if e.name != into.name else set())
                into.mentions += e.mentions
            doc.entities = list(merged.values())
            doc.mentions = [type(m)(remap.get(m.entity_id, m.entity_id), m.text, m.start, m.end, m.sentence) for m in doc.mentions]
            for r in doc.relations:
                r.head, r.tail = remap.get(r.head, r.head), remap.get(r.tail, r.tail)
        if self.suppressed:
            for e in doc.entities:
                if e.id in self._suppressed_ids:
                    e.aliases = {a for a in e.aliases if (e.id, self.norm(a)) not in self.suppressed}
        if self.rejected or self.confirmed:
            kept = []
            for r in doc.relations:
                key = _key(r.head, r.type, r.tail)
                if key in self.rejected:
                    continue
                if key in self.confirmed:
                    r.confidence = 1.0
                kept.append(r)
            doc.relations = kept
        return doc


# -- arguments: what the log records, read from the store when the analyst asks ----------------
def merge_args(conn: sqlite3.Connection, sources: list[str], into: str, name: str | None) -> dict[str, Any]:
    rows = [_entity(conn, e) for e in [*sources, into]]
    norms = sorted({r[0] for r in conn.execute(
        "SELECT norm FROM aliases WHERE entity_id IN (SELECT value FROM json_each(?)) AND kind != 'surname'",
        (json.dumps(sources),))})
    return {"entities": sources, "names": [r["name"] for r in rows[:-1]], "into": into, "into_name": name or rows[-1]["name"],
            "name": name, "norms": norms}


def split_args(conn: sqlite3.Connection, eid: str, documents: list[str], aliases: list[str], name: str | None) -> dict[str, Any]:
    from newsgraph.graph.model import entity_id

    row = _entity(conn, eid)
    if bool(documents) == bool(aliases):
        raise CorrectionError(detail="split takes --document DOC... or --alias ALIAS..., one of the two")
    if aliases:
        have = {r[0] for r in conn.execute("SELECT norm FROM aliases WHERE entity_id = ? AND kind != 'name'", (eid,))}
        missing = [a for a in aliases if normalise_name(a) not in have]
        if missing:
            raise CorrectionError(detail=f"{eid} has no alias {missing[0]!r} (its name stays with it; rename to change it)")
    new_name = name or (aliases[0] if aliases else None)
    if not new_name:
        raise CorrectionError(detail="a split by document needs --name for the new entity")
    new_id = entity_id(row["type"], new_name) if row["type"] != "Country" else f"country:{normalise_name(new_name).replace(' ', '-')}"
    if new_id == eid:
        raise CorrectionError(detail=f"the new entity would be {eid} itself; choose another --name")
    return {"entity": eid, "documents": document_ids(conn, documents) if documents else [], "aliases": aliases,
            "name": new_name, "new_id": new_id}


def relation_args(conn: sqlite3.Connection, rid: int) -> dict[str, Any]:
    r = _relation(conn, rid)
    return {"relation": rid, "head": r["head"], "type": r["type"], "tail": r["tail"]}


def entity_args(conn: sqlite3.Connection, eid: str, **extra: Any) -> dict[str, Any]:
    row = _entity(conn, eid)
    args: dict[str, Any] = {"entity": eid, **extra}
    if "name" in extra:
        args["old"] = row["name"]
    if "type" in extra:
        args["old"] = row["type"]
    return args


def is_confirmed(conn: sqlite3.Connection, rid: int) -> bool:
    return conn.execute("SELECT 1 FROM confirmed_relations WHERE relation_id = ?", (rid,)).fetchone() is not None


def relation_id(conn: sqlite3.Connection, head: str, rtype: str, tail: str) -> int:
    h, t, x = _key(head, rtype, tail)
    row = conn.execute("SELECT id FROM relations WHERE head = ? AND type = ? AND tail = ?", (h, t, x)).fetchone()
    if row is None:
        raise CorrectionError(detail=f"no relation {head} -{rtype}-> {tail} in the store")
    return int(row[0])
