"""A "he"/"she" is settled only when one antecedent is certain (issue 12): a person named by a
title alone ("the Kenyan president") as a subject between the one named person and the
pronoun is a second candidate. Unlabelled BBC: "On Monday the Pakistani president met Prime
Minister Tony Blair at 10 Downing Street. He is due to visit the Pakistani community in
Manchester" gave Blair VISITED Manchester (the president visited). A title with its name in
apposition ("The Kenyan president, Marco Silva,") names its holder and settles nothing new.
Written sentences, the real spaCy model (session 13)."""

from __future__ import annotations

import pytest

from extraction_support import relations, typed


@pytest.mark.issue(12)
def test_issue_12_a_titled_subject_competes_for_the_pronoun(nlp):
    found = relations(nlp, "The Kenyan president met Tony Hale in London. He will travel to Liverpool on Tuesday.")
    assert ("Tony Hale", "VISITED", "Liverpool") not in typed(found)


@pytest.mark.issue(12)
def test_issue_12_a_title_with_its_name_leaves_the_pronoun_settled(nlp):
    found = relations(nlp, "The Chilean president, Marco Silva, arrived in London on Monday. "
                           "He will travel to Liverpool on Tuesday.")
    assert ("Marco Silva", "VISITED", "Liverpool") in typed(found)


@pytest.mark.issue(12)
def test_issue_12_a_lone_named_person_still_takes_the_pronoun(nlp):
    found = relations(nlp, "Tony Hale arrived in London on Monday. He will travel to Liverpool on Tuesday.")
    assert ("Tony Hale", "VISITED", "Liverpool") in typed(found)
