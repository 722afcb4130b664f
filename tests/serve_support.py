"""A real ``newsgraph serve`` server (uvicorn in a thread, on a free loopback port) for
the browser tests."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

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
