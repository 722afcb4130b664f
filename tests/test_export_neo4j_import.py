"""The CSV export goes through the real ``neo4j-admin database import full``.

The command is Neo4j's own (org.neo4j.cli.AdminTool from neo4j-command-line and
neo4j-import-tool 5.26), run from the jars of the Neo4j test server's build
(scripts/neo4j-test-server build). Skipped with the reason when Java or that build is
missing; required when NEWSGRAPH_REQUIRE_NEO4J=1 (CI).
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from export_fixtures import make_store
from newsgraph.exports import export

REPO = Path(__file__).resolve().parent.parent


def _unavailable(reason: str) -> None:
    if os.environ.get("NEWSGRAPH_REQUIRE_NEO4J") == "1":
        pytest.fail(f"NEWSGRAPH_REQUIRE_NEO4J=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def neo4j_lib() -> Path:
    if shutil.which("java") is None or shutil.which("mvn") is None:
        _unavailable("java or mvn is not installed (neo4j-admin import needs the Neo4j test server's jars)")
    proc = subprocess.run([str(REPO / "scripts" / "neo4j-test-server"), "build"], capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        _unavailable(f"the Neo4j test server could not be built: {proc.stderr.strip()[-500:]}")
    cache = Path(os.environ.get("NEO4J_TEST_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsgraph-neo4j")
    builds = sorted((p.parent for p in cache.glob("*/.complete")), key=lambda p: (p / ".complete").stat().st_mtime)
    libs = [b / "lib" for b in builds if list((b / "lib").glob("neo4j-import-tool-*.jar"))]
    if not libs:
        _unavailable(f"no neo4j-import-tool jar under {cache}")
    return libs[-1]


def _properties(path: Path, structural: set[str]) -> int:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return sum(1 for row in rows for k, v in row.items() if k not in structural and v != "")


def test_neo4j_admin_imports_the_csv(neo4j_lib, tmp_path):
    store = make_store(tmp_path / "ng.db")
    result = export(store, "csv", tmp_path / "csv")
    store.close()
    home = tmp_path / "neo4j-home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("")
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    proc = subprocess.run(
        ["java", "-Xmx256m", "-cp", f"{neo4j_lib}/*", "org.neo4j.cli.AdminTool", "database", "import", "full", "neo4j",
         f"--nodes={tmp_path / 'csv' / 'nodes.csv'}", f"--relationships={tmp_path / 'csv' / 'relationships.csv'}"],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,  # import.report lands here
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    found = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships\s+(\d+) properties", proc.stdout)
    assert found, proc.stdout[-2000:]
    nodes, relationships, properties = map(int, found.groups())
    assert (nodes, relationships) == (result.nodes, result.edges) == (6, 7)
    # Every non-empty cell became a property: nothing dropped by a header or type slip.
    expected = _properties(tmp_path / "csv" / "nodes.csv", {":LABEL"}) + _properties(
        tmp_path / "csv" / "relationships.csv", {":START_ID", ":END_ID", ":TYPE"}
    )
    assert properties == expected
