"""Generate the README's CLI reference from the real commands (``--check`` to verify).

Run ``python scripts/cli_reference.py`` after changing a command; CI runs the check
through tests/test_docs.py so the reference cannot go stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typing import Any

import typer

README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN, END = "<!-- cli-reference:begin -->", "<!-- cli-reference:end -->"


# typer ships its own copy of click, so commands and parameters are told apart by their
# attributes rather than by click's classes.
def _commands(group: Any, prefix: str = "newsgraph") -> list[tuple[str, Any]]:
    out = []
    for name in sorted(group.commands):
        cmd = group.commands[name]
        if hasattr(cmd, "commands"):
            out += _commands(cmd, f"{prefix} {name}")
        else:
            out.append((f"{prefix} {name}", cmd))
    return out


def _usage(path: str, cmd: Any) -> str:
    args = " ".join(
        (p.metavar or p.name).upper() + ("..." if p.nargs == -1 else "")
        for p in cmd.params
        if p.param_type_name == "argument"
    )
    return f"{path} {args} [OPTIONS]".replace("  ", " ")


def render() -> str:
    from newsgraph.cli import app

    root = typer.main.get_command(app)
    lines = [BEGIN, ""]
    for path, cmd in _commands(root):
        lines.append(f"### `{path}`")
        lines.append("")
        lines.append((cmd.help or "").strip().split("\n\n")[0])
        lines.append("")
        lines.append(f"    {_usage(path, cmd)}")
        lines.append("")
        for p in cmd.params:
            if p.param_type_name != "option" or p.hidden:
                continue
            value = "" if p.is_flag or not p.metavar else f" {p.metavar}"
            flags = ", ".join(f"`{o}{value}`" for o in [*p.opts, *p.secondary_opts])
            extra = []
            if p.envvar:
                extra.append(f"env `{p.envvar}`")
            if p.default not in (None, False, (), []) and not callable(p.default):
                extra.append(f"default `{p.default}`")
            help_text = (p.help or "").strip()
            lines.append(f"- {flags}: {help_text}" + (f" ({'; '.join(extra)})" if extra else ""))
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def _generated(text: str) -> str | None:
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < 0:
        print(f"README.md has no {BEGIN} ... {END} markers", file=sys.stderr)
        return None
    return text[:start] + render() + text[end + len(END):]


def main() -> int:
    from generated_docs import check_or_write  # beside this script

    return check_or_write(README, _generated, "CLI reference", "cli_reference.py")


if __name__ == "__main__":
    sys.exit(main())
