"""Shortest chains of relations between two entities, by bidirectional BFS on the store.

Each BFS level is a few indexed queries (``relations`` by head and by tail for the
frontier's ids), expanding from whichever side has the smaller frontier, so a path
lookup touches the two neighbourhoods up to half the distance each instead of the
whole graph. Relations are walked in both directions (a chain may go against an
arrow); each hop reports its direction. When two entities are linked by several
relations, the hop shows the strongest (a verb or title relation before
co-occurrence, then the highest weight) and lists the others.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from newsgraph.graph.model import COOCCURRENCE
from newsgraph.graph.records import Chain, EntityRef, PathHop, PathResult
from newsgraph.graph.batches import chunks
from newsgraph.graph.reads import entity_refs, evidence, relation_detail, walk_relations
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.graph.store import Store

__all__ = ["shortest_paths"]

MAX_ENUMERATED = 10_000  # candidate chains looked at before ranking


def _rank(rel: tuple[Any, ...]) -> tuple[Any, ...]:
    # rel = (relation id, type, head, tail, weight, confidence)
    return (rel[1] == COOCCURRENCE, -rel[4], -rel[5], rel[1])


class _Walker:
    def __init__(self, store: Store, flt: RelationFilter) -> None:
        self.store = store
        self.flt = flt
        self.pairs: dict[frozenset[str], list[tuple[Any, ...]]] = {}
        self.queries = 0

    def neighbours(self, ids: list[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for chunk in chunks(ids):
            for side in ("head", "tail"):
                self.queries += 1
                for rel in walk_relations(self.store, side, chunk, self.flt):
                    head, tail = rel[2], rel[3]
                    if head == tail:
                        continue
                    pair = frozenset((head, tail))
                    known = self.pairs.setdefault(pair, [])
                    if rel not in known:
                        known.append(rel)
                    origin, other = (head, tail) if side == "head" else (tail, head)
                    out.setdefault(origin, set()).add(other)
        return out


def _chains(parents: dict[str, set[str]], node: str) -> Iterator[list[str]]:
    """Every chain root -> node along BFS parents (root has no parents)."""
    if not parents[node]:
        yield [node]
        return
    for p in sorted(parents[node]):
        for chain in _chains(parents, p):
            yield chain + [node]


def shortest_paths(
    store: Store,
    source: str,
    target: str,
    *,
    max_hops: int = 4,
    relation_types: list[str] | None = None,
    min_confidence: float = 0.0,
    min_weight: int = 0,
    max_paths: int = 5,
) -> PathResult:
    """The shortest chains (all of the same, minimal length; at most ``max_paths``,
    strongest first) from ``source`` to ``target`` within ``max_hops``."""
    walker = _Walker(
        store, RelationFilter(relation_types=list(relation_types or []), min_confidence=min_confidence, min_weight=min_weight)
    )
    names = _names(store, [source, target])
    result: PathResult = {
        "source": names[source],
        "target": names[target],
        "max_hops": max_hops,
        "hops": None,
        "paths": [],
    }
    if source == target:
        result["hops"] = 0
        result["paths"] = [{"length": 0, "entities": [names[source]], "hops": []}]
        return result
    dist = ({source: 0}, {target: 0})
    parents: tuple[dict[str, set[str]], dict[str, set[str]]] = ({source: set()}, {target: set()})
    frontier = ([source], [target])
    levels = [0, 0]
    meets: list[str] = []
    while levels[0] + levels[1] < max_hops and frontier[0] and frontier[1]:
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        seen, par = dist[side], parents[side]
        nxt: list[str] = []
        for origin, others in walker.neighbours(frontier[side]).items():
            for other in others:
                if other not in seen:
                    seen[other] = levels[side] + 1
                    par[other] = set()
                    nxt.append(other)
                if seen[other] == levels[side] + 1:
                    par[other].add(origin)
        levels[side] += 1
        frontier = (nxt, frontier[1]) if side == 0 else (frontier[0], nxt)
        touching = [n for n in nxt if n in dist[1 - side]]
        if touching:
            best = min(dist[0][n] + dist[1][n] for n in touching)
            meets = sorted(n for n in touching if dist[0][n] + dist[1][n] == best)
            break
    if not meets:
        return result
    chains: list[list[str]] = []
    for m in meets:
        for left in _chains(parents[0], m):
            for right in _chains(parents[1], m):
                chains.append(left + list(reversed(right))[1:])
                if len(chains) >= MAX_ENUMERATED:
                    break
    chains = list({tuple(c): c for c in chains}.values())

    def strength(chain: list[str]) -> tuple[Any, ...]:
        best = [min(walker.pairs[frozenset((a, b))], key=_rank) for a, b in zip(chain, chain[1:])]
        return (sum(r[1] == COOCCURRENCE for r in best), -sum(r[4] for r in best), chain)

    chains.sort(key=strength)
    chains = chains[:max_paths]
    names.update(_names(store, {n for c in chains for n in c}))
    result["hops"] = len(chains[0]) - 1
    result["paths"] = [_describe(store, walker, names, c) for c in chains]
    return result


def _names(store: Store, ids: Iterable[str]) -> dict[str, EntityRef]:
    return entity_refs(store, ids)


def _describe(store: Store, walker: _Walker, names: dict[str, EntityRef], chain: list[str]) -> Chain:
    hops: list[PathHop] = []
    for a, b in zip(chain, chain[1:]):
        rels = sorted(walker.pairs[frozenset((a, b))], key=_rank)
        rid, rtype, head, tail, weight, confidence = rels[0]
        row = relation_detail(store, rid)
        best = evidence(store, rid, None, 1)
        hops.append(
            {
                "from": names[a],
                "to": names[b],
                "relation": rtype,
                "direction": "both" if rtype == COOCCURRENCE else ("out" if head == a else "in"),
                "weight": weight,
                "confidence": round(confidence, 3),
                "predicate": row["predicate"],
                "title": row["title"],
                "evidence": best[0] if best else None,
                "other_relations": sorted({r[1] for r in rels[1:]}),
            }
        )
    return {"length": len(hops), "entities": [names[n] for n in chain], "hops": hops}
