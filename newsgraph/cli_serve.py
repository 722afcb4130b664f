"""``newsgraph serve``: the local explorer (newsgraph/serve/) on uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli_common import DEFAULT_DB_PATH, DbOption, MinConfidenceOption, err_console, handles_errors
from newsgraph.errors import ServeListenError
from newsgraph.options import DEFAULT_MIN_CONFIDENCE, is_loopback

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


# This module's commands; the top-level group (cli_lazy.LazyGroup) builds one when it is invoked.
area = typer.Typer()


@area.command()
@handles_errors
def serve(
    db: DbOption = DEFAULT_DB_PATH,
    host: Annotated[
        str, typer.Option("--host", help="Interface to listen on. Anything but localhost exposes the graph to the network.")
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port (0: any free one).")] = DEFAULT_PORT,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the explorer in the default browser.")] = False,
    allow_edits: Annotated[
        bool, typer.Option("--allow-edits", help="Offer merge, reject and confirm in the page (logged like the CLI's corrections).")
    ] = False,
    min_confidence: MinConfidenceOption = DEFAULT_MIN_CONFIDENCE,
) -> None:
    """Explore the graph in the browser: search, entity views with expandable ego networks,
    filters, evidence, articles with highlighted entities, paths, a Cypher console and
    exports. Read-only unless --allow-edits; serves http://127.0.0.1:8765/ until Ctrl+C."""
    import socket  # imported here, as uvicorn is: other commands do not load the network stack
    import threading
    import webbrowser

    import uvicorn

    from newsgraph.serve import create_app  # the explorer: a front end over the facade, like this CLI

    application = create_app(db, host=host, allow_edits=allow_edits, min_confidence=min_confidence)
    # Bound here, not by uvicorn: a busy port is one coded line, and --port 0 prints the
    # port it got.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say TCP, and
    # without it every small response waited ~40 ms for a delayed ACK (benchmarks/serve_load.py).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        # Listening from now on: a browser opened before uvicorn is up waits in the backlog
        # instead of being refused, and a second server on the port is refused at once.
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise ServeListenError(host=host, port=port, detail=exc.strerror or str(exc)) from None
    port = sock.getsockname()[1]
    err = err_console()
    if not is_loopback(host):
        err.print(
            f"WARNING: listening on {host}, not localhost: anyone who can reach this machine on port {port} "
            f"can read the whole graph and its articles{' and edit it' if allow_edits else ''}. There is no login. "
            "Use --host 127.0.0.1 unless you mean it.",
            style="bold red",
        )
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    mode = "edits allowed: merge, reject, confirm" if allow_edits else "read-only"
    err.print(f"newsgraph explorer on {url} (store {db}, {mode}). Ctrl+C stops it.")
    if open_browser:
        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    uvicorn.Server(uvicorn.Config(application, log_level="warning")).run(sockets=[sock])
