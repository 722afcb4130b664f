"""Shared fixtures. Append only: several areas add fixtures here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.extract.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def _examples_db_master(tmp_path_factory) -> Path:
    from newsgraph import KnowledgeGraph

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    with KnowledgeGraph.open(path) as kg:
        summary = kg.ingest([EXAMPLES])
    assert summary.documents_failed == 0, summary.failures
    return path


@pytest.fixture
def examples_db(_examples_db_master, tmp_path) -> Path:
    """A private copy of a store with the bundled examples ingested."""
    path = tmp_path / "ng.db"
    shutil.copy(_examples_db_master, path)
    return path


# -- show (issue 8): a small hand-made store, no model needed --------------------------------
def build_show_store(path: Path) -> Path:
    """Marco Rubio's little world in three documents: a centre, a second hop, parallel edges,
    a co-occurrence, an isolated entity and an evidence sentence that tries to end a <script>."""
    from newsgraph.graph.model import (
        EntityMention,
        ExtractedDocument,
        ExtractedEntity,
        ExtractedRelation,
    )
    from newsgraph.graph.store import Store

    people = {
        "person:marco-rubio": ("Marco Rubio", "Person", {"Rubio"}),
        "person:nayib-bukele": ("Nayib Bukele", "Person", {"Bukele"}),
        "country:SLV": ("El Salvador", "Country", set()),
        "country:USA": ("United States", "Country", {"US", "America"}),
        "org:state-department": ("State Department", "Organization", set()),
        "location:san-salvador": ("San Salvador", "Location", set()),
        "group:salvadorans": ("Salvadorans", "Group", set()),
        "person:lonely-person": ("Lonely Person", "Person", set()),
    }

    urls = {1: "https://example.org/rubio-lands", 2: "javascript:alert(2)"}

    def doc(n: int, title: str, relations: list[tuple[str, str, str, str]], mentions: dict[str, int]) -> ExtractedDocument:
        text = f"document {n} " + " ".join(r[3] for r in relations)
        d = ExtractedDocument(id=f"doc{n}", text_length=len(text), source=f"news/doc{n}.txt", title=title,
                              published=f"2025-02-0{n}", url=urls.get(n))
        for eid, count in mentions.items():
            name, etype, aliases = people[eid]
            d.entities.append(ExtractedEntity(id=eid, name=name, type=etype, aliases=set(aliases), mentions=count,
                                              iso3=eid[8:] if etype == "Country" else None))
            d.mentions += [EntityMention(entity_id=eid, text=name, start=i, end=i + 1, sentence=0) for i in range(count)]
        for i, (head, rel, tail, sentence) in enumerate(relations):
            d.relations.append(ExtractedRelation(head=head, tail=tail, type=rel, method="dep", confidence=0.8,
                                                 sentence=sentence, start=100 * i, end=100 * i + len(sentence),
                                                 predicate=rel.split("_")[0].lower()))
        return d

    docs = [
        doc(1, "Rubio lands in El Salvador", [
            ("person:marco-rubio", "VISITED", "country:SLV", "Rubio visited El Salvador on Monday."),
            ("person:marco-rubio", "MET_WITH", "person:nayib-bukele", "Rubio met with Bukele."),
            ("person:marco-rubio", "HOLDS_ROLE", "country:USA", "US Secretary of State, Marco Rubio, arrived."),
            ("person:nayib-bukele", "LEADS", "country:SLV", "Bukele leads El Salvador </script><script>alert(1)</script>."),
        ], {"person:marco-rubio": 5, "country:SLV": 3, "person:nayib-bukele": 2, "country:USA": 1}),
        doc(2, "A second visit", [
            ("person:marco-rubio", "VISITED", "country:SLV", "Rubio visited El Salvador again."),
            ("country:SLV", "MENTIONED_WITH", "person:marco-rubio", "El Salvador & Rubio: a new deal."),
            ("person:marco-rubio", "CO_OCCURS_WITH", "location:san-salvador", "Rubio was in San Salvador."),
        ], {"person:marco-rubio": 3, "country:SLV": 2, "location:san-salvador": 1}),
        doc(3, "Inside the State Department", [
            ("org:state-department", "EMPLOYS", "person:nayib-bukele", "The State Department hosted Bukele."),
            ("group:salvadorans", "CO_OCCURS_WITH", "org:state-department", "Salvadorans wrote to the State Department."),
        ], {"org:state-department": 2, "person:nayib-bukele": 1, "group:salvadorans": 1, "person:lonely-person": 1}),
    ]
    store = Store(path)
    store.add_documents(docs)
    store.close()
    return path


@pytest.fixture
def show_db(tmp_path) -> Path:
    return build_show_store(tmp_path / "show.db")
