"""A minister's portfolio before "Secretary" or "Minister" is part of the title, not an
organisation or a place (issue 12), real spaCy model."""

import pytest

from newsgraph import KnowledgeGraph


def names(text: str) -> set[str]:
    return {e.name for e in KnowledgeGraph.extract_text(text).entities if e.mentions}


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "portfolio"),
    [
        ("In March, Trade and Industry Secretary Patricia Hewitt said she wanted longer school hours.", "Trade and Industry"),
        ("The plan was backed by Culture, Media and Sport Secretary Tessa Jowell, who called it overdue.", "Culture"),
        ("The plan was backed by Culture, Media and Sport Secretary Tessa Jowell, who called it overdue.", "Sport"),
        ("Chancellor Gordon Brown and Transport Secretary Alistair Darling promoted the scheme in Edinburgh.", "Transport"),
    ],
)
def test_issue_12_a_portfolio_is_not_an_entity(text: str, portfolio: str) -> None:
    found = names(text)
    assert portfolio not in found
    assert any(n in found for n in ("Patricia Hewitt", "Tessa Jowell", "Alistair Darling"))


@pytest.mark.issue(12)
def test_issue_12_a_place_or_party_before_secretary_stays() -> None:
    found = names("Northern Ireland Secretary Paul Murphy met Labour officials in Belfast on Monday.")
    assert "Northern Ireland" in found and "Paul Murphy" in found


@pytest.mark.issue(12)
def test_issue_12_places_before_another_office_stay() -> None:
    found = names(
        "Ministers promoted the scheme in Edinburgh, Wales Secretary Peter Hain and Welsh First Minister Rhodri Morgan "
        "in Cardiff and Northern Ireland Minister John Spellar in Belfast, "
        "and Saskatchewan Agriculture Minister Daryl Harrison welcomed it. German Foreign Minister Annalena Baerbock agreed."
    )
    assert {"Edinburgh", "Cardiff", "Saskatchewan"} <= found


@pytest.mark.issue(12)
def test_issue_12_a_nationality_before_a_player_is_not_part_of_her_name() -> None:
    # demonyms the gazetteer lacked (Slovak, Slovenian, Latvian, ...): "Slovakian X" was one name
    found = names("Slovakian Daniela Hantuchova beat Latvian Anastasija Sevastova 6-4 6-3 in the second round in Doha.")
    assert "Daniela Hantuchova" in found and "Slovakian Daniela Hantuchova" not in found
