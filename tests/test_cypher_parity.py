"""The embedded engine answers as Neo4j does, or refuses: every query of
``cypher_parity_queries.QUERIES`` run on the embedded graph of the bundled examples and on
the same store pushed to the real Neo4j test server, rows compared (multisets unless the
query orders them; lists as multisets unless the entry says their order matters; numbers
within 1e-6). Entries marked ``refused`` must be refused with a coded error (and run in
Neo4j). A few CLI runs check the same through ``newsgraph cypher``.

Every upgrade of the engine (queries/cypher/engine.py's pin) is gated by this suite.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from typer.testing import CliRunner

from cypher_parity_queries import QUERIES
from neo4j_support import _neo4j_samples_master, neo4j_uri, wipe  # noqa: F401
from newsgraph.cli import app
from newsgraph.errors import NewsgraphError
from newsgraph.graph.neo4j_sync import push
from newsgraph.graph.store import Store
from newsgraph.queries.cypher.neo4j import run_cypher as run_neo4j
from newsgraph.queries.cypher.run import run_cypher as run_embedded

pytestmark = [pytest.mark.neo4j, pytest.mark.issue(13)]


@pytest.fixture(scope="module")
def pushed(_neo4j_samples_master, tmp_path_factory):  # noqa: F811
    uri = neo4j_uri()
    db = tmp_path_factory.mktemp("parity") / "ng.db"
    db.write_bytes(_neo4j_samples_master.read_bytes())
    wipe(uri)
    store = Store(db)
    push(store, uri, min_confidence=0.0)  # the whole graph on both sides: every relation type is compared
    yield store, uri
    store.close()


def _norm(value: Any, ordered: bool) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return ("v", value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return ("nan",)
        return ("n", round(float(value), 6))
    if isinstance(value, dict):
        return ("m", tuple(sorted((k, _norm(v, ordered)) for k, v in value.items())))
    if isinstance(value, list):
        items = [_norm(v, ordered) for v in value]
        return ("l", tuple(items) if ordered else tuple(sorted(items, key=repr)))
    return ("?", repr(value))


def _ordered(query: str) -> bool:
    """Whether the final RETURN orders its rows (an ORDER BY after the last RETURN)."""
    upper = query.upper()
    return "ORDER BY" in upper[upper.rfind("RETURN"):]


def comparable(result: dict[str, Any], query: str, ordered_lists: bool) -> tuple[list[str], Any]:
    rows = [tuple(_norm(row[c], ordered_lists) for c in result["columns"]) for row in result["rows"]]
    return result["columns"], rows if _ordered(query) else sorted(rows, key=repr)


@pytest.mark.parametrize("query, params, options", QUERIES, ids=[f"q{i:03d}" for i in range(len(QUERIES))])
def test_same_rows_as_neo4j_or_refused(pushed, query, params, options):
    store, uri = pushed
    if options.get("refused"):
        with pytest.raises(NewsgraphError) as refused:
            run_embedded(store, query, params, min_confidence=0.0)
        assert refused.value.code in ("NG402", "NG401"), str(refused.value)
        assert "\n" not in str(refused.value) and "--neo4j" in str(refused.value)
        return
    expected = run_neo4j(uri, query, params)
    got = run_embedded(store, query, params, min_confidence=0.0)
    ordered_lists = options.get("ordered_lists", False)
    assert comparable(got, query, ordered_lists) == comparable(expected, query, ordered_lists)


def test_suite_size():
    """Issue 13 asks for at least 150 queries."""
    assert len(QUERIES) >= 150


@pytest.mark.parametrize(
    "query, params",
    [
        ("MATCH (p:Person)-[r:VISITED]->(c:Country) RETURN p.name, c.name AS country, r.weight ORDER BY country, p.name", []),
        ("MATCH (p:Person {name: $name})-[r]->(o) RETURN type(r) AS rel, o.name AS other ORDER BY rel, other", ["--param", "name=Marco Rubio"]),
        ("MATCH (n:Country {iso3: 'SLV'}) RETURN n", []),
        ("MATCH p = (a:Person {name: 'Marco Rubio'})-[:VISITED]->(c) RETURN p ORDER BY c.name", []),
        ("MATCH (a:Person)-[r:MET_WITH]->(b) RETURN * ORDER BY a.name, b.name", []),
    ],
)
def test_cli_json_is_the_same_on_both_backends(pushed, query, params):
    store, uri = pushed
    runner = CliRunner()
    embedded = runner.invoke(app, ["cypher", query, "--db", str(store.path), "--min-confidence", "0", "--json", *params])
    remote = runner.invoke(app, ["cypher", query, "--neo4j", uri, "--json", *params])
    assert embedded.exit_code == 0, embedded.stderr
    assert remote.exit_code == 0, remote.stderr
    assert json.loads(embedded.stdout) == json.loads(remote.stdout)
