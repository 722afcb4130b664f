"""Verb and place recall, session 11 (issue 12): a person "based in" a place, a place
participle on a noun in apposition with the name, and conjoined signers who each sign with
a third party. Sentences written for the tests, the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations, typed


@pytest.mark.issue(12)
def test_issue_12_a_person_based_in_a_place_lives_there(nlp):
    found = typed(relations(nlp, "Maria Lopez, who is based in Singapore, said the firm would open an office in Manila."))
    assert ("Maria Lopez", "LIVES_IN", "Singapore") in found


@pytest.mark.issue(12)
def test_issue_12_which_is_based_in_is_no_person_living_there(nlp):
    # Whatever type the model gives the name, "which" says it is no person.
    for text in ["The ships will be fitted out in Halifax by Pictou Marine, which is based in Pictou.",
                 "Stena Line, which is based in Gothenburg, said the ships would cut emissions."]:
        assert not any(t == "LIVES_IN" for _, t, _ in typed(relations(nlp, text)))


@pytest.mark.issue(12)
def test_issue_12_a_participle_on_the_apposed_noun_places_the_name(nlp):
    found = typed(relations(nlp, "The centre will be run by Everactive Leisure Trust, a charity based in Gloucester, from April."))
    assert ("Everactive Leisure Trust", "BASED_IN", "Gloucester") in found


@pytest.mark.issue(12)
def test_issue_12_players_who_each_sign_with_a_club_do_not_sign_with_each_other(nlp):
    found = typed(relations(nlp, "Goalkeeper Tom Reid, midfielder Sam Mensah and winger Josh Pendleton have each "
                                 "signed two-year deals with Harrowden Town."))
    assert not any(t == "SIGNED_WITH" and h in {"Tom Reid", "Sam Mensah"} and x in {"Sam Mensah", "Josh Pendleton"}
                   for h, t, x in found)
    assert ("Tom Reid", "SIGNED_WITH", "Harrowden Town") in found
    # Two parties signing with no third one still sign with each other.
    found = typed(relations(nlp, "Kenya and Ethiopia signed a power agreement on Tuesday."))
    assert ("Kenya", "SIGNED_WITH", "Ethiopia") in found


@pytest.mark.issue(12)
def test_issue_12_a_which_clause_after_a_based_in_phrase_is_about_the_name(nlp):
    found = typed(relations(nlp, "The pool will be run by Brightwater Leisure Trust, a charity based in Norwich, which "
                                 "signed a ten-year contract with Norfolk County Council on Tuesday."))
    assert ("Norwich", "SIGNED_WITH", "Norfolk County Council") not in found
    assert ("Brightwater Leisure Trust", "SIGNED_WITH", "Norfolk County Council") in found
