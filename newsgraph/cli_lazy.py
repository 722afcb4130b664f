"""The top-level ``newsgraph`` group, lazy: it knows each command's name, module and
one-line help as data (``COMMANDS``) and imports and builds only the command invoked.

Building a typer command inspects its function's signature and annotations; doing it for
all ~30 commands on every run cost a read command more than its own work (issue 16, "Fast
start"). This is click's documented "LazyGroup" pattern on typer's group class: ``commands``
is a mapping whose keys are known up front and whose values are built on first access, so
``newsgraph entity`` builds (and imports the module of) ``entity`` alone, while ``--help``
lists every command from the table below without building any.

Each ``cli_<area>.py`` module keeps its commands on its own ``area`` typer app;
tests/test_cli_lazy.py checks that this table names every command of those apps, in the
order they are listed, with their real help, so it cannot drift.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator, MutableMapping
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from newsgraph.cli_coerce import use_plain_coercion
from newsgraph.cli_common import use_vocabulary

# The modules holding commands, in the order their commands are listed.
AREAS = ("newsgraph.cli", "newsgraph.cli_show", "newsgraph.cli_queries", "newsgraph.cli_export", "newsgraph.cli_neo4j",
         "newsgraph.cli_curation", "newsgraph.cli_serve")

# name -> (module, first paragraph of its help, whitespace collapsed). The order is the
# order of `newsgraph --help` (commands, then the sub-groups, as typer lists them).
# Regenerate the help column with `python -m newsgraph.cli_lazy` after changing a docstring.
COMMANDS: dict[str, tuple[str, str]] = {
    'ingest': ('newsgraph.cli', 'Ingest articles (.txt, .md, .html, .jsonl, feeds .xml/.rss/.atom, web archives .warc[.gz]/.arc[.gz]) into the store; already present ones are skipped.'),
    'extract': ('newsgraph.cli', 'Entities and relations of one text, printed; nothing is stored. With --jsonl, the batch form for map steps: JSON Lines of articles in, one extracted document per line out.'),
    'entities': ('newsgraph.cli', 'List entities, most mentioned first.'),
    'entity': ('newsgraph.cli', "An entity's card: type, aliases, counts and its connections with evidence."),
    'stats': ('newsgraph.cli', 'Counts of documents, entities by type and relations by type.'),
    'demo': ('newsgraph.cli', "Ingest the bundled sample articles and print one entity's connections."),
    'show': ('newsgraph.cli_show', "Draw an entity's ego network as one self-contained HTML page (works offline): nodes coloured by type and sized by mentions, edges by relation type and weight; click an edge for its evidence sentences and documents."),
    'cypher': ('newsgraph.cli_queries', 'Run a Cypher query on the embedded graph (no server), or in Neo4j with --neo4j URI.'),
    'connections': ('newsgraph.cli_queries', 'The entities linked to NAME, grouped by relation type, with weight and best evidence.'),
    'path': ('newsgraph.cli_queries', 'The shortest chains of relations between A and B, each hop with its evidence sentence.'),
    'top': ('newsgraph.cli_queries', 'Who matters most in the corpus: entities ranked by mentions, degree, PageRank or betweenness.'),
    'export': ('newsgraph.cli_export', 'Export the graph (or an ego network) for Gephi, igraph, neo4j-admin import or scripts.'),
    'search': ('newsgraph.cli_curation', 'Entities matching TEXT partly or fuzzily, best score first, then most mentioned.'),
    'merge': ('newsgraph.cli_curation', 'Merge entities into one: aliases, mentions, relations (weights and evidence summed). Replayed on later ingests.'),
    'split': ('newsgraph.cli_curation', 'Move chosen mentions of ENTITY, with their relations and evidence, to a new entity.'),
    'rename': ('newsgraph.cli_curation', 'Give an entity a new canonical name; the old one stays an alias.'),
    'retype': ('newsgraph.cli_curation', "Change an entity's type (the id stays)."),
    'alias': ('newsgraph.cli_curation', 'Add an alias to an entity (later articles using it land there) or remove one.'),
    'reject': ('newsgraph.cli_curation', 'Reject a relation: it disappears from every view and is not extracted again.'),
    'confirm': ('newsgraph.cli_curation', 'Confirm a relation: shown at confidence 1.0 and marked as confirmed.'),
    'forget': ('newsgraph.cli_curation', 'Remove articles and everything only they support (mentions, evidence, then emptied relations and entities).'),
    'review': ('newsgraph.cli_curation', 'The edges and names most worth a human look (weak edges on hubs, conflicting relation types for one pair, names several entities share), each with its evidence and the confirm/reject/merge command that would settle it.'),
    'serve': ('newsgraph.cli_serve', 'Explore the graph in the browser: search, entity views with expandable ego networks, filters, evidence, articles with highlighted entities, paths, a Cypher console and exports. Read-only unless --allow-edits; serves http://127.0.0.1:8765/ until Ctrl+C.'),
    'neo4j': ('newsgraph.cli_neo4j', 'Push the store to a Neo4j server.'),
    'corrections': ('newsgraph.cli_curation', 'The corrections log: list, undo, export, import.'),
}


def command_module(name: str) -> str:
    return COMMANDS[name][0]


def build_command(name: str, group: TyperGroup) -> Any:
    """Import the module of command ``name`` and build that command (or sub-group) alone,
    with the root's settings, as typer would have built it with the whole app."""
    import typer.main

    area: typer.Typer = importlib.import_module(command_module(name)).area
    use_vocabulary(area)
    for info in area.registered_commands:
        if (info.name or typer.main.get_command_name(info.callback.__name__)) == name:  # type: ignore[union-attr]
            return typer.main.get_command_from_info(
                info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=group.rich_markup_mode
            )
    for sub in area.registered_groups:
        if sub.name == name:
            return typer.main.get_group_from_info(
                sub, pretty_exceptions_short=app.pretty_exceptions_short,
                suggest_commands=group.suggest_commands, rich_markup_mode=group.rich_markup_mode,
            )
    raise LookupError(f"{command_module(name)} has no command {name!r}")


