"""Gephi's own importers (gephi-toolkit 0.10.1, headless) open our GraphML and GEXF.

Runs ``scripts/gephi-check/run`` (Java + Maven; the first run fetches the toolkit from
Maven Central into a cache). Skipped with the reason when Java or Maven is missing or
the toolkit cannot be fetched, unless NEWSGRAPH_REQUIRE_GEPHI=1, which turns that into
a failure (CI sets it).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from export_fixtures import GEPHI_CHECK, gephi_check_lib, make_store
from newsgraph.exports import export, gexf, graphml

@pytest.fixture(scope="module")
def gephi_ready() -> None:
    gephi_check_lib()


def _gephi(*paths: Path) -> list[dict]:
    proc = subprocess.run([str(GEPHI_CHECK), *map(str, paths)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _columns(report: dict) -> set[str]:
    return {c["title"] for c in report}


def test_gephi_imports_graphml_and_gexf(gephi_ready, tmp_path):
    store = make_store(tmp_path / "ng.db")
    weights = store.conn.execute("SELECT sum(weight) FROM relations").fetchone()[0]
    types = {r[0] for r in store.conn.execute("SELECT DISTINCT type FROM relations")}
    files = {}
    for fmt, parallel in (("graphml", "merge"), ("graphml", "keep"), ("gexf", "keep"), ("gexf", "merge")):
        files[fmt, parallel] = tmp_path / f"{parallel}.{fmt}"
        export(store, fmt, files[fmt, parallel], parallel=parallel)
    store.close()
    reports = {key: r for key, r in zip(files, _gephi(*files.values()))}

    node_columns = {name for domain, name, _ in graphml.KEYS if domain == "node"} - {"label"}
    edge_columns = {name for domain, name, _ in graphml.KEYS if domain == "edge"} - {"label", "weight"}

    merged = reports["graphml", "merge"]
    assert (merged["nodes"], merged["edges"]) == (6, 6)
    assert merged["issues"] == []
    assert _columns(merged["node_columns"]) == node_columns
    assert _columns(merged["edge_columns"]) == edge_columns | {name for _, name, _ in graphml.MERGE_KEYS}
    assert merged["unlabelled_nodes"] == merged["unlabelled_edges"] == 0
    assert merged["weight_sum"] == weights

    # Gephi merges parallel GraphML edges itself (the reason merge is our default): 7 in, 6 kept.
    kept = reports["graphml", "keep"]
    assert (kept["nodes"], kept["edges"]) == (6, 6)
    assert {i["level"] for i in kept["issues"]} == {"INFO"}

    timeline = reports["gexf", "keep"]
    assert (timeline["nodes"], timeline["edges"]) == (6, 7)  # kinds keep parallel edges apart
    assert {i["level"] for i in timeline["issues"]} <= {"INFO"}
    assert types <= set(timeline["edge_types"])
    assert timeline["dynamic"] is True and None not in timeline["time_bounds"]
    assert _columns(timeline["node_columns"]) == {name for name, _ in gexf.ATTRIBUTES["node"]}
    assert _columns(timeline["edge_columns"]) == {name for name, _ in gexf.ATTRIBUTES["edge"]}
    assert timeline["weight_sum"] == weights
    assert timeline["unlabelled_nodes"] == 0

    assert (reports["gexf", "merge"]["nodes"], reports["gexf", "merge"]["edges"]) == (6, 6)
    # The analyst's mark and the relation id are typed columns in Gephi (issue 15), in both formats.
    for key in files:
        typed = {c["title"]: c["type"] for c in reports[key]["edge_columns"]}
        assert (typed["confirmed"], typed["relation_id"]) == ("Boolean", "Long"), key
