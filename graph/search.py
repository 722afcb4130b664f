"""Finding entities by what a user types: partial, misspelt, unaccented, initials.

Candidates come from SQLite, scores from rapidfuzz. A trigram full-text index
(``search_norms``, FTS5) holds every distinct normalised alias once; a trigger on
``aliases`` keeps it complete as articles arrive, so a search never scans the entities.
Both are created by the migration graph/schema/002_search_index.sql.
A norm whose last alias is deleted (a merge) stays in the index: the join back to
``aliases`` drops it, and it costs one row.

Scoring a candidate alias against the query (both normalised: case, accents, punctuation
folded): 100 for the same key, 95 when the query reads as initials of the alias
("m rubio", "j f kennedy"), else rapidfuzz's WRatio (partial and token-order aware, so
"rubio" scores 90 against "marco rubio" and "bukelle" 92 against "bukele"). An entity
scores its best alias; hits rank by score, then by mentions.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from newsgraph.graph.batches import chunks
from newsgraph.graph.model import NAMED_IN_TEXT, normalise_name


MIN_SCORE = 60.0
FTS_CANDIDATES = 200  # norms taken from the trigram index per look-up before scoring
EXACT, INITIALS = 100.0, 95.0
CLOSE = 90.0  # a candidate this good: no typo search
GOOD = 80.0  # a typo candidate this good: no look-up by single trigrams


@dataclass(frozen=True)
class SearchHit:
    """One entity found by ``search``: ``matched`` is the alias that scored best."""

    id: str
    name: str
    type: str
    score: float
    mentions: int
    documents: int
    matched: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _initials(query: list[str], alias: list[str]) -> bool:
    """"m rubio" is Marco Rubio: as many words, each a prefix of the alias's word, one at least shortened."""
    if len(query) < 2 or len(query) != len(alias):
        return False
    return all(a.startswith(q) for q, a in zip(query, alias)) and query != alias


def score(query: str, norm: str) -> float:
    from rapidfuzz import fuzz

    if query == norm:
        return EXACT
    if _initials(query.split(), norm.split()):
        return INITIALS
    return float(fuzz.WRatio(query, norm))


def is_candidate(query: str, norm: str) -> bool:
    """Whether the index would offer ``norm`` for ``query`` (for callers scoring rows they
    hold, e.g. the Neo4j card's suggestions): a shared trigram, or a prefix when short."""
    if len(query) < 3:
        return norm.startswith(query) or norm == query
    grams = {query[i : i + 3] for i in range(len(query) - 2)}
    return any(g in norm for g in grams)


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _candidate_norms(conn: sqlite3.Connection, query: str, want: int) -> set[str]:
    norms = {query}
    if len(query) < 3:
        # Too short for a trigram: a prefix range on the alias index.
        rows = conn.execute(
            "SELECT DISTINCT norm FROM aliases WHERE norm >= ? AND norm < ? LIMIT ?",
            (query, query + "\U0010ffff", FTS_CANDIDATES),
        )
        norms.update(r[0] for r in rows)
        return norms
    # The query as a substring first (cheap, exact).
    found = {r[0] for r in conn.execute("SELECT norm FROM search_norms WHERE search_norms MATCH ? LIMIT ?",
                                        (_fts_phrase(query), FTS_CANDIDATES))}
    norms.update(found)
    if len(query.split()) >= 2:
        # Initials ("m rubio"): aliases whose last word is the query's last word. Not
        # graph.model.surname: the query is normalised (lower case, hyphens gone), and an
        # alias with the word anywhere is a candidate the scoring then ranks.
        last = query.split()[-1]
        if len(last) >= 3:
            norms.update(
                r[0] for r in conn.execute(
                    "SELECT norm FROM search_norms WHERE search_norms MATCH ? LIMIT ?", (_fts_phrase(" " + last), FTS_CANDIDATES)
                )
            )
    close = any(score(query, n) >= CLOSE for n in norms if n != query or n in found)
    if len(norms) < want and not close:
        # Nothing contains the query nor is close to it: a typo. Candidates share two
        # trigrams three characters apart (one typo breaks at most one of the pair), which
        # match far fewer norms than single trigrams (ranking every norm sharing one common
        # trigram took 200-550 ms on a million).
        grams = [query[i : i + 3] for i in range(len(query) - 2)]
        pairs = [f"({_fts_phrase(grams[i])} AND {_fts_phrase(grams[i + 3])})" for i in range(len(grams) - 3)]
        for expr in (" OR ".join(pairs), " OR ".join(_fts_phrase(g) for g in sorted(set(grams)))):
            # Short words ("bukelle" for "bukele") share no distant pair: single trigrams
            # then, unless the pairs found a good match already (ranking single trigrams is
            # the slow look-up on a large store).
            if not expr or len(norms) >= want or any(score(query, n) >= GOOD for n in norms if n != query):
                continue
            norms.update(
                r[0] for r in conn.execute(
                    "SELECT norm FROM search_norms WHERE search_norms MATCH ? ORDER BY rank LIMIT ?", (expr, FTS_CANDIDATES)
                )
            )
    return norms


