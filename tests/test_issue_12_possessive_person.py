"""A possessive before a name the model calls a person ("Chelsea's Frank Lampard": WORKS_FOR)
is employment only when the article gives that person a given name or initials in some
mention: "the BBC's Westminster Tonight", "Microsoft's Xbox Live" are a show and a product
the model typed Person (issue 12, session 11 band audit on unlabelled Reuters and BBC news:
3 of 3 such edges wrong; the 17 right ones all had a given name). Sentences written for these
tests, with the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations, typed


@pytest.mark.issue(12)
def test_issue_12_a_show_or_a_product_works_for_no_one(nlp):
    found = typed(relations(nlp, "Speaking to the BBC's Westminster Tonight on Monday, Mr Harper said the vote would be close."))
    assert ("Westminster Tonight", "WORKS_FOR", "BBC") not in found
    found = typed(relations(nlp, "Microsoft's Xbox Live is now used by two million players."))
    assert ("Xbox Live", "WORKS_FOR", "Microsoft") not in found


@pytest.mark.issue(12)
def test_issue_12_a_named_person_still_works_for_the_possessor(nlp):
    assert ("Frank Lampard", "WORKS_FOR", "Chelsea") in typed(relations(nlp, "Chelsea's Frank Lampard is out of the match."))
    # A surname alone, with the full name elsewhere in the article.
    assert ("Frank Lampard", "WORKS_FOR", "Chelsea") in typed(relations(
        nlp, "Chelsea's Lampard is out of the match, and Frank Lampard may miss the next one too."))
