"""Who matters most: entities ranked by mentions, degree, PageRank or betweenness.

Mentions and degree are SQL aggregates over the store. PageRank and betweenness need
the whole relation graph, built here as a light weighted graph (ids and weights only,
no properties or evidence). Co-occurrence is undirected, so it counts both ways.
Betweenness on more than ``EXACT_BETWEENNESS_MAX`` nodes is estimated from a sample of
sources (seeded, so repeatable), flagged ``approximate``: each source costs a traversal
of the whole graph in Python, so the sample shrinks as the graph grows (from 500 sources
down to 10 at a million relations).
"""

from __future__ import annotations

import heapq
from typing import Any, Mapping

import networkx as nx

from newsgraph.graph.model import COOCCURRENCE, NAMED_IN_TEXT
from newsgraph.graph.store import Store
from newsgraph.queries.gcpause import no_gc

__all__ = ["RANKINGS", "top_entities"]

EXACT_BETWEENNESS_MAX = 5_000
BETWEENNESS_SAMPLE = 500
BETWEENNESS_BUDGET = 10_000_000  # sources x edges


def betweenness_sample(n_nodes: int, n_edges: int) -> int | None:
    """Sources to sample, or None for the exact computation."""
    if n_nodes <= EXACT_BETWEENNESS_MAX:
        return None
    return min(n_nodes, max(10, min(BETWEENNESS_SAMPLE, BETWEENNESS_BUDGET // max(n_edges, 1))))


def _entity_rows(store: Store, entity_type: str | None, ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    type_clause, type_args = (" AND type = ?", [entity_type]) if entity_type else ("", [])
    if ids is None:
        chunks: list[list[str] | None] = [None]
    else:
        chunks = [ids[i : i + 500] for i in range(0, len(ids), 500)]
    for chunk in chunks:
        if chunk is None:
            sql, args = f"SELECT id, name, type, mentions FROM entities WHERE 1{type_clause}", type_args
        else:
            sql = f"SELECT id, name, type, mentions FROM entities WHERE id IN ({','.join('?' * len(chunk))}){type_clause}"
            args = [*chunk, *type_args]
        for r in store.conn.execute(sql, args):
            rows[r[0]] = {"id": r[0], "name": r[1], "type": r[2], "mentions": r[3]}
    return rows


def _by_mentions(store: Store, entity_type: str | None, limit: int, min_confidence: float = 0.0) -> tuple[list[tuple[str, float]], bool]:
    sql, args = f"SELECT id, mentions FROM entities WHERE {NAMED_IN_TEXT}", []
    if entity_type:
        sql += " AND type = ?"
        args.append(entity_type)
    sql += " ORDER BY mentions DESC, name LIMIT ?"
    return [(r[0], r[1]) for r in store.conn.execute(sql, [*args, limit])], False


def _by_degree(store: Store, entity_type: str | None, limit: int, min_confidence: float = 0.0) -> tuple[list[tuple[str, float]], bool]:
    # Two grouped scans that walk the (head, ...) and (tail, ...) indexes in order: no sort
    # of the two million ends a UNION would need.
    counts: dict[str, int] = {}
    where, args = _confidence_clause(min_confidence)
    for side in ("head", "tail"):
        for eid, n in store.conn.execute(f"SELECT {side}, count(*) FROM relations{where} GROUP BY {side}", args):
            counts[eid] = counts.get(eid, 0) + n
    return _keep(counts, store, entity_type, limit), False


def _confidence_clause(min_confidence: float) -> tuple[str, list[Any]]:
    # Without a threshold the scans stay index-only.
    return (" WHERE confidence >= ?", [min_confidence]) if min_confidence > 0 else ("", [])


def relation_graph(store: Store, min_confidence: float = 0.0) -> nx.DiGraph:
    """Every relation as a weighted arc (co-occurrence both ways), parallel arcs summed."""
    weights: dict[tuple[str, str], int] = {}
    where, args = _confidence_clause(min_confidence)
    for head, tail, rtype, weight in store.conn.execute(f"SELECT head, tail, type, weight FROM relations{where}", args):
        weights[(head, tail)] = weights.get((head, tail), 0) + weight
        if rtype == COOCCURRENCE:
            weights[(tail, head)] = weights.get((tail, head), 0) + weight
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_nodes_from(r[0] for r in store.conn.execute(f"SELECT id FROM entities WHERE {NAMED_IN_TEXT}"))
    g.add_weighted_edges_from((u, v, w) for (u, v), w in weights.items())
    return g


def _keep(scores: Mapping[str, float], store: Store, entity_type: str | None, limit: int) -> list[tuple[str, float]]:
    allowed = {r[0] for r in store.conn.execute("SELECT id FROM entities WHERE type = ?", (entity_type,))} if entity_type else None
    candidates = ((k, v) for k, v in scores.items() if allowed is None or k in allowed)
    return heapq.nsmallest(limit, candidates, key=lambda kv: (-kv[1], kv[0]))


def _by_pagerank(store: Store, entity_type: str | None, limit: int, min_confidence: float = 0.0) -> tuple[list[tuple[str, float]], bool]:
    with no_gc():
        g = relation_graph(store, min_confidence)
        if g.number_of_nodes() == 0:
            return [], False
        scores = nx.pagerank(g, weight="weight")
    return _keep(scores, store, entity_type, limit), False


def _by_betweenness(store: Store, entity_type: str | None, limit: int, min_confidence: float = 0.0) -> tuple[list[tuple[str, float]], bool]:
    with no_gc():
        g = relation_graph(store, min_confidence).to_undirected(as_view=False)
        n = g.number_of_nodes()
        if n == 0:
            return [], False
        sample = betweenness_sample(n, g.number_of_edges())
        # Unweighted: a heavier edge is a stronger tie, not a longer one.
        scores = nx.betweenness_centrality(g, k=sample, seed=0, normalized=True)
    return _keep(scores, store, entity_type, limit), sample is not None


RANKINGS = {
    "mentions": _by_mentions,
    "degree": _by_degree,
    "pagerank": _by_pagerank,
    "betweenness": _by_betweenness,
}


def top_entities(
    store: Store, by: str = "mentions", entity_type: str | None = None, limit: int = 20, min_confidence: float = 0.0
) -> dict[str, Any]:
    """``min_confidence`` counts only relations at least that confident (degree, PageRank,
    betweenness); mentions do not depend on relations."""
    ranked, approximate = RANKINGS[by](store, entity_type, limit, min_confidence)
    rows = _entity_rows(store, entity_type, [k for k, _ in ranked])
    entities = []
    for rank, (eid, score) in enumerate(ranked, start=1):
        row = rows[eid]
        entities.append({"rank": rank, **row, "score": round(score, 6) if isinstance(score, float) else score})
    return {
        "by": by, "type": entity_type, "min_confidence": min_confidence, "approximate": approximate, "entities": entities,
    }
