"""The embedded graph: the Neo4j push's graph, built from the store, kept beside it.

Built from the push's own row builders (``newsgraph.graph.neo4j_sync``: ``entity_rows``,
``document_rows``, ``mention_rows``, ``relation_rows``), so labels, relationship types
and properties are the ones a push writes: ``(:Entity:<Type>)``, ``(:Document)``,
``[:MENTIONS {count}]``, ``[:WRITTEN_BY]``, ``[:<RELATION_TYPE> {...}]``. Batches of ``BATCH`` rows keep the
memory of a build at the graph plus one batch; ``progress(phase, done, total)`` is called
after each batch.

The built graph is saved as KGLite's own file beside the store,
``<db>.cypher-<store id>-v<data version>.kgl``, and loaded from there by later runs
until the store's data version changes (an ingest, a merge, a correction), when it is
built anew. A file found there is loaded only after its keyed hash (BLAKE2b with a secret
of the user's, ``~/.cache/newsgraph/cypher-cache.key``, in ``<file>.sig``) matches: a
file planted or shipped beside a store, or left by another user, is never opened, only
replaced. The format holds data only, and it is never read unverified. A folder that
cannot be written keeps the graph in the process only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.graph import neo4j_sync
from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE
from newsgraph.graph.store import Store
from newsgraph.queries.cypher import engine

__all__ = ["BATCH", "CacheInfo", "embedded_graph", "build", "cache_path", "clear_memory"]

BATCH = 5000
FORMAT = 3  # bump when what is built changes: older files are then rebuilt
MEMORY_CACHE_SIZE = 2
ProgressFn = Callable[[str, int, int], None]


@dataclass
class CacheInfo:
    source: str  # memory | file | built
    seconds: float
    path: Path | None


_memory: dict[tuple[str, str, str, str], Any] = {}  # by _key


def clear_memory() -> None:
    _memory.clear()


Key = tuple[str, str, str, str]  # store path, store id, data version, confidence floor


def _key(store: Store, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Key:
    return (str(store.path.resolve()), store.store_id(), store.data_version(), repr(float(min_confidence)))


def cache_path(store: Store, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Path:
    _, store_id, version, floor = _key(store, min_confidence)
    return store.path.with_name(f"{store.path.name}.cypher-{store_id[:12]}-v{version}-c{floor}-f{FORMAT}.kgl")


def _secret_path() -> Path:
    base = os.environ.get("NEWSGRAPH_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "newsgraph"
    )
    return Path(base) / "cypher-cache.key"


def _secret(create: bool) -> bytes | None:
    """The user's secret for cache signatures (32 random bytes, readable by the user only)."""
    path = _secret_path()
    try:
        data = path.read_bytes()
        if len(data) == 32:
            return data
    except OSError:
        pass
    if not create:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
        try:
            os.link(tmp, path)  # the first writer wins; a concurrent one reads its key
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
        data = path.read_bytes()
        return data if len(data) == 32 else None
    except OSError:
        return None


def _signature(secret: bytes, path: Path, key: Key) -> str:
    mac = hashlib.blake2b(key=secret, digest_size=32)
    mac.update(json.dumps([key[1], key[2], key[3], FORMAT, engine.KGLITE_VERSION]).encode())
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            mac.update(chunk)
    return mac.hexdigest()


def _verified(path: Path, key: Key) -> bool:
    """Whether ``path`` is a graph this user built for this store at this version: its
    signature is checked on the file's bytes before anything reads them as a graph."""
    secret = _secret(create=False)
    sig = path.with_name(path.name + ".sig")
    if secret is None or not path.is_file() or not sig.is_file():
        return False
    try:
        expected = sig.read_text(encoding="ascii").strip()
        return hmac.compare_digest(expected, _signature(secret, path, key))
    except (OSError, UnicodeDecodeError):
        return False


def _save(graph: Any, path: Path, key: Key) -> bool:
    secret = _secret(create=True)
    if secret is None:
        return False
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}.kgl")
    sig = path.with_name(path.name + ".sig")
    try:
        engine.save_graph(graph, tmp)
        signature = _signature(secret, tmp, key)
        sig_tmp = sig.with_name(f"{sig.name}.tmp{os.getpid()}")
        sig_tmp.write_text(signature + "\n", encoding="ascii")
        sig.unlink(missing_ok=True)  # never a moment where the old signature covers the new file
        os.replace(tmp, path)
        os.replace(sig_tmp, sig)
    except (OSError, ValueError, engine.kglite.KgError):
        for leftover in (tmp, sig.with_name(f"{sig.name}.tmp{os.getpid()}")):
            leftover.unlink(missing_ok=True)
        return False
    for old in path.parent.glob(f"{glob_escape(path.parent, store_name(path))}.cypher-*.kgl*"):
        if old.name not in (path.name, sig.name) and ".tmp" not in old.name:
            old.unlink(missing_ok=True)  # an older version of the store: useless now
    return True


def store_name(path: Path) -> str:
    return path.name.split(".cypher-", 1)[0]


