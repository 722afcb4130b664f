"""Read commands start without the heavy libraries (issue 16, "fast start"). The time is
measured by benchmarks/startup.py, never here; this checks the imports that cost it."""

import subprocess
import sys

import pytest

from queries_sample import build_sample_store

pytestmark = pytest.mark.issue(16)

HEAVY = ("spacy", "thinc", "networkx", "kglite", "neo4j", "fastapi", "uvicorn", "starlette", "numpy", "scipy", "lxml",
         "pandas", "pyspark", "warcio", "rich.progress",
         "pydantic")  # pydantic: typer's conversion, skipped for plain values (newsgraph/cli_coerce.py); rapidfuzz is search's own work


def _loaded_after(code: str, watched: tuple[str, ...] = HEAVY) -> set[str]:
    probe = (
        "import os, sys\n"
        f"{code}\n"
        f"print(' '.join(sorted(m for m in {watched!r} if m in sys.modules)), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(proc.stderr.split())


def test_importing_the_cli_loads_no_heavy_library():
    assert _loaded_after("import newsgraph.cli") == set()


@pytest.mark.parametrize(
    "args",
    [["entity", "Rubio", "--json"], ["connections", "Rubio", "--json"], ["search", "Rubio", "--json"], ["stats", "--json"],
     ["entities", "--json"], ["path", "Rubio", "Bukele", "--json"]],
)
def test_read_commands_run_without_heavy_libraries(tmp_path, args):
    db = build_sample_store(tmp_path / "ng.db")
    run = (
        "from newsgraph.cli import app\n"
        "sys.stdout = open(os.devnull, 'w')\n"
        f"try:\n    app({[*args, '--db', str(db)]!r})\n"
        "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
    )
    assert _loaded_after(run) == set()


# Lighter, but paid by every run when loaded eagerly: rich (only for a table printed),
# multiprocessing (ingest's workers), webbrowser (show, serve).
RENDERING_AND_WORKERS = ("rich", "multiprocessing", "webbrowser")


def test_a_json_read_loads_neither_rich_nor_the_worker_pool(tmp_path):
    db = build_sample_store(tmp_path / "ng.db")
    run = (
        "from newsgraph.cli import app\n"
        "sys.stdout = open(os.devnull, 'w')\n"
        f"try:\n    app({['entity', 'Rubio', '--json', '--db', str(db)]!r})\n"
        "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
    )
    assert _loaded_after(run, RENDERING_AND_WORKERS) == set()
    assert _loaded_after("import rich.table", RENDERING_AND_WORKERS) == {"rich"}  # the probe can see them


def test_the_probe_sees_a_heavy_import():
    # the check above could not pass by looking in the wrong place
    assert _loaded_after("import networkx") == {"networkx"}


def test_a_read_command_imports_no_other_command_module(tmp_path):
    # The top-level group builds the command invoked alone (newsgraph/cli_lazy.py): `entity`
    # loads newsgraph.cli (where it is defined), not the modules of the other commands.
    db = build_sample_store(tmp_path / "ng.db")
    others = ("newsgraph.cli_show", "newsgraph.cli_queries", "newsgraph.cli_export", "newsgraph.cli_neo4j",
              "newsgraph.cli_curation", "newsgraph.cli_serve")
    run = (
        "from newsgraph.cli import app\n"
        "sys.stdout = open(os.devnull, 'w')\n"
        f"try:\n    app({['entity', 'Rubio', '--json', '--db', str(db)]!r})\n"
        "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
    )
    assert _loaded_after(run, others) == set()
    # the probe can see them: `connections` lives in cli_queries
    run_connections = run.replace("'entity'", "'connections'")
    assert _loaded_after(run_connections, others) == {"newsgraph.cli_queries"}
