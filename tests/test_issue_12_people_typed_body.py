"""People the small model calls organisations (issue 12, typed entity precision: "Diane
Allahgreen", "Iain MacAulay", "Eamon Dooley" typed Organization on dev). A name shaped as a
given name and a surname, with person evidence and no sign of a body, is a person. Sentences
written for these tests, with the real spaCy model (each checks the model's ORG label first,
so the test fails if the model stops making the error it guards against)."""

from __future__ import annotations

import pytest

from extraction_support import entity_types as entities
from extraction_support import model_label as _model_label


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, name", [
    # coordinated with a name the model calls a person
    ("The minister praised the work of Dermot Flannery and Siobhan Mulcahy, who founded the charity.", "Dermot Flannery"),
    # a role noun the tokenizer cut in two ("scrum-half")
    ("Rugby coach Bernard Lapasset said scrum-half Olivier Dufresne would start.", "Olivier Dufresne"),
    # "he" later in the sentence, no other person named in it
    ("Alessandro Moretti said he would resign from Veltrano Industries.", "Alessandro Moretti"),
])
def test_issue_12_person_shaped_name_with_person_evidence_is_a_person(nlp, text, name):
    assert _model_label(nlp, text, name) == "ORG"
    assert entities(nlp, text)[name] == "Person"


@pytest.mark.issue(12)
def test_issue_12_firm_named_after_people_stays_a_body(nlp):
    # a given name first is not enough: a speech verb is what a firm does too
    text = "Morgan Stanley said it would cut 300 jobs in London."
    assert _model_label(nlp, text, "Morgan Stanley") == "ORG"
    assert entities(nlp, text)["Morgan Stanley"] == "Organization"


@pytest.mark.issue(12)
def test_issue_12_pronoun_of_another_person_is_no_evidence(nlp):
    # "he" is the agent's, named in the same sentence
    text = "Agent Scott Boras criticized Major League Baseball for what he called a tax on winning."
    assert _model_label(nlp, text, "Major League Baseball") == "ORG"
    assert entities(nlp, text)["Major League Baseball"] == "Organization"


@pytest.mark.issue(12)
def test_issue_12_firm_the_model_calls_a_person_apposed_to_a_maker_is_a_body(nlp):
    # the other way round: "a Helsinki-based chipmaker" in apposition makes the name a firm
    text = "Valmora, a Helsinki-based chipmaker, has signed a deal with Nokia to supply processors."
    assert _model_label(nlp, text, "Valmora") == "PERSON"
    assert entities(nlp, text)["Valmora"] == "Organization"


@pytest.mark.issue(12)
def test_issue_12_name_owning_a_founder_is_a_body(nlp):
    text = "Marlowe founder Eero Virtanen said the plant would open in May."
    assert _model_label(nlp, text, "Marlowe") == "PERSON"
    assert entities(nlp, text)["Marlowe"] == "Organization"
