"""The facade: ``KnowledgeGraph.open(path)`` and the operations the CLI offers.

The CLI parses options, calls one method here and renders the result; no SQL, Cypher or
spaCy lives in the CLI.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, TextIO, cast

from newsgraph.errors import AmbiguousEntity, InputError, UnknownEntity
from newsgraph.graph.model import ExtractedDocument, document_id
from newsgraph.graph import corrections
from newsgraph.graph.corrections import Correction
from newsgraph.graph.records import (
    Article, Connection, Connections, CypherResult, EntityCard, PathResult, RelationEvidence, SourceCount, StoreStats, TopResult,
)
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.graph.review import ReviewItem
from newsgraph.graph.search import SearchHit
from newsgraph.graph.store import BatchResult, Store
from newsgraph.options import DEFAULT_DB, DEFAULT_MIN_CONFIDENCE

if TYPE_CHECKING:  # the modules behind these load on use (issue 16, fast start)
    from collections import Counter

    from newsgraph.extract.distributed import JobResult
    from newsgraph.exports import ExportResult
    from newsgraph.exports.source import Destination
    from newsgraph.graph.neo4j_sync import PushSummary
    from newsgraph.show import EgoNetwork, EgoOptions, ShowResult

# The facade's vocabulary: what a front end names in annotations comes from here too.
__all__ = [
    "Connection", "Connections", "Correction", "CypherResult", "DEFAULT_DB", "EntityCard", "IngestSummary",
    "KnowledgeGraph", "Neo4jGraph", "PathResult", "StoreStats", "TopResult",
]
COMMIT_EVERY = 64  # documents per transaction: small enough that a kill loses little


def ingest_date(value: str | None) -> str | None:
    """``ingest --date``: a calendar date, YYYY-MM-DD, or a coded error before any work."""
    if value is None:
        return None
    from datetime import date

    try:
        if len(value.strip()) != 10:
            raise ValueError
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InputError(detail=f"--date expects a date like 2025-03-10, not {value!r}") from None


def default_db() -> str:
    return os.environ.get("NEWSGRAPH_DB", DEFAULT_DB)


@dataclass
class IngestSummary:
    documents_new: int = 0
    documents_present: int = 0
    documents_failed: int = 0
    entities: int = 0
    relations: int = 0
    new_entities: int = 0
    new_relations: int = 0
    failures: list[str] = field(default_factory=list)
    # Inputs left out on purpose, by reason: not English, an archive's non-HTML or
    # duplicate records... (issue 18); not failures: the exit status stays 0.
    skipped: dict[str, int] = field(default_factory=dict)

    def add(self, batch: BatchResult) -> None:
        self.documents_new += batch.new_documents
        self.documents_present += batch.present_documents
        self.new_entities += batch.new_entities
        self.new_relations += batch.new_relations

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": {"new": self.documents_new, "present": self.documents_present, "failed": self.documents_failed},
            "entities": self.entities,
            "relations": self.relations,
            "new_entities": self.new_entities,
            "new_relations": self.new_relations,
            "failures": self.failures,
            "skipped": dict(sorted(self.skipped.items())),
        }


class KnowledgeGraph:
    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, path: str | Path | None = None, *, readonly: bool = False, create: bool = True) -> "KnowledgeGraph":
        """``readonly``: for reads; a missing store is an error, not a new empty file.
        ``create=False``: for writes that change what is there (corrections): the same."""
        return cls(Store(path or default_db(), readonly=readonly, create=create))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    # -- ingest -----------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        stdin: TextIO | None = None,
        model: str | None = None,
        workers: int | None = None,
        batch_size: int = 32,
        date: str | None = None,
        on_failure: Callable[[str], None] | None = None,
        on_document: Callable[[], None] | None = None,
    ) -> IngestSummary:
        """``date`` (YYYY-MM-DD) dates the articles whose input gives no date; an article's
        own date always wins, and without ``date`` an undated article stays undated."""
        from collections import Counter

        from newsgraph.extract.articles import english_articles, extract_articles, extraction_meta
        from newsgraph.extract.parallel import default_workers  # multiprocessing: ingest only
        from newsgraph.extract.readers import ReadFailure, iter_articles

        default_date = ingest_date(date)
        summary = IngestSummary()
        workers = workers or default_workers()
        seen: set[str] = set()
        skipped: Counter[str] = Counter()
        # Texts of the documents in flight, attached to their extraction on the way to the
        # store (workers return documents without it; it is stored for the article view).
        texts: dict[str, str] = {}

        def fail(item: ReadFailure) -> None:
            summary.documents_failed += 1
            summary.failures.append(item.message())
            if on_failure:
                on_failure(item.message())

        def pending() -> Iterator[tuple[str, dict[str, Any]]]:
            for item in english_articles(iter_articles(paths, stdin=stdin, skipped=skipped), skipped, fail):
                doc_id = document_id(item.text)
                if doc_id in seen or self.store.present_documents([doc_id]):
                    summary.documents_present += 1
                    if on_document:
                        on_document()
                    continue
                seen.add(doc_id)
                texts[doc_id] = item.text
                yield item.text, extraction_meta(item, doc_id, default_date)

        def with_text(docs: Iterator[ExtractedDocument]) -> Iterator[ExtractedDocument]:
            for doc in docs:
                doc.text = texts.pop(doc.id, None)
                yield doc

        self._store_stream(with_text(extract_articles(pending(), model, workers, batch_size)), summary, on_document)
        summary.skipped = dict(skipped)
        return summary

    def ingest_extracted(self, docs: Iterable[ExtractedDocument], on_document: Callable[[], None] | None = None) -> IngestSummary:
        summary = IngestSummary()
        self._store_stream(iter(docs), summary, on_document)
        return summary

    def ingest_from_extracted(
        self,
        paths: Iterable[str],
        *,
        stdin: TextIO | None = None,
        on_failure: Callable[[str], None] | None = None,
        on_document: Callable[[], None] | None = None,
    ) -> IngestSummary:
        """Load the output of ``newsgraph extract --jsonl`` without parsing again;
        idempotent like ``ingest`` (documents already stored are counted as present)."""
        from newsgraph.extracted import LineFailure, read_extracted

        summary = IngestSummary()

        def documents() -> Iterator[ExtractedDocument]:
            for item in read_extracted(paths, stdin):
                if isinstance(item, LineFailure):
                    summary.documents_failed += 1
                    summary.failures.append(item.message())
                    if on_failure:
                        on_failure(item.message())
                    continue
                yield item

        self._store_stream(documents(), summary, on_document)
        return summary

    def _store_stream(self, docs: Iterator[ExtractedDocument], summary: IngestSummary, on_document: Callable[[], None] | None) -> None:
        # The analyst's corrections, replayed as rules on every new article (graph/corrections.py).
        rules = corrections.Rules(self.store.conn)
        buffer: list[ExtractedDocument] = []
        for extracted in docs:
            if on_document:
                on_document()
            doc = rules.apply(extracted)
            if doc is None:
                summary.documents_present += 1  # forgotten by a correction: as if already there
                continue
            buffer.append(doc)
            if len(buffer) >= COMMIT_EVERY:
                summary.add(self.store.add_documents(buffer))
                buffer = []
        if buffer:
            summary.add(self.store.add_documents(buffer))
        stats = self.store.stats()
        summary.entities, summary.relations = stats["entities"], stats["relations"]

    @staticmethod
    def extract_text(text: str, *, model: str | None = None, source: str = "<text>", title: str | None = None,
                     min_confidence: float = 0.0) -> ExtractedDocument:
        from newsgraph.extract.pipeline import extract_doc, load_pipeline

        nlp = load_pipeline(model)
        doc = extract_doc(nlp(text), nlp, document_id=document_id(text), source=source, title=title)
        doc.relations = [r for r in doc.relations if r.confidence >= min_confidence]
        return doc

    @staticmethod
    def extract_files(
        paths: Iterable[str | Path],
        *,
        stdin: TextIO | None = None,
        model: str | None = None,
        min_confidence: float = 0.0,
        on_failure: Callable[[str], None] | None = None,
    ) -> tuple[list[ExtractedDocument], int]:
        """``newsgraph extract FILE``: every article the inputs hold, extracted and not
        stored. Inputs that cannot be read are reported through ``on_failure`` first (all of
        them, before any parse) and counted; returns (documents, failures)."""
        from newsgraph.extract.readers import ReadFailure, iter_articles

        items = list(iter_articles(paths, stdin=stdin))
        failures = [i for i in items if isinstance(i, ReadFailure)]
        for f in failures:
            if on_failure:
                on_failure(f.message())
        docs = [
            KnowledgeGraph.extract_text(a.text, model=model, source=a.source, title=a.title, min_confidence=min_confidence)
            for a in items if not isinstance(a, ReadFailure)
        ]
        return docs, len(failures)

    @staticmethod
    def extract_stream(
        path: str, out: TextIO, *, model: str | None = None, workers: int | None = None,
        on_failure: Callable[[str], None] | None = None, skipped: Counter[str] | None = None,
    ) -> tuple[int, int]:
        """``extract --jsonl``: one extracted document per JSON line of ``path`` written to
        ``out``, in input order (``newsgraph.extracted.extract_jsonl``); (written, failed)."""
        from newsgraph.extracted import extract_jsonl

        return extract_jsonl(path, out, model=model, workers=workers, on_failure=on_failure, skipped=skipped)

    @staticmethod
    def extract_spark(
        paths: Iterable[str | Path], out_dir: str | Path, *, model: str | None = None, master: str = "local[2,2]",
        on_failure: Callable[[str], None] | None = None,
    ) -> JobResult:
        """``extract --engine spark``: the batch form as an Apache Spark job writing
        part-NNNNN files to ``out_dir`` (``newsgraph.extract.distributed.run_spark``)."""
        from newsgraph.extract.distributed import run_spark

        return run_spark(paths, out_dir, model=model, master=master, on_failure=on_failure)

    # -- reads ------------------------------------------------------------------------
    def search(self, text: str, entity_type: str | None = None, limit: int = 20) -> list[SearchHit]:
        """Entities whose name or an alias matches ``text`` partly or fuzzily (typos, accents,
        case, initials), best score first, then most mentioned."""
        from newsgraph.queries import filters

        return self.store.search(text, filters.entity_type(entity_type) if entity_type else None, limit)

    def resolve(self, name: str) -> str:
        """Entity id for an id, or a name, alias or surname in any case or accent.

        The one resolver of every read command. One entity for the key: that one. Several:
        the single one whose canonical name it is, else ``AmbiguousEntity`` listing them with
        ids (the CLI exits 2): a surname shared by two people or a name used by a club and a
        city is never settled by guessing. None: ``UnknownEntity`` with the closest search hits."""
        candidates = self.store.candidates(name) or self._gazetteer_candidates(name)
        if not candidates:
            hits = self.store.search(name, limit=5)
            closest = ", ".join(f"{h.name} ({h.id})" for h in hits)
            raise UnknownEntity(query=name, closest=closest or "none")
        if len(candidates) > 1 and candidates[0][1] != "id":
            names = [c for c in candidates if c[1] == "name"]
            if len(names) != 1:
                labels = []
                for eid, _ in candidates[:8]:
                    e = self.store.entity(eid)
                    labels.append(f"{e['name']} ({e['type']}, {eid}, {e['mentions']} mentions)" if e else eid)
                more = f" and {len(candidates) - 8} more" if len(candidates) > 8 else ""
                raise AmbiguousEntity(query=name, candidates="; ".join(labels) + more)
            return names[0][0]
        return candidates[0][0]

    def _gazetteer_candidates(self, name: str) -> list[tuple[str, str]]:
        """A country or known organisation named by a form no article used
        ("United States of America") is still found."""
        from newsgraph.extract.rules import load_gazetteer
        from newsgraph.graph.model import entity_id

        gaz = load_gazetteer()
        country = gaz.country(name)
        org = gaz.organization(name)
        ids = []
        if country is not None:
            ids.append(entity_id("Country", country.name, country.iso3))
        if org is not None:
            ids.append(entity_id("Organization", org[0]))
        return [(i, "name") for i in ids if self.store.entity(i) is not None]

    def entity(self, name: str, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE, evidence_limit: int = 3) -> EntityCard:
        eid = self.resolve(name)
        card = self.store.entity(eid)
        assert card is not None
        card["connections"] = self.store.connections(
            eid, RelationFilter(min_confidence=min_confidence), evidence_limit=evidence_limit
        )
        return card

    def below_floor(self, name: str, flt: RelationFilter | None = None) -> int:
        """How many relations of ``name`` the other criteria of ``flt`` pass but its
        ``min_confidence`` hides: the count the entity card and ``connections`` print under
        their list. ``flt`` None: the default floor alone."""
        from newsgraph.queries.connections import below_floor

        flt = self.relation_filter(flt)
        return below_floor(self.store, self.resolve(name), flt)

    def relation_filter(self, flt: RelationFilter | None = None) -> RelationFilter:
        """``flt`` with its types checked and spelt as stored, the same for every read that
        takes one: a relation type this store lacks or an unknown entity type is refused (not
        answered with an empty result). Its dates are ISO bounds already (``date_bound``
        makes them from the CLI's spellings). None: every relation at the default floor."""
        from newsgraph.queries import filters

        if flt is None:
            return RelationFilter(min_confidence=DEFAULT_MIN_CONFIDENCE)
        return replace(flt, relation_types=self.relation_types(flt.relation_types), entity_types=filters.entity_types(flt.entity_types))

    def card(self, name: str) -> EntityCard:
        """The entity card alone (type, aliases, mentions, first/last seen), no connections."""
        card = self.store.entity(self.resolve(name))
        assert card is not None
        return card

    @staticmethod
    def ego_options(**settings: Any) -> EgoOptions:
        """The options of an ego walk (``newsgraph.show.EgoOptions``: the one
        ``RelationFilter`` plus depth, node budget and whether edges carry sentences), for
        ``ego``; entity and relation types are checked and spelt as stored on the way in.
        Here so that a front end (the explorer) builds them without importing ``show``."""
        from newsgraph.show import EgoOptions

        return EgoOptions(**settings)

    def ego(self, name: str, opts: EgoOptions | None = None) -> EgoNetwork:
        """The ego network of ``name`` under ``opts`` (``newsgraph.show.EgoOptions``): the
        walk ``show`` draws, as an ``EgoNetwork`` (NetworkX graph + hop counts)."""
        from newsgraph.show import EgoOptions, ego_network

        return ego_network(self, name, opts or EgoOptions())

    def relation_evidence(self, head: str, rel_type: str, tail: str, limit: int | None = 50) -> RelationEvidence | None:
        """One relation by its ends (entity ids) and type, with its evidence sentences and
        their documents (title, date, source, id); None when there is none."""
        from newsgraph.graph import articles

        return articles.relation_evidence(self.store, head, rel_type, tail, limit)

    def document(self, doc_id: str) -> Article | None:
        """An article: metadata, cleaned text (None when stored before texts were kept),
        mentions with offsets, entities mentioned and the relations it is evidence for."""
        from newsgraph.graph import articles

        return articles.document(self.store, doc_id)

    def sources(self, limit: int = 200) -> list[SourceCount]:
        from newsgraph.graph import articles

        return articles.sources(self.store, limit)

    def entities(self, entity_type: str | None = None, limit: int | None = None) -> list[EntityCard]:
        from newsgraph.queries import filters

        return self.store.entities(filters.entity_type(entity_type) if entity_type else None, limit)

    def relation_types(self, values: list[str] | None, option: str = "--relation-type") -> list[str]:
        """``values`` in the stored spelling (``"met with"`` -> ``MET_WITH``); a type this store
        does not hold is refused (``UnknownValue``, listing the ones it holds) rather than
        answered with an empty result."""
        from newsgraph.queries import filters

        if not values:
            return []
        return filters.relation_types(values, self.store.relation_types(), option)

    def stats(self) -> StoreStats:
        return self.store.stats()

    def data_version(self) -> str:
        """Changes whenever the store's content does: a key for caching what was read."""
        return self.store.data_version()

    def documents_outside(self, folder: str | Path) -> int:
        """How many stored documents were not read from files under ``folder``."""
        return self.store.documents_outside(str(Path(folder).resolve()))

    # -- queries (newsgraph.queries) ----------------------------------------------------
    def cypher(
        self,
        query: str,
        params: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
        max_work: int | None = None,
        progress: Callable[[str, int, int], None] | None = None,
        use_file: bool = True,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    ) -> CypherResult:
        """Read-only Cypher on the embedded graph: ``{"columns": [...], "rows": [{...}],
        "warnings": [...]}``. ``timeout`` (seconds) and ``max_work`` (intermediate rows) bound
        the query, None for ``newsgraph.queries.cypher``'s defaults; ``progress(phase, done,
        total)`` hears of the graph's first build; the graph holds the relations of at
        least ``min_confidence``."""
        from newsgraph.queries.cypher import DEFAULT_MAX_WORK, DEFAULT_TIMEOUT
        from newsgraph.queries.cypher.run import run_cypher

        return run_cypher(
            self.store, query, params, timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
            max_work=DEFAULT_MAX_WORK if max_work is None else max_work, progress=progress, use_file=use_file,
            min_confidence=min_confidence,
        )

    def connections(
        self,
        name: str,
        flt: RelationFilter | None = None,
        *,
        depth: int = 1,
        limit: int | None = None,
        second_degree_limit: int = 50,
        evidence_limit: int = 1,
    ) -> Connections:
        """The entities linked to ``name`` by the relations ``flt`` keeps (None: the default
        floor), and, at depth 2, those two steps away and through whom."""
        from newsgraph.queries.connections import connections

        flt = self.relation_filter(flt)
        return connections(
            self.store, self.resolve(name), flt, depth=depth, evidence_limit=evidence_limit,
            limit=limit, second_degree_limit=second_degree_limit,
        )

    def path(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        relation_types: list[str] | None = None,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        max_paths: int = 5,
    ) -> PathResult:
        """The shortest chains of relations between two entities, each hop with evidence."""
        from newsgraph.queries import filters
        from newsgraph.queries.paths import shortest_paths

        return shortest_paths(
            self.store, self.resolve(source), self.resolve(target), max_hops=max_hops,
            relation_types=self.relation_types(relation_types), min_confidence=min_confidence, max_paths=max_paths,
        )

    def top(
        self, *, by: str = "mentions", entity_type: str | None = None, limit: int = 20, min_confidence: float = DEFAULT_MIN_CONFIDENCE
    ) -> TopResult:
        """Entities ranked by mentions, degree, pagerank or betweenness."""
        from newsgraph.queries import filters
        from newsgraph.queries.rankings import RANKINGS, top_entities

        by = filters.choice(by, RANKINGS, what="ranking", option="--by")
        return top_entities(
            self.store, by, filters.entity_type(entity_type) if entity_type else None, limit, min_confidence
        )

    # -- exports (newsgraph.exports) ----------------------------------------------------
    def export(
        self,
        fmt: str,
        dest: Destination,
        flt: RelationFilter | None = None,
        *,
        ego: str | None = None,
        depth: int = 1,
        parallel: str | None = None,
        entity_ids: set[str] | None = None,
    ) -> ExportResult:
        """Write the filtered graph, or the ego network of ``ego`` (a name, alias or id)
        within ``depth`` hops, or just the entities ``entity_ids`` and the relations among
        them (a view of the explorer), as ``fmt`` (a key of ``newsgraph.exports.EXPORTERS``)."""
        from newsgraph.exports import export

        if flt is not None:  # the same checks as every read: a bad type is refused, not an empty file
            flt = self.relation_filter(flt)
        root = self.resolve(ego) if ego is not None else None
        return export(self.store, fmt, dest, flt, ego=root, depth=depth, parallel=parallel, entity_ids=entity_ids)

    def show(
        self,
        name: str,
        output: str | Path | None = None,
        opts: EgoOptions | None = None,
        *,
        open_browser: bool = True,
        count_below_floor: bool = False,
    ) -> ShowResult:
        """``newsgraph show``: the ego network of ``name`` under ``opts`` (``ego_options``;
        None: the drawing's defaults) as one self-contained HTML page at ``output``, or in a
        new temporary file opened in the browser when it is None. ``count_below_floor``: also
        count the relations the confidence floor hides from the drawing
        (``ShowResult.below_floor``; a second walk at floor 0)."""
        from newsgraph.show import write_show

        return write_show(self, name, opts, output, open_browser=open_browser, count_below_floor=count_below_floor)

    # -- Neo4j (graph/neo4j_sync.py; reads there through Neo4jGraph) ----------------------
    def push(
        self,
        uri: str | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        batch_size: int | None = None,
        writers: int | None = None,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> PushSummary:
        """``newsgraph neo4j push``: this store into the Neo4j server at ``uri`` (None:
        ``NEO4J_URI`` or bolt://localhost:7687); pushing again updates, never duplicates.
        ``batch_size`` (rows per transaction) and ``writers`` (relation batches written at
        once): None for ``graph.neo4j_sync``'s defaults. ``progress(phase, done, total)``
        hears of each phase."""
        from newsgraph.graph.neo4j_sync import DEFAULT_BATCH_SIZE, DEFAULT_WRITERS, push

        return push(self.store, uri, user, password, database, batch_size or DEFAULT_BATCH_SIZE, progress,
                    writers=writers or DEFAULT_WRITERS, min_confidence=min_confidence)

    # -- corrections (graph/corrections.py) ---------------------------------------------
    def review(self, limit: int = 10, min_confidence: float | None = None) -> list[ReviewItem]:
        """What is most worth a human look: weak edges on hubs, pairs linked by conflicting
        types, names several entities answer to; at most ``limit`` of each, with evidence.
        Relations below ``min_confidence`` (default: the read commands' floor) are left out."""
        from newsgraph.graph.review import review
        from newsgraph.queries.filters import DEFAULT_MIN_CONFIDENCE

        floor = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
        return review(self.store.conn, limit, min_confidence=floor)

    def _correct(self, op: str, args: dict[str, Any], note: str | None) -> Correction:
        return corrections.apply_correction(self.store.conn, op, args, note=note)

    def merge(self, names: list[str], *, name: str | None = None, note: str | None = None) -> Correction:
        """One entity from several: the others fold into the last one (``name`` renames it)."""
        from newsgraph.errors import CorrectionError

        if len(names) < 2:
            raise CorrectionError(detail="merge needs two entities at least")
        ids = [self.resolve(n) for n in names]
        return self._correct("merge", corrections.merge_args(self.store.conn, ids[:-1], ids[-1], name), note)

    def split(self, entity: str, *, documents: list[str] | None = None, aliases: list[str] | None = None,
              name: str | None = None, note: str | None = None) -> Correction:
        """Move ``entity``'s mentions in ``documents`` (ids, sources or external ids), or
        written as one of ``aliases``, with their relations, to a new entity ``name``."""
        args = corrections.split_args(self.store.conn, self.resolve(entity), documents or [], aliases or [], name)
        return self._correct("split", args, note)

    def rename(self, entity: str, name: str, *, note: str | None = None) -> Correction:
        return self._correct("rename", corrections.entity_args(self.store.conn, self.resolve(entity), name=name), note)

    def retype(self, entity: str, entity_type: str, *, note: str | None = None) -> Correction:
        from newsgraph.queries import filters

        t = filters.entity_type(entity_type, option="TYPE")
        return self._correct("retype", corrections.entity_args(self.store.conn, self.resolve(entity), type=t), note)

    def alias(self, action: str, entity: str, alias: str, *, note: str | None = None) -> Correction:
        """``action`` is ``add`` or ``remove``."""
        from newsgraph.errors import CorrectionError

        if action not in ("add", "remove"):
            raise CorrectionError(detail=f"alias takes add or remove, not {action!r}")
        args = corrections.entity_args(self.store.conn, self.resolve(entity), alias=alias)
        return self._correct(f"alias-{action}", args, note)

    def reject(self, relation_id: int, *, note: str | None = None) -> Correction:
        return self._correct("reject", corrections.relation_args(self.store.conn, relation_id), note)

    def confirm(self, relation_id: int, *, note: str | None = None) -> Correction:
        return self._correct("confirm", corrections.relation_args(self.store.conn, relation_id), note)

    def forget(self, documents: list[str], *, note: str | None = None) -> Correction:
        """Remove articles and what only they support."""
        return self._correct("forget", {"documents": corrections.document_ids(self.store.conn, documents)}, note)

    def corrections(self, include_undone: bool = True) -> list[Correction]:
        return corrections.log(self.store.conn, include_undone)

    def undo(self, count: int = 1) -> list[Correction]:
        return corrections.undo(self.store.conn, count)

    def export_corrections(self, dest: TextIO) -> int:
        n = 0
        for line in corrections.export_lines(self.store.conn):
            dest.write(line + "\n")
            n += 1
        return n

    def write_corrections(self, path: str | Path) -> int:
        """``corrections export FILE``: the active corrections written atomically to ``path``
        (never over the store or another database; a failed write leaves the old file)."""
        from newsgraph.errors import CorrectionFileError
        from newsgraph.exports.files import atomic_output, refuse_unsafe_destination

        def failed(where: str, detail: str) -> CorrectionFileError:
            return CorrectionFileError(path=where, line=0, detail=detail)

        refuse_unsafe_destination(Path(path), self.store.path, failed)
        with atomic_output(Path(path), failed, text=True, make_parents=False) as out:
            return self.export_corrections(cast(TextIO, out))  # opened in text mode

    def import_corrections(self, source: TextIO, path: str = "<stdin>",
                           on_failure: Callable[[str], None] | None = None) -> tuple[int, int, int]:
        """Apply the corrections of a JSON Lines file not applied here yet (by uid).
        Returns (applied, already present, failed); a failed line is reported and skipped."""
        import json

        from newsgraph.errors import CorrectionFileError, NewsgraphError

        applied = present = failed = 0
        known = corrections.known_uids(self.store.conn)
        for n, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if not isinstance(data, dict) or data.get("op") not in corrections.OPS or not isinstance(data.get("args"), dict):
                    raise ValueError("not a correction (uid, op, args, note, user, at)")
                if data.get("uid") in known:
                    present += 1
                    continue
                args = dict(data["args"])
                if data["op"] in ("reject", "confirm"):
                    # Relation ids are this store's own: find the edge by its ends and type.
                    args["relation"] = corrections.relation_id(self.store.conn, args["head"], args["type"], args["tail"])
                corrections.apply_correction(self.store.conn, data["op"], args, note=data.get("note"),
                                             user=data.get("user"), uid=data.get("uid"), at=data.get("at"))
                if data.get("uid") is not None:
                    known.add(data["uid"])
                applied += 1
            except (ValueError, KeyError, TypeError, NewsgraphError) as exc:
                failed += 1
                if on_failure:
                    on_failure(str(CorrectionFileError(path=path, line=n, detail=str(exc))))
        return applied, present, failed


class Neo4jGraph:
    """The reads of ``KnowledgeGraph`` answered by a Neo4j server after ``push``: the
    ``--neo4j URI`` paths of ``entity`` and ``cypher``. Credentials and database default to
    ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``; every call opens its own driver."""

    def __init__(self, uri: str | None = None, *, user: str | None = None, password: str | None = None,
                 database: str | None = None) -> None:
        self.uri, self.user, self.password, self.database = uri, user, password, database

    def entity(self, name: str, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
               evidence_limit: int | None = None) -> EntityCard:
        """``KnowledgeGraph.entity``: at most the evidence the push kept per relation."""
        from newsgraph.queries.neo4j_card import EVIDENCE_PER_RELATION, entity_card

        return entity_card(
            name, self.uri, user=self.user, password=self.password, database=self.database,
            min_confidence=min_confidence, evidence_limit=EVIDENCE_PER_RELATION if evidence_limit is None else evidence_limit,
        )

    def cypher(self, query: str, params: dict[str, Any] | None = None, *, write: bool = False,
               allow_procedures: bool = False) -> CypherResult:
        """Cypher in Neo4j; read-only (checked on the query's tokens) unless ``write``."""
        from newsgraph.errors import Neo4jUnavailable

        try:
            from newsgraph.queries.cypher.neo4j import run_cypher
        except ImportError:
            raise Neo4jUnavailable(
                uri=self.uri, detail="the Neo4j query backend (newsgraph.queries.cypher.neo4j) is not available in this build"
            ) from None
        return run_cypher(self.uri, query, params, write=write, user=self.user, password=self.password,
                          database=self.database, allow_procedures=allow_procedures)
