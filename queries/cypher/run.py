"""Running a query on the embedded graph: checks, the graph, the engine, Neo4j-shaped values."""

from __future__ import annotations

from typing import Any, Mapping

from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE
from newsgraph.graph.records import CypherResult
from newsgraph.graph.store import Store
from newsgraph.queries.cypher import DEFAULT_MAX_WORK, DEFAULT_TIMEOUT, engine, guards
from newsgraph.queries.cypher.graph import ProgressFn, embedded_graph
from newsgraph.queries.results import make_result

__all__ = ["run_cypher", "explain"]


def run_cypher(
    store: Store,
    query: str,
    params: Mapping[str, Any] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_work: int = DEFAULT_MAX_WORK,
    progress: ProgressFn | None = None,
    use_file: bool = True,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> CypherResult:
    """Run a read-only Cypher query on the embedded graph, whose relations are those of at
    least ``min_confidence`` (the read commands' default floor, as a Neo4j push writes)."""
    shape = guards.check_embedded(query)
    graph, _ = embedded_graph(store, progress, use_file=use_file, min_confidence=min_confidence)
    columns, raw, warnings = engine.run(graph, query, params, timeout=timeout, max_work=max_work)
    warnings += [w for w in _unknown_relationship_types(graph, shape) if not any(w.split("'")[1] in k for k in warnings)]
    if shape.star_return:
        columns = sorted(columns)  # Neo4j orders RETURN * columns by name
    rows = [{c: engine.plain(row.get(c)) for c in columns} for row in raw]
    result = make_result(columns, rows)
    if warnings:  # only then: results stay {"columns", "rows"} for callers comparing them
        result["warnings"] = warnings
    return result


def explain(store: Store, query: str, params: Mapping[str, Any] | None = None, **kwargs: Any) -> CypherResult:
    """The engine's plan for ``query`` (``EXPLAIN``), as a result table."""
    text = query.lstrip()
    if not text.upper().startswith(("EXPLAIN", "PROFILE")):
        text = "EXPLAIN " + text
    return run_cypher(store, text, params, **kwargs)


def _unknown_relationship_types(graph: Any, shape: guards.QueryShape) -> list[str]:
    if not shape.relationship_types:
        return []
    known = engine.relationship_types(graph)
    return [
        f"The relationship type {name!r} does not exist in the graph: the pattern matches nothing"
        for name in sorted(shape.relationship_types - known)
    ]
