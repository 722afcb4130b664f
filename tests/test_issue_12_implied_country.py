"""Issue 12, role recall: a national office named by title alone ("Energy Minister X",
"President X") takes the country the article is about when one dominates — its name or
nationality and its places (method ``implied_country``) — and none when two countries
compete, when the sentence names another, or when the title is a state's or another
government's. Sentences written for the test; the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations
from newsgraph.extract.place_countries import place_country

# An article about Kenya that never makes Kenya a subject (so no stricter rule places its
# ministers): named once by nationality, three times by its cities.
KENYA = ("A new dam on the Tana river will end power cuts by June. The deal was signed in Nairobi on "
         "Monday, and officials in Mombasa and Kisumu welcomed it. Kenyan factories have lost billions to the cuts. ")


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "last",
    [
        "Energy Minister Otieno Wafula said the dam would open next year.",
        "President Otieno Wafula praised the deal.",
    ],
)
def test_issue_12_bare_national_title_takes_the_articles_country(nlp, last):
    assert ("Otieno Wafula", "HOLDS_ROLE", "Kenya", "implied_country") in relations(nlp, KENYA + last)


@pytest.mark.issue(12)
def test_issue_12_a_rival_country_keeps_heads_of_state_but_not_ministers(nlp):
    # Kenya 4 (Nairobi, Mombasa, Kisumu, Kenyan) against Uganda 2 (Ugandan, Kampala): enough
    # for a minister, not for a president, who is as often a foreign leader.
    text = ("A new dam on the Tana river will end power cuts by June. The deal was signed in Nairobi on Monday, "
            "and officials in Mombasa and Kisumu welcomed it. Kenyan factories have lost billions. "
            "Ugandan traders in Kampala said prices would fall. ")
    assert ("Otieno Wafula", "HOLDS_ROLE", "Kenya", "implied_country") in relations(
        nlp, text + "Energy Minister Otieno Wafula praised the deal.")
    assert not any(h == "Otieno Wafula" and t == "Kenya" for h, _, t, _ in relations(
        nlp, text + "President Otieno Wafula praised the deal."))


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text",
    [
        # two countries named about as often
        ("A new dam on the Tana river will end power cuts by June. The deal was signed in Nairobi on Monday, and "
         "officials in Addis Ababa and Dire Dawa welcomed it. Kenyan and Ethiopian factories have lost billions to "
         "the cuts. Energy Minister Otieno Wafula said the dam would open next year."),
        # the country only by its places: the reader supplies it, the graph does not
        ("A new dam on the Tana river will end power cuts by June. The deal was signed in Nairobi on Monday, and "
         "officials in Mombasa and Kisumu welcomed it. Energy Minister Otieno Wafula said the dam would open next year."),
        # a premier heads a province or a state
        KENYA + "Premier Otieno Wafula praised the deal.",
        # the sentence names another country
        KENYA + "Energy Minister Otieno Wafula flew to Tanzania to sign it.",
        # the text gives the person another country's office
        KENYA + "Ugandan Energy Minister Otieno Wafula attended. Energy Minister Otieno Wafula said the dam would help.",
        # a title only another government has
        KENYA + "Foreign Secretary Otieno Wafula praised the deal.",
        # a portfolio after "for" may be read into the name ("Energy Otieno Wafula")
        KENYA + "Minister for Energy Otieno Wafula said the dam would help.",
        # "Secretary" with no portfolio: a party's, a union's, or a firm's as often
        KENYA + "Secretary Otieno Wafula said the dam would help.",
        # a report on Scotland: which government's secretary is no count's to say
        ("Ferry fares will be frozen until 2027. The plan was agreed in Edinburgh on Monday, and councils in Glasgow "
         "and Aberdeen welcomed it. Scottish islanders have long complained about the fares. Transport Secretary "
         "Morag Baird said the freeze would cost little."),
    ],
)
def test_issue_12_bare_national_title_guesses_no_country_when_unsure(nlp, text):
    assert not any(m == "implied_country" for _, _, _, m in relations(nlp, text))


@pytest.mark.issue(12)
def test_issue_12_place_country_takes_names_one_country_holds():
    assert place_country("Pretoria") == "country:ZAF"
    assert place_country("Western Cape") == "country:ZAF"
    assert place_country("the Hague") == "country:NLD"
    assert place_country("Glasgow") == "country:SCO"  # a British city counts for its nation
    assert place_country("Cambridge") is None  # England's and Massachusetts'
    assert place_country("Limburg") is None  # a Dutch and a Belgian province
