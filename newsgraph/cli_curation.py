"""Finding and correcting entities: ``search``, and the analyst's corrections."""

from __future__ import annotations

import sys
from typing import Annotated, Callable, Optional

import typer

from newsgraph.cli_common import (
    new_table,
    DEFAULT_DB_PATH,
    DbOption,
    EntityTypeOption,
    JsonOption,
    MinConfidenceOption,
    console,
    err_console,
    error_line,
    handles_errors,
    print_json,
)
from newsgraph.errors import CorrectionFileError
from newsgraph.kg import Correction, KnowledgeGraph
from newsgraph.options import DEFAULT_MIN_CONFIDENCE, ENTITY_TYPES


# This module's commands; the top-level group (cli_lazy.LazyGroup) builds one when it is invoked.
area = typer.Typer()


@area.command()
@handles_errors
def search(
    text: Annotated[str, typer.Argument(help="Part of a name or alias; typos, accents, case and initials are forgiven.")],
    db: DbOption = DEFAULT_DB_PATH,
    entity_type: EntityTypeOption = None,
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
    table = new_table("score", "entity", "type", "mentions", "matched", "id")
    for h in hits:
        table.add_row(f"{h.score:g}", h.name, h.type, str(h.mentions), h.matched, h.id)
    console().print(table)


# -- corrections (issue 15) ----------------------------------------------------------------
NoteOption = Annotated[Optional[str], typer.Option("--note", help="Why: kept in the corrections log.")]


EntityArg = Annotated[str, typer.Argument(help="The entity (name, alias or id).")]
RelationArg = Annotated[int, typer.Argument(help="Relation id (shown by entity/connections --json and in exports).")]


def _correct(db: str, json_out: bool, make: Callable[[KnowledgeGraph], Correction]) -> None:
    """What every correction command does: open the store (never creating one), make the
    correction (one transaction, logged), print it as a line or JSON."""
    with KnowledgeGraph.open(db, create=False) as kg:
        correction = make(kg)
    if json_out:
        print_json(correction.to_dict())
    else:
        console().print(f"#{correction.seq} {correction.describe()}")


@area.command()
@handles_errors
def merge(
    entities: Annotated[list[str], typer.Argument(help="Two or more entities (name, alias or id); all fold into the LAST one.")],
    name: Annotated[Optional[str], typer.Option("--name", help="Canonical name of the merged entity (default: the last one's).")] = None,
    note: NoteOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    json_out: JsonOption = False,
) -> None:
    """Merge entities into one: aliases, mentions, relations (weights and evidence summed). Replayed on later ingests."""
    _correct(db, json_out, lambda kg: kg.merge(entities, name=name, note=note))


@area.command()
@handles_errors
def split(
    entity: Annotated[str, typer.Argument(help="The entity to split (name, alias or id).")],
    document: Annotated[Optional[list[str]], typer.Option("--document", help="Move its mentions in this document (id, source path or external id; repeatable).")] = None,
    alias: Annotated[Optional[list[str]], typer.Option("--alias", help="Move its mentions written as this alias (repeatable); later articles naming it so follow.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="Name of the new entity (default: the first --alias).")] = None,
    note: NoteOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    json_out: JsonOption = False,
) -> None:
    """Move chosen mentions of ENTITY, with their relations and evidence, to a new entity."""
    _correct(db, json_out, lambda kg: kg.split(entity, documents=document, aliases=alias, name=name, note=note))


@area.command()
@handles_errors
def rename(
    entity: EntityArg,
    name: Annotated[str, typer.Argument(help="Its new canonical name (the id stays).")],
    note: NoteOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    json_out: JsonOption = False,
) -> None:
    """Give an entity a new canonical name; the old one stays an alias."""
    _correct(db, json_out, lambda kg: kg.rename(entity, name, note=note))


@area.command()
@handles_errors
def retype(
    entity: EntityArg,
    entity_type: Annotated[str, typer.Argument(metavar="TYPE", help=f"One of {', '.join(ENTITY_TYPES)}.")],
    note: NoteOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    json_out: JsonOption = False,
) -> None:
    """Change an entity's type (the id stays)."""
    _correct(db, json_out, lambda kg: kg.retype(entity, entity_type, note=note))


@area.command()
@handles_errors
def alias(
    action: Annotated[str, typer.Argument(metavar="add|remove", help="add or remove.")],
    entity: EntityArg,
    alias_text: Annotated[str, typer.Argument(metavar="ALIAS", help="The alias.")],
    note: NoteOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    json_out: JsonOption = False,
) -> None:
    """Add an alias to an entity (later articles using it land there) or remove one."""
    _correct(db, json_out, lambda kg: kg.alias(action, entity, alias_text, note=note))


@area.command()
@handles_errors
def reject(relation: RelationArg, note: NoteOption = None, db: DbOption = DEFAULT_DB_PATH, json_out: JsonOption = False) -> None:
    """Reject a relation: it disappears from every view and is not extracted again."""
    _correct(db, json_out, lambda kg: kg.reject(relation, note=note))


@area.command()
@handles_errors
def confirm(relation: RelationArg, note: NoteOption = None, db: DbOption = DEFAULT_DB_PATH, json_out: JsonOption = False) -> None:
    """Confirm a relation: shown at confidence 1.0 and marked as confirmed."""
    _correct(db, json_out, lambda kg: kg.confirm(relation, note=note))


@area.command()
@handles_errors
def forget(
    documents: Annotated[list[str], typer.Argument(help="Documents by id, source path or external id.")],
    note: NoteOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    json_out: JsonOption = False,
) -> None:
    """Remove articles and everything only they support (mentions, evidence, then emptied relations and entities)."""
    _correct(db, json_out, lambda kg: kg.forget(documents, note=note))


corrections_app = typer.Typer(help="The corrections log: list, undo, export, import.", no_args_is_help=True)
area.add_typer(corrections_app, name="corrections")


@corrections_app.command("list")
@handles_errors
def corrections_list(db: DbOption = DEFAULT_DB_PATH, json_out: JsonOption = False) -> None:
    """Every correction, oldest first: what, when, by whom, why; undone ones marked."""
    with KnowledgeGraph.open(db, readonly=True) as kg:
        rows = kg.corrections()
    if json_out:
        print_json([c.to_dict() for c in rows])
        return
    table = new_table("#", "when (UTC)", "who", "correction", "note")
    for c in rows:
        table.add_row(str(c.seq), c.at.replace("T", " ")[:16], c.user or "",
                      ("(undone) " if c.undone_at else "") + c.describe(), c.note or "")
    console().print(table)


@corrections_app.command("undo")
@handles_errors
def corrections_undo(
    count: Annotated[int, typer.Argument(min=1, help="How many of the last corrections to revert.")] = 1,
    db: DbOption = DEFAULT_DB_PATH,
    json_out: JsonOption = False,
) -> None:
    """Revert the last N corrections, restoring the exact previous state (until the next ingest)."""
    with KnowledgeGraph.open(db, create=False) as kg:
        rows = kg.undo(count)
    if json_out:
        print_json([c.to_dict() for c in rows])
        return
    for c in rows:
        console().print(f"undone #{c.seq} {c.describe()}")


@corrections_app.command("export")
@handles_errors
def corrections_export(
    file: Annotated[str, typer.Argument(help="JSON Lines file to write, or '-' for stdout.")],
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Write the active corrections as JSON Lines (for version control or another store)."""
    with KnowledgeGraph.open(db, readonly=True) as kg:
        if file == "-":
            kg.export_corrections(sys.stdout)
            return
        # never over the store or another database; a failed write leaves the old file (issue 14)
        n = kg.write_corrections(file)
    err_console().print(f"{n} correction(s) written to {file}")


@corrections_app.command("import")
@handles_errors
def corrections_import(
    file: Annotated[str, typer.Argument(help="JSON Lines file of 'corrections export', or '-' for stdin.")],
    db: DbOption = DEFAULT_DB_PATH,
    json_out: JsonOption = False,
) -> None:
    """Apply the corrections of FILE not applied here yet; importing twice changes nothing."""
    with KnowledgeGraph.open(db, create=False) as kg:
        if file == "-":
            applied, present, failed = kg.import_corrections(sys.stdin, "<stdin>", on_failure=error_line)
        else:
            try:
                with open(file, encoding="utf-8") as src:
                    applied, present, failed = kg.import_corrections(src, file, on_failure=error_line)
            except OSError as exc:
                raise CorrectionFileError(path=file, line=0, detail=exc.strerror or str(exc)) from None
    if json_out:
        print_json({"applied": applied, "present": present, "failed": failed})
    else:
        console().print(f"{applied} applied, {present} already present, {failed} failed")
    if failed:
        raise typer.Exit(1)


@area.command()
@handles_errors
def review(
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many items of each kind.")] = 10,
    min_confidence: MinConfidenceOption = DEFAULT_MIN_CONFIDENCE,
    db: DbOption = DEFAULT_DB_PATH,
    json_out: JsonOption = False,
) -> None:
    """The edges and names most worth a human look (weak edges on hubs, conflicting relation
    types for one pair, names several entities share), each with its evidence and the
    confirm/reject/merge command that would settle it."""
    with KnowledgeGraph.open(db, readonly=True) as kg:
        items = kg.review(limit, min_confidence)
    if json_out:
        print_json([i.to_dict() for i in items])
        return
    out = console()
    if not items:
        out.print("nothing to review")
    for item in items:
        out.print(f"[{item.kind}] {item.reason} (score {item.score:g})")
        for r in item.relations:
            out.print(f"  #{r['id']} {r['head']['name']} -{r['type']}-> {r['tail']['name']}  "
                      f"confidence {r['confidence']:g}, weight {r['weight']}")
            for e in r["evidence"]:
                out.print(f"      \"{e['sentence']}\" ({e['document']})")
        for e in item.entities:
            out.print(f"  {e['name']} [{e['type']}] {e['id']}, {e['mentions']} mentions")
        out.print("  -> " + "  |  ".join(item.suggest))
