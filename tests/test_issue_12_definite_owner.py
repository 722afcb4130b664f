"""A role owned by "the <noun>" that the article names outright elsewhere (issue 12, recall of
HOLDS_ROLE; extract/relations_definite_owner.py, method definite_owner): "the authority's
president, X", "X, the hospital's chief executive", "the council leader, X", "Committee
chairman X", each the one organisation of the article whose name has that noun as its head.
Written sentences, the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations, titles


def _owned(found: set[tuple[str, str, str, str]]) -> set[tuple[str, str, str]]:
    return {(h, t, tail) for h, t, tail, method in found if method == "definite_owner"}


@pytest.mark.issue(12)
def test_issue_12_possessive_owner_noun_before_the_title(nlp):
    text = "Ferrybridge signed a lease with the Kelso Harbour Authority. The authority's president, Ruth Dalby, said boats would return."
    assert ("Ruth Dalby", "HOLDS_ROLE", "Kelso Harbour Authority") in _owned(relations(nlp, text))
    assert ("Ruth Dalby", "President", "Kelso Harbour Authority") in titles(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_owner_noun_in_an_apposition_after_the_name(nlp):
    text = "Nurses marched outside Brampton General Hospital. They met Dr Irene Castell, the hospital's chief executive, on Monday."
    found = _owned(relations(nlp, text))
    assert ("Irene Castell", "HOLDS_ROLE", "Brampton General Hospital") in found


@pytest.mark.issue(12)
def test_issue_12_owner_noun_compound_before_the_title(nlp):
    text = "Pell met the council leader, Gordon Ames, for an hour. The Lowther District Council later opposed the plan."
    assert ("Gordon Ames", "HOLDS_ROLE", "Lowther District Council") in _owned(relations(nlp, text))
    text = "The House Energy Committee voted on Tuesday. Committee chairman Walter Briggs praised the bill."
    found = relations(nlp, text)
    assert ("Walter Briggs", "HOLDS_ROLE", "House Energy Committee") in _owned(found)
    # "Committee" opening the sentence, tagged a name of one word, is no body of its own.
    assert not any(r[2] == "Committee" and r[3] == "title" for r in found)
    # Resolved to the fuller name, the one word is that body's: the title rule keeps it.
    text = "The European Commission met on Monday. Commission spokesman Pierre Vasseur said no."
    assert ("Pierre Vasseur", "HOLDS_ROLE", "European Commission", "title") in relations(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_owner_noun_that_names_no_one_or_two_gives_nothing(nlp):
    # Two parties: "the party" is neither for certain.
    text = "The Labour Party and the Conservatives clashed on tax. The party's leader, Owen Pryce, spoke first."
    assert not _owned(relations(nlp, text))
    # No organisation of the article is a committee.
    text = "Ministers met on Tuesday. The committee's chairman, Owen Pryce, spoke first."
    assert not _owned(relations(nlp, text))
    # Not a role: "the committee's top Democrat".
    text = "The House Energy Committee voted on Tuesday. Senator Mary Fenwick, the committee's top Democrat, objected."
    assert not _owned(relations(nlp, text))
    # A list after the title is no apposition of the title.
    text = "The Lowther District Council met. Pell thanked the council leader, Gordon Ames and Mary Fenwick."
    assert not _owned(relations(nlp, text))
