"""NetworkX views of the store: the whole graph, a filtered one, or an ego network.

Node and edge properties use the same names as the Neo4j push, so Cypher on the
embedded graph (grand-cypher) and in Neo4j see the same schema:

- node: ``id``, ``name``, ``type``, ``aliases`` (list), ``mentions``, ``documents``,
  ``iso3``, ``is_agency``, ``first_seen``, ``last_seen``; labels ``Entity`` + the type
  (``__labels__`` for grand-cypher).
- edge (key = relation type): ``type``, ``weight``, ``confidence``, ``predicate``,
  ``title``, ``method``, ``first_seen``, ``last_seen``, ``evidence_count``,
  ``document_ids`` (list), ``sentences`` (list, best first); ``__labels__`` = {type}.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.graph.batches import chunks
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.graph.store import BYLINES_COLUMN, EVIDENCE_ORDER, Store, alias_lists, entity_fields

if TYPE_CHECKING:
    import networkx as nx  # imported where a graph is built: read commands start without it (issue 16)


def node_attributes(row: Any, aliases: list[str]) -> dict[str, Any]:
    return {**entity_fields(row, aliases), "__labels__": {"Entity", row["type"]}}


def build_graph(
    store: Store, flt: RelationFilter | None = None, entity_ids: set[str] | None = None, *, evidence: bool = True
) -> nx.MultiDiGraph:
    """Entities and relations passing the filter (and, if given, among ``entity_ids``).
    ``evidence=False``: edges carry their evidence count but no sentences or document ids
    (the explorer fetches those per edge on click; reading them for every edge of a view
    was most of its time)."""
    import networkx as nx

    flt = flt or RelationFilter()
    where, args = flt.sql()
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    select = "SELECT r.* FROM relations r JOIN entities h ON h.id = r.head JOIN entities t ON t.id = r.tail "
    if entity_ids is not None and _selective(store, "entities", len(entity_ids)):
        # A neighbourhood of a big store (an ego network, an exported view): its entities'
        # relations through the (head, type, tail) index, not every relation of the store
        # (scanning the BBC store's 35,000 took 30-60 ms of each view). Rowid order, as a scan.
        rows = []
        for chunk in chunks(sorted(entity_ids)):
            marks = ",".join("?" * len(chunk))
            rows += [
                r for r in store.conn.execute(select + f"WHERE r.head IN ({marks}) AND {where}", [*chunk, *args])
                if r["tail"] in entity_ids
            ]
        rows.sort(key=lambda r: r["id"])
    else:
        rows = store.conn.execute(select + f"WHERE {where}", args).fetchall()
        if entity_ids is not None:
            rows = [r for r in rows if r["head"] in entity_ids and r["tail"] in entity_ids]
    wanted = {r["head"] for r in rows} | {r["tail"] for r in rows}
    if entity_ids is not None:
        wanted |= entity_ids
    elif not flt.filters_relations:
        # No relation filter: isolated entities belong in the graph too.
        type_clause = ""
        targs: list[Any] = []
        if flt.entity_types:
            type_clause = f" WHERE type IN ({','.join('?' * len(flt.entity_types))})"
            targs = list(flt.entity_types)
        wanted |= {r[0] for r in store.conn.execute("SELECT id FROM entities" + type_clause, targs)}
    aliases: dict[str, list[str]] = {}
    if _selective(store, "entities", len(wanted)):
        # A small part of a big store: fetch by id (same rows, same order) instead of scanning.
        entity_rows = []
        for chunk in chunks(sorted(wanted)):
            marks = ",".join("?" * len(chunk))
            aliases.update(alias_lists(store.conn, chunk))
            entity_rows += store.conn.execute(
                f"SELECT rowid AS _rowid, *, {BYLINES_COLUMN} FROM entities WHERE id IN ({marks})", chunk
            ).fetchall()
        entity_rows.sort(key=lambda row: row["_rowid"])
    else:
        aliases = {k: v for k, v in alias_lists(store.conn).items() if k in wanted}
        entity_rows = [row for row in store.conn.execute(f"SELECT *, {BYLINES_COLUMN} FROM entities") if row["id"] in wanted]
    for row in entity_rows:
        g.add_node(row["id"], **node_attributes(row, [a for a in aliases.get(row["id"], []) if a != row["name"]]))
    if evidence:
        found = _evidence_by_relation(store, {r["id"] for r in rows}, flt.evidence_per_edge)
    else:
        found = {rid: ([], [], n) for rid, n in _evidence_counts(store, {r["id"] for r in rows}).items()}
    confirmed = {r[0] for r in store.conn.execute("SELECT relation_id FROM confirmed_relations")}  # analysts' few
    for r in rows:
        docs, sentences, count = found.get(r["id"], ([], [], 0))
        g.add_edge(
            r["head"],
            r["tail"],
            key=r["type"],
            type=r["type"],
            weight=r["weight"],
            confidence=round(r["confidence"], 3),
            predicate=r["predicate"],
            title=r["title"],
            method=r["method"],
            first_seen=r["first_seen"],
            last_seen=r["last_seen"],
            evidence_count=count,
            document_ids=docs,
            sentences=sentences,
            relation_id=r["id"],
            confirmed=r["id"] in confirmed,
            __labels__={r["type"]},
        )
    return g


def _evidence_by_relation(store: Store, ids: set[int], per_edge: int) -> dict[int, tuple[list[str], list[str], int]]:
    out: dict[int, tuple[list[str], list[str], int]] = {}
    if not ids:
        return out
    # The entity card's order (Store.evidence), so the Neo4j push stores the same lists.
    select = "SELECT v.relation_id, v.document_id, v.sentence FROM evidence v JOIN documents d ON d.id = v.document_id "
    order = f" ORDER BY v.relation_id, {EVIDENCE_ORDER}"
    if _selective(store, "relations", len(ids)):
        rows: Any = (
            row
            for chunk in chunks(sorted(ids))
            for row in store.conn.execute(
                select + f"WHERE v.relation_id IN ({','.join('?' * len(chunk))})" + order,
                chunk,
            )
        )
    else:
        rows = store.conn.execute(select + order)
    for rid, doc, sentence in rows:
        if rid not in ids:
            continue
        docs, sentences, count = out.setdefault(rid, ([], [], 0))
        if doc not in docs:
            docs.append(doc)
        if len(sentences) < per_edge:
            sentences.append(sentence)
        out[rid] = (docs, sentences, count + 1)
    return out


def _evidence_counts(store: Store, ids: set[int]) -> dict[int, int]:
    """Evidence rows per relation, through the evidence's relation index."""
    out: dict[int, int] = {}
    for chunk in chunks(sorted(ids)):
        out.update(store.conn.execute(
            f"SELECT relation_id, count(*) FROM evidence WHERE relation_id IN ({','.join('?' * len(chunk))}) GROUP BY relation_id",
            chunk,
        ).fetchall())
    return out


def _selective(store: Store, table: str, wanted: int) -> bool:
    """True when fetching ``wanted`` rows by key beats scanning ``table`` (a tenth of it or less)."""
    top = store.conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    return wanted * 10 <= top
