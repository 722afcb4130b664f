"""A relative clause hanging from the noun in apposition with a name ("Priya Hegde, the
surgeon who heads the Hegde Foundation"): its "who" is the named person, so the verb rules
read the clause's relation for the name (issue 12, role and employer recall;
extract/relations_verbs.py ``_apposed``). Written sentences, the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations


def _verb(found: set[tuple[str, str, str, str]]) -> set[tuple[str, str, str]]:
    return {(h, t, tail) for h, t, tail, method in found if method == "dep"}


@pytest.mark.issue(12)
def test_issue_12_who_after_an_apposed_noun_is_the_name(nlp):
    found = _verb(relations(nlp, "Nadia Ferreira, the Lisbon-based engineer who heads the Tagus Foundation, spoke first."))
    assert ("Nadia Ferreira", "WORKS_FOR", "Tagus Foundation") in found
    found = _verb(relations(nlp, "Owen Pryce, a former organiser who worked for Unison for nine years, won the seat."))
    assert ("Owen Pryce", "WORKS_FOR", "Unison") in found


@pytest.mark.issue(12)
def test_issue_12_who_after_a_noun_not_apposed_to_the_name_is_not_the_name(nlp):
    # The clause hangs from "father", no apposition of the name: the father heads the firm.
    found = _verb(relations(nlp, "Nadia Ferreira praised the father who heads the Tagus Foundation."))
    assert ("Nadia Ferreira", "WORKS_FOR", "Tagus Foundation") not in found
    # The clause hangs from "friend" inside the apposition, not from its head noun.
    found = _verb(relations(nlp, "Nadia Ferreira, a cousin of the friend who heads the Tagus Foundation, spoke first."))
    assert ("Nadia Ferreira", "WORKS_FOR", "Tagus Foundation") not in found
