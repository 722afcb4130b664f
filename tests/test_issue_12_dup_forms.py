"""Issue 12, duplicate nodes within one article: forms of one name the resolver used to leave
as a second node (sentences written for the tests), real spaCy model."""

import pytest

from newsgraph import KnowledgeGraph


def nodes(text: str) -> dict[str, tuple[str, set[str]]]:
    doc = KnowledgeGraph.extract_text(text)
    return {e.name: (e.type, set(e.aliases)) for e in doc.entities if e.mentions}


@pytest.mark.issue(12)
def test_issue_12_a_us_state_written_as_its_ap_abbreviation_is_the_state():
    found = nodes(
        "The beauty queen left New Mexico on Monday after a week of rehearsals. She had stayed with an aunt in "
        "Roswell, N.M., before the show. Her agent, who lives in Fresno, Calif., said the trip went well."
    )
    assert "N.M." not in found and "Calif." not in found
    assert found["New Mexico"] == ("Location", {"N.M."})
    assert found["California"] == ("Location", {"Calif."})


@pytest.mark.issue(12)
def test_issue_12_a_titled_family_name_written_first_is_the_one_full_name_it_opens():
    found = nodes(
        "The inquiry was led by the deputy governor of the central bank, Zhou Mingde, who took office in March. "
        "Mr Zhou told reporters in Shanghai that the audit would take a year."
    )
    assert "Zhou" not in found
    assert found["Zhou Mingde"][0] == "Person" and "Zhou" in found["Zhou Mingde"][1]


@pytest.mark.issue(12)
def test_issue_12_a_titled_first_name_that_is_no_family_name_stays_apart():
    # "Mr Howard" beside "Howard Keel": a surname of someone else, not the first name
    found = nodes("The singer Howard Keel opened the gala in Leeds. Mr Howard, the hall's manager, thanked the crowd.")
    assert "Howard Keel" in found and "Howard" in found


@pytest.mark.issue(12)
def test_issue_12_initials_that_spell_a_state_abbreviation_stay_a_persons():
    found = nodes("The union's secretary N.J. Bose said the strike at the port of Chennai would go on.")
    assert "New Jersey" not in found
