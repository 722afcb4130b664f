"""Verb rules made more precise on news they were not written from (issue 12): each a
false-positive class seen in three or more unlabelled or fresh dev BBC articles, tested on a
sentence written for the test, with the real spaCy model."""

from __future__ import annotations

import pytest

from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import document_id


def typed(nlp, text: str) -> set[tuple[str, str, str]]:
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    names = {e.id: e.name for e in doc.entities}
    return {(names[r.head], r.type, names[r.tail]) for r in doc.relations}


@pytest.mark.issue(12)
def test_issue_12_a_win_is_not_a_succession(nlp):
    # "Koubek, who defeated Britain's Greg Rusedski", "Gaudio, who beat Flavio Saretta 6-3
    # 6-2", "England A beat France A": sports results (five in five articles), not REPLACED.
    found = typed(nlp, "Tom Walker, who defeated Peter Mills in the semi-final, now faces Jan Novak.")
    assert not any(t == "REPLACED" for _, t, _ in found)
    found = typed(nlp, "Maria Lopez beat Anna Berg 6-2 6-3 in Madrid on Tuesday.")
    assert not any(t == "REPLACED" for _, t, _ in found)
    # "oust" names the ouster, not the successor: "Ukraine ousted leader Leonid Kuchma",
    # "Martinez, who ousted seventh-seeded Nathalie Dechy 6-1 6-2" (two more articles).
    found = typed(nlp, "Ukraine recently ousted its long-serving leader Leonid Kuchma.")
    assert not any(t == "REPLACED" for _, t, _ in found)
    found = typed(nlp, "Maria Lopez, who ousted Anna Berg 6-1 6-2, now faces Jan Novak.")
    assert not any(t == "REPLACED" for _, t, _ in found)
    # Succession verbs still give it.
    found = typed(nlp, "Tom Walker replaced Peter Mills as chief executive of Barclays in May.")
    assert ("Tom Walker", "REPLACED", "Peter Mills") in found


@pytest.mark.issue(12)
def test_issue_12_a_team_coming_to_a_ground_is_not_a_visit(nlp):
    # "when England come to Dublin", "before England and France come to Lansdowne Road",
    # "the Italians travel to Edinburgh": a national side's away fixture (five in three
    # articles); motion verbs make VISITED for people only.
    found = typed(nlp, "It was a hard game when Ireland came to Edinburgh in March.")
    assert not any(t == "VISITED" for _, t, _ in found)
    found = typed(nlp, "Next month the Italians travel to Edinburgh for the final game.")
    assert not any(t == "VISITED" for _, t, _ in found)
    # A person travelling still visits.
    found = typed(nlp, "Prime Minister Tony Blair will travel to Kenya next week.")
    assert ("Tony Blair", "VISITED", "Kenya") in found


@pytest.mark.issue(12)
def test_issue_12_a_judged_object_does_the_gerund(nlp):
    # "criticized the ministry for signing a data-access agreement with Google" (dev page),
    # "attacking the EC for backing down", "accused Van Nistelrooy of cheating", "blamed
    # officials for failing to inform him": after a judging verb with an object, the
    # "for/of V-ing" act is the object's, never the subject's.
    found = typed(nlp, "Greenpeace criticised the ministry for signing a deal with Shell.")
    assert not any(t == "SIGNED_WITH" for _, t, _ in found)
    found = typed(nlp, "Amnesty praised the government for criticising Tom Walker.")
    assert ("Amnesty", "CRITICIZED", "Tom Walker") not in found
    # Without an object the subject still does it.
    # "fatally": "after shooting Kennedy" alone does not say he died (issue 12 review 10)
    found = typed(nlp, "Oswald was arrested after fatally shooting Kennedy.")
    assert ("Oswald", "KILLED", "Kennedy") in found
