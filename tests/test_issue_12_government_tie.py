"""Issue 12, session 15: whose government an unplaced title is when the article names one
country and none of its institutions.

The one country an article names (or its lead's subject) was taken as the government of any
national title in it: "Morocco said it would receive him ... announced by State Secretary
for Asylum X" made X Morocco's (the country receiving a deportee, not the minister's), and
"Former minister X, who resigned from the government over the Iraq war" made X Iraq's. Now
that country is the title's only when the text ties it: the article names that government
("The Moroccan government", governments.json ``state_nouns``), a dateline files the story
there ("RABAT 1996-08-22"), or a sentence naming the person names the country as its actor
("'The UK has a rich culture,' said Arts minister X"). Otherwise no country edge
(``extract/governments.py`` ``home_government``, ``extract/relations_roles.py`` ``tied_to``).

Sentences written for these tests, with the real spaCy model."""

from __future__ import annotations

import pytest

from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import document_id


def countries_of(nlp, text, person):
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text))
    names = {e.id: e.name for e in doc.entities}
    return {names[r.tail] for r in doc.relations
            if r.type == "HOLDS_ROLE" and names[r.head] == person and r.tail.startswith("country:")}


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person", [
    ("Iraq war advice should be published, MPs say. Former minister Harriet Ashdown, who resigned from "
     "the government over the war, said the advice was clear.", "Harriet Ashdown"),
    ("The US agreed to the plan on Monday. The change was announced by Work Secretary Alan Pritchard "
     "on Friday as MPs grilled him.", "Alan Pritchard"),
    ("Morocco agreed on Tuesday to take back the men. The deportation was announced by State Secretary "
     "for Asylum Hendrik Jansen on Thursday.", "Hendrik Jansen"),
])
def test_issue_12_the_one_country_named_is_no_ministers_government_untied(nlp, text, person):
    assert countries_of(nlp, text, person) == set()


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, country", [
    # the article names the country's government
    ("The Moroccan government agreed on Tuesday to take back the men. The deportation was announced "
     "by State Secretary for Asylum Hendrik Jansen on Thursday.", "Hendrik Jansen", "Morocco"),
    # a dateline files the story in the country
    ("RABAT 1996-08-22\nMorocco agreed on Tuesday to take back the men. The deportation was announced "
     "by State Secretary for Asylum Hendrik Jansen on Thursday.", "Hendrik Jansen", "Morocco"),
    # the person's own sentence names the country as its actor
    ("Small studios face barriers, a report says. \"The UK has a rich and varied culture,\" said Arts "
     "minister Helen Pryce of the findings.", "Helen Pryce", "United Kingdom"),
])
def test_issue_12_the_one_country_is_the_ministers_when_the_text_ties_it(nlp, text, person, country):
    assert countries_of(nlp, text, person) == {country}
