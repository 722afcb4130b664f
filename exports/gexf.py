"""GEXF 1.3, Gephi's own format: colours, sizes and a timeline. A streaming writer of our own.

Spec: https://gexf.net/ (GEXF 1.3 schema, viz namespace ``http://gexf.net/1.3/viz``).
networkx's ``write_gexf`` would need the whole graph in memory and writes list values
as time-sliced values, so we write the file ourselves and read it back with
``networkx.read_gexf`` and Gephi's importer in the tests.

What the file holds
- Node ``label`` = canonical name; ``viz:color`` by entity type (``graph.model.TYPE_COLOURS``,
  the colours of the ``show`` page too);
  ``viz:size`` grows with the log of the mention count (``node_size``).
- A dynamic graph (``mode="dynamic"``, ``timeformat="date"``): every node and edge
  starts at its ``first_seen`` date, the earliest date (published, else ingested) of a
  document that mentions it, and never ends, so Gephi's timeline replays how the graph
  grew as articles came in.
- Edges carry ``label`` and ``kind`` = relation type and a numeric ``weight``. The
  default ``parallel="keep"`` writes one edge per relation type: Gephi keeps parallel
  edges of different ``kind`` apart. ``parallel="merge"`` gives one edge per ordered
  pair as in the GraphML writer (types and their weights in string attributes).
- Edges carry the store's ``relation_id`` (``long``) and ``confirmed`` (``boolean``: an
  analyst confirmed it); merged edges as in the GraphML writer (``relation_ids``,
  ``confirmed_types``).
- Static attributes (``ATTRIBUTES``, typed). No lists: ``aliases``, ``document_ids``
  are joined with ``" | "``; the evidence is a JSON array string. Strings are XML-safe
  (forbidden characters become U+FFFD, see ``_xml``).

Not supported: hierarchy, spells per document, dynamic attribute values.
"""

from __future__ import annotations

import math
from typing import Any, BinaryIO

from newsgraph.errors import ExportOptionError
from newsgraph.graph.model import colour_rgb
from newsgraph.exports._xml import escape_attr
from newsgraph.exports.graphml import evidence_json, format_value
from newsgraph.exports import EXPORTERS
from newsgraph.exports.source import ChunkedWriter, Destination, GraphLike, iter_edges, iter_nodes, merged_edges, open_binary

__all__ = ["write_gexf", "ATTRIBUTES", "node_size"]

PARALLEL_MODES = EXPORTERS["gexf"].parallel_modes  # the registry's, first the default

# class -> [(attribute id/title, GEXF type)]
ATTRIBUTES: dict[str, list[tuple[str, str]]] = {
    "node": [
        ("type", "string"),
        ("aliases", "string"),
        ("mentions", "integer"),
        ("documents", "integer"),
        ("bylines", "integer"),
        ("iso3", "string"),
        ("is_agency", "boolean"),
        ("first_seen", "string"),
        ("last_seen", "string"),
    ],
    "edge": [
        ("type", "string"),
        ("confidence", "double"),
        ("predicate", "string"),
        ("title", "string"),
        ("method", "string"),
        ("first_seen", "string"),
        ("last_seen", "string"),
        ("evidence_count", "integer"),
        ("document_ids", "string"),
        ("evidence", "string"),
        ("relation_id", "long"),
        ("confirmed", "boolean"),
    ],
}
MERGE_ATTRIBUTES = [("types", "string"), ("type_weights", "string"), ("relation_ids", "string"), ("confirmed_types", "string")]


_GRAPHML_TYPE = {"string": "string", "integer": "int", "long": "long", "double": "double", "boolean": "boolean"}


def node_size(mentions: int | None) -> float:
    return round(4.0 + 4.0 * math.log2(1 + max(0, mentions or 0)), 2)


def _date(value: Any) -> str | None:
    return str(value)[:10] if value else None


def _attvalues(record: dict[str, Any], attrs: list[tuple[str, str]]) -> str:
    parts = []
    for name, gexf_type in attrs:
        value = record.get(name)
        if name == "evidence" and value is not None and not isinstance(value, str):
            value = evidence_json(value)
        text = format_value(value, _GRAPHML_TYPE[gexf_type])
        if text is None:
            continue
        parts.append(f'<attvalue for="{name}" value="{escape_attr(text)}"/>')
    return "<attvalues>" + "".join(parts) + "</attvalues>" if parts else ""


def write_gexf(graph: GraphLike, dest: Destination, *, parallel: str = "keep") -> tuple[int, int]:
    """Write ``graph`` to ``dest`` (path, binary file or '-'); returns (nodes, edges)."""
    if parallel not in PARALLEL_MODES:
        raise ExportOptionError(detail=f"unknown --parallel mode {parallel!r}; use one of {', '.join(PARALLEL_MODES)}")
    with open_binary(dest) as out:
        return _write(graph, out, parallel)


def _write(graph: GraphLike, out: BinaryIO, parallel: str) -> tuple[int, int]:
    edge_attrs = ATTRIBUTES["edge"] + (MERGE_ATTRIBUTES if parallel == "merge" else [])
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
        "<meta><creator>newsgraph</creator>"
        f"<description>newsgraph export; lists joined with ' | '; parallel edges: {parallel}</description></meta>",
        '<graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval">',
    ]
    for cls, attrs in (("node", ATTRIBUTES["node"]), ("edge", edge_attrs)):
        head.append(f'<attributes class="{cls}" mode="static">')
        head.extend(f'<attribute id="{name}" title="{name}" type="{gexf_type}"/>' for name, gexf_type in attrs)
        head.append("</attributes>")
    head.append("<nodes>")
    out.write(("\n".join(head) + "\n").encode("utf-8"))

    writer = ChunkedWriter(out)
    n_nodes = 0
    for node in iter_nodes(graph):
        r, g, b = colour_rgb(node.get("type"))
        start = _date(node.get("first_seen"))
        when = f' start="{start}"' if start else ""
        writer.write(
            f'<node id="{escape_attr(node["id"])}" label="{escape_attr(str(node["name"]))}"{when}>'
            f"{_attvalues(node, ATTRIBUTES['node'])}"
            f'<viz:color r="{r}" g="{g}" b="{b}"/><viz:size value="{node_size(node.get("mentions"))}"/></node>\n'
        )
        n_nodes += 1
    writer.write("</nodes>\n<edges>\n")

    edges = merged_edges(graph) if parallel == "merge" else iter_edges(graph)
    n_edges = 0
    for edge in edges:
        start = _date(edge.get("first_seen"))
        when = f' start="{start}"' if start else ""
        label = escape_attr(str(edge["type"]))
        weight = format_value(edge.get("weight"), "double") or "1"
        writer.write(
            f'<edge id="e{n_edges}" source="{escape_attr(edge["head"])}" target="{escape_attr(edge["tail"])}" '
            f'label="{label}" kind="{label}" weight="{weight}"{when}>{_attvalues(edge, edge_attrs)}</edge>\n'
        )
        n_edges += 1
    writer.write("</edges>\n</graph>\n</gexf>\n")
    writer.flush()
    return n_nodes, n_edges
