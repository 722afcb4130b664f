"""The lazy top-level group (issue 16, "Fast start"): its table of commands is the real
one, `newsgraph --help` lists them as building every command would, and invoking one
command builds that command alone."""

from __future__ import annotations

import importlib

import pytest
import typer.main
from typer.core import TyperGroup
from typer.testing import CliRunner

from newsgraph import cli_lazy
from newsgraph.cli import app

pytestmark = pytest.mark.issue(16)


def _real_commands() -> list[tuple[str, str, str]]:
    """(name, module, first paragraph of help) of every command the area modules define,
    in typer's order: each module's commands, then the sub-groups."""
    areas = [(m, importlib.import_module(m).area) for m in cli_lazy.AREAS]
    names = [(m, info.name or typer.main.get_command_name(info.callback.__name__))
             for m, area in areas for info in area.registered_commands]
    names += [(m, sub.name) for m, area in areas for sub in area.registered_groups]
    root = typer.main.get_command(app)
    out = []
    for module, name in names:
        cmd = cli_lazy.build_command(name, root)
        assert cmd.name == name and not cmd.hidden and not cmd.short_help and not cmd.deprecated
        out.append((name, module, cli_lazy.first_paragraph(cmd.help or "")))
    return out


def test_the_table_is_the_real_commands_with_their_help():
    table = [(name, module, help_text) for name, (module, help_text) in cli_lazy.COMMANDS.items()]
    assert table == _real_commands()  # on failure: python -m newsgraph.cli_lazy prints the table
    # every command is on an area app; none on the root, where the table would not see it
    assert app.registered_commands == [] and app.registered_groups == []


def test_a_command_registered_on_the_root_is_still_listed():
    extra = typer.Typer()

    @extra.command()
    def hello() -> None:
        """Say hello."""

    root = typer.main.get_command(app)
    root.add_command(typer.main.get_command(extra), "hello")
    ctx = root.make_context("newsgraph", [], resilient_parsing=True, terminal_width=100)
    lazy, built = ctx.make_formatter(), ctx.make_formatter()
    root.format_commands(ctx, lazy)
    TyperGroup.format_commands(root, ctx, built)
    assert "  hello " in lazy.getvalue() and lazy.getvalue() == built.getvalue()


@pytest.mark.parametrize("width", [80, 100, 200])
def test_help_lists_every_command_as_the_built_commands_would(width):
    root = typer.main.get_command(app)
    assert isinstance(root, cli_lazy.LazyGroup)
    ctx = root.make_context("newsgraph", [], resilient_parsing=True, terminal_width=width)
    lazy, built = ctx.make_formatter(), ctx.make_formatter()
    root.format_commands(ctx, lazy)
    TyperGroup.format_commands(root, ctx, built)  # builds every command and asks each for its line
    assert lazy.getvalue() == built.getvalue()
    assert all(f"  {name} " in lazy.getvalue() for name in cli_lazy.COMMANDS)


def test_one_command_invoked_builds_that_command_alone(capsys):
    root = typer.main.get_command(app)
    built = []
    build = root.commands._build
    root.commands._build = lambda name: built.append(name) or build(name)
    with pytest.raises(SystemExit) as exc:
        root(["entity", "-h"], prog_name="newsgraph")
    assert exc.value.code == 0 and "Usage: newsgraph entity" in capsys.readouterr().out
    assert built == ["entity"]


def test_an_unknown_command_is_refused_with_a_suggestion():
    result = CliRunner().invoke(app, ["entiti"])
    assert result.exit_code == 2
    assert "No such command 'entiti'" in result.stderr and "'entity'" in result.stderr
