"""Cue words for works that are also adjectives ("single", "novel", "classic") name a work
when they stand as its noun ("whose single Night Drive", "the novel Ringworld"), though the
small model tags them as the name's adjective (issue 12: works are no entities, LABELLING.md).
Not when they describe a noun after the name ("a single Tesco store"). Sentences written for
these tests, with the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import entity_types as entities


def _tag(nlp, text: str, word: str) -> str:
    return next(t.pos_ for t in nlp(text) if t.text == word)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, work, cue", [
    ("Her husband, singer Kwame Boateng, whose single Night Drive topped the chart last summer, "
     "was in the audience.", "Night Drive", "single"),
])
def test_issue_12_adjective_tagged_cue_word_makes_a_work(nlp, text, work, cue):
    assert _tag(nlp, text, cue) == "ADJ"
    assert work not in entities(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_cue_adjective_of_a_later_noun_leaves_the_name(nlp):
    assert entities(nlp, "A single Tesco store in the town was closed.").get("Tesco") == "Organization"
