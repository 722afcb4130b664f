"""Verb relations audit round 8 (issue 12): the wrong verb edges seen on 500 unlabelled BBC
articles (seed 3122, benchmarks/README.md), one class per test, each on sentences written
for the test with the real spaCy model, with the edge that must stay."""

from __future__ import annotations

import pytest

from extraction_support import relations, typed


@pytest.mark.issue(12)
def test_issue_12_a_stance_on_an_act_done_to_someone_is_not_on_them(nlp):
    # "Kuznetsova's naming was condemned by Russian tennis chief Shamil Tarpishchev": the
    # naming is someone else's act; criticising it is not criticising her.
    found = typed(relations(nlp, "However, Garcia's selection was condemned by the Spanish coach Pedro Ruiz."))
    assert ("Pedro Ruiz", "CRITICIZED", "Garcia") not in found
    found = typed(relations(nlp, "Labour leader Tony Blair condemned Peter Mills's arrest in Harare."))
    assert ("Tony Blair", "CRITICIZED", "Peter Mills") not in found
    # What the possessor does is still theirs to be judged by.
    found = typed(relations(nlp, "However, Garcia's performance was condemned by the Spanish coach Pedro Ruiz."))
    assert ("Pedro Ruiz", "CRITICIZED", "Garcia") in found
    found = typed(relations(nlp, "Labour leader Tony Blair condemned Peter Mills's remarks in Harare."))
    assert ("Tony Blair", "CRITICIZED", "Peter Mills") in found


@pytest.mark.issue(12)
def test_issue_12_an_acclaim_adverb_makes_a_participle(nlp):
    # "Walter Salles critically acclaimed The Motorcycle Diaries ... received three
    # nominations": the possessive's apostrophe is missing; nobody praised anything.
    found = typed(relations(nlp, "Director Mike Leigh critically acclaimed Vera Drake and Ken Loach's Ae Fond Kiss were both nominated."))
    assert not any(t == "PRAISED" for _, t, _ in found)
    found = typed(relations(nlp, "Mike Leigh widely praised Vera Drake was nominated for three awards."))
    assert not any(t == "PRAISED" for _, t, _ in found)
    # An active stance verb with another adverb, and a passive with this one, still hold.
    found = typed(relations(nlp, "Tony Blair publicly praised Gordon Brown on Monday."))
    assert ("Tony Blair", "PRAISED", "Gordon Brown") in found
    found = typed(relations(nlp, "Gordon Brown was widely praised by Tony Blair for the budget."))
    assert ("Tony Blair", "PRAISED", "Gordon Brown") in found


@pytest.mark.issue(12)
def test_issue_12_a_support_act_is_not_support(nlp):
    # "Snow Patrol will support U2 on their European tour": the opening act of a concert.
    found = typed(relations(nlp, "Tony Blair will support Gordon Brown on his tour of the north next month."))
    assert ("Tony Blair", "SUPPORTED", "Gordon Brown") not in found
    found = typed(relations(nlp, "Tony Blair will support Gordon Brown on the issue of debt relief."))
    assert ("Tony Blair", "SUPPORTED", "Gordon Brown") in found
