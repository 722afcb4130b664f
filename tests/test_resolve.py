"""Within-document resolution on hand-made mentions: no model needed."""

from extraction_support import mention
from newsgraph.extract.resolve import resolve


def test_surname_resolves_to_full_name_in_the_article():
    res = resolve([mention("Marco Rubio", "PERSON"), mention("Rubio", "PERSON", 1, 50)])
    assert res.mention_entity == ["person:marco-rubio", "person:marco-rubio"]
    assert res.entities["person:marco-rubio"].mentions == 2
    assert res.entities["person:marco-rubio"].aliases == {"Rubio"}


def test_surname_tagged_as_organisation_takes_the_person_type():
    res = resolve([mention("Nayib Bukele", "PERSON"), mention("Bukele", "ORG", 1, 40)])
    assert res.mention_entity == ["person:nayib-bukele", "person:nayib-bukele"]
    assert list(res.entities) == ["person:nayib-bukele"]


def test_shared_surname_stays_unresolved():
    res = resolve([mention("John Smith", "PERSON"), mention("Jane Smith", "PERSON", 0, 20), mention("Smith", "PERSON", 1, 50)])
    assert res.mention_entity[2] == "person:smith"


def test_country_aliases_are_one_node():
    forms = ["US", "U.S.", "the United States", "United States of America", "America"]
    res = resolve([mention(f, "GPE", i, i * 30) for i, f in enumerate(forms)])
    assert set(res.mention_entity) == {"country:USA"}
    assert res.entities["country:USA"].name == "United States"
    assert res.entities["country:USA"].iso3 == "USA"


def test_nationality_is_a_group_linked_to_its_country():
    res = resolve([mention("Mexicans", "NORP"), mention("Mexican", "NORP", 1, 30)])
    assert set(res.mention_entity) == {"group:mexican"}
    assert res.group_countries == {"group:mexican": "country:MEX"}


def test_acronym_resolves_to_long_form_in_the_article():
    res = resolve([mention("Transparency International", "ORG"), mention("TI", "ORG", 1, 60)])
    assert res.mention_entity == ["org:transparency-international", "org:transparency-international"]


def test_known_organisation_alias():
    res = resolve([mention("UN", "ORG")])
    assert res.mention_entity == ["org:united-nations"]


def test_place_that_is_not_a_country_is_a_location():
    res = resolve([mention("San Salvador", "GPE")])
    assert res.entities["location:san-salvador"].type == "Location"


def test_listed_organisation_is_never_a_person_or_a_surname():
    res = resolve([mention("ofNew Labour", "PERSON"), mention("Labour", "ORG", 1, 40), mention("Lib Dem", "PERSON", 2, 80)])
    assert res.mention_entity == [None, "org:labour-party", "org:liberal-democrats"]


def test_name_with_a_particle_is_still_a_person():
    res = resolve([mention("Charles de Gaulle", "PERSON"), mention("Gaulle", "PERSON", 1, 40)])
    assert res.mention_entity == ["person:charles-de-gaulle", "person:charles-de-gaulle"]
