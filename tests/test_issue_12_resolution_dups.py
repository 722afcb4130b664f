"""One node per real-world entity (issue 12), second set: a nationality before a country's
institution or firm is the country, not a Group beside it. Sentences written for the test,
read by the real spaCy model."""

import pytest

from extraction_support import node_forms as nodes
from newsgraph import KnowledgeGraph


@pytest.mark.issue(12)
def test_issue_12_a_nationality_before_a_government_is_the_country_itself():
    found = nodes("Flooding has closed roads across Peru. The Peruvian government said it would ask Chile for help.")
    assert found.get("Peru") == ("Country", {"Peru", "Peruvian"})
    assert "Peruvian" not in found


@pytest.mark.issue(12)
def test_issue_12_a_nationality_before_firms_is_their_country_not_a_people():
    found = nodes("Exports from Turkey rose sharply last year. Turkish firms have won contracts worth $2bn in Iran.")
    assert found.get("Turkey") == ("Country", {"Turkey", "Turkish"})
    assert "Turkish" not in found


@pytest.mark.issue(12)
def test_issue_12_a_people_stays_a_group_beside_its_country():
    found = nodes("Mexican officials met the governor in Texas. Trade between Mexico and the US grew.")
    assert found.get("Mexican", ("", set()))[0] == "Group"
    assert found.get("Mexico", ("", set()))[0] == "Country"


@pytest.mark.issue(12)
def test_issue_12_a_nationality_before_a_named_firm_adds_no_node_of_its_own():
    # the country comes from the BASED_IN edge, not from "Dutch" as a mention of the Netherlands
    doc = KnowledgeGraph.extract_text("The computer maker was sold to Dutch firm Tulip Computers in 1995.")
    assert not [m for m in doc.mentions if m.text == "Dutch"]
