"""``newsgraph show``: an entity's ego network as one self-contained, interactive HTML page."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from newsgraph.cli_common import (
    DEFAULT_DB_PATH,
    DbOption,
    JsonOption,
    MinConfidenceOption,
    RelationTypesOption,
    console,
    handles_errors,
    print_json,
)
from newsgraph.kg import KnowledgeGraph
from newsgraph.options import DEFAULT_MAX_NODES, DEFAULT_MIN_CONFIDENCE, ENTITY_TYPES


# This module's commands; the top-level group (cli_lazy.LazyGroup) builds one when it is invoked.
area = typer.Typer()


@area.command()
@handles_errors
def show(
    name: Annotated[str, typer.Argument(help="Canonical name, alias, surname or id, any case.")],
    db: DbOption = DEFAULT_DB_PATH,
    depth: Annotated[int, typer.Option("--depth", min=1, max=4, help="Hops from the entity.")] = 1,
    entity_types: Annotated[
        Optional[list[str]],
        typer.Option("--entity-type", metavar="TYPE", help=f"Only entities of this type (repeatable): {', '.join(ENTITY_TYPES)}. The entity itself is always shown."),
    ] = None,
    relation_types: RelationTypesOption = None,
    cooccurrence: Annotated[
        bool,
        typer.Option("--cooccurrence/--no-cooccurrence", help="Also draw sentence co-occurrence edges (many; off by default)."),
    ] = False,
    min_weight: Annotated[int, typer.Option("--min-weight", min=0, help="Hide relations seen fewer times.")] = 0,
    min_confidence: MinConfidenceOption = DEFAULT_MIN_CONFIDENCE,
    max_nodes: Annotated[
        int, typer.Option("--max-nodes", min=1, help="Keep at most this many entities, nearest and strongest first.")
    ] = DEFAULT_MAX_NODES,
    output: Annotated[
        Optional[str], typer.Option("-o", "--output", help="Write the page here; without it, a temporary file opened in the browser.")
    ] = None,
    no_open: Annotated[bool, typer.Option("--no-open", help="Do not open a browser (without -o: only print the file's path).")] = False,
    json_out: JsonOption = False,
) -> None:
    """Draw an entity's ego network as one self-contained HTML page (works offline): nodes
    coloured by type and sized by mentions, edges by relation type and weight; click an edge
    for its evidence sentences and documents."""
    with KnowledgeGraph.open(db, readonly=True) as kg:
        opts = kg.ego_options(
            depth=depth, entity_types=entity_types or [], relation_types=relation_types or [],
            include_cooccurrence=cooccurrence, min_weight=min_weight, min_confidence=min_confidence, max_nodes=max_nodes,
        )
        result = kg.show(
            name, output, opts, open_browser=not no_open,
            count_below_floor=not json_out,  # the --json summary stays as it was: no second walk
        )
    if json_out:
        print_json(result.to_dict())
        return
    from newsgraph.render import below_floor_line
    from newsgraph.terminal_text import counted

    cut = f", cut at --max-nodes {max_nodes}" if result.truncated else ""
    if result.below_floor is None:  # --max-nodes cut the floor-0 walk elsewhere: no exact count
        hidden: str | None = f"more relations below confidence {min_confidence:g}: --min-confidence 0 shows them"
    else:
        hidden = below_floor_line(result.below_floor, min_confidence)
    counts = f"{counted(result.nodes, 'entity', 'entities')}, {counted(result.edges, 'relation')}{cut}"
    console().print(f"{result.path} ({result.center['name']}: {counts}{'; ' + hidden if hidden else ''})")
    if output is None and not no_open and not result.opened:
        console().print("No graphical browser found; open the file above in one.")
