"""Every format on the bundled examples (real spaCy model, real store), read back by
independent readers and compared with the store."""

from __future__ import annotations

import csv
import json

import igraph
import networkx as nx
from lxml import etree
from typer.testing import CliRunner

from newsgraph.cli import app
from floor_support import FLOOR, FLOOR_ARGS
from newsgraph.graph.store import Store


def _store_facts(db) -> tuple[set[str], dict[tuple[str, str, str], int]]:
    store = Store(db)
    try:
        nodes = {r[0] for r in store.conn.execute("SELECT id FROM entities")}
        rels = {(r[0], r[1], r[2]): r[3] for r in store.conn.execute("SELECT head, tail, type, weight FROM relations")}
    finally:
        store.close()
    return nodes, rels


def export(db, fmt, out, *extra):
    result = CliRunner().invoke(app, ["export", fmt, "-o", str(out), "--db", str(db), *extra])
    assert result.exit_code == 0, result.stderr
    return result


def test_every_format_round_trips_the_examples(examples_db, tmp_path):
    nodes, rels = _store_facts(examples_db)
    assert len(rels) > 10

    # --min-confidence 0: every relation the store holds round-trips (issue 12's default hides the weak ones).
    export(examples_db, "graphml", tmp_path / "keep.graphml", "--parallel", "keep", "--min-confidence", "0")
    g = nx.read_graphml(tmp_path / "keep.graphml", force_multigraph=True)
    assert set(g.nodes) == nodes
    assert {(u, v, d["type"]): d["weight"] for u, v, d in g.edges(data=True)} == rels
    ig = igraph.Graph.Read_GraphML(str(tmp_path / "keep.graphml"))
    assert (ig.vcount(), ig.ecount()) == (len(nodes), len(rels))
    assert all(ig.vs["label"]) and all(ig.es["label"])

    export(examples_db, "graphml", tmp_path / "merge.graphml", "--min-confidence", "0")
    merged = nx.read_graphml(tmp_path / "merge.graphml", force_multigraph=True)
    assert merged.number_of_edges() == len({(h, t) for h, t, _ in rels})
    assert sum(d["weight"] for *_, d in merged.edges(data=True)) == sum(rels.values())
    etree.parse(str(tmp_path / "merge.graphml"))

    export(examples_db, "gexf", tmp_path / "g.gexf", "--min-confidence", "0")
    gx = nx.read_gexf(tmp_path / "g.gexf")
    assert set(gx.nodes) == nodes
    assert {(u, v, d["label"]): d["weight"] for u, v, d in gx.edges(data=True)} == rels
    assert all("viz" in d for _, d in gx.nodes(data=True))
    # Only dated articles date a node: the four .txt examples give no date (issue 12).
    assert 0 < sum("start" in d for _, d in gx.nodes(data=True)) < len(nodes)

    export(examples_db, "csv", tmp_path / "csv", "--min-confidence", "0")
    with open(tmp_path / "csv" / "relationships.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {(r[":START_ID"], r[":END_ID"], r[":TYPE"]): int(r["weight:int"]) for r in rows} == rels

    export(examples_db, "json", tmp_path / "g.json", "--min-confidence", "0")
    gj = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text()), edges="edges")
    assert set(gj.nodes) == nodes
    assert all(d["evidence"] for *_, d in gj.edges(data=True))


def test_ego_network_of_rubio(examples_db, tmp_path):
    export(examples_db, "graphml", tmp_path / "rubio.graphml", "--ego", "Rubio", "--depth", "1", "--no-cooccurrence", *FLOOR_ARGS)
    g = nx.read_graphml(tmp_path / "rubio.graphml", force_multigraph=True)
    store = Store(examples_db)
    rubio = "person:marco-rubio"
    neighbours = {
        r[0] for r in store.conn.execute(
            "SELECT CASE WHEN head = ? THEN tail ELSE head END FROM relations "
            "WHERE (head = ? OR tail = ?) AND type != 'CO_OCCURS_WITH' AND confidence >= ?",
            (rubio, rubio, rubio, FLOOR))
    }
    store.close()
    assert len(neighbours) >= 3
    assert set(g.nodes) == neighbours | {rubio}
    assert all("CO_OCCURS_WITH" not in d["types"] for *_, d in g.edges(data=True))
    assert g.nodes["person:marco-rubio"]["label"] == "Marco Rubio"
