"""An entity's connections, first and second degree, straight from the store's indexes.

Nothing here loads the graph: each level is one indexed query on ``relations`` (by
``head`` through the unique (head, type, tail) index, by ``tail`` through
``relations_tail``), so a lookup costs what the entity's neighbourhood costs, not what
the corpus costs.

Filters: relation types, the other end's entity types, a minimum weight and confidence,
and a date window. Dates are the documents' (published, else ingest date): with a
window, a relation counts only if some of its evidence falls inside it, and its weight
and evidence are those inside the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from newsgraph.graph.model import COOCCURRENCE
from newsgraph.graph.store import EVIDENCE_ORDER, Store
from newsgraph.queries.filters import evidence_date_clause

__all__ = ["ConnectionFilter", "connections"]

CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit


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
        """Evidence dated inside the period; undated evidence is out when a bound is given
        (``filters.evidence_date_clause`` defines it)."""
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


def _fetch(store: Store, ids: Iterable[str], flt: ConnectionFilter) -> list[dict[str, Any]]:
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


def _evidence(store: Store, relation_id: int, flt: ConnectionFilter, limit: int) -> list[dict[str, Any]]:
    date_clause, date_args = flt.date_sql()
    rows = store.conn.execute(
        "SELECT v.document_id, v.sentence, d.title, d.date FROM evidence v JOIN documents d ON d.id = v.document_id "
        f"WHERE v.relation_id = ? AND {date_clause} ORDER BY {EVIDENCE_ORDER} LIMIT ?",
        [relation_id, *date_args, limit],
    )
    return [{"document": r[0], "sentence": r[1], "title": r[2], "date": r[3]} for r in rows]


def _sort_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["type"] == COOCCURRENCE, row["type"], -row["weight"], row["other_name"])


def _connection(store: Store, row: dict[str, Any], flt: ConnectionFilter, evidence_limit: int) -> dict[str, Any]:
    return {
        "id": row["id"],  # the relation id ``reject`` and ``confirm`` take
        "relation": row["type"],
        "direction": row["direction"],
        "entity": {"id": row["other_id"], "name": row["other_name"], "type": row["other_type"]},
        "weight": row["weight"],
        "confidence": round(row["confidence"], 3),
        "predicate": row["predicate"],
        "title": row["title"],
        "method": row["method"],
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "confirmed": store.is_confirmed(row["id"]),
        "evidence": _evidence(store, row["id"], flt, evidence_limit),
    }


def _hop(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "relation": row["type"],
        "direction": row["direction"],
        "weight": row["weight"],
        "title": row["title"],
        "predicate": row["predicate"],
        "relation_id": row["id"],
    }


def connections(
    store: Store,
    eid: str,
    flt: ConnectionFilter | None = None,
    *,
    depth: int = 1,
    evidence_limit: int = 1,
    limit: int | None = None,
    second_degree_limit: int = 50,
) -> dict[str, Any]:
    """The entity, its direct connections (grouped by relation type in that order) and,
    with ``depth=2``, the entities two steps away with the first-degree ones they are
    reached through."""
    flt = flt or ConnectionFilter()
    entity = store.conn.execute("SELECT id, name, type FROM entities WHERE id=?", (eid,)).fetchone()
    first = sorted((r for r in _fetch(store, [eid], flt) if r["other_id"] != eid), key=_sort_key)
    if limit is not None:
        first = first[:limit]
    result: dict[str, Any] = {
        "entity": {"id": entity["id"], "name": entity["name"], "type": entity["type"]},
        "depth": depth,
        "filters": flt.to_dict(),
        "connections": [_connection(store, r, flt, evidence_limit) for r in first],
    }
    if depth >= 2:
        result["second_degree"] = _second_degree(store, eid, first, flt, evidence_limit, second_degree_limit)
    return result


def _second_degree(
    store: Store, eid: str, first: list[dict[str, Any]], flt: ConnectionFilter, evidence_limit: int, limit: int
) -> list[dict[str, Any]]:
    # The strongest first hop to each neighbour (the list is sorted best first).
    first_hop: dict[str, dict[str, Any]] = {}
    for r in first:
        first_hop.setdefault(r["other_id"], r)
    known = set(first_hop) | {eid}
    # Second hops: only through the first-degree entities, ending outside them.
    reached: dict[str, dict[str, Any]] = {}
    for r in _fetch(store, first_hop, flt):
        target = r["other_id"]
        if target in known:
            continue
        via = r["origin"]
        entry = reached.setdefault(
            target,
            {"entity": {"id": target, "name": r["other_name"], "type": r["other_type"]}, "via": {}, "weight": 0},
        )
        best = entry["via"].get(via)
        if best is None or _sort_key(r) < _sort_key(best):
            entry["via"][via] = r
    ranked = sorted(
        reached.values(),
        key=lambda e: (-len(e["via"]), -sum(r["weight"] for r in e["via"].values()), e["entity"]["name"]),
    )[:limit]
    out = []
    for e in ranked:
        vias = []
        for via_id, second in sorted(e["via"].items(), key=lambda kv: _sort_key(kv[1])):
            hop1 = first_hop[via_id]
            vias.append(
                {
                    "entity": {"id": via_id, "name": hop1["other_name"], "type": hop1["other_type"]},
                    "first": {**_hop(hop1), "evidence": _evidence(store, hop1["id"], flt, evidence_limit)},
                    "second": {**_hop(second), "evidence": _evidence(store, second["id"], flt, evidence_limit)},
                }
            )
        out.append({"entity": e["entity"], "paths": len(vias), "via": vias})
    return out
