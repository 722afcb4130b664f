""""The company" as a verb's subject or object in an article about several organisations:
the one organisation the sentence before names, in the same paragraph
(``relations_roles.paragraph_reference``; methods ``dep_paragraph_ref`` and
``based_paragraph_ref``). Issue 12, session 12: "resolve only when one antecedent is certain
in the paragraph" — a paragraph's first sentence, a sentence after two organisations, or one
after a sentence that already speaks of "the company" names no one. Written sentences, the
real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations

MET = "Minister John Harper met Sarah Cole, the chief executive of Northgate Freight, on Friday."


@pytest.mark.issue(12)
def test_issue_12_the_company_after_a_sentence_naming_one_firm(nlp):
    found = relations(nlp, MET + " The company, which is based in Grimsby, employs 300 people.")
    assert ("Northgate Freight", "BASED_IN", "Grimsby", "dep_paragraph_ref") in found


@pytest.mark.issue(12)
def test_issue_12_the_place_based_company_after_a_sentence_naming_one_firm(nlp):
    found = relations(nlp, MET + " The Hull-based company has signed a ten-year lease with Associated British Ports.")
    assert ("Northgate Freight", "BASED_IN", "Hull", "based_paragraph_ref") in found
    assert ("Northgate Freight", "SIGNED_WITH", "Associated British Ports", "dep_paragraph_ref") in found


@pytest.mark.issue(12)
def test_issue_12_the_company_opening_a_paragraph_names_no_one(nlp):
    found = relations(nlp, MET + "\n\nThe company, which is based in Grimsby, employs 300 people.")
    assert not any(h == "Northgate Freight" and t == "Grimsby" for h, _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_the_company_after_two_firms_names_no_one(nlp):
    found = relations(nlp, "Northgate Freight bought Tidewater Shipping from Sarah Cole last year. "
                           "The company, which is based in Grimsby, employs 300 people.")
    assert not any(t == "Grimsby" and r == "BASED_IN" for _, r, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_the_company_after_a_sentence_on_the_company_names_no_one(nlp):
    # The sentence before speaks of its own firm as "the company": the chain goes on from a
    # firm named earlier, not from the one it names in passing.
    found = relations(nlp, "The company said Sarah Cole was the former president of Tidewater Shipping. "
                           "It said John Harper has also joined the company as finance director.")
    assert not any(h == "John Harper" and t == "Tidewater Shipping" for h, _, t, _ in found)
