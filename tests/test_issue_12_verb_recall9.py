"""Recall of verb relations, round 9 (issue 12): shapes the verb and event-noun rules missed
on the dev split (grouped by benchmarks' fn causes), each on sentences written for the test
with the real spaCy model, with the traps that must stay out."""

from __future__ import annotations

import pytest

from extraction_support import relations, typed


@pytest.mark.issue(12)
def test_issue_12_a_company_saying_it_signed(nlp):
    # "Metrolinx said it had signed a contract with …": the "it" of the clause its own
    # statement introduces is the company.
    found = relations(nlp, "Harbour Freight Lines said it had signed a contract with Nordic Tankers on Monday.")
    assert ("Harbour Freight Lines", "SIGNED_WITH", "Nordic Tankers", "dep_pronoun_clause") in found
    found = typed(relations(nlp, "Harbour Freight Lines said the company had signed a deal with Nordic Tankers."))
    assert ("Harbour Freight Lines", "SIGNED_WITH", "Nordic Tankers") in found
    # A person told the company: whose "it" is not settled.
    found = typed(relations(nlp, "Paul Rennard told Harbour Freight Lines it had signed a deal with Nordic Tankers."))
    assert not any(t == "SIGNED_WITH" for _, t, _ in found)
    # Denied: no deal.
    found = typed(relations(nlp, "Harbour Freight Lines said it had not signed a deal with Nordic Tankers."))
    assert not any(t == "SIGNED_WITH" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_signing_for_a_club(nlp):
    found = typed(relations(nlp, "James Beattie signed for Everton in 2005."))
    assert ("James Beattie", "SIGNED_WITH", "Everton") in found
    # "signed up for" is another verb; a wish is no signing.
    found = typed(relations(nlp, "James Beattie signed up for a charity run organised by Everton."))
    assert not any(t == "SIGNED_WITH" for _, t, _ in found)
    found = typed(relations(nlp, "James Beattie would love to sign for Everton one day."))
    assert not any(t == "SIGNED_WITH" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_more_kinds_of_deal(nlp):
    found = typed(relations(nlp, "Ghana signed a $750 million loan with the World Bank on Tuesday."))
    assert ("Ghana", "SIGNED_WITH", "World Bank") in found
    found = typed(relations(nlp, "Basalt Compute signed a fifteen-year lease with Nordlys Cloud."))
    assert ("Basalt Compute", "SIGNED_WITH", "Nordlys Cloud") in found


@pytest.mark.issue(12)
def test_issue_12_coming_in_for_a_player(nlp):
    found = typed(relations(nlp, "Lawrence Dallaglio comes in for Matt Stevens at number eight."))
    assert ("Lawrence Dallaglio", "REPLACED", "Matt Stevens") in found
    # Two for two: each replaces the one in the same place, never each both.
    found = typed(relations(nlp, "Wing Tom Walker and Mark Jones come in for Peter Mills and David Brown."))
    assert ("Tom Walker", "REPLACED", "Peter Mills") in found
    assert ("Mark Jones", "REPLACED", "David Brown") in found
    assert ("Tom Walker", "REPLACED", "David Brown") not in found
    assert ("Mark Jones", "REPLACED", "Peter Mills") not in found


@pytest.mark.issue(12)
def test_issue_12_a_phone_call_is_no_meeting(nlp):
    found = typed(relations(nlp, "Angela Merkel talked with Jacques Chirac by telephone on Tuesday."))
    assert ("Angela Merkel", "MET_WITH", "Jacques Chirac") not in found
    assert ("Angela Merkel", "CALLED", "Jacques Chirac") in found
    found = typed(relations(nlp, "Angela Merkel held talks with Jacques Chirac in Berlin on Tuesday."))
    assert ("Angela Merkel", "MET_WITH", "Jacques Chirac") in found


@pytest.mark.issue(12)
def test_issue_12_his_own_departure_or_visit(nlp):
    # A "his"/"her" possessor is the clause's named subject.
    found = typed(relations(nlp, "Angela Merkel began her visit to China on Monday."))
    assert ("Angela Merkel", "VISITED", "China") in found
    found = typed(relations(nlp, "Jacques Chirac discussed trade during his talks with Helmut Kohl in Bonn."))
    assert ("Jacques Chirac", "MET_WITH", "Helmut Kohl") in found
    # "Before her meeting with Martinez, Davenport …": a match as often as a meeting.
    found = typed(relations(nlp, "Before her meeting with Anna Berg, Maria Lopez said she was tired."))
    assert not any(t == "MET_WITH" for _, t, _ in found)
    # The host's guest: whose visit is not said.
    found = typed(relations(nlp, "William Ruto welcomed Abiy Ahmed during his visit to Nairobi."))
    assert ("William Ruto", "VISITED", "Nairobi") not in found
    # A wish, and another person named before the pronoun.
    found = typed(relations(nlp, "Boris Johnson planned his visit to Kenya for March."))
    assert ("Boris Johnson", "VISITED", "Kenya") not in found
    found = typed(relations(nlp, "Gordon Brown said Tony Blair had begun his visit to China."))
    assert ("Gordon Brown", "VISITED", "China") not in found


@pytest.mark.issue(12)
def test_issue_12_meeting_a_body_s_people(nlp):
    # "met Namibian officials", "to meet officials from Ivory Coast": the body (the gold's convention).
    found = typed(relations(nlp, "John Prescott met Chinese officials in Beijing on Monday."))
    assert ("John Prescott", "MET_WITH", "Chinese") in found
    found = typed(relations(nlp, "George Elombi met officials from Ivory Coast on Monday."))
    assert ("George Elombi", "MET_WITH", "Ivory Coast") in found
    found = typed(relations(nlp, "John Prescott arrived in Beijing for talks with Chinese officials."))
    assert ("John Prescott", "MET_WITH", "Chinese") in found
    # Two bodies named after "from": which one is not said; a wish is no meeting.
    found = typed(relations(nlp, "Brian Kerr met representatives from Switzerland and Cyprus."))
    assert not any(t == "MET_WITH" for _, t, _ in found)
    found = typed(relations(nlp, "John Prescott hopes to meet Chinese officials in Beijing."))
    assert not any(t == "MET_WITH" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_a_spokesman_voices_the_body(nlp):
    found = relations(nlp, "A Labour Party spokesman criticised Michael Howard on Sunday.")
    assert ("Labour Party", "CRITICIZED", "Michael Howard", "dep_name_ref") in found
    # A spokesman's own acts are his: no meeting of the party.
    found = typed(relations(nlp, "A Labour Party spokesman met Michael Howard on Sunday."))
    assert ("Labour Party", "MET_WITH", "Michael Howard") not in found


@pytest.mark.issue(12)
def test_issue_12_a_named_successor(nlp):
    found = typed(relations(nlp, "Harry Redknapp, Steve Wigley's successor, arrived on Monday."))
    assert ("Harry Redknapp", "REPLACED", "Steve Wigley") in found
    found = typed(relations(nlp, "Harry Redknapp was named as Steve Wigley's successor."))
    assert ("Harry Redknapp", "REPLACED", "Steve Wigley") in found
    # A guess, a possibility, a wish or a denial is not a succession.
    for text in ("Gordon Brown, Tony Blair's likely successor, spoke on Monday.",
                 "Gordon Brown could be Tony Blair's successor.",
                 "Harry Redknapp hopes to be named as Steve Wigley's successor.",
                 "Harry Redknapp was not named as Steve Wigley's successor."):
        assert not any(t == "REPLACED" for _, t, _ in typed(relations(nlp, text))), text
