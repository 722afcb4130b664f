"""GraphML for Gephi, yEd, igraph and Cytoscape: a streaming writer of our own.

Spec: http://graphml.graphdrawing.org/specification.html (GraphML 1.0 structure and
``attr.name``/``attr.type`` attributes extension).

What the file holds
- Every ``<key>`` is declared with its ``attr.type`` (``KEYS`` below, the one table the
  tests use too). Every node has ``label`` (the canonical name) and every edge ``label``
  (the relation type) and a numeric ``weight`` (``double``, the type Gephi gives weights).
- No None, lists or dicts: a missing string is written as the empty string; lists
  (``aliases``, ``document_ids``, merged ``types``/``type_weights``) are joined with
  ``" | "`` (``LIST_SEPARATOR``); the evidence (document, sentence, date; best first) is a
  JSON array in the string attribute ``evidence``. The graph element carries the
  separator and the parallel-edge mode in its ``<desc>``, so the file documents itself
  (not as graph ``<data>``: Gephi warns about graph attributes).
- Each edge carries the store's ``relation_id`` (``long``; what ``reject``/``confirm``
  take) and ``confirmed`` (``boolean``: an analyst confirmed it, issue 15). A merged edge
  of several relation types has no ``relation_id``: ``relation_ids`` and
  ``confirmed_types`` list them, and it is ``confirmed`` only when all of them are.
- Strings are XML-safe: characters XML 1.0 forbids become U+FFFD (see ``_xml``).
- Edge ids are unique: ``e0``, ``e1``, ... in output order.

Parallel edges. The store keeps one edge per (head, relation type, tail), so a pair linked
by VISITED and MET_WITH has two edges. Gephi merges parallel edges on import (weights
summed, the later edges' attributes lost), so the default ``parallel="merge"`` writes one
edge per ordered pair: ``weight`` summed, ``label``/``type`` the types joined, ``types`` and
``type_weights`` (``MET_WITH:2 | VISITED:1``) keeping each type and its weight.
``parallel="keep"`` writes one edge per relation type, for igraph, Cytoscape and NetworkX.

Memory. Records stream from ``StoreGraph`` (SQLite cursors) or a NetworkX graph and are
written in chunks; the XML document is never held in memory.

Not supported: hyperedges, ports, nested graphs. Parse GraphML from untrusted sources
with a hardened parser (defusedxml): XML readers can be attacked.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, BinaryIO, Callable, Iterable

from newsgraph.errors import ExportOptionError
from newsgraph.exports._xml import escape_attr, escape_text
from newsgraph.exports import EXPORTERS
from newsgraph.exports.source import (
    ChunkedWriter,
    EDGE_FIELDS,
    LIST_SEPARATOR,
    StoreGraph,
    merge_group,
    edge_from_tuple,
    Destination,
    GraphLike,
    extra_attributes,
    iter_edges,
    iter_nodes,
    merged_edges,
    open_binary,
)

__all__ = ["write_graphml", "KEYS", "PARALLEL_MODES"]

PARALLEL_MODES = EXPORTERS["graphml"].parallel_modes  # the registry's, first the default

# (domain, attribute name, GraphML attr.type). Key ids are "<n|e>_<name>".
KEYS: list[tuple[str, str, str]] = [
    ("node", "label", "string"),
    ("node", "name", "string"),
    ("node", "type", "string"),
    ("node", "aliases", "string"),
    ("node", "mentions", "int"),
    ("node", "documents", "int"),
    ("node", "bylines", "int"),
    ("node", "iso3", "string"),
    ("node", "is_agency", "boolean"),
    ("node", "first_seen", "string"),
    ("node", "last_seen", "string"),
    ("edge", "label", "string"),
    ("edge", "type", "string"),
    ("edge", "weight", "double"),
    ("edge", "confidence", "double"),
    ("edge", "predicate", "string"),
    ("edge", "title", "string"),
    ("edge", "method", "string"),
    ("edge", "first_seen", "string"),
    ("edge", "last_seen", "string"),
    ("edge", "evidence_count", "int"),
    ("edge", "document_ids", "string"),
    ("edge", "evidence", "string"),
    ("edge", "relation_id", "long"),
    ("edge", "confirmed", "boolean"),
]
MERGE_KEYS: list[tuple[str, str, str]] = [
    ("edge", "types", "string"),
    ("edge", "type_weights", "string"),
    ("edge", "relation_ids", "string"),
    ("edge", "confirmed_types", "string"),
]

_NS = (
    'xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"'
)


def key_id(domain: str, name: str) -> str:
    """``n_name``/``e_weight``: readable, and an XML NMTOKEN even for odd attribute names."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
    if safe != name:
        safe += "_" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    return f"{domain[0]}_{safe}"


def attr_name(name: str) -> str:
    """The schema types ``attr.name`` as an NMTOKEN (letters, digits, ``._-:``): an
    attribute of a hand-made graph named otherwise is written with ``_`` in place of
    the other characters."""
    return re.sub(r"[^\w.:-]", "_", name) or "_"


