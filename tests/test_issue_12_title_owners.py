"""A name the article tags elsewhere, written again right before a title and a person's name
where the small model tags nothing (issue 12, recall of HOLDS_ROLE; mentions.py
``find_title_owner_mentions``): "Townsville Mayor Jenny Hill" after "Flights to Townsville"
is the mayor of Townsville. Sentences written for the tests; real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import ruled, titles

TEXT = "Flights to Townsville rose in March. Townsville Mayor Jenny Hill said the airport was busy."


@pytest.mark.issue(12)
def test_issue_12_owner_before_a_title_is_read_as_the_named_place(nlp):
    doc = nlp(TEXT)
    # The premise: the model tags the first "Townsville" and not the one before "Mayor".
    tagged = [e.text for e in doc.ents]
    assert tagged.count("Townsville") == 1 and "Jenny Hill" in tagged
    assert ("Jenny Hill", "Mayor", "Townsville") in titles(nlp, TEXT)


@pytest.mark.issue(12)
def test_issue_12_owner_needs_a_title_and_a_person_after_it(nlp):
    # No title between the name and the person: no role, and no new mention to read one from.
    text = "Flights to Townsville rose in March. Townsville Jenny Hill said the airport was busy."
    assert not any(r[1] == "HOLDS_ROLE" for r in ruled(nlp, text))
    # A title with nobody named after it.
    text = "Flights to Townsville rose in March. Townsville Mayor said the airport was busy."
    assert not any(r[1] == "HOLDS_ROLE" for r in ruled(nlp, text))


@pytest.mark.issue(12)
def test_issue_12_owner_inside_a_longer_untagged_name_is_no_owner(nlp):
    # "Móna" tagged alone elsewhere is no owner of "Bord na Móna chief executive X": the
    # capitalised word before the joiner carries the name on.
    from newsgraph.extract.mentions import RawMention, find_title_owner_mentions, sentence_index

    doc = nlp("Sales at Móna rose. Bord na Móna chief executive Tom Donnellan said the plant would open.")
    sentences = sentence_index(doc)

    def mention(text: str, label: str, nth: int = 0) -> RawMention:
        start = [t.i for t in doc if t.text == text.split()[0]][nth]
        end = start + len(text.split())
        return RawMention(text, label, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), start, end, sentences[start])

    known = [mention("Móna", "ORG"), mention("Tom Donnellan", "PERSON")]
    assert find_title_owner_mentions(doc, sentences, known, [("Organization", "Móna"), ("Person", "Tom Donnellan")]) == []
    # The same name opening the phrase is the owner.
    doc = nlp("Sales at Móna rose. Móna chief executive Tom Donnellan said the plant would open.")
    sentences = sentence_index(doc)
    known = [mention("Móna", "ORG"), mention("Tom Donnellan", "PERSON")]
    found = find_title_owner_mentions(doc, sentences, known, [("Organization", "Móna"), ("Person", "Tom Donnellan")])
    assert [(m.text, m.label) for m in found] == [("Móna", "ORG")]


@pytest.mark.issue(12)
def test_issue_12_place_before_a_job_or_a_rank_is_no_owner(nlp):
    # A country's word before a job says where the person is from, not whose office it is;
    # a word before a rank by birth is part of the rank.
    from newsgraph.extract.mentions import RawMention, find_title_owner_mentions, sentence_index

    def owners(text: str, owner: str, kind: str, person: str) -> list[str]:
        doc = nlp(text)
        sentences = sentence_index(doc)
        known = []
        for name, label in ((owner, "GPE" if kind != "Organization" else "ORG"), (person, "PERSON")):
            start = next(t.i for t in doc if t.text == name.split()[0])
            end = start + len(name.split())
            known.append(RawMention(name, label, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), start, end,
                                    sentences[start]))
        return [m.text for m in find_title_owner_mentions(doc, sentences, known, [(kind, owner), ("Person", person)])]

    assert owners("Sales in Norway fell. Norway film director Odd Berg was born in 1950.", "Norway", "Country", "Odd Berg") == []
    assert owners("Sales in Norway fell. Norway finance minister Odd Berg spoke on Monday.", "Norway", "Country", "Odd Berg") == ["Norway"]
    assert owners("The Crown owns the land. Crown Prince Haakon spoke on Monday.", "Crown", "Organization", "Haakon") == []


@pytest.mark.issue(12)
def test_issue_12_portfolio_before_a_minister_is_no_owner(nlp):
    # "Health" tagged elsewhere is the minister's portfolio before "Minister", no body he heads;
    # a party of the gazetteer ("Labour") is read as before.
    from newsgraph.extract.mentions import RawMention, find_title_owner_mentions, sentence_index

    def owners(text: str, owner: str, person: str) -> list[str]:
        doc = nlp(text)
        sentences = sentence_index(doc)
        known = []
        for name, label in ((owner, "ORG"), (person, "PERSON")):
            start = next(t.i for t in doc if t.text == name.split()[0])
            end = start + len(name.split())
            known.append(RawMention(name, label, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), start, end,
                                    sentences[start]))
        return [m.text for m in find_title_owner_mentions(doc, sentences, known, [("Organization", owner), ("Person", person)])]

    assert owners("Health spending rose. Health Minister Owen Pryce said so.", "Health", "Owen Pryce") == []
    assert owners("Labour won the seat. Labour minister Owen Pryce said so.", "Labour", "Owen Pryce") == ["Labour"]


@pytest.mark.issue(12)
def test_issue_12_short_form_of_a_longer_name_is_no_owner(nlp):
    # "Lions" resolved to "British and Irish Lions" may be another side of that name: only a
    # whole name or an acronym is copied before a title.
    from newsgraph.extract.mentions import RawMention, find_title_owner_mentions, sentence_index

    doc = nlp("The Lions lost in Auckland. Lions coach Owen Pryce said so.")
    sentences = sentence_index(doc)
    known = [RawMention("Lions", "ORG", doc[1].idx, doc[1].idx + 5, 1, 2, sentences[1]),
             RawMention("Owen Pryce", "PERSON", doc[8].idx, doc[9].idx + 5, 8, 10, sentences[8])]
    assert [t.text for t in doc[8:10]] == ["Owen", "Pryce"]
    assert find_title_owner_mentions(doc, sentences, known, [("Organization", "British and Irish Lions"), ("Person", "Owen Pryce")]) == []
    found = find_title_owner_mentions(doc, sentences, known, [("Organization", "Lions"), ("Person", "Owen Pryce")])
    assert [m.text for m in found] == ["Lions"]
