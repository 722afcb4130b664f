"""Issue 12, review debts of session 8 (settled in session 9). Sentences written for these
tests."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.extract import mentions
from extraction_support import entity_types, model_label, relations
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
