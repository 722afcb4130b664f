"""A region's office before a name with no place beside it ("Gov. X", "Chief Minister X",
"Premier X", "the state's attorney general, X") in a report set in one state or province: the
role is held in that region (issue 12, role recall; relations_regional.py, method
``regional_title``). Not when the article names no such region or several with none leading,
not a national office of the same name, not a central bank's governor, not when the text ties
the title to another place. Sentences written for the tests; real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations, titles


def _regional(nlp, text: str) -> set[tuple[str, str, str]]:
    return {(h, t, x) for h, t, x, m in relations(nlp, text) if m == "regional_title"}


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, region, title", [
    ("Lawmakers in Pennsylvania passed the transit budget on Friday. Gov. Josh Shapiro signed it in "
     "Harrisburg the same evening.", "Josh Shapiro", "Pennsylvania", "Governor"),
    ("The battery plant will be built near Mysuru in Karnataka, officials said. Chief Minister Siddaramaiah met the "
     "company's board in Bengaluru on Monday.", "Siddaramaiah", "Karnataka", "Chief Minister"),
    ("Ontario has promised new hospital beds. Ontario will pay for half of them. Premier Doug Ford "
     "announced the plan in Toronto, and New York officials watched.", "Doug Ford", "Ontario", "Premier"),
    ("Voters in Ohio will decide the measure in May. The state's attorney general, Dana Whitfield, said "
     "the wording was fair.", "Dana Whitfield", "Ohio", "Attorney General"),
])
def test_issue_12_a_regional_office_is_held_in_the_articles_region(nlp, text, person, region, title):
    assert (person, "HOLDS_ROLE", region) in _regional(nlp, text)
    assert (person, title, region) in titles(nlp, text)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    # A central bank's governor, in a report from a prefecture's city.
    "The Bank of Japan kept rates on hold in Tokyo. Governor Hiroshi Tanabe said prices were steady.",
    # Two states, neither named more: whose governor, the article does not say.
    "Texas and Oklahoma signed the water pact. Gov. Mark Daley praised it.",
    # A national premier: no province of a country whose premiers are regional.
    "Premier Li Wen visited Sichuan on Tuesday to inspect flood defences.",
    # The text names another state as his.
    "Texas lawmakers met in Austin. Texas schools reopened. Gov. Mark Daley of Oklahoma watched.",
    # A bare attorney general is a national office.
    "Voters in Ohio will decide the measure in May. Attorney General Dana Whitfield said the wording was fair.",
])
def test_issue_12_a_regional_office_whose_region_is_not_fixed_gets_none(nlp, text):
    assert _regional(nlp, text) == set()
