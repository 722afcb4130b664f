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
# Intermediate rows, collected items and scanned elements a query may hold or walk: far
# above any analyst query on a million relationships, and it stops an exploding
# variable-length pattern long before it exhausts memory.
DEFAULT_MAX_WORK = 50_000_000
