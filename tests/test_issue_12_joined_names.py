"""Two names the model joined into one with "and" or a comma (issue 12), real spaCy model."""

import pytest

from newsgraph import KnowledgeGraph


def names(text: str) -> set[str]:
    return {e.name for e in KnowledgeGraph.extract_text(text).entities if e.mentions}


@pytest.mark.issue(12)
def test_issue_12_two_players_joined_by_and_are_two_nodes():
    found = names(
        "The coach called up Jamie Carragher and Wes Brown for the friendly. "
        '"It is good for Carragher and Brown to show what they can do at this level," the coach said.'
    )
    assert "Carragher and Brown" not in found
    assert {"Jamie Carragher", "Wes Brown"} <= found


@pytest.mark.issue(12)
def test_issue_12_two_companies_joined_by_and_are_two_nodes():
    found = names(
        "But the support from Vivendi and Electronics Arts is a big boost to the new discs. "
        "Vivendi said its games would follow next year."
    )
    assert "Vivendi and Electronics Arts" not in found
    assert "Vivendi" in found


@pytest.mark.issue(12)
def test_issue_12_a_name_with_and_in_it_stays_whole():
    found = names("The Department of Trade and Industry said exports rose. Procter and Gamble reported higher sales.")
    assert "Department of Trade and Industry" in found
    assert "Procter and Gamble" in found
