"""What every exporter reads: nodes and edges as plain dicts, from the store or from NetworkX.

Two sources give the same records, in the same order (nodes by id; edges by head, tail,
relation type), so a writer never needs to know which one it has:

- ``StoreGraph``: a filtered view of the SQLite store that streams rows through cursors
  and never holds the graph in memory. The CLI exports through it; it is what makes a
  million-edge GraphML export run in bounded memory.
- any NetworkX graph (``build_graph``'s MultiDiGraph or a hand-made one): its nodes and
  edges are read as they are; attributes the record schema has are taken from the data,
  missing ones become empty values, and ``__dunder__`` keys (grand-cypher's labels) are
  skipped.

The records (``NODE_FIELDS``, ``EDGE_FIELDS``, documented in ``newsgraph.graph.export_reads``)
and ``StoreGraph`` itself live in graph/, which owns the store's SQL; this module reads
NetworkX graphs into the same records and holds what the writers share (merging parallel
edges, destinations, chunked output).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Iterable, Iterator, Union, cast

from newsgraph.errors import ExportDestinationError
from newsgraph.exports.files import atomic_output
from newsgraph.graph.export_reads import (  # re-exported: the writers and tests name them here
    _EDGE_DEFAULTS,
    _NODE_DEFAULTS,
    EDGE_FIELDS,
    NODE_FIELDS,
    Edge,
    Node,
    StoreGraph,
    edge_from_tuple,
    ego_entity_ids,
)

if TYPE_CHECKING:
    import networkx as nx  # only named in annotations: exports of the store never load it

# Separator of list values flattened into one string (aliases, document ids, merged
# relation types) in GraphML and GEXF. Names and hex document ids do not contain it.
LIST_SEPARATOR = " | "
Destination = Union[str, os.PathLike, BinaryIO]

__all__ = [
    "EDGE_FIELDS", "NODE_FIELDS", "LIST_SEPARATOR", "Destination", "Edge", "GraphLike", "Node", "StoreGraph", "ChunkedWriter",
    "destination_error", "edge_from_tuple", "ego_entity_ids", "extra_attributes", "iter_edges", "iter_nodes",
    "merge_group", "merge_parallel", "merged_edges", "open_binary",
]

GraphLike = Union["nx.Graph[Any]", StoreGraph]


def iter_nodes(graph: GraphLike) -> Iterator[Node]:
    if isinstance(graph, StoreGraph):
        yield from graph.nodes()
        return
    for nid in sorted(graph.nodes, key=str):
        data = graph.nodes[nid]
        record: Node = {"id": str(nid)}
        for key in NODE_FIELDS[1:]:
            value = data.get(key, _NODE_DEFAULTS[key])
            record[key] = sorted(value) if isinstance(value, (set, frozenset)) else value
        if record["name"] is None:
            record["name"] = str(nid)
        record.update(extra_attributes(data, NODE_FIELDS))
        yield record


def iter_edges(graph: GraphLike) -> Iterator[Edge]:
    if isinstance(graph, StoreGraph):
        yield from graph.edges()
        return
    if graph.is_multigraph():
        multi: nx.MultiGraph[Any] = graph  # type: ignore[assignment]  # is_multigraph() said so
        triples: Iterable[tuple[Any, Any, Any, dict[str, Any]]] = multi.edges(keys=True, data=True)
    else:
        triples = ((u, v, None, d) for u, v, d in graph.edges(data=True))
    rows = []
    for u, v, key, data in triples:
        rtype = data.get("type") or (key if isinstance(key, str) else None) or "RELATED_TO"
        rows.append((str(u), str(v), str(rtype), data))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    for head, tail, rtype, data in rows:
        record: Edge = {"head": head, "tail": tail, "type": rtype}
        for key in EDGE_FIELDS[3:]:
            record[key] = data.get(key, _EDGE_DEFAULTS[key])
        if not record["evidence"] and data.get("sentences"):
            # build_graph keeps the best sentences without their documents.
            record["evidence"] = [{"document": None, "sentence": s, "date": None} for s in data["sentences"]]
        if not record["evidence_count"]:
            record["evidence_count"] = len(record["evidence"])
        if isinstance(record["document_ids"], (list, tuple, set, frozenset)):
            record["document_ids"] = sorted(record["document_ids"])
        record.update(extra_attributes(data, EDGE_FIELDS + ("sentences",)))
        yield record


def extra_attributes(data: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    """Attributes of a hand-made graph beyond the record schema, kept rather than lost."""
    return {k: v for k, v in data.items() if k not in known and not k.startswith("__") and k != "label"}


def merged_edges(graph: GraphLike) -> Iterator[Edge]:
    """One edge per ordered (head, tail) pair (see ``merge_parallel``)."""
    if isinstance(graph, StoreGraph):
        for group in graph.pair_groups():
            yield merge_group([edge_from_tuple(t) for t in group])
        return
    yield from merge_parallel(iter_edges(graph))


def merge_parallel(edges: Iterable[Edge]) -> Iterator[Edge]:
    """One edge per ordered (head, tail) pair; input sorted by head, tail, type.

    Weight and evidence counts are summed; ``types`` lists the relation types and
    ``type_weights`` their weights (``MET_WITH:2 | VISITED:1``); the label is the types.
    """
    group: list[Edge] = []
    for edge in edges:
        if group and (edge["head"], edge["tail"]) != (group[0]["head"], group[0]["tail"]):
            yield merge_group(group)
            group = []
        group.append(edge)
    if group:
        yield merge_group(group)


def _unique(values: Iterable[Any]) -> list[Any]:
    seen: dict[Any, None] = {}
    for v in values:
        if v is not None and v != "":
            seen.setdefault(v, None)
    return list(seen)


def merge_group(group: list[Edge]) -> Edge:
    """One edge for a pair's relations. Beside ``types`` and ``type_weights``: ``relation_ids``
    (in the order of ``types``; ``relation_id`` is left empty when there are several) and
    ``confirmed_types``; ``confirmed`` only when every relation of the pair is."""
    if len(group) == 1:
        edge = dict(group[0])
        edge["types"] = [edge["type"]]
        edge["type_weights"] = [f"{edge['type']}:{_num(edge['weight'])}"]
        edge["relation_ids"] = [] if edge.get("relation_id") is None else [edge["relation_id"]]
        edge["confirmed_types"] = [edge["type"]] if edge.get("confirmed") else []
        return edge
    first = group[0]
    firsts = [e["first_seen"] for e in group if e["first_seen"]]
    lasts = [e["last_seen"] for e in group if e["last_seen"]]
    evidence = sorted(
        (ev for e in group for ev in e["evidence"]),
        key=lambda ev: (ev.get("date") or ""),
        reverse=True,
    )
    merged: Edge = {
        "head": first["head"],
        "tail": first["tail"],
        "type": LIST_SEPARATOR.join(e["type"] for e in group),
        "weight": sum(e["weight"] for e in group),
        "confidence": max(e["confidence"] for e in group),
        "predicate": LIST_SEPARATOR.join(_unique(e["predicate"] for e in group)) or None,
        "title": LIST_SEPARATOR.join(_unique(e["title"] for e in group)) or None,
        "method": LIST_SEPARATOR.join(_unique(e["method"] for e in group)) or None,
        "first_seen": min(firsts) if firsts else None,
        "last_seen": max(lasts) if lasts else None,
        "evidence_count": sum(e["evidence_count"] for e in group),
        "document_ids": sorted(set(d for e in group for d in e["document_ids"])),
        "evidence": evidence,
        "types": [e["type"] for e in group],
        "type_weights": [f"{e['type']}:{_num(e['weight'])}" for e in group],
        "relation_id": None,
        "relation_ids": [e["relation_id"] for e in group if e.get("relation_id") is not None],
        "confirmed": all(e.get("confirmed") for e in group),
        "confirmed_types": [e["type"] for e in group if e.get("confirmed")],
    }
    for e in group:
        for k, v in e.items():
            merged.setdefault(k, v)
    return merged


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# -- destinations ---------------------------------------------------------------------


CHUNK = 4096  # pieces of text per write: memory stays flat however big the graph


class ChunkedWriter:
    """Collects the pieces of a file and writes them ``CHUNK`` at a time, so no writer
    ever holds the whole document in memory."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.buf: list[str] = []

    def write(self, text: str) -> None:
        self.buf.append(text)
        if len(self.buf) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.buf:
            self.out.write("".join(self.buf).encode("utf-8"))
            self.buf.clear()


@contextlib.contextmanager
def open_binary(dest: Destination) -> Iterator[BinaryIO]:
    """A binary stream for a path (created, parent folders too), an open binary file
    (left open) or '-' (stdout)."""
    if isinstance(dest, (str, os.PathLike)) and os.fspath(dest) == "-":
        out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
        if out is None:  # a text-only stdout (some test runners): encode through it
            buf = io.BytesIO()
            yield buf
            sys.stdout.write(buf.getvalue().decode("utf-8"))
            return
        yield out
        out.flush()
        return
    if isinstance(dest, (str, os.PathLike)):
        # a temporary file renamed into place: a failed write leaves the old file (exports/files.py)
        with atomic_output(Path(dest), destination_error) as fh:
            yield cast(BinaryIO, fh)  # opened in binary mode
        return
    yield dest


def destination_error(path: str, detail: str) -> ExportDestinationError:
    return ExportDestinationError(path=path, detail=detail)
