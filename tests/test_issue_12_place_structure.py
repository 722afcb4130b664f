"""Place relations read through general structure (issue 12): a "Place-based" modifier
whose name follows after hyphenated words or stands in apposition, a "Place-based" person,
emigrating. Sentences written for the test, real spaCy model; traps stay out."""

from __future__ import annotations

import pytest

from extraction_support import relations, ruled, typed


@pytest.mark.issue(12)
def test_issue_12_a_place_based_name_after_hyphenated_words(nlp):
    # "New York-based anti-spyware firm Giant Company Software": a hyphen inside a word
    # does not end the noun phrase.
    found = typed(relations(nlp, "Last year Oracle bought the Boston-based anti-virus firm Greenbank Software."))
    assert ("Greenbank Software", "BASED_IN", "Boston") in found


@pytest.mark.issue(12)
def test_issue_12_a_place_based_noun_in_apposition_with_a_firm(nlp):
    found = typed(relations(nlp, "Oxfam will give the money to a Nairobi-based charity, the Green Belt Trust, which plants trees."))
    assert ("Green Belt Trust", "BASED_IN", "Nairobi") in found
    assert not any(h == "Oxfam" and t == "BASED_IN" for h, t, _ in found)
    # Trap: a relative clause ends the noun phrase; the foundation is not placed.
    found = typed(relations(nlp, "The Mysuru-based surgeon who heads the Hegde Foundation spoke on Monday."))
    assert not any(t == "BASED_IN" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_a_place_based_person_lives_there(nlp):
    found = typed(relations(nlp, "The airline was founded by London-based travel agent Naresh Goyal in 1993."))
    assert ("Naresh Goyal", "LIVES_IN", "London") in found
    # Trap: a possessive ends the phrase; the club is placed, not its striker. (Leeds is a
    # mention since the prefixed-place finder; the learned classifier's weak guess about the
    # two names, below any floor, is no rule's claim.)
    found = ruled(nlp, "The Leeds-based club's striker Alan Smith scored twice on Saturday.")
    assert not any(t == "LIVES_IN" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_emigrating_is_living_there(nlp):
    found = typed(relations(nlp, "Arthur Hailey emigrated to Canada in 1947, where he became a citizen."))
    assert ("Arthur Hailey", "LIVES_IN", "Canada") in found
    # Trap: a player's move is a transfer, not a home ("moved to the Bernabeu").
    found = typed(relations(nlp, "Michael Owen, who moved to the Bernabeu from Liverpool last summer, has scored 11 goals."))
    assert not any(t == "LIVES_IN" for _, t, _ in found)
