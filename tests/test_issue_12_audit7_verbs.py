"""Verb relations audit round 7 (issue 12): the wrong verb edges seen on 450 unlabelled BBC
articles (seed 3107, benchmarks/README.md), one class per test, each on sentences written
for the test with the real spaCy model, with the edge that must stay."""

from __future__ import annotations

import pytest

from extraction_support import relations, typed


@pytest.mark.issue(12)
def test_issue_12_two_players_meeting_in_a_match_is_a_fixture(nlp):
    # "Umaga will meet O'Driscoll in Saturday's Rugby Aid match": a fixture, not a meeting
    # (LABELLING.md), even where the article's words do not make it a sports report.
    found = typed(relations(nlp, "Roger Tate will meet Tom Walker in Saturday's charity match at Twickenham."))
    assert not any(t in {"MET_WITH", "INTERACTED_WITH"} for _, t, _ in found)
    found = typed(relations(nlp, "Anna Berg will meet Maria Lopez in the quarter-finals in Paris."))
    assert not any(t == "MET_WITH" for _, t, _ in found)
    # A meeting in a city still is one.
    found = typed(relations(nlp, "Prime Minister Tony Blair will meet Jacques Chirac in Paris next week."))
    assert ("Tony Blair", "MET_WITH", "Jacques Chirac") in found


@pytest.mark.issue(12)
def test_issue_12_a_phrasal_verb_is_another_verb(nlp):
    # "has called up Bath prop Duncan Bell": a squad selection, not a phone call.
    found = typed(relations(nlp, "Coach Tom Walker has called up Bristol prop Peter Mills after the injury."))
    assert ("Tom Walker", "CALLED", "Peter Mills") not in found
    found = typed(relations(nlp, "Tom Walker called Peter Mills on Sunday to apologise."))
    assert ("Tom Walker", "CALLED", "Peter Mills") in found
    # "had to settle for bronze in Greece": accepting a result, not settling there.
    found = typed(relations(nlp, "Mark Smith had to settle for silver in Spain behind Tom Jones."))
    assert ("Mark Smith", "LIVES_IN", "Spain") not in found


@pytest.mark.issue(12)
def test_issue_12_a_placing_is_not_a_journey(nlp):
    # "decathlete Dean Macey, who came fourth in Athens": a result in a contest.
    found = typed(relations(nlp, "Harry Jones came second in Berlin last year."))
    assert ("Harry Jones", "VISITED", "Berlin") not in found
    found = typed(relations(nlp, "Harry Jones, who came second in Berlin, is fit again."))
    assert ("Harry Jones", "VISITED", "Berlin") not in found
    found = typed(relations(nlp, "Tony Blair came to Berlin on Monday."))
    assert ("Tony Blair", "VISITED", "Berlin") in found
    # "his first since taking office": a first trip, still a trip.
    found = typed(relations(nlp, "Tony Blair flew to Berlin from London overnight for a two-day summit, his first since the election."))
    assert ("Tony Blair", "VISITED", "Berlin") in found


@pytest.mark.issue(12)
def test_issue_12_backing_a_side_to_win_is_a_prediction(nlp):
    # "Umaga also backed New Zealand to win the three-Test series": a tip, not support.
    found = typed(relations(nlp, "But Tom Walker also backed Ireland to win the three-Test series against the Lions."))
    assert ("Tom Walker", "SUPPORTED", "Ireland") not in found
    found = typed(relations(nlp, "Tom Walker backed Ireland in the row over fishing rights."))
    assert ("Tom Walker", "SUPPORTED", "Ireland") in found


@pytest.mark.issue(12)
def test_issue_12_with_after_a_named_object_pairs_the_object(nlp):
    # "partnered Italian striker Arturo Lupoli with Ljungberg up front": the club put the two
    # players together; it signed nothing with Ljungberg.
    found = typed(relations(nlp, "Chelsea partnered striker Carlos Diaz with Peter Mills in attack."))
    assert ("Chelsea", "SIGNED_WITH", "Peter Mills") not in found
    found = typed(relations(nlp, "Acme Corp signed a supply deal with Norland Systems on Tuesday."))
    assert ("Acme Corp", "SIGNED_WITH", "Norland Systems") in found


