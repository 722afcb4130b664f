"""A tiny hand-made store for the export tests: no model, every feature an export must
carry (parallel edges, co-occurrence, an isolated entity, aliases, control characters in
an evidence sentence, documents with and without published dates)."""

from __future__ import annotations

import os
from pathlib import Path

from newsgraph.graph.model import ExtractedDocument, ExtractedEntity, ExtractedRelation, EntityMention
from newsgraph.graph.store import Store

RUBIO = "person:marco-rubio"
BUKELE = "person:nayib-bukele"
SLV = "country:SLV"
USA = "country:USA"
STATE = "org:state-department"
GUARD = "location:volcano-park"
LAKE = "location:lake-ilopango"

CONTROL_SENTENCE = "Rubio met\x00with Bukele\x07 in \x1bSan Salvador <on> Monday & \"talked\".\r\nMore."


def _doc(doc_id: str, published: str | None, entities: list[ExtractedEntity], relations: list[ExtractedRelation]) -> ExtractedDocument:
    doc = ExtractedDocument(id=doc_id, text_length=500, source=f"{doc_id}.txt", title=f"Article {doc_id}", published=published)
    doc.entities = entities
    for i, e in enumerate(entities):
        for k in range(e.mentions):
            doc.mentions.append(EntityMention(e.id, e.name, 10 * i + k, 10 * i + k + 3, 0))
    doc.relations = relations
    return doc


def _rel(head: str, tail: str, rtype: str, sentence: str, start: int, *, method: str = "dep",
         predicate: str | None = None, title: str | None = None, confidence: float = 0.8) -> ExtractedRelation:
    return ExtractedRelation(head, tail, rtype, method, confidence, sentence, start, start + len(sentence), predicate, title)


def rubio() -> ExtractedEntity:
    return ExtractedEntity(RUBIO, "Marco Rubio", "Person", {"Rubio", "Marco Rubio"}, 2)


def bukele() -> ExtractedEntity:
    return ExtractedEntity(BUKELE, "Nayib Bukele", "Person", {"Bukele"}, 1)


def slv() -> ExtractedEntity:
    return ExtractedEntity(SLV, "El Salvador", "Country", {"Salvador"}, 1, iso3="SLV")


def usa() -> ExtractedEntity:
    return ExtractedEntity(USA, "United States", "Country", {"US", "U.S."}, 1, iso3="USA")


def documents() -> list[ExtractedDocument]:
    d1 = _doc("doc1", "2025-02-03", [rubio(), slv(), usa()], [
        _rel(RUBIO, SLV, "VISITED", "Rubio visited El Salvador.", 0, predicate="visit"),
        _rel(RUBIO, USA, "HOLDS_ROLE", "US Secretary of State, Marco Rubio, arrived.", 40, method="apposition",
             title="Secretary of State", confidence=0.9),
        _rel(SLV, RUBIO, "CO_OCCURS_WITH", "Rubio visited El Salvador.", 0, method="cooccurrence", confidence=0.3),
    ])
    d2 = _doc("doc2", "2025-02-04", [rubio(), bukele(), slv()], [
        _rel(RUBIO, BUKELE, "MET_WITH", CONTROL_SENTENCE, 0, predicate="meet"),
        _rel(RUBIO, SLV, "VISITED", "Marco Rubio toured El Salvador again.", 80, predicate="tour"),
        _rel(RUBIO, BUKELE, "PRAISED", "Rubio praised Bukele.", 120, predicate="praise", confidence=0.6),
    ])
    d3 = _doc("doc3", "2025-03-01", [bukele(), slv(), ExtractedEntity(STATE, "State Department", "Organization", set(), 1, is_agency=True),
                              ExtractedEntity(GUARD, "Volcano Park", "Location", set(), 1)], [
        _rel(BUKELE, SLV, "LEADS", "Bukele leads El Salvador.", 0, predicate="lead"),
        _rel(STATE, SLV, "CRITICIZED", "The State Department criticized El Salvador.", 30, predicate="criticize", confidence=0.5),
    ])
    return [d1, d2, d3]


def make_store(path: Path) -> Store:
    store = Store(path)
    store.add_documents(documents())
    return store


