"""The explorer's web app: JSON endpoints over ``KnowledgeGraph`` and the static page.

Why it is shaped this way:

- One ``KnowledgeGraph`` per worker thread: FastAPI runs plain ``def`` endpoints in a
  thread pool and a SQLite connection belongs to the thread that opened it. SQLite in WAL
  mode lets all of them read at once.
- Read-only by default: no endpoint writes; the Cypher console goes through
  ``KnowledgeGraph.cypher``, which refuses writing clauses with the CLI's coded error.
  With ``allow_edits`` three endpoints (merge, reject, confirm) call the facade's
  corrections, the CLI's code path and log, one at a time on one writable connection;
  each needs the session's CSRF token in a header (a cross-site page can neither read the
  token nor send a custom header without CORS, which the app does not allow) and a
  same-origin ``Origin`` when the browser sends one.
- Errors are ``{"error": {"code": "NG201", "message": ...}}`` with an HTTP status
  (404 unknown, 409 ambiguous, 400 bad input), the CLI's codes and messages.
- Every response carries a Content-Security-Policy without inline scripts, and on
  localhost only the loopback host names are accepted (a DNS-rebinding page cannot
  reach the API under another name). The page writes all values as text.
- Static files come from the package's ``static/`` folder through Starlette's
  ``StaticFiles``, which refuses paths outside it: no arbitrary file access.
"""

from __future__ import annotations

import io
import secrets
import threading
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Iterator

from fastapi import Body, FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsgraph.errors import (
    AmbiguousEntity,
    NewsgraphError,
    EditsOff,
    ServeOptionError,
    UnknownDocument,
    UnknownEntity,
    UnknownRelation,
)
from newsgraph.kg import KnowledgeGraph, StoreStats
from newsgraph.options import (
    DEFAULT_MAX_NODES, DEFAULT_MIN_CONFIDENCE, ENTITY_TYPES, LOOPBACK_HOSTS, TYPE_COLOURS, RelationFilter, date_bound,
    is_loopback,
)
from newsgraph.serve.views import ego_json

