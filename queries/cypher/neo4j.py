"""Cypher against a Neo4j server, results as plain JSON-friendly data.

``run_cypher`` runs the query in a read transaction unless ``write=True``. Whether a query
writes is the server's verdict, not ours: Neo4j refuses any write (data or schema) in a
read-access transaction, and that refusal becomes :class:`WriteRefused` (NG403). A read
transaction still lets ``LOAD CSV`` read the server's files and procedures and
administration commands run: without ``write`` or ``allow_procedures`` those are refused
before the query is sent (:func:`newsgraph.queries.cypher.guards.check_neo4j_read_only`,
NG407). The server's notifications (unknown labels, types, properties) come back as
``warnings``.
Results are ``{"columns": [...], "rows": [{column: value}]}`` with nodes as their
property maps, relationships as ``{"type", "properties"}``, paths as the list of their
nodes and relationships in order, temporal values as ISO 8601 strings.
"""

from __future__ import annotations

import base64
import logging
from typing import Any, Mapping

from newsgraph.graph.records import CypherResult
from newsgraph.graph.neo4j_client import Neo4jTarget, open_driver
from newsgraph.queries.cypher.guards import check_neo4j_read_only

# The driver logs every server notification; they are returned as ``warnings`` instead.
logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


def to_plain(value: Any) -> Any:
    """A Neo4j result value as JSON-friendly data."""
    from neo4j.graph import Node, Path, Relationship
    from neo4j.spatial import Point

    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Node):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, Relationship):
        return {"type": value.type, "properties": {k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return _path_list(value)
    if isinstance(value, Mapping):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": list(value)}
    iso = getattr(value, "iso_format", None)  # neo4j.time Date, Time, DateTime, Duration
    if callable(iso):
        return iso()
    return str(value)


def _path_list(path: Any) -> list[Any]:
    """node, relationship, node, … in the path's order (a relationship in a path may point
    against the walk; its own start and end are not the walk's)."""
    out: list[Any] = []
    for node, rel in zip(path.nodes, path.relationships):
        out += [to_plain(node), to_plain(rel)]
    out.append(to_plain(path.end_node))
    return out


def run_cypher(
    uri: str | None,
    query: str,
    params: Mapping[str, Any] | None = None,
    *,
    write: bool = False,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    allow_procedures: bool = False,
) -> CypherResult:
    """Run ``query`` against Neo4j; credentials and database default to ``NEO4J_USER``,
    ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``."""
    if not write and not allow_procedures:
        check_neo4j_read_only(query)
    target = Neo4jTarget.from_env(uri, user, password, database)
    params = dict(params or {})

    with open_driver(target) as driver, driver.session(database=target.database) as session:
        if not write:
            result: CypherResult = session.execute_read(lambda tx: _collect(tx.run(query, params)))
            return result
        # Auto-commit, so that CALL { … } IN TRANSACTIONS works too.
        return _collect(session.run(query, params))


def _collect(result: Any) -> CypherResult:
    columns = list(result.keys())
    rows = [{c: to_plain(v) for c, v in zip(columns, record.values())} for record in result]
    summary = result.consume()
    warnings = [
        f"{n.get('title') or n.get('code')}: {n.get('description', '')}".strip()
        for n in (getattr(summary, "notifications", None) or [])
        if str(n.get("severity", "")).upper() == "WARNING"
    ]
    out: CypherResult = {"columns": columns, "rows": rows}
    if warnings:
        out["warnings"] = warnings
    return out
