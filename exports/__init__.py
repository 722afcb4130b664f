"""Exports: GraphML (Gephi, yEd, igraph, Cytoscape), GEXF (Gephi), CSV (neo4j-admin
import) and node-link JSON; one module per format, each ``write_<fmt>(graph, dest)``.

``EXPORTERS`` is the registry the CLI's FORMAT choices come from. ``export`` is the
library call behind ``newsgraph export``: filter, optional ego network, stream out.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from newsgraph.errors import ExportOptionError, UnknownExportFormat, UnknownValue

if TYPE_CHECKING:
    from newsgraph.exports.csv import write_csv
    from newsgraph.exports.gexf import write_gexf
    from newsgraph.exports.graphml import write_graphml
    from newsgraph.exports.json import write_json
    from newsgraph.exports.source import Destination
    from newsgraph.graph.relation_filter import RelationFilter
    from newsgraph.graph.store import Store

__all__ = ["EXPORTERS", "Exporter", "ExportResult", "export", "write_graphml", "write_gexf", "write_csv", "write_json"]


@dataclass(frozen=True)
class Exporter:
    name: str  # the format's module, newsgraph.exports.<name>, has write_<name>
    description: str
    parallel_modes: tuple[str, ...] = ()  # first is the default; empty: parallel edges always kept
    suffix: str = ""

    @property
    def write(self) -> Callable[..., tuple[int, int]]:
        # The writer's module is loaded when a format is written, not when the CLI (whose
        # help lists the formats) starts: issue 16, "Fast start".
        writer: Callable[..., tuple[int, int]] = getattr(
            importlib.import_module(f"newsgraph.exports.{self.name}"), f"write_{self.name}"
        )
        return writer


EXPORTERS: dict[str, Exporter] = {
    "graphml": Exporter("graphml", "GraphML for Gephi, yEd, igraph, Cytoscape", ("merge", "keep"), ".graphml"),
    "gexf": Exporter("gexf", "GEXF 1.3 for Gephi: colours, sizes, timeline", ("keep", "merge"), ".gexf"),
    "csv": Exporter("csv", "nodes.csv, documents.csv, relationships.csv, mentions.csv, bylines.csv (neo4j-admin import), evidence.csv", (), ""),
    "json": Exporter("json", "node-link JSON with evidence", (), ".json"),
}


@dataclass
class ExportResult:
    format: str
    destination: str
    nodes: int
    edges: int
    parallel: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def export(
    store: Store,
    fmt: str,
    dest: Destination,
    flt: RelationFilter | None = None,
    *,
    ego: str | None = None,
    depth: int = 1,
    parallel: str | None = None,
    entity_ids: set[str] | None = None,
) -> ExportResult:
    """Export the filtered store (or the ego network of entity id ``ego``, or just the
    entities ``entity_ids``) to ``dest``."""
    from newsgraph.exports.files import refuse_unsafe_destination
    from newsgraph.exports.source import StoreGraph, destination_error, ego_entity_ids
    from newsgraph.graph.relation_filter import RelationFilter

    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise UnknownExportFormat(fmt=fmt, choices=", ".join(EXPORTERS))
    if parallel is not None and parallel not in exporter.parallel_modes:
        if not exporter.parallel_modes:
            raise ExportOptionError(detail=f"--parallel applies to graphml and gexf; {fmt} always keeps parallel edges")
        raise UnknownValue(what="parallel-edge mode", value=parallel, option="--parallel", valid=", ".join(exporter.parallel_modes))
    if depth < 0:
        raise ExportOptionError(detail=f"--depth must be 0 or more, not {depth}")
    if isinstance(dest, (str, os.PathLike)) and os.fspath(dest) != "-":
        refuse_unsafe_destination(Path(dest), store.path, destination_error)
    flt = flt or RelationFilter()
    ids = ego_entity_ids(store, ego, depth, flt) if ego is not None else entity_ids
    graph = StoreGraph(store, flt, entity_ids=ids)
    options: dict[str, Any] = {}
    if exporter.parallel_modes:
        options["parallel"] = parallel or exporter.parallel_modes[0]
    try:
        nodes, edges = exporter.write(graph, dest, **options)
    finally:
        graph.release()
    return ExportResult(fmt, str(dest), nodes, edges, options.get("parallel"))


def __getattr__(name: str) -> Any:
    """``write_graphml`` and the other writers, loaded on first use (see ``Exporter.write``)."""
    fmt = name.removeprefix("write_")
    if name.startswith("write_") and fmt in EXPORTERS:
        return EXPORTERS[fmt].write
    raise AttributeError(f"module 'newsgraph.exports' has no attribute {name!r}")
