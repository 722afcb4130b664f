"""Issue 12: roles outside sport that a careful reader writes down — a party named by its
adjective before a title ("Liberal Democrat leader Sir Ed Davey"), hyphenated and plural-
possessive titles, and a minister's country when the article names one government without
naming its institutions."""

from __future__ import annotations

import pytest

from extraction_support import relations, typed


def roles(nlp, text: str) -> set[tuple[str, str, str]]:
    return {r for r in typed(relations(nlp, text)) if r[1] in {"HOLDS_ROLE", "WORKS_FOR"}}


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, party", [
    ("Liberal Democrat leader Sir Ed Davey said the episode showed the Conservatives had learned nothing.",
     "Ed Davey", "Liberal Democrats"),
    ("Liberal Democrat chairman Matthew Taylor said the vote would be close.", "Matthew Taylor", "Liberal Democrats"),
    ("Tory co-chairman Liam Fox was speaking after Mr Blair told Labour members to campaign.",
     "Liam Fox", "Conservative Party"),
    ("The Liberal Democrats' economics spokesman Vincent Cable said he supported the move.",
     "Vincent Cable", "Liberal Democrats"),
    ("Tory MP Michael Mates said the inquiry had been a waste of time.", "Michael Mates", "Conservative Party"),
])
def test_issue_12_a_party_before_a_title_is_the_role_s_party(nlp, text, person, party):
    assert (person, "HOLDS_ROLE", party) in roles(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_a_place_the_seat_is_in_is_not_the_role_s_body(nlp):
    found = roles(nlp, "Robert Jackson, 58, MP for Wantage in Oxfordshire, said he was disillusioned with the party.")
    assert not any(tail == "Oxfordshire" for _, _, tail in found)


@pytest.mark.issue(12)
def test_issue_12_the_one_country_an_article_names_is_its_minister_s(nlp):
    text = ("British films are to get more support. \"The UK has a rich and diverse culture and it is essential "
            "that it is reflected on film,\" said Arts minister Estelle Morris.")
    assert ("Estelle Morris", "HOLDS_ROLE", "United Kingdom") in roles(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_the_country_the_lead_is_about_is_its_minister_s(nlp):
    text = ("India opens up telecoms to foreign investors\n\n"
            "India has raised the limit for foreign direct investment in telecoms companies from 49% to 74%. "
            "Communications Minister Dayanidhi Maran said that there is a need to fund the fast-growing mobile market. "
            "Essar is linked with Hong Kong-based Hutchison Whampoa.")
    assert ("Dayanidhi Maran", "HOLDS_ROLE", "India") in roles(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_two_countries_in_the_lead_leave_a_bare_minister_without_one(nlp):
    text = ("Talks stall on border deal\n\n"
            "France and Germany failed to agree on the border deal on Monday. "
            "Economy minister Pierre Dumas said the talks would resume next week.")
    found = roles(nlp, text)
    assert not any(head == "Pierre Dumas" for head, _, _ in found)
