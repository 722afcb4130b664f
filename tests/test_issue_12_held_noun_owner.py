"""A club or body the article tags elsewhere, written again untagged before a position held in
it and a person ("Injured Chelsea winger X", the model taking "Chelsea" for part of the
title): the occupation nouns that name such a position (``occupations.jsonl`` HOLDS_ROLE rows:
winger, striker, editor, centre) end an owner's title run as a listed role does (issue 12, role
recall; mentions.py ``find_title_owner_mentions``). Sentences written for the tests."""

from __future__ import annotations

import pytest

from newsgraph.extract.mentions import RawMention, find_title_owner_mentions, sentence_index


def _mention(doc, sentences, text: str, label: str, nth: int = 0) -> RawMention:
    start = [t.i for t in doc if t.text == text.split()[0]][nth]
    end = start + len(text.split())
    return RawMention(text, label, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), start, end, sentences[start])


@pytest.mark.issue(12)
def test_issue_12_owner_before_a_position_held_is_a_mention(nlp):
    doc = nlp("Ticket sales at Halbury rose. Injured Halbury winger Tom Pryce said he would be fit.")
    sentences = sentence_index(doc)
    known = [_mention(doc, sentences, "Halbury", "ORG"), _mention(doc, sentences, "Tom Pryce", "PERSON")]
    found = find_title_owner_mentions(doc, sentences, known, [("Organization", "Halbury"), ("Person", "Tom Pryce")])
    second = [t.i for t in doc if t.text == "Halbury"][1]
    assert [(m.text, m.label, m.token_start) for m in found] == [("Halbury", "ORG", second)]


@pytest.mark.issue(12)
def test_issue_12_a_job_that_is_held_nowhere_is_no_owner(nlp):
    # "fan" names no position the club gives: no owner, no mention.
    doc = nlp("Ticket sales at Halbury rose. Injured Halbury fan Tom Pryce said he would be back.")
    sentences = sentence_index(doc)
    known = [_mention(doc, sentences, "Halbury", "ORG"), _mention(doc, sentences, "Tom Pryce", "PERSON")]
    assert find_title_owner_mentions(doc, sentences, known, [("Organization", "Halbury"), ("Person", "Tom Pryce")]) == []
