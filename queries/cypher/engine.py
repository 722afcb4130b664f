"""The one module that knows KGLite (https://pypi.org/project/kglite/), the embedded engine.

Everything that depends on how KGLite builds, stores, answers and fails is here, so an
upgrade is one module and the version pin below (``tests/test_cypher_engine.py`` fails when
the installed version is another one; ``tests/test_cypher_parity.py`` is the gate).

- Nodes: the entity type is KGLite's primary type and ``Entity`` a secondary label, as
  ``(:Entity:Person)`` in Neo4j; documents are ``Document``. The title KGLite gives every
  node is the id for entities (so ``keys(n)``, ``properties(n)`` and ``n {.*}`` with
  ``hide_structural_keys`` carry exactly the stored keys) and the stored title for
  documents.
- Values: a node comes back as ``{"id", "labels", "properties"}`` with the virtual keys,
  a relationship as ``{"id", "start", "end", "type", "properties"}``, a path as
  ``{"nodes", "relationships"}``; :func:`plain` turns them into what the Neo4j backend
  returns (a node as its stored properties, a relationship as ``{"type", "properties"}``,
  a path as the list of its nodes and relationships).
"""

from __future__ import annotations

import datetime as _dt
import json
import warnings
from pathlib import Path
from typing import Any, Iterable, Mapping

import kglite

from newsgraph.errors import QueryError, QueryTimeout, QueryTooLarge, UnsupportedQuery

__all__ = ["KGLITE_VERSION", "Graph", "new_graph", "load_graph", "plain", "run"]

KGLITE_VERSION = "0.21.2"  # exact: every upgrade goes through tests/test_cypher_parity.py

Graph = kglite.KnowledgeGraph

# KGLite prints its query warnings (unknown labels, properties) on stderr by default; they
# are collected from the result instead and printed by the CLI, next to ours.
kglite.set_query_warning_policy("silent")


def new_graph() -> Graph:
    return kglite.KnowledgeGraph()


def load_graph(path: Path) -> Graph:
    graph = kglite.load(str(path))
    graph.read_only(True)
    return graph


def save_graph(graph: Graph, path: Path) -> None:
    with warnings.catch_warnings():
        # "save() wrote parts without a mapped form": about memory-mapped loads, unused here.
        warnings.simplefilter("ignore", kglite.MappedFallbackWarning)
        graph.save(str(path), fsync=False)


def _records(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    # Null properties are left out, as Neo4j stores none.
    return [{k: v for k, v in row.items() if v is not None} for row in rows]


def add_nodes(graph: Graph, node_type: str, rows: list[dict[str, Any]], *, labels: tuple[str, ...] = ()) -> None:
    """Nodes of one type (rows with an ``id``), plus secondary labels."""
    if not rows:
        return
    title = "title" if node_type == "Document" else "id"
    batch = kglite.from_records(
        {"nodes": [{"type": node_type, "id_field": "id", "title_field": title, "records": _records(rows)}]}
    )
    graph.extend(batch)
    for label in labels:
        graph.add_label(node_type, [r["id"] for r in rows], label)


def add_relationships(graph: Graph, rel_type: str, head_type: str, tail_type: str, rows: list[list[Any]]) -> None:
    """Relationships ``[head id, tail id, {properties}]`` between nodes of the given types."""
    if not rows:
        return
    for name in (rel_type, head_type, tail_type):
        if not name.replace("_", "").isalnum():
            raise QueryError(detail=f"cannot build the embedded graph: bad name {name!r}")
    graph.cypher(
        f"UNWIND $rows AS row MATCH (h:{head_type} {{id: row[0]}}) MATCH (t:{tail_type} {{id: row[1]}}) "
        f"CREATE (h)-[r:{rel_type}]->(t) SET r = row[2]",
        params={"rows": rows},  # relation_rows leaves null properties out already
    )


def relationship_types(graph: Graph) -> set[str]:
    return {str(t.get("type")) for t in graph.relationship_types()} if hasattr(graph, "relationship_types") else set()


# -- results -----------------------------------------------------------------------------------

_NODE_KEYS = {"id", "labels", "properties"}
_REL_KEYS = {"id", "start", "end", "type", "properties"}
_PATH_KEYS = {"nodes", "relationships"}


def plain(value: Any) -> Any:
    """A KGLite value as the Neo4j backend returns the same value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        keys = set(value)
        if keys == _NODE_KEYS and isinstance(value.get("properties"), dict):
            props = dict(value["properties"])
            labels = value.get("labels") or []
            if "Document" in labels:
                props.pop("type", None)  # virtual: documents have no type property
            else:
                props.pop("title", None)  # virtual (the id): entities have no title property
            return {k: plain(v) for k, v in props.items()}
        if keys == _REL_KEYS and isinstance(value.get("properties"), dict):
            return {"type": value["type"], "properties": {k: plain(v) for k, v in value["properties"].items()}}
        if keys == _PATH_KEYS and isinstance(value.get("nodes"), list):
            out: list[Any] = []
            for node, rel in zip(value["nodes"], value["relationships"]):
                out += [plain(node), plain(rel)]
            if value["nodes"]:
                out.append(plain(value["nodes"][-1]))
            return out
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    return str(value)


def _message(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def run(
    graph: Graph, query: str, params: Mapping[str, Any] | None, *, timeout: float, max_work: int
) -> tuple[list[str], list[dict[str, Any]], list[str]]:
    """(columns, rows, warnings) of a read-only query, values as KGLite gives them."""
    try:
        view = graph.cypher(
            query,
            params=dict(params or {}),
            timeout_ms=max(1, int(timeout * 1000)) if timeout > 0 else 0,
            max_work_units=max_work if max_work > 0 else None,
            hide_structural_keys=True,
        )
    except kglite.CypherTimeoutError:
        raise QueryTimeout(seconds=timeout) from None
    except kglite.ReadOnlyError:
        raise UnsupportedQuery(
            detail="writing (the embedded graph is read-only: ingest articles to change it, or write in Neo4j with --neo4j URI --write)"
        ) from None
    except kglite.CypherSyntaxError as exc:
        raise QueryError(detail=f"{_message(exc)} (if Neo4j accepts it, run it there with --neo4j URI)") from None
    except kglite.CypherError as exc:
        text = _message(exc)
        if "max_work_units" in text or "safety limit" in text or "exceeding" in text:
            raise QueryTooLarge(detail=text) from None
        if "Unknown function" in text or "not supported" in text.lower() or "unsupported" in text.lower():
            raise UnsupportedQuery(detail=text.removeprefix("Cypher execution error: ")) from None
        raise QueryError(detail=text) from None
    except MemoryError:
        raise QueryTooLarge(detail="out of memory") from None
    except (kglite.KgError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise QueryError(detail=_message(exc)) from None
    if isinstance(view, str):  # FORMAT CSV, a KGLite extension
        raise UnsupportedQuery(detail="FORMAT CSV (use --csv)")
    columns = list(view.columns)
    rows = view.to_list()
    warnings = [str(w) for w in getattr(view, "warnings", [])]
    return columns, rows, warnings


def params_json(params: Mapping[str, Any] | None) -> str:
    return json.dumps(params or {}, sort_keys=True, default=str)
