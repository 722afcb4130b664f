"""A stance toward something a name owns is a stance toward the name (issue 12):
"attacked Labour's six new pledges" (CRITICIZED Labour), "praised Owen's contribution";
"was impressed by X" is praise of X. Sentences written for the test, real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations, typed


@pytest.mark.issue(12)
def test_issue_12_a_stance_toward_what_a_name_owns(nlp):
    found = typed(relations(nlp, "Tory co-chairman Liam Fox attacked Labour's new pledges as empty."))
    assert ("Liam Fox", "CRITICIZED", "Labour Party") in found
    found = typed(relations(nlp, "Jose Mourinho praised Arjen Robben's contribution after the game."))
    assert ("Jose Mourinho", "PRAISED", "Arjen Robben") in found
    # Trap: a role noun means its holder, not the owner ("Chelsea's goalkeeper Petr Cech").
    found = typed(relations(nlp, "Jose Mourinho praised Chelsea's goalkeeper, Petr Cech, after the game."))
    assert ("Jose Mourinho", "PRAISED", "Petr Cech") in found
    assert ("Jose Mourinho", "PRAISED", "Chelsea") not in found
    # Trap: still a statement, so a negation keeps it out.
    found = typed(relations(nlp, "Tony Blair did not criticise Gordon Brown's budget."))
    assert not any(t == "CRITICIZED" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_being_impressed_by_someone_is_praise(nlp):
    found = typed(relations(nlp, "Michael Owen was impressed by Andy Johnson in training."))
    assert ("Michael Owen", "PRAISED", "Andy Johnson") in found
    assert ("Andy Johnson", "PRAISED", "Michael Owen") not in found


@pytest.mark.issue(12)
def test_issue_12_an_act_someone_is_accused_of_is_not_a_fact(nlp):
    # "Cherie Blair has been accused of criticising George W Bush's policies": the
    # accusation is someone else's claim; the ACCUSED edge itself stays.
    found = typed(relations(nlp, "Anna Berg has been accused of criticising Tom Walker's policies in a speech."))
    assert not any(t == "CRITICIZED" for _, t, _ in found)
    found = typed(relations(nlp, "Tom Walker accused Anna Berg of lying about the deal."))
    assert ("Tom Walker", "ACCUSED", "Anna Berg") in found


@pytest.mark.issue(12)
def test_issue_12_a_stance_toward_a_persons_government_is_not_toward_the_person(nlp):
    found = typed(relations(nlp, "Marco Rubio thanked Nayib Bukele's government for its help on migration."))
    assert ("Marco Rubio", "PRAISED", "Nayib Bukele") not in found
