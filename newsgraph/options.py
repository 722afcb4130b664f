"""The option vocabulary the CLI (and any other front end) needs, in one light module.

The CLI imports only the facade (``newsgraph.kg``), this module, the renderers and the
errors (``tests/test_cli_imports.py``). The values are defined where they belong (entity
types and the confidence floor in ``graph/model.py``, Cypher limits in
``queries/cypher/__init__.py``, the exporters in ``exports/``) and re-exported here, so a
front end does not learn the package layout. Nothing here may load spaCy, NetworkX,
KGLite, the Neo4j driver, FastAPI or rich: every read command imports it
(``tests/test_startup.py``).
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from newsgraph.exports import EXPORTERS
from newsgraph.graph.model import COOCCURRENCE, DEFAULT_MIN_CONFIDENCE, ENTITY_TYPES, TYPE_COLOURS
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.queries.cypher import DEFAULT_MAX_WORK, DEFAULT_TIMEOUT

__all__ = [
    "COOCCURRENCE", "DEFAULT_DB", "DEFAULT_MAX_NODES", "DEFAULT_MAX_WORK", "DEFAULT_MIN_CONFIDENCE", "DEFAULT_TIMEOUT",
    "ENTITY_TYPES", "EXPORTERS", "LOOPBACK_HOSTS", "RelationFilter", "TYPE_COLOURS", "date_bound", "is_loopback",
    "parse_params",
]

DEFAULT_DB = "newsgraph.db"
DEFAULT_MAX_NODES = 150  # show / the explorer: beyond a few hundred nodes a force layout is a hairball

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


def is_loopback(host: str) -> bool:
    """``serve --host``: whether the explorer stays on this machine."""
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def date_bound(value: str | None, *, end: bool, option: str) -> str | None:
    """``--since`` / ``--until``: YYYY, YYYY-MM or YYYY-MM-DD as an inclusive ISO bound
    (``queries.filters.date_bound``; imported on use: queries.filters loads the store's
    reads, which neither ``--help`` nor a command's option parsing needs)."""
    from newsgraph.queries.filters import date_bound as bound

    return bound(value, end=end, option=option)


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    """``--param NAME=VALUE`` pairs: VALUE is read as JSON when it parses (numbers, true,
    null, "quoted", [lists]), else taken as a plain string."""
    from newsgraph.errors import InvalidQueryOption

    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        name = name.strip().lstrip("$")
        if not sep or not name.isidentifier():
            raise InvalidQueryOption(detail=f"--param expects NAME=VALUE, not {pair!r}")
        try:
            params[name] = json.loads(raw)
        except ValueError:
            params[name] = raw
    return params
