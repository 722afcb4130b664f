"""A listed organisation the small model tags in pieces is one mention (issue 12, recall of
HOLDS_ROLE; mentions.py ``join_split_forms``): "Liberal Democrat leader X" tagged "Liberal"
(ORG) and "Democrat" (NORP) is the Liberal Democrats' leader, not a "Liberal" organisation's.
Sentences written for the tests; real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import model_label, nodes, titles

TEXT = "Mr Brown faced Liberal Democrat leader Sam Kenward in the Commons on Tuesday."


@pytest.mark.issue(12)
def test_issue_12_party_tagged_in_two_pieces_is_one_party(nlp):
    # The premise: the model tags the two words apart.
    assert model_label(nlp, TEXT, "Liberal") == "ORG"
    assert model_label(nlp, TEXT, "Democrat") == "NORP"
    assert ("Sam Kenward", "Leader", "Liberal Democrats") in titles(nlp, TEXT)
    found = nodes(TEXT)
    assert "Liberal Democrats" in found and "Liberal" not in found


@pytest.mark.issue(12)
def test_issue_12_pieces_that_make_no_listed_name_stay_apart(nlp):
    from newsgraph.extract.mentions import find_mentions, join_split_forms, sentence_index

    doc = nlp(TEXT)
    raw = find_mentions(doc, sentence_index(doc))
    joined = join_split_forms(doc, raw)
    assert [m.text for m in joined if m.text.startswith("Liberal")] == ["Liberal Democrat"]
    # Only the listed form is joined: the person after it keeps its own mention.
    assert "Sam Kenward" in [m.text for m in joined]
    # Two names side by side that make no listed name are left as they are.
    doc = nlp("Rain fell on Leeds Bradford on Monday.")
    raw = find_mentions(doc, sentence_index(doc))
    assert join_split_forms(doc, raw) == raw
