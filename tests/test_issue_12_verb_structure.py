"""Verb relations through light-verb constructions (issue 12): "paid a visit to Y" and
"made a trip to Y" are VISITED of the light verb's subject, as "held talks with Y" is
MET_WITH. Sentences written for the test, real spaCy model; traps stay out."""

from __future__ import annotations

import pytest

from extraction_support import relations, typed


@pytest.mark.issue(12)
def test_issue_12_a_visit_paid_or_a_trip_made_is_visited(nlp):
    found = typed(relations(nlp, "Emmanuel Macron paid a visit to China last week."))
    assert ("Emmanuel Macron", "VISITED", "China") in found
    found = typed(relations(nlp, "Joe Biden made a surprise trip to Ukraine on Monday."))
    assert ("Joe Biden", "VISITED", "Ukraine") in found
    found = typed(relations(nlp, "Emmanuel Macron made a state visit to Japan in May."))
    assert ("Emmanuel Macron", "VISITED", "Japan") in found


@pytest.mark.issue(12)
def test_issue_12_light_verb_traps_stay_out(nlp):
    # Negated and planned visits are not stated facts.
    for text in (
        "Keir Starmer did not pay a visit to India.",
        "Keir Starmer is planning to make a trip to India.",
    ):
        found = typed(relations(nlp, text))
        assert not any(t == "VISITED" for _, t, _ in found), text
    # Another noun than a visit or trip after the light verb is no visit.
    found = typed(relations(nlp, "Rishi Sunak made a speech to Parliament."))
    assert not any(t == "VISITED" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_talks_held_with_someone_is_met_with(nlp):
    found = typed(relations(nlp, "Joe Biden held talks with Xi Jinping in Bali."))
    assert ("Joe Biden", "MET_WITH", "Xi Jinping") in found
    found = typed(relations(nlp, "Joe Biden refused to hold talks with Xi Jinping."))
    assert not any(t == "MET_WITH" for _, t, _ in found)
