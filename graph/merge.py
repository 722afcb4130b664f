"""Cross-article resolution: making one entity of several, and several of one.

``resolve_across_documents`` and ``merge_lone_surnames`` are the store's rules for a lone
surname across articles (run by ``Store.add_documents``);
``merge_entity`` folds one entity into another (the lone-surname rule of the store and the
analyst's ``merge`` both use it); ``split_entity`` moves chosen mentions, with the relations
and evidence they support, to another entity (the analyst's ``split``). Both only write
rows; the caller owns the transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from newsgraph.graph.model import COOCCURRENCE, ExtractedDocument, normalise_name


def _oriented(rtype: str, head: str, tail: str) -> tuple[str, str]:
    # Co-occurrence is undirected: the store keeps one orientation.
    if rtype == COOCCURRENCE and head > tail:
        return tail, head
    return head, tail


def _names_other_kind(conn: sqlite3.Connection, norm: str) -> bool:
    """Whether a stored non-person (a company, a place) goes by this one-word name: then a
    lone "Disney" in another article may be the company as well as Roy Disney, so it joins
    no one (issue 12: across articles an ambiguous surname joins no one)."""
    return conn.execute(
        "SELECT 1 FROM aliases a JOIN entities x ON x.id = a.entity_id "
        "WHERE a.norm = ? AND a.kind != 'surname' AND x.type != 'Person' LIMIT 1",
        (norm,),
    ).fetchone() is not None



# Shared by too many unrelated articles to tie a lone surname to one person's story
# (a football line-up's "Shaw" and a politics story's Jan Shaw both name Britain).
_TOO_COMMON_TO_SHARE = ("Country", "Group")


def _shares_a_story(conn: sqlite3.Connection, owner: str, names: list[str]) -> bool:
    """Whether an article of ``owner`` also names one of ``names`` (entity ids) that is a
    person, an organisation or a place, not a country or a nationality."""
    if not names:
        return False
    marks = ",".join("?" * len(names))
    return conn.execute(
        f"SELECT 1 FROM entity_documents o JOIN entity_documents n ON n.document_id = o.document_id "
        f"JOIN entities x ON x.id = n.entity_id WHERE o.entity_id = ? AND n.entity_id IN ({marks}) "
        f"AND x.type NOT IN {_TOO_COMMON_TO_SHARE} LIMIT 1",
        (owner, *names),
    ).fetchone() is not None


def resolve_across_documents(conn: sqlite3.Connection, doc: ExtractedDocument) -> dict[str, str]:
    """A lone surname in this article ("Rubio") is the one person already stored under that
    surname, if there is exactly one and one of that person's articles shares a named thing
    with this one (issue 12: across articles an ambiguous surname joins no one; on 800
    unlabelled Reuters and BBC articles a rugby line-up's "Shaw" joined Jan Shaw of a
    politics story, "Prince Charles" Ray Charles, "Cicero" the rugby player Lo Cicero:
    13 of 25 such joins were wrong, and none of the 13 shared anything but a country)."""
    remap = {}
    context = [e.id for e in doc.entities if e.type not in _TOO_COMMON_TO_SHARE]
    for e in doc.entities:
        if e.type != "Person" or len(e.name.split()) != 1:
            continue
        norm = normalise_name(e.name)
        rows = conn.execute(
            "SELECT a.entity_id FROM aliases a JOIN entities x ON x.id = a.entity_id "
            "WHERE a.norm=? AND a.kind='surname' AND x.type='Person' LIMIT 2",
            (norm,),
        ).fetchall()
        if len(rows) == 1 and rows[0][0] != e.id and not _names_other_kind(conn, norm) \
                and _shares_a_story(conn, rows[0][0], [c for c in context if c != e.id]):
            remap[e.id] = rows[0][0]
    return remap


def _stories_meet(conn: sqlite3.Connection, owner: str, src: str) -> bool:
    """``_shares_a_story(conn, owner, <the entities named in src's articles, less src and
    owner>)``, with that set as a subquery (SQLite builds it once, as the list was) rather
    than as parameters: ``IN (?, ...)`` could pass SQLite's limit of 32,766 parameters for a
    surname in thousands of articles. CROSS JOIN keeps the list's plan: each entity of the
    set, its articles, then whether ``owner`` is named in one."""
    return conn.execute(
        "SELECT 1 FROM entities x CROSS JOIN entity_documents n ON n.entity_id = x.id "
        "CROSS JOIN entity_documents o ON o.entity_id = ?1 AND o.document_id = n.document_id WHERE x.id IN ("
        "SELECT b.entity_id FROM entity_documents s JOIN entity_documents b ON b.document_id = s.document_id "
        f"WHERE s.entity_id = ?2 AND b.entity_id NOT IN (?1, ?2)) AND x.type NOT IN {_TOO_COMMON_TO_SHARE} LIMIT 1",
        (owner, src),
    ).fetchone() is not None


def merge_lone_surnames(conn: sqlite3.Connection, surnames: set[str]) -> None:
    """A person stored under a lone surname ("Blair", from articles that never gave the
    full name) joins the one person whose full name ends with it, once that person is
    known, when an article of each names the same person, organisation or place (as in
    ``resolve_across_documents``). Articles come in any order, so this runs whenever a new
    surname arrives."""
    for norm in sorted(surnames):
        owners = conn.execute(
            "SELECT DISTINCT a.entity_id FROM aliases a JOIN entities x ON x.id = a.entity_id "
            "WHERE a.norm = ? AND a.kind = 'surname' AND x.type = 'Person' LIMIT 2",
            (norm,),
        ).fetchall()
        if len(owners) != 1 or _names_other_kind(conn, norm):
            continue  # two people share the surname, or a company has it: a lone one stays apart
        owner = owners[0][0]
        # CROSS JOIN keeps the alias look-up outside: left to itself SQLite walked every
        # Person (the type index) per surname, 60% of ingest's store time on the BBC set.
        lone = conn.execute(
            "SELECT e.id FROM aliases a CROSS JOIN entities e ON e.id = a.entity_id WHERE a.norm = ? "
            "AND a.kind = 'name' AND e.type = 'Person' AND e.id != ? AND instr(trim(e.name), ' ') = 0",
            (norm, owner),
        ).fetchall()
        for (src,) in lone:
            if _stories_meet(conn, owner, src):
                merge_entity(conn, src, owner)


def merge_entity(conn: sqlite3.Connection, src: str, dst: str, *, planned: bool = False) -> None:
    """Move everything of entity ``src`` onto ``dst`` and delete ``src``: mentions,
    documents, aliases, and relations (merged with ``dst``'s own where they coincide).
    ``planned``: the caller ran ``plan_moves(conn, src, dst)`` just before (it needed the
    relations the move changes) and nothing was written since."""
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
    _move_relations(conn, src, dst, planned)


def plan_moves(conn: sqlite3.Connection, src: str, dst: str) -> list[int]:
    """Where each of ``src``'s relations goes when ``src`` merges into ``dst``, in the temp
    table ``merge_moves`` (id, new head and tail, the edge it folds into if one is stored);
    returns the ids of the relations whose evidence or confirmation the move changes: the
    folded edges, the self-loops and the edges they fold into. ``src``'s relations never
    coincide with one another once re-pointed (it is one entity), so the only edges they
    meet are those already stored."""
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS merge_moves (id INTEGER PRIMARY KEY, type TEXT, head TEXT, tail TEXT, "
        "target INTEGER, confidence REAL, first_seen TEXT, last_seen TEXT)"
    )
    conn.execute("DELETE FROM merge_moves")
    conn.execute(
        "INSERT INTO merge_moves SELECT m.id, m.type, m.h, m.t, r.id, m.confidence, m.first_seen, m.last_seen "
        "FROM (SELECT id, type, confidence, first_seen, last_seen, CASE WHEN type = ?3 AND nh > nt THEN nt ELSE nh END AS h, "
        "CASE WHEN type = ?3 AND nh > nt THEN nh ELSE nt END AS t FROM (SELECT id, type, confidence, first_seen, last_seen, "
        "CASE head WHEN ?1 THEN ?2 ELSE head END AS nh, CASE tail WHEN ?1 THEN ?2 ELSE tail END AS nt "
        "FROM relations WHERE head = ?1 OR tail = ?1)) m "
        "LEFT JOIN relations r ON r.head = m.h AND r.type = m.type AND r.tail = m.t AND m.h != m.t",
        (src, dst, COOCCURRENCE),
    )
    return [r[0] for r in conn.execute(
        "SELECT id FROM merge_moves WHERE target IS NOT NULL OR head = tail UNION SELECT target FROM merge_moves WHERE target IS NOT NULL")]


def _move_relations(conn: sqlite3.Connection, src: str, dst: str, planned: bool) -> None:
    """Re-point ``src``'s relations at ``dst`` in a few set-wise statements (a row-by-row
    loop took 1 s for 10,000 relations): a relation whose new (head, type, tail) exists
    already folds into it (evidence moved, weight recounted, confidence the higher, dates
    the wider); one between ``src`` and ``dst`` would be a self-loop and goes. Moved
    evidence keeps its rowid (an UPDATE, not a copy): undo puts it back by rowid.
    ``planned``: ``plan_moves`` ran for this pair and nothing changed since."""
    if not planned:
        plan_moves(conn, src, dst)
    loops = "(SELECT id FROM merge_moves WHERE head = tail)"
    conn.execute(f"DELETE FROM evidence WHERE relation_id IN {loops}")
    conn.execute(f"DELETE FROM confirmed_relations WHERE relation_id IN {loops}")
    conn.execute(f"DELETE FROM relations WHERE id IN {loops}")
    conn.execute("DELETE FROM merge_moves WHERE head = tail")
    folded = "(SELECT id FROM merge_moves WHERE target IS NOT NULL)"
    # Evidence of a folded edge moves to its target; a sentence the target holds already
    # (same document and offset) stays behind and goes with the folded edge.
    # Written as IN (...) rather than UPDATE ... FROM: the planner, knowing nothing of the
    # temp table, scanned all the store's evidence (and relations, below) to probe it.
    conn.execute(
        "UPDATE OR IGNORE evidence SET relation_id = (SELECT target FROM merge_moves WHERE id = evidence.relation_id) "
        f"WHERE relation_id IN {folded}"
    )
    conn.execute(f"DELETE FROM evidence WHERE relation_id IN {folded}")
    conn.execute(
        "INSERT OR IGNORE INTO confirmed_relations SELECT target FROM merge_moves WHERE target IS NOT NULL "
        "AND id IN (SELECT relation_id FROM confirmed_relations)"
    )
    conn.execute(f"DELETE FROM confirmed_relations WHERE relation_id IN {folded}")
    conn.execute(f"DELETE FROM relations WHERE id IN {folded}")
    conn.execute(
        "UPDATE relations SET weight = (SELECT count(*) FROM evidence WHERE relation_id = relations.id), "
        "confidence = max(relations.confidence, m.confidence), "
        "first_seen = coalesce(min(relations.first_seen, m.first_seen), relations.first_seen, m.first_seen), "
        "last_seen = coalesce(max(relations.last_seen, m.last_seen), relations.last_seen, m.last_seen) "
        "FROM merge_moves m WHERE m.target = relations.id"
    )
    conn.execute(
        "UPDATE relations SET (head, tail) = (SELECT head, tail FROM merge_moves WHERE id = relations.id) "
        "WHERE id IN (SELECT id FROM merge_moves WHERE target IS NULL)"
    )
    conn.execute("DELETE FROM merge_moves")


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
