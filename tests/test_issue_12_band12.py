"""Wrong relation edges of the 0.8-0.9 band and of the default view (>= 0.9) found on
unlabelled Reuters and BBC news (issue 12, session 12 band audit: 300 + 300 articles in a
scratch store, a seeded sample of 100 + 80 typed edges judged by LABELLING.md, then every
shown pronoun, occupation, government-title and hedged-verb edge of the store). Each class of
fix with sentences written for these tests, with the real spaCy model.

- "France has played a role in Ivory Coast after President X broke a ceasefire": a country
  acting in the clause above a head of state's own adverbial clause is not his country.
- "corporate vice president at Microsoft's MSN internet division": the unit replaces the
  title's last words after "at" as it did after "of" (no "… At Internet Division of Msn
  Internet Division").
- "is set to meet X in the first round of the Australian Open": a contest "of" a named event
  is a fixture, no meeting ("in the next round of talks" still is one).
- Round 2 (from the fresh sample, seeds 12203/12204, so in-sample there): "A crestfallen France
  coach, X": how the holder feels is no word of the title; "senior vice president of TV Guide
  TV group": the noun after the organisation's name is no "of Group" in the title.
"""

from __future__ import annotations

import pytest

from extraction_support import ruled, titles


@pytest.mark.issue(12)
def test_issue_12_country_above_a_leaders_own_clause_is_not_his(nlp):
    text = ("Spain has sent aid to Peru after President Alberto Fujimori declared a state of "
            "emergency, the agency said.")
    assert not {t for t in titles(nlp, text) if t[0] == "Alberto Fujimori" and t[2] == "Spain"}


@pytest.mark.issue(12)
def test_issue_12_country_of_the_leaders_clause_still_is(nlp):
    text = "Thailand may lose billions in tourism revenue, according to Tourism Minister Somsak Prisana."
    assert ("Somsak Prisana", "Tourism Minister", "Thailand") in titles(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_unit_after_at_is_not_named_twice(nlp):
    text = ('Microsoft launched a new search engine on Tuesday. "It will change how people look for '
            'things," said Lena Fairholm, corporate vice president at Microsoft\'s MSN internet division.')
    found = {t for t in titles(nlp, text) if t[0] == "Lena Fairholm"}
    assert found
    assert all(t[1] is not None and t[1].lower().count("division") == 1 for t in found)


@pytest.mark.issue(12)
def test_issue_12_unit_after_of_keeps_its_reading(nlp):
    text = "Anna Berg, chief of Telia's new entertainment unit, said the service would start in May."
    found = {t for t in titles(nlp, text) if t[0] == "Anna Berg"}
    assert all(t[1] is not None and t[1].lower().count("unit") == 1 for t in found)


@pytest.mark.issue(12)
def test_issue_12_round_of_a_named_event_is_a_fixture(nlp):
    text = "Lleyton Hewitt is set to meet Frenchman Arnaud Clement in the first round of the Australian Open."
    assert ("Lleyton Hewitt", "MET_WITH", "Arnaud Clement") not in ruled(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_round_of_talks_is_still_a_meeting(nlp):
    text = "Tony Blair will meet Jacques Chirac in the next round of talks in Paris."
    assert ("Tony Blair", "MET_WITH", "Jacques Chirac") in ruled(nlp, text)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, club", [
    ("A crestfallen Italy coach, Marco Bellini, simply said the side had lost its way.", "Marco Bellini", "Italy"),
    ("A delighted Chelsea manager, Jose Mourinho, praised his players.", "Jose Mourinho", "Chelsea"),
])
def test_issue_12_holders_mood_is_no_word_of_the_title(nlp, text, person, club):
    found = {t for t in titles(nlp, text) if t[0] == person and t[2] == club}
    assert found
    assert all(t[1] is not None and len(t[1].split()) == 1 for t in found)


@pytest.mark.issue(12)
def test_issue_12_noun_after_a_cut_out_name_is_no_word_of_the_title(nlp):
    text = ("What this means, said Dana Frost, senior vice president of TV Guide TV group, is that viewers "
            "need simpler menus.")
    found = {t for t in titles(nlp, text) if t[0] == "Dana Frost"}
    assert found
    assert all(t[1] is not None and "group" not in t[1].lower() for t in found)
