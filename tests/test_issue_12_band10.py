"""Wrong edges of the 0.75-0.9 band and of the default view (>= 0.9) found on unlabelled
Reuters and BBC news (issue 12, session 10 band audit: 300 + 300 articles in a scratch store,
seeded samples of 120 and 60 edges judged by LABELLING.md). Each class of fix with sentences
written for these tests, with the real spaCy model.

- "stayed in London to lead the opposition": staying somewhere is no home (LIVES_IN).
- "on Wednesday Prime Minister X": a day is no word of a title.
- "former Tory lord chancellor X", "ex-Tory education secretary X": a state office with its
  portfolio is the state's, not the party's (as "Labour Prime Minister X" already was).
- "director of the Institute for the Study of Labour": a name that ends a longer untagged
  name is no affiliation (it was the Labour Party).
- "... in northern Iraq against President Saddam Hussein" in a report from Washington: a bare
  head of state is the article's only where the sentence names no other country.
- "Slough's chairman X" with the firm typed Location: a town has no chairman.
- Round 2 (from the fresh sample, so in-sample there): "he came to Britain as a young man" is
  moving there, no visit; "director of the Pew Internet and American Life Project" is none of
  an "American Life Project" (a name after "and" that ends a longer untagged name).
- "said Aston's chief executive X" with the possessor untagged: the officer is the
  possessor's, not the sentence's one organisation.
"""

from __future__ import annotations

import pytest

from extraction_support import entity_types, ruled, titles


@pytest.mark.issue(12)
def test_issue_12_staying_somewhere_is_no_home(nlp):
    text = "After the vote, Maria Olsen stayed in Brussels to finish the talks with the ministers."
    assert ("Maria Olsen", "LIVES_IN", "Brussels") not in ruled(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_living_somewhere_still_is(nlp):
    text = "Maria Olsen lives in Brussels with her two children."
    assert ("Maria Olsen", "LIVES_IN", "Brussels") in ruled(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_weekday_is_no_word_of_a_title(nlp):
    text = ("Poland's government met in Warsaw on Monday. Polish exports rose in May and Poland's "
            "economy grew. But on Thursday Prime Minister Anna Nowak said Poland would cut taxes.")
    found = titles(nlp, text)
    assert not {t for t in found if t[0] == "Anna Nowak" and "Thursday" in (t[1] or "")}


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person", [
    ("In the House of Lords, ministers faced a call by former Tory lord chancellor Lord Hailsham to "
     "publish the advice.", "Hailsham"),
    ("Ex-Tory education secretary Gillian Marsh remembered the long debate about schools.", "Gillian Marsh"),
])
def test_issue_12_party_before_a_state_office_is_not_its_holder(nlp, text, person):
    assert not {t for t in titles(nlp, text) if t[0] == person and t[2] == "Conservative Party"}


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, title, party", [
    ("Tory shadow chancellor Peter Marsh said the plan was wrong.", "Peter Marsh", "Shadow Chancellor",
     "Conservative Party"),
    ("Labour MP Jane Dobbs said the plan was wrong.", "Jane Dobbs", "MP", "Labour Party"),
])
def test_issue_12_party_roles_stay_the_party(nlp, text, person, title, party):
    assert (person, title, party) in titles(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_name_ending_a_longer_name_is_no_affiliation(nlp):
    text = ("Wages must fall for the low skilled, says Karl Weber, director of the Institute for the Study "
            "of Labour at Bonn University.")
    assert not {t for t in titles(nlp, text) if t[0] == "Karl Weber" and t[2] == "Labour Party"}


WASHINGTON = ("WASHINGTON 1996-08-23\nThe State Department said the United States welcomed the truce. "
              "U.S. officials said Washington would pay for the talks and the White House backed them.\n"
              "The clashes endangered a U.S.-backed plan to unite the Kurdish north of Iraq against "
              "President Saddam Hussein.\nPresident Bill Clinton welcomed the truce.")


@pytest.mark.issue(12)
def test_issue_12_bare_head_of_state_beside_another_country_is_not_the_articles(nlp):
    assert ("Saddam Hussein", "President", "United States") not in titles(nlp, WASHINGTON)


@pytest.mark.issue(12)
def test_issue_12_bare_head_of_state_alone_is_the_articles(nlp):
    assert ("Bill Clinton", "President", "United States") in titles(nlp, WASHINGTON)


@pytest.mark.issue(12)
def test_issue_12_a_town_has_no_chairman(nlp):
    text = ("Property shares rose in London on Friday. Slough's chairman Sir Peter Lang said the property "
            "market was improving.")
    assert entity_types(nlp, text).get("Slough") == "Location"  # the premise: the firm typed a place
    assert not {t for t in titles(nlp, text) if t[2] == "Slough"}


@pytest.mark.issue(12)
def test_issue_12_coming_somewhere_as_someone_is_no_visit(nlp):
    text = ("Omar Haddad was born in Sudan. He came to Britain as a young swimmer but hurt his shoulder "
            "and took up running instead.")
    assert ("Omar Haddad", "VISITED", "United Kingdom") not in ruled(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_coming_somewhere_for_talks_still_is(nlp):
    text = "Maria Lopez came to Paris on Tuesday for talks with the French government."
    assert ("Maria Lopez", "VISITED", "Paris") in ruled(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_name_after_and_ending_a_longer_name_is_no_affiliation(nlp):
    text = ("\"Tablets are now everyday tools,\" said Dana Holt, director of the Harwell Internet and "
            "American Life Project.")
    assert not {t for t in titles(nlp, text) if t[0] == "Dana Holt" and t[2] == "American Life Project"}


@pytest.mark.issue(12)
def test_issue_12_name_after_ampersand_in_a_tagged_name_stays(nlp):
    text = "The deal was signed by Tom Hale, chief executive of Procter & Gamble."
    assert ("Tom Hale", "Chief Executive", "Procter & Gamble") in titles(nlp, text)
