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


@pytest.mark.issue(12)
def test_issue_12_visiting_or_receiving_a_person_is_meeting(nlp):
    found = typed(relations(nlp, "Senator Karen Holt visited Pedro Alvarez at his farm near Cordoba last week."))
    assert ("Karen Holt", "MET_WITH", "Pedro Alvarez") in found
    found = typed(relations(nlp, "Pedro Alvarez was received on Friday by President Karen Holt at the palace."))
    assert ("Karen Holt", "MET_WITH", "Pedro Alvarez") in found
    # A place the small model takes for a person has no given name: no one is met.
    found = typed(relations(nlp, "Minister Karen Holt visited Quarrow Fields on Friday."))
    assert not any(t == "MET_WITH" for _, t, _ in found)
    # "briefed visiting Senator X": the visitor is the object, not the subject's act.
    found = typed(relations(nlp, "Defence chief Pedro Alvarez briefed visiting US Senator Karen Holt on Tuesday."))
    assert ("Pedro Alvarez", "MET_WITH", "Karen Holt") not in found
    assert ("Pedro Alvarez", "VISITED", "Karen Holt") not in found
    # Negated: no meeting.
    found = typed(relations(nlp, "Karen Holt did not visit Pedro Alvarez during the trip."))
    assert not any(t == "MET_WITH" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_leaving_for_a_place_is_a_trip(nlp):
    found = typed(relations(nlp, "Prime Minister Karen Holt left for Nairobi on Monday."))
    assert ("Karen Holt", "VISITED", "Nairobi") in found
    # With an object the verb leaves its object: "left Lisbon for Nairobi".
    found = typed(relations(nlp, "Karen Holt left Lisbon for Nairobi on Monday."))
    assert ("Karen Holt", "VISITED", "Lisbon") not in found
    # A job is no place.
    found = typed(relations(nlp, "Karen Holt left for a banking job in Nairobi."))
    assert not any(t == "VISITED" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_the_place_based_company(nlp):
    # "The Leeds-based haulier runs …" with no name after it: the article's company, placed.
    found = relations(nlp, LEAD + "The Sligo-based company also makes pumps.")
    assert ("Corrib Valves", "BASED_IN", "Sligo", "based_article_ref") in found
    found = typed(relations(nlp, LEAD + "Tom Hennessy praised the Sligo-based firm on Monday."))
    assert ("Tom Hennessy", "PRAISED", "Corrib Valves") in found
    # A name after it is that company's base, not the article's.
    found = typed(relations(nlp, LEAD + "The Sligo-based company Hallam Pumps also makes valves."))
    assert ("Hallam Pumps", "BASED_IN", "Sligo") in found
    assert ("Corrib Valves", "BASED_IN", "Sligo") not in found
    # A lead about two firms settles no article company.
    found = typed(relations(nlp, "Corrib Valves is to buy Siemens for 40 million euros. The Sligo-based company makes pumps."))
    assert not any(t == "BASED_IN" and x == "Sligo" for _, t, x in found)


@pytest.mark.issue(12)
def test_issue_12_the_place_based_company_evidence_is_its_own_sentence(nlp):
    from newsgraph.extract.pipeline import extract_doc
    from newsgraph.graph.model import document_id

    text = LEAD + "The Sligo-based company also makes pumps."
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    based = [r for r in doc.relations if r.method == "based_article_ref"]
    assert [r.sentence for r in based] == ["The Sligo-based company also makes pumps."]
