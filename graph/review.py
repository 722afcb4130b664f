"""What is most worth an analyst's look (``newsgraph review``): three kinds of item, each
with its evidence and the correction commands that would settle it.

- ``weak-hub-edge``: an unconfirmed relation scored (degree of head + degree of tail) x
  (1 - confidence): a doubtful edge on a well-connected entity misleads the most queries;
- ``conflicting-types``: one pair of entities linked by several relation types (in either
  direction), often one reading of a sentence being right and another wrong;
- ``shared-name``: a name, alias or surname that several entities answer to (a split
  person, a club and its city): ``merge`` them, or leave them and know the name is ambiguous.

Co-occurrence edges are left out: they claim nothing but proximity.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from newsgraph.graph.model import COOCCURRENCE


@dataclass
class ReviewItem:
    kind: str
    score: float
    reason: str
    relations: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    suggest: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _names(conn: sqlite3.Connection, ids: set[str]) -> dict[str, sqlite3.Row]:
    return {r["id"]: r for r in conn.execute(
        "SELECT id, name, type, mentions FROM entities WHERE id IN (SELECT value FROM json_each(?))", (_json(ids),))}


def _json(values: Any) -> str:
    import json

    return json.dumps(sorted(values))


def _relation(conn: sqlite3.Connection, r: sqlite3.Row, names: dict[str, sqlite3.Row], evidence: int) -> dict[str, Any]:
    ev = [{"document": e[0], "sentence": e[1]} for e in conn.execute(
        "SELECT v.document_id, v.sentence FROM evidence v JOIN documents d ON d.id = v.document_id WHERE v.relation_id = ? "
        "ORDER BY v.confidence DESC, d.date DESC, v.document_id, v.start LIMIT ?", (r["id"], evidence))]
    return {"id": r["id"], "head": {"id": r["head"], "name": names[r["head"]]["name"]}, "type": r["type"],
            "tail": {"id": r["tail"], "name": names[r["tail"]]["name"]}, "confidence": round(r["confidence"], 3),
            "weight": r["weight"], "evidence": ev}


def review(conn: sqlite3.Connection, limit: int = 10, evidence: int = 2, min_confidence: float = 0.0) -> list[ReviewItem]:
    """At most ``limit`` items of each kind, best first within a kind; relations below
    ``min_confidence`` (hidden by the read commands) are left out."""
    items: list[ReviewItem] = []
    weak = conn.execute(
        "WITH deg AS (SELECT e, count(*) AS d FROM (SELECT head AS e FROM relations WHERE type != ?1 "
        "UNION ALL SELECT tail FROM relations WHERE type != ?1) GROUP BY e) "
        "SELECT r.*, (dh.d + dt.d) * (1.0 - r.confidence) AS score FROM relations r "
        "JOIN deg dh ON dh.e = r.head JOIN deg dt ON dt.e = r.tail "
        "WHERE r.type != ?1 AND r.id NOT IN (SELECT relation_id FROM confirmed_relations) AND r.confidence < 1.0 "
        "AND r.confidence >= ?3 ORDER BY score DESC, r.id LIMIT ?2", (COOCCURRENCE, limit, min_confidence)).fetchall()
    pairs = conn.execute(
        "SELECT min(head, tail) AS a, max(head, tail) AS b, count(DISTINCT type) AS n FROM relations WHERE type != ? "
        "AND confidence >= ? GROUP BY a, b HAVING n > 1 ORDER BY sum(weight) DESC, a, b LIMIT ?",
        (COOCCURRENCE, min_confidence, limit)).fetchall()
    pair_rels = [conn.execute(
        "SELECT * FROM relations WHERE type != ? AND confidence >= ? AND ((head = ? AND tail = ?) OR (head = ? AND tail = ?)) "
        "ORDER BY weight DESC, id", (COOCCURRENCE, min_confidence, p["a"], p["b"], p["b"], p["a"])).fetchall() for p in pairs]
    shared = conn.execute(
        "SELECT a.norm, min(a.alias) AS alias, json_group_array(DISTINCT a.entity_id) AS ids, sum(e.mentions) AS m "
        "FROM aliases a JOIN entities e ON e.id = a.entity_id GROUP BY a.norm HAVING count(DISTINCT a.entity_id) > 1 "
        "ORDER BY m DESC, a.norm LIMIT ?", (limit,)).fetchall()
    import json

    ids = {r["head"] for r in weak} | {r["tail"] for r in weak}
    ids |= {x for rels in pair_rels for r in rels for x in (r["head"], r["tail"])}
    ids |= {x for s in shared for x in json.loads(s["ids"])}
    names = _names(conn, ids)
    for r in weak:
        rel = _relation(conn, r, names, evidence)
        items.append(ReviewItem(
            kind="weak-hub-edge", score=round(r["score"], 2),
            reason=f"confidence {rel['confidence']} on entities with many relations",
            relations=[rel], suggest=[f"newsgraph confirm {r['id']}", f"newsgraph reject {r['id']}"]))
    for p, rels in zip(pairs, pair_rels):
        out = [_relation(conn, r, names, evidence) for r in rels]
        items.append(ReviewItem(
            kind="conflicting-types", score=float(sum(r["weight"] for r in rels)),
            reason=f"{names[p['a']]['name']} and {names[p['b']]['name']} are linked as {', '.join(sorted({r['type'] for r in rels}))}",
            relations=out, suggest=[f"newsgraph reject {r['id']}" for r in rels]))
    for s in shared:
        ents = sorted((names[i] for i in json.loads(s["ids"])), key=lambda e: (-e["mentions"], e["id"]))
        items.append(ReviewItem(
            kind="shared-name", score=float(s["m"]),
            reason=f"{s['alias']!r} names {len(ents)} entities",
            entities=[{"id": e["id"], "name": e["name"], "type": e["type"], "mentions": e["mentions"]} for e in ents],
            suggest=["newsgraph merge " + " ".join(repr(e["id"]).replace("'", '"') for e in ents[1:] + ents[:1])]))
    return items
