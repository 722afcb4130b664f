"""``newsgraph show``: an entity's ego network as one self-contained HTML page.

The page inlines vis-network (the standalone UMD build shipped in ``newsgraph/static/``,
dual MIT / Apache-2.0), its own styles and the graph data, so it opens offline and can be
mailed around as one file. Nodes are coloured by type and sized by mentions; edges carry
their relation type and weight; a click on an edge lists its evidence sentences with the
titles of their documents.

The ego network is found in SQLite through the relation indexes (head via the
``UNIQUE(head, type, tail)`` index, tail via ``relations_tail``), one query per hop and
chunk of the frontier, so the whole graph is never loaded; the NetworkX graph of just
those entities then comes from :func:`newsgraph.graph.nxview.build_graph`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, fields, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import ShowAssetMissing, ShowWriteError
from newsgraph.graph import reads
from newsgraph.graph.model import COOCCURRENCE, TYPE_COLOURS
from newsgraph.graph.nxview import build_graph
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.graph.store import Store
from newsgraph.options import DEFAULT_MAX_NODES
from newsgraph.queries import filters
from newsgraph.queries.filters import DEFAULT_MIN_CONFIDENCE

if TYPE_CHECKING:
    from newsgraph.kg import KnowledgeGraph  # show is reached from the facade (kg.show, kg.ego), not the reverse
    import networkx as nx

VIS_NETWORK_VERSION = "10.1.5"
VIS_NETWORK_JS = "vis-network.min.js"
PAGE_ERRORS_JS = "page-errors.js"  # the console-error catcher the explorer loads too
TEMPLATE = "show.html"


TEXT_BROWSERS = {"www-browser", "links", "links2", "elinks", "lynx", "w3m", "browsh"}
EVIDENCE_PER_EDGE = 5


@dataclass
class EgoOptions(RelationFilter):
    """The one ``RelationFilter`` with the defaults of a drawing, plus the walk's own
    settings. Its entity types apply to the entities reached, not to the centre."""

    include_cooccurrence: bool = False  # the drawing is readable without; opt in
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    evidence_per_edge: int = EVIDENCE_PER_EDGE
    depth: int = 1
    max_nodes: int = DEFAULT_MAX_NODES
    # False: edges carry evidence counts only, not sentences (the explorer reads them per edge).
    evidence: bool = True

    def __post_init__(self) -> None:
        self.entity_types = filters.entity_types(self.entity_types)
        self.relation_types = filters.relation_types(self.relation_types)


@dataclass
class EgoNetwork:
    center: str
    graph: nx.MultiDiGraph
    hops: dict[str, int]  # entity id -> distance from the centre
    truncated: bool  # True when max_nodes cut the network short


@dataclass
class ShowResult:
    path: Path
    center: dict[str, Any]
    nodes: int
    edges: int
    truncated: bool
    opened: bool = False
    # Relations below the confidence floor that the same walk at --min-confidence 0 draws
    # (the text line says so; ``to_dict``, the --json summary, leaves them out). None: some,
    # but --max-nodes cut the two walks differently, so no count is exact.
    below_floor: int | None = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "center": self.center,
            "nodes": self.nodes,
            "edges": self.edges,
            "truncated": self.truncated,
            "opened": self.opened,
        }


def _relation_filter(opts: EgoOptions) -> RelationFilter:
    # Entity types are handled by the walk itself (the centre stays whatever its type),
    # so the filter handed to build_graph carries relation criteria only.
    criteria = {f.name: getattr(opts, f.name) for f in fields(RelationFilter)}
    return RelationFilter(**{**criteria, "entity_types": []})


def ego_network(kg: KnowledgeGraph, name: str, opts: EgoOptions) -> EgoNetwork:
    """The ego network of the entity ``name`` resolves to (name, alias, surname or id)."""
    opts.relation_types = kg.relation_types(opts.relation_types)  # one the store lacks is refused
    center = kg.resolve(name)
    hops, truncated = reads.ego_walk(kg.store, center, opts.depth, opts, opts.max_nodes)  # the centre: any type
    graph = build_graph(kg.store, _relation_filter(opts), entity_ids=set(hops), evidence=opts.evidence)
    return EgoNetwork(center=center, graph=graph, hops=hops, truncated=truncated)


def below_floor(kg: KnowledgeGraph, opts: EgoOptions, ego: EgoNetwork) -> int | None:
    """How many relations below ``opts.min_confidence`` the same walk (depth, types,
    weight, co-occurrence, node budget) draws at floor 0 on top of ``ego``, the walk at the
    floor: weaker findings are said, not dropped silently. 0 when there are none; None when
    there are some but the floor-0 walk, cut by --max-nodes, does not keep every entity of
    ``ego`` (its drawing is then no superset, and a count "more" would be wrong)."""
    if opts.min_confidence <= 0:
        return 0
    weaker = replace(opts, min_confidence=0.0, evidence=False)
    # The floor-0 walk's entity ids only (an index walk), then one count of the relations among
    # them under the floor, with the filter's own SQL test (unrounded confidences): building the
    # floor-0 drawing and the floor drawing to compare their edges was 2-4x the cost of the
    # page on a 589-article store (benchmarks/README.md).
    hops, _ = reads.ego_walk(kg.store, ego.center, weaker.depth, weaker, weaker.max_nodes)
    kept = set(hops)
    hidden = reads.relations_among(kg.store, kept, _relation_filter(weaker), below=opts.min_confidence)
    if hidden and not set(ego.graph.nodes) <= kept:
        return None
    return hidden


def _evidence(store: Store, head: str, rel_type: str, tail: str) -> list[dict[str, Any]]:
    rid = reads.relation_id(store, head, rel_type, tail)
    if rid is None:
        return []
    return [
        {"sentence": e["sentence"], "document": e["document"], "title": e["title"], "date": e["date"]}
        for e in store.evidence(rid, EVIDENCE_PER_EDGE)
    ]


def _documents(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Title, date, URL and source of the evidence documents, by id."""
    return reads.document_refs(store, ids)


