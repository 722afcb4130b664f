"""Bands and companies the small model calls people (issue 12, entity precision): retyped
from evidence in the article ("the band X", "X have released", "X said in a statement",
"shares in X", "X plc"), never from a missing given name alone. Sentences written for the
tests; real spaCy model."""

import pytest

from extraction_support import nodes


@pytest.mark.issue(12)
def test_issue_12_plural_verb_makes_a_band():
    found = nodes("Iron Maiden have released a new album after a long break from the studio.")
    assert found.get("Iron Maiden") == {"Organization"}


@pytest.mark.issue(12)
def test_issue_12_said_in_a_statement_makes_a_company():
    found = nodes("Endemol said in a statement that the programme would return in the spring.")
    assert found.get("Endemol") == {"Organization"}


@pytest.mark.issue(12)
def test_issue_12_people_without_a_known_given_name_stay_people():
    # No given name gender-guesser knows: the missing first name alone retypes no one.
    found = nodes("Kanye West won three awards and Oprah Winfrey presented the show in Chicago.")
    assert found.get("Kanye West") == {"Person"}
    assert found.get("Oprah Winfrey") == {"Person"}


@pytest.mark.issue(12)
def test_issue_12_a_person_with_earnings_stays_a_person():
    # "earnings" is a body's noun in the business rules, but a person earns too.
    found = nodes("Madonna's earnings rose last year, and Madonna said she would tour again.")
    assert found.get("Madonna") == {"Person"}


@pytest.mark.issue(12)
def test_issue_12_two_players_one_mislabelled_stay_people():
    # One other name the model calls an organisation is not "a list of firms".
    found = nodes("Saki Ratuvou and Tomasi Kerevi touched down for the visitors before half-time.")
    assert all(types == {"Person"} for name, types in found.items() if name in {"Saki Ratuvou", "Tomasi Kerevi"})


@pytest.mark.issue(12)
def test_issue_12_kind_noun_before_a_list_makes_each_a_company():
    found = nodes("A survey by security firms Earthlink and Webroot found spyware on most home computers.")
    assert found.get("Earthlink") == {"Organization"}


@pytest.mark.issue(12)
def test_issue_12_a_division_belongs_to_a_company():
    found = nodes("\"It is growing fast,\" said Rudi Pohl, head of Telekom Austria's broadband division.")
    assert found.get("Telekom Austria") == {"Organization"}


@pytest.mark.issue(12)
def test_issue_12_which_after_a_name_makes_a_body():
    found = nodes("\"It is a proven idea,\" said Carla Moss, spokeswoman for Zentrix which makes the screens.")
    assert found.get("Zentrix") == {"Organization"}


@pytest.mark.issue(12)
def test_issue_12_which_after_a_person_asked_stays_a_person():
    found = nodes("Reporters asked Tony Blair which option he preferred.")
    assert found.get("Tony Blair") == {"Person"}
