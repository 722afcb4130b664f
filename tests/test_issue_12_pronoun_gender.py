"""A "he"/"she" subject links the one person named near it only when that person may be of
the gender the pronoun needs (issue 12: "resolve only when one antecedent is certain — same
gender/number"; session 11 pronoun audit). An honorific ("Ms", "Sir") before any of the
person's mentions, or a given name gender-guesser calls only male or only female, says the
person's gender; when it is the other one the pronoun means someone else, and no edge is
made. Sentences written for these tests, with the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations


@pytest.mark.issue(12)
def test_issue_12_he_is_not_the_woman_named_before_it(nlp):
    found = relations(nlp, "Maria Lindqvist spoke after the vote. He later criticised the Treasury for the delay.")
    assert not any(r[1] == "CRITICIZED" for r in found)


@pytest.mark.issue(12)
def test_issue_12_an_honorific_says_the_gender_of_a_surname(nlp):
    found = relations(nlp, "Ms Lindqvist spoke after the vote. He later criticised the Treasury for the delay.")
    assert not any(r[1] == "CRITICIZED" for r in found)


@pytest.mark.issue(12)
def test_issue_12_he_in_her_own_clause_is_someone_else(nlp):
    found = relations(nlp, "Maria Lindqvist said he had joined Barclays in 2019.")
    assert not any(r[1] == "WORKS_FOR" for r in found)


@pytest.mark.issue(12)
def test_issue_12_a_pronoun_of_the_same_gender_still_links(nlp):
    assert ("Peter Lindqvist", "CRITICIZED", "Treasury", "dep_pronoun") in relations(
        nlp, "Peter Lindqvist spoke after the vote. He later criticised the Treasury for the delay.")
    assert ("Maria Lindqvist", "CRITICIZED", "Treasury", "dep_pronoun") in relations(
        nlp, "Maria Lindqvist spoke after the vote. She later criticised the Treasury for the delay.")
    # A given name that says no gender ("Chris") leaves the pronoun free.
    assert ("Chris Lindqvist", "CRITICIZED", "Treasury", "dep_pronoun") in relations(
        nlp, "Chris Lindqvist spoke after the vote. She later criticised the Treasury for the delay.")


@pytest.mark.issue(12)
def test_issue_12_a_pronoun_chain_skips_the_name_between(nlp):
    # "At the age of 18 she became a Loretto nun. She was sent to India": the first "she" is
    # the subject before the one name near the second, so both mean someone named earlier.
    found = relations(nlp, "The report was published on Monday. At the age of 18 she worked for Mary Ward in Dublin. "
                           "She later criticised the Treasury for the delay.")
    assert not any(r[1] == "CRITICIZED" for r in found)
    found = relations(nlp, "The report was published on Monday. In 1990 he worked for Peter Lund in Dublin. "
                           "He later criticised the Treasury for the delay.")
    assert not any(r[1] == "CRITICIZED" for r in found)
    # The name as the subject before the pronoun is still the nearest subject.
    assert ("Peter Lund", "CRITICIZED", "Treasury", "dep_pronoun") in relations(
        nlp, "The report was published on Monday. In 1990 Peter Lund worked in Dublin. He later criticised the Treasury for the delay.")
