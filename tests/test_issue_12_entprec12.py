"""Entity typing (issue 12, entity precision, session 10).

- A company the model calls a place and no gazetteer knows ("Russian gas giant Gazprom",
  GPE throughout a BBC article): its shares and a stake in it say it is the company.
- A people or a faith named alone that the model calls an organisation ("Hutus", "Islam"):
  no node.
- An economics or politics article counted as a sports report because sports cue words
  appear in it outside their sports sense: "tried" (the verb of a rugby "try"), "the
  International Monetary Fund" (an "international"). In a sports report a country that
  "reached" or "agreed" something is the team, so the whole article's country became an
  Organization node. Such words now count only in the part of speech of their sports sense
  (sport.json ``cue_pos``).

Sentences written for these tests, with the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import entity_types as entities
from extraction_support import model_label as _model_label
from newsgraph.extract.mentions import is_sports_report


# - A company the model calls a place ("Russian gas giant Gazprom", GPE throughout) and no
#   gazetteer knows as one: a stake in it and its shares say it is the company, and a
#   market's "trading in" it is no place.

COMPANY = (
    "The state will sell its stake in Varnsk next year.\n"
    "Varnsk shares rose 4% on Monday, and trading in Varnsk will open to foreigners.\n"
)

TOWN = (
    "Flooding closed the main road to Kaltonia on Monday, and families in Kaltonia were told "
    "to stay at home.\n"
    "A Kaltonia spokesman said the water was falling.\n"
)


@pytest.mark.issue(12)
def test_issue_12_place_named_company_with_shares_is_an_organisation(nlp):
    assert _model_label(nlp, COMPANY, "Varnsk") == "GPE"
    assert entities(nlp, COMPANY)["Varnsk"] == "Organization"


@pytest.mark.issue(12)
def test_issue_12_unknown_place_used_as_a_place_stays_a_place(nlp):
    assert "GPE" in {e.label_ for e in nlp(TOWN).ents if e.text == "Kaltonia"}
    assert entities(nlp, TOWN)["Kaltonia"] == "Location"


# - A people or a faith named alone, which the model calls an organisation or a person
#   ("Hutus", "Islam"): no node (LABELLING.md: a name that fits no type is left out).

PEOPLES = (
    "Some ministers warned of a \"river of Islam\" flowing into the union.\n"
    "The new party says it has the support of the country's exiled Hutus.\n"
)


@pytest.mark.issue(12)
def test_issue_12_peoples_and_faiths_are_no_nodes(nlp):
    assert _model_label(nlp, PEOPLES, "Islam") == "ORG" and _model_label(nlp, PEOPLES, "Hutus") == "ORG"
    found = entities(nlp, PEOPLES)
    assert "Islam" not in found and "Hutus" not in found
ECONOMY = (
    "Portugal has tried to draw attention to its recovering economy ahead of the final "
    "vote on its budget.\n"
    "Portugal reached an agreement with the International Monetary Fund last month, and "
    "the government said growth would pick up next year.\n"
)

MATCH = (
    "Wales scored a late try to secure a draw against Italy in Rome on Saturday.\n"
    "The full-back said the international had been the hardest match of the season.\n"
)


@pytest.mark.issue(12)
def test_issue_12_cue_words_outside_sport_make_no_sports_report(nlp):
    assert not is_sports_report(nlp(ECONOMY))
    assert entities(nlp, ECONOMY)["Portugal"] == "Country"


@pytest.mark.issue(12)
def test_issue_12_cue_words_in_their_sports_sense_still_count(nlp):
    assert is_sports_report(nlp(MATCH))
