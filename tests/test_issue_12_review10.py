"""Issue 12, review debts of session 8 (settled in session 9). Sentences written for these
tests."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.extract import mentions
from extraction_support import entity_types, model_label, relations, typed
from newsgraph.extract.cleanup import split_page
from page_support import PROSE


@pytest.mark.issue(12)
def test_a_source_line_is_looked_for_once_per_sentence(nlp, monkeypatch):
    """The mention fixes and the place relations both ask for each sentence's monitoring
    source line; like the wire dateline, it is read once per sentence and kept on the doc
    (the search walks every token of every sentence)."""
    calls: Counter = Counter()
    real = mentions._find_source_line

    def counted(sent):
        calls[(sent.start, sent.end)] += 1
        return real(sent)

    monkeypatch.setattr(mentions, "_find_source_line", counted)
    text = ("LD2804174994 Moscow INTERFAX in English 1601 GMT 28 Apr 94. "
            "The minister met the Dutch envoy in Moscow on Friday.")
    found = relations(nlp, text)
    assert ("Interfax", "BASED_IN", "Moscow", "dateline") in found  # still read
    assert calls and max(calls.values()) == 1


NAMES_LINE_PAGE = """THE RIVERSIDE COURIER

Port authority approves new ferry terminal

Pieter ter Horst and Lena Fisk
Published: 9:15pm, 22 Oct 2025

""" + PROSE + """
Pieter ter Horst covers transport for the Courier.
"""


@pytest.mark.issue(12)
def test_a_writers_line_with_any_listed_particle_goes_with_the_writers_bio() -> None:
    """The names-line, credit and byline patterns of cleanup read a name's particles from
    context_cues.json name_particles (the one list): 'ter' was missing from cleanup's own
    copy, so 'Pieter ter Horst and Lena Fisk' under the headline was no writers' line, stayed
    as the story's first line, and his bio at the foot stayed too."""
    page = split_page(NAMES_LINE_PAGE)
    assert page.title == "Port authority approves new ferry terminal"
    assert "Horst" not in page.body and "Lena Fisk" not in page.body
    assert page.body.startswith("Mayor Rosa Delgado opened")


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, kind", [
    ("Sources inside Nokia said the handset would be delayed.", "Organization"),
    ("Engineers inside Nokia said the handset would be delayed.", "Organization"),
    ("Residents near Nokia said the river had flooded.", "Location"),
])
def test_inside_a_small_towns_name_is_no_plain_place_evidence(nlp, text, kind):
    """Nokia is a town of 33,000 as well as the firm: for a town that small only plain place
    evidence makes the name a place, and "sources inside X" is said of a firm as often as of
    a town (like "jobs at X"). It was let through to the looser place test, which takes
    "inside"; "near" stays place evidence."""
    assert model_label(nlp, text, "Nokia") == "ORG"  # the premise: the model calls it a firm
    assert entity_types(nlp, text)["Nokia"] == kind


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, a, b", [
    ("Roger Federer (Switzerland) beat Andy Roddick (United States) 6-4 6-3.", "Federer", "Roddick"),
    ("Lleyton Hewitt of Australia defeated Rafael Nadal of Spain in four sets.", "Hewitt", "Nadal"),
    ("Federer beat Roddick in the final.", "Federer", "Roddick"),
    ("Mark Philippoussis, who beat Pete Sampras in the third round, stayed calm against Marc Rosset.",
     "Philippoussis", "Sampras"),
])
def test_a_contests_result_is_no_relation(nlp, text, a, b):
    """LABELLING.md: a sports result is not a meeting, and no type of the schema says who
    beat whom: the catch-all verb rule gave INTERACTED_WITH (0.006), and with it gone the
    learned classifier read 'Federer beat Roddick' (and, on unlabelled Reuters, 'who beat
    Sampras') as KILLED. Neither links the two now; the players' countries stay what the
    sentence says of them."""
    found = relations(nlp, text)
    assert not [r for r in found if {a, b} <= {r[0].split()[-1], r[2].split()[-1]}]
    if "of Australia" in text:
        assert ("Lleyton Hewitt", "FROM", "Australia", "attachment") in found


@pytest.mark.issue(12)
def test_a_verb_that_is_no_result_still_links_the_two(nlp):
    """The catch-all stays for other verbs ('introduced'), and a specific rule still reads
    its own verb ('praised')."""
    found = typed(relations(nlp, "Roger Federer praised Andy Roddick after the final."))
    assert ("Roger Federer", "PRAISED", "Andy Roddick") in found
    found = typed(relations(nlp, "Roger Federer introduced Andy Roddick to the crowd."))
    assert ("Roger Federer", "INTERACTED_WITH", "Andy Roddick") in found


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, killed", [
    ("Peter Mills shot Tom Walker in the leg outside the bar.", False),
    ("Tom Walker was stabbed by Peter Mills during the fight.", False),
    ("Tom Walker was shot dead by Peter Mills outside his home.", True),
    ("Peter Mills fatally shot Tom Walker outside the bar.", True),
    ("Anna Berg stabbed Peter Mills to death in his flat.", True),
    ("Peter Mills shot Tom Walker, who died in hospital on Sunday.", True),
    ("Peter Mills shot and killed Tom Walker outside the bar.", True),
    ("Tom Walker was shot in the head by Peter Mills, who later tried to kill the mayor.", False),
])
def test_shot_or_stabbed_is_killed_only_when_the_sentence_says_the_victim_died(nlp, text, killed):
    """LABELLING.md: the sentence states the relation or implies it directly; many who are
    shot or stabbed live. 'shoot' and 'stab' give KILLED only beside a word of death ('dead',
    'to death', 'fatally', 'died') that hangs from the verb or its victim's relative clause,
    not one elsewhere in the sentence ('who later tried to kill the mayor': Reuters had 'Brady
    was shot by Hinckley, who tried to kill Reagan' as KILLED at 0.95); the learned classifier is not left to guess KILLED in their
    place (the catch-all verb rule still links the two, below any floor)."""
    found = typed(relations(nlp, text))
    victim = "Peter Mills" if "Anna Berg" in text else "Tom Walker"
    assert any(t == "KILLED" and x == victim for _, t, x in found) == killed
