"""Plain values converted without pydantic (newsgraph/cli_coerce.py, issue 16 "Fast start")
give what typer's own conversion gives: the same value of the same type, or the same error
line, for every parameter of every command."""

from __future__ import annotations

import pytest
import typer.main
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from newsgraph import cli_coerce
from newsgraph.cli import app

pytestmark = pytest.mark.issue(16)

VALUES = [
    None, "", "abc", "é", "\udcff", " x ", "-", "Rubio",
    "5", "0", "1", "2", "4", "8", "9", "-5", "05", " 5", "5 ", "+5", "5.0", "1_000", "٥", "x", "99999999999999999999",
    "65535", "65536", "0x10",
    "0.5", ".5", "1.0", "-0", "-0.0", "1e-1", "inf", "nan", "-inf", "0.50", "1_0", " 0.5", "٠.٥", "1.0000000000000002",
    "1.5", "-0.1", "0.0000001",
    0, 1, 5, -1, 2, 9, 0.5, 1.0, 1.5, True, False,
    (), ("a", "b"), ["x"], ("\udcff",), (1,), ("a", 1),
    "true", "yes", "off",
]


def _params():
    """One parameter of each kind (type, range, multiplicity) among all commands."""
    root = typer.main.get_command(app)
    seen = {}

    def walk(group, prefix=""):
        for name in group.commands:
            cmd = group.commands[name]
            if hasattr(cmd, "commands"):
                walk(cmd, f"{prefix}{name} ")
                continue
            ctx = Context(cmd, info_name=name)
            for p in [*cmd.params, cmd.get_help_option(ctx)]:
                d = p.type_descriptor
                key = (repr(d.annotation), d.parameter_info.min, d.parameter_info.max, p.multiple, p.nargs)
                seen.setdefault(key, (f"{prefix}{name} {p.name}", cmd, p))

    walk(root)
    return sorted(seen.values(), key=lambda t: t[0])


PARAMS = _params()


def _outcome(coerce, value, param, ctx):
    try:
        out = coerce(value, param=param, ctx=ctx)
    except BadParameter as exc:
        return ("error", exc.format_message())
    return (type(out), repr(out))


@pytest.mark.parametrize("label,cmd,param", PARAMS, ids=[p[0] for p in PARAMS])
def test_plain_conversion_equals_typers(label, cmd, param):
    ctx = Context(cmd, info_name=label.split()[0])
    typers = build_runtime_param(param.type_descriptor)
    plain = cli_coerce.PlainCoercion(param)
    for value in VALUES:
        assert _outcome(plain.coerce, value, param, ctx) == _outcome(typers.coerce, value, param, ctx), (label, value)


def test_the_plain_path_is_taken_for_well_formed_values():
    # the comparison above could pass by delegating everything
    kinds = {cli_coerce.PlainCoercion(p).kind for _, _, p in PARAMS}
    assert {"str", "int", "float", "strs", "bool"} <= kinds
    by_kind = {cli_coerce.PlainCoercion(p).kind: p for _, _, p in PARAMS if not p.type_descriptor.parameter_info.max}
    plain = {kind: cli_coerce.PlainCoercion(p)._plain for kind, p in by_kind.items()}
    assert plain["str"]("Rubio") == "Rubio"
    assert plain["int"]("5") == 5
    assert plain["float"]("0.5") == 0.5
    assert plain["strs"](("a", "b")) == ["a", "b"]
    assert plain["int"]("x") is cli_coerce._DELEGATE  # typer words the error


def test_every_command_parameter_but_paths_converts_plainly():
    root = typer.main.get_command(app)
    cmd = root.commands["connections"]
    assert all(isinstance(p._runtime_param, cli_coerce.PlainCoercion) for p in cmd.params)
    demo = root.commands["demo"]
    examples = next(p for p in demo.params if p.name == "examples")
    assert examples._runtime_param is None  # a Path: typer converts it
