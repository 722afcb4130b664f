"""Entity types where analysts see them (issue 12, sessions 13-14): places the model reads as
organisations. A listed region (``data/regions.json``) the model called an organisation is the
place outside sport ("West Bank" was an Organization node of 11 mentions in 600 unlabelled
articles: "Bank" ends banks' names); "the island of X" names a place like "the city of X"; a
name ending in "Falls" is a place ("Victoria Falls" was a Person node). Session 13's sample of
the region rule typed a cricket county and two clubs as places, so a region stays the model's
organisation beside a sports word in its sentence, a score or a club's affix after it.

Sentences written for these tests, with the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import entity_types, model_label


@pytest.mark.issue(12)
def test_issue_12_island_of_a_name_is_a_place(nlp):
    found = entity_types(nlp, "Rescuers reached the remote Arctic island of Kvitholmen on Friday, the coastguard said.")
    assert found.get("Kvitholmen") == "Location"


@pytest.mark.issue(12)
def test_issue_12_falls_end_a_place(nlp):
    found = entity_types(nlp, "Tourists at the Victoria Falls resort were stranded after flights were cancelled.")
    assert found.get("Victoria Falls") == "Location"


@pytest.mark.issue(12)
def test_issue_12_listed_region_is_no_bank(nlp):
    # "Bank" ends organisations' names ("Barclays Bank"), but the West Bank is a listed region
    text = "Soldiers sealed off three villages in the West Bank on Monday, the United Nations said."
    assert entity_types(nlp, text).get("West Bank") == "Location"


@pytest.mark.issue(12)
def test_issue_12_region_with_a_minister_is_the_place(nlp):
    # no preposition puts it in a place, but only a polity has a minister
    text = "The Basque Country's transport minister opened the new tram line in Vitoria on Tuesday."
    assert model_label(nlp, text, "The Basque Country's") == "ORG"
    assert entity_types(nlp, text).get("Basque Country") == "Location"


@pytest.mark.issue(12)
def test_issue_12_a_pronoun_about_someone_else_is_no_person_evidence(nlp):
    # "he" is the leader, not the region he flies to
    text = ("The leader decided against flying to the West Bank on Thursday because he had talks in Gaza. "
            "Troops sealed off the West Bank after the attack.")
    assert entity_types(nlp, text).get("West Bank") == "Location"


@pytest.mark.issue(12)
def test_issue_12_region_named_like_a_firm_stays_the_firm(nlp):
    # Delta is a Nigerian state in ISO 3166-2 and an airline; nothing here puts it in a place
    text = ("Delta cut 6,900 jobs worldwide last year as it fought off insolvency. "
            "Delta said its new fares had been tried on flights from Cincinnati since August.")
    assert model_label(nlp, text, "Delta") == "ORG"
    assert entity_types(nlp, text).get("Delta") == "Organization"


@pytest.mark.issue(12)
def test_issue_12_region_in_a_sports_report_stays_the_club(nlp):
    text = ("Munster beat Leinster 21-16 in the Celtic League on Saturday, with their lock scoring a try "
            "and the coach praising his captain after the match.")
    found = entity_types(nlp, text)
    assert found.get("Munster") == "Organization"
    assert found.get("Leinster") == "Organization"


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, name", [
    # an English adjective that names a region somewhere (ISO 3166-2 lists a "Northern" region)
    ("Northern's managing director, Tricia Williams, praised the new timetable on Friday.", "Northern"),
    # the first word of a longer name the pipeline shortened ("Ohio" of "Ohio State")
    ("She trained at the University of Cincinnati. She has spent 14 years at Ohio State.", "Ohio"),
])
def test_issue_12_no_region_of_an_adjective_or_a_longer_name(nlp, text, name):
    assert entity_types(nlp, text).get(name) != "Location"


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, name", [
    # a sports word in the sentence of a report that is no sports report as a whole
    ("Tasmania bowler Ben Harcourt was fined on Monday for dissent.", "Tasmania"),
    ("The Victoria side travels to Perth on Monday.", "Victoria"),
    # a score right after the name
    ("By the close Tasmania 214 had been posted, and the ground emptied.", "Tasmania"),
])
def test_issue_12_region_beside_a_sports_word_is_not_made_a_place(nlp, text, name):
    label = model_label(nlp, text, name)
    if label != "ORG":
        pytest.fail(f"premise: the model no longer reads {name!r} as an organisation here ({label!r})")
    assert entity_types(nlp, text).get(name) != "Location"