@pytest.mark.issue(12)
def test_issue_12_a_name_before_a_finite_verb_is_no_apposition(nlp):
    # "Tony Wilson, who headed the record company Joy Division were signed to": the band is
    # the subject of a relative clause without "that"; he headed the company, not the band.
    # (The learned classifier's weak guess at the pair is another matter: verb rules only.)
    found = relations(nlp, "Music mogul Tom Walker, who headed the record company Joy Division were signed to, will be co-executive producer.")
    assert not any(x == "Joy Division" and m.startswith("dep") for _, _, x, m in found)
    # A real apposition still names the object.
    found = typed(relations(nlp, "Tom Walker, who headed the record company Factory Records, will be co-executive producer."))
    assert ("Tom Walker", "WORKS_FOR", "Factory Records") in found


@pytest.mark.issue(12)
def test_issue_12_what_talks_are_about_is_no_fact(nlp):
    # "had talks with Mr Sears in October 2002 about working for Boeing": a topic.
    found = typed(relations(nlp, "Anna Baker talked to her husband about joining Norland Systems."))
    assert ("Anna Baker", "WORKS_FOR", "Norland Systems") not in found
    found = typed(relations(nlp, "Anna Baker spoke about leaving Norland Systems next year."))
    assert ("Anna Baker", "LEFT", "Norland Systems") not in found
    # A gerund after another preposition is still a fact.
    found = typed(relations(nlp, "Anna Baker was praised for joining Norland Systems."))
    assert ("Anna Baker", "WORKS_FOR", "Norland Systems") in found


@pytest.mark.issue(12)
def test_issue_12_a_round_of_a_tournament_is_a_fixture(nlp):
    # Sample 8: "The Slovakian will meet Elena Likhovtseva in the second round".
    found = typed(relations(nlp, "Anna Berg will meet Maria Lopez in the second round in Paris."))
    assert ("Anna Berg", "MET_WITH", "Maria Lopez") not in found
    # A round of talks is a meeting.
    found = typed(relations(nlp, "Tony Blair will meet Jacques Chirac in the next round of talks in Paris."))
    assert ("Tony Blair", "MET_WITH", "Jacques Chirac") in found


@pytest.mark.issue(12)
def test_issue_12_what_reports_say_is_hearsay(nlp):
    # Sample 8: "declined to be drawn on reports that Barclays had held merger talks with
    # US bank Wells Fargo": the noun "reports" passes on what others say.
    found = typed(relations(nlp, "Mr Smith declined to comment on reports that Acme Corp had held merger talks with Norland Systems."))
    assert ("Acme Corp", "MET_WITH", "Norland Systems") not in found
    # A report the sentence makes its own source still states the act (the verb is not a cue).
    found = typed(relations(nlp, "Russian media reported that India and Russia signed a memorandum of understanding on Tuesday."))
    assert ("India", "SIGNED_WITH", "Russia") in found


@pytest.mark.issue(12)
def test_issue_12_a_side_visiting_a_ground_is_a_fixture(nlp):
    # Audit samples 1-6 re-read: "With England and France visiting Lansdowne Road for the
    # last time": in a sports report, a side's away game, not a visit.
    text = ("Ireland coach Tom Walker named his squad for the rugby match on Tuesday. With England and "
            "France visiting Lansdowne Road this season, the Six Nations looks well placed. "
            "Walker also visited Belfast on Monday.")
    found = typed(relations(nlp, text))
    assert not any(t == "VISITED" and h in {"England", "France"} for h, t, _ in found)
    assert ("Tom Walker", "VISITED", "Belfast") in found


@pytest.mark.issue(12)
def test_issue_12_a_comma_before_and_closes_a_relative_clause(nlp):
    # "includes Wasps hooker Phil Greening, who replaces the retired Mark Regan, and Sale
    # wing Mark Cueto": Cueto is the squad's, not a second man replaced.
    found = typed(relations(nlp, "The revised squad includes Bath hooker Tom Walker, who replaces the retired Peter Mills, and Sale wing Mark Jones."))
    assert ("Tom Walker", "REPLACED", "Peter Mills") in found
    assert ("Tom Walker", "REPLACED", "Mark Jones") not in found
    # Without the comma the pair is the object.
    found = typed(relations(nlp, "Tom Walker, who replaces Peter Mills and Mark Jones, is fit."))
    assert ("Tom Walker", "REPLACED", "Mark Jones") in found


@pytest.mark.issue(12)
def test_issue_12_a_for_to_clause_is_wanted_not_done(nlp):
    # "on the back of its call for the UK to leave the European Union".
    found = typed(relations(nlp, "The party won 12 seats on the back of its call for the UK to leave the European Union."))
    assert ("United Kingdom", "LEFT", "European Union") not in found
    found = typed(relations(nlp, "The United Kingdom left the European Union in 2020."))
    assert ("United Kingdom", "LEFT", "European Union") in found
