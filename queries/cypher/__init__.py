"""Cypher on the embedded graph (KGLite) and in Neo4j, with the same results.

- :mod:`.engine` — the only module that knows KGLite (the pinned version, values, errors);
- :mod:`.graph` — the push's graph built from the store, kept in a verified file beside it;
- :mod:`.guards` — what a query may do, checked on its tokens (:mod:`.lexer`);
- :mod:`.neo4j` — the same query in a Neo4j server.

:func:`.run.run_cypher` answers ``{"columns", "rows", "warnings"}`` exactly as the Neo4j
backend answers the same query on a push of the same store, or raises a coded error
(``newsgraph.errors``): refused features NG402, timeout NG405, too large NG406.
"""

from __future__ import annotations

__all__ = ["DEFAULT_TIMEOUT", "DEFAULT_MAX_WORK"]

# Here and not in .run, so that the CLI's options need not import the engine.
DEFAULT_TIMEOUT = 60.0  # seconds
# Work units (intermediate rows, collected items, scanned elements) a query may hold or
# walk. A unit of a variable-length expansion costs ~750 bytes: `MATCH (a)-[*1..6]->(b)
# RETURN count(b)` on 100,000 relationships stops at this bound after 39 s with a peak RSS
# of 1.8 GB (5,000,000 reached 2.8 GB before the 60 s deadline), while an aggregation over
# every relationship of a million-relationship graph by type stays under it.
DEFAULT_MAX_WORK = 2_000_000
