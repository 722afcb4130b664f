"""Issue 12, review debts of session 8 (settled in session 9). Sentences written for these
tests."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.extract import mentions
from extraction_support import relations


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

