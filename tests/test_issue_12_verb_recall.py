"""Verb relations the text states plainly but the verb rules missed (issue 12, recall round 8):
a participle clause after the subject's verb, a verb's noun ("X's criticism of Y"), a visit
to a place named after the thing visited, "paid tribute to", "joined Y from Z". Each class
on sentences written for the test, with the guards that keep a wrong reading out."""

from __future__ import annotations

import pytest

from extraction_support import relations, typed


@pytest.mark.issue(12)
def test_issue_12_a_participle_clause_is_the_subjects_act(nlp):
    found = relations(nlp, '"This is a shameful decision," said Martin Pryce, criticising the Home Office.')
    assert ("Martin Pryce", "CRITICIZED", "Home Office", "dep") in found
    found = typed(relations(nlp, "Mark Dunn resigned in March, accusing Tessa Cole of bullying."))
    assert ("Mark Dunn", "ACCUSED", "Tessa Cole") in found


@pytest.mark.issue(12)
def test_issue_12_a_participle_after_an_object_is_not_the_subjects_act(nlp):
    # The governing verb has an object: whose act the participle is, the sentence does not
    # settle, except after a verb that puts its object in a post.
    found = typed(relations(nlp, "Castlegate Bank has appointed Sarah Whitlock as chief executive, replacing Martin Hale."))
    assert ("Castlegate Bank", "REPLACED", "Martin Hale") not in found
    assert ("Sarah Whitlock", "REPLACED", "Martin Hale") in found
    found = typed(relations(nlp, "Martin Pryce thanked the staff, praising Julia Stark for her patience."))
    assert ("Martin Pryce", "PRAISED", "Julia Stark") not in found
    # A participle with a subject of its own, or naming someone, is no act of the subject.
    found = typed(relations(nlp, "Gov. Mike Dale praised the choice, calling Ellen Ross one of the finest doctors."))
    assert not any(t == "CALLED" for _, t, _ in found)
    # The statement guards still hold: a negated participle states nothing.
    found = typed(relations(nlp, '"We have done nothing wrong," said Martin Pryce, not criticising the Home Office.'))
    assert ("Martin Pryce", "CRITICIZED", "Home Office") not in found


@pytest.mark.issue(12)
def test_issue_12_a_verbs_noun_states_the_act(nlp):
    found = relations(nlp, "Martin Pryce's criticism of the Home Office was sharp.")
    assert ("Martin Pryce", "CRITICIZED", "Home Office", "verb_noun") in found
    found = typed(relations(nlp, "Prime Minister Alan Reid's visit to Kenya was cut short."))
    assert ("Alan Reid", "VISITED", "Kenya") in found
    found = typed(relations(nlp, "Julia Stark's meeting with Tom Ross lasted two hours."))
    assert ("Julia Stark", "MET_WITH", "Tom Ross") in found
    # With no owner, a visit in a time phrase is the clause subject's.
    found = typed(relations(nlp, "Senator Ray Cole praised the agreement during a visit to Manila."))
    assert ("Ray Cole", "VISITED", "Manila") in found


@pytest.mark.issue(12)
def test_issue_12_a_verbs_noun_not_done_states_nothing(nlp):
    for text in (
        "Alan Reid's planned visit to Kenya was cancelled.",
        "Alan Reid's visit to Kenya could be cancelled.",
        "Helen Ward denied that her visit to Moscow had been approved, said Alan Reid.",
        "Officials said there was no meeting with Ivan Petrov, Carl Moss's aide said.",
    ):
        found = typed(relations(nlp, text))
        assert not any(t in {"VISITED", "MET_WITH"} for _, t, _ in found), text
    # A host's clause: the visit is the guest's, not the host's.
    found = typed(relations(nlp, "Kenyan President Daniel Kiptoo welcomed Abebe Tadesse during a visit to Nairobi."))
    assert ("Daniel Kiptoo", "VISITED", "Nairobi") not in found


