"""Code review leftovers of session 10 (issue 12): behaviour kept, what was silent says so."""

from __future__ import annotations

import warnings

import pytest

from newsgraph.errors import NoLemmaIndex
from newsgraph.extract.rules import adjective_only_words


@pytest.fixture
def fresh_adjectives():
    adjective_only_words.cache_clear()
    yield
    adjective_only_words.cache_clear()


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
