"""Issue 12, session 16 (recall of roles): a member's constituency is one place, read from the
title ("the MP for Penrith and Solway", "Truro and Falmouth MP X", "MSP for Y"), where the small
model tags it in pieces or not at all (place_evidence.find_constituencies). Written sentences,
the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import entity_types, ruled


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, seat", [
    ("Priya Lowell, the MP for Ashdown and Wealdmoor, said the bypass would ruin the valley.",
     "Priya Lowell", "Ashdown and Wealdmoor"),
    ("Caldbeck and Mardale MP Tom Ferris visited the flooded farms on Saturday.",
     "Tom Ferris", "Caldbeck and Mardale"),
    ("The MP for Tarnvale, Helen Quarry, opened the new library on Friday.",
     "Helen Quarry", "Tarnvale"),
])
def test_issue_12_a_members_seat_is_one_place(nlp, text, person, seat):
    assert (person, "HOLDS_ROLE", seat) in ruled(nlp, text)
    assert entity_types(nlp, text)[seat] == "Location"


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, party", [
    ("Labour MP Ann Hollis said the report was damning.", "Labour Party"),
    ("Tory MP Mark Denby said the report was unfair.", "Conservative Party"),
])
def test_issue_12_a_party_before_the_title_is_no_seat(nlp, text, party):
    types = entity_types(nlp, text)
    assert types.get(party) == "Organization"
    assert "Location" not in types.values()


@pytest.mark.issue(12)
def test_issue_12_a_people_before_the_title_is_no_seat(nlp):
    types = entity_types(nlp, "Welsh MP Gareth Pryce said the report was unfair.")
    assert "Location" not in types.values()


@pytest.mark.issue(12)
def test_issue_12_a_lone_opening_word_before_the_title_is_no_seat(nlp):
    # The first word of a sentence, tagged no name by the model: a participle, not a seat.
    types = entity_types(nlp, "Suspended MP Dan Corry said he would appeal against the ruling.")
    assert "Location" not in types.values()



@pytest.mark.issue(12)
def test_issue_12_the_railway_is_the_one_the_article_names(nlp):
    # "the railway" stands for the one organisation of the article whose name ends in that
    # noun (employment.json owner_nouns; relations_definite_owner.py).
    text = ("The Swaledale Valley Railway reopened its line on Saturday. The railway's chairman, Peter Gill, "
            "said the work took three years.")
    assert ("Peter Gill", "HOLDS_ROLE", "Swaledale Valley Railway") in ruled(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_no_owner_when_two_names_end_in_the_noun(nlp):
    text = ("The Swaledale Valley Railway and the Wearside Valley Railway reopened their lines on Saturday. "
            "The railway's chairman, Peter Gill, said the work took three years.")
    assert not {r for r in ruled(nlp, text) if r[0] == "Peter Gill" and r[1] == "HOLDS_ROLE"}
