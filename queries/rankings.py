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

from newsgraph.graph import reads
from newsgraph.graph.model import COOCCURRENCE
from newsgraph.graph.records import RankedEntity, TopResult
from newsgraph.graph.relation_filter import RelationFilter
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


Ranking = tuple[list[tuple[str, float]], bool]  # (id, score) best first; approximate


def _by_mentions(store: Store, entity_type: str | None, limit: int, flt: RelationFilter) -> Ranking:
    return reads.mention_ranking(store, entity_type, limit), False


def _by_degree(store: Store, entity_type: str | None, limit: int, flt: RelationFilter) -> Ranking:
    return _keep(reads.degree_counts(store, flt), store, entity_type, limit), False


def relation_graph(store: Store, flt: RelationFilter | None = None) -> nx.DiGraph:
    """Every relation passing ``flt`` as a weighted arc (co-occurrence both ways), parallel arcs summed."""
    weights: dict[tuple[str, str], int] = {}
    for head, tail, rtype, weight in reads.relation_arcs(store, flt or RelationFilter()):
        weights[(head, tail)] = weights.get((head, tail), 0) + weight
        if rtype == COOCCURRENCE:
            weights[(tail, head)] = weights.get((tail, head), 0) + weight
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_nodes_from(reads.named_entity_ids(store))
    g.add_weighted_edges_from((u, v, w) for (u, v), w in weights.items())
    return g


def _keep(scores: Mapping[str, float], store: Store, entity_type: str | None, limit: int) -> list[tuple[str, float]]:
    allowed = reads.entity_ids_of_type(store, entity_type) if entity_type else None
    candidates = ((k, v) for k, v in scores.items() if allowed is None or k in allowed)
    return heapq.nsmallest(limit, candidates, key=lambda kv: (-kv[1], kv[0]))


def _by_pagerank(store: Store, entity_type: str | None, limit: int, flt: RelationFilter) -> Ranking:
    with no_gc():
        g = relation_graph(store, flt)
        if g.number_of_nodes() == 0:
            return [], False
        scores = nx.pagerank(g, weight="weight")
    return _keep(scores, store, entity_type, limit), False


def _by_betweenness(store: Store, entity_type: str | None, limit: int, flt: RelationFilter) -> Ranking:
    with no_gc():
        g = relation_graph(store, flt).to_undirected(as_view=False)
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
) -> TopResult:
    """``min_confidence`` counts only relations at least that confident (degree, PageRank,
    betweenness); mentions do not depend on relations."""
    ranked, approximate = RANKINGS[by](store, entity_type, limit, RelationFilter(min_confidence=min_confidence))
    rows = reads.entity_rows(store, entity_type, [k for k, _ in ranked])
    entities: list[RankedEntity] = []
    for rank, (eid, score) in enumerate(ranked, start=1):
        row = rows[eid]
        entities.append({
            "rank": rank, "id": row["id"], "name": row["name"], "type": row["type"], "mentions": row["mentions"],
            "score": round(score, 6) if isinstance(score, float) else score,
        })
    return {
        "by": by, "type": entity_type, "min_confidence": min_confidence, "approximate": approximate, "entities": entities,
    }
