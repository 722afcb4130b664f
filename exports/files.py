"""Writing output files safely: never over a database, never half a file.

Every file newsgraph writes on request (``export -o``, ``show -o``) goes through here:

- A destination that is the store, one of its ``-wal``/``-shm`` files, or any SQLite
  database (its first 16 bytes are ``SQLite format 3\\0``) is refused before anything is
  written: ``-o news.db`` is a slip of the fingers, not a wish to lose the graph.
- An existing output file is replaced: exporting again over last week's export is the
  normal case, so there is no ``--force``. It is replaced whole or not at all: the new
  content goes to a temporary file in the same folder (same file system), is flushed to
  disk, and renamed over the old one. A write that fails half-way (disk full, a
  read-only folder) removes the temporary file and leaves the previous file as it was.
- A destination that exists and is not a regular file (``/dev/null``, ``/dev/stdout``,
  a FIFO) cannot be renamed over; it is written directly.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import NewsgraphError

SQLITE_HEADER = b"SQLite format 3\x00"

ErrorFactory = Callable[[str, str], NewsgraphError]  # (path, detail) -> the caller's coded error


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def refuse_unsafe_destination(path: Path, store: Path | None, error: ErrorFactory) -> None:
    """Raise ``error`` when writing ``path`` would overwrite the store or a database."""
    try:
        info = path.stat()
    except OSError:
        return  # nothing there yet (or unreachable: the write will say so)
    if store is not None:
        for part in (store, Path(f"{store}-wal"), Path(f"{store}-shm")):
            try:
                other = part.stat()
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                raise error(str(path), f"it is the store ({part}); writing there would destroy the graph")
    if stat.S_ISREG(info.st_mode) and is_sqlite_file(path):
        raise error(str(path), "it is an SQLite database; newsgraph never writes an output over one")


def _open(target: Path | int, text: bool) -> IO[Any]:
    return open(target, "w", encoding="utf-8", newline="") if text else open(target, "wb")


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_output(path: Path, error: ErrorFactory, *, text: bool = False, make_parents: bool = True) -> Iterator[IO[Any]]:
    """An open file whose content replaces ``path`` only once it is all written."""
    path = Path(path)
    try:
        info: os.stat_result | None = path.stat()
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise error(str(path), "it is a folder")
        try:
            with _open(path, text) as f:
                yield f
        except OSError as exc:
            raise error(str(path), exc.strerror or str(exc)) from exc
        return
    try:
        if make_parents:
            path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise error(str(path), exc.strerror or str(exc)) from exc
    tmp = Path(tmp_name)
    try:
        with _open(fd, text) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode) if info is not None else _default_mode())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        kept = f"; {path} was left as it was" if info is not None else ""
        raise error(str(path), (exc.strerror or str(exc)) + kept) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class AtomicFolder:
    """Several files written into one folder, all replaced together at ``commit()``
    (each by rename, once every one of them is complete)."""

    def __init__(self, folder: Path, error: ErrorFactory) -> None:
        self.folder = folder
        self.error = error
        self._stack = contextlib.ExitStack()
        self._pending: list[tuple[Path, Path]] = []

    def open(self, name: str) -> IO[str]:
        path = self.folder / name
        try:
            fd, tmp_name = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
        except OSError as exc:
            raise self.error(str(path), exc.strerror or str(exc)) from exc
        self._pending.append((Path(tmp_name), path))
        return self._stack.enter_context(os.fdopen(fd, "w", encoding="utf-8", newline=""))

    def commit(self) -> None:
        try:
            self._stack.close()
            for tmp, path in self._pending:
                os.chmod(tmp, _default_mode())
            for tmp, path in self._pending:
                os.replace(tmp, path)
        except OSError as exc:
            self.abort()
            raise self.error(str(self.folder), (exc.strerror or str(exc)) + "; the files there were left as they were") from exc
        self._pending.clear()

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self._stack.close()
        for tmp, _ in self._pending:
            tmp.unlink(missing_ok=True)
        self._pending.clear()
