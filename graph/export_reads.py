"""The store as the exporters read it: a filtered, streaming view (``StoreGraph``), the
node and edge records it yields, and the ego walk that scopes an export to one entity's
neighbourhood. The SQL lives here, in graph/ (issue 16: graph/ owns the store); exports/
only writes formats, and takes the same records from a NetworkX graph
(``newsgraph.exports.source``).

Node record: ``id``, ``name``, ``type``, ``aliases`` (list), ``mentions``, ``documents``,
``bylines`` (documents whose byline names the entity; an author the text never names has
``mentions`` 0), ``iso3``, ``is_agency``, ``first_seen``, ``last_seen``.
Edge record: ``head``, ``tail``, ``type``, ``weight``, ``confidence``, ``predicate``,
``title``, ``method``, ``first_seen``, ``last_seen``, ``evidence_count``,
``document_ids`` (list, sorted), ``evidence`` (list of ``{document, sentence, date}``,
best first, at most ``RelationFilter.evidence_per_edge``), ``relation_id`` (the store's id,
what ``reject``/``confirm`` take; None for a hand-made edge without one), ``confirmed``
(True once an analyst confirmed the relation, issue 15).
"""

from __future__ import annotations

import os
import sqlite3
from operator import itemgetter
from typing import Any, Iterable, Iterator

from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.graph.store import Store, alias_lists, best_first

NODE_FIELDS = (
    "id", "name", "type", "aliases", "mentions", "documents", "bylines", "iso3", "is_agency", "first_seen", "last_seen",
)
EDGE_FIELDS = (
    "head", "tail", "type", "weight", "confidence", "predicate", "title", "method",
    "first_seen", "last_seen", "evidence_count", "document_ids", "evidence", "relation_id", "confirmed",
)
_NODE_DEFAULTS: dict[str, Any] = {
    "name": None, "type": None, "aliases": [], "mentions": 0, "documents": 0, "bylines": 0, "iso3": None,
    "is_agency": False, "first_seen": None, "last_seen": None,
}
_EDGE_DEFAULTS: dict[str, Any] = {
    "type": None, "weight": 1, "confidence": 1.0, "predicate": None, "title": None, "method": None,
    "first_seen": None, "last_seen": None, "evidence_count": 0, "document_ids": [], "evidence": [],
    "relation_id": None, "confirmed": False,
}

BATCH = 2000  # relations per evidence query
_RELATION_COLUMNS = (
    "r.id, r.head, r.tail, r.type, r.weight, r.confidence, r.predicate, r.title, r.method, r.first_seen, r.last_seen, "
    "EXISTS (SELECT 1 FROM confirmed_relations c WHERE c.relation_id = r.id)"
)

Node = dict[str, Any]
Edge = dict[str, Any]


