"""How smoothly the explorer draws a big neighbourhood: vis-network (the vendored copy the
page uses) on up to ``--max-nodes`` entities, in headless Chromium against a real server.

    .venv/bin/python benchmarks/serve_draw.py --db bbc.db                 # the most mentioned entity
    .venv/bin/python benchmarks/serve_draw.py --db bbc.db --entity "Tony Blair" --depth 2

The view is opened with co-occurrence on, minimum confidence 0 and ``--max-nodes`` (default
2,000), so a hub of a big store fills it. Reported: the API's time for the ego network, the
time from navigation until the layout has settled and the page says ready, and the time of
one full redraw of the canvas (``network.redraw()``, mean of 20), i.e. the frame time
while panning or zooming: under 16 ms is 60 frames/s, under 33 ms 30 frames/s.
Headless Chromium draws on the CPU (no GPU here): a desktop browser is faster. Needs
Debian's ``chromium``. ``--db`` defaults to the store benchmarks/serve_load.py ingests.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "benchmarks"))

from chromium_harness import DevTools, find_chromium  # noqa: E402
from serve_load import Server  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default=str(REPO / ".cache" / "benchmarks" / "serve-load-bbc-all.db"))
    ap.add_argument("--entity", help="name or id (default: the most mentioned entity)")
    ap.add_argument("--depth", type=int, default=1)
    ap.add_argument("--max-nodes", type=int, default=2000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    chromium = find_chromium()
    if chromium is None:
        print("headless Chromium not installed (Debian: apt-get install -y chromium); no figures.", file=sys.stderr)
        return 2
    if not Path(args.db).is_file():
        print(f"no store at {args.db}: pass --db PATH (or run benchmarks/serve_load.py first); no figures.", file=sys.stderr)
        return 2
    server = Server(Path(args.db))
    try:
        ref = args.entity or httpx.get(server.url + "/api/top", params={"limit": 1}, timeout=30).json()["entities"][0]["id"]
        params = {"ref": ref, "depth": args.depth, "cooccurrence": "true", "min_confidence": 0, "max_nodes": args.max_nodes}
        t0 = time.perf_counter()
        ego = httpx.get(server.url + "/api/ego", params=params, timeout=300).json()
        api_s = time.perf_counter() - t0
        query = f"depth={args.depth}&cooccurrence=true&min_confidence=0&max_nodes={args.max_nodes}"
        url = f"{server.url}/#/entity/{quote(ego['center']['id'], safe='')}?{query}"
        with tempfile.TemporaryDirectory() as profile, DevTools(chromium, Path(profile)) as browser:
            t0 = time.perf_counter()
            browser.open_url(url)
            browser.wait_for("document.documentElement.dataset.view === 'entity' && document.documentElement.dataset.state === 'ready'"
                             " && document.documentElement.dataset.nodeCount > 0", timeout=600)
            ready_s = time.perf_counter() - t0
            frame_ms = browser.evaluate("""(() => {
                const net = newsgraph.current().network;
                const t = performance.now();
                for (let i = 0; i < 20; i++) net.redraw();
                return (performance.now() - t) / 20;
            })()""")
            drawn = (int(browser.evaluate("document.documentElement.dataset.nodeCount")),
                     int(browser.evaluate("document.documentElement.dataset.edgeCount")))
            errors = browser.console_errors()
    finally:
        server.stop()
    report = {
        "entity": ego["center"]["name"], "nodes": drawn[0], "edges": drawn[1], "truncated": ego["truncated"],
        "api_s": round(api_s, 3), "ready_s": round(ready_s, 2), "frame_ms": round(frame_ms, 1),
        "fps": round(1000 / frame_ms, 1) if frame_ms else None, "console_errors": errors,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{report['entity']}: {report['nodes']} entities, {report['edges']} relations drawn"
              f"{' (cut at --max-nodes)' if report['truncated'] else ''}")
        print(f"API ego network {report['api_s']} s; page ready (layout settled) {report['ready_s']} s; "
              f"one redraw {report['frame_ms']} ms ({report['fps']} frames/s)")
        if errors:
            print(f"console errors: {errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
