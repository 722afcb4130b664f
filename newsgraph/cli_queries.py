"""Query commands: ``cypher``, ``connections``, ``path``, ``top``."""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from newsgraph.cli_common import (
    new_table,
    DEFAULT_DB_PATH,
    DbOption,
    EntityTypeOption,
    JsonOption,
    MinConfidenceOption,
    RelationTypesOption,
    SinceOption,
    UntilOption,
    console,
    handles_errors,
    min_confidence_option,
    print_json,
)
from newsgraph.errors import InvalidQueryOption
from newsgraph.kg import KnowledgeGraph, Neo4jGraph
from newsgraph.options import DEFAULT_MAX_WORK, DEFAULT_MIN_CONFIDENCE, DEFAULT_TIMEOUT, ENTITY_TYPES, RelationFilter, date_bound, parse_params

if TYPE_CHECKING:
    from rich.console import Console

    from newsgraph.kg import Connection, Connections, CypherResult, PathResult



def _query_text(query: str | None, file: Path | None) -> str:
    if file is not None and query is not None:
        raise InvalidQueryOption(detail="give the query as an argument or with -f FILE, not both")
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidQueryOption(detail=f"cannot read the query file {file}: {exc}") from None
    if query is None:
        raise InvalidQueryOption(detail="give a query (an argument, '-' for stdin, or -f FILE)")
    return sys.stdin.read() if query == "-" else query


