"""Appositions whose holder the parse hangs on the organisation or whose organisation a
country owns (issue 12, role recall; relations_roles.py role_relations). Written sentences,
the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import titles



@pytest.mark.issue(12)
def test_issue_12_title_of_an_organisation_then_the_name(nlp):
    # "the chief executive of Microsoft, Steve Ballmer": the parse makes the name Microsoft's
    # apposition; it is the role's holder
    assert ("Steve Ballmer", "Chief Executive", "Microsoft") in titles(nlp, "He met the chief executive of Microsoft, Steve Ballmer, on Friday.")
    assert ("Rodrigo Rato", "Head", "International Monetary Fund") in titles(nlp, "He met the head of the IMF, Rodrigo Rato, in Washington.")
    # no role: a friend is no title
    assert not titles(nlp, "He spoke to a friend of Microsoft, Bill Gates, on Friday.")


@pytest.mark.issue(12)
def test_issue_12_role_in_a_countrys_party_is_the_partys(nlp):
    found = titles(nlp, "Jose Antonio Kast, the leader of Chile's Republican Party, said the vote was fair.")
    assert ("Jose Antonio Kast", "Leader", "Republican Party") in found
    assert not any(t == "Chile" for _, _, t in found)
