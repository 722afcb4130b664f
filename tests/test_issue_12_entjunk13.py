"""Junk nodes from hyphened nationalities and from common words opening a sentence (issue
12, entity precision at the node level, session 13).

A seeded sample of 150 nodes of 600 unlabelled Reuters and BBC articles (Reuters train seed
13301, unlabelled BBC seed 13302) and every nationality glued by a hyphen in the 946 Reuters
and unlabelled BBC texts: "Russian-built hovercrafts", "British-ruled islands", "an
Iranian-backed attack", "British-based investment company", "American-style warrants",
"Israeli-Syrian peace talks" each made a Group node ("Russian", "Iranian", ...), a people acting
where the text names none. A nationality describing a thing is no node
(``mentions._describes_thing``); glued by a hyphen, it says who or where did something to the
noun, or the compound's last word is the adjective. "British-born actress X", "a
Dutch-Moroccan man" and the people who hold a place ("Serb-held suburbs") still are people.

In the same store, a capitalised common word opening a sentence ("Recriminations built up
over ...", "Quirky comedy Sideways ...", "Freezing temperatures ...", "Groups challenging the
plans ...") was an organisation or a person: the tagger reads it as a common word and the
article writes it capitalised nowhere else (``extract/opening_words.py``).

Sentences written for these tests, with the real spaCy model; each checks the model's own
label first, so a model that stops making the mistake shows up as a failing premise."""

from __future__ import annotations

import pytest

from extraction_support import entity_types as entities
from extraction_support import model_label as _model_label


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, nationality", [
    ("Two Swedish-built ferries were held at the harbour on Tuesday after the storm.", "Swedish"),
    ("Refugees left the Russian-made barracks of the city after two days of shelling.", "Russian"),
    ("A Norwegian-registered tanker ran aground off the coast of Brittany on Monday.", "Norwegian"),
    ("The company issued five million American-style call warrants on its shares.", "American"),
    ("Officials said Israeli-Syrian peace talks would resume in Washington next month.", "Israeli"),
])
def test_issue_12_hyphened_nationality_of_a_thing_is_no_group(nlp, text, nationality):
    assert _model_label(nlp, text, nationality) == "NORP"
    assert nationality not in entities(nlp, text)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, nationality", [
    ("The Canadian-born singer gave two concerts in Paris last week.", "Canadian"),
    ("A Dutch-Moroccan man was arrested in Utrecht on Friday.", "Dutch"),
    ("Swedish troops arrived in the region on Friday.", "Swedish"),
    ("Refugees left the Serb-held suburbs of the city after two days of shelling.", "Serb"),
])
def test_issue_12_nationality_of_people_stays_a_group(nlp, text, nationality):
    assert _model_label(nlp, text, nationality) == "NORP"
    assert entities(nlp, text).get(nationality) == "Group"


# A common word opening a sentence (extract/opening_words.py): the small model tagged it a
# name although its own tagger reads a common word, and the article writes it capitalised
# nowhere else.

@pytest.mark.issue(12)
@pytest.mark.parametrize("text, word", [
    ("Cyberspace is becoming a popular place for Christmas shoppers.", "Cyberspace"),
    ("Quirky comedy Lantern Hill was named the best film of the year.", "Quirky"),
    ("Outright gas oil prices were softer as the heating oil contract fell.", "Outright"),
    ("Koranic reading sessions were held in the town of Dunmore.", "Koranic"),
])
def test_issue_12_common_word_opening_a_sentence_is_no_name(nlp, text, word):
    assert _model_label(nlp, text, word) != ""
    assert word not in entities(nlp, text)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, name", [
    ("Sky will cut its prices in March, and Sky subscribers will pay less for sport.", "Sky"),
    ("Hollywood studios cut their budgets last year, the report said.", "Hollywood"),
])
def test_issue_12_a_name_opening_a_sentence_stays(nlp, text, name):
    assert name in entities(nlp, text)
