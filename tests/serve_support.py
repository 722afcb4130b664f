"""A real ``newsgraph serve`` server (uvicorn in a thread, on a free loopback port) for
the browser tests and scripts/serve_screenshots.py, and what they ask of its page."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from chromium_harness import DevTools
from floor_support import FLOOR
from newsgraph.serve import create_app


class LiveServer:
    def __init__(self, db: Path, *, allow_edits: bool = False, min_confidence: float = FLOOR) -> None:
        """``min_confidence``: the floor the page starts at; the browser tests are written on
        the 0.5 view of their stores (tests/floor_support.py), not on the default."""
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # TCP_NODELAY, as cli_serve
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.server = uvicorn.Server(uvicorn.Config(create_app(db, allow_edits=allow_edits, min_confidence=min_confidence), log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("newsgraph serve did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: Any) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


READY = "document.documentElement.dataset.state === 'ready'"


def ready_in(view: str) -> str:
    """True in the page once ``view`` (home, entity, article, path, cypher) is drawn."""
    return f"document.documentElement.dataset.view === '{view}' && {READY}"


def element_xy(browser: DevTools, selector: str) -> tuple[float, float]:
    """Page coordinates of the middle of the element ``selector`` names, scrolled into view."""
    x, y = browser.evaluate(f"""(() => {{
        const e = document.querySelector({json.dumps(selector)});
        e.scrollIntoView({{block: 'center'}});
        const r = e.getClientRects()[0];  // a wrapped link: its first line
        return [r.left + r.width / 2, r.top + r.height / 2];
    }})()""")
    return x, y
