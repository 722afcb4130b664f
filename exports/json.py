"""Node-link JSON (networkx's ``node_link_data`` shape) with the evidence, for scripts and
web front ends.

Target: ``networkx.node_link_graph(data, edges="edges")`` reads it back as a
MultiDiGraph; d3-style consumers read ``nodes`` and ``edges``.

Shape: ``{"directed": true, "multigraph": true, "graph": {...}, "nodes": [...],
"edges": [...]}``. A node is its record (``id``, ``name``, ``type``, ``aliases`` list, ...);
an edge has ``source``, ``target``, ``key`` (the relation type) and its record
(``weight``, ``confidence``, ..., ``document_ids`` list, ``evidence``: a list of
``{document, sentence, date}``, best first; ``relation_id``, the store's id; ``confirmed``,
true once an analyst confirmed it). JSON carries lists and any character, so
nothing is flattened; control characters are escaped by the JSON encoder. One element per
line, streamed: the document is never held in memory.
"""

from __future__ import annotations

import json as _json
from typing import Any

from newsgraph.exports.source import ChunkedWriter, Destination, GraphLike, iter_edges, iter_nodes, open_binary

__all__ = ["write_json"]

def _dumps(value: Any) -> str:
    return _json.dumps(value, ensure_ascii=False, default=str)


def write_json(graph: GraphLike, dest: Destination) -> tuple[int, int]:
    """Write ``graph`` to ``dest`` (path, binary file or '-'); returns (nodes, edges)."""
    with open_binary(dest) as out:
        out.write(b'{"directed": true, "multigraph": true, "graph": {"name": "newsgraph"},\n"nodes": [')
        n_nodes = 0
        writer = ChunkedWriter(out)
        for node in iter_nodes(graph):
            writer.write(("\n" if n_nodes == 0 else ",\n") + _dumps(node))
            n_nodes += 1
        writer.write('\n],\n"edges": [')
        n_edges = 0
        for edge in iter_edges(graph):
            record = {"source": edge.pop("head"), "target": edge.pop("tail"), "key": edge["type"], **edge}
            writer.write(("\n" if n_edges == 0 else ",\n") + _dumps(record))
            n_edges += 1
        writer.write("\n]}\n")
        writer.flush()
    return n_nodes, n_edges
