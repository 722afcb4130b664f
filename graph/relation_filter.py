"""Which relations a read keeps: the one filter of every read that filters relations
(issue 16). The entity card, ``connections``, ``path``, ``top``, the exports, ``show``, the
explorer and the embedded Cypher graph all build a ``RelationFilter`` and take their SQL
condition from its one ``sql()``, so "at least this confident", "of these types", "dated
in this period" and "of these entity types" are written once.

``newsgraph.show.EgoOptions`` is this filter plus the walk's own settings (depth, node
budget).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.graph.model import COOCCURRENCE

__all__ = ["RelationFilter", "evidence_date_clause"]


def evidence_date_clause(column: str, since: str | None, until: str | None) -> tuple[str, list[str]]:
    """The one definition of ``--since``/``--until`` over evidence: a SQL condition on a
    document's ``date`` column (inclusive ISO bounds) and its arguments; ``("1", [])`` when
    neither is given.

    Undated evidence (an article whose input gave no date: newsgraph never stamps the
    ingest day) is **excluded** as soon as either bound is given: nobody can say it falls
    inside the period, and a date filter should not answer with evidence it cannot date.
    Without a bound, undated evidence counts like any other."""
    clauses, args = [], []
    if since:
        clauses.append(f"({column} IS NOT NULL AND {column} >= ?)")
        args.append(since[:10])
    if until:
        clauses.append(f"({column} IS NOT NULL AND {column} <= ?)")
        args.append(until[:10])
    return " AND ".join(clauses) or "1", args


@dataclass
class RelationFilter:
    relation_types: list[str] = field(default_factory=list)  # empty: every type
    entity_types: list[str] = field(default_factory=list)  # of the ends ``sql(ends=...)`` names
    min_weight: int = 0
    min_confidence: float = 0.0
    since: str | None = None  # ISO dates, inclusive, compared with the evidence documents' dates
    until: str | None = None
    source: str | None = None  # some evidence document's source contains this text (any case)
    include_cooccurrence: bool = True
    evidence_per_edge: int = 3  # evidence sentences kept per edge by the graph views (0: all)

    @property
    def dated(self) -> bool:
        return bool(self.since or self.until)

    @property
    def filters_relations(self) -> bool:
        """True when some relations are left out for what they are (type, weight, dates,
        source): then a whole-store view keeps only the ends of the kept relations, not
        the isolated entities too."""
        return bool(self.relation_types or self.dated or self.source or self.min_weight > 0)

    def sql(
        self, relation: str = "r", ends: tuple[str, ...] = ("h", "t"), *, weight: bool = True, window: bool = True
    ) -> tuple[str, list[Any]]:
        """The WHERE condition (and its arguments) over the relation alias ``relation`` and
        the entity aliases ``ends``, each of whose ``type`` must be one of
        ``entity_types``: both ends for a graph, the other end for a connection list, none
        for a walk that checks types itself. ``weight=False`` leaves the weight floor to
        the caller (a weight counted inside the date window); ``window=False`` leaves the
        date window and source to it too. A criterion at its neutral value adds nothing,
        so a plain confidence floor keeps a scan index-only (weights are counts and
        confidences are non-negative; both columns are NOT NULL)."""
        r = relation
        clauses: list[str] = []
        args: list[Any] = []
        if weight and self.min_weight > 0:
            clauses.append(f"{r}.weight >= ?")
            args.append(self.min_weight)
        if self.min_confidence > 0:
            clauses.append(f"{r}.confidence >= ?")
            args.append(self.min_confidence)
        if self.relation_types:
            clauses.append(f"{r}.type IN ({','.join('?' * len(self.relation_types))})")
            args += self.relation_types
        if not self.include_cooccurrence:
            clauses.append(f"{r}.type != ?")
            args.append(COOCCURRENCE)
        if window and (self.dated or self.source):
            date_clause, date_args = self.date_sql()
            args += date_args
            if self.source:
                # One document must pass every criterion: dated in range and from the source.
                date_clause += " AND instr(lower(d.source), lower(?)) > 0"
                args.append(self.source)
            clauses.append(
                "EXISTS (SELECT 1 FROM evidence v JOIN documents d ON d.id = v.document_id "
                f"WHERE v.relation_id = {r}.id AND {date_clause})"
            )
        if self.entity_types and ends:
            marks = ",".join("?" * len(self.entity_types))
            clauses.append(" AND ".join(f"{e}.type IN ({marks})" for e in ends))
            args += list(self.entity_types) * len(ends)
        return " AND ".join(clauses) or "1", args

    def date_sql(self, alias: str = "d") -> tuple[str, list[Any]]:
        """Evidence dated inside the period; undated evidence is out when a bound is given."""
        clause, args = evidence_date_clause(f"{alias}.date", self.since, self.until)
        return clause, list(args)
