"""Regenerate the explorer's pictures in the README (``docs/serve-*.png``) at the current
default floor (``DEFAULT_MIN_CONFIDENCE``, graph/model.py), so they show what a user of
``newsgraph serve`` sees on the bundled examples, not the 0.5 view the browser tests are
written on (tests/floor_support.py).

    .venv/bin/python scripts/serve_screenshots.py [--db STORE] [--out docs]

Without ``--db`` the bundled examples are ingested into a temporary store (real spaCy). The
server is the one the browser tests start (tests/serve_support.py ``LiveServer``) and the
browser the same headless Chromium over the DevTools pipe (tests/chromium_harness.py; Debian
package ``chromium``, as ``.ci/run`` installs it). Views: Marco Rubio's ego network with one
edge's evidence (serve-evidence.png), the article behind that evidence (serve-article.png),
a path (serve-path.png) and the Cypher console's example query (serve-cypher.png). The edge
and the path's far end are chosen from what the API answers at the floor, so the script
works whatever the floor is; it fails, changing nothing in ``--out``, when a view is empty.
Run it after setting the default floor; run ``scripts/regenerate_docs.py`` for the text.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from chromium_harness import DevTools, find_chromium  # noqa: E402
from serve_support import LiveServer, element_xy, ready_in  # noqa: E402

from newsgraph import KnowledgeGraph  # noqa: E402
from newsgraph.options import DEFAULT_MIN_CONFIDENCE  # noqa: E402

CENTRE = "person:marco-rubio"
PICTURES = ("serve-evidence.png", "serve-article.png", "serve-path.png", "serve-cypher.png")
def edge_xy(browser: DevTools, edge: dict[str, Any]) -> tuple[float, float]:
    """A point three quarters along a straight edge, in page coordinates."""
    a, b = json.dumps(edge["from"]), json.dumps(edge["to"])
    x, y = browser.evaluate(f"""(() => {{
        const net = newsgraph.current().network;
        const p = net.getPositions([{a}, {b}]);
        const d = net.canvasToDOM({{x: (p[{a}].x + 3 * p[{b}].x) / 4, y: (p[{a}].y + 3 * p[{b}].y) / 4}});
        const box = document.getElementById('graph').getBoundingClientRect();
        return [box.left + d.x, box.top + d.y];
    }})()""")
    return x, y


def pick_edge(ego: dict[str, Any]) -> dict[str, Any]:
    """An edge of the centre drawn straight (the only one between its two ends), a VISITED
    one if there is one: clicking its middle selects it and nothing else."""
    pairs: dict[frozenset[str], int] = {}
    for e in ego["edges"]:
        key = frozenset((e["from"], e["to"]))
        pairs[key] = pairs.get(key, 0) + 1
    single = [e for e in ego["edges"] if CENTRE in (e["from"], e["to"]) and pairs[frozenset((e["from"], e["to"]))] == 1]
    if not single:
        raise SystemExit(f"serve_screenshots: {CENTRE} has no single edge at floor {DEFAULT_MIN_CONFIDENCE}")
    return sorted(single, key=lambda e: (e["type"] != "VISITED", e["type"], e["to"]))[0]


def pick_path_end(api: httpx.Client) -> str:
    """The entity a path is drawn to: two hops from the centre when the floor leaves one, else one."""
    ego = api.get("/api/ego", params={"ref": CENTRE, "depth": 2}).json()
    hops = {n["id"]: n.get("hop") for n in ego["nodes"]}
    near = {e["to"] if e["from"] == CENTRE else e["from"] for e in ego["edges"] if CENTRE in (e["from"], e["to"])}
    far = sorted(n for n in hops if n != CENTRE and n not in near)
    ends = far or sorted(near)
    if not ends:
        raise SystemExit(f"serve_screenshots: nothing linked to {CENTRE} at floor {DEFAULT_MIN_CONFIDENCE}")
    return ends[0]


def shoot(db: Path, out: Path, chromium: str) -> None:
    with tempfile.TemporaryDirectory() as tmp, LiveServer(db, min_confidence=DEFAULT_MIN_CONFIDENCE) as server, \
            httpx.Client(base_url=server.url) as api, DevTools(chromium, Path(tmp) / "profile") as browser:
        shots = Path(tmp) / "shots"
        shots.mkdir()
        ego = api.get("/api/ego", params={"ref": CENTRE}).json()
        edge = pick_edge(ego)
        browser.open_url(f"{server.url}#/entity/{CENTRE}")
        browser.wait_for(ready_in("entity") + " && document.documentElement.dataset.nodeCount > 0")
        browser.click(*edge_xy(browser, edge))
        browser.wait_for("Number(document.getElementById('details').dataset.evidence) > 0", timeout=15)
        browser.screenshot(shots / "serve-evidence.png")

        browser.click(*element_xy(browser, "#details .doc a[data-document]"))
        browser.wait_for(ready_in("article"))
        browser.screenshot(shots / "serve-article.png")

        browser.evaluate("location.hash = '#/cypher'")
        browser.wait_for(ready_in("cypher"))
        browser.click(*element_xy(browser, "#cypher-form button[type=submit]"))
        browser.wait_for("Number(document.documentElement.dataset.cypherRows) > 0", timeout=90)
        browser.screenshot(shots / "serve-cypher.png")

        browser.evaluate(f"location.hash = '#/path?from={CENTRE}&to={pick_path_end(api)}'")
        browser.wait_for(ready_in("path") + " && document.documentElement.dataset.paths > 0")
        browser.screenshot(shots / "serve-path.png")

        errors = browser.console_errors()
        if errors:
            raise SystemExit(f"serve_screenshots: the page logged errors: {errors}")
        out.mkdir(parents=True, exist_ok=True)
        for name in PICTURES:  # all four taken before any is replaced
            shutil.copy(shots / name, out / name)
            print(f"{out / name}: edge {edge['from']} {edge['type']} {edge['to']}" if name == "serve-evidence.png" else out / name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a store holding the bundled examples (default: ingest them now)")
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        print("serve_screenshots: no Chromium found (Debian: apt-get install -y chromium)", file=sys.stderr)
        return 1
    if args.db is not None:
        shoot(args.db, args.out, chromium)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "examples.db"
        with KnowledgeGraph.open(db) as kg:
            summary = kg.ingest([REPO / "examples"], workers=1)
        if summary.documents_failed:
            print(f"serve_screenshots: {summary.documents_failed} example(s) failed: {summary.failures}", file=sys.stderr)
            return 1
        shoot(db, args.out, chromium)
    return 0


if __name__ == "__main__":
    sys.exit(main())
