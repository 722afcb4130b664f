"""An entity's connections, first and second degree, straight from the store's indexes.

Nothing here loads the graph: each level is one indexed read of the store
(``graph/reads.py``, which holds the SQL), so a lookup costs what the entity's
neighbourhood costs, not what the corpus costs.

Filters: relation types, the other end's entity types, a minimum weight and confidence,
and a date window. Dates are the documents' (published, else ingest date): with a
window, a relation counts only if some of its evidence falls inside it, and its weight
and evidence are those inside the window.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsgraph.graph.model import COOCCURRENCE
from newsgraph.graph import records
from newsgraph.graph.records import Connection, ConnectionCriteria, Connections, Hop, SecondDegree, Via
from newsgraph.graph.reads import entity_refs, evidence, relations_touching
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.graph.store import Store

__all__ = ["RelationFilter", "below_floor", "connections"]


def _sort_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["type"] == COOCCURRENCE, row["type"], -row["weight"], row["other_name"])


def _filters(flt: RelationFilter) -> ConnectionCriteria:
    """The criteria a connection list takes, echoed in its answer."""
    return {
        "relation_types": flt.relation_types,
        "entity_types": flt.entity_types,
        "since": flt.since,
        "until": flt.until,
        "min_weight": flt.min_weight,
        "min_confidence": flt.min_confidence,
    }


def _connection(store: Store, row: dict[str, Any], flt: RelationFilter, evidence_limit: int) -> Connection:
    return records.connection(row, store.is_confirmed(row["id"]), evidence(store, row["id"], flt, evidence_limit))


def _hop(store: Store, row: dict[str, Any], flt: RelationFilter, evidence_limit: int) -> Hop:
    return {
        "relation": row["type"],
        "direction": row["direction"],
        "weight": row["weight"],
        "title": row["title"],
        "predicate": row["predicate"],
        "relation_id": row["id"],
        "evidence": evidence(store, row["id"], flt, evidence_limit),
    }


def connections(
    store: Store,
    eid: str,
    flt: RelationFilter | None = None,
    *,
    depth: int = 1,
    evidence_limit: int = 1,
    limit: int | None = None,
    second_degree_limit: int = 50,
) -> Connections:
    """The entity, its direct connections (grouped by relation type in that order) and,
    with ``depth=2``, the entities two steps away with the first-degree ones they are
    reached through."""
    flt = flt or RelationFilter()
    entity = entity_refs(store, [eid])[eid]
    first = sorted((r for r in relations_touching(store, [eid], flt) if r["other_id"] != eid), key=_sort_key)
    if limit is not None:
        first = first[:limit]
    result: Connections = {
        "entity": entity,
        "depth": depth,
        "filters": _filters(flt),
        "connections": [_connection(store, r, flt, evidence_limit) for r in first],
    }
    if depth >= 2:
        result["second_degree"] = _second_degree(store, eid, first, flt, evidence_limit, second_degree_limit)
    return result


def below_floor(store: Store, eid: str, flt: RelationFilter) -> int:
    """How many of ``eid``'s relations pass ``flt`` but for its confidence floor: what a
    lower ``--min-confidence`` would add to its card or connection list. Weaker findings
    stay in the store, and the text views say how many they hide rather than drop them
    silently."""
    if flt.min_confidence <= 0:
        return 0
    weaker = replace(flt, min_confidence=0.0)
    return sum(
        1 for r in relations_touching(store, [eid], weaker) if r["other_id"] != eid and r["confidence"] < flt.min_confidence
    )


def _second_degree(
    store: Store, eid: str, first: list[dict[str, Any]], flt: RelationFilter, evidence_limit: int, limit: int
) -> list[SecondDegree]:
    # The strongest first hop to each neighbour (the list is sorted best first).
    first_hop: dict[str, dict[str, Any]] = {}
    for r in first:
        first_hop.setdefault(r["other_id"], r)
    known = set(first_hop) | {eid}
    # Second hops: only through the first-degree entities, ending outside them.
    reached: dict[str, dict[str, Any]] = {}
    for r in relations_touching(store, first_hop, flt):
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
    out: list[SecondDegree] = []
    for e in ranked:
        vias: list[Via] = []
        for via_id, second in sorted(e["via"].items(), key=lambda kv: _sort_key(kv[1])):
            hop1 = first_hop[via_id]
            vias.append(
                {
                    "entity": {"id": via_id, "name": hop1["other_name"], "type": hop1["other_type"]},
                    "first": _hop(store, hop1, flt, evidence_limit),
                    "second": _hop(store, second, flt, evidence_limit),
                }
            )
        out.append({"entity": e["entity"], "paths": len(vias), "via": vias})
    return out
