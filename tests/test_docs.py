"""Every command has help text and a README entry; the generated CLI reference is current."""

import subprocess
import sys
from pathlib import Path

import typer

from newsgraph.cli import app

REPO = Path(__file__).resolve().parent.parent


def _command_paths(group, prefix="newsgraph"):
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            yield from _command_paths(cmd, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", cmd


def test_every_command_has_help_and_a_readme_entry():
    readme = (REPO / "README.md").read_text("utf-8")
    paths = list(_command_paths(typer.main.get_command(app)))
    assert len(paths) >= 12
    for path, cmd in paths:
        assert (cmd.help or "").strip(), f"{path} has no help text"
        assert f"### `{path}`" in readme, f"{path} is missing from the README's CLI reference"


def test_cli_reference_is_current():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "cli_reference.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