class StoreGraph:
    """A filtered, streaming view of the store with the record shape of the module doc.

    ``entity_ids`` restricts nodes and edges to those entities (an ego network); without
    it, the nodes are the ends of the kept edges plus, when no relation filter applies,
    every entity of the wanted types: the same rule as ``nxview.build_graph``.
    """

    def __init__(self, store: Store, flt: RelationFilter | None = None, entity_ids: set[str] | None = None) -> None:
        self.store = store
        self.flt = flt or RelationFilter()
        self.entity_ids = entity_ids
        self._tables_ready = False
        self._dates: dict[str, str] | None = None
        # Temp tables named per view, so two views on one connection do not collide.
        StoreGraph._serial += 1
        suffix = f"{os.getpid()}_{StoreGraph._serial}"
        self._names = {"@E": f"export_edges_{suffix}", "@N": f"export_nodes_{suffix}", "@S": f"export_scope_{suffix}",
                       "@M": f"export_multi_{suffix}"}

    _serial = 0

    def _sql(self, sql: str) -> str:
        for token, name in self._names.items():
            sql = sql.replace(token, name)
        return sql

    def _exec(self, sql: str, args: Any = ()) -> sqlite3.Cursor:
        return self.store.conn.execute(self._sql(sql), args)

    def _exec_many(self, sql: str, rows: Iterable[Any]) -> sqlite3.Cursor:
        return self.store.conn.executemany(self._sql(sql), rows)

    def release(self) -> None:
        """Drop this view's temporary tables (they also go when the connection closes)."""
        for name in self._names.values():
            self.store.conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
        self._tables_ready = False

    # The edge set and the node set go into temporary tables once, so that nodes,
    # edges and counts are cheap to re-read by every writer (GraphML needs two passes
    # for nothing, GEXF none, CSV six files).
    def _prepare(self) -> None:
        if self._tables_ready:
            return
        where, args = self.flt.sql()
        self._exec("DROP TABLE IF EXISTS temp.@E")
        self._exec("DROP TABLE IF EXISTS temp.@N")
        self._exec("DROP TABLE IF EXISTS temp.@S")
        self._exec("CREATE TEMP TABLE @N (id TEXT PRIMARY KEY) WITHOUT ROWID")
        self._exec("CREATE TEMP TABLE @E (id INTEGER PRIMARY KEY)")
        scope = ""
        if self.entity_ids is not None:
            self._exec("CREATE TEMP TABLE @S (id TEXT PRIMARY KEY) WITHOUT ROWID")
            self._exec_many("INSERT OR IGNORE INTO temp.@S VALUES (?)", [(i,) for i in self.entity_ids])
            scope = " AND r.head IN temp.@S AND r.tail IN temp.@S"
        self._exec(
            "INSERT INTO temp.@E SELECT r.id FROM relations r "
            "JOIN entities h ON h.id = r.head JOIN entities t ON t.id = r.tail "
            f"WHERE {where}{scope}",
            args,
        )
        self._exec(
            "INSERT OR IGNORE INTO temp.@N SELECT head FROM relations WHERE id IN temp.@E "
            "UNION SELECT tail FROM relations WHERE id IN temp.@E"
        )
        flt = self.flt
        if self.entity_ids is not None:
            self._exec(
                "INSERT OR IGNORE INTO temp.@N SELECT s.id FROM temp.@S s JOIN entities e ON e.id = s.id"
            )
        elif not flt.filters_relations:
            type_clause, targs = "", []
            if flt.entity_types:
                type_clause = f" WHERE type IN ({','.join('?' * len(flt.entity_types))})"
                targs = list(flt.entity_types)
            self._exec("INSERT OR IGNORE INTO temp.@N SELECT id FROM entities" + type_clause, targs)
        self._tables_ready = True

    def number_of_nodes(self) -> int:
        self._prepare()
        return int(self._exec("SELECT count(*) FROM temp.@N").fetchone()[0])

    def number_of_edges(self) -> int:
        self._prepare()
        return int(self._exec("SELECT count(*) FROM temp.@E").fetchone()[0])

    def nodes(self) -> Iterator[Node]:
        self._prepare()
        cur = self._exec(
            "SELECT e.id, e.name, e.type, e.mentions, e.documents, e.iso3, e.is_agency, e.first_seen, e.last_seen, "
            "(SELECT count(*) FROM bylines b WHERE b.entity_id = e.id) "
            "FROM temp.@N n JOIN entities e ON e.id = n.id ORDER BY e.id"
        )
        while True:
            rows = cur.fetchmany(BATCH)
            if not rows:
                break
            aliases = alias_lists(self.store.conn, [row[0] for row in rows])  # the one alias read, per batch
            for row in rows:
                yield {
                    "id": row[0],
                    "name": row[1],
                    "type": row[2],
                    "aliases": [a for a in aliases.get(row[0], []) if a != row[1]],
                    "mentions": row[3],
                    "documents": row[4],
                    "bylines": row[9],
                    "iso3": row[5],
                    "is_agency": bool(row[6]),
                    "first_seen": row[7],
                    "last_seen": row[8],
                }

    def edges(self) -> Iterator[Edge]:
        """Edges in relation-id order, as records."""
        for t in self.edge_tuples():
            yield edge_from_tuple(t)

    def edge_tuples(self) -> Iterator[tuple[Any, ...]]:
        """Edges in relation-id order as tuples in ``EDGE_FIELDS`` order, the evidence as
        (document, sentence, date) tuples: the GraphML writer's fast path.

        Everything is read sequentially: relations by rowid, and the evidence of each
        batch of relations as one range of the evidence primary key (relation_id first).
        Random lookups, not Python, were the cost at a million edges."""
        self._prepare()
        yield from self._in_id_order(self._exec(f"SELECT {_RELATION_COLUMNS} FROM relations r WHERE r.id IN temp.@E ORDER BY r.id"))

    def _in_id_order(self, cur: Any) -> Iterator[tuple[Any, ...]]:
        """Edge tuples of relation rows that come in relation-id order, each batch's evidence
        read as one range of the evidence primary key."""
        while True:
            rows = cur.fetchmany(BATCH)
            if not rows:
                break
            evidence = self._evidence_range(rows[0][0], rows[-1][0])
            for row in rows:
                yield self._tuple(row, evidence.get(row[0], ()))

    def pair_groups(self) -> Iterator[list[tuple[Any, ...]]]:
        """Edge tuples grouped by ordered (head, tail) pair, for merging parallel edges:
        first the pairs with one relation type (most of them), streamed in relation-id
        order; then the pairs with several, in (head, tail, type) order."""
        self._prepare()
        self._exec("DROP TABLE IF EXISTS temp.@M")
        self._exec("CREATE TEMP TABLE @M (id INTEGER PRIMARY KEY)")
        self._exec(
            "INSERT INTO temp.@M SELECT r.id FROM relations r JOIN "
            "(SELECT head, tail FROM relations WHERE id IN temp.@E GROUP BY head, tail HAVING count(*) > 1) p "
            "ON r.head = p.head AND r.tail = p.tail WHERE r.id IN temp.@E"
        )
        cur = self._exec(
            f"SELECT {_RELATION_COLUMNS} FROM relations r WHERE r.id IN temp.@E AND r.id NOT IN temp.@M ORDER BY r.id"
        )
        for edge in self._in_id_order(cur):
            yield [edge]
        cur = self._exec(f"SELECT {_RELATION_COLUMNS} FROM relations r WHERE r.id IN temp.@M ORDER BY r.head, r.tail, r.type")
        group: list[tuple[Any, ...]] = []
        while True:
            rows = cur.fetchmany(BATCH)
            if not rows:
                break
            evidence = self._evidence_ids([row[0] for row in rows])
            for row in rows:
                if group and (row[1], row[2]) != (group[0][0], group[0][1]):
                    yield group
                    group = []
                group.append(self._tuple(row, evidence.get(row[0], ())))
        if group:
            yield group

    def _tuple(self, row: Any, found: Any) -> tuple[Any, ...]:
        if len(found) > 1:
            found = best_first(found, itemgetter(3), itemgetter(2), itemgetter(0, 4))
            document_ids = sorted({v[0] for v in found})
        else:
            document_ids = [v[0] for v in found]
        limit = self.flt.evidence_per_edge
        kept = found[:limit] if limit > 0 else found
        return (
            row[1], row[2], row[3], row[4], round(row[5], 3), row[6], row[7], row[8], row[9], row[10],
            len(found), document_ids, [(v[0], v[1], v[2]) for v in kept], row[0], bool(row[11]),
        )

    def _document_dates(self) -> dict[str, str]:
        if self._dates is None:
            # Documents are few next to evidence rows: one dict beats a join per row.
            self._dates = dict(self._exec("SELECT id, date FROM documents"))
        return self._dates

    def _evidence_range(self, low: int, high: int) -> dict[int, list[tuple[Any, ...]]]:
        return self._collect_evidence(
            "SELECT relation_id, document_id, sentence, confidence, start FROM evidence "
            "WHERE relation_id BETWEEN ? AND ?",
            (low, high),
        )

    def _evidence_ids(self, relation_ids: list[int]) -> dict[int, list[tuple[Any, ...]]]:
        marks = ",".join("?" * len(relation_ids))
        return self._collect_evidence(
            "SELECT relation_id, document_id, sentence, confidence, start "
            f"FROM evidence WHERE relation_id IN ({marks})",
            relation_ids,
        )

    def _collect_evidence(self, sql: str, args: Any) -> dict[int, list[tuple[Any, ...]]]:
        out: dict[int, list[tuple[Any, ...]]] = {}
        dates = self._document_dates()
        for rid, doc, sentence, confidence, start in self._exec(sql, args):
            item = (doc, sentence, dates.get(doc), confidence, start)
            if rid in out:
                out[rid].append(item)
            else:
                out[rid] = [item]
        return out

    def all_evidence(self) -> Iterator[dict[str, Any]]:
        """Every piece of evidence of the exported edges, for evidence tables."""
        self._prepare()
        cur = self._exec(
            "SELECT r.head, r.type, r.tail, v.document_id, d.title, d.date, v.start, v.end, v.predicate, v.method, "
            "v.confidence, v.sentence FROM temp.@E x JOIN relations r ON r.id = x.id "
            "JOIN evidence v ON v.relation_id = r.id JOIN documents d ON d.id = v.document_id "
            "ORDER BY r.head, r.tail, r.type, d.date, v.document_id, v.start"
        )
        for row in cur:
            yield {
                "head": row[0], "type": row[1], "tail": row[2], "document": row[3], "title": row[4],
                "date": row[5], "start": row[6], "end": row[7], "predicate": row[8], "method": row[9],
                "confidence": round(row[10], 3), "sentence": row[11],
            }


    def documents(self) -> Iterator[dict[str, Any]]:
        """The documents that mention an exported entity or name one in their byline, with
        the properties the Neo4j push gives ``(:Document)`` nodes."""
        self._prepare()
        cur = self._exec(
            "SELECT d.id, d.title, d.source, d.url, d.published, d.date, d.modified, d.site_name, d.language "
            "FROM documents d "
            "WHERE d.id IN (SELECT m.document_id FROM entity_documents m WHERE m.entity_id IN temp.@N) "
            "OR d.id IN (SELECT b.document_id FROM bylines b WHERE b.entity_id IN temp.@N) ORDER BY d.id"
        )
        for row in cur:
            yield {"id": row[0], "title": row[1], "source": row[2], "url": row[3], "published": row[4], "date": row[5],
                   "modified": row[6], "site_name": row[7], "language": row[8]}

    def mentions(self) -> Iterator[dict[str, Any]]:
        """``(:Document)-[:MENTIONS {count}]->(:Entity)`` rows for the exported entities."""
        self._prepare()
        cur = self._exec(
            "SELECT m.document_id, m.entity_id, m.mentions FROM entity_documents m "
            "WHERE m.entity_id IN temp.@N ORDER BY m.document_id, m.entity_id"
        )
        for row in cur:
            yield {"document": row[0], "entity": row[1], "count": row[2]}

    def bylines(self) -> Iterator[dict[str, Any]]:
        """``(:Document)-[:WRITTEN_BY]->(:Entity)`` rows for the exported entities."""
        self._prepare()
        cur = self._exec(
            "SELECT b.document_id, b.entity_id FROM bylines b WHERE b.entity_id IN temp.@N ORDER BY b.document_id, b.entity_id"
        )
        for row in cur:
            yield {"document": row[0], "entity": row[1]}


def edge_from_tuple(t: tuple[Any, ...]) -> Edge:
    record = dict(zip(EDGE_FIELDS, t))
    record["evidence"] = [{"document": d, "sentence": s, "date": w} for d, s, w in t[12]]
    return record



# -- ego networks ---------------------------------------------------------------------


def ego_entity_ids(store: Store, root: str, depth: int, flt: RelationFilter | None = None) -> set[str]:
    """Entity ids within ``depth`` hops of ``root``, following relations in either
    direction that pass the filter (types, weight, confidence, dates, co-occurrence): the
    one walk (``reads.ego_walk``) without a node budget. An export's entity types hold for
    both ends of every relation it keeps, so a root of another type reaches nothing."""
    from newsgraph.graph.reads import ego_walk, entity_refs

    flt = flt or RelationFilter()
    ref = entity_refs(store, [root]).get(root)
    if flt.entity_types and (ref is None or ref["type"] not in flt.entity_types):
        return {root}
    return set(ego_walk(store, root, depth, flt)[0])
