"""The ego network behind `newsgraph show`, and the page it writes (no browser here;
see test_show_browser.py for the drawing itself)."""

from __future__ import annotations

import json
import re
import webbrowser
from pathlib import Path

import pytest

from floor_support import FLOOR
from newsgraph import KnowledgeGraph
from newsgraph.errors import ShowWriteError, UnknownEntity, UnknownValue
from newsgraph.show import PAGE_ERRORS_JS, EgoOptions, _static, ego_network, open_in_browser, page_data, render_html, write_show

RUBIO = "person:marco-rubio"


def ego_ids(db: Path, **opts) -> set[str]:
    opts.setdefault("include_cooccurrence", True)
    opts.setdefault("min_confidence", FLOOR)  # the hand-made store's relations are at 0.6, co-occurrence 0.2
    with KnowledgeGraph.open(db) as kg:
        return set(ego_network(kg, "Rubio", EgoOptions(**opts)).graph.nodes)


def test_depth_one_is_direct_neighbours(show_db):
    assert ego_ids(show_db) == {RUBIO, "country:SLV", "person:nayib-bukele", "country:USA", "location:san-salvador"}


def test_each_hop_adds_the_next_ring_and_isolated_entities_never_come(show_db):
    two = ego_ids(show_db, depth=2)
    three = ego_ids(show_db, depth=3)
    assert two - ego_ids(show_db) == {"org:state-department"}
    assert three - two == {"group:salvadorans"}
    assert "person:lonely-person" not in ego_ids(show_db, depth=4)


def test_hops_and_edges_among_the_kept_entities(show_db):
    with KnowledgeGraph.open(show_db) as kg:
        ego = ego_network(kg, "Rubio", EgoOptions(min_confidence=FLOOR, depth=2, include_cooccurrence=True))
    assert ego.hops == {
        RUBIO: 0, "country:SLV": 1, "person:nayib-bukele": 1, "country:USA": 1, "location:san-salvador": 1,
        "org:state-department": 2,
    }
    assert sorted((h, t, k) for h, t, k in ego.graph.edges(keys=True)) == sorted([
        (RUBIO, "country:SLV", "VISITED"),
        ("country:SLV", RUBIO, "MENTIONED_WITH"),
        (RUBIO, "person:nayib-bukele", "MET_WITH"),
        (RUBIO, "country:USA", "HOLDS_ROLE"),
        ("location:san-salvador", RUBIO, "CO_OCCURS_WITH"),  # undirected: stored in id order
        ("person:nayib-bukele", "country:SLV", "LEADS"),
        ("org:state-department", "person:nayib-bukele", "EMPLOYS"),
    ])
    assert ego.graph.edges[RUBIO, "country:SLV", "VISITED"]["weight"] == 2
    assert not ego.truncated


def test_entity_type_filter_keeps_the_centre(show_db):
    assert ego_ids(show_db, entity_types=["Country"], depth=2) == {RUBIO, "country:SLV", "country:USA"}


def test_cooccurrence_is_left_out_unless_asked_for(show_db):
    with KnowledgeGraph.open(show_db) as kg:
        ego = ego_network(kg, "Rubio", EgoOptions(min_confidence=FLOOR, depth=3))
    assert "location:san-salvador" not in ego.graph and "group:salvadorans" not in ego.graph
    assert "CO_OCCURS_WITH" not in {k for _, _, k in ego.graph.edges(keys=True)}


def test_relation_filter_and_cooccurrence_switch(show_db):
    assert ego_ids(show_db, relation_types=["visited"]) == {RUBIO, "country:SLV"}
    assert "location:san-salvador" not in ego_ids(show_db, include_cooccurrence=False)
    assert ego_ids(show_db, min_weight=2) == {RUBIO, "country:SLV"}


def test_max_nodes_keeps_the_strongest_and_says_so(show_db):
    with KnowledgeGraph.open(show_db) as kg:
        ego = ego_network(kg, "Rubio", EgoOptions(min_confidence=FLOOR, max_nodes=3, depth=2))
    # El Salvador: weight 2 + 1 to Rubio; Bukele: weight 1 but 3 mentions; the rest 1 mention.
    assert set(ego.graph.nodes) == {RUBIO, "country:SLV", "person:nayib-bukele"}
    assert ego.truncated


