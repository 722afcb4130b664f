"""Recall of verb and place relations (issue 12, session 9): "the company", "the firm" … as a
verb's doer or object in a report on one organisation stands for that organisation
(relations_verbs._article_reference, method dep_article_ref), on sentences written for the
test with the real spaCy model, with the traps that must stay out."""

from __future__ import annotations

import pytest

from extraction_support import relations, typed

# A report on one company: the lead names it alone, as the actor, and it is named most.
LEAD = "Corrib Valves opened a new plant in Leeds on Monday. Corrib Valves makes valves for water utilities. "


@pytest.mark.issue(12)
def test_issue_12_the_company_as_doer_and_object(nlp):
    found = relations(nlp, LEAD + "The company, which is based in Sligo, employs 300 people.")
    assert ("Corrib Valves", "BASED_IN", "Sligo", "dep_article_ref") in found
    found = typed(relations(nlp, LEAD + "Mayor Tom Hennessy praised the firm for keeping jobs in the town."))
    assert ("Tom Hennessy", "PRAISED", "Corrib Valves") in found
    found = typed(relations(nlp, LEAD + "Aidan Quill left the company in March to join a rival."))
    assert ("Aidan Quill", "LEFT", "Corrib Valves") in found


@pytest.mark.issue(12)
def test_issue_12_the_company_only_when_the_article_settles_it(nlp):
    # Another organisation named before it in the sentence: either could be meant.
    found = typed(relations(nlp, LEAD + "After Siemens cut its prices, Tom Hennessy praised the company."))
    assert ("Tom Hennessy", "PRAISED", "Corrib Valves") not in found
    # A company said to be another one ("the rival company", "the parent company"): not the article's.
    found = typed(relations(nlp, LEAD + "Tom Hennessy criticised the rival company for its prices."))
    assert not any(t == "CRITICIZED" for _, t, _ in found)
    found = typed(relations(nlp, LEAD + "Tom Hennessy praised the parent company for its patience."))
    assert not any(t == "PRAISED" for _, t, _ in found)
    # A lead about two firms names no article company.
    two = "Corrib Valves is to buy Siemens for 40 million euros. "
    found = typed(relations(nlp, two + "Tom Hennessy praised the company for the deal."))
    assert not any(t == "PRAISED" for _, t, _ in found)
    # Named only after the reference: no antecedent yet.
    found = typed(relations(nlp, "Tom Hennessy praised the company on Monday. Corrib Valves makes valves."))
    assert not any(t == "PRAISED" for _, t, _ in found)
    # Negated: no fact.
    found = typed(relations(nlp, LEAD + "Tom Hennessy did not praise the company."))
    assert not any(t == "PRAISED" for _, t, _ in found)
