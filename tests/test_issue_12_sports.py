"""Sports clubs and sports roles (issue 12): clubs are organisations under one name
(``data/sports_clubs.jsonl``, ``extract/clubs.py``), and a club's staff and players hold
roles in it. Sentences written for these tests, with the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import entity_types as entities
from extraction_support import relations, typed
from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import document_id


@pytest.mark.issue(12)
def test_issue_12_listed_club_is_an_organisation_with_its_manager(nlp):
    text = ("Everton manager David Moyes says his striker will miss the league match against Fulham. "
            "Everton have scored only one goal in four games this season.")
    found = relations(nlp, text)
    assert ("David Moyes", "HOLDS_ROLE", "Everton") in typed(found)
    assert entities(nlp, text)["Everton"] == "Organization"


@pytest.mark.issue(12)
def test_issue_12_club_with_a_place_name_needs_a_sports_context(nlp):
    sport = "Bath prop David Barnes was sent off in the second half of the match, and the referee awarded a penalty try."
    assert ("David Barnes", "HOLDS_ROLE", "Bath") in typed(relations(nlp, sport))
    assert entities(nlp, sport)["Bath"] == "Organization"
    town = "Shipyards in Newcastle closed in the 1980s, and the council in Newcastle now wants new jobs there."
    assert "Newcastle United" not in entities(nlp, town)


@pytest.mark.issue(12)
def test_issue_12_nickname_resolves_to_the_club(nlp):
    text = ("Pompey coach Kevin Bond will leave the club after the league match. "
            "Portsmouth have won only two games this season and the striker is injured.")
    found = typed(relations(nlp, text))
    assert ("Kevin Bond", "HOLDS_ROLE", "Portsmouth") in found
    assert "Pompey" not in entities(nlp, text)  # one node: the club


@pytest.mark.issue(12)
def test_issue_12_shared_nickname_alone_names_no_club(nlp):
    text = "Saints boss Jim Reid said the striker would miss the cup match after a goal was ruled out."
    names = entities(nlp, text)
    assert "Southampton" not in names and "Northampton Saints" not in names


@pytest.mark.issue(12)
def test_issue_12_plural_possessive_role(nlp):
    text = "Hearts' boss John Robertson praised his goalkeeper after the league match against Dundee."
    found = relations(nlp, text)
    assert ("John Robertson", "HOLDS_ROLE", "Heart of Midlothian", "possessive_title") in found


@pytest.mark.issue(12)
def test_issue_12_sports_staff_titles(nlp):
    text = ("Gloucester director of rugby Nigel Brand said the prop would miss the match. "
            "Glasgow Warriors head coach Sean Murray named his squad for the league game on Friday.")
    found = typed(relations(nlp, text))
    assert ("Nigel Brand", "HOLDS_ROLE", "Gloucester") in found
    assert ("Sean Murray", "HOLDS_ROLE", "Glasgow Warriors") in found


@pytest.mark.issue(12)
def test_issue_12_national_team_position(nlp):
    text = "Former France centre Jean Morel believes the coach must pick a new fly-half for the match with the squad short of form."
    assert ("Jean Morel", "HOLDS_ROLE", "France") in typed(relations(nlp, text))


@pytest.mark.issue(12)
def test_issue_12_squad_list_club_in_brackets(nlp):
    text = ("Coach Pierre Vidal named his rugby squad for the Six Nations match against Wales:\n\n"
            "Full-backs: Jean Dupuy (Biarritz), Marc Laurent (Stade Toulousain)\n"
            "Also picked for the cricket tour: Andrew Flintoff (Lancashire)\n"
            "Results of the 10,000m: Ana Oliveira (Kenya) 31:05.")
    found = relations(nlp, text)
    assert ("Jean Dupuy", "WORKS_FOR", "Biarritz", "squad_list") in found
    assert ("Marc Laurent", "WORKS_FOR", "Stade Toulousain", "squad_list") in found
    assert ("Andrew Flintoff", "WORKS_FOR", "Lancashire", "squad_list") in found  # a county side
    assert not any(r[1] == "WORKS_FOR" and r[2] == "Kenya" for r in found)  # a country, not a club


@pytest.mark.issue(12)
def test_issue_12_club_name_inside_a_longer_name_is_not_the_club(nlp):
    text = ("Magpies chairman Fred Shaw told the Newcastle Evening Chronicle the striker had let the club down "
            "before the league match. The Celtic League season starts with a try-fest.")
    names = entities(nlp, text)
    found = typed(relations(nlp, text))
    assert ("Fred Shaw", "HOLDS_ROLE", "Newcastle United") in found
    assert "Celtic" not in names


@pytest.mark.issue(12)
def test_issue_12_shared_nickname_joins_the_club_the_report_names(nlp):
    text = ("Southampton chairman Rupert Lowe appointed a new manager before the league match. "
            "The Saints striker scored a late goal to lift the club off the bottom.")
    names = entities(nlp, text)
    assert names.get("Southampton") == "Organization" and "Saints" not in names


@pytest.mark.issue(12)
def test_issue_12_squad_list_surname_of_two_people_names_no_one(nlp):
    text = ("The Wales coach named his football squad for the match, with defender Stephen Roberts and "
            "midfielder Gareth Roberts both called up after a goal each in the league.\n\n"
            "Squad: Roberts (Tranmere), Giggs (Man Utd), Bellamy (Newcastle)")
    found = relations(nlp, text)
    assert ("Giggs", "WORKS_FOR", "Manchester United", "squad_list") in found
    assert not any(r[2] == "Tranmere" and r[3] == "squad_list" for r in found)


@pytest.mark.issue(12)
def test_issue_12_a_result_is_a_sports_cue(nlp):
    # Two sports words only ("prop", "rugby") and a result: a sports report, so "Bath" is the club.
    text = ("Bath prop Dan Hewitt will miss a month after breaking his arm in Saturday's 17-16 win over Leeds. "
            "He needs more rugby before the summer, he said.")
    assert ("Dan Hewitt", "HOLDS_ROLE", "Bath") in typed(relations(nlp, text))


@pytest.mark.issue(12)
def test_issue_12_club_and_position_the_model_tagged_as_one_name(nlp):
    text = ("Sydney FC have signed Melbourne Victory playmaker Lachlan Petrakis on a three-year contract, "
            "the club said after the league match.")
    found = typed(relations(nlp, text))
    assert ("Lachlan Petrakis", "HOLDS_ROLE", "Melbourne Victory") in found


@pytest.mark.issue(12)
def test_issue_12_a_playing_country_the_model_calls_a_person_is_the_team(nlp):
    text = ("Wales coach Mike Ruddock named his side for the Six Nations rugby match against Ireland. "
            "But given that Ireland have beaten Wales in four of their last five meetings, the captain is wary.")
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    wales = [e.type for e in doc.entities if e.name == "Wales"]
    assert wales == ["Organization"]
