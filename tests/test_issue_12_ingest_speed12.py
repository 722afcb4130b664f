"""Issue 12 (ingest speed), session 12: what a fresh ``ingest`` process spent outside the
parse and the extraction proper. Sentences written for the test."""

from __future__ import annotations

import pytest

from newsgraph.extract.pipeline import build_pipeline
from newsgraph.extract.token_attributes import TOKEN_ATTRIBUTES

# Every word here is lemmatized by a suffix rule whose form is looked up in the index of
# known words ("studies" -> "study": "study" is a known noun, "studies" no entry).
RULE_LEMMAS = (
    "The companies' studies were bigger than the analysts' estimates, and the ministers were "
    "running late while the boxes piled up in the offices of the agencies and the churches."
)


@pytest.fixture(scope="module")
def stock():
    return build_pipeline(token_tables=False)


def test_issue_12_lemma_index_is_searched_as_a_set(nlp):
    """spaCy keeps each part of speech's known words as a list (57,528 nouns), scanned for
    every form a suffix rule makes: half a millisecond per new word in a fresh process.
    The tables' lemmatizer holds them as sets."""
    lemmatizer = nlp.get_pipe(TOKEN_ATTRIBUTES).tables.lemmatize.__self__
    index = lemmatizer.lookups.get_table("lemma_index")
    assert len(index) >= 4
    assert all(isinstance(words, frozenset) for words in index.values())
    assert "study" in index["noun"] and "studies" not in index["noun"]


def test_issue_12_set_index_gives_the_stock_lemmas(nlp, stock):
    ours, theirs = nlp(RULE_LEMMAS), stock(RULE_LEMMAS)
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    lemmas = {t.text: t.lemma_ for t in ours}
    assert lemmas["companies"] == "company" and lemmas["studies"] == "study"
    assert lemmas["running"] == "run" and lemmas["agencies"] == "agency" and lemmas["churches"] == "church"


def test_issue_12_stock_lemmatizer_keeps_its_lists(stock):
    """The stock pipeline (the benchmarks' baseline, ``token_tables=False``) is untouched."""
    index = stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, list) for words in index.values())
