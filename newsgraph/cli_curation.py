"""Finding and correcting entities: ``search``, and the analyst's corrections."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.table import Table

from newsgraph.cli_common import DEFAULT_DB_PATH, DbOption, JsonOption, app, console, handles_errors, print_json
from newsgraph.graph.model import ENTITY_TYPES
from newsgraph.kg import KnowledgeGraph


@app.command()
@handles_errors
def search(
    text: Annotated[str, typer.Argument(help="Part of a name or alias; typos, accents, case and initials are forgiven.")],
    db: DbOption = DEFAULT_DB_PATH,
    entity_type: Annotated[Optional[str], typer.Option("--type", help=f"Only entities of this type: {', '.join(ENTITY_TYPES)}.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many hits.")] = 20,
    json_out: JsonOption = False,
) -> None:
    """Entities matching TEXT partly or fuzzily, best score first, then most mentioned."""
    with KnowledgeGraph.open(db, readonly=True) as kg:
        hits = kg.search(text, entity_type=entity_type, limit=limit)
    if json_out:
        print_json([h.to_dict() for h in hits])
        return
    if not hits:
        console().print(f"no entity matches {text!r}")
        return
    table = Table("score", "entity", "type", "mentions", "matched", "id")
    for h in hits:
        table.add_row(f"{h.score:g}", h.name, h.type, str(h.mentions), h.matched, h.id)
    console().print(table)
