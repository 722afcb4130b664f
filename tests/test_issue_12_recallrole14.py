"""Issue 12, session 14 (recall of roles): a title whose owner is named before it by a short form
of a name the article gives in full ("Timberwolves coach Chris Finch" after "the Minnesota
Timberwolves"; ``relations_short_owner``, method ``short_name_title``). Written sentences, the
real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations


def _short(nlp, text: str) -> set[tuple[str, str, str]]:
    return {(h, t, tail) for h, t, tail, m in relations(nlp, text) if m == "short_name_title"}


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, org", [
    ("Halvard Freight Systems opened a depot in Leeds on Monday. "
     "Halvard chief executive Nora Quist said the company would hire 200 drivers.",
     "Nora Quist", "Halvard Freight Systems"),
    ("The Carlton Rovers beat the Ashdown Rangers 3-1 on Saturday. Rovers manager Dean Pike praised his defence.",
     "Dean Pike", "Carlton Rovers"),
])
def test_issue_12_a_short_name_before_a_title_is_the_article_organisation(nlp, text, person, org):
    assert (person, "HOLDS_ROLE", org) in _short(nlp, text)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    # A title's own word, capitalised as the sentence's first: no short name of General Motors.
    "General Motors will close the plant next year. General manager Tom Hale said the workers would be offered jobs.",
    # Two organisations end in the word: which one's manager the words do not say.
    "The Carlton Rovers beat the Bristol Rovers 3-1 on Saturday. Rovers manager Dean Pike praised his defence.",
    # A word the article also writes in lowercase is a common noun, not a name.
    "Halvard Freight Systems opened a depot. Depot manager Nora Quist said the depot would hire 200 drivers "
    "for Halvard Depot Services.",
])
def test_issue_12_no_short_name_when_the_word_is_no_one_organisations(nlp, text):
    assert not _short(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_signed_from_a_club_is_a_past_employer(nlp):
    # "A club he came from ('from Bristol City') stays a past WORKS_FOR" (gold README).
    text = "Sunderland signed forward Tom Ashworth from Bristol City for £4m on Tuesday."
    assert ("Tom Ashworth", "WORKS_FOR", "Bristol City", "signed_from") in relations(nlp, text)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    # Desired, not done.
    "Sunderland want to sign forward Tom Ashworth from Bristol City in January.",
    # "from" a time, not an organisation.
    "Bristol City signed forward Tom Ashworth from next season.",
])
def test_issue_12_no_signed_from_when_not_stated_or_no_organisation(nlp, text):
    assert not any(m == "signed_from" for _, _, _, m in relations(nlp, text))


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, party", [
    ("Fianna Fáil chief whip Aoife Brennan criticised the timing of the vote in the Dáil.", "Aoife Brennan", "Fianna Fáil"),
    ("Fine Gael leader Tomás Whelan said the budget would pass.", "Tomás Whelan", "Fine Gael"),
    ("Reform UK's Welsh leader, Gareth Powell, said the party would stand in every seat.", "Gareth Powell", "Reform UK"),
])
def test_issue_12_named_parties_are_organisations_with_leaders(nlp, text, person, party):
    # organizations.jsonl: the small model types the Irish parties Person and Reform UK a
    # place, so no role reached them (dev page-25, page-260).
    assert (person, "HOLDS_ROLE", party) in {(h, t, x) for h, t, x, _ in relations(nlp, text)}


@pytest.mark.issue(12)
def test_issue_12_a_first_minister_in_a_report_on_scotland_is_scotlands(nlp):
    # governments.json home_heads: Scotland's offices include a first minister (none was
    # listed, so the default heads, with no first minister, left him without a country).
    text = ("Scotland will spend £40m on new ferries, the government in Edinburgh said on Monday. "
            "First Minister Morag Lindsay visited the yard in Port Glasgow and praised the workforce.")
    assert ("Morag Lindsay", "HOLDS_ROLE", "Scotland") in {(h, t, x) for h, t, x, _ in relations(nlp, text)}
