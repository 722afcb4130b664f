"""The README's Cypher examples give the rows it documents, on the bundled samples."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE

README = Path(__file__).resolve().parent.parent / "README.md"
EXAMPLE = re.compile(r"<!-- cypher-example -->\s*```cypher\n(.*?)```\s*```json\n(.*?)```", re.DOTALL)


def examples():
    found = EXAMPLE.findall(README.read_text(encoding="utf-8"))
    assert len(found) >= 4
    return found


@pytest.mark.parametrize("query, expected", examples())
def test_readme_cypher_example(examples_db, query, expected):
    params = []
    for line in query.splitlines():
        m = re.match(r"\s*//\s*--param\s+(.*)$", line)
        if m:
            params += ["--param", m.group(1).strip()]
    result = CliRunner().invoke(app, ["cypher", query, "--db", str(examples_db), "--json", *params])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(expected), "README rows stale: run python scripts/readme_cypher.py"


@pytest.mark.issue(12)
def test_the_default_floor_the_prose_names_is_the_constant():
    """scripts/readme_cypher.py writes DEFAULT_MIN_CONFIDENCE before each
    ``<!-- default-floor -->`` mark (the examples' rows above are checked by running them)."""
    marks = re.findall(r"(\d+(?:\.\d+)?)<!-- default-floor -->", README.read_text(encoding="utf-8"))
    assert len(marks) >= 3 and {float(m) for m in marks} == {DEFAULT_MIN_CONFIDENCE}, marks
