"""The `show` page in real headless Chromium: it renders without console errors, draws as
many nodes and edges as the ego network has, a click on an edge shows its evidence, and
screenshots are kept as artefacts (in the test's tmp dir and in ``artifacts/show/``,
which git ignores).

Skipped when Chromium is missing, failed instead when NEWSGRAPH_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from chromium_harness import DevTools, chromium_or_skip, dump_dom, screenshot
from floor_support import FLOOR
from newsgraph import KnowledgeGraph
from newsgraph.show import EgoOptions, ego_network, write_show

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "artifacts" / "show"
READY = "document.documentElement.dataset.state === 'ready'"


@pytest.fixture
def chromium() -> str:
    return chromium_or_skip()


def keep(path: Path) -> Path:
    """Copy a screenshot to artifacts/show/ so it outlives pytest's tmp dirs."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(path, ARTIFACTS / path.name))


def root_attributes(dom: str) -> dict[str, str]:
    import re

    tag = re.search(r"<html([^>]*)>", dom)
    assert tag, dom[:500]
    return {k: v.replace("&quot;", '"') for k, v in re.findall(r'([\w-]+)="([^"]*)"', tag.group(1))}


def write_page(db: Path, dest: Path, name: str = "Rubio", **opts) -> tuple[Path, int, int]:
    opts.setdefault("min_confidence", FLOOR)  # the view the stores here are arranged around, not the default
    with KnowledgeGraph.open(db) as kg:
        result = write_show(kg, name, EgoOptions(**opts), dest)
        ego = ego_network(kg, name, EgoOptions(**opts))
    assert (result.nodes, result.edges) == (ego.graph.number_of_nodes(), ego.graph.number_of_edges())
    return result.path, result.nodes, result.edges


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_drawing_has_the_ego_networks_nodes_and_no_errors(chromium, show_db, tmp_path, depth):
    page, nodes, edges = write_page(show_db, tmp_path / f"rubio-{depth}.html", depth=depth, include_cooccurrence=True)
    attrs = root_attributes(dump_dom(chromium, tmp_path / "profile", page))
    assert attrs["data-state"] == "ready"
    assert json.loads(attrs["data-errors"]) == []
    assert int(attrs["data-node-count"]) == nodes
    assert int(attrs["data-edge-count"]) == edges
    assert nodes == {1: 5, 2: 6, 3: 7}[depth]


def test_an_entity_without_relations_is_one_node(chromium, show_db, tmp_path):
    page, nodes, edges = write_page(show_db, tmp_path / "lonely.html", name="Lonely Person", depth=3)
    attrs = root_attributes(dump_dom(chromium, tmp_path / "profile", page))
    assert (nodes, edges) == (1, 0)
    assert (attrs["data-state"], attrs["data-node-count"], attrs["data-edge-count"]) == ("ready", "1", "0")
    assert json.loads(attrs["data-errors"]) == []


def test_a_cut_network_says_so_on_the_page(chromium, show_db, tmp_path):
    page, nodes, _ = write_page(show_db, tmp_path / "cut.html", max_nodes=3, depth=2)
    dom = dump_dom(chromium, tmp_path / "profile", page)
    assert root_attributes(dom)["data-node-count"] == str(nodes) == "3"
    assert "cut at 3 entities (raise --max-nodes to see more)" in dom


def test_a_broken_page_is_caught(chromium, show_db, tmp_path):
    """The checks above can fail: a page whose drawing code throws is reported."""
    page, _, _ = write_page(show_db, tmp_path / "broken.html")
    html = page.read_text(encoding="utf-8").replace("var NEWSGRAPH = ", "var NEWSGRAPH = undefinedThing || ", 1)
    page.write_text(html, encoding="utf-8")
    attrs = root_attributes(dump_dom(chromium, tmp_path / "profile", page))
    assert attrs["data-state"] == "loading"
    assert "data-node-count" not in attrs
    errors = json.loads(attrs["data-errors"])
    assert any("undefinedThing" in e for e in errors), errors


def test_screenshot_is_kept(chromium, show_db, tmp_path):
    page, _, _ = write_page(show_db, tmp_path / "show-rubio-depth2.html", depth=2)
    shot = tmp_path / "show-rubio-depth2.png"
    screenshot(chromium, tmp_path / "profile", page, shot)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 800)
    assert len(data) > 20_000  # a blank or nearly blank page compresses to a few KB
    keep(shot)


