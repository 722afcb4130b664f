"""Verb relations audit round 8 (issue 12): the wrong verb edges seen on 500 unlabelled BBC
articles (seed 3122, benchmarks/README.md), one class per test, each on sentences written
for the test with the real spaCy model, with the edge that must stay."""

from __future__ import annotations

import pytest

from extraction_support import extra_rule_rows, relations, typed


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


@pytest.mark.issue(12)
def test_issue_12_leaving_someone_in_a_state_is_no_departure(nlp):
    # "left Labour divided", "left Howard facing a revolt": a causative "leave" with a
    # complement said of its object.
    found = typed(relations(nlp, "Tony Blair left Labour divided over the war in Iraq."))
    assert ("Tony Blair", "LEFT", "Labour Party") not in found
    found = typed(relations(nlp, "Peter Mills left Chelsea to join Real Madrid in 2004."))
    assert ("Peter Mills", "LEFT", "Chelsea") in found
    found = typed(relations(nlp, "Michael Owen left Liverpool for Real Madrid last summer."))
    assert ("Michael Owen", "LEFT", "Liverpool") in found
    # A gerund after the object is as often the subject's own act ("left UKIP saying ...").
    found = typed(relations(nlp, "Peter Mills also left the Green Party saying Tom Walker would lead it better."))
    assert ("Peter Mills", "LEFT", "Green Party") in found


@pytest.mark.issue(12)
def test_issue_12_a_bout_is_no_opposition(nlp):
    # "will fight Danny Williams": in a boxing report, a bout between the two.
    text = ("Boxer Tom Walker will fight Peter Mills in London in December. Walker won the heavyweight "
            "title last year and says the boxing world owes him a rematch.")
    found = typed(relations(nlp, text))
    assert ("Tom Walker", "OPPOSED", "Peter Mills") not in found
    # Outside a sports report, fighting someone is still opposing them.
    found = typed(relations(nlp, "Tony Blair will fight Michael Howard over the budget."))
    assert ("Tony Blair", "OPPOSED", "Michael Howard") in found


@pytest.mark.issue(12)
def test_issue_12_a_gerund_under_an_infinitive_with_its_own_subject(nlp):
    # "Barkley allowed England to generate better field position ... after replacing
    # debutant Tait": Barkley replaced Tait, not England.
    found = typed(relations(nlp, "Tom Walker allowed Wales to attack more after replacing Peter Mills."))
    assert ("Wales", "REPLACED", "Peter Mills") not in found
    # "fatally": "after shooting Peter Mills" alone does not say he died (issue 12 review 10)
    found = typed(relations(nlp, "Anna Berg was arrested after fatally shooting Peter Mills."))
    assert ("Anna Berg", "KILLED", "Peter Mills") in found


@pytest.mark.issue(12)
def test_issue_12_a_team_selection_is_no_appointment(nlp):
    # "England have named Bath prop Matt Stevens in the starting line-up": picked for a match,
    # not appointed to a post.
    found = typed(relations(nlp, "England have named Bath prop Tom Walker in the starting line-up for their match against Ireland."))
    assert not any(t == "APPOINTED" for _, t, _ in found)
    found = typed(relations(nlp, "The Football Association has named Tom Walker as England captain."))
    assert ("Football Association", "APPOINTED", "Tom Walker") in found


@pytest.mark.issue(12)
def test_issue_12_a_rule_flag_must_be_true_or_false(monkeypatch):
    # relations.jsonl's flags (not_in_sports, no_object_complement, ...) were read with bool():
    # a quoted "false" switched the rule's exclusion on without a word
    from newsgraph.errors import RuleFileError
    from newsgraph.extract import rules

    bad = {"relation": "OPPOSED", "verbs": ["battle"], "tail": "dobj", "not_in_sports": "false"}
    with extra_rule_rows(monkeypatch, "relations.jsonl", [(999, bad)], rules.load_relation_rules):
        with pytest.raises(RuleFileError, match="relations.jsonl:999: 'not_in_sports' must be true or false"):
            rules.load_relation_rules()
    assert any(rule.not_in_sports for rule in rules.load_relation_rules())