def search(conn: sqlite3.Connection, text: str, entity_type: str | None = None, limit: int = 20) -> list[SearchHit]:
    """Entities whose name or an alias matches ``text``, best first (see the module docstring)."""
    query = normalise_name(text)
    if not query:
        return []
    exact = text.strip()
    exact_row = conn.execute(
        f"SELECT id, name, type, mentions, documents FROM entities WHERE id = ? AND {NAMED_IN_TEXT}"
        + (" AND type = ?" if entity_type else ""),
        (exact, entity_type) if entity_type else (exact,),
    ).fetchone()
    # "the U.S." is the US, as in ``Store.candidates``; "The Hague" keeps its article too.
    forms = [query, query[4:]] if query.startswith("the ") and len(query) > 4 else [query]
    # Wanted candidates: the hits asked for, with room for --type to drop some.
    want = limit * (5 if entity_type else 2)
    norms = sorted(set().union(*(_candidate_norms(conn, f, want) for f in forms)))
    scores = {n: max(score(f, n) for f in forms) for n in norms}
    groups: dict[float, list[str]] = {}
    for n in norms:
        if scores[n] >= MIN_SCORE:
            # Hits show and rank by the score to one decimal: 90.04 and 90.01 tie.
            groups.setdefault(round(scores[n], 1), []).append(n)
    if exact_row:
        groups.setdefault(EXACT, [])
    # An entity scores its best alias: one score at a time from the best, SQLite ranks the
    # entities of that score by mentions and hands over only those still wanted. (A surname
    # shared by thousands of people on a big store made every search read all of them, and
    # their entity rows, in Python to return 20: most of a search's time.)
    hits: list[SearchHit] = []
    for s in sorted(groups, reverse=True):
        need = limit - len(hits)
        if need <= 0:
            break
        group = groups[s]
        seen = [h.id for h in hits]
        found = _ranked_entities(conn, group, entity_type, seen, need)
        if s == EXACT and exact_row and exact_row[0] not in seen and all(r[0] != exact_row[0] for r in found):
            found.append(tuple(exact_row))
            found.sort(key=lambda r: (-r[3], r[1], r[0]))
            found = found[:need]
        matched = _matched_aliases(conn, [r[0] for r in found], group)
        for eid, label, etype, mentions, documents in found:
            # The canonical name shows as the match when it scores as well as an alias; an
            # id typed as is shows as typed.
            alias = matched.get(eid, exact)
            if exact_row and eid == exact_row[0] and s == EXACT and eid not in _names_of(conn, eid, group):
                alias = exact
            hits.append(SearchHit(id=eid, name=label, type=etype, score=s, mentions=mentions,
                                  documents=documents, matched=alias))
    return hits


def _ranked_entities(
    conn: sqlite3.Connection, norms: list[str], entity_type: str | None, seen: list[str], need: int
) -> list[tuple[Any, ...]]:
    """The ``need`` entities with an alias among ``norms`` (not in ``seen``), most mentioned
    first, then by name and id: the order of the hits."""
    out: list[tuple[Any, ...]] = []
    for part in chunks(norms):
        # CROSS JOIN: from the aliases of these norms to their entities, never a walk of the
        # entities in mentions order.
        sql = (
            "SELECT DISTINCT e.id, e.name, e.type, e.mentions, e.documents FROM aliases a CROSS JOIN entities e "
            f"ON e.id = a.entity_id WHERE a.norm IN ({','.join('?' * len(part))}) AND e.{NAMED_IN_TEXT}"
        )
        args: list[Any] = list(part)
        if entity_type:
            sql += " AND e.type = ?"
            args.append(entity_type)
        if seen:
            sql += f" AND e.id NOT IN ({','.join('?' * len(seen))})"
            args += seen
        sql += " ORDER BY e.mentions DESC, e.name, e.id LIMIT ?"
        out += conn.execute(sql, [*args, need]).fetchall()
    out = list({r[0]: tuple(r) for r in out}.values())
    out.sort(key=lambda r: (-r[3], r[1], r[0]))
    return out[:need]


def _matched_aliases(conn: sqlite3.Connection, ids: list[str], norms: list[str]) -> dict[str, str]:
    """For each entity, its alias among ``norms`` to show: the canonical name if it is one,
    else the first by norm (all of them score the same)."""
    out: dict[str, tuple[bool, str, int, str]] = {}
    wanted = set(norms)
    for part in chunks(ids):
        for eid, alias, norm, kind, rowid in conn.execute(
            f"SELECT entity_id, alias, norm, kind, rowid FROM aliases WHERE entity_id IN ({','.join('?' * len(part))})", part
        ):
            if norm not in wanted:
                continue
            key = (kind != "name", norm, rowid, alias)
            if eid not in out or key < out[eid]:
                out[eid] = key
    return {eid: key[3] for eid, key in out.items()}


def _names_of(conn: sqlite3.Connection, eid: str, norms: list[str]) -> set[str]:
    """``{eid}`` when the entity's canonical name is among ``norms``, else empty."""
    wanted = set(norms)
    return {eid for (norm,) in conn.execute("SELECT norm FROM aliases WHERE entity_id = ? AND kind = 'name'", (eid,)) if norm in wanted}