def glob_escape(_parent: Path, name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def build(
    store: Store, progress: ProgressFn | None = None, batch: int = BATCH, min_confidence: float = DEFAULT_MIN_CONFIDENCE
) -> Any:
    """A new embedded graph from the store (one read snapshot of it): the graph a Neo4j
    push with the same ``min_confidence`` writes."""
    graph = engine.new_graph()
    conn = neo4j_sync.open_snapshot(store.path)
    try:
        _build(conn, graph, progress, batch, min_confidence)
    finally:
        conn.close()
    graph.read_only(True)
    return graph


def _build(conn: sqlite3.Connection, graph: Any, progress: ProgressFn | None, size: int, min_confidence: float) -> None:
    totals = neo4j_sync.phase_totals(conn, min_confidence)
    report = progress or (lambda phase, done, total: None)
    types: dict[str, str] = {}
    buffers: dict[str, list[dict[str, Any]]] = {}
    done = 0

    def flush_nodes(etype: str) -> None:
        nonlocal done
        rows = buffers.pop(etype, [])
        engine.add_nodes(graph, etype, rows, labels=("Entity",))
        done += len(rows)
        report("entities", done, totals["entities"])

    checked: set[str] = set()
    for etype, row in neo4j_sync.entity_rows(conn):
        if etype not in checked:
            checked.add(neo4j_sync.check_name("entity type", etype))
        types[row["id"]] = etype
        buffers.setdefault(etype, []).append({"id": row["id"], **row["props"]})
        if len(buffers[etype]) >= size:
            flush_nodes(etype)
    for etype in list(buffers):
        flush_nodes(etype)
    report("entities", done, totals["entities"])

    docs: list[dict[str, Any]] = []
    bylines: list[tuple[str, str]] = []  # (document, author): WRITTEN_BY, added with the relationships below
    done = 0
    for row in neo4j_sync.document_rows(conn):
        docs.append({"id": row["id"], **row["props"]})
        bylines += [(row["id"], author) for author in row["authors"]]
        if len(docs) >= size:
            engine.add_nodes(graph, "Document", docs)
            done += len(docs)
            docs = []
            report("documents", done, totals["documents"])
    engine.add_nodes(graph, "Document", docs)
    report("documents", totals["documents"], totals["documents"])

    rels: dict[tuple[str, str, str], list[list[Any]]] = {}
    done = 0

    def add(key: tuple[str, str, str], head: str, tail: str, props: dict[str, Any], phase: str) -> None:
        nonlocal done
        buf = rels.setdefault(key, [])
        buf.append([head, tail, props])
        if len(buf) >= size:
            engine.add_relationships(graph, *key, rels.pop(key))
            done += size
            report(phase, done, totals[phase])

    def flush(phase: str) -> None:
        nonlocal done
        for key in list(rels):
            rows = rels.pop(key)
            engine.add_relationships(graph, *key, rows)
            done += len(rows)
        report(phase, done, totals[phase])

    for m in neo4j_sync.mention_rows(conn):
        mentioned_type = types.get(m["entity"])
        if mentioned_type is not None:
            add(("MENTIONS", "Document", mentioned_type), m["document"], m["entity"], {"count": m["count"]}, "mentions")
    flush("mentions")
    done = 0
    for document, author in bylines:
        author_type = types.get(author)
        if author_type is not None:
            add(("WRITTEN_BY", "Document", author_type), document, author, {}, "bylines")
    flush("bylines")
    done = 0
    for rtype, row in neo4j_sync.relation_rows(conn, min_confidence=min_confidence):
        if rtype not in checked:
            checked.add(neo4j_sync.check_name("relation type", rtype))
        head, tail = types.get(row["head"]), types.get(row["tail"])
        if head is None or tail is None:
            continue  # as in a push, whose MATCH finds no node for it
        add((rtype, head, tail), row["head"], row["tail"], row["props"], "relations")
    flush("relations")


def embedded_graph(
    store: Store,
    progress: ProgressFn | None = None,
    *,
    use_file: bool = True,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> tuple[Any, CacheInfo]:
    """The graph of the store at its current data version, with the relations of at least
    ``min_confidence``: from this process's memory, from the verified file beside the
    store, or built (and saved there)."""
    t0 = time.perf_counter()
    key = _key(store, min_confidence)
    graph = _memory.get(key)
    source = "memory"
    path = cache_path(store, min_confidence) if use_file else None
    if graph is None and path is not None and _verified(path, key):
        try:
            graph = engine.load_graph(path)
            source = "file"
        except (OSError, ValueError, engine.kglite.KgError):
            graph = None  # damaged: rebuilt below
    if graph is None:
        graph = build(store, progress, min_confidence=min_confidence)
        source = "built"
        if path is not None and not _save(graph, path, key):
            path = None
    _memory[key] = graph
    while len(_memory) > MEMORY_CACHE_SIZE:
        _memory.pop(next(iter(_memory)))
    return graph, CacheInfo(source, time.perf_counter() - t0, path)