def tiny_graph():
    """A hand-made MultiDiGraph in nxview's shape, with fixed dates: the golden files'
    input. Rubio→Bukele has two relation types (parallel edges); one evidence sentence
    carries control characters and XML metacharacters."""
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node(RUBIO, id=RUBIO, name="Marco Rubio", type="Person", aliases=["Rubio"], mentions=4, documents=2,
               iso3=None, is_agency=False, first_seen="2025-02-03", last_seen="2025-02-04", __labels__={"Entity", "Person"})
    g.add_node(BUKELE, id=BUKELE, name="Nayib Bukele", type="Person", aliases=["Bukele", "Presidente Bukele"], mentions=2,
               documents=1, iso3=None, is_agency=False, first_seen="2025-02-04", last_seen="2025-02-04")
    g.add_node(SLV, id=SLV, name="El Salvador", type="Country", aliases=["Salvador"], mentions=3, documents=2,
               iso3="SLV", is_agency=False, first_seen="2025-02-03", last_seen="2025-02-04")
    g.add_node(STATE, id=STATE, name="State Department", type="Organization", aliases=[], mentions=1, documents=1,
               iso3=None, is_agency=True, first_seen="2025-03-01", last_seen="2025-03-01")

    def edge(head: str, tail: str, rtype: str, weight: int, evidence: list[tuple[str, str, str]], **extra: object) -> None:
        g.add_edge(head, tail, key=rtype, type=rtype, weight=weight, confidence=extra.pop("confidence", 0.8),
                   predicate=extra.pop("predicate", None), title=extra.pop("title", None), method=extra.pop("method", "dep"),
                   first_seen=min(e[2] for e in evidence), last_seen=max(e[2] for e in evidence),
                   evidence_count=len(evidence), document_ids=sorted({e[0] for e in evidence}),
                   evidence=[{"document": d, "sentence": s, "date": t} for d, s, t in evidence],
                   __labels__={rtype}, **extra)

    edge(RUBIO, SLV, "VISITED", 2, [("doc2", "Marco Rubio toured El Salvador again.", "2025-02-04"),
                                    ("doc1", "Rubio visited El Salvador.", "2025-02-03")], predicate="visit", relation_id=1)
    # An analyst confirmed MET_WITH (issue 15): at full confidence and marked.
    edge(RUBIO, BUKELE, "MET_WITH", 1, [("doc2", CONTROL_SENTENCE, "2025-02-04")], predicate="meet", confidence=1.0,
         relation_id=4, confirmed=True)
    edge(RUBIO, BUKELE, "PRAISED", 1, [("doc2", "Rubio praised Bukele.", "2025-02-04")], predicate="praise", confidence=0.6,
         relation_id=6, confirmed=False)
    edge(SLV, RUBIO, "CO_OCCURS_WITH", 1, [("doc1", "Rubio visited El Salvador.", "2025-02-03")], method="cooccurrence",
         confidence=0.3)
    edge(BUKELE, SLV, "HOLDS_ROLE", 1, [("doc2", "Salvadoran President Nayib Bukele spoke.", "2025-02-04")],
         method="apposition", title="President", confidence=0.9, relation_id=7)
    return g


def undated_document() -> ExtractedDocument:
    """An article without a published date: the store dates it by its ingest day."""
    return _doc("doc4", None, [ExtractedEntity(LAKE, "Lake Ilopango", "Location", set(), 1), slv()], [
        _rel(LAKE, SLV, "LOCATED_IN", "Lake Ilopango lies in El Salvador.", 0, predicate="lie"),
    ])


# NEWSGRAPH_UPDATE_GOLDEN=1 rewrites tests/data/expected/ from the current writers; review the diff.
UPDATE_GOLDEN = os.environ.get("NEWSGRAPH_UPDATE_GOLDEN") == "1"


GEPHI_CHECK = Path(__file__).resolve().parent.parent / "scripts" / "gephi-check" / "run"


def gephi_check_lib() -> Path:
    """The folder of the Gephi check's jars, built on first use (Java + Maven, jars from
    Maven Central, cached). Skips the calling test with the reason when that cannot be
    had, or fails it when NEWSGRAPH_REQUIRE_GEPHI=1 (CI)."""
    import shutil
    import subprocess

    import pytest

    def unavailable(reason: str) -> None:
        if os.environ.get("NEWSGRAPH_REQUIRE_GEPHI") == "1":
            pytest.fail(f"NEWSGRAPH_REQUIRE_GEPHI=1 but {reason}")
        pytest.skip(reason)

    for tool in ("java", "mvn"):
        if shutil.which(tool) is None:
            unavailable(f"{tool} is not installed (the Gephi check needs Java 17+ and Maven)")
    proc = subprocess.run([str(GEPHI_CHECK), "--lib"], capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        unavailable(f"the Gephi check could not be built: {proc.stderr.strip()[-500:]}")
    return Path(proc.stdout.strip())


AUTHOR = "person:laura-mendez"


def bylined_document() -> ExtractedDocument:
    """An article with a byline of two: an author its text never names (Laura Mendez,
    mentions 0) and one it names (Marco Rubio writing an opinion piece)."""
    doc = _doc("doc5", "2025-03-02", [rubio(), slv(), ExtractedEntity(AUTHOR, "Laura Mendez", "Person", set(), 0)], [
        _rel(RUBIO, SLV, "VISITED", "Rubio visited El Salvador once more.", 0, predicate="visit"),
    ])
    doc.authors = [AUTHOR, RUBIO]
    return doc
