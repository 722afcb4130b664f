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


@pytest.mark.issue(12)
def test_issue_12_a_nationality_after_an_honorific_is_a_surname():
    found = nodes("Shoppers will queue for consoles, says Declan Irish, a retail analyst at a London firm. "
                  "\"Stock is short,\" said Mr Irish.")
    assert found.get("Declan Irish", ("", set()))[1] == {"Declan Irish", "Irish"}
    assert "Irish" not in found


@pytest.mark.issue(12)
def test_issue_12_a_double_barrelled_surname_is_not_cut_at_its_hyphen():
    doc = KnowledgeGraph.extract_text(
        "Former minister Robert Hinds-Carver launched a party. Mr Hinds-Carver, who recently quit the Labour "
        "Party, said the country was being stolen.")
    people = {e.name for e in doc.entities if e.type == "Person" and e.mentions}
    assert people == {"Robert Hinds-Carver"}
    names = {e.id: e.name for e in doc.entities}
    assert ("Robert Hinds-Carver", "LEFT", "Labour Party") in {(names[r.head], r.type, names[r.tail]) for r in doc.relations}


@pytest.mark.issue(12)
def test_issue_12_a_city_stays_apart_from_a_body_named_after_it():
    found = nodes("The Kochi Metro Rail board met on Monday. Kochi has asked for more trains.")
    assert found.get("Kochi", ("", set()))[1] == {"Kochi"}
    assert found.get("Kochi Metro Rail", ("", set()))[1] == {"Kochi Metro Rail"}


@pytest.mark.issue(12)
def test_issue_12_an_untagged_double_barrelled_surname_is_found_after_the_full_name():
    doc = KnowledgeGraph.extract_text(
        "Former radio host and Welsh MP David Pryce-Morgan launched his party. Mr Pryce-Morgan, who recently quit "
        "the Green Party, said the country had been let down. Pryce Morgan has my vote, one reader wrote.")
    names = {e.id: e.name for e in doc.entities}
    assert {m.text for m in doc.mentions if names[m.entity_id] == "David Pryce-Morgan"} >= {"Pryce-Morgan"}
    assert ("David Pryce-Morgan", "LEFT", "Green Party") in {(names[r.head], r.type, names[r.tail]) for r in doc.relations}


@pytest.mark.issue(12)
def test_issue_12_a_middle_word_used_alone_is_the_one_person_whose_name_holds_it():
    found = nodes("President Luiz Inácio Lula da Silva met farmers on Monday. Lula said the harvest would be the "
                  "biggest ever.")
    assert found.get("Luiz Inácio Lula da Silva", ("", set()))[1] == {"Luiz Inácio Lula da Silva", "Lula"}
    assert "Lula" not in found


@pytest.mark.issue(12)
def test_issue_12_a_place_name_beside_its_park_or_airport_is_that_place():
    found = nodes("Bears roam Yellowstone National Park in spring. Yellowstone had two million visitors last year.")
    assert found.get("Yellowstone National Park", ("", set()))[1] == {"Yellowstone National Park", "Yellowstone"}
    assert "Yellowstone" not in found


@pytest.mark.issue(12)
def test_issue_12_a_nationality_before_a_firm_and_its_name_adds_no_country_node():
    doc = KnowledgeGraph.extract_text(
        "Climate Minister Anna Nowak signed an agreement with the Danish company Nordvind Energi on Monday.")
    assert "Denmark" not in {e.name for e in doc.entities if e.mentions}
