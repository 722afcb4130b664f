"""Cross-article resolution: making one entity of several, and several of one.

``merge_entity`` folds one entity into another (the lone-surname rule of the store and the
analyst's ``merge`` both use it); ``split_entity`` moves chosen mentions, with the relations
and evidence they support, to another entity (the analyst's ``split``). Both only write
rows; the caller owns the transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from newsgraph.graph.model import COOCCURRENCE, normalise_name


def _oriented(rtype: str, head: str, tail: str) -> tuple[str, str]:
    # Co-occurrence is undirected: the store keeps one orientation.
    if rtype == COOCCURRENCE and head > tail:
        return tail, head
    return head, tail


def merge_entity(conn: sqlite3.Connection, src: str, dst: str) -> None:
    """Move everything of entity ``src`` onto ``dst`` and delete ``src``: mentions,
    documents, aliases, and relations (merged with ``dst``'s own where they coincide)."""
    conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (dst, src))
    conn.execute("UPDATE OR IGNORE bylines SET entity_id = ? WHERE entity_id = ?", (dst, src))
    conn.execute("DELETE FROM bylines WHERE entity_id = ?", (src,))
    conn.execute(
        "INSERT INTO entity_documents SELECT ?, document_id, mentions FROM entity_documents WHERE entity_id = ? "
        "ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions",
        (dst, src),
    )
    conn.execute("DELETE FROM entity_documents WHERE entity_id = ?", (src,))
    conn.execute(
        "INSERT OR IGNORE INTO aliases SELECT ?, alias, norm, 'alias' FROM aliases WHERE entity_id = ?", (dst, src)
    )
    conn.execute("DELETE FROM aliases WHERE entity_id = ?", (src,))
    s = conn.execute("SELECT mentions, first_seen, last_seen FROM entities WHERE id = ?", (src,)).fetchone()
    conn.execute(
        "UPDATE entities SET mentions = mentions + ?, "
        "documents = (SELECT count(*) FROM entity_documents WHERE entity_id = ?), "
        "first_seen = min(coalesce(first_seen, ?), coalesce(?, first_seen)), "
        "last_seen = max(coalesce(last_seen, ?), coalesce(?, last_seen)) WHERE id = ?",
        (s["mentions"], dst, s["first_seen"], s["first_seen"], s["last_seen"], s["last_seen"], dst),
    )
    conn.execute("DELETE FROM entities WHERE id = ?", (src,))
    conn.execute("INSERT OR REPLACE INTO merged_entities VALUES (?, ?)", (src, dst))
    moved = conn.execute(
        "SELECT id, head, tail, type, confidence, first_seen, last_seen FROM relations WHERE head = ? OR tail = ?",
        (src, src),
    ).fetchall()
    for r in moved:
        head = dst if r["head"] == src else r["head"]
        tail = dst if r["tail"] == src else r["tail"]
        head, tail = _oriented(r["type"], head, tail)
        if head == tail:
            conn.execute("DELETE FROM evidence WHERE relation_id = ?", (r["id"],))
            conn.execute("DELETE FROM relations WHERE id = ?", (r["id"],))
            continue
        existing = conn.execute(
            "SELECT id FROM relations WHERE head = ? AND type = ? AND tail = ?", (head, r["type"], tail)
        ).fetchone()
        if existing is None:
            conn.execute("UPDATE relations SET head = ?, tail = ? WHERE id = ?", (head, tail, r["id"]))
            continue
        target = existing[0]
        conn.execute(
            "INSERT OR IGNORE INTO evidence SELECT ?, document_id, start, end, sentence, predicate, method, confidence "
            "FROM evidence WHERE relation_id = ?",
            (target, r["id"]),
        )
        conn.execute("DELETE FROM evidence WHERE relation_id = ?", (r["id"],))
        conn.execute("DELETE FROM relations WHERE id = ?", (r["id"],))
        conn.execute(
            "UPDATE relations SET weight = (SELECT count(*) FROM evidence WHERE relation_id = ?), "
            "confidence = max(confidence, ?), first_seen = coalesce(min(first_seen, ?), first_seen, ?), "
            "last_seen = coalesce(max(last_seen, ?), last_seen, ?) WHERE id = ?",
            (target, r["confidence"], r["first_seen"], r["first_seen"], r["last_seen"], r["last_seen"], target),
        )


def refresh_entity(conn: sqlite3.Connection, eid: str) -> None:
    """Recount an entity's mentions, documents and dates from its per-document rows."""
    conn.execute(
        "UPDATE entities SET mentions = coalesce((SELECT sum(mentions) FROM entity_documents WHERE entity_id = ?1), 0), "
        "documents = (SELECT count(*) FROM entity_documents WHERE entity_id = ?1), "
        "first_seen = (SELECT min(d.date) FROM entity_documents x JOIN documents d ON d.id = x.document_id WHERE x.entity_id = ?1), "
        "last_seen = (SELECT max(d.date) FROM entity_documents x JOIN documents d ON d.id = x.document_id WHERE x.entity_id = ?1) "
        "WHERE id = ?1",
        (eid,),
    )