def test_unknown_entity_and_type_are_coded_errors(show_db, tmp_path):
    with KnowledgeGraph.open(show_db) as kg:
        with pytest.raises(UnknownEntity):
            write_show(kg, "Atlantis", dest=tmp_path / "x.html")
        with pytest.raises(UnknownValue, match=r"^\[NG104\] Unknown entity type 'Planet' for --entity-type"):
            write_show(kg, "Rubio", EgoOptions(min_confidence=FLOOR, entity_types=["Planet"]), tmp_path / "x.html")
        with pytest.raises(ShowWriteError, match=r"^\[NG802\] Cannot write the page to "):
            write_show(kg, "Rubio", dest=tmp_path / "missing-dir" / "x.html")


def embedded_data(html: str) -> dict:
    match = re.search(r"var NEWSGRAPH = (.*?);\n</script>", html, re.S)
    assert match, "data script not found"
    return json.loads(match.group(1))


def test_page_data_has_evidence_with_document_titles(show_db):
    with KnowledgeGraph.open(show_db) as kg:
        opts = EgoOptions(min_confidence=FLOOR, include_cooccurrence=True)
        data = page_data(kg, ego_network(kg, "Rubio", opts), opts)
    assert data["center"] == {"id": RUBIO, "name": "Marco Rubio", "type": "Person"}
    visited = next(e for e in data["edges"] if e["type"] == "VISITED")
    assert visited["weight"] == 2 and visited["directed"]
    assert {(v["sentence"], v["title"]) for v in visited["evidence"]} == {
        ("Rubio visited El Salvador on Monday.", "Rubio lands in El Salvador"),
        ("Rubio visited El Salvador again.", "A second visit"),
    }
    assert data["documents"]["doc1"] == {
        "title": "Rubio lands in El Salvador", "date": "2025-02-01", "url": "https://example.org/rubio-lands",
        "source": "news/doc1.txt",
        # page metadata (issue 18): null where the input gave none
        "published": "2025-02-01", "modified": None, "site_name": None, "language": None,
    }
    assert set(data["documents"]) == {"doc1", "doc2"}
    co = next(e for e in data["edges"] if e["type"] == "CO_OCCURS_WITH")
    assert not co["directed"]
    rubio = data["nodes"][0]
    assert rubio["id"] == RUBIO and rubio["hop"] == 0 and rubio["mentions"] == 8 and "Rubio" in rubio["aliases"]


def test_page_is_self_contained_and_article_text_cannot_break_out(show_db, tmp_path):
    with KnowledgeGraph.open(show_db) as kg:
        result = write_show(kg, "Bukele", EgoOptions(min_confidence=FLOOR), dest=tmp_path / "b.html")
    html = result.path.read_text(encoding="utf-8")
    # Everything inline: no external scripts, styles, images or fonts.
    assert not re.search(r"<(script|img|iframe)[^>]+src=|<link\b|@import|url\(\s*['\"]?https?:", html, re.I)
    assert html.count("<script") == html.count("</script>") == 4
    assert "vis-network" in html and "@version 10.1.5" in html
    assert "<title>Nayib Bukele — newsgraph</title>" in html
    # The evidence sentence with "</script><script>alert(1)" stays data.
    assert "alert(1)</script>" not in html
    data = embedded_data(html)
    sentences = [v["sentence"] for e in data["edges"] for v in e["evidence"]]
    assert "Bukele leads El Salvador </script><script>alert(1)</script>." in sentences
    assert (result.nodes, result.edges) == (len(data["nodes"]), len(data["edges"]))


def test_render_html_inserts_each_part_once(show_db):
    with KnowledgeGraph.open(show_db) as kg:
        opts = EgoOptions(min_confidence=FLOOR)
        data = page_data(kg, ego_network(kg, "Rubio", opts), opts)
    data["nodes"][0]["name"] = "/*__VIS_NETWORK_JS__*/ /*__PAGE_ERRORS_JS__*/ __NEWSGRAPH_TITLE__"
    html = render_html(data)
    assert html.count("@version 10.1.5") == 1
    # The error catcher is the explorer's file, inlined once (one copy for both pages).
    assert html.count(_static(PAGE_ERRORS_JS)) == 1
    assert "__PAGE_ERRORS_JS__*/\n" not in html
    assert embedded_data(html)["nodes"][0]["name"] == "/*__VIS_NETWORK_JS__*/ /*__PAGE_ERRORS_JS__*/ __NEWSGRAPH_TITLE__"


class FakeBrowser:
    def __init__(self, name: str = "chromium") -> None:
        self.name = name
        self.opened: list[str] = []

    def open(self, url: str) -> bool:
        self.opened.append(url)
        return True


def test_without_dest_writes_a_temp_file_and_opens_it(show_db, monkeypatch):
    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda: browser)
    with KnowledgeGraph.open(show_db) as kg:
        result = write_show(kg, "Rubio")
    try:
        assert result.opened and browser.opened == [result.path.resolve().as_uri()]
        assert result.path.name.startswith("newsgraph-show-") and result.path.stat().st_size > 600_000
    finally:
        result.path.unlink()


