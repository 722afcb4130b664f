"""Right name, wrong type (issue 12, typed entity precision): a national team a sports
report names by its country is an organisation, not the country (LABELLING.md). Sentences
written for these tests, with the real spaCy model."""

from __future__ import annotations

import pytest

from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import document_id


def entities(nlp, text: str) -> dict[str, str]:
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    return {e.name: e.type for e in doc.entities}


@pytest.mark.issue(12)
def test_issue_12_side_beaten_in_a_victory_over_is_the_team(nlp):
    text = ("Norway kept their title hopes alive with a narrow victory over Finland in the rugby match, "
            "where the referee awarded a penalty try and the fly-half kicked a late goal.")
    assert entities(nlp, text)["Finland"] == "Organization"


@pytest.mark.issue(12)
def test_issue_12_country_with_a_plural_verb_in_a_sports_report_is_the_team(nlp):
    text = ("Portugal are unbeaten in the rugby championship and the coach expects the fly-half to kick "
            "the penalty goals when the captain returns for the match.")
    assert entities(nlp, text)["Portugal"] == "Organization"
    # the same country with a singular verb, outside sport, stays the country
    plain = "Portugal is cutting its budget deficit, the finance minister said on Tuesday in Lisbon."
    assert entities(nlp, plain)["Portugal"] == "Country"


@pytest.mark.issue(12)
def test_issue_12_a_playing_country_listed_after_in_stays_the_place(nlp):
    text = ("Finland are unbeaten in the rugby championship, and the coach said the squad won all ten "
            "of their games in Sweden, Norway and Finland last season before the fly-half was injured.")
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    types = {(e.name, e.type) for e in doc.entities}
    assert ("Finland", "Organization") in types and ("Finland", "Country") in types
