"""Facade results as the JSON the explorer page draws (plain data, no SQL, no HTML:
the page puts every value into the DOM as text)."""

from __future__ import annotations

from typing import Any

from newsgraph.options import COOCCURRENCE


def edge_id(head: str, rel_type: str, tail: str) -> str:
    """Stable across requests, so an expanded neighbourhood merges into the drawing
    without duplicating edges already there."""
    return f"{head}\u241f{rel_type}\u241f{tail}"


def ego_json(ego: Any) -> dict[str, Any]:
    """An ``EgoNetwork`` (newsgraph.show) as nodes and edges; evidence is fetched per edge
    on click (``/api/relation``), which keeps the first view small."""
    g = ego.graph
    nodes = [
        {
            "id": eid,
            "name": a["name"],
            "type": a["type"],
            "mentions": a["mentions"],
            "documents": a["documents"],
            "aliases": a["aliases"],
            "hop": ego.hops.get(eid, 0),
            "first_seen": a["first_seen"],
            "last_seen": a["last_seen"],
        }
        for eid, a in g.nodes(data=True)
    ]
    nodes.sort(key=lambda n: (n["hop"], -n["mentions"], n["name"]))
    edges = [
        {
            "id": edge_id(head, key, tail),
            "from": head,
            "to": tail,
            "type": key,
            "directed": key != COOCCURRENCE,
            "weight": a["weight"],
            "confidence": a["confidence"],
            "predicate": a["predicate"],
            "title": a["title"],
            "evidence_count": a["evidence_count"],
            "confirmed": a.get("confirmed", False),
        }
        for head, tail, key, a in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    ]
    center = g.nodes[ego.center]
    return {
        "center": {"id": ego.center, "name": center["name"], "type": center["type"]},
        "truncated": ego.truncated,
        "nodes": nodes,
        "edges": edges,
    }