def test_clicking_an_edge_shows_its_evidence(chromium, show_db, tmp_path):
    page, nodes, edges = write_page(show_db, tmp_path / "bukele.html", name="Bukele")
    with DevTools(chromium, tmp_path / "profile") as browser:
        browser.open(page)
        browser.wait_for(READY)
        assert browser.evaluate("Object.keys(newsgraph.network.getPositions()).length") == nodes
        assert browser.evaluate("newsgraph.edges.length") == edges
        # Where the LEADS edge (Bukele -> El Salvador, a single straight edge) is on screen.
        x, y = browser.evaluate("""(() => {
            const e = NEWSGRAPH.edges.find(e => e.type === 'LEADS');
            const p = newsgraph.network.getPositions([e.from, e.to]);
            const mid = {x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2};
            const d = newsgraph.network.canvasToDOM(mid);
            const box = document.getElementById('graph').getBoundingClientRect();
            return [box.left + d.x, box.top + d.y];
        })()""")
        browser.click(x, y)
        browser.wait_for("document.getElementById('details').dataset.edge !== undefined", timeout=10)
        panel = browser.evaluate("document.getElementById('details').innerText")
        selected = browser.evaluate("newsgraph.network.getSelectedEdges()")
        shot = tmp_path / "show-bukele-edge-clicked.png"
        browser.screenshot(shot)
        link = browser.evaluate("document.querySelector('#details .doc a').href")
        # VISITED has evidence in doc2, whose URL is "javascript:...": shown as text, not a link.
        browser.evaluate("newsgraph.showEdge(NEWSGRAPH.edges.find(e => e.type === 'VISITED').id)")
        visited_docs = browser.evaluate(
            "[...document.querySelectorAll('#details .doc')].map(d => [d.innerText, d.querySelectorAll('a').length])"
        )
        browser.evaluate("0")  # let pending console events arrive
        errors = browser.console_errors()
        scripts = browser.evaluate("document.scripts.length")
        urls = browser.requested_urls()
    keep(shot)
    assert errors == []
    # Self-contained: the file itself is the only thing fetched (data: URLs are inline images).
    assert [u for u in urls if not u.startswith("data:")] == [page.resolve().as_uri()]
    assert len(selected) == 1
    assert "Nayib Bukele LEADS → El Salvador" in panel
    # The sentence that tries to close the script is shown as text, and ran nothing.
    assert "Bukele leads El Salvador </script><script>alert(1)</script>." in panel
    assert "Rubio lands in El Salvador · 2025-02-01 · doc1.txt" in panel
    assert link == "https://example.org/rubio-lands"
    assert sorted(visited_docs) == [
        ["A second visit · 2025-02-02 · doc2.txt", 0],
        ["Rubio lands in El Salvador · 2025-02-01 · doc1.txt", 1],
    ]
    assert scripts == 4


def test_clicking_a_node_shows_its_card(chromium, show_db, tmp_path):
    page, _, _ = write_page(show_db, tmp_path / "rubio.html")
    with DevTools(chromium, tmp_path / "profile") as browser:
        browser.open(page)
        browser.wait_for(READY)
        x, y = browser.evaluate("""(() => {
            const p = newsgraph.network.getPositions(['country:USA'])['country:USA'];
            const d = newsgraph.network.canvasToDOM(p);
            const box = document.getElementById('graph').getBoundingClientRect();
            return [box.left + d.x, box.top + d.y];
        })()""")
        browser.click(x, y)
        browser.wait_for("document.getElementById('details').dataset.node === 'country:USA'", timeout=10)
        panel = browser.evaluate("document.getElementById('details').innerText")
        assert browser.console_errors() == []
    assert "United States" in panel and "America, US" in panel
    assert "HOLDS_ROLE ← Marco Rubio" in panel


def test_examples_rubio(chromium, examples_db, tmp_path):
    """The bundled samples, as in the README's picture."""
    page, nodes, edges = write_page(examples_db, tmp_path / "show-rubio.html")
    assert nodes > 3 and edges > 3
    attrs = root_attributes(dump_dom(chromium, tmp_path / "profile", page))
    assert json.loads(attrs["data-errors"]) == []
    assert (int(attrs["data-node-count"]), int(attrs["data-edge-count"])) == (nodes, edges)
    shot = tmp_path / "show-rubio-examples.png"
    screenshot(chromium, tmp_path / "profile2", page, shot)
    keep(shot)
