"""`newsgraph serve` (issue 17) in real headless Chromium against a real server: type in
the search box, pick a result, the graph draws the API's nodes and edges, click an edge
and read its evidence, open the article with its entities highlighted, expand a
neighbour, change a filter, run a Cypher query, find a path; no console errors. Screenshots
go to ``artifacts/serve/`` (git-ignored). And a hostile-names test: names and texts
carrying HTML/JS appear as text everywhere.

Skipped when Chromium is missing, failed instead when NEWSGRAPH_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest

from chromium_harness import DevTools, chromium_or_skip
from floor_support import FLOOR
from serve_support import READY, LiveServer, element_xy, ready_in

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsgraph.serve import create_app

pytestmark = [pytest.mark.browser, pytest.mark.issue(17)]

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "artifacts" / "serve"
@pytest.fixture
def chromium() -> str:
    return chromium_or_skip()


def keep(browser: DevTools, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    browser.screenshot(shot)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(shot, ARTIFACTS / name))


def screen_xy(browser: DevTools, js_canvas_point: str) -> tuple[float, float]:
    """Page coordinates of a point of the drawing given in canvas coordinates."""
    return tuple(browser.evaluate(f"""(() => {{
        const net = newsgraph.current().network;
        const p = {js_canvas_point};
        const d = net.canvasToDOM(p);
        const box = document.getElementById('graph').getBoundingClientRect();
        return [box.left + d.x, box.top + d.y];
    }})()"""))


def node_xy(browser: DevTools, eid: str) -> tuple[float, float]:
    return screen_xy(browser, f"net.getPositions([{json.dumps(eid)}])[{json.dumps(eid)}]")


def counts(browser: DevTools) -> tuple[int, int]:
    return (int(browser.evaluate("document.documentElement.dataset.nodeCount")),
            int(browser.evaluate("document.documentElement.dataset.edgeCount")))


def union(*views: dict) -> tuple[int, int]:
    return len({n["id"] for v in views for n in v["nodes"]}), len({e["id"] for v in views for e in v["edges"]})


def test_explore_the_examples(chromium, examples_db, tmp_path):
    api = TestClient(create_app(examples_db, allowed_hosts=["testserver"], min_confidence=FLOOR))  # as LiveServer
    rubio = api.get("/api/ego", params={"ref": "person:marco-rubio"}).json()
    with LiveServer(examples_db) as server, DevTools(chromium, tmp_path / "profile") as browser:
        browser.open_url(server.url)
        browser.wait_for(ready_in("home"))
        # -- type in the search box, pick the result
        browser.click(*element_xy(browser, "#q"))
        browser.call("Input.insertText", {"text": "rubo"})
        browser.wait_for("document.documentElement.dataset.hits > 0")
        first_hit = browser.evaluate("document.querySelector('#hits li').innerText")
        browser.click(*element_xy(browser, "#hits li"))
        browser.wait_for(ready_in("entity"))
        # -- the graph draws the API's ego network
        assert counts(browser) == union(rubio) and union(rubio)[0] > 5
        # drawn once before the layout ran (the progressive first view), and timed
        first_drawn = browser.evaluate("document.documentElement.dataset.firstDrawnMs")
        card = browser.evaluate("document.getElementById('card').innerText")
        keep(browser, tmp_path, "serve-entity.png")

        # -- click an edge, read its evidence: VISITED Rubio -> Panama, a single straight edge
        edge = next(e for e in rubio["edges"] if e["type"] == "VISITED" and e["to"] == "country:PAN")
        mid = f"""(() => {{ const p = net.getPositions(['{edge["from"]}', '{edge["to"]}']);
                   return {{x: (p['{edge["from"]}'].x + 3 * p['{edge["to"]}'].x) / 4,
                            y: (p['{edge["from"]}'].y + 3 * p['{edge["to"]}'].y) / 4}}; }})()"""
        browser.click(*screen_xy(browser, mid))
        browser.wait_for("Number(document.getElementById('details').dataset.evidence) > 0", timeout=15)
        selected = browser.evaluate("newsgraph.current().network.getSelectedEdges()")
        evidence = browser.evaluate("document.getElementById('details').innerText")
        keep(browser, tmp_path, "serve-evidence.png")

        # -- the article behind it, entities highlighted
        browser.click(*element_xy(browser, "#details .doc a[data-document]"))
        browser.wait_for(ready_in("article"))
        marks = browser.evaluate("[...document.querySelectorAll('#article mark.ent')].map(m => [m.dataset.type, m.firstChild.textContent])")
        relations = browser.evaluate("document.getElementById('article-relations').innerText")
        article_id = browser.evaluate("document.getElementById('article').dataset.document")
        listed = browser.evaluate("[...document.querySelectorAll('#article-relations > li > .note')].map(n => n.textContent)")
        folded = browser.evaluate("[...document.querySelectorAll('#article-relations details.below-floor .note')].map(n => n.textContent)")
        keep(browser, tmp_path, "serve-article.png")

        # -- back, expand a neighbour in place by clicking it
        browser.evaluate("history.back()")
        browser.wait_for(ready_in("entity") + " && document.documentElement.dataset.nodeCount > 0")
        slv = api.get("/api/ego", params={"ref": "country:SLV"}).json()
        browser.click(*node_xy(browser, "country:SLV"))
        browser.wait_for(f"{READY} && newsgraph.current().expanded.length === 2", timeout=15)
        expanded = counts(browser)
        details = browser.evaluate("document.getElementById('details').dataset.node")

        # -- change a filter: only VISITED relations; the expanded neighbourhood is kept
        browser.click(*element_xy(browser, "#f-rtypes input[value=VISITED]"))
        browser.wait_for(f"location.hash.includes('relation=VISITED') && {READY} && newsgraph.current().expanded.length === 2", timeout=20)
        filtered = counts(browser)
        rubio_v = api.get("/api/ego", params={"ref": "person:marco-rubio", "relation": "VISITED"}).json()
        slv_v = api.get("/api/ego", params={"ref": "country:SLV", "relation": "VISITED"}).json()
        keep(browser, tmp_path, "serve-expanded.png")

        # -- a Cypher query, table and graph
        browser.evaluate("location.hash = '#/cypher'")
        browser.wait_for(ready_in("cypher"))
        browser.click(*element_xy(browser, "#cypher-form button[type=submit]"))
        browser.wait_for("document.documentElement.dataset.cypherRows !== undefined", timeout=30)
        cypher_rows = browser.evaluate("document.documentElement.dataset.cypherRows")
        cypher_cells = browser.evaluate("document.getElementById('cypher-table').innerText")
        keep(browser, tmp_path, "serve-cypher.png")

        # -- a path
        browser.evaluate("location.hash = '#/path?from=Rubio&to=Sheinbaum'")
        browser.wait_for(ready_in("path") + " && document.documentElement.dataset.paths !== undefined")
        path_text = browser.evaluate("document.getElementById('path-results').innerText")
        keep(browser, tmp_path, "serve-path.png")

        browser.evaluate("0")  # let pending console events arrive
        errors = browser.console_errors()
        page_errors = json.loads(browser.evaluate("document.documentElement.dataset.errors"))
        urls = browser.requested_urls()

    assert "Marco Rubio" in first_hit
    assert first_drawn is not None and int(first_drawn) >= 0
    assert "person:marco-rubio" in card and "Rubio" in card
    assert selected == [edge["id"]]
    assert "VISITED" in evidence and "Panama" in evidence and "Rubio travels to Panama" in evidence
    assert ["Country", "Panama"] in marks and ["Person", "Marco Rubio"] in marks
    assert "VISITED" in relations
    # The article view keeps the explorer's floor: relations under it are folded apart, counted.
    typed = [r for r in api.get("/api/document", params={"id": article_id}).json()["relations"] if r["type"] != "CO_OCCURS_WITH"]
    weak = [r for r in typed if r["confidence"] < FLOOR]
    assert len(listed) == len(typed) - len(weak) > 0 and len(folded) == len(weak)
    assert all(float(n.split()[1]) >= FLOOR for n in listed) and all(float(n.split()[1]) < FLOOR for n in folded)
    if weak:
        assert f"{len(weak)} more relation{'s' if len(weak) > 1 else ''} below confidence {FLOOR}" in relations
    assert details == "country:SLV"
    assert expanded == union(rubio, slv) and expanded[0] > union(rubio)[0]
    assert filtered == union(rubio_v, slv_v) and 0 < filtered[1] < expanded[1]
    expected_rows = api.post("/api/cypher", json={"query": browser_default_query()}).json()["rows"]
    assert int(cypher_rows) == len(expected_rows) > 0 and "Marco Rubio" in cypher_cells
    assert "Marco Rubio" in path_text and "Claudia Sheinbaum" in path_text
    assert errors == [] and page_errors == []
    assert all(u.startswith(server.url) or u.startswith("data:") or u.startswith("blob:") for u in urls), urls  # no CDN


def browser_default_query() -> str:
    page = (REPO / "newsgraph" / "static" / "serve.html").read_text(encoding="utf-8")
    start = page.index('maxlength="20000">') + len('maxlength="20000">')
    return page[start : page.index("</textarea>")]


def test_export_the_view_from_the_page(chromium, examples_db, tmp_path):
    """The export buttons download the drawn view: GraphML with every drawn entity, and
    the canvas as a PNG."""
    import time

    import networkx as nx

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with LiveServer(examples_db) as server, DevTools(chromium, tmp_path / "profile") as browser:
        browser.open_url(server.url + "#/entity/person%3Amarco-rubio")
        browser.call("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}, browser=True)
        browser.wait_for(ready_in("entity") + " && document.documentElement.dataset.nodeCount > 0")
        drawn = counts(browser)
        for fmt in ("graphml", "png"):
            browser.click(*element_xy(browser, f"button[data-export={fmt}]"))
            browser.wait_for(f"document.documentElement.dataset.exported === '{fmt}'", timeout=15)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not ((downloads / "newsgraph-view.png").is_file()
                                                   and (downloads / "newsgraph-view.graphml").is_file()):
            time.sleep(0.2)
        errors = browser.console_errors()
    assert errors == []
    graph = nx.read_graphml(downloads / "newsgraph-view.graphml")
    assert graph.number_of_nodes() == drawn[0]
    png = (downloads / "newsgraph-view.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


def test_reject_an_edge_from_the_page_with_allow_edits(chromium, examples_db, tmp_path):
    """--allow-edits: the edge panel offers Confirm/Reject; Reject goes through the CLI's
    corrections (logged) and the edge leaves the drawing."""
    from newsgraph import KnowledgeGraph

    with LiveServer(examples_db, allow_edits=True) as server, DevTools(chromium, tmp_path / "profile") as browser:
        browser.open_url(server.url + "#/entity/person%3Amarco-rubio")
        browser.wait_for(ready_in("entity") + " && document.documentElement.dataset.nodeCount > 0")
        before = counts(browser)
        edge = browser.evaluate("Object.keys(newsgraph.current().edges).find(k => k.includes('VISITED') && k.includes('country:PAN'))")
        browser.evaluate(f"newsgraph.showEdge({json.dumps(edge)})")
        browser.wait_for("Number(document.getElementById('details').dataset.evidence) > 0")
        browser.evaluate("window.confirm = () => true")  # the page asks before an edit
        browser.click(*element_xy(browser, "button[data-edit='/api/edit/reject']"))
        browser.wait_for(f"document.documentElement.dataset.edited === 'reject' && {READY} && newsgraph.current() !== null", timeout=20)
        after = counts(browser)
        still_there = browser.evaluate(f"{json.dumps(edge)} in newsgraph.current().edges")
        errors = browser.console_errors()
    assert errors == []
    assert not still_there and after[1] == before[1] - 1
    with KnowledgeGraph.open(examples_db) as kg:
        assert [c.op for c in kg.corrections()] == ["reject"]


# -- hostile names: entity names, titles and texts come from the web -----------------------
IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = '"><script>window.__pwned=2</script>'
TITLE = "<b>Bold</b> <svg onload=window.__pwned=3>"
NO_MARKUP = "document.querySelectorAll('img, svg, b, iframe, script:not([src])').length"


def build_hostile_store(path: Path) -> Path:
    from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity, ExtractedRelation
    from newsgraph.graph.store import Store

    sentence = f"{IMG} met {SCRIPT} in Paris."
    text = sentence + " Nothing else happened."
    a, b, c = 0, len(IMG) + 5, len(IMG) + 5 + len(SCRIPT) + 4
    doc = ExtractedDocument(id="hostile1", text_length=len(text), source="<svg onload=window.__pwned=4>/feed",
                            title=TITLE, url="javascript:window.__pwned=5", published="2025-05-01", text=text,
                            site_name="<img src=x onerror=window.__pwned=6>Post", modified="2025-05-03T10:00:00Z")
    doc.entities = [
        ExtractedEntity(id="person:hostile-img", name=IMG, type="Person", mentions=1, aliases={"</textarea><img src=z>"}),
        ExtractedEntity(id="org:hostile-script", name=SCRIPT, type="Organization", mentions=1),
        ExtractedEntity(id="location:paris", name="Paris", type="Location", mentions=1),
    ]
    doc.mentions = [
        EntityMention("person:hostile-img", IMG, a, a + len(IMG), 0),
        EntityMention("org:hostile-script", SCRIPT, b, b + len(SCRIPT), 0),
        EntityMention("location:paris", "Paris", c, c + 5, 0),
    ]
    doc.relations = [
        ExtractedRelation(head="person:hostile-img", tail="org:hostile-script", type="MET_WITH", method="dep",
                          confidence=0.9, sentence=sentence, start=0, end=len(sentence), predicate="<i>meet</i>"),
        ExtractedRelation(head="org:hostile-script", tail="location:paris", type="VISITED", method="dep",
                          confidence=0.9, sentence=sentence, start=0, end=len(sentence)),
    ]
    assert text[b : b + len(SCRIPT)] == SCRIPT and text[c : c + 5] == "Paris"
    store = Store(path)
    store.add_documents([doc])
    store.close()
    return path


def test_hostile_names_are_text_everywhere(chromium, tmp_path):
    db = build_hostile_store(tmp_path / "hostile.db")
    seen: dict[str, str] = {}
    with LiveServer(db) as server, DevTools(chromium, tmp_path / "profile") as browser:
        browser.open_url(server.url)
        browser.wait_for(ready_in("home"))
        seen["home"] = browser.evaluate("document.body.innerText")
        checks = [browser.evaluate(NO_MARKUP)]
        # search box and its results
        browser.click(*element_xy(browser, "#q"))
        browser.call("Input.insertText", {"text": "onerror"})
        browser.wait_for("document.documentElement.dataset.hits > 0")
        seen["search"] = browser.evaluate("document.getElementById('hits').innerText")
        checks.append(browser.evaluate(NO_MARKUP))
        browser.click(*element_xy(browser, "#hits li"))
        browser.wait_for(ready_in("entity"))
        # entity card, node details, edge evidence
        seen["card"] = browser.evaluate("document.getElementById('card').innerText")
        browser.evaluate("newsgraph.clickNode('org:hostile-script')")
        browser.wait_for(f"{READY} && newsgraph.current().expanded.length === 2")
        seen["node"] = browser.evaluate("document.getElementById('details').innerText")
        edge = browser.evaluate("Object.keys(newsgraph.current().edges).find(k => k.includes('MET_WITH'))")
        browser.evaluate(f"newsgraph.showEdge({json.dumps(edge)})")
        browser.wait_for("Number(document.getElementById('details').dataset.evidence) > 0")
        seen["evidence"] = browser.evaluate("document.getElementById('details').innerText")
        checks.append(browser.evaluate(NO_MARKUP))
        # the article
        browser.click(*element_xy(browser, "#details .doc a[data-document]"))
        browser.wait_for(ready_in("article"))
        seen["article"] = browser.evaluate("document.body.innerText")
        marks = browser.evaluate("[...document.querySelectorAll('#article mark.ent')].map(m => m.firstChild.textContent)")
        links = browser.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
        checks.append(browser.evaluate(NO_MARKUP))
        # Cypher table and path
        browser.evaluate("location.hash = '#/cypher'")
        browser.wait_for(ready_in("cypher"))
        browser.evaluate("document.getElementById('cypher-query').value = 'MATCH (p:Person) RETURN p.name AS name, p.aliases AS aliases, p'")
        browser.click(*element_xy(browser, "#cypher-form button[type=submit]"))
        browser.wait_for("document.documentElement.dataset.cypherRows !== undefined", timeout=30)
        seen["cypher"] = browser.evaluate("document.getElementById('cypher-table').innerText")
        checks.append(browser.evaluate(NO_MARKUP))
        browser.evaluate("location.hash = '#/path?from=person:hostile-img&to=location:paris'")
        browser.wait_for(ready_in("path") + " && document.documentElement.dataset.paths !== undefined")
        seen["path"] = browser.evaluate("document.getElementById('path-results').innerText")
        checks.append(browser.evaluate(NO_MARKUP))
        keep(browser, tmp_path, "serve-hostile-path.png")
        pwned = browser.evaluate("window.__pwned === undefined ? null : window.__pwned")
        browser.evaluate("0")
        errors = browser.console_errors()
    assert checks == [0] * len(checks)  # no element was ever made from a name, title or text
    assert pwned is None
    assert errors == []
    for where in ("search", "card", "evidence", "cypher", "path"):
        assert IMG in seen[where], where
    for where in ("node", "evidence", "article", "path"):
        assert SCRIPT in seen[where], where
    assert TITLE in seen["article"] and "<svg onload=window.__pwned=4>/feed" in seen["article"]
    # the page metadata of the article line (issue 18), as text
    assert "<img src=x onerror=window.__pwned=6>Post · 2025-05-01 · updated 2025-05-03" in seen["article"]
    assert "</textarea><img src=z>" in seen["card"] and "</textarea><img src=z>" in seen["cypher"]
    assert marks == [IMG, SCRIPT, "Paris"]
    assert not any(h.lower().startswith("javascript:") for h in links)  # the article's URL is not a link
