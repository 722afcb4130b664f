"""Issue 12: relations on plain-text pages that the page's layout, not the story, suggests.
Sentences and page lines written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE, document_id


def _relations(nlp, text: str) -> dict[tuple[str, str, str], tuple[str, float]]:
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    names = {e.id: e.name for e in doc.entities}
    return {(names[r.head], r.type, names[r.tail]): (r.method, r.confidence) for r in doc.relations}


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, agency, city, country", [
    ("LYON, France (Reuters) - Renault said on Tuesday it would cut 400 jobs at its van plant.",
     "Reuters", "LYON", "France"),
    ("DAYTON, Ohio (AP) _ A fire destroyed a warehouse owned by Miller Logistics on Sunday.",
     "Associated Press", "DAYTON", "Ohio"),
])
def test_a_wire_dateline_agency_is_not_shown_as_based_in_the_city(nlp, text, agency, city, country):
    """The dateline says where the story was filed, not where the agency sits: the edge is
    kept (CoNLL04 counts it) as its own method, below the default floor; the city's place in
    the region or country stays a fact."""
    found = _relations(nlp, text)
    method, confidence = found[(agency, "BASED_IN", city)]
    assert method == "dateline_agency" and confidence < DEFAULT_MIN_CONFIDENCE
    assert all(c < DEFAULT_MIN_CONFIDENCE for (h, t, _), (_, c) in found.items() if h == agency and t == "BASED_IN")
    method, confidence = found[(city, "LOCATED_IN", country)]
    assert confidence >= DEFAULT_MIN_CONFIDENCE
