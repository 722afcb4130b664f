"""The ``newsgraph`` command line: parse options, call one ``KnowledgeGraph`` method,
render a rich table or JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Mapping, Optional

import typer

from newsgraph.cli_lazy import app
from newsgraph.cli_common import (
    new_table,
    DEFAULT_DB_PATH,
    DbOption,
    EntityTypeOption,
    JsonOption,
    MinConfidenceOption,
    ModelOption,
    console,
    error_line,
    input_failure,
    handles_errors,
    print_json,
)
from newsgraph.errors import DemoStoreInUse, InputError
from newsgraph.kg import IngestSummary, KnowledgeGraph, Neo4jGraph
from newsgraph.options import DEFAULT_MIN_CONFIDENCE, RelationFilter

if TYPE_CHECKING:
    from rich.progress import Progress


def render_summary(*args: Any, **kwargs: Any) -> None:
    # The renderers load rich; imported on use so --json and errors never pay for it.
    from newsgraph.render import render_summary as render

    render(*args, **kwargs)


def render_entity_card(*args: Any, **kwargs: Any) -> None:
    from newsgraph.render import render_entity_card as render

    render(*args, **kwargs)

WorkersOption = Annotated[
    Optional[int], typer.Option("--workers", min=1, help="Parser processes (default: one per core, at most 4).")
]
EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"


def _ingest_progress() -> "Progress":
    # Imported here: a read command should not pay for the progress bar's import (issue 16).
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console(), transient=True, disable=not sys.stderr.isatty() or not sys.stdout.isatty(),
    )


def _run_ingest(kg: KnowledgeGraph, paths: list[str], model: str | None, workers: int | None,
                from_extracted: bool = False, date: str | None = None) -> IngestSummary:
    with _ingest_progress() as progress:
        task = progress.add_task("ingest", total=None)
        if from_extracted:
            return kg.ingest_from_extracted(
                paths, stdin=sys.stdin if "-" in paths else None, on_failure=input_failure,
                on_document=lambda: progress.advance(task),
            )
        return kg.ingest(
            paths,
            stdin=sys.stdin if "-" in paths else None,
            model=model,
            workers=workers,
            date=date,
            on_failure=input_failure,
            on_document=lambda: progress.advance(task),
        )


# This module's commands; the top-level group (cli_lazy.LazyGroup) builds one when it is invoked.
area = typer.Typer()


@area.command()
@handles_errors
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (recursive); '-' reads stdin.")],
    db: DbOption = DEFAULT_DB_PATH,
    model: ModelOption = None,
    workers: WorkersOption = None,
    from_extracted: Annotated[
        bool, typer.Option("--from-extracted", help="PATHS are output of 'extract --jsonl': load them without parsing.")
    ] = False,
    date: Annotated[
        Optional[str],
        typer.Option("--date", help="YYYY-MM-DD: the published date of articles whose input gives none. "
                     "Without it such articles stay undated (never the ingest day)."),
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Ingest articles (.txt, .md, .html, .jsonl, feeds .xml/.rss/.atom, web archives .warc[.gz]/.arc[.gz]) into the store; already present ones are skipped."""
    if date is not None and from_extracted:
        raise InputError(detail="--date applies to articles; output of 'extract --jsonl' keeps the dates it has")
    with KnowledgeGraph.open(db) as kg:
        summary = _run_ingest(kg, paths, model, workers, from_extracted, date)
    if json_out:
        print_json(summary.to_dict())
    else:
        render_summary(console(), summary)
    if summary.documents_failed:
        raise typer.Exit(1)


@area.command()
@handles_errors
def extract(
    file: Annotated[str, typer.Argument(help="A text file, or '-' for stdin.")] = "-",
    model: ModelOption = None,
    min_confidence: MinConfidenceOption = 0.0,
    json_out: JsonOption = False,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Batch form: FILE is JSON Lines of articles; print one extracted document per line.")
    ] = False,
    workers: WorkersOption = None,
    engine: Annotated[
        Optional[str], typer.Option("--engine", help="'spark': run the batch form as an Apache Spark job over FILE "
                                    "(files or a folder: JSON Lines, web archives, any input ingest reads), "
                                    "writing part-NNNNN files to --out; merge with 'ingest --from-extracted OUT'.")
    ] = None,
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="With --engine: the output folder (must not exist).")] = None,
    master: Annotated[str, typer.Option("--master", help="With --engine spark: the Spark master URL.")] = "local[2,2]",
) -> None:
    """Entities and relations of one text, printed; nothing is stored. With --jsonl, the
    batch form for map steps: JSON Lines of articles in, one extracted document per line out."""
    if engine is not None:
        if engine != "spark":
            raise InputError(detail=f"unknown engine {engine!r}; use spark")
        if out_dir is None:
            raise InputError(detail="--engine needs --out FOLDER for the partitions' output")
        result = KnowledgeGraph.extract_spark([file], out_dir, model=model, master=master, on_failure=error_line)
        if json_out:
            print_json(result.to_dict())
        else:
            console().print(
                f"{result.documents} documents in {result.partitions} partitions written to {result.out_dir} "
                f"in {result.seconds:.1f} s; {len(result.failures)} failed"
                + ("; skipped: " + ", ".join(f"{n} {r}" for r, n in sorted(result.skipped.items())) if result.skipped else "")
            )
        if result.failures:
            raise typer.Exit(1)
        return
    if jsonl:
        from collections import Counter

        skipped: Counter[str] = Counter()
        _, failed = KnowledgeGraph.extract_stream(file, sys.stdout, model=model, workers=workers, on_failure=input_failure,
                                                  skipped=skipped)
        if skipped:  # stdout is the documents; the count goes to stderr, not as an error
            print("skipped: " + ", ".join(f"{n} {r}" for r, n in sorted(skipped.items())), file=sys.stderr)
        if failed:
            raise typer.Exit(1)
        return

    docs, failures = KnowledgeGraph.extract_files(
        [file], stdin=sys.stdin if file == "-" else None, model=model, min_confidence=min_confidence, on_failure=input_failure,
    )
    if json_out:
        print_json(docs[0].to_dict() if len(docs) == 1 else [d.to_dict() for d in docs])
    else:
        out = console()
        for d in docs:
            table = new_table("entity", "type", "mentions", "aliases", title=d.title or d.source)
            for e in sorted(d.entities, key=lambda e: -e.mentions):
                table.add_row(e.name, e.type, str(e.mentions), ", ".join(sorted(e.aliases)))
            out.print(table)
            rel = new_table("head", "relation", "tail", "detail", "sentence")
            names = {e.id: e.name for e in d.entities}
            for r in d.relations:
                if r.type != "CO_OCCURS_WITH":
                    rel.add_row(names.get(r.head, r.head), r.type, names.get(r.tail, r.tail), r.title or r.predicate or "", r.sentence)
            out.print(rel)
    if failures:
        raise typer.Exit(1)


