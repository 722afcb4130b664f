"""A verb whose object noun names the act ("signed a contract with X", "held talks with X",
"paid a visit to X") records its own method, ``dep_object_prep``: the name sits four arcs
from the subject, and the confidence model's weight for long paths, fitted on loose long
paths, kept every such edge below the default floor ("signed a ... contract with" 0.81 on
dev, right 24 of 25). With its own method the refit weighs the shape by itself (issue 12,
session 12). Written sentences, the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations
from newsgraph.extract.confidence import Instance, instance_features, method_families


@pytest.mark.issue(12)
def test_issue_12_signed_a_contract_with_is_its_own_method(nlp):
    found = relations(nlp, "Norbridge Foods has signed a five-year contract with Calder Logistics to move its goods.")
    assert ("Norbridge Foods", "SIGNED_WITH", "Calder Logistics", "dep_object_prep") in found


@pytest.mark.issue(12)
def test_issue_12_held_talks_with_is_its_own_method(nlp):
    found = relations(nlp, "John Harper held talks with Peter Walsh in Dublin on Monday.")
    assert ("John Harper", "MET_WITH", "Peter Walsh", "dep_object_prep") in found


@pytest.mark.issue(12)
def test_issue_12_a_verb_with_its_preposition_stays_dep(nlp):
    # No object noun between: the plain verb rule's method, as before.
    found = relations(nlp, "John Harper met with Peter Walsh in Dublin on Monday.")
    assert ("John Harper", "MET_WITH", "Peter Walsh", "dep") in found


def test_issue_12_object_prep_method_is_of_the_verb_family():
    # A known family: the model reads the verb family's weight until the refit sees the
    # method (a method of no family would be held below the floor).
    assert method_families()["dep_object_prep"] == "verb"
    assert "family=verb" in instance_features(Instance("dep_object_prep", "SIGNED_WITH", 4, 1, 1))


@pytest.mark.issue(12)
def test_issue_12_the_place_of_any_object_visited_stays_dep(nlp):
    # "visited the plant in Wisbech": the row takes any object noun; the place is where the
    # thing visited stands, not an act the noun names.
    found = relations(nlp, "John Harper visited the new bottling plant in Wisbech on Friday.")
    assert ("John Harper", "VISITED", "Wisbech", "dep") in found
