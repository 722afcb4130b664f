"""The entity card, read from Neo4j after a push: same lookup rules and same JSON shape as
``KnowledgeGraph.entity`` on the embedded store.

Lookup mirrors ``Store.candidates``: an id, then the canonical name, an alias or a
Person's surname, compared after ``normalise_name``. The full-text index the push creates
(case- and accent-folding) narrows the candidates; when it finds no exact match (or is
missing), every entity's names are scanned, so a name the index tokenises differently
("O'Brien") is still found.
"""

from __future__ import annotations

from typing import Any

from newsgraph.errors import AmbiguousEntity, UnknownEntity
from newsgraph.graph.model import COOCCURRENCE, normalise_name, surname
from newsgraph.graph.neo4j_client import Neo4jTarget, open_driver
from newsgraph.graph.neo4j_sync import EVIDENCE_PER_RELATION, FULLTEXT_INDEX
from newsgraph.graph.records import Connection, EntityCard, EvidenceItem
from newsgraph.queries.filters import DEFAULT_MIN_CONFIDENCE

KIND_RANK = {"name": 0, "alias": 1, "surname": 2}
ENTITY_FIELDS = (
    "id", "name", "type", "aliases", "mentions", "documents", "bylines", "iso3", "is_agency", "first_seen", "last_seen",
)

CANDIDATE_RETURN = "RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, n.mentions AS mentions"
FULLTEXT_QUERY = (
    f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $phrase, {{limit: 500}}) YIELD node AS n "
    + CANDIDATE_RETURN
)
SCAN_QUERY = "MATCH (n:Entity) " + CANDIDATE_RETURN
CONNECTIONS_QUERY = (
    "MATCH (e:Entity {id: $id})-[r]-(o:Entity) WHERE r.confidence >= $min_confidence "
    "RETURN type(r) AS type, startNode(r) = e AS out, o.id AS oid, o.name AS oname, o.type AS otype, "
    "properties(r) AS props"
)


def _kind(row: dict[str, Any], norm: str) -> str | None:
    if normalise_name(row["name"] or "") == norm:
        return "name"
    if any(normalise_name(a) == norm for a in row["aliases"] or []):
        return "alias"
    name = row["name"] or ""
    if row["type"] == "Person" and len(name.split()) >= 2 and normalise_name(surname(name)) == norm:
        return "surname"
    return None


def _matches(rows: list[dict[str, Any]], norm: str) -> list[tuple[dict[str, Any], str]]:
    found = {}
    for row in rows:
        kind = _kind(row, norm)
        if kind and row["id"] not in found:
            found[row["id"]] = (row, kind)
    return sorted(found.values(), key=lambda rk: (KIND_RANK[rk[1]], -(rk[0]["mentions"] or 0), rk[0]["id"]))


def _closest(rows: list[dict[str, Any]], query: str, limit: int = 5) -> list[str]:
    """As the store's suggestions (``graph.search``): best-scoring name or alias, then mentions."""
    from newsgraph.graph.search import MIN_SCORE, is_candidate, score

    norm = normalise_name(query)
    scored = []
    for r in rows:
        forms = [normalise_name(a) for a in [r["name"], *(r.get("aliases") or [])] if a]
        best = max((score(norm, f) for f in forms if is_candidate(norm, f)), default=0.0)
        if best >= MIN_SCORE:
            scored.append((-best, -(r["mentions"] or 0), r["name"], r["id"]))
    return [f"{name} ({eid})" for _, _, name, eid in sorted(scored)[:limit]]


def _has_fulltext_index(tx: Any) -> bool:
    # Checked, not tried: a failed query would spoil the whole transaction.
    return tx.run(
        "SHOW FULLTEXT INDEXES YIELD name, state WHERE name = $name AND state = 'ONLINE' RETURN name", name=FULLTEXT_INDEX
    ).single() is not None