def test_text_browsers_and_no_browser_do_not_count(tmp_path, monkeypatch):
    page = tmp_path / "p.html"
    page.write_text("<p>x</p>")
    lynx = FakeBrowser("w3m")
    monkeypatch.setattr(webbrowser, "get", lambda: lynx)
    assert open_in_browser(page) is False and lynx.opened == []
    from_env = FakeBrowser("/usr/bin/lynx -dump %s")
    monkeypatch.setattr(webbrowser, "get", lambda: from_env)
    assert open_in_browser(page) is False and from_env.opened == []

    def none() -> None:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", none)
    assert open_in_browser(page) is False


def test_min_confidence_drops_weak_relations_from_the_drawing(examples_db):
    from newsgraph import KnowledgeGraph
    from newsgraph.show import EgoOptions, ego_network

    with KnowledgeGraph.open(examples_db) as kg:
        everything = ego_network(kg, "Rubio", EgoOptions(include_cooccurrence=True, min_confidence=0.0))
        confident = ego_network(kg, "Rubio", EgoOptions(include_cooccurrence=True, min_confidence=0.5))
    confidences = [d["confidence"] for _, _, d in everything.graph.edges(data=True)]
    assert min(confidences) < 0.5  # co-occurrence at least
    assert confident.graph.number_of_edges() < everything.graph.number_of_edges()
    assert all(d["confidence"] >= 0.5 for _, _, d in confident.graph.edges(data=True))


@pytest.mark.issue(17)
def test_a_neighbourhood_read_by_index_equals_the_whole_graph_cut_to_it(examples_db):
    """build_graph on a few entities of a store reads their relations by head (the explorer's
    every view); it must give what the whole filtered graph holds among them, in the same
    order, and evidence counts without sentences must equal those with."""
    from newsgraph import KnowledgeGraph
    from newsgraph.graph import nxview
    from newsgraph.graph.nxview import build_graph
    from newsgraph.graph.relation_filter import RelationFilter

    with KnowledgeGraph.open(examples_db, readonly=True) as kg:
        flt = RelationFilter(include_cooccurrence=True, min_confidence=0.0)
        whole = build_graph(kg.store, flt)
        checked = views = 0
        for centre in sorted(whole, key=lambda n: -whole.degree(n)):
            ids = {centre, *whole.successors(centre), *whole.predecessors(centre)}
            if not nxview._selective(kg.store, "entities", len(ids)):  # the indexed path is the one tested
                continue
            views += 1
            part = build_graph(kg.store, flt, entity_ids=ids)
            expected = [(h, t, k, d) for h, t, k, d in whole.edges(keys=True, data=True) if h in ids and t in ids]
            assert list(part.edges(keys=True, data=True)) == expected
            counts = build_graph(kg.store, flt, entity_ids=ids, evidence=False)
            assert [(h, t, k, d["evidence_count"]) for h, t, k, d in counts.edges(keys=True, data=True)] == [
                (h, t, k, d["evidence_count"]) for h, t, k, d in expected
            ]
            assert all(d["sentences"] == [] for _, _, d in counts.edges(data=True))
            checked += len(expected)
        assert views > 10 and checked > 30, (views, checked)


def test_relations_among_counts_the_edges_build_graph_draws(examples_db):
    # show's below-floor count reads relations_among instead of building two graphs: the same
    # number, for every filter the drawing takes, on the samples (real spaCy, real SQLite).
    from newsgraph.graph.nxview import build_graph
    from newsgraph.graph.reads import relations_among
    from newsgraph.graph.relation_filter import RelationFilter

    with KnowledgeGraph.open(examples_db) as kg:
        ids = set(ego_network(kg, "Rubio", EgoOptions(depth=2, min_confidence=0.0, include_cooccurrence=True)).hops)
        for flt in (RelationFilter(), RelationFilter(include_cooccurrence=False), RelationFilter(min_confidence=0.5),
                    RelationFilter(relation_types=["VISITED"]), RelationFilter(since="2025-05-01")):
            graph = build_graph(kg.store, flt, entity_ids=ids, evidence=False)
            assert relations_among(kg.store, ids, flt) == graph.number_of_edges() > 0
            exact = dict(kg.store.conn.execute("SELECT id, confidence FROM relations").fetchall())  # the graph's are rounded
            weak = sum(1 for *_, rid in graph.edges(data="relation_id") if exact[rid] < 0.9)
            assert relations_among(kg.store, ids, flt, below=0.9) == weak
