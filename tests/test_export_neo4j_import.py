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

from collections import Counter

from export_fixtures import bylined_document, make_store
from neo4j_support import counts, neo4j_server, push_db  # noqa: F401
from newsgraph.exports import export
from newsgraph.graph import corrections

REPO = Path(__file__).resolve().parent.parent
NODE_FILES = ("nodes.csv", "documents.csv")
RELATIONSHIP_FILES = ("relationships.csv", "mentions.csv", "bylines.csv")


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
    # An analyst's confirmation (issue 15): its typed cell must become a property as well.
    first = store.conn.execute("SELECT min(id) FROM relations").fetchone()[0]
    corrections.apply_correction(store.conn, "confirm", corrections.relation_args(store.conn, first))
    result = export(store, "csv", tmp_path / "csv")
    store.close()
    home = tmp_path / "neo4j-home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("")
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    proc = subprocess.run(
        ["java", "-Xmx256m", "-cp", f"{neo4j_lib}/*", "org.neo4j.cli.AdminTool", "database", "import", "full", "neo4j",
         *(f"--nodes={tmp_path / 'csv' / name}" for name in NODE_FILES),
         *(f"--relationships={tmp_path / 'csv' / name}" for name in RELATIONSHIP_FILES)],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,  # import.report lands here
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    found = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships\s+(\d+) properties", proc.stdout)
    assert found, proc.stdout[-2000:]
    nodes, relationships, properties = map(int, found.groups())
    assert (result.nodes, result.edges) == (6, 7)
    imported = _csv_counts(tmp_path / "csv")
    assert nodes == imported["labels"]["Entity"] + imported["labels"]["Document"]
    assert relationships == sum(imported["types"].values())
    # Every non-empty cell became a property: nothing dropped by a header or type slip.
    expected = sum(_properties(tmp_path / "csv" / name, {":LABEL"}) for name in NODE_FILES) + sum(
        _properties(tmp_path / "csv" / name, {":START_ID", ":END_ID", ":TYPE"}) for name in RELATIONSHIP_FILES
    )
    assert properties == expected
    with open(tmp_path / "csv" / "relationships.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["relation_id:long"] for r in rows if r["confirmed:boolean"] == "true"] == [str(first)]


def _csv_counts(folder: Path) -> dict[str, Counter[str]]:
    """Nodes per label and relationships per type that an import of ``folder`` creates."""
    labels: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for name in NODE_FILES:
        with open(folder / name, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                labels.update(row[":LABEL"].split(";"))
    for name in RELATIONSHIP_FILES:
        with open(folder / name, newline="", encoding="utf-8") as fh:
            types.update(row[":TYPE"] for row in csv.DictReader(fh))
    return {"labels": labels, "types": types}


@pytest.mark.neo4j
@pytest.mark.issue(16)
def test_admin_import_equals_a_push(neo4j_server, tmp_path):  # noqa: F811
    """The CSV set holds what a push writes: the same labels (Document included) and
    relationship types (MENTIONS and WRITTEN_BY included), in the same numbers."""
    uri = neo4j_server
    store = make_store(tmp_path / "ng.db")
    store.add_documents([bylined_document()])  # WRITTEN_BY too (issue 18)
    export(store, "csv", tmp_path / "csv")
    store.close()
    push_db(tmp_path / "ng.db", uri, min_confidence=0.0)  # the export below has no floor either
    pushed = counts(uri)
    imported = _csv_counts(tmp_path / "csv")
    assert imported["labels"]["Document"] > 0 and imported["types"]["MENTIONS"] > 0
    assert imported["types"]["WRITTEN_BY"] == 2
    assert dict(imported["labels"]) == pushed["labels"]
    assert dict(imported["types"]) == pushed["types"]