def refresh_relation(conn: sqlite3.Connection, rid: int) -> bool:
    """Recompute a relation's weight and dates from its evidence; delete it when none is
    left. True when it still exists."""
    n = conn.execute("SELECT count(*) FROM evidence WHERE relation_id = ?", (rid,)).fetchone()[0]
    if n == 0:
        conn.execute("DELETE FROM relations WHERE id = ?", (rid,))
        return False
    conn.execute(
        "UPDATE relations SET weight = ?2, "
        "first_seen = (SELECT min(d.date) FROM evidence v JOIN documents d ON d.id = v.document_id WHERE v.relation_id = ?1), "
        "last_seen = (SELECT max(d.date) FROM evidence v JOIN documents d ON d.id = v.document_id WHERE v.relation_id = ?1) "
        "WHERE id = ?1",
        (rid, n),
    )
    return True


def split_entity(
    conn: sqlite3.Connection, eid: str, new_id: str, *, documents: Iterable[str] = (), aliases: Iterable[str] = ()
) -> int:
    """Move ``eid``'s mentions in ``documents``, or written as one of ``aliases``, to
    ``new_id`` (which must exist). Relations follow the documents the entity leaves
    entirely: their evidence there moves to the same relation of ``new_id``. Returns the
    number of mentions moved."""
    docs = set(documents)
    norms = {normalise_name(a) for a in aliases}
    moved_docs: set[str] = set()
    moved = 0
    for rowid, doc, text in conn.execute(
        "SELECT rowid, document_id, text FROM mentions WHERE entity_id = ?", (eid,)
    ).fetchall():
        if doc in docs or normalise_name(text) in norms:
            conn.execute("UPDATE mentions SET entity_id = ? WHERE rowid = ?", (new_id, rowid))
            moved_docs.add(doc)
            moved += 1
    for doc in sorted(moved_docs | docs):
        for who in (eid, new_id):
            n = conn.execute(
                "SELECT count(*) FROM mentions WHERE entity_id = ? AND document_id = ?", (who, doc)
            ).fetchone()[0]
            if n:
                conn.execute(
                    "INSERT INTO entity_documents VALUES (?,?,?) ON CONFLICT DO UPDATE SET mentions = excluded.mentions",
                    (who, doc, n),
                )
            else:
                conn.execute("DELETE FROM entity_documents WHERE entity_id = ? AND document_id = ?", (who, doc))
    if norms:
        conn.execute(
            f"INSERT OR IGNORE INTO aliases SELECT ?, alias, norm, 'alias' FROM aliases WHERE entity_id = ? "
            f"AND kind != 'name' AND norm IN ({','.join('?' * len(norms))})",
            (new_id, eid, *sorted(norms)),
        )
        conn.execute(
            f"DELETE FROM aliases WHERE entity_id = ? AND kind != 'name' AND norm IN ({','.join('?' * len(norms))})",
            (eid, *sorted(norms)),
        )
    # Evidence moves from the documents the entity no longer appears in.
    left = [d for d in sorted(moved_docs | docs) if not conn.execute(
        "SELECT 1 FROM entity_documents WHERE entity_id = ? AND document_id = ?", (eid, d)).fetchone()]
    touched: set[int] = set()
    for d in left:
        rows = conn.execute(
            "SELECT v.rowid AS vrow, r.id, r.head, r.tail, r.type, r.predicate, r.title, r.method, r.confidence "
            "FROM evidence v JOIN relations r ON r.id = v.relation_id WHERE v.document_id = ? AND (r.head = ? OR r.tail = ?)",
            (d, eid, eid),
        ).fetchall()
        for r in rows:
            head = new_id if r["head"] == eid else r["head"]
            tail = new_id if r["tail"] == eid else r["tail"]
            head, tail = _oriented(r["type"], head, tail)
            touched.add(r["id"])
            if head == tail:
                conn.execute("DELETE FROM evidence WHERE rowid = ?", (r["vrow"],))
                continue
            target = conn.execute(
                "INSERT INTO relations (head, tail, type, predicate, title, method, confidence) VALUES (?,?,?,?,?,?,?) "
                "ON CONFLICT(head, type, tail) DO UPDATE SET confidence = max(confidence, excluded.confidence) RETURNING id",
                (head, tail, r["type"], r["predicate"], r["title"], r["method"], r["confidence"]),
            ).fetchone()[0]
            touched.add(target)
            if not conn.execute("UPDATE OR IGNORE evidence SET relation_id = ? WHERE rowid = ?", (target, r["vrow"])).rowcount:
                conn.execute("DELETE FROM evidence WHERE rowid = ?", (r["vrow"],))  # the target has it already
    for rid in sorted(touched):
        refresh_relation(conn, rid)
    refresh_entity(conn, eid)
    refresh_entity(conn, new_id)
    return moved
