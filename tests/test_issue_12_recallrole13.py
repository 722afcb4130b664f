"""Issue 12, session 13 (recall of roles): a role whose owner is the name a relative "whose"
follows (``relations_whose_owner``, method ``whose_title``), and "Its <title>, <name>" after a
sentence whose subject is an organisation named in apposition to a common noun, or with
another organisation acting only in a clause below the main one (``relations_roles.
_its_organisation``). Written sentences, the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations


def _roles(nlp, text: str) -> set[tuple[str, str, str, str]]:
    return {r for r in relations(nlp, text) if r[1] in {"HOLDS_ROLE", "WORKS_FOR"}}


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, org", [
    ("The mayor was endorsed by the Eastfield Dockers Union, whose president, Carl Brennan, spoke at the rally.",
     "Carl Brennan", "Eastfield Dockers Union"),
    ("The site was sold to Marlow Holdings Ltd, whose chairman Peter Quigley said the deal closed on Friday.",
     "Peter Quigley", "Marlow Holdings Ltd"),
])
def test_issue_12_whose_title_takes_the_organisation_before_it(nlp, text, person, org):
    found = _roles(nlp, text)
    assert any(h == person and t == org and m == "whose_title" for h, _, t, m in found)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    # "whose" after an "of" phrase may be the chairman's: "the chairman of X, whose wife, Y".
    "She met the chairman of Marlow Holdings Ltd, whose daughter, Jane Quigley, runs a bakery.",
    # Not a role: a relative's noun.
    "The plant belongs to Marlow Holdings Ltd, whose customers, Jane Quigley among them, were angry.",
])
def test_issue_12_whose_without_a_role_or_a_sure_owner_names_none(nlp, text):
    found = _roles(nlp, text)
    assert not any(h == "Jane Quigley" and m == "whose_title" for h, _, _, m in found)


@pytest.mark.issue(12)
def test_issue_12_its_title_after_an_organisation_named_beside_its_subject_noun(nlp):
    text = ("Local residents' group Save Harwood Meadows said it would seek a judicial review. "
            "Its chairman, Peter Dale, accused the council of ignoring flood risk.")
    assert ("Peter Dale", "HOLDS_ROLE", "Save Harwood Meadows", "its_title") in relations(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_its_title_with_another_organisation_in_a_clause_below(nlp):
    text = ("The Lindqvist Foundation has asked the court to halt the sale until Parliament passes new rules. "
            "Its executive director, Sara Lindqvist, accused the ministry of haste.")
    assert ("Sara Lindqvist", "HOLDS_ROLE", "Lindqvist Foundation", "its_title") in relations(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_the_banks_title_is_the_one_bank_of_the_article(nlp):
    # "bank" is an owner noun (employment.json): "the bank" stands for the one organisation
    # of the article whose name has it as its head (relations_definite_owner).
    text = ("The fund will lend through the Caribbean Shelf Development Bank, which is based in Bridgetown. "
            "The bank's president, Marisol Quintero, will chair its board.")
    assert ("Marisol Quintero", "HOLDS_ROLE", "Caribbean Shelf Development Bank", "definite_owner") in relations(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_the_bank_of_an_article_with_two_banks_is_neither(nlp):
    text = ("The Caribbean Shelf Development Bank and the Bank of Nassau signed the loan on Monday. "
            "The bank's president, Marisol Quintero, said it was a good day.")
    assert not any(h == "Marisol Quintero" and m == "definite_owner" for h, _, _, m in relations(nlp, text))
