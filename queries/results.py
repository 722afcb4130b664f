"""The result of a Cypher query, shared by both backends (embedded grand-cypher, Neo4j).

A result is a plain dict ``{"columns": [...], "rows": [{column: value, ...}, ...]}``:
columns in RETURN order, named by their alias or, without one, by the expression as
written (``p.name``, ``count(r)``), the way Neo4j names them. Values are JSON-ready:

- a node or relationship becomes the dict of its properties (no internal keys such as
  grand-cypher's ``__labels__``); a backend may add ``_labels`` / ``_type`` for it;
- sets and tuples become lists (sets sorted), dates and other objects their ``str``.

``make_result`` normalises; ``to_json`` / ``write_csv`` / ``render_table`` print.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterable, Mapping

from rich.console import Console
from rich.table import Table

from newsgraph.graph.records import CypherResult

__all__ = ["make_result", "normalise_value", "to_json", "write_csv", "render_table", "cell_text", "parse_params"]


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


def to_json(result: Mapping[str, Any]) -> str:
    return json.dumps({"columns": result["columns"], "rows": result["rows"]}, ensure_ascii=False, indent=2)


def cell_text(value: Any) -> str:
    """One cell as text: strings as they are, null as empty, anything else as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_csv(result: Mapping[str, Any], out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result["columns"])
    for row in result["rows"]:
        writer.writerow([cell_text(row.get(c)) for c in result["columns"]])


def render_table(out: Console, result: Mapping[str, Any]) -> None:
    table = Table(*result["columns"])
    for row in result["rows"]:
        table.add_row(*(cell_text(row.get(c)) for c in result["columns"]))
    out.print(table)
    n = len(result["rows"])
    out.print(f"{n} row{'s' if n != 1 else ''}")


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    """``--param NAME=VALUE`` pairs: VALUE is read as JSON when it parses (numbers, true,
    null, "quoted", [lists]), else taken as a plain string."""
    from newsgraph.errors import InvalidQueryOption

    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        name = name.strip().lstrip("$")
        if not sep or not name.isidentifier():
            raise InvalidQueryOption(detail=f"--param expects NAME=VALUE, not {pair!r}")
        try:
            params[name] = json.loads(raw)
        except ValueError:
            params[name] = raw
    return params
