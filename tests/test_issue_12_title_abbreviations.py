"""Abbreviated titles are no part of a name (issue 12, LABELLING.md canonical names: no
titles or honorifics): "Cllr" (councillor) in British council pages, "Gov." in US news
("Gov. Mike DeWine", "Pennsylvania Gov. Tom Ridge"). Sentences written for these tests, with
the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import entity_types as entities


@pytest.mark.issue(12)
def test_issue_12_cllr_is_stripped_from_the_name(nlp):
    found = entities(nlp, "Council leader Cllr Mark Hughes said the flats would be finished in May.")
    assert "Mark Hughes" in found and not any(name.startswith("Cllr") for name in found)


@pytest.mark.issue(12)
def test_issue_12_gov_is_a_title_not_part_of_the_name(nlp):
    found = entities(nlp, "Gov. Mike DeWine praised the choice on Tuesday.")
    assert "Mike DeWine" in found and "Gov. Mike DeWine" not in found
    found = entities(nlp, "Ohio Gov. Mike DeWine praised the choice on Tuesday.")
    assert "Ohio Gov." not in found
