"""The gold benchmark's scoring (benchmarks/gold_quality.py) on a hand-written article
ingested for real into a fresh store (no data sets, no gold files)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from floor_support import FLOOR
from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "gold_quality.py"

TEXT = (
    "US Secretary of State Marco Rubio visited El Salvador on Monday.\n\n"
    "Rubio met President Nayib Bukele in San Salvador, El Salvador.\n\n"
    "Share this article\n"
)


@pytest.fixture(scope="module")
def gold_quality():
    spec = importlib.util.spec_from_file_location("newsgraph_bench_gold", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def label(**extra):
    data = {
        "id": "page-99", "source": "page", "split": "dev", "path": "pages/page-99-test.txt",
        "entities": [
            {"name": "Marco Rubio", "type": "Person", "surface": ["Marco Rubio", "Rubio"]},
            {"name": "Nayib Bukele", "type": "Person", "surface": ["Nayib Bukele", "Bukele"]},
            {"name": "El Salvador", "type": "Country", "surface": ["El Salvador"]},
            {"name": "United States", "type": "Country", "surface": ["US"]},
            {"name": "San Salvador", "type": "Location", "surface": ["San Salvador"]},
        ],
        "relations": [
            {"head": "Marco Rubio", "type": "VISITED", "tail": "El Salvador", "sentence": "Rubio visited El Salvador"},
            {"head": "Nayib Bukele", "type": "MET_WITH", "tail": "Marco Rubio", "sentence": "Rubio met President Nayib Bukele"},
            {"head": "Marco Rubio", "type": "HOLDS_ROLE", "tail": ["United States", "El Salvador"],
             "sentence": "US Secretary of State Marco Rubio"},
            {"head": "San Salvador", "type": "LOCATED_IN", "tail": "El Salvador", "sentence": "San Salvador, El Salvador"},
            {"head": "Nayib Bukele", "type": "HOLDS_ROLE", "tail": "El Salvador", "sentence": "President Nayib Bukele"},
        ],
        "furniture": ["Share this article"],
    }
    data.update(extra)
    return data


def test_gold_article_scored_from_a_real_store(gold_quality, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "page-99-test.txt").write_text(TEXT, "utf-8")
    gold = gold_quality.GoldArticle.from_json(label())
    res = gold_quality.ingest_article(gold, None, tmp_path, None)
    assert res is not None and not gold.problems
    rel = gold_quality.relation_summary([res])
    # Shown = the edges at the default floor; the 0.5 view (tests/floor_support.py) holds these.
    assert res.shown == [e for e in res.edges if e.confidence >= DEFAULT_MIN_CONFIDENCE]
    confident = {(e.type, e.right) for e in res.edges if e.confidence >= FLOOR}
    # MET_WITH is symmetric: the gold's Bukele → Rubio matches Rubio → Bukele.
    assert ("MET_WITH", True) in confident and ("VISITED", True) in confident
    assert rel["right"] == sum(e.right for e in res.shown)
    assert rel["found"] == len(res.found) and rel["gold"] == 5
    ent = gold_quality.entity_summary([res])
    assert ent["gold_entities"] == 5 and ent["wrong_merges"] == 0
    assert ent["recall"] == len({g for n in res.nodes for g in n.gold}) / 5


def test_merges_duplicates_and_junk_are_counted(gold_quality):
    gold = gold_quality.GoldArticle.from_json(label(excluded=[{"name": "Oscar", "why": "award"}]))
    Node = gold_quality.Node
    nodes = [
        Node("a", "Marco Rubio", "Person", ["Marco Rubio"], set()),
        Node("b", "Rubio", "Person", ["Rubio"], set()),  # duplicate of Marco Rubio
        Node("c", "Bukele", "Organization", ["Bukele", "El Salvador"], set()),  # merge, wrong type
        Node("d", "Oscar", "Person", ["Oscar"], set()),  # excluded name
        Node("e", "Share", "Person", ["Share"], set()),  # furniture
    ]
    for n in nodes:
        n.gold = gold.matching(n.names)
    res = gold_quality.ArticleResult("page-99", nodes, [], [], set(), gold)
    ent = gold_quality.entity_summary([res])
    assert ent["duplicate_nodes"] == 1 and ent["wrong_merges"] == 1 and ent["wrong_types"] == 1
    assert ent["junk_nodes"] == 2 and ent["excluded_junk_nodes"] == 1 and ent["furniture_junk_nodes"] == 1
    assert ent["precision"] == 3 / 5


def test_relation_needs_type_direction_and_listed_tail(gold_quality):
    gold = gold_quality.GoldArticle.from_json(label())
    rubio, bukele, slv, usa = 0, 1, 2, 3
    assert gold.relation_right({rubio}, "HOLDS_ROLE", {usa})  # one of the listed tails
    assert gold.relation_right({rubio}, "HOLDS_ROLE", {slv})
    assert not gold.relation_right({slv}, "VISITED", {rubio})  # direction
    assert gold.relation_right({rubio}, "MET_WITH", {bukele})  # symmetric
    assert not gold.relation_right({rubio}, "INTERACTED_WITH", {bukele})  # the catch-all is never right


def test_reliability_and_wilson(gold_quality):
    table = gold_quality.reliability([(0.95, True), (0.95, True), (0.15, False), (0.15, True)])
    assert table["relations"] == 4 and len(table["bins"]) == 2
    # |1 - 0.95| * 2/4 + |0.5 - 0.15| * 2/4
    assert table["ece"] == pytest.approx(0.05 * 0.5 + 0.35 * 0.5, abs=1e-4)
    low, high = gold_quality.wilson(9, 10)
    assert 0.59 < low < 0.6 and 0.98 < high < 0.99


def test_test68_is_the_test_split_before_the_added_pages(gold_quality, tmp_path):
    # The splits' history: `--split test68` keeps the earlier test articles (BBC and pages
    # before page-407) and leaves out the pages session 16 added, and every other split.
    (tmp_path / "labels").mkdir()
    splits = {"bbc-tech-001": "test", "page-02": "test", "page-406": "test", "page-407": "test",
              "page-420": "test", "page-50": "dev", "page-408": "calibration"}
    (tmp_path / "splits.json").write_text(json.dumps(splits), "utf-8")
    for article_id, split in splits.items():
        (tmp_path / "labels" / f"{article_id}.json").write_text(json.dumps(label(id=article_id, split=split)), "utf-8")
    ids = lambda split: sorted(a.id for a in gold_quality.load_gold(tmp_path, split)[0])
    assert ids("test68") == ["bbc-tech-001", "page-02", "page-406"]
    assert ids("test") == ["bbc-tech-001", "page-02", "page-406", "page-407", "page-420"]