API_VERSION = "1"
MAX_DEPTH = 3
MAX_NODES_LIMIT = 2000
EXPORT_FORMATS = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml"}
CSP = (
    "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data: blob:; "
    # vis-network positions its tooltip and canvas with style attributes.
    "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """Adds the security headers to every response (and ``Cache-Control: no-store`` unless
    set). Plain ASGI rather than ``@app.middleware("http")``, whose response streaming
    adds a hop per request."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(k.lower() == b"cache-control" for k, _ in headers):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, receive, with_headers)


def static_dir() -> Path:
    return Path(str(resources.files("newsgraph").joinpath("static")))


def check_store(path: str | Path) -> Path:
    """The store must exist and be a newsgraph store (NG302/NG303): serve is read-only
    and never creates an empty one (a mistyped --db would otherwise show an empty graph).
    An older store is migrated here, once, as by any read command."""
    KnowledgeGraph.open(path, readonly=True).close()
    return Path(path)


class Graphs:
    """One open ``KnowledgeGraph`` per thread, all on the same store file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        # The embedded Cypher engine builds one in-memory graph per store version; one
        # query at a time keeps two threads from building it twice.
        self.cypher_lock = threading.Lock()

    def get(self) -> KnowledgeGraph:
        kg = getattr(self._local, "kg", None)
        if kg is None:
            kg = KnowledgeGraph.open(self.path, readonly=True)
            self._local.kg = kg
        return kg

    def writer(self) -> KnowledgeGraph:
        """A writable one (--allow-edits only), also per thread; callers hold the edit lock."""
        kg = getattr(self._local, "writer", None)
        if kg is None:
            kg = KnowledgeGraph.open(self.path)
            self._local.writer = kg
        return kg


def _status(exc: NewsgraphError) -> int:
    if isinstance(exc, (UnknownEntity, UnknownDocument, UnknownRelation)):
        return 404
    if isinstance(exc, AmbiguousEntity):
        return 409
    if isinstance(exc, EditsOff):
        return 403
    return 400


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)


def _ego_options(
    depth: int, relation: list[str], etype: list[str], cooccurrence: bool, min_weight: int, min_confidence: float,
    max_nodes: int, since: str | None, until: str | None, source: str | None,
) -> Any:
    if not 1 <= depth <= MAX_DEPTH:
        raise ServeOptionError(detail=f"depth must be 1 to {MAX_DEPTH}, not {depth}")
    if not 1 <= max_nodes <= MAX_NODES_LIMIT:
        raise ServeOptionError(detail=f"max_nodes must be 1 to {MAX_NODES_LIMIT}, not {max_nodes}")
    if not 0.0 <= min_confidence <= 1.0:
        raise ServeOptionError(detail=f"min_confidence must be between 0 and 1, not {min_confidence}")
    # The options check and spell the types (unknown entity type: NG-coded, as in the CLI).
    return KnowledgeGraph.ego_options(
        depth=depth,
        entity_types=[t for t in etype if t],
        relation_types=[r for r in relation if r],
        include_cooccurrence=cooccurrence,
        min_weight=max(0, min_weight),
        min_confidence=min_confidence,
        max_nodes=max_nodes,
        since=date_bound(since or None, end=False, option="since"),
        until=date_bound(until or None, end=True, option="until"),
        source=(source or "").strip() or None,
        evidence=False,  # the view shows counts; /api/relation reads an edge's sentences on click
    )


CSRF_HEADER = "X-Newsgraph-CSRF"


def create_app(
    db: str | Path, *, host: str = "127.0.0.1", allowed_hosts: list[str] | None = None, allow_edits: bool = False,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> FastAPI:
    """The app on the store at ``db`` (checked now: a missing store is NG302). Read-only
    unless ``allow_edits``: then merge/reject/confirm are offered, CSRF-protected.
    ``min_confidence`` is the floor the page starts at and the endpoints' default (the
    embedded Cypher graph's too), as ``serve --min-confidence`` gives it."""
    store_path = check_store(db)
    floor = min_confidence  # the endpoints' own ``min_confidence`` parameters default to it
    graphs = Graphs(store_path)
    csrf_token = secrets.token_urlsafe(32) if allow_edits else None
    edit_lock = threading.Lock()
    stats_cache: dict[str, StoreStats] = {}

    def edit(request: Request, action: Any) -> dict[str, Any]:
        """Run one correction on the writable connection, after the CSRF checks."""
        if csrf_token is None:
            raise EditsOff(detail="Edits are off: this explorer is read-only. Restart it with --allow-edits to merge, reject or confirm.")
        sent = request.headers.get(CSRF_HEADER, "")
        if not secrets.compare_digest(sent.encode(), csrf_token.encode()):
            raise EditsOff(detail=f"Refused: missing or wrong {CSRF_HEADER} header (reload the page).")
        origin = request.headers.get("origin")
        if origin is not None and origin.split("://", 1)[-1] != request.headers.get("host", ""):
            raise EditsOff(detail=f"Refused: a request from another site ({origin}).")
        with edit_lock:
            return {"correction": action(graphs.writer()).to_dict()}
    app = FastAPI(
        title="newsgraph explorer API",
        version=API_VERSION,
        description="Read-only JSON API over a newsgraph store: search, entity cards, ego networks, "
        "evidence, articles, paths, Cypher and exports. Entity names and article text are untrusted text.",
        # FastAPI's /docs page loads Swagger UI from a CDN; the explorer works offline, so
        # the machine-readable OpenAPI document is served and the page at /api lists it.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    if allowed_hosts is None and is_loopback(host):
        allowed_hosts = LOOPBACK_HOSTS
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(_: Request, exc: NewsgraphError) -> JSONResponse:
        return _error(_status(exc), exc.code, str(exc))

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static_dir() / "serve.html", media_type="text/html; charset=utf-8")

    @app.get("/api", include_in_schema=False)
    def api_page() -> FileResponse:
        return FileResponse(static_dir() / "serve-api.html", media_type="text/html; charset=utf-8")

    @app.get("/api/meta", summary="What the page needs to start: counts, types, colours, defaults")
    def meta() -> dict[str, Any]:
        kg = graphs.get()
        # Counting a big store takes a while (0.2 s at a million entities): once per version.
        version = kg.data_version()
        stats = stats_cache.get(version)
        if stats is None:
            stats = kg.stats()
            stats_cache.clear()
            stats_cache[version] = stats
        return {
            "api_version": API_VERSION,
            "database": store_path.name,
            "read_only": not allow_edits,
            "allow_edits": allow_edits,
            "csrf_token": csrf_token,
            "stats": {k: stats[k] for k in ("documents", "entities", "relations", "evidence", "mentions")},
            "entity_types": list(ENTITY_TYPES),
            "type_colours": TYPE_COLOURS,
            "relation_types": stats["relations_by_type"],
            "sources": kg.sources(),
            "defaults": {"min_confidence": min_confidence, "max_nodes": DEFAULT_MAX_NODES, "depth": 1,
                         "cooccurrence": False},
        }

    @app.get("/api/search", summary="Entities matching a name partly or fuzzily (typos, accents, aliases)")
    def search(
        q: Annotated[str, Query(max_length=200, description="Text to look for")],
        type: Annotated[str | None, Query(description="Only this entity type")] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> dict[str, Any]:
        hits = graphs.get().search(q, type or None, limit) if q.strip() else []
        return {"query": q, "hits": [h.to_dict() for h in hits]}

    @app.get("/api/top", summary="The most mentioned entities")
    def top(
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
        type: Annotated[str | None, Query(description="Only this entity type")] = None,
    ) -> dict[str, Any]:
        rows = graphs.get().entities(type or None, limit)  # the facade checks and spells the type
        return {"entities": [{k: e[k] for k in ("id", "name", "type", "mentions", "documents")} for e in rows]}

    @app.get("/api/entity", summary="An entity's card: type, aliases, mentions, first and last seen")
    def entity(ref: Annotated[str, Query(max_length=500, description="Id, name, alias or surname")]) -> dict[str, Any]:
        return dict(graphs.get().card(ref))  # the typed card, as the plain JSON object the API declares

    @app.get("/api/ego", summary="An entity's ego network under the filters")
    def ego(
        ref: Annotated[str, Query(max_length=500, description="Id, name, alias or surname of the centre")],
        depth: int = 1,
        relation: Annotated[list[str], Query(description="Only these relation types (repeatable)")] = [],  # noqa: B006
        etype: Annotated[list[str], Query(description="Only neighbours of these entity types (repeatable)")] = [],  # noqa: B006
        cooccurrence: bool = False,
        min_weight: int = 0,
        min_confidence: float = floor,
        max_nodes: int = DEFAULT_MAX_NODES,
        since: str | None = None,
        until: str | None = None,
        source: Annotated[str | None, Query(max_length=500)] = None,
    ) -> dict[str, Any]:
        opts = _ego_options(depth, relation, etype, cooccurrence, min_weight, min_confidence, max_nodes, since, until, source)
        return ego_json(graphs.get().ego(ref, opts))

    @app.get("/api/relation", summary="One relation (by entity ids and type) with its evidence sentences")
    def relation(
        head: Annotated[str, Query(max_length=500)],
        type: Annotated[str, Query(max_length=100)],
        tail: Annotated[str, Query(max_length=500)],
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> Any:
        found = graphs.get().relation_evidence(head, type, tail, limit)
        if found is None:
            raise UnknownRelation(head=head, type=type, tail=tail)
        return found

    @app.get("/api/document", summary="An article: text, highlighted mentions, relations found in it")
    def document(id: Annotated[str, Query(max_length=200)]) -> Any:
        found = graphs.get().document(id)
        if found is None:
            raise UnknownDocument(id=id)
        return found

    @app.get("/api/path", summary="The shortest chains of relations between two entities, with evidence")
    def path(
        source: Annotated[str, Query(max_length=500)],
        target: Annotated[str, Query(max_length=500)],
        max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
        relation: Annotated[list[str], Query()] = [],  # noqa: B006
        min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = floor,
        max_paths: Annotated[int, Query(ge=1, le=20)] = 5,
    ) -> dict[str, Any]:
        return dict(graphs.get().path(
            source, target, max_hops=max_hops, relation_types=[r for r in relation if r] or None,
            min_confidence=min_confidence, max_paths=max_paths,
        ))

    @app.post("/api/cypher", summary="A read-only Cypher query on the embedded graph")
    def cypher(
        query: Annotated[str, Body(max_length=20000)],
        params: Annotated[dict[str, Any] | None, Body()] = None,
    ) -> dict[str, Any]:
        with graphs.cypher_lock:
            result = graphs.get().cypher(query, params or {}, min_confidence=floor)
        # The engine's warnings (unknown labels or properties) too, as the CLI prints them.
        return {"columns": result["columns"], "rows": result["rows"], "warnings": list(result.get("warnings") or [])}

    @app.post("/api/export", summary="The entities of the current view and the relations among them, as GraphML or GEXF")
    def export(
        format: Annotated[str, Body()],
        entity_ids: Annotated[list[str], Body(max_length=MAX_NODES_LIMIT * 5)],
        relation: Annotated[list[str], Body()] = [],  # noqa: B006
        cooccurrence: Annotated[bool, Body()] = False,
        min_weight: Annotated[int, Body()] = 0,
        min_confidence: Annotated[float, Body()] = floor,
        since: Annotated[str | None, Body()] = None,
        until: Annotated[str | None, Body()] = None,
        source: Annotated[str | None, Body()] = None,
    ) -> Response:
        if format not in EXPORT_FORMATS:
            raise ServeOptionError(detail=f"format must be one of {', '.join(EXPORT_FORMATS)}, not {format!r}")
        if not entity_ids:
            raise ServeOptionError(detail="nothing to export: the view has no entities")
        opts = _ego_options(1, relation, [], cooccurrence, min_weight, min_confidence, 1, since, until, source)
        flt = RelationFilter(
            relation_types=opts.relation_types, min_weight=opts.min_weight, min_confidence=opts.min_confidence,
            since=opts.since, until=opts.until, source=opts.source, include_cooccurrence=opts.include_cooccurrence,
        )
        buf = io.BytesIO()
        graphs.get().export(format, buf, flt, entity_ids=set(entity_ids))
        return Response(
            buf.getvalue(), media_type=EXPORT_FORMATS[format],
            headers={"Content-Disposition": f'attachment; filename="newsgraph-view.{format}"'},
        )

    @app.post("/api/edit/reject", summary="Reject a relation (the CLI's `reject`, logged); needs --allow-edits and the CSRF header")
    def reject(request: Request, relation_id: Annotated[int, Body()], note: Annotated[str | None, Body(max_length=1000)] = None) -> dict[str, Any]:
        return edit(request, lambda kg: kg.reject(relation_id, note=note))

    @app.post("/api/edit/confirm", summary="Confirm a relation (the CLI's `confirm`, logged); needs --allow-edits and the CSRF header")
    def confirm(request: Request, relation_id: Annotated[int, Body()], note: Annotated[str | None, Body(max_length=1000)] = None) -> dict[str, Any]:
        return edit(request, lambda kg: kg.confirm(relation_id, note=note))

    @app.post("/api/edit/merge", summary="Merge entities into the last one (the CLI's `merge`, logged); needs --allow-edits and the CSRF header")
    def merge(
        request: Request,
        entities: Annotated[list[str], Body(min_length=2, max_length=50)],
        name: Annotated[str | None, Body(max_length=500)] = None,
        note: Annotated[str | None, Body(max_length=1000)] = None,
    ) -> dict[str, Any]:
        return edit(request, lambda kg: kg.merge(entities, name=name, note=note))

    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    return app

