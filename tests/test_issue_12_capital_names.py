"""A name known first in capitals (a wire dateline, "BEIJING 1996-08-29") does not name its node:
the body's written form does, in one article and across articles, unless an analyst chose the
name (issue 12: the dateline city kept as a place made "BEIJING" the canonical name)."""
from __future__ import annotations

import pytest

from newsgraph import KnowledgeGraph
from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity

pytestmark = pytest.mark.issue(12)

WIRE = ("BEIJING 1996-08-29\n\nChina will send a trade delegation to Kenya next month, officials said on "
        "Thursday. Officials in Beijing welcomed the talks.")


def test_dateline_capitals_do_not_name_the_node():
    doc = KnowledgeGraph.extract_text(WIRE)
    [city] = [e for e in doc.entities if e.id == "location:beijing"]
    assert city.name == "Beijing"
    assert "BEIJING" in city.aliases and "Beijing" not in city.aliases


def one_entity_doc(doc_id: str, name: str) -> ExtractedDocument:
    d = ExtractedDocument(id=doc_id, text_length=100, source=f"{doc_id}.txt", title=doc_id, published="1996-08-29")
    d.entities.append(ExtractedEntity(id="location:beijing", name=name, type="Location", mentions=1))
    d.mentions.append(EntityMention("location:beijing", name, 0, len(name), 0))
    return d


def test_a_later_article_written_form_renames_a_capitals_only_node(tmp_path):
    with KnowledgeGraph.open(tmp_path / "g.db") as kg:
        kg.ingest_extracted([one_entity_doc("d1", "BEIJING")])
        assert kg.store.entity("location:beijing")["name"] == "BEIJING"
        kg.ingest_extracted([one_entity_doc("d2", "Beijing")])
        assert kg.store.entity("location:beijing")["name"] == "Beijing"


def test_an_analysts_capitals_name_stays(tmp_path):
    with KnowledgeGraph.open(tmp_path / "g.db") as kg:
        kg.ingest_extracted([one_entity_doc("d1", "Beijing")])
        kg.rename("location:beijing", "BEIJING")
        kg.ingest_extracted([one_entity_doc("d2", "Beijing")])
        assert kg.store.entity("location:beijing")["name"] == "BEIJING"
