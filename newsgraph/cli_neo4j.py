"""``newsgraph neo4j push``: the store into a Neo4j server.

(``newsgraph cypher QUERY --neo4j URI`` lives in ``cli_queries`` and calls
``newsgraph.kg.Neo4jGraph.cypher``.)"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from newsgraph.cli_common import (
    new_table, DEFAULT_DB_PATH, DbOption, JsonOption, console, handles_errors, min_confidence_option, print_json,
)
from newsgraph.options import DEFAULT_MIN_CONFIDENCE

if TYPE_CHECKING:
    from rich.progress import Progress


# This module's commands; the top-level group (cli_lazy.LazyGroup) builds one when it is invoked.
area = typer.Typer()

neo4j_app = typer.Typer(help="Push the store to a Neo4j server.", no_args_is_help=True)
area.add_typer(neo4j_app, name="neo4j")

UriOption = Annotated[Optional[str], typer.Option("--uri", envvar="NEO4J_URI", help="Bolt URI [default: bolt://localhost:7687].")]
UserOption = Annotated[Optional[str], typer.Option("--user", envvar="NEO4J_USER", help="User name (none: no auth).")]
PasswordOption = Annotated[Optional[str], typer.Option("--password", envvar="NEO4J_PASSWORD", help="Password.")]
DatabaseOption = Annotated[
    Optional[str], typer.Option("--database", envvar="NEO4J_DATABASE", help="Database [default: the server's default].")
]


def _progress() -> "Progress":
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console(), transient=True, disable=not sys.stderr.isatty() or not sys.stdout.isatty(),
    )


def _render_push(data: dict[str, Any]) -> None:
    out = console()
    pushed, written = data["pushed"], data["written"]
    out.print(
        f"pushed to {data['uri']}{' database ' + data['database'] if data['database'] else ''} in {data['seconds']:.1f} s: "
        f"{pushed['entities']} entities, {pushed['documents']} documents, {pushed['mentions']} mentions, {pushed['bylines']} bylines, "
        f"{pushed['relations']} relations"
    )
    out.print(
        f"written: {written['nodes_created']} nodes and {written['relationships_created']} relationships created, "
        f"{written['properties_set']} properties set"
        + (f", {written['nodes_deleted']} nodes of merged entities deleted" if written.get("nodes_deleted") else "")
    )
    if pushed["relations_by_type"]:
        table = new_table("relation type", "count")
        for k, v in sorted(pushed["relations_by_type"].items(), key=lambda kv: -kv[1]):
            table.add_row(k, str(v))
        out.print(table)


@neo4j_app.command("push")
@handles_errors
def push(
    db: DbOption = DEFAULT_DB_PATH,
    uri: UriOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    database: DatabaseOption = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Rows per transaction.")] = 5000,
    writers: Annotated[int, typer.Option("--writers", min=1, help="Relation batches written at once (sessions).")] = 2,
    min_confidence: Annotated[float, min_confidence_option(
        "Push the relations of at least this confidence, as the read commands show them; weaker ones an earlier push wrote are deleted (0: all).",
    )] = DEFAULT_MIN_CONFIDENCE,
    json_out: JsonOption = False,
) -> None:
    """Push entities, documents, mentions, bylines and relations to Neo4j; pushing again updates, never duplicates."""
    from newsgraph.kg import KnowledgeGraph

    with KnowledgeGraph.open(db, readonly=True) as kg, _progress() as bar:
        tasks: dict[str, Any] = {}

        def progress(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total or None)
            bar.update(tasks[phase], completed=done)

        summary = kg.push(
            uri, user=user, password=password, database=database, batch_size=batch_size, writers=writers,
            min_confidence=min_confidence, progress=progress,
        )
    if json_out:
        print_json(summary.to_dict())
    else:
        _render_push(summary.to_dict())
