"""Help, version and import hygiene of the command line (issue 16)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

pytestmark = pytest.mark.issue(16)


def test_short_help_and_version():
    runner = CliRunner()
    short = runner.invoke(app, ["-h"])
    assert short.exit_code == 0 and "Commands" in short.output
    assert runner.invoke(app, ["neo4j", "push", "-h"]).exit_code == 0
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0
    assert version.output.strip() == f"newsgraph {__import__('newsgraph').__version__}"


def test_bracketed_defaults_stay_in_help():
    # rich markup ate "[default: bolt://localhost:7687]" and left "Bolt URI ."
    out = CliRunner().invoke(app, ["neo4j", "push", "--help"], terminal_width=200).output
    assert "bolt://localhost:7687" in out and "the server's default" in out


def test_leaf_modules_do_not_load_the_facade():
    code = (
        "import sys, newsgraph.graph.model, newsgraph.errors; "
        "print(any(m in sys.modules for m in ('newsgraph.kg', 'newsgraph.graph.store', 'spacy')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
