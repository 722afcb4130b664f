"""Checking the options the query commands share: entity types, relation types, dates."""

from __future__ import annotations

import re
from datetime import date

from collections.abc import Collection, Iterable

from newsgraph.errors import InvalidQueryOption, UnknownValue
from newsgraph.graph.reads import evidence_date_clause  # the SQL lives in graph/; kept importable here
from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE, ENTITY_TYPES

__all__ = [
    "DEFAULT_MIN_CONFIDENCE", "choice", "entity_type", "entity_types", "relation_types", "date_bound",
    "evidence_date_clause",
]

# The one default floor of every read path (defined in graph.model so that the Neo4j push
# and the embedded Cypher graph, in graph/ and queries/cypher/, use the same one).


def choice(value: str, valid: Iterable[str], *, what: str, option: str) -> str:
    """``value`` in its canonical spelling among ``valid`` (any case), or the one coded
    refusal every command gives for a value outside an option's set."""
    options = list(valid)
    for v in options:
        if v.lower() == value.strip().lower():
            return v
    raise UnknownValue(what=what, value=value, option=option, valid=", ".join(options) or "(none)")


def entity_type(value: str, option: str = "--entity-type") -> str:
    return choice(value, ENTITY_TYPES, what="entity type", option=option)


def entity_types(values: list[str] | None, option: str = "--entity-type") -> list[str]:
    out: list[str] = []
    for v in values or []:
        t = entity_type(v, option)
        if t not in out:
            out.append(t)
    return out


def relation_types(
    values: list[str] | None, known: Collection[str] | None = None, option: str = "--relation-type"
) -> list[str]:
    """Relation types in the stored spelling: upper snake case ("met with" -> MET_WITH).
    With ``known`` (the types a store holds), any other is refused: a misspelt type would
    otherwise filter everything out and answer "no connections", a silent wrong answer."""
    out: list[str] = []
    for v in values or []:
        t = re.sub(r"[^A-Za-z0-9]+", "_", v.strip()).strip("_").upper()
        if not t:
            raise InvalidQueryOption(detail=f"empty relation type {v!r}")
        if known is not None and t not in known:
            raise UnknownValue(what="relation type", value=v, option=option, valid=", ".join(sorted(known)) or "(none: the store holds no relations)")
        if t not in out:
            out.append(t)
    return out


def date_bound(value: str | None, *, end: bool, option: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as an inclusive ISO date bound (start or end of the period)."""
    if value is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not m:
        raise InvalidQueryOption(detail=f"{option} expects a date like 2025-03-10, 2025-03 or 2025, not {value!r}")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day is not None:
            return date(year, int(month), int(day)).isoformat()
        if month is not None:
            if not 1 <= int(month) <= 12:
                raise ValueError
            return f"{year:04d}-{int(month):02d}-{31 if end else 1:02d}"
        return f"{year:04d}-{'12-31' if end else '01-01'}"
    except ValueError:
        raise InvalidQueryOption(detail=f"{option}: {value!r} is not a valid date") from None