def resolve(tx: Any, query: str) -> str:
    """The entity id for ``query``, or UnknownEntity / AmbiguousEntity as on the store."""
    if tx.run("MATCH (n:Entity {id: $id}) RETURN n.id", id=query).single() is not None:
        return query
    norm = normalise_name(query)
    if norm.startswith("the "):
        norm = norm[4:]
    matches: list[tuple[dict[str, Any], str]] = []
    if norm and _has_fulltext_index(tx):
        matches = _matches(tx.run(FULLTEXT_QUERY, phrase=f'"{norm}"').data(), norm)
    everything: list[dict[str, Any]] | None = None
    if not matches:
        everything = tx.run(SCAN_QUERY).data()
        matches = _matches(everything, norm)
    if not matches:
        closest = _closest(everything or [], query)
        raise UnknownEntity(query=query, closest=", ".join(closest) if closest else "none")
    if len(matches) > 1:
        names = [row for row, kind in matches if kind == "name"]
        if len(names) != 1:
            labels = [f"{row['name']} ({row['type']}, {row['id']})" for row, _ in matches[:6]]
            raise AmbiguousEntity(query=query, candidates="; ".join(labels))
        return str(names[0]["id"])
    return str(matches[0][0]["id"])


def evidence_documents(props: dict[str, Any]) -> list[str]:
    """The document of each of ``sentences``: stored only when it is not simply the head of
    ``document_ids`` (see ``neo4j_sync``)."""
    if props.get("evidence_documents") is not None:
        return list(props["evidence_documents"])
    return list(props.get("document_ids") or [])[: len(props.get("sentences") or [])]


def _connection(row: dict[str, Any], titles: dict[str, tuple[Any, Any]], evidence_limit: int) -> Connection:
    p = row["props"]
    evidence: list[EvidenceItem] = []
    for doc, sentence, start, end in list(
        zip(
            evidence_documents(p),
            p.get("sentences") or [],
            p.get("evidence_starts") or [],
            p.get("evidence_ends") or [],
        )
    )[:evidence_limit]:
        title, date = titles.get(doc, (None, None))
        evidence.append({"document": doc, "sentence": sentence, "start": start, "end": end, "title": title, "date": date})
    return {
        "id": p.get("relation_id"),
        "relation": row["type"],
        "direction": "both" if row["type"] == COOCCURRENCE else ("out" if row["out"] else "in"),
        "entity": {"id": row["oid"], "name": row["oname"], "type": row["otype"]},
        "weight": p.get("weight"),
        "confidence": p.get("confidence"),
        "predicate": p.get("predicate"),
        "title": p.get("title"),
        "method": p.get("method"),
        "first_seen": p.get("first_seen"),
        "last_seen": p.get("last_seen"),
        "confirmed": bool(p.get("confirmed")),
        "evidence": evidence,
    }


def card(tx: Any, name: str, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE, evidence_limit: int = EVIDENCE_PER_RELATION) -> EntityCard:
    eid = resolve(tx, name)
    props = tx.run("MATCH (n:Entity {id: $id}) RETURN properties(n) AS p", id=eid).single()["p"]
    # The store's card keys, in ENTITY_FIELDS order.
    out: EntityCard = {
        "id": props.get("id"), "name": props.get("name"), "type": props.get("type"),
        "aliases": list(props.get("aliases") or []), "mentions": props.get("mentions"),
        "documents": props.get("documents"), "bylines": props.get("bylines"), "iso3": props.get("iso3"),
        "is_agency": bool(props.get("is_agency")), "first_seen": props.get("first_seen"), "last_seen": props.get("last_seen"),
    }
    rows = tx.run(CONNECTIONS_QUERY, id=eid, min_confidence=min_confidence).data()
    doc_ids = sorted({d for r in rows for d in evidence_documents(r["props"])[:evidence_limit]})
    titles = {
        r["id"]: (r["title"], r["date"])
        for r in tx.run(
            "MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.title AS title, d.date AS date", ids=doc_ids
        ).data()
    }
    # The store's order: co-occurrence last, then by type, weight (heaviest first), the
    # other entity's name and id; outgoing before incoming.
    rows.sort(key=lambda r: (r["type"] == COOCCURRENCE, r["type"], -(r["props"].get("weight") or 0), r["oname"] or "", r["oid"], not r["out"]))
    out["connections"] = [_connection(r, titles, evidence_limit) for r in rows]
    return out


def entity_card(
    name: str,
    uri: str | None = None,
    *,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    evidence_limit: int = EVIDENCE_PER_RELATION,
) -> EntityCard:
    """``KnowledgeGraph.entity(name)``, answered by Neo4j. At most the evidence the push
    kept per relation (``EVIDENCE_PER_RELATION``) can be shown."""
    target = Neo4jTarget.from_env(uri, user, password, database)
    with open_driver(target) as driver, driver.session(database=target.database) as session:
        result: EntityCard = session.execute_read(
            lambda tx: card(tx, name, min_confidence=min_confidence, evidence_limit=evidence_limit)
        )
        return result
