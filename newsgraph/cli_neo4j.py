"""``newsgraph neo4j push``: the store into a Neo4j server, and (until the embedded
``cypher`` command lands) ``newsgraph cypher QUERY --neo4j URI``."""

from __future__ import annotations

import sys
from typing import Annotated, Any, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.cli_common import DEFAULT_DB_PATH, DbOption, JsonOption, app, console, handles_errors, print_json

neo4j_app = typer.Typer(help="Push the store to a Neo4j server.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")

UriOption = Annotated[Optional[str], typer.Option("--uri", envvar="NEO4J_URI", help="Bolt URI [default: bolt://localhost:7687].")]
UserOption = Annotated[Optional[str], typer.Option("--user", envvar="NEO4J_USER", help="User name (none: no auth).")]
PasswordOption = Annotated[Optional[str], typer.Option("--password", envvar="NEO4J_PASSWORD", help="Password.")]
DatabaseOption = Annotated[
    Optional[str], typer.Option("--database", envvar="NEO4J_DATABASE", help="Database [default: the server's default].")
]


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console(), transient=True, disable=not sys.stderr.isatty() or not sys.stdout.isatty(),
    )


def _render_push(data: dict[str, Any]) -> None:
    out = console()
    pushed, written = data["pushed"], data["written"]
    out.print(
        f"pushed to {data['uri']}{' database ' + data['database'] if data['database'] else ''} in {data['seconds']:.1f} s: "
        f"{pushed['entities']} entities, {pushed['documents']} documents, {pushed['mentions']} mentions, "
        f"{pushed['relations']} relations"
    )
    out.print(
        f"written: {written['nodes_created']} nodes and {written['relationships_created']} relationships created, "
        f"{written['properties_set']} properties set"
    )
    if pushed["relations_by_type"]:
        table = Table("relation type", "count")
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
    json_out: JsonOption = False,
) -> None:
    """Push entities, documents, mentions and relations to Neo4j (idempotent: re-pushing
    updates, never duplicates)."""
    from newsgraph.graph.neo4j_sync import push as push_store
    from newsgraph.kg import KnowledgeGraph

    with KnowledgeGraph.open(db) as kg, _progress() as bar:
        tasks: dict[str, Any] = {}

        def progress(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total or None)
            bar.update(tasks[phase], completed=done)

        summary = push_store(kg.store, uri, user, password, database, batch_size, progress)
    if json_out:
        print_json(summary.to_dict())
    else:
        _render_push(summary.to_dict())


def parse_params(items: list[str]) -> dict[str, Any]:
    """``k=v`` pairs; a value that parses as JSON (numbers, true, null, lists, quoted
    strings) is that value, anything else is the string as written."""
    import json

    from newsgraph.errors import QueryError

    params: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QueryError(detail=f"--param {item!r} is not of the form name=value")
        try:
            params[key.strip()] = json.loads(value)
        except ValueError:
            params[key.strip()] = value
    return params


def _render_rows(result: dict[str, Any], csv_out: bool) -> None:
    import csv
    import json

    def cell(v: Any) -> str:
        return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)

    if csv_out:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result["columns"])
        for row in result["rows"]:
            writer.writerow(["" if row[c] is None else cell(row[c]) for c in result["columns"]])
        return
    table = Table(*result["columns"])
    for row in result["rows"]:
        table.add_row(*[cell(row[c]) for c in result["columns"]])
    console().print(table)


def cypher(
    query: Annotated[str, typer.Argument(help="A Cypher query.")],
    neo4j: Annotated[Optional[str], typer.Option("--neo4j", help="Run in Neo4j at this bolt:// URI.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", help="Query parameter name=value (repeatable).")] = None,
    write: Annotated[bool, typer.Option("--write", help="Allow queries that write.")] = False,
    user: UserOption = None,
    password: PasswordOption = None,
    database: DatabaseOption = None,
    json_out: JsonOption = False,
    csv_out: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """Run a Cypher query in Neo4j (read-only unless --write)."""
    from newsgraph.errors import QueryError
    from newsgraph.queries.cypher_neo4j import run_cypher

    if neo4j is None:
        raise QueryError(detail="the embedded Cypher engine is not available yet; pass --neo4j URI")
    result = run_cypher(neo4j, query, parse_params(param or []), write=write, user=user, password=password, database=database)
    if json_out:
        print_json(result)
    else:
        _render_rows(result, csv_out)


# The embedded ``cypher`` command (newsgraph/cli_queries.py) delegates to run_cypher for
# --neo4j; register this one only while that command does not exist.
if not any((c.name or c.callback.__name__) == "cypher" for c in app.registered_commands if c.callback):
    app.command("cypher")(handles_errors(cypher))
