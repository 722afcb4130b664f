"""The result of a Cypher query, shared by both backends (embedded grand-cypher, Neo4j).

A result is a plain dict ``{"columns": [...], "rows": [{column: value, ...}, ...]}``:
columns in RETURN order, named by their alias or, without one, by the expression as
written (``p.name``, ``count(r)``), the way Neo4j names them. Values are JSON-ready:

- a node or relationship becomes the dict of its properties (no internal keys such as
  grand-cypher's ``__labels__``); a backend may add ``_labels`` / ``_type`` for it;
- sets and tuples become lists (sets sorted), dates and other objects their ``str``.

``make_result`` normalises; ``newsgraph.render`` prints (``cypher_json``, ``write_cypher_csv``,
``render_cypher_table``) and ``newsgraph.options.parse_params`` reads ``--param``.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from newsgraph.graph.records import CypherResult

__all__ = ["make_result", "normalise_value"]


def normalise_value(value: Any) -> Any:
    """A JSON-ready copy of one cell value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Mapping):
        return {str(k): normalise_value(v) for k, v in value.items() if not str(k).startswith("__")}
    if isinstance(value, (set, frozenset)):
        items = [normalise_value(v) for v in value]
        try:
            return sorted(items)
        except TypeError:
            return sorted(items, key=repr)
    if isinstance(value, (list, tuple)):
        return [normalise_value(v) for v in value]
    # Driver objects (neo4j Node/Relationship) expose their properties through items().
    get_items = getattr(value, "items", None)
    if callable(get_items):
        return {str(k): normalise_value(v) for k, v in get_items()}
    return str(value)


def make_result(columns: Iterable[str], rows: Iterable[Mapping[str, Any]]) -> CypherResult:
    cols = list(columns)
    return {"columns": cols, "rows": [{c: normalise_value(row.get(c)) for c in cols} for row in rows]}