def page_data(kg: KnowledgeGraph, ego: EgoNetwork, opts: EgoOptions) -> dict[str, Any]:
    """Everything the page draws, as plain JSON-ready data."""
    g = ego.graph
    nodes = []
    for eid, attrs in g.nodes(data=True):
        nodes.append(
            {
                "id": eid,
                "name": attrs["name"],
                "type": attrs["type"],
                "mentions": attrs["mentions"],
                "documents": attrs["documents"],
                "aliases": attrs["aliases"],
                "hop": ego.hops.get(eid, 0),
                "first_seen": attrs["first_seen"],
                "last_seen": attrs["last_seen"],
            }
        )
    nodes.sort(key=lambda n: (n["hop"], -n["mentions"], n["name"]))
    edges = []
    for i, (head, tail, key, attrs) in enumerate(sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))):
        edges.append(
            {
                "id": f"e{i}",
                "from": head,
                "to": tail,
                "type": key,
                "directed": key != COOCCURRENCE,
                "weight": attrs["weight"],
                "confidence": attrs["confidence"],
                "predicate": attrs["predicate"],
                "title": attrs["title"],
                "evidence_count": attrs["evidence_count"],
                "confirmed": attrs.get("confirmed", False),
                "evidence": _evidence(kg.store, head, key, tail),
            }
        )
    center = g.nodes[ego.center]
    documents = _documents(kg.store, {v["document"] for e in edges for v in e["evidence"]})
    return {
        "center": {"id": ego.center, "name": center["name"], "type": center["type"]},
        "depth": opts.depth,
        "filters": {
            "entity_types": opts.entity_types,
            "relation_types": opts.relation_types,
            "include_cooccurrence": opts.include_cooccurrence,
            "min_weight": opts.min_weight,
            "min_confidence": opts.min_confidence,
            "max_nodes": opts.max_nodes,
        },
        "truncated": ego.truncated,
        "type_colours": TYPE_COLOURS,
        "nodes": nodes,
        "edges": edges,
        "documents": documents,
        "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "database": kg.store.path.name,
        "vis_network_version": VIS_NETWORK_VERSION,
    }


