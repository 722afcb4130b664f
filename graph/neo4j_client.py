"""Connecting to Neo4j and turning the driver's failures into coded ``NewsgraphError``s.

Every Neo4j entry point of newsgraph (the push, ``cypher --neo4j``, ``entity --neo4j``)
opens its driver through :func:`open_driver` and runs inside :func:`neo4j_errors`, so an
unreachable server, refused credentials, a missing database or a malformed query is one
line with a code, never a traceback.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator
from urllib.parse import urlsplit

from newsgraph.errors import (
    Neo4jAuthError,
    Neo4jDatabaseError,
    Neo4jQueryError,
    Neo4jServerError,
    Neo4jUnavailable,
    Neo4jUriError,
    WriteRefused,
)

DEFAULT_URI = "bolt://localhost:7687"
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
# A refused connection fails at once; this bounds a silent (firewalled) host.
CONNECT_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Neo4jTarget:
    """Where to connect: the URI, credentials (None = no auth) and database (None = the
    server's default)."""

    uri: str
    user: str | None = None
    password: str | None = None
    database: str | None = None

    @classmethod
    def from_env(
        cls, uri: str | None = None, user: str | None = None, password: str | None = None, database: str | None = None
    ) -> "Neo4jTarget":
        """Arguments win; ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` and
        ``NEO4J_DATABASE`` fill the gaps."""
        env = os.environ
        return cls(
            uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
            user=user or env.get("NEO4J_USER") or None,
            password=password if password is not None else env.get("NEO4J_PASSWORD"),
            database=database or env.get("NEO4J_DATABASE") or None,
        )


def _first_line(text: object) -> str:
    """The server's messages can span lines (a syntax error quotes the query and draws a
    caret under it); the first line carries the message and the position."""
    for line in str(text).splitlines():
        if line.strip():
            return " ".join(line.split())
    return str(text).strip() or "no detail"


def check_uri(uri: str) -> None:
    scheme = urlsplit(uri).scheme.lower()
    if scheme not in SCHEMES or not urlsplit(uri).hostname:
        raise Neo4jUriError(uri=uri, detail=f"use one of {', '.join(s + '://' for s in SCHEMES)} with a host, e.g. {DEFAULT_URI}")


@contextmanager
def neo4j_errors(target: Neo4jTarget) -> Iterator[None]:
    """Translate the driver's exceptions raised inside the block into coded errors."""
    from neo4j import exceptions as ne

    try:
        yield
    except ne.AuthError as exc:
        raise Neo4jAuthError(uri=target.uri, who=_who(target), detail=_first_line(exc.message or exc)) from exc
    except (ne.ServiceUnavailable, ne.SessionExpired) as exc:
        # The driver's reason ("Connection refused") is on the message's last line.
        raise Neo4jUnavailable(uri=target.uri, detail=" ".join(str(exc).split()) or type(exc).__name__) from exc
    except ne.Neo4jError as exc:
        code = exc.code or ""
        detail = _first_line(exc.message or exc)
        if code.startswith("Neo.ClientError.Database.") or code == "Neo.TransientError.Database.DatabaseUnavailable":
            raise Neo4jDatabaseError(database=target.database or "(server default)", detail=detail) from exc
        if code in ("Neo.ClientError.Statement.AccessMode", "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase"):
            raise WriteRefused() from exc
        if code.startswith("Neo.ClientError.Statement.") or code.startswith("Neo.ClientError.Procedure."):
            raise Neo4jQueryError(detail=detail, code=code) from exc
        if code.startswith("Neo.ClientError.Security."):
            raise Neo4jAuthError(uri=target.uri, who=_who(target), detail=detail) from exc
        raise Neo4jServerError(uri=target.uri, code=code or type(exc).__name__, detail=detail) from exc
    except ne.DriverError as exc:
        raise Neo4jServerError(uri=target.uri, code=type(exc).__name__, detail=_first_line(exc)) from exc


@contextmanager
def open_driver(target: Neo4jTarget) -> Iterator[Any]:
    """A connected driver (connectivity and credentials checked up front), closed on exit;
    failures inside the block come out as coded errors."""
    from neo4j import GraphDatabase, basic_auth
    from neo4j import exceptions as ne

    check_uri(target.uri)
    auth = basic_auth(target.user, target.password or "") if target.user else None
    try:
        driver = GraphDatabase.driver(target.uri, auth=auth, connection_timeout=CONNECT_TIMEOUT_S)
    except (ne.ConfigurationError, ValueError) as exc:
        raise Neo4jUriError(uri=target.uri, detail=_first_line(exc)) from exc
    try:
        with neo4j_errors(target):
            driver.verify_connectivity()
            yield driver
    finally:
        driver.close()


def _who(target: Neo4jTarget) -> str:
    if target.user:
        return f"for user {target.user!r}"
    return "(none given: pass --user and --password, or set NEO4J_USER and NEO4J_PASSWORD)"
