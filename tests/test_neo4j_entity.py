"""`entity NAME --neo4j URI` gives the same card as the embedded store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from neo4j_support import _neo4j_first, _neo4j_samples_master, neo4j_server, samples_db  # noqa: F401
from newsgraph.cli import app
from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE
from newsgraph.graph.neo4j_sync import push
from newsgraph.graph.store import Store

pytestmark = pytest.mark.neo4j


@pytest.fixture
def pushed(samples_db, neo4j_server) -> str:
    store = Store(samples_db)
    push(store, neo4j_server)
    store.close()
    return neo4j_server


def _both(db, uri, *args: str):
    runner = CliRunner()
    embedded = runner.invoke(app, ["entity", *args, "--db", str(db)])
    remote = runner.invoke(app, ["entity", *args, "--neo4j", uri])
    return embedded, remote


def test_every_card_is_the_same(samples_db, pushed):
    store = Store(samples_db)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM entities")]
    store.close()
    assert len(ids) > 5
    with_connections = 0
    for eid in ids:
        embedded, remote = _both(samples_db, pushed, eid, "--json")
        assert embedded.exit_code == 0 and remote.exit_code == 0, remote.stderr
        card = json.loads(embedded.stdout)
        assert json.loads(remote.stdout) == card, eid
        with_connections += bool(card["connections"])
    assert with_connections > 5


@pytest.mark.parametrize("name", ["Rubio", "marco rubio", "the United States", "US", "BUKELE"])
def test_lookup_by_surname_alias_and_case(samples_db, pushed, name):
    embedded, remote = _both(samples_db, pushed, name, "--json")
    assert embedded.exit_code == 0, embedded.stderr
    assert remote.exit_code == 0, remote.stderr
    assert json.loads(remote.stdout) == json.loads(embedded.stdout)


def test_table_output_is_the_same(samples_db, pushed):
    """The same card; only the store's can say how many weaker relations it holds below the
    floor (Neo4j holds what the push wrote: nothing below it)."""
    embedded, remote = _both(samples_db, pushed, "Marco Rubio")
    assert remote.exit_code == 0
    card, hint = embedded.stdout.rsplit("\n\n", 1)
    assert hint.endswith("below confidence " + f"{DEFAULT_MIN_CONFIDENCE:g}: --min-confidence 0 shows them\n")
    assert remote.stdout == card + "\n"


def test_unknown_entity_same_error(samples_db, pushed):
    embedded, remote = _both(samples_db, pushed, "Atlantis")
    assert remote.exit_code == embedded.exit_code == 1
    assert remote.stdout == ""
    assert remote.stderr.startswith("Error: [NG201] No entity matches 'Atlantis'.")
    assert remote.stderr == embedded.stderr