@pytest.mark.issue(12)
def test_issue_12_visiting_a_site_in_a_place_visits_the_place(nlp):
    found = typed(relations(nlp, "Deborah Lane visited the factory in Sheffield on Friday."))
    assert ("Deborah Lane", "VISITED", "Sheffield") in found
    found = typed(relations(nlp, "Ian Booth visited Corran Motors' plant in Coventry last week."))
    assert ("Ian Booth", "VISITED", "Coventry") in found
    found = typed(relations(nlp, "Laura Finch did not visit the hospital in Leeds."))
    assert ("Laura Finch", "VISITED", "Leeds") not in found
    # Being visited somewhere is no visit of one's own.
    found = typed(relations(nlp, "Anna Keller was visited in Zurich by Hans Vogt."))
    assert ("Anna Keller", "VISITED", "Zurich") not in found


@pytest.mark.issue(12)
def test_issue_12_paying_tribute_praises(nlp):
    found = typed(relations(nlp, "Mayor Helen Forsyth paid tribute to Daniel Okoro, who died on Monday."))
    assert ("Helen Forsyth", "PRAISED", "Daniel Okoro") in found
    found = typed(relations(nlp, "Ruth Calder paid a visit to Lisbon last year."))
    assert ("Ruth Calder", "VISITED", "Lisbon") in found


@pytest.mark.issue(12)
def test_issue_12_joining_from_an_employer_worked_there(nlp):
    found = typed(relations(nlp, "Gill joined Fraser Delta Logistics from Corran Freight in 2020."))
    assert ("Gill", "WORKS_FOR", "Corran Freight") in found
    assert ("Gill", "WORKS_FOR", "Fraser Delta Logistics") in found
    # A club signing a player from another is the club's act: no employment of the club.
    found = typed(relations(nlp, "Chelsea signed Tom Reid from Bristol City."))
    assert ("Chelsea", "WORKS_FOR", "Bristol City") not in found
    # Joining people who come from somewhere is no move between employers.
    found = typed(relations(nlp, "Mr Blair joined two girls from St Egwin's Middle School in Evesham for a trip."))
    assert not any(t == "WORKS_FOR" for _, t, _ in found)
    # Moving from a place is no employment.
    found = typed(relations(nlp, "Tom Reid moved to India from London in 2023."))
    assert not any(t == "WORKS_FOR" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_praise_and_criticism_received_from_someone(nlp):
    # The "from" object does the act the noun names; the clause subject receives it.
    found = typed(relations(nlp, "Michael Grant came under fire from Jane Foster over the plan."))
    assert ("Jane Foster", "CRITICIZED", "Michael Grant") in found
    found = typed(relations(nlp, "Michael Grant won praise from Jane Foster for his honesty."))
    assert ("Jane Foster", "PRAISED", "Michael Grant") in found
    found = typed(relations(nlp, "Michael Grant did not face criticism from Jane Foster."))
    assert ("Jane Foster", "CRITICIZED", "Michael Grant") not in found
    # Gunfire from unnamed fighters names nobody.
    found = typed(relations(nlp, "US troops in Falluja came under fire from insurgents."))
    assert not any(t == "CRITICIZED" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_praise_and_attacks_as_phrases(nlp):
    found = typed(relations(nlp, "Coach Tom Walker was full of praise for Peter Mills after the game."))
    assert ("Tom Walker", "PRAISED", "Peter Mills") in found
    found = typed(relations(nlp, "Tom Walker heaped praise on Peter Mills."))
    assert ("Tom Walker", "PRAISED", "Peter Mills") in found
    found = typed(relations(nlp, "Michael Grant launched a scathing attack on the Liberal Democrats."))
    assert ("Michael Grant", "CRITICIZED", "Liberal Democrats") in found


@pytest.mark.issue(12)
def test_issue_12_two_sides_meeting(nlp):
    found = typed(relations(nlp, "Talks between Israel and Syria resumed on Monday."))
    assert ("Israel", "MET_WITH", "Syria") in found
    found = typed(relations(nlp, "Anton Nowak and Jan Dvorak met in Prague on Monday."))
    assert ("Anton Nowak", "MET_WITH", "Jan Dvorak") in found
    # A headline's "X and Y in EU talks" parses "talks" as a singular verb: not two sides meeting.
    found = typed(relations(nlp, "Poland and Hungary in EU talks\n\nThe European Union has begun membership talks with both countries."))
    assert ("Poland", "MET_WITH", "Hungary") not in found
    found = typed(relations(nlp, "Anton Nowak and Jan Dvorak did not meet in Prague."))
    assert not any(t == "MET_WITH" for _, t, _ in found)
