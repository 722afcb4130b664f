"""The shapes of what the store's reads return and the facade hands on (issue 16: typed
results). TypedDicts, not dataclasses: ``--json`` prints these records as they are, the
explorer's API serves them and Python callers index them, so the runtime value stays a
plain dict while mypy checks every key that is built or read.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict


class EntityRef(TypedDict):
    id: str
    name: str
    type: str


class EvidenceItem(TypedDict):
    """One sentence supporting a relation, best first (``graph.store.EVIDENCE_ORDER``)."""

    document: str
    sentence: str
    start: int | None
    end: int | None
    title: str | None
    date: str | None


class Connection(TypedDict):
    """A relation seen from one of its ends: ``entity`` is the other end."""

    id: int  # the relation id ``reject`` and ``confirm`` take
    relation: str
    direction: str  # out, in, or both (co-occurrence)
    entity: EntityRef
    weight: int
    confidence: float
    predicate: str | None
    title: str | None
    method: str | None
    first_seen: str | None
    last_seen: str | None
    confirmed: bool
    evidence: list[EvidenceItem]


class EntityCard(TypedDict):
    """An entity as every reader shows it (card, NetworkX node, Neo4j node);
    ``connections`` only in ``KnowledgeGraph.entity``'s answer."""

    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: int
    documents: int
    bylines: int
    iso3: str | None
    is_agency: bool
    first_seen: str | None
    last_seen: str | None
    connections: NotRequired[list[Connection]]


class StoreStats(TypedDict):
    documents: int
    entities: int
    entities_by_type: dict[str, int]
    relations: int
    relations_by_type: dict[str, int]
    evidence: int
    mentions: int
