"""``newsgraph export FORMAT -o PATH [filters]``: GraphML, GEXF, CSV, JSON."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from newsgraph.cli_common import (
    DEFAULT_DB_PATH,
    DbOption,
    EntityTypesOption,
    JsonOption,
    MinConfidenceOption,
    RelationTypesOption,
    SinceOption,
    UntilOption,
    handles_errors,
    print_json,
)
from newsgraph.errors import ExportOptionError
from newsgraph.kg import KnowledgeGraph
from newsgraph.options import DEFAULT_MIN_CONFIDENCE, EXPORTERS, RelationFilter, date_bound

_FORMATS = ", ".join(f"{name} ({e.description})" for name, e in EXPORTERS.items())


# This module's commands; the top-level group (cli_lazy.LazyGroup) builds one when it is invoked.
area = typer.Typer()


@area.command("export")
@handles_errors
def export_command(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=f"One of: {_FORMATS}.")],
    output: Annotated[str, typer.Option("-o", "--output", help="File to write ('-' for stdout); for csv a folder or a .zip.")],
    db: DbOption = DEFAULT_DB_PATH,
    entity_type: EntityTypesOption = None,
    relation_type: RelationTypesOption = None,
    min_weight: Annotated[int, typer.Option("--min-weight", min=0, help="Keep relations seen at least this often.")] = 0,
    min_confidence: MinConfidenceOption = DEFAULT_MIN_CONFIDENCE,
    since: SinceOption = None,
    until: UntilOption = None,
    ego: Annotated[Optional[str], typer.Option("--ego", help="Only the network around this entity (name, alias or id).")] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, help="Hops from --ego.")] = 1,
    cooccurrence: Annotated[
        bool, typer.Option("--cooccurrence/--no-cooccurrence", help="Include sentence co-occurrence (CO_OCCURS_WITH) edges.")
    ] = True,
    parallel: Annotated[
        Optional[str],
        typer.Option("--parallel", help="merge|keep parallel edges between a pair (graphml default merge, gexf default keep)."),
    ] = None,
    evidence: Annotated[int, typer.Option("--evidence", min=0, help="Evidence sentences per edge (0: all).")] = 3,
    json_out: JsonOption = False,
) -> None:
    """Export the graph (or an ego network) for Gephi, igraph, neo4j-admin import or scripts."""
    if json_out and output == "-":
        raise ExportOptionError(detail="--json prints a summary on stdout; it cannot be combined with -o -")
    flt = RelationFilter(
        entity_types=list(entity_type or []), relation_types=list(relation_type or []), min_weight=min_weight,
        min_confidence=min_confidence, since=date_bound(since, end=False, option="--since"),
        until=date_bound(until, end=True, option="--until"),
        include_cooccurrence=cooccurrence, evidence_per_edge=evidence,
    )
    with KnowledgeGraph.open(db, readonly=True) as kg:
        result = kg.export(fmt.lower(), output, flt, ego=ego, depth=depth, parallel=parallel)
    if json_out:
        print_json(result.to_dict())
        return
    mode = {"merge": ", parallel edges merged", "keep": ", parallel edges kept"}.get(result.parallel or "", "")
    where = "stdout" if output == "-" else output
    # With -o - the data owns stdout, so the summary goes to stderr.
    stream = sys.stderr if output == "-" else sys.stdout
    from newsgraph.terminal_text import counted

    stream.write(f"Wrote {counted(result.nodes, 'node')} and {counted(result.edges, 'edge')} to {where} ({result.format}{mode}).\n")
