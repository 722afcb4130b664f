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


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, town", [
    ("The trade minister will travel to Toulon on Friday to open the new ferry terminal, her office said.", "Toulon"),
    ("The bank said it had looked at moving two hundred jobs to Liverpool but would keep its office open.", "Liverpool"),
    ("Grafton signed a supply deal with Norvik Data, the Copenhagen-based cloud operator, for a new hall.", "Copenhagen"),
    ('Janet Walsh, of Burnley, said: "We have waited ten years for this bypass."', "Burnley"),
])
def test_issue_12_town_the_model_calls_a_body_is_a_place_where_it_is_travelled_to(nlp, text, town):
    assert entities(nlp, text).get(town) == "Location"


@pytest.mark.issue(12)
def test_issue_12_a_transfer_noun_does_not_make_the_club_a_place(nlp):
    # the noun "move" is a player's transfer to the club, not travel to the town
    text = "He admitted before his move to Gloucester that he had been unhappy with the way the union treated him."
    assert entities(nlp, text).get("Gloucester") == "Organization"
