"""A nationality before an office's title and a name ("Chilean President Gabriel Boric",
"Saudi Investment Minister Khalid al-Falih") is the office's country, not a people acting
(issue 12, LABELLING.md: a Group is a nationality used as an actor, "Mexican officials").
One node with the country, and the title's HOLDS_ROLE edge kept. Sentences written for these
tests, with the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations
from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import document_id


def _types(nlp, text: str) -> set[tuple[str, str]]:
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    return {(e.name, e.type) for e in doc.entities}


@pytest.mark.issue(12)
def test_issue_12_nationality_before_a_title_and_a_name_is_the_country(nlp):
    text = "Peruvian President Dina Boluarte met Bolivian Foreign Minister Celinda Sosa in Lima on Friday."
    types = _types(nlp, text)
    assert ("Peruvian", "Group") not in types and ("Bolivian", "Group") not in types
    assert ("Peru", "Country") in types and ("Bolivia", "Country") in types
    found = {(h, t, tail) for h, t, tail, _ in relations(nlp, text)}
    assert ("Dina Boluarte", "HOLDS_ROLE", "Peru") in found


@pytest.mark.issue(12)
def test_issue_12_nationality_acting_as_a_people_stays_a_group(nlp):
    text = "Peruvian officials said the Bolivians had closed the border crossing at Desaguadero."
    assert ("Peruvian", "Group") in _types(nlp, text)
