"""Code review leftovers of session 10 (issue 12): behaviour kept, what was silent says so."""

from __future__ import annotations

import warnings

import pytest

from newsgraph.errors import NoLemmaIndex
from newsgraph.extract.rules import _wordnet_index, adjective_only_words


@pytest.fixture
def fresh_adjectives():
    adjective_only_words.cache_clear()
    _wordnet_index.cache_clear()  # the WordNet index both word lists read
    yield
    adjective_only_words.cache_clear()
    _wordnet_index.cache_clear()


@pytest.mark.parametrize("package", ["pytest", "no_such_pipeline_installed"])
def test_issue_12_no_lemma_index_warns(monkeypatch, fresh_adjectives, package):
    # an installed package with no lemmatizer lookups, and one not installed at all: the
    # adjective rules change nothing, and the user is told why, with a code
    monkeypatch.setenv("NEWSGRAPH_MODEL", package)
    with pytest.warns(NoLemmaIndex, match=r"^\[NG105\] spaCy pipeline '" + package):
        assert adjective_only_words() == frozenset()


def test_issue_12_lemma_index_of_the_default_model_is_read_quietly(monkeypatch, fresh_adjectives):
    monkeypatch.delenv("NEWSGRAPH_MODEL", raising=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        words = adjective_only_words()
    assert {"outspoken", "wealthy"} <= words and "president" not in words


@pytest.mark.issue(12)
def test_issue_12_alias_cues_are_read_one_way_between_names_and_before_one(nlp):
    """mark_aliases (the words between two names are the cue) and the person evidence (a cue
    ends right before the name) read context_cues alias_cues the same way: as words, without
    punctuation or line breaks. Both were written apart (one on the text, one on tokens)."""
    from newsgraph.extract.mentions import alias_cue_before

    doc = nlp("The drummer Tomas Reyl, better known as Kettle, joined the band in May.")
    kettle = next(t.i for t in doc if t.text == "Kettle")
    reyl_end = next(t.i for t in doc if t.text == "Reyl") + 1
    assert alias_cue_before(doc, kettle)
    assert alias_cue_before(doc, kettle, gap_start=reyl_end)
    assert not alias_cue_before(doc, kettle, gap_start=reyl_end - 1)  # "Reyl" is no word of a cue
    doc = nlp("The drummer Tomas Reyl and Kettle joined the band in May.")
    kettle = next(t.i for t in doc if t.text == "Kettle")
    assert not alias_cue_before(doc, kettle)