def format_value(value: Any, attr_type: str) -> str | None:
    """The text of a ``<data>`` element, or None to leave the element out."""
    if value is None:
        return "" if attr_type == "string" else None
    if attr_type == "string":
        if isinstance(value, str):
            return value
        if isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value) if isinstance(value, (set, frozenset)) else value
            return LIST_SEPARATOR.join(str(v) for v in items)
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return str(value)
    if attr_type == "boolean":
        return "true" if value else "false"
    if attr_type in ("int", "long"):
        return str(value) if value.__class__ is int else str(int(value))
    return repr(float(value)) if isinstance(value, float) else str(value)


def infer_type(values: Iterable[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {bool}:
        return "boolean"
    if kinds and kinds <= {int}:
        return "long"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


def _extra_keys(graph: GraphLike) -> list[tuple[str, str, str]]:
    """Keys for attributes of a hand-made NetworkX graph beyond the schema."""
    import networkx as nx

    if not isinstance(graph, nx.Graph):
        return []
    from newsgraph.exports.source import EDGE_FIELDS, NODE_FIELDS

    found: list[tuple[str, str, str]] = []
    for domain, items, known in (
        ("node", (d for _, d in graph.nodes(data=True)), NODE_FIELDS),
        ("edge", (d for *_, d in graph.edges(data=True)), EDGE_FIELDS + ("sentences",)),
    ):
        values: dict[str, list[Any]] = {}
        for data in items:
            for k, v in extra_attributes(data, known).items():
                values.setdefault(k, []).append(v)
        taken = {name for d, name, _ in KEYS + MERGE_KEYS if d == domain}
        for k in sorted(values):
            if k not in taken:
                found.append((domain, k, infer_type(values[k])))
    return found


def describe(parallel: str) -> str:
    return (
        f"newsgraph export; parallel edges: {parallel}; list values joined with '{LIST_SEPARATOR}'; "
        "evidence: JSON array of {document, sentence, date}, best first"
    )


def evidence_json(evidence: list[dict[str, Any]]) -> str:
    return json.dumps(evidence, ensure_ascii=False, separators=(",", ":"))


_json_str = json.encoder.encode_basestring  # the C encoder json.dumps(ensure_ascii=False) uses


def evidence_json_tuples(evidence: list[tuple[Any, Any, Any]]) -> str:
    """``evidence_json`` of (document, sentence, date) tuples, byte for byte, without
    building the dicts: it runs once per edge."""
    return "[" + ",".join(
        '{"document":' + ("null" if d is None else _json_str(d)) + ',"sentence":' + ("null" if s is None else _json_str(s))
        + ',"date":' + ("null" if w is None else _json_str(w)) + "}"
        for d, s, w in evidence
    ) + "]"


def write_graphml(graph: GraphLike, dest: Destination, *, parallel: str = "merge") -> tuple[int, int]:
    """Write ``graph`` (a ``StoreGraph`` or NetworkX graph) to ``dest`` (path, binary file
    or '-'); returns (nodes, edges) written."""
    if parallel not in PARALLEL_MODES:
        raise ExportOptionError(detail=f"unknown --parallel mode {parallel!r}; use one of {', '.join(PARALLEL_MODES)}")
    keys = KEYS + (MERGE_KEYS if parallel == "merge" else []) + _extra_keys(graph)
    with open_binary(dest) as out:
        return _write(graph, out, keys, parallel)


def _row_writer(domain: str, keys: list[tuple[str, str, str]]) -> Callable[[dict[str, Any]], str]:
    """A renderer of one element's ``<data>`` children, generated for the key table: the
    per-field loop unrolled, numbers not escaped. It is the writer's inner loop, run
    once per node and per edge, so it is worth the few lines of code generation."""
    lines = ["def render(r):", "    ev = r.get('evidence')",
             "    if ev is not None and ev.__class__ is not str:", "        r['evidence'] = evidence_json(ev)",
             "    out = []"]
    for d, name, attr_type in keys:
        if d != domain:
            continue
        open_tag = f'<data key="{key_id(domain, name)}">'
        lines.append(f"    v = r.get({name!r})")
        if attr_type == "string":
            lines += [
                "    if v is None:",
                f"        out.append({open_tag + '</data>'!r})",
                "    else:",
                "        if v.__class__ is not str:",
                "            v = format_value(v, 'string')",
                f"        out.append({open_tag!r} + escape_text(v) + '</data>')",
            ]
        else:
            lines += [
                "    if v is not None:",
                f"        out.append({open_tag!r} + format_value(v, {attr_type!r}) + '</data>')",
            ]
    lines.append("    return ''.join(out)")
    namespace: dict[str, Any] = {"evidence_json": evidence_json, "format_value": format_value, "escape_text": escape_text}
    exec("\n".join(lines), namespace)  # noqa: S102 - code built above from the key table, no user input
    return namespace["render"]  # type: ignore[no-any-return]


def _tuple_renderer(keys: list[tuple[str, str, str]], merged_singles: bool) -> Callable[[int, tuple[Any, ...]], str]:
    """Render ``StoreGraph.edge_tuples()`` rows straight to ``<edge>`` lines, one generated
    f-string for the whole element. With ``merged_singles`` the row is a pair with one
    relation type, written as merge mode writes it (``types`` = the type, ``type_weights``
    = ``TYPE:weight``)."""
    index = {name: i for i, name in enumerate(EDGE_FIELDS)}
    parts = ['<edge id="e{i}" source="{A(t[0])}" target="{A(t[1])}">']
    for domain, name, attr_type in keys:
        if domain != "edge":
            continue
        tag = f'<data key="{key_id(domain, name)}">'
        if name == "evidence":
            expr = "{E(t[12])}"
        elif name == "label" or (name == "types" and merged_singles):
            expr = "{S(t[2])}"
        elif name == "type_weights" and merged_singles:
            expr = "{S(t[2])}:{N(t[3])}"
        elif name == "relation_ids" and merged_singles:
            expr = f"{{t[{index['relation_id']}]}}"
        elif name == "confirmed_types" and merged_singles:
            expr = "{C(t)}"
        elif name in index and attr_type == "boolean":
            expr = f"{{B(t[{index[name]}])}}"
        elif name in index and attr_type == "string":
            k = index[name]
            expr = f"{{S(t[{k}])}}"
        elif name in index:
            expr = f"{{t[{index[name]}]}}"
        else:
            raise AssertionError(f"no tuple column for edge key {name!r}")
        parts.append(tag + expr + "</data>")
    parts.append("</edge>\n")
    code = "def render(i, t):\n    return f" + repr("".join(parts))
    namespace: dict[str, Any] = {
        "A": escape_attr,
        "E": lambda ev: escape_text(evidence_json_tuples(ev)),
        "S": lambda v: "" if v is None else escape_text(v if v.__class__ is str else format_value(v, "string") or ""),
        "N": lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else str(v),
        "B": lambda v: "true" if v else "false",
        "C": lambda t: escape_text(t[2]) if t[index["confirmed"]] else "",
    }
    exec(code, namespace)  # noqa: S102 - generated from the key table above, no user input
    return namespace["render"]  # type: ignore[no-any-return]


def _write_store_edges(graph: StoreGraph, out: BinaryIO, keys: list[tuple[str, str, str]], parallel: str) -> int:
    """The fast path for the store: tuples in, lines out, dicts only for the few pairs
    with several relation types in merge mode."""
    writer = ChunkedWriter(out)
    if parallel == "keep":
        render = _tuple_renderer(keys, merged_singles=False)
        n = 0
        for t in graph.edge_tuples():
            writer.write(render(n, t))
            n += 1
        writer.flush()
        return n
    single = _tuple_renderer(keys, merged_singles=True)
    edge_data = _row_writer("edge", keys)
    n = 0
    for group in graph.pair_groups():
        if len(group) == 1:
            writer.write(single(n, group[0]))
        else:
            edge = merge_group([edge_from_tuple(t) for t in group])
            edge["label"] = edge["type"]
            writer.write(
                f'<edge id="e{n}" source="{escape_attr(edge["head"])}" target="{escape_attr(edge["tail"])}">'
                f"{edge_data(edge)}</edge>\n"
            )
        n += 1
    writer.flush()
    return n


def _write(graph: GraphLike, out: BinaryIO, keys: list[tuple[str, str, str]], parallel: str) -> tuple[int, int]:
    head = ["<?xml version='1.0' encoding='utf-8'?>", f"<graphml {_NS}>"]
    for domain, name, attr_type in keys:
        head.append(
            f'<key id="{key_id(domain, name)}" for="{domain}" attr.name="{escape_attr(attr_name(name))}" attr.type="{attr_type}"/>'
        )
    head.append('<graph id="G" edgedefault="directed">')
    head.append(f"<desc>{escape_text(describe(parallel))}</desc>")
    out.write(("\n".join(head) + "\n").encode("utf-8"))

    node_data = _row_writer("node", keys)
    writer = ChunkedWriter(out)
    n_nodes = 0
    for node in iter_nodes(graph):
        node["label"] = node["name"]
        writer.write(f'<node id="{escape_attr(node["id"])}">{node_data(node)}</node>\n')
        n_nodes += 1

    if isinstance(graph, StoreGraph):
        writer.flush()
        n_edges = _write_store_edges(graph, out, keys, parallel)
        out.write(b"</graph>\n</graphml>\n")
        return n_nodes, n_edges
    edge_data = _row_writer("edge", keys)
    edges = merged_edges(graph) if parallel == "merge" else iter_edges(graph)
    n_edges = 0
    for edge in edges:
        edge["label"] = edge["type"]
        writer.write(
            f'<edge id="e{n_edges}" source="{escape_attr(edge["head"])}" target="{escape_attr(edge["tail"])}">'
            f"{edge_data(edge)}</edge>\n"
        )
        n_edges += 1
    writer.write("</graph>\n</graphml>\n")
    writer.flush()
    return n_nodes, n_edges
