"""Reads about documents for the explorer (``newsgraph serve``): an edge's evidence with
its documents, an article with its mentions and relations, the sources stored.

Kept apart from ``store.py`` (the writes and the core reads) so the explorer's reads have
one owner in graph/, the only package that speaks SQL.
"""

from __future__ import annotations

from typing import Any

from newsgraph.graph.batches import chunks
from newsgraph.graph.records import (
    Article, ArticleMention, ArticleRelation, EntityRef, MentionedEntity, RelationEvidence, SourceCount,
)
from newsgraph.graph.store import Store

# What a reference to a document shows (entity cards' and the explorer's evidence).
DOCUMENT_REF_FIELDS = ("title", "date", "url", "source", "published", "modified", "site_name", "language")


def documents(store: Store, ids: set[str] | list[str]) -> dict[str, dict[str, Any]]:
    """Title, date, URL, source and page metadata (issue 18: published and modified
    dates, site name, declared language; None where the input gave none) of documents, by id."""
    out: dict[str, dict[str, Any]] = {}
    ordered = sorted(set(ids))
    for chunk in chunks(ordered):
        for r in store.conn.execute(
            f"SELECT id, {', '.join(DOCUMENT_REF_FIELDS)} FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            out[r["id"]] = {"id": r["id"], **{k: r[k] for k in DOCUMENT_REF_FIELDS}}
    return out


def relation_evidence(store: Store, head: str, rel_type: str, tail: str, limit: int | None = None) -> RelationEvidence | None:
    """One relation (head, type, tail) with its evidence sentences, best first, each with
    its document's title, date, source and id; None when there is no such relation."""
    row = store.conn.execute(
        "SELECT id, weight, confidence, predicate, title, method, first_seen, last_seen FROM relations "
        "WHERE head=? AND type=? AND tail=?",
        (head, rel_type, tail),
    ).fetchone()
    if row is None:
        return None
    total = store.conn.execute("SELECT count(*) FROM evidence WHERE relation_id=?", (row["id"],)).fetchone()[0]
    sentences = store.evidence(row["id"], limit)
    docs = documents(store, {e["document"] for e in sentences})
    return {
        "id": row["id"], "head": head, "type": rel_type, "tail": tail,
        "weight": row["weight"], "confidence": round(row["confidence"], 3), "predicate": row["predicate"],
        "title": row["title"], "method": row["method"], "first_seen": row["first_seen"], "last_seen": row["last_seen"],
        "evidence_count": total, "confirmed": store.is_confirmed(row["id"]),
        "evidence": [
            {
                "document": e["document"], "sentence": e["sentence"], "start": e["start"], "end": e["end"],
                "title": e["title"], "date": e["date"], "source": docs.get(e["document"], {}).get("source"),
                "url": docs.get(e["document"], {}).get("url"),
            }
            for e in sentences
        ],
    }


def document_text(store: Store, doc_id: str) -> str | None:
    """The cleaned text of a document as it was parsed (the offsets of its mentions and
    evidence point into it); None for documents stored without it (before schema 6, or
    loaded from ``extract --jsonl``)."""
    row = store.conn.execute("SELECT text FROM document_texts WHERE document_id=?", (doc_id,)).fetchone()
    return row[0] if row else None


def document(store: Store, doc_id: str) -> Article | None:
    """An article: its metadata, text (or None), every mention with its entity's type,
    the entities mentioned, and the relations it is evidence for, with their sentences."""
    row = store.conn.execute(
        "SELECT id, title, source, url, published, modified, site_name, language, external_id, text_length, date "
        "FROM documents WHERE id=?", (doc_id,)
    ).fetchone()
    if row is None:
        return None
    mentions: list[ArticleMention] = [
        {"entity": r["entity_id"], "start": r["start"], "end": r["end"], "sentence": r["sentence"], "text": r["text"]}
        for r in store.conn.execute(
            "SELECT entity_id, start, end, sentence, text FROM mentions WHERE document_id=? ORDER BY start, end DESC",
            (doc_id,),
        )
    ]
    entities: dict[str, MentionedEntity] = {
        r["id"]: {"id": r["id"], "name": r["name"], "type": r["type"], "mentions": r["here"]}
        for r in store.conn.execute(
            "SELECT e.id, e.name, e.type, ed.mentions AS here FROM entity_documents ed JOIN entities e ON e.id = ed.entity_id "
            "WHERE ed.document_id=? ORDER BY ed.mentions DESC, e.name",
            (doc_id,),
        )
    }
    # A mention's entity may have been merged away since; entity_documents follows merges.
    missing = {m["entity"] for m in mentions} - set(entities)
    for eid in sorted(missing):
        e = store.entity(eid)
        if e is not None:
            entities[eid] = {"id": eid, "name": e["name"], "type": e["type"], "mentions": 0}
    relations: list[ArticleRelation] = [
        {
            "head": r["head"], "type": r["type"], "tail": r["tail"], "confidence": round(r["confidence"], 3),
            "weight": r["weight"], "method": r["method"], "sentence": r["sentence"], "start": r["start"], "end": r["end"],
            "head_name": r["head_name"], "tail_name": r["tail_name"], "head_type": r["head_type"], "tail_type": r["tail_type"],
        }
        for r in store.conn.execute(
            "SELECT r.head, r.type, r.tail, v.confidence, r.weight, v.method, v.sentence, v.start, v.end, "
            "h.name AS head_name, t.name AS tail_name, h.type AS head_type, t.type AS tail_type "
            "FROM evidence v JOIN relations r ON r.id = v.relation_id "
            "JOIN entities h ON h.id = r.head JOIN entities t ON t.id = r.tail "
            "WHERE v.document_id=? ORDER BY v.start, r.type = 'CO_OCCURS_WITH', r.type, h.name, t.name",
            (doc_id,),
        )
    ]
    # The byline (issue 18): who wrote it, apart from the entities the text names.
    authors: list[EntityRef] = [
        {"id": r[0], "name": r[1], "type": r[2]}
        for r in store.conn.execute(
            "SELECT e.id, e.name, e.type FROM bylines b JOIN entities e ON e.id = b.entity_id "
            "WHERE b.document_id=? ORDER BY e.name, e.id",
            (doc_id,),
        )
    ]
    return {
        "id": row["id"], "title": row["title"], "source": row["source"], "url": row["url"],
        "published": row["published"], "modified": row["modified"], "site_name": row["site_name"],
        "language": row["language"], "external_id": row["external_id"], "date": row["date"],
        "text_length": row["text_length"], "text": document_text(store, doc_id), "authors": authors,
        "mentions": mentions, "entities": list(entities.values()), "relations": relations,
    }


def sources(store: Store, limit: int = 200) -> list[SourceCount]:
    """The documents' sources, most documents first (a filter's choices)."""
    return [
        {"source": r[0], "documents": r[1]}
        for r in store.conn.execute(
            "SELECT source, count(*) FROM documents WHERE source IS NOT NULL AND source != '' "
            "GROUP BY source ORDER BY count(*) DESC, source LIMIT ?",
            (limit,),
        )
    ]