class LazyCommands(MutableMapping[str, Any]):
    """Command name -> click command, built on first access; the names are known up front."""

    def __init__(self, names: list[str], build: Callable[[str], Any], built: dict[str, Any] | None = None) -> None:
        self._names = list(names)
        self._build = build
        self._built: dict[str, Any] = {}
        for name, cmd in (built or {}).items():
            self[name] = cmd

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in self._names:
                raise KeyError(name)
            self._built[name] = self._build(name)
        return self._built[name]

    def __setitem__(self, name: str, cmd: Any) -> None:
        if name not in self._names:
            self._names.append(name)
        self._built[name] = cmd

    def __delitem__(self, name: str) -> None:
        self._names.remove(name)
        self._built.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._names))

    def __len__(self) -> int:
        return len(self._names)


class LazyGroup(TyperGroup):
    """typer's group with ``commands`` as a ``LazyCommands`` over ``COMMANDS``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(list(COMMANDS), lambda name: build_command(name, self), dict(self.commands))

    def get_help_option(self, ctx: Any) -> Any:
        return use_plain_coercion(super().get_help_option(ctx))  # no pydantic for -h (cli_coerce)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # As TyperGroup.format_commands (click's), with each line from the table instead of
        # from the built command: `newsgraph --help` builds none of them.
        from typer._click.utils import make_default_short_help

        names = list(self.commands)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in COMMANDS:
                rows.append((name, make_default_short_help(COMMANDS[name][1], limit).strip()))
            else:  # registered on the root app directly: built, as typer would
                cmd = self.commands[name]
                if not cmd.hidden:
                    rows.append((name, cmd.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


# The top-level group. It holds no command itself (each is on its module's ``area`` app and
# reached by name through the table above), and it lives here, with the group class, so
# that it imports none of the modules holding the commands: cli.py (the entry point, and an
# area) imports it, never the other way round (tests/test_cli_imports.py: no cycle).
app = typer.Typer(
    name="newsgraph",
    cls=LazyGroup,
    help="Turn English news articles into an evidenced entity-and-relationship knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Help texts are plain text: with rich markup on, "[default: ...]" in a help string
    # was taken for a style tag and vanished ("Bolt URI .").
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from newsgraph import __version__

        sys.stdout.write(f"newsgraph {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn English news articles into an evidenced entity-and-relationship knowledge graph."""


def _table() -> str:
    """The ``COMMANDS`` literal as the real commands give it (for regenerating the table)."""
    import typer.main

    root = typer.main.get_command(app)
    areas = [(module, importlib.import_module(module).area) for module in AREAS]
    # typer lists a group's commands first, then its sub-groups
    names = [(module, info.name or typer.main.get_command_name(info.callback.__name__))  # type: ignore[union-attr]
             for module, area in areas for info in area.registered_commands]
    names += [(module, str(sub.name)) for module, area in areas for sub in area.registered_groups]
    lines = ["COMMANDS: dict[str, tuple[str, str]] = {"]
    for module, name in names:
        COMMANDS.setdefault(name, (module, ""))  # a new command: build it from its module
        cmd = build_command(name, root)  # type: ignore[arg-type]
        lines.append(f"    {name!r}: ({module!r}, {first_paragraph(cmd.help or '')!r}),")
    lines.append("}")
    return "\n".join(lines)


def first_paragraph(help_text: str) -> str:
    """What click makes the one-line help from: the first paragraph, whitespace collapsed."""
    end = help_text.find("\n\n")
    return " ".join((help_text if end == -1 else help_text[:end]).split())


if __name__ == "__main__":
    print(_table())