@area.command()
@handles_errors
def entities(
    db: DbOption = DEFAULT_DB_PATH,
    entity_type: EntityTypeOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many entities.")] = 50,
    json_out: JsonOption = False,
) -> None:
    """List entities, most mentioned first."""
    with KnowledgeGraph.open(db, readonly=True) as kg:
        rows = kg.entities(entity_type, limit)
    if json_out:
        print_json(rows)
        return
    table = new_table("name", "type", "mentions", "documents", "aliases", "id")
    for r in rows:
        table.add_row(r["name"], r["type"], str(r["mentions"]), str(r["documents"]), ", ".join(r["aliases"]), r["id"])
    console().print(table)


@area.command()
@handles_errors
def entity(
    name: Annotated[str, typer.Argument(help="Canonical name, alias, surname or id, any case.")],
    db: DbOption = DEFAULT_DB_PATH,
    min_confidence: MinConfidenceOption = DEFAULT_MIN_CONFIDENCE,
    json_out: JsonOption = False,
    neo4j: Annotated[Optional[str], typer.Option("--neo4j", help="Read the card from Neo4j at this URI (after `neo4j push`).")] = None,
) -> None:
    """An entity's card: type, aliases, counts and its connections with evidence."""
    card: Mapping[str, Any]
    hidden = 0  # Neo4j holds only what the push wrote: nothing below its floor to count
    if neo4j:
        card = Neo4jGraph(neo4j).entity(name, min_confidence=min_confidence)
    else:
        with KnowledgeGraph.open(db, readonly=True) as kg:
            card = kg.entity(name, min_confidence=min_confidence)
            if not json_out:
                hidden = kg.below_floor(card["id"], RelationFilter(min_confidence=min_confidence))
    if json_out:
        print_json(card)
    else:
        render_entity_card(console(), card, hidden, min_confidence)


@area.command()
@handles_errors
def stats(db: DbOption = DEFAULT_DB_PATH, json_out: JsonOption = False) -> None:
    """Counts of documents, entities by type and relations by type."""
    with KnowledgeGraph.open(db, readonly=True) as kg:
        data = kg.stats()
    if json_out:
        print_json(data)
        return
    out = console()
    out.print(f"documents: {data['documents']}   entities: {data['entities']}   relations: {data['relations']}")
    table = new_table("entity type", "count")
    for k, v in data["entities_by_type"].items():
        table.add_row(k, str(v))
    out.print(table)
    table = new_table("relation type", "count")
    for k, v in data["relations_by_type"].items():
        table.add_row(k, str(v))
    out.print(table)


DEMO_DB = "newsgraph-demo.db"


@area.command()
@handles_errors
def demo(
    db: Annotated[
        str,
        typer.Option("--db", metavar="PATH", help="Store for the samples: its own by default (NEWSGRAPH_DB is not read), "
                     "and never one holding other documents."),
    ] = DEMO_DB,
    name: Annotated[str, typer.Option("--entity", help="Whose connections to print.")] = "Rubio",
    examples: Annotated[
        Optional[Path], typer.Option("--examples", help="Folder of sample articles (default: the bundled examples/).")
    ] = None,
    model: ModelOption = None,
) -> None:
    """Ingest the bundled sample articles and print one entity's connections."""
    folder = examples or EXAMPLES_DIR
    with KnowledgeGraph.open(db) as kg:
        others = kg.documents_outside(folder)
        if others:  # checked before the first write: the user's store stays as it was
            raise DemoStoreInUse(path=db, count=others)
        summary = _run_ingest(kg, [str(folder)], model, 1)
        render_summary(console(), summary)
        card = kg.entity(name)
        render_entity_card(console(), card, kg.below_floor(card["id"]), DEFAULT_MIN_CONFIDENCE)


def main() -> None:
    app()

