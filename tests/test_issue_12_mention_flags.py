"""A mention relabelled by a stage keeps what earlier stages read of it (issue 12): the
relabelling copies are ``dataclasses.replace``, so "in Leicester" stays said of a place
after the small model's ORG becomes PERSON. Real spaCy model."""

import pytest

from newsgraph import KnowledgeGraph


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, place", [
    ("The game was blamed by the parents of 14-year-old Stefan Pakeerah, who was stabbed to death in Leicester "
     "in February.", "Leicester"),
    ("Van Gogh was shot and stabbed to death in Amsterdam six weeks ago.", "Amsterdam"),
])
def test_issue_12_a_relabelled_mention_keeps_its_locative_flag(text, place):
    found = {e.name: e.type for e in KnowledgeGraph.extract_text(text).entities if e.mentions}
    assert found.get(place) == "Location"
