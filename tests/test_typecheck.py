"""scripts/typecheck resolves imports between the stage folders (newsgraph.graph,
newsgraph.extract, ...) and so catches a wrong type across them, which mypy over the bare
folders let pass behind ignore_missing_imports (issue 16)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.issue(16)


def test_a_wrong_type_across_stages_fails_the_check(tmp_path):
    env = {**os.environ, "NEWSGRAPH_MYPY_TREE": str(tmp_path / "tree"), "PYTHON": sys.executable}
    proc = subprocess.run(
        ["bash", str(REPO / "scripts" / "typecheck"), str(REPO / "tests" / "data" / "typecheck_probe.py")],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert 'Incompatible types in assignment (expression has type "Store", variable has type "int")' in proc.stdout
    # The only error is the probe's: the package itself checks clean.
    assert "Found 1 error in 1 file" in proc.stdout, proc.stdout


def test_a_misspelt_key_of_a_facade_result_fails_the_check(tmp_path):
    env = {**os.environ, "NEWSGRAPH_MYPY_TREE": str(tmp_path / "tree"), "PYTHON": sys.executable}
    proc = subprocess.run(
        ["bash", str(REPO / "scripts" / "typecheck"), str(REPO / "tests" / "data" / "typed_results_probe.py")],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert 'TypedDict "EntityCard" has no key "mentons"' in proc.stdout, proc.stdout
    assert "Found 1 error in 1 file" in proc.stdout, proc.stdout


def test_misspelt_keys_of_the_query_results_fail_the_check(tmp_path):
    env = {**os.environ, "NEWSGRAPH_MYPY_TREE": str(tmp_path / "tree"), "PYTHON": sys.executable}
    proc = subprocess.run(
        ["bash", str(REPO / "scripts" / "typecheck"), str(REPO / "tests" / "data" / "typed_queries_probe.py")],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    for typed, key in (("Connections", "conections"), ("PathHop", "form"), ("RankedEntity", "scor"), ("CypherResult", "column")):
        assert f'TypedDict "{typed}" has no key "{key}"' in proc.stdout, proc.stdout
    assert "Found 4 errors in 1 file" in proc.stdout, proc.stdout
