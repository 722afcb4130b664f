"""A place the small model typed a person, as the object of a place verb (issue 12, session
16, recall of verb relations): "will visit Kyiv", "had toured Hamilton". The place rules
take places only, so the visit was lost, and "visit" with a person object reads as a meeting
("had visited Hamilton twice" was MET_WITH 0.93, wrong). A one-word name written alone every
time, never after a capitalised word, that the gazetteers know is read as the place, under
its own method ``dep_gazetteer_place`` (verb family); a person written with a given name or
a title stays a person.

Written sentences, the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations
from newsgraph.extract.confidence import Instance, instance_features, method_families


@pytest.mark.issue(12)
def test_issue_12_visit_to_a_city_typed_a_person(nlp):
    found = relations(nlp, "The foreign minister, Helga Sorensen, will visit Kyiv on Tuesday to discuss grain exports.")
    assert ("Helga Sorensen", "VISITED", "Kyiv", "dep_gazetteer_place") in found


@pytest.mark.issue(12)
def test_issue_12_a_toured_city_is_no_meeting(nlp):
    found = relations(nlp, "Senator Dana Whitcombe had toured Hamilton twice before the vote.")
    assert ("Dana Whitcombe", "VISITED", "Hamilton", "dep_gazetteer_place") in found
    assert not any(t == "MET_WITH" for _, t, _, _ in found)


@pytest.mark.issue(12)
def test_issue_12_a_person_with_a_given_name_is_still_met(nlp):
    found = relations(nlp, "Lewis Hamilton won the race. The mayor, Anna Berg, later visited Hamilton at his home.")
    assert ("Anna Berg", "MET_WITH", "Lewis Hamilton", "dep") in found
    assert not any(t == "VISITED" for _, t, _, _ in found)


@pytest.mark.issue(12)
def test_issue_12_a_person_after_a_title_is_still_met(nlp):
    found = relations(nlp, "Mr Hamilton said the plan was sound. Ruth Okoro visited Mr Hamilton on Monday.")
    assert ("Ruth Okoro", "MET_WITH", "Hamilton", "dep") in found
    assert not any(t == "VISITED" for _, t, _, _ in found)


def test_issue_12_gazetteer_place_method_is_of_the_verb_family():
    assert method_families()["dep_gazetteer_place"] == "verb"
    assert "family=verb" in instance_features(Instance("dep_gazetteer_place", "VISITED", 2, 1, 1))
