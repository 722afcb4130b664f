"""The shapes of what the store's reads return and the facade hands on (issue 16: typed
results). TypedDicts, not dataclasses: ``--json`` prints these records as they are, the
explorer's API serves them and Python callers index them, so the runtime value stays a
plain dict while mypy checks every key that is built or read.
"""

from __future__ import annotations

from typing import Any, Mapping, NotRequired, Sequence, TypedDict

from newsgraph.graph.model import COOCCURRENCE


class EntityRef(TypedDict):
    id: str
    name: str
    type: str


class EvidenceSentence(TypedDict):
    """One sentence supporting a relation and its document, best first
    (``graph.store.EVIDENCE_ORDER``): what ``connections`` and ``path`` show."""

    document: str
    sentence: str
    title: str | None
    date: str | None


class EvidenceItem(EvidenceSentence):
    """The entity card's evidence: the sentence's offsets in its article too."""

    start: int | None
    end: int | None


class RelationFields(TypedDict):
    """What every record of a relation carries, from the store's ``relations`` row."""

    id: int  # the relation id ``reject`` and ``confirm`` take
    weight: int
    confidence: float
    predicate: str | None
    title: str | None
    method: str | None
    first_seen: str | None
    last_seen: str | None
    confirmed: bool


class Connection(RelationFields):
    """A relation seen from one of its ends: ``entity`` is the other end."""

    relation: str
    direction: str  # out, in, or both (co-occurrence)
    entity: EntityRef
    evidence: Sequence[EvidenceSentence]  # EvidenceItem (with offsets) on the entity card


def connection(row: Mapping[str, Any], confirmed: bool, evidence: Sequence[EvidenceSentence]) -> Connection:
    """The one ``Connection`` of a relation row seen from one end: the relation's columns,
    ``direction`` (out or in; both for co-occurrence) and the other end's ``other_id``,
    ``other_name``, ``other_type`` (the entity card's and ``connections``' reads)."""
    return {
        "id": row["id"],  # the relation id ``reject`` and ``confirm`` take
        "relation": row["type"],
        "direction": "both" if row["type"] == COOCCURRENCE else row["direction"],
        "entity": {"id": row["other_id"], "name": row["other_name"], "type": row["other_type"]},
        "weight": row["weight"],
        "confidence": round(row["confidence"], 3),
        "predicate": row["predicate"],
        "title": row["title"],
        "method": row["method"],
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "confirmed": confirmed,
        "evidence": evidence,
    }


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


# -- connections (``KnowledgeGraph.connections``) ----------------------------------------------
class ConnectionCriteria(TypedDict):
    """The filter a connection list was read with, echoed in its answer."""

    relation_types: list[str]
    entity_types: list[str]
    since: str | None
    until: str | None
    min_weight: int
    min_confidence: float


class Hop(TypedDict):
    """One relation of a two-step chain, from the entity it is reached from."""

    relation: str
    direction: str
    weight: int
    title: str | None
    predicate: str | None
    relation_id: int
    evidence: list[EvidenceSentence]


class Via(TypedDict):
    entity: EntityRef  # the first-degree entity the chain passes through
    first: Hop
    second: Hop


class SecondDegree(TypedDict):
    entity: EntityRef
    paths: int
    via: list[Via]


class Connections(TypedDict):
    entity: EntityRef
    depth: int
    filters: ConnectionCriteria
    connections: list[Connection]
    second_degree: NotRequired[list[SecondDegree]]


# -- paths (``KnowledgeGraph.path``) ---------------------------------------------------------
# "from" is a keyword: the functional form.
PathHop = TypedDict(
    "PathHop",
    {
        "from": EntityRef,
        "to": EntityRef,
        "relation": str,
        "direction": str,
        "weight": int,
        "confidence": float,
        "predicate": str | None,
        "title": str | None,
        "evidence": EvidenceSentence | None,
        "other_relations": list[str],  # other types linking the same two entities
    },
)


class Chain(TypedDict):
    length: int
    entities: list[EntityRef]
    hops: list[PathHop]


class PathResult(TypedDict):
    source: EntityRef
    target: EntityRef
    max_hops: int
    hops: int | None  # None: no chain within max_hops
    paths: list[Chain]


# -- rankings (``KnowledgeGraph.top``) ---------------------------------------------------------
class MentionedEntity(EntityRef):
    mentions: int


class RankedEntity(MentionedEntity):
    rank: int
    score: float


class TopResult(TypedDict):
    by: str
    type: str | None
    min_confidence: float
    approximate: bool
    entities: list[RankedEntity]


# -- Cypher (``KnowledgeGraph.cypher``, Neo4j's ``run_cypher``) ---------------------------------
class CypherResult(TypedDict):
    """Columns in RETURN order and one JSON-ready dict per row (``queries.results``);
    ``warnings`` only when there are some."""

    columns: list[str]
    rows: list[dict[str, Any]]  # cell values are whatever the query returns
    warnings: NotRequired[list[str]]


# -- article reads (``KnowledgeGraph.relation_evidence``, ``document``, ``sources``) ----------
class SourcedEvidence(EvidenceItem):
    """An evidence sentence with its document's source and URL (the explorer's edge panel)."""

    source: str | None
    url: str | None


class RelationEvidence(RelationFields):
    """One relation by its ends and type, with its evidence, best first."""

    head: str
    type: str
    tail: str
    evidence_count: int
    evidence: list[SourcedEvidence]


class ArticleMention(TypedDict):
    entity: str
    start: int
    end: int
    sentence: int  # the sentence's index in the article
    text: str


class ArticleRelation(TypedDict):
    """A relation the article is evidence for, with the sentence that says it."""

    head: str
    type: str
    tail: str
    confidence: float
    weight: int
    method: str
    sentence: str
    start: int
    end: int
    head_name: str
    tail_name: str
    head_type: str
    tail_type: str


class Article(TypedDict):
    """A stored article: metadata, cleaned text (None when stored without it), byline
    authors, mentions with offsets, entities mentioned and the relations it supports."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    modified: str | None
    site_name: str | None
    language: str | None
    external_id: str | None
    date: str | None
    text_length: int | None
    text: str | None
    authors: list[EntityRef]
    mentions: list[ArticleMention]
    entities: list[MentionedEntity]
    relations: list[ArticleRelation]


class SourceCount(TypedDict):
    source: str
    documents: int
