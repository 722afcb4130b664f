"""Occupation relations on unseen news (issue 12, precision): the subclasses of the
``occupation`` method that went wrong on unlabelled BBC articles, one written sentence
each, with the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import extra_rule_rows, relations


@pytest.mark.issue(12)
def test_issue_12_performer_noun_gets_its_own_method(nlp):
    # "The Aviator star": the small model types the film Organization; a performer's noun is
    # fitted apart (occupation_performer), so it no longer drags the occupation family.
    found = relations(nlp, "The Aviator star Leonardo DiCaprio paused in the chilly air to sign autographs.")
    assert not any(m == "occupation" for h, t, _, m in found if h == "Leonardo DiCaprio" and t == "WORKS_FOR")
    assert all(m == "occupation_performer" for h, t, _, m in found if h == "Leonardo DiCaprio" and t == "WORKS_FOR" and m.startswith("occupation"))


@pytest.mark.issue(12)
def test_issue_12_staff_noun_stays_occupation(nlp):
    found = relations(nlp, "BBC political correspondent Carole Walker said the timing of the broadcast was unlikely to help.")
    assert ("Carole Walker", "WORKS_FOR", "BBC", "occupation") in found


@pytest.mark.issue(12)
def test_issue_12_signed_from_a_club_is_no_employer(nlp):
    found = relations(nlp, "Arsenal have signed striker Robin van Persie from Feyenoord for £2.75m.")
    assert ("Robin van Persie", "WORKS_FOR", "Feyenoord", "occupation") not in found


@pytest.mark.issue(12)
def test_issue_12_offer_for_a_player_from_a_club_is_no_employer(nlp):
    found = relations(nlp, "It is understood that Blackburn accepted a £5m offer for Barry Ferguson from Everton at the weekend.")
    assert ("Barry Ferguson", "WORKS_FOR", "Everton", "occupation") not in found


@pytest.mark.issue(12)
def test_issue_12_cut_off_name_is_no_employer(nlp):
    # "Sunday" is part of the paper's name; a "Telegraph" stub is no employer.
    found = relations(nlp, "The row was sparked by claims by Sunday Telegraph journalist Robert Peston, which suggested a pledge was broken.")
    assert not any(h == "Robert Peston" and m == "occupation" for h, _, _, m in found)


# Attachments ("X in Y", "X of Y"): the subclasses that went wrong on unlabelled BBC.


@pytest.mark.issue(12)
def test_issue_12_region_after_a_comma_is_not_the_next_item_of_a_list(nlp):
    found = relations(nlp, "The firm has opened offices at Canary Wharf in London, Leeds and Glasgow.")
    assert ("Canary Wharf", "LOCATED_IN", "London", "attachment_located") in found
    assert not any(t == "Leeds" and m.startswith("attachment") for _, _, t, m in found)


@pytest.mark.issue(12)
def test_issue_12_country_then_a_comma_is_no_region(nlp):
    found = relations(nlp, "The three shortlisted candidates are Mia Hamm of the United States, Germany's Birgit Prinz and "
                           "Brazilian youngster Marta.")
    assert ("Mia Hamm", "FROM", "United States", "attachment") in found
    assert not any(h == "Mia Hamm" and t == "Germany" for h, _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_the_name_of_a_country_is_a_likeness(nlp):
    found = relations(nlp, '"He is considered the Eminem of Argentina," Millan says.')
    assert not any(h == "Eminem" and m.startswith("attachment") for h, _, _, m in found)


@pytest.mark.issue(12)
def test_issue_12_capitalised_common_noun_is_no_place(nlp):
    found = relations(nlp, "Slowdowns in the US and China could hit electronics exports.")
    assert not any(m.startswith("attachment") for _, _, _, m in found)


@pytest.mark.issue(12)
def test_issue_12_event_in_a_city_is_not_located_there(nlp):
    found = relations(nlp, "Details of the chip will be released at the International Solid State Circuits Conference in San Francisco.")
    assert not any(t == "San Francisco" and m.startswith("attachment") for _, _, t, m in found)


@pytest.mark.issue(12)
def test_issue_12_bare_of_after_a_name_is_part_of_it(nlp):
    found = relations(nlp, "Shares in House of Fraser fell sharply on Tuesday.")
    assert not any(m.startswith("attachment") for _, _, _, m in found)
    found = relations(nlp, "The rig, leased from Avis Bourg Co. of Folsom, Calif., had left the worksite.")
    assert ("Avis Bourg Co.", "BASED_IN", "Folsom", "attachment") in found


@pytest.mark.issue(12)
def test_issue_12_bare_in_after_an_organisation_has_its_own_method(nlp):
    # "an analyst at Renaissance Capital in Moscow": a branch, not a base; fitted apart.
    found = relations(nlp, '"They screwed up the financing," said Ronald Smith, an analyst at Renaissance Capital in Moscow.')
    assert not any(t == "BASED_IN" and m == "attachment" for _, t, _, m in found)


@pytest.mark.issue(12)
def test_issue_12_person_of_a_name_without_a_comma_is_no_home(nlp):
    found = relations(nlp, '"In the year 2050 people over 60 will make up over 30% of the population," explains Shigeo Morioka '
                           "of the International Longevity Centre in Tokyo.")
    assert not any(h == "Shigeo Morioka" and t == "LIVES_IN" and m.startswith("attachment") for h, t, _, m in found)
    found = relations(nlp, "Kyle Brennan, 34, of Brewer, was arrested by state police on Tuesday.")
    assert ("Kyle Brennan", "LIVES_IN", "Brewer", "attachment") in found


@pytest.mark.issue(12)
def test_issue_12_occupations_file_is_checked_once_for_both_loaders(monkeypatch):
    # One parse of occupations.jsonl feeds the relations and the methods: a bad row is
    # reported, with its line, by either loader, and every bad row at once.
    from newsgraph.errors import RuleFileError
    from newsgraph.extract import rules

    bad = [(98, {"relation": "WORKS_FOR", "nouns": ["juggler"], "method": "not a name"}),
           (99, {"relation": "LIVES_IN", "nouns": ["tenant"]})]
    with extra_rule_rows(monkeypatch, "occupations.jsonl", bad, rules._occupations_data, rules.load_occupations):
        for loader in (rules.load_occupations, rules.load_occupation_methods):
            with pytest.raises(RuleFileError, match=r"occupations.jsonl:98: 'method'.*occupations.jsonl:99: 'relation'"):
                loader()
    assert rules.load_occupation_methods()["star"].method == "occupation_performer"
    assert rules.load_occupations()["striker"] == "HOLDS_ROLE"
