"""Moved to :mod:`newsgraph.queries.cypher.neo4j` (kept for imports written before)."""

from newsgraph.queries.cypher.neo4j import run_cypher, to_plain

__all__ = ["run_cypher", "to_plain"]
