"""The store's reads for the query layer (issue 16: graph/ is the package that speaks SQL).

``queries/`` (connections, paths, rankings) assembles answers from these functions and
writes no SQL itself. Every read here goes through an index of ``relations`` (by head via
the unique (head, type, tail) index, by tail via ``relations_tail``) or of ``entities``,
in chunks of ``CHUNK`` ids, so a lookup costs what its neighbourhood costs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from newsgraph.graph.model import COOCCURRENCE, NAMED_IN_TEXT
from newsgraph.graph.store import EVIDENCE_ORDER, Store
from newsgraph.graph.articles import documents

__all__ = [
    "CHUNK", "ConnectionFilter", "evidence_date_clause", "relations_touching", "evidence", "entity_refs",
    "walk_relations", "relation_detail", "entity_rows", "mention_ranking", "degree_counts", "relation_arcs",
    "named_entity_ids", "entity_ids_of_type",
]

CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit


def evidence_date_clause(column: str, since: str | None, until: str | None) -> tuple[str, list[str]]:
    """The one definition of ``--since``/``--until`` over evidence: a SQL condition on a
    document's ``date`` column (inclusive ISO bounds) and its arguments; ``("1", [])`` when
    neither is given.

    Undated evidence (an article whose input gave no date: newsgraph never stamps the
    ingest day) is **excluded** as soon as either bound is given: nobody can say it falls
    inside the period, and a date filter should not answer with evidence it cannot date.
    Without a bound, undated evidence counts like any other."""
    clauses, args = [], []
    if since:
        clauses.append(f"({column} IS NOT NULL AND {column} >= ?)")
        args.append(since[:10])
    if until:
        clauses.append(f"({column} IS NOT NULL AND {column} <= ?)")
        args.append(until[:10])
    return " AND ".join(clauses) or "1", args


# -- connections ------------------------------------------------------------------------------
@dataclass
class ConnectionFilter:
    relation_types: list[str] = field(default_factory=list)
    entity_types: list[str] = field(default_factory=list)  # of the other end
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    min_weight: int = 0
    min_confidence: float = 0.0

    @property
    def dated(self) -> bool:
        return bool(self.since or self.until)

    def date_sql(self, alias: str = "d") -> tuple[str, list[Any]]:
        """Evidence dated inside the period; undated evidence is out when a bound is given."""
        clause, args = evidence_date_clause(f"{alias}.date", self.since, self.until)
        return clause, list(args)

    def to_dict(self) -> dict[str, Any]:
        return {
            "relation_types": self.relation_types,
            "entity_types": self.entity_types,
            "since": self.since,
            "until": self.until,
            "min_weight": self.min_weight,
            "min_confidence": self.min_confidence,
        }


def _relations_sql(flt: ConnectionFilter, side: str, n_ids: int) -> tuple[str, list[Any]]:
    """Relations whose ``side`` (head or tail) is one of n_ids ids, with the other end
    joined; weight is counted inside the date window when there is one."""
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
    clauses = [f"r.{side} IN ({','.join('?' * n_ids)})", "r.confidence >= ?"]
    where_args: list[Any] = [flt.min_confidence]
    if flt.relation_types:
        clauses.append(f"r.type IN ({','.join('?' * len(flt.relation_types))})")
        where_args += flt.relation_types
    if flt.entity_types:
        clauses.append(f"e.type IN ({','.join('?' * len(flt.entity_types))})")
        where_args += flt.entity_types
    sql = (
        f"SELECT r.id, r.type, r.{side} AS origin, r.predicate, r.title, r.method, r.confidence, "
        f"r.first_seen, r.last_seen, {weight} AS weight, '{direction}' AS direction, "
        f"e.id AS other_id, e.name AS other_name, e.type AS other_type "
        f"FROM relations r JOIN entities e ON e.id = r.{other} WHERE {' AND '.join(clauses)}"
    )
    return sql, args + ["<ids>"] + where_args  # "<ids>" is replaced by the id chunk


def relations_touching(store: Store, ids: Iterable[str], flt: ConnectionFilter) -> list[dict[str, Any]]:
    """Every relation passing ``flt`` with an end among ``ids``, as a row from that end
    (``origin``) to the other (``other_id``/``other_name``/``other_type``), ``direction``
    out, in, or both for co-occurrence; ``weight`` counted inside the date window."""
    ids = list(dict.fromkeys(ids))
    floor = max(flt.min_weight, 1 if flt.dated else 0)
    out: list[dict[str, Any]] = []
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
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


def evidence(store: Store, relation_id: int, flt: ConnectionFilter | None, limit: int) -> list[dict[str, Any]]:
    """A relation's best evidence first (``EVIDENCE_ORDER``), inside ``flt``'s date window."""
    date_clause, date_args = flt.date_sql() if flt is not None else ("1", [])
    rows = store.conn.execute(
        "SELECT v.document_id, v.sentence, d.title, d.date FROM evidence v JOIN documents d ON d.id = v.document_id "
        f"WHERE v.relation_id = ? AND {date_clause} ORDER BY {EVIDENCE_ORDER} LIMIT ?",
        [relation_id, *date_args, limit],
    )
    return [{"document": r[0], "sentence": r[1], "title": r[2], "date": r[3]} for r in rows]


def entity_refs(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{id: {"id", "name", "type"}}`` for the ids that exist."""
    ids = list(ids)
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        for r in store.conn.execute(f"SELECT id, name, type FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            out[r[0]] = {"id": r[0], "name": r[1], "type": r[2]}
    return out


# -- paths ------------------------------------------------------------------------------------
def walk_relations(
    store: Store, side: str, ids: list[str], relation_types: list[str], min_confidence: float, min_weight: int
) -> Iterator[tuple[Any, ...]]:
    """``(id, type, head, tail, weight, confidence)`` of the relations whose ``side`` (head
    or tail) is one of ``ids`` (at most ``CHUNK``), passing the filters."""
    extra, extra_args = "", []
    if relation_types:
        extra = f" AND type IN ({','.join('?' * len(relation_types))})"
        extra_args = list(relation_types)
    marks = ",".join("?" * len(ids))
    for rel in store.conn.execute(
        f"SELECT id, type, head, tail, weight, confidence FROM relations WHERE {side} IN ({marks}) "
        f"AND confidence >= ? AND weight >= ?{extra}",
        [*ids, min_confidence, min_weight, *extra_args],
    ):
        yield tuple(rel)


def relation_detail(store: Store, relation_id: int) -> dict[str, Any]:
    """A relation's predicate and title."""
    row = store.conn.execute("SELECT predicate, title FROM relations WHERE id=?", (relation_id,)).fetchone()
    return {"predicate": row["predicate"], "title": row["title"]}


# -- rankings ---------------------------------------------------------------------------------
def entity_rows(store: Store, entity_type: str | None, ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """``{id: {"id", "name", "type", "mentions"}}`` of ``ids`` (default: every entity),
    of ``entity_type`` if given."""
    rows: dict[str, dict[str, Any]] = {}
    type_clause, type_args = (" AND type = ?", [entity_type]) if entity_type else ("", [])
    if ids is None:
        chunks: list[list[str] | None] = [None]
    else:
        chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    for chunk in chunks:
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


def _confidence_clause(min_confidence: float) -> tuple[str, list[Any]]:
    # Without a threshold the scans stay index-only.
    return (" WHERE confidence >= ?", [min_confidence]) if min_confidence > 0 else ("", [])


def degree_counts(store: Store, min_confidence: float) -> dict[str, int]:
    """Relations per entity (either end)."""
    # Two grouped scans that walk the (head, ...) and (tail, ...) indexes in order: no sort
    # of the two million ends a UNION would need.
    counts: dict[str, int] = {}
    where, args = _confidence_clause(min_confidence)
    for side in ("head", "tail"):
        for eid, n in store.conn.execute(f"SELECT {side}, count(*) FROM relations{where} GROUP BY {side}", args):
            counts[eid] = counts.get(eid, 0) + n
    return counts


def relation_arcs(store: Store, min_confidence: float) -> Iterator[tuple[str, str, str, int]]:
    """(head, tail, type, weight) of every relation at or above ``min_confidence``."""
    where, args = _confidence_clause(min_confidence)
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
    relation passing ``where`` (a ``GraphFilter.relation_sql()`` condition over ``r``, ``h``
    and ``t``) that touches the frontier, in either direction."""
    rows: list[tuple[str, str, int, str, int]] = []
    for i in range(0, len(frontier), CHUNK):
        chunk = frontier[i : i + CHUNK]
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


def relation_id(store: Store, head: str, rel_type: str, tail: str) -> int | None:
    """The id of the relation (head, type, tail), or None."""
    row = store.conn.execute("SELECT id FROM relations WHERE head=? AND type=? AND tail=?", (head, rel_type, tail)).fetchone()
    return None if row is None else int(row[0])


def document_refs(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{id: {"title", "date", "url", "source"}}`` of the documents that exist: the
    article reads' ``documents`` without the id repeated inside."""
    return {i: {k: v for k, v in d.items() if k != "id"} for i, d in documents(store, list(ids)).items()}