def _static(name: str) -> str:
    try:
        from importlib import resources

        return resources.files("newsgraph").joinpath("static", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ShowAssetMissing(name=name, detail=str(exc)) from exc


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no ``</script>``, ``<!--`` or U+2028 can end
    or confuse it, whatever the article text says."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_html(data: dict[str, Any]) -> str:
    """The page: template + inlined error catcher, vis-network and data."""
    scripts = {name: _static(name) for name in (PAGE_ERRORS_JS, VIS_NETWORK_JS)}
    for name, script in scripts.items():
        if "</script" in script.lower():  # would end the inline script early
            raise ShowAssetMissing(name=name, detail="contains '</script'; cannot be inlined")
    title = f"{data['center']['name']} — newsgraph"
    parts = {
        "__NEWSGRAPH_TITLE__": _html_text(title),
        "/*__NEWSGRAPH_DATA__*/null": _script_json(data),
        "/*__PAGE_ERRORS_JS__*/": scripts[PAGE_ERRORS_JS],
        "/*__VIS_NETWORK_JS__*/": scripts[VIS_NETWORK_JS],
    }
    # One pass, so nothing inserted (article text, the library) is ever searched for
    # placeholders again.
    pattern = re.compile("|".join(re.escape(k) for k in parts))
    return pattern.sub(lambda m: parts[m.group(0)], _static(TEMPLATE))


def open_in_browser(path: Path) -> bool:
    """Open the page in a graphical browser if there is one; text-mode browsers (lynx,
    w3m…) cannot run the drawing, so they do not count."""
    import webbrowser  # here, not at the top: `entity` and the other read commands load this module's CLI

    try:
        controller = webbrowser.get()
    except webbrowser.Error:
        return False
    # BROWSER=/usr/bin/lynx registers its whole command line as the name.
    words = str(getattr(controller, "name", "") or "").split()
    if words and os.path.basename(words[0]) in TEXT_BROWSERS:
        return False
    try:
        return bool(controller.open(path.resolve().as_uri()))
    except Exception:  # a browser that fails to start is just "no browser"
        return False


def _write_error(path: str, detail: str) -> ShowWriteError:
    return ShowWriteError(path=path, detail=detail)


def write_show(
    kg: KnowledgeGraph,
    name: str,
    opts: EgoOptions | None = None,
    dest: str | Path | None = None,
    *,
    open_browser: bool = True,
    count_below_floor: bool = False,
) -> ShowResult:
    """Write the ego network page of ``name`` to ``dest``, or to a new temporary file
    opened in the browser when ``dest`` is None. ``count_below_floor``: also walk at floor 0
    to count what the confidence floor hides (``ShowResult.below_floor``)."""
    from newsgraph.exports.files import atomic_output, refuse_unsafe_destination  # loads every exporter

    opts = opts or EgoOptions()
    if dest is not None:  # before any work: -o news.db must not cost the graph
        refuse_unsafe_destination(Path(dest), kg.store.path, _write_error)
    ego = ego_network(kg, name, opts)
    data = page_data(kg, ego, opts)
    html = render_html(data)
    if dest is None:
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix="newsgraph-show-", suffix=".html")
        os.close(fd)
        path = Path(tmp)
        try:
            path.write_text(html, encoding="utf-8")
        except OSError as exc:
            raise ShowWriteError(path=str(path), detail=exc.strerror or str(exc)) from exc
    else:
        path = Path(dest)
        with atomic_output(path, _write_error, text=True, make_parents=False) as f:  # the old page stays if this fails
            f.write(html)
    result = ShowResult(
        path=path,
        center=data["center"],
        nodes=len(data["nodes"]),
        edges=len(data["edges"]),
        truncated=ego.truncated,
        below_floor=below_floor(kg, opts, ego) if count_below_floor else 0,
    )
    if dest is None and open_browser:
        result.opened = open_in_browser(path)
    return result
