"""The store's reads for the query layer (issue 16: graph/ is the package that speaks SQL).

``queries/`` (connections, paths, rankings) assembles answers from these functions and
writes no SQL itself. Every read here goes through an index of ``relations`` (by head via
the unique (head, type, tail) index, by tail via ``relations_tail``) or of ``entities``,
in chunks of ``CHUNK`` ids, so a lookup costs what its neighbourhood costs.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from newsgraph.graph.model import COOCCURRENCE, NAMED_IN_TEXT
from newsgraph.graph.store import EVIDENCE_ORDER, Store
from newsgraph.graph.articles import documents
from newsgraph.graph.batches import CHUNK, chunks
from newsgraph.graph.records import EntityRef, EvidenceSentence, MentionedEntity
from newsgraph.graph.relation_filter import RelationFilter, evidence_date_clause

__all__ = [
    "CHUNK", "RelationFilter", "evidence_date_clause", "relations_touching", "evidence", "entity_refs",
    "walk_relations", "relation_detail", "entity_rows", "mention_ranking", "degree_counts", "relation_arcs",
    "named_entity_ids", "entity_ids_of_type", "ego_walk", "neighbour_rows",
]



# -- connections ------------------------------------------------------------------------------
def _relations_sql(flt: RelationFilter, side: str, n_ids: int) -> tuple[str, list[Any]]:
    """Relations whose ``side`` (head or tail) is one of n_ids ids, with the other end
    (``e``, whose type the filter's entity types constrain) joined; weight is counted
    inside the date window when there is one, and the caller applies the weight floor to it."""
    other = "tail" if side == "head" else "head"
    direction = "out" if side == "head" else "in"
    args: list[Any] = []
    if flt.dated:
        date_clause, date_args = flt.date_sql()
        weight = (
            "(SELECT count(*) FROM evidence v JOIN documents d ON d.id = v.document_id "
            f"WHERE v.relation_id = r.id AND {date_clause})"
        )
        args += date_args
    else:
        weight = "r.weight"
    where, where_args = flt.sql("r", ("e",), weight=False, window=False)
    sql = (
        f"SELECT r.id, r.type, r.{side} AS origin, r.predicate, r.title, r.method, r.confidence, "
        f"r.first_seen, r.last_seen, {weight} AS weight, '{direction}' AS direction, "
        f"e.id AS other_id, e.name AS other_name, e.type AS other_type "
        f"FROM relations r JOIN entities e ON e.id = r.{other} WHERE r.{side} IN ({','.join('?' * n_ids)}) AND {where}"
    )
    return sql, args + ["<ids>"] + where_args  # "<ids>" is replaced by the id chunk


def relations_touching(store: Store, ids: Iterable[str], flt: RelationFilter) -> list[dict[str, Any]]:
    """Every relation passing ``flt`` with an end among ``ids``, as a row from that end
    (``origin``) to the other (``other_id``/``other_name``/``other_type``), ``direction``
    out, in, or both for co-occurrence; ``weight`` counted inside the date window."""
    ids = list(dict.fromkeys(ids))
    floor = max(flt.min_weight, 1 if flt.dated else 0)
    out: list[dict[str, Any]] = []
    for chunk in chunks(ids):
        for side in ("head", "tail"):
            sql, args = _relations_sql(flt, side, len(chunk))
            k = args.index("<ids>")
            args = args[:k] + chunk + args[k + 1 :]
            for r in store.conn.execute(f"SELECT * FROM ({sql}) WHERE weight >= ?", [*args, floor]):
                row = dict(r)
                if row["type"] == COOCCURRENCE:
                    row["direction"] = "both"
                out.append(row)
    return out


def evidence(store: Store, relation_id: int, flt: RelationFilter | None, limit: int) -> list[EvidenceSentence]:
    """A relation's best evidence first (``EVIDENCE_ORDER``), inside ``flt``'s date window."""
    date_clause, date_args = flt.date_sql() if flt is not None else ("1", [])
    rows = store.conn.execute(
        "SELECT v.document_id, v.sentence, d.title, d.date FROM evidence v JOIN documents d ON d.id = v.document_id "
        f"WHERE v.relation_id = ? AND {date_clause} ORDER BY {EVIDENCE_ORDER} LIMIT ?",
        [relation_id, *date_args, limit],
    )
    return [{"document": r[0], "sentence": r[1], "title": r[2], "date": r[3]} for r in rows]


def entity_refs(store: Store, ids: Iterable[str]) -> dict[str, EntityRef]:
    """``{id: {"id", "name", "type"}}`` for the ids that exist."""
    ids = list(ids)
    out: dict[str, EntityRef] = {}
    for chunk in chunks(ids):
        for r in store.conn.execute(f"SELECT id, name, type FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            out[r[0]] = {"id": r[0], "name": r[1], "type": r[2]}
    return out


# -- paths ------------------------------------------------------------------------------------
def walk_relations(store: Store, side: str, ids: list[str], flt: RelationFilter) -> Iterator[tuple[Any, ...]]:
    """``(id, type, head, tail, weight, confidence)`` of the relations whose ``side`` (head
    or tail) is one of ``ids`` (at most ``CHUNK``), passing ``flt`` (its entity types, if
    any, on both ends)."""
    where, args = flt.sql("r", ("h", "t") if flt.entity_types else ())
    joins = "JOIN entities h ON h.id = r.head JOIN entities t ON t.id = r.tail " if flt.entity_types else ""
    marks = ",".join("?" * len(ids))
    for rel in store.conn.execute(
        f"SELECT r.id, r.type, r.head, r.tail, r.weight, r.confidence FROM relations r {joins}"
        f"WHERE r.{side} IN ({marks}) AND {where}",
        [*ids, *args],
    ):
        yield tuple(rel)


def relation_detail(store: Store, relation_id: int) -> dict[str, Any]:
    """A relation's predicate and title."""
    row = store.conn.execute("SELECT predicate, title FROM relations WHERE id=?", (relation_id,)).fetchone()
    return {"predicate": row["predicate"], "title": row["title"]}


# -- rankings ---------------------------------------------------------------------------------
def entity_rows(store: Store, entity_type: str | None, ids: list[str] | None = None) -> dict[str, MentionedEntity]:
    """``{id: {"id", "name", "type", "mentions"}}`` of ``ids`` (default: every entity),
    of ``entity_type`` if given."""
    rows: dict[str, MentionedEntity] = {}
    type_clause, type_args = (" AND type = ?", [entity_type]) if entity_type else ("", [])
    if ids is None:
        parts: list[list[str] | None] = [None]
    else:
        parts = list(chunks(ids))
    for chunk in parts:
        if chunk is None:
            sql, args = f"SELECT id, name, type, mentions FROM entities WHERE 1{type_clause}", type_args
        else:
            sql = f"SELECT id, name, type, mentions FROM entities WHERE id IN ({','.join('?' * len(chunk))}){type_clause}"
            args = [*chunk, *type_args]
        for r in store.conn.execute(sql, args):
            rows[r[0]] = {"id": r[0], "name": r[1], "type": r[2], "mentions": r[3]}
    return rows


def mention_ranking(store: Store, entity_type: str | None, limit: int) -> list[tuple[str, float]]:
    """(id, mentions) of the most mentioned entities named in some text."""
    sql, args = f"SELECT id, mentions FROM entities WHERE {NAMED_IN_TEXT}", []
    if entity_type:
        sql += " AND type = ?"
        args.append(entity_type)
    sql += " ORDER BY mentions DESC, name LIMIT ?"
    return [(r[0], r[1]) for r in store.conn.execute(sql, [*args, limit])]


def _where(flt: RelationFilter) -> tuple[str, list[Any]]:
    # Without a threshold the condition is "1" and the scans stay index-only.
    where, args = flt.sql("relations", ())
    return f" WHERE {where}", args


def degree_counts(store: Store, flt: RelationFilter) -> dict[str, int]:
    """Relations per entity (either end) among those passing ``flt``."""
    # Two grouped scans that walk the (head, ...) and (tail, ...) indexes in order: no sort
    # of the two million ends a UNION would need.
    counts: dict[str, int] = {}
    where, args = _where(flt)
    for side in ("head", "tail"):
        for eid, n in store.conn.execute(f"SELECT {side}, count(*) FROM relations{where} GROUP BY {side}", args):
            counts[eid] = counts.get(eid, 0) + n
    return counts


def relation_arcs(store: Store, flt: RelationFilter) -> Iterator[tuple[str, str, str, int]]:
    """(head, tail, type, weight) of every relation passing ``flt``."""
    where, args = _where(flt)
    yield from store.conn.execute(f"SELECT head, tail, type, weight FROM relations{where}", args)


def named_entity_ids(store: Store) -> Iterator[str]:
    """Ids of the entities named in some text (not only known from a gazetteer or byline)."""
    for r in store.conn.execute(f"SELECT id FROM entities WHERE {NAMED_IN_TEXT}"):
        yield r[0]


def entity_ids_of_type(store: Store, entity_type: str) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT id FROM entities WHERE type = ?", (entity_type,))}


# -- the ego walk of `show` and the explorer ----------------------------------------------------
def neighbour_rows(store: Store, frontier: list[str], where: str, args: list[Any]) -> list[tuple[str, str, int, str, int]]:
    """(frontier entity, neighbour, weight, neighbour type, neighbour mentions) for every
    relation passing ``where`` (a ``RelationFilter.sql()`` condition over ``r``, ``h``
    and ``t``) that touches the frontier, in either direction."""
    rows: list[tuple[str, str, int, str, int]] = []
    for chunk in chunks(frontier):
        marks = ",".join("?" * len(chunk))
        for mine, other in (("head", "tail"), ("tail", "head")):
            sql = (
                f"SELECT r.{mine}, r.{other}, r.weight, o.type, o.mentions FROM relations r "
                f"JOIN entities h ON h.id = r.head JOIN entities t ON t.id = r.tail "
                f"JOIN entities o ON o.id = r.{other} "
                f"WHERE r.{mine} IN ({marks}) AND {where}"
            )
            rows.extend(tuple(r) for r in store.conn.execute(sql, chunk + args))  # type: ignore[misc]
    return rows


def ego_walk(
    store: Store, center: str, depth: int, flt: RelationFilter, max_nodes: int | None = None
) -> tuple[dict[str, int], bool]:
    """The one ego walk (``show``, the explorer, ``export --ego``): entity ids within
    ``depth`` hops of ``center`` over the relations passing ``flt`` in either direction,
    mapped to their hop count; and whether ``max_nodes`` cut the walk short.

    ``flt.entity_types`` apply to the entities reached, not to the centre. When a hop
    would pass ``max_nodes``, its entities are ranked by the total weight of their
    relations to the entities already kept, then by mentions, and the best are kept."""
    where, args = flt.sql("r", ())  # entity types: checked below, on the entity reached
    allowed = set(flt.entity_types)
    hops = {center: 0}
    frontier = [center]
    truncated = False
    for hop in range(1, depth + 1):
        if not frontier:
            break
        score: dict[str, tuple[int, int]] = {}
        for _, other, weight, other_type, mentions in neighbour_rows(store, frontier, where, args):
            if other in hops or (allowed and other_type not in allowed):
                continue
            total, _m = score.get(other, (0, mentions))
            score[other] = (total + weight, mentions)
        ranked = sorted(score, key=lambda e: (-score[e][0], -score[e][1], e))
        if max_nodes is not None and len(ranked) > max_nodes - len(hops):
            ranked, truncated = ranked[: max(max_nodes - len(hops), 0)], True
        for eid in ranked:
            hops[eid] = hop
        frontier = ranked
        if truncated:
            break
    return hops, truncated


def relations_among(store: Store, ids: set[str], flt: RelationFilter, *, below: float | None = None) -> int:
    """How many relations between two of ``ids`` pass ``flt``: the edges
    ``nxview.build_graph(store, flt, entity_ids=ids)`` draws, counted without building them;
    with ``below``, only those of confidence under it. Through the head index per chunk of
    ids, as build_graph reads a neighbourhood."""
    where, args = flt.sql()
    if below is not None:
        where, args = f"{where} AND r.confidence < ?", [*args, below]
    count = 0
    for chunk in chunks(sorted(ids)):
        rows = store.conn.execute(
            "SELECT r.tail FROM relations r JOIN entities h ON h.id = r.head JOIN entities t ON t.id = r.tail "
            f"WHERE r.head IN ({','.join('?' * len(chunk))}) AND {where}", [*chunk, *args])
        count += sum(1 for (tail,) in rows if tail in ids)
    return count


def relation_id(store: Store, head: str, rel_type: str, tail: str) -> int | None:
    """The id of the relation (head, type, tail), or None."""
    row = store.conn.execute("SELECT id FROM relations WHERE head=? AND type=? AND tail=?", (head, rel_type, tail)).fetchone()
    return None if row is None else int(row[0])


def document_refs(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{id: {"title", "date", "url", "source"}}`` of the documents that exist: the
    article reads' ``documents`` without the id repeated inside."""
    return {i: {k: v for k, v in d.items() if k != "id"} for i, d in documents(store, list(ids)).items()}
