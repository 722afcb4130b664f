"""Entity types where analysts see them (issue 12, session 15): a one-word name the small
model calls a person that the article writes only after "the" ("the Mori survey", "the ODPM
said", "the Ravi and Chenab rivers", "the Nevo gave people") is no one's name: English puts
no article before a person's name. It becomes the place a gazetteer knows, an organisation
when written as an acronym, and is dropped otherwise. A nationality noun after "the" ("the
Briton managed to hang in", "the Scot") is one of a people (Group), never a person's name.
Such names were Person nodes in 600 unlabelled Reuters and BBC articles.

A name before a noun a surname alone modifies ("the Clinton administration"), and a longer
name ("the Chaka Khan hit"), stay as they are.

Sentences written for these tests, with the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import entity_types, model_label


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, name, expected", [
    # a city the gazetteers know
    ("Investigators searched the Charleroi judicial police offices late on Sunday.", "Charleroi", "Location"),
    # an acronym: a body's
    ("Two members backed the draft at the JURI meeting, with one abstaining.", "JURI", "Organization"),
])
def test_issue_12_name_only_after_the_is_no_person(nlp, text, name, expected):
    assert model_label(nlp, text, name) == "PERSON"
    assert entity_types(nlp, text).get(name) == expected


@pytest.mark.issue(12)
def test_issue_12_name_only_after_the_that_fits_no_type_is_dropped(nlp):
    text = "Villagers said the Ravi and Sutlej rivers had burst their banks overnight."
    assert model_label(nlp, text, "Ravi") == "PERSON"
    assert "Ravi" not in entity_types(nlp, text)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, name", [
    ("The Briton held off the Kenyan in a thrilling finish to win the race.", "Briton"),
    ("After a slow start the Scot won the last four games to take the title.", "Scot"),
])
def test_issue_12_nationality_noun_after_the_is_a_group(nlp, text, name):
    assert model_label(nlp, text, name) == "PERSON"
    assert entity_types(nlp, text).get(name) == "Group"


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, name", [
    ("Under the Clinton administration, exports to the region doubled, analysts said.", "Clinton"),
    ("Fans queued for hours to hear the Kylie single played live.", "Kylie"),
    ("The chart-topping siblings sang the Chaka Khan hit at the awards on Wednesday.", "Chaka Khan"),
])
def test_issue_12_person_after_the_before_an_eponym_noun_stays(nlp, text, name):
    assert entity_types(nlp, text).get(name) == "Person"
