"""newsgraph: English news articles in, an evidenced entity-and-relationship graph out.

The names below are loaded on first use, so importing a leaf module
(``newsgraph.graph.model``, ``newsgraph.errors``) does not load the facade and the store.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = ["KnowledgeGraph", "Neo4jGraph", "IngestSummary", "NewsgraphError", "EntityCard", "Connection", "EvidenceItem", "StoreStats"]
__version__ = "0.1.0"

_LAZY = {"KnowledgeGraph": "newsgraph.kg", "Neo4jGraph": "newsgraph.kg", "IngestSummary": "newsgraph.kg", "NewsgraphError": "newsgraph.errors"}
# The facade's typed results (TypedDicts: plain dicts at run time, checked keys for mypy).
_LAZY.update(dict.fromkeys(("EntityCard", "Connection", "EvidenceItem", "StoreStats"), "newsgraph.graph.records"))

if TYPE_CHECKING:
    from newsgraph.errors import NewsgraphError
    from newsgraph.graph.records import Connection, EntityCard, EvidenceItem, StoreStats
    from newsgraph.kg import IngestSummary, KnowledgeGraph, Neo4jGraph


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
