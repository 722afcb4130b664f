"""The store's schema and its versions: how a file is recognised, checked, created and
migrated.

The schema is the ordered list of migration files beside this module, ``NNN_name.sql``;
version N is the store after the files 1..N. A new store runs them all; a store of an
older version runs those above its own, all in one transaction, then records the new
version. So adding a table is one new file (``002_corrections.sql``) and nothing else:
``SCHEMA_VERSION`` is the number of the last file.

A newsgraph store is marked in the SQLite header: ``PRAGMA application_id`` is
``APPLICATION_ID`` and ``PRAGMA user_version`` the schema version (both readable without
touching any table). Stores written before the mark existed are recognised by their
``meta`` row ``schema_version = 1`` and get the mark at their next write open.

Checks on every open, before anything is written: the file is SQLite, it is a newsgraph
store (or empty, for a write open), its version is not newer than this code's, and each
table has the columns this code reads (a renamed column is refused here rather than
failing later in a query).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsgraph.errors import NotAStore, StoreDamaged, StoreTooNew

APPLICATION_ID = 0x4E475246  # "NGRF" in the SQLite header: a newsgraph store
_MIGRATION_FILE = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
_ADD_COLUMN = re.compile(r"^ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Migration:
    version: int  # the store's version once this has run
    name: str
    sql: str

    def statements(self) -> list[str]:
        """One statement each (``executescript`` would commit the open transaction)."""
        out: list[str] = []
        buf = ""
        for line in self.sql.splitlines(keepends=True):
            if not buf and (not line.strip() or line.lstrip().startswith("--")):
                continue
            buf += line
            if sqlite3.complete_statement(buf):
                out.append(buf.strip())
                buf = ""
        if buf.strip():
            out.append(buf.strip())
        return out


@cache
def migrations() -> tuple[Migration, ...]:
    """The migration files in version order; numbers must run 1, 2, 3… without a gap."""
    found = []
    for entry in resources.files(__name__).iterdir():
        m = _MIGRATION_FILE.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    if [mig.version for mig in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"schema migrations must be numbered 1..N without gaps: {[m.name for m in found]}")
    return tuple(found)


def schema_version() -> int:
    return len(migrations())


@cache
def expected_columns(version: int) -> dict[str, frozenset[str]]:
    """Table -> columns of a store of ``version``, built by running the migrations in memory."""
    conn = sqlite3.connect(":memory:")
    try:
        for mig in migrations()[:version]:
            for statement in mig.statements():
                conn.execute(statement)
        return _columns(conn)
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {t: frozenset(r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')) for t in tables}


def stored_version(conn: sqlite3.Connection, path: str) -> int | None:
    """The store's schema version; ``None`` for a database with no tables at all (a new
    file). Raises ``NotAStore`` for any other SQLite database."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id == APPLICATION_ID:
        return int(user_version)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id == 0 and not tables:
        return None
    if app_id == 0 and user_version == 0 and {"meta", "documents", "entities", "relations"} <= tables:
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is not None and row[0] == "1":
            return 1  # written before the header mark existed
    detail = f"application id {app_id:#x}" if app_id else f"tables {', '.join(sorted(tables)[:5]) or 'none'}"
    raise NotAStore(path=path, detail=detail)


def check(conn: sqlite3.Connection, path: str, version: int) -> None:
    """Refuse a store newer than this code, or one whose tables lack columns we read."""
    if version > schema_version():
        raise StoreTooNew(path=path, found=version, supported=schema_version())
    actual = _columns(conn)
    for table, columns in expected_columns(version).items():
        if table not in actual:
            raise StoreDamaged(path=path, detail=f"table {table!r} is missing")
        missing = sorted(columns - actual[table])
        if missing:
            raise StoreDamaged(path=path, detail=f"table {table!r} lacks column {', '.join(map(repr, missing))}")


def _has_column_already(conn: sqlite3.Connection, statement: str) -> bool:
    """SQLite has no ``ADD COLUMN IF NOT EXISTS``: a store that already has the column a
    migration adds (its version mark set back, as other migrations' ``IF NOT EXISTS`` allow)
    skips that statement instead of failing the whole upgrade."""
    m = _ADD_COLUMN.match(statement)
    if m is None:
        return False
    return any(r[1] == m.group(2) for r in conn.execute(f'PRAGMA table_info("{m.group(1)}")'))


def upgrade(conn: sqlite3.Connection, path: str) -> int:
    """Create or migrate the store to ``schema_version()`` in one transaction; returns
    the version found before. The version is read again inside the transaction, so two
    processes opening an old store at once migrate it once."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = stored_version(conn, path)
        start = before or 0
        if start > schema_version():
            raise StoreTooNew(path=path, found=start, supported=schema_version())
        if before is not None:
            check(conn, path, start)
        for mig in migrations()[start:]:
            for statement in mig.statements():
                if not _has_column_already(conn, statement):
                    conn.execute(statement)
        target = schema_version()
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(target),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return start