class _BuildProgress:
    """The embedded graph's first build on a big store takes a while: say so on stderr."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, phase: str, done: int, total: int) -> None:
        if time.monotonic() - self.start < 1.0 and not self.shown:
            return
        self.shown = True
        sys.stderr.write(f"\rBuilding the embedded graph: {phase} {done:,}/{total:,}   ")
        sys.stderr.flush()

    def end(self) -> None:
        if self.shown:
            sys.stderr.write("\n")


# This module's commands; the top-level group (cli_lazy.LazyGroup) builds one when it is invoked.
area = typer.Typer()


@area.command()
@handles_errors
def cypher(
    query: Annotated[Optional[str], typer.Argument(help="A Cypher query, or '-' to read it from stdin.")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", help="Read the query from this file.")] = None,
    param: Annotated[
        Optional[list[str]], typer.Option("--param", help="NAME=VALUE for $NAME (VALUE as JSON if it parses). Repeatable.")
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
    json_out: JsonOption = False,
    csv_out: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, help="Stop an embedded query after this many seconds (0: never).")
    ] = DEFAULT_TIMEOUT,
    max_work: Annotated[
        int, typer.Option("--max-work", min=0, help="Stop an embedded query whose intermediate rows pass this bound (0: none).")
    ] = DEFAULT_MAX_WORK,
    explain: Annotated[bool, typer.Option("--explain", help="Print the embedded engine's plan instead of running the query.")] = False,
    min_confidence: Annotated[float, min_confidence_option(
        "The embedded graph holds the relations of at least this confidence, as 'neo4j push' writes them (0: all).",
    )] = DEFAULT_MIN_CONFIDENCE,
    neo4j: Annotated[Optional[str], typer.Option("--neo4j", help="Run in Neo4j at this URI instead of the embedded graph.")] = None,
    user: Annotated[Optional[str], typer.Option("--user", envvar="NEO4J_USER", help="Neo4j user (none: no auth).")] = None,
    password: Annotated[Optional[str], typer.Option("--password", envvar="NEO4J_PASSWORD", help="Neo4j password.")] = None,
    database: Annotated[
        Optional[str], typer.Option("--database", envvar="NEO4J_DATABASE", help="Neo4j database (default: the server's).")
    ] = None,
    write: Annotated[bool, typer.Option("--write", help="Allow a query that writes (Neo4j only).")] = False,
    allow_procedures: Annotated[
        bool, typer.Option("--allow-procedures", help="Allow LOAD CSV, procedure calls and SHOW commands in a read-only query (Neo4j only).")
    ] = False,
) -> None:
    """Run a Cypher query on the embedded graph (no server), or in Neo4j with --neo4j URI."""
    if json_out and csv_out:
        raise InvalidQueryOption(detail="choose one of --json and --csv")
    text = _query_text(query, file)
    params = parse_params(param or [])
    if neo4j:
        if explain:
            raise InvalidQueryOption(detail="--explain is for the embedded engine; prefix the query with EXPLAIN in Neo4j")
        if min_confidence != DEFAULT_MIN_CONFIDENCE:
            # Neo4j holds what the last push wrote; a floor here would be a silent no-op.
            raise InvalidQueryOption(detail="--min-confidence is for the embedded graph; in Neo4j the floor is the push's (neo4j push --min-confidence), or filter on r.confidence")
        result = Neo4jGraph(neo4j, user=user, password=password, database=database).cypher(
            text, params, write=write, allow_procedures=allow_procedures,
        )
    else:
        progress = _BuildProgress()
        try:
            with KnowledgeGraph.open(db, readonly=True) as kg:
                result = kg.cypher(
                    ("EXPLAIN " + text) if explain else text, params, timeout=timeout, max_work=max_work, progress=progress,
                    min_confidence=min_confidence,
                )
        finally:
            progress.end()
    for warning in result.get("warnings", []):
        sys.stderr.write(f"Warning: {warning}\n")
    from newsgraph import render  # loads rich: only the command that prints its tables pays

    if json_out:
        sys.stdout.write(render.cypher_json(result) + "\n")
    elif csv_out:
        render.write_cypher_csv(result, sys.stdout)
    else:
        render.render_cypher_table(console(), result)


def _arrow(direction: str, relation: str) -> str:
    return {"out": f"-{relation}->", "in": f"<-{relation}-"}.get(direction, f"-{relation}-")


def _evidence_text(evidence: Sequence[Mapping[str, Any]] | Mapping[str, Any] | None) -> str:
    if not evidence:
        return ""
    ev = evidence if isinstance(evidence, Mapping) else evidence[0]
    return f"{ev['sentence']} ({ev['date'] or 'undated'})"


def _render_connections(out: Console, data: Connections, below_floor: int = 0) -> None:
    e = data["entity"]
    out.print(f"{e['name']}  [{e['type']}]  id={e['id']}")
    groups: dict[str, list[Connection]] = {}
    for c in data["connections"]:
        groups.setdefault(c["relation"], []).append(c)
    if not groups:
        out.print("no connections")
    for relation, rows in groups.items():
        table = new_table("", "entity", "type", "weight", "detail", "evidence", title=f"{relation} ({len(rows)})", title_justify="left")
        for c in rows:
            table.add_row(
                {"out": "->", "in": "<-"}.get(c["direction"], "--"), c["entity"]["name"], c["entity"]["type"],
                str(c["weight"]), c.get("title") or c.get("predicate") or "", _evidence_text(c["evidence"]),
            )
        out.print(table)
    if "second_degree" in data:
        table = new_table("entity", "type", "through", title=f"second degree ({len(data['second_degree'])})", title_justify="left")
        for s in data["second_degree"]:
            through = "; ".join(
                f"{_arrow(v['first']['direction'], v['first']['relation'])} {v['entity']['name']} "
                f"{_arrow(v['second']['direction'], v['second']['relation'])}"
                for v in s["via"]
            )
            table.add_row(s["entity"]["name"], s["entity"]["type"], through)
        out.print(table)
    from newsgraph.render import below_floor_line  # rich is loaded already: this prints tables

    hidden = below_floor_line(below_floor, data["filters"]["min_confidence"])
    if hidden:
        out.print(hidden)


@area.command()
@handles_errors
def connections(
    name: Annotated[str, typer.Argument(help="Canonical name, alias, surname or id, any case.")],
    db: DbOption = DEFAULT_DB_PATH,
    depth: Annotated[int, typer.Option("--depth", min=1, max=2, help="2 adds the entities two steps away and through whom.")] = 1,
    relation_type: RelationTypesOption = None,
    entity_type: Annotated[
        Optional[list[str]],
        typer.Option("--entity-type", metavar="TYPE", help=f"Only other ends of this type (repeatable): {', '.join(ENTITY_TYPES)}."),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_weight: Annotated[int, typer.Option("--min-weight", min=0, help="Hide relations seen fewer times.")] = 0,
    min_confidence: MinConfidenceOption = DEFAULT_MIN_CONFIDENCE,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many second-degree entities.")] = 50,
    json_out: JsonOption = False,
) -> None:
    """The entities linked to NAME, grouped by relation type, with weight and best evidence."""
    with KnowledgeGraph.open(db, readonly=True) as kg:
        flt = RelationFilter(
            relation_types=relation_type or [], entity_types=entity_type or [], min_weight=min_weight, min_confidence=min_confidence,
            since=date_bound(since, end=False, option="--since"), until=date_bound(until, end=True, option="--until"),
        )
        data = kg.connections(name, flt, depth=depth, second_degree_limit=limit)
        hidden = 0 if json_out else kg.below_floor(data["entity"]["id"], flt)
    if json_out:
        print_json(data)
    else:
        _render_connections(console(), data, hidden)


def _render_paths(out: Console, data: PathResult) -> None:
    a, b = data["source"]["name"], data["target"]["name"]
    if not data["paths"]:
        out.print(f"No path between {a} and {b} within {data['max_hops']} hops.")
        return
    out.print(f"{len(data['paths'])} shortest path(s) of {data['hops']} hop(s) between {a} and {b}:")
    for n, p in enumerate(data["paths"], start=1):
        chain = p["entities"][0]["name"]
        for hop in p["hops"]:
            chain += f" {_arrow(hop['direction'], hop['relation'])} {hop['to']['name']}"
        out.print(f"\n{n}. {chain}")
        for hop in p["hops"]:
            detail = f" [{hop['title']}]" if hop.get("title") else ""
            out.print(f"   {hop['from']['name']} {_arrow(hop['direction'], hop['relation'])}{detail} {hop['to']['name']}"
                      f" (weight {hop['weight']}): {_evidence_text(hop['evidence'])}")


@area.command()
@handles_errors
def path(
    source: Annotated[str, typer.Argument(metavar="A", help="First entity (name, alias, surname or id).")],
    target: Annotated[str, typer.Argument(metavar="B", help="Second entity.")],
    db: DbOption = DEFAULT_DB_PATH,
    max_hops: Annotated[int, typer.Option("--max-hops", min=1, max=8, help="Longest chain looked for.")] = 4,
    relation_type: RelationTypesOption = None,
    min_confidence: MinConfidenceOption = DEFAULT_MIN_CONFIDENCE,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many shortest chains, strongest first.")] = 5,
    json_out: JsonOption = False,
) -> None:
    """The shortest chains of relations between A and B, each hop with its evidence sentence."""
    with KnowledgeGraph.open(db, readonly=True) as kg:
        data = kg.path(source, target, max_hops=max_hops, relation_types=relation_type,
                       min_confidence=min_confidence, max_paths=limit)
    if json_out:
        print_json(data)
    else:
        _render_paths(console(), data)


@area.command()
@handles_errors
def top(
    db: DbOption = DEFAULT_DB_PATH,
    entity_type: EntityTypeOption = None,
    by: Annotated[str, typer.Option("--by", help="mentions, degree, pagerank or betweenness.")] = "mentions",
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many entities.")] = 20,
    min_confidence: MinConfidenceOption = DEFAULT_MIN_CONFIDENCE,
    json_out: JsonOption = False,
) -> None:
    """Who matters most in the corpus: entities ranked by mentions, degree, PageRank or betweenness."""
    with KnowledgeGraph.open(db, readonly=True) as kg:
        data = kg.top(by=by, entity_type=entity_type, limit=limit, min_confidence=min_confidence)
    if json_out:
        print_json(data)
        return
    out = console()
    table = new_table("#", "entity", "type", data["by"], "mentions",
                  title=f"top by {data['by']}" + (" (approximate)" if data["approximate"] else ""), title_justify="left")
    for e in data["entities"]:
        table.add_row(str(e["rank"]), e["name"], e["type"], str(e["score"]), str(e["mentions"]))
    out.print(table)
