"""Issue 12 (ingest speed): the model's attribute ruler and rule lemmatizer are answered
from tables (``extract/token_attributes.py``), and every token keeps the POS, TAG, MORPH,
LEMMA and DEP the stock pipes give it, the ruler's exceptions included (contractions,
"gonna", "let's", an expletive's verb, whitespace). Sentences written for the test."""

from __future__ import annotations

import pytest

from newsgraph.extract.pipeline import build_pipeline
from newsgraph.extract.token_attributes import TOKEN_ATTRIBUTES, use_token_attribute_tables

SENTENCES = [
    "I ain't gonna sign it, y'all, and she can't either: it's done.",
    "Let's be clear: they won't wait, we'll see, and we'd rather not, but you gotta see 'em.",
    "C'mon, there's nothin' wrong with ol' Harbourview doin' business; they're goin' home.",
    "There were 'nuff votes, shan't we say? I'd had it and he'd been told.",
    "Somethin' happened to me. Did she give it to him? He did, and they have ever since.",
    "Nobody knows whether anything changed, although everyone said something; whilst I wait, it gets worse.",
    "That is the plan that the minister, who has his own, said was hers, not theirs.",
    "  The   board met twice.\n\nThen  it got  harder \n for us, but then again it did not.",
    "Mr Okafor is here; Ms Lind's team isn't. They themselves didn't mind, nor did I.",
    "Prices rose 4% to $1.2bn in 2024 - the firm's best year - said chief executive Ana Ruiz.",
]


def token_rows(doc):
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


@pytest.fixture(scope="module")
def stock():
    return build_pipeline(token_tables=False)


def test_issue_12_pipeline_uses_the_tables_in_place_of_ruler_and_lemmatizer(nlp):
    names = nlp.pipe_names
    assert TOKEN_ATTRIBUTES in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert names.index(TOKEN_ATTRIBUTES) == names.index("parser") + 1


@pytest.mark.parametrize("text", SENTENCES)
def test_issue_12_tables_give_the_stock_token_attributes(nlp, stock, text):
    assert token_rows(nlp(text)) == token_rows(stock(text))


def test_issue_12_ruler_exceptions_are_applied(nlp):
    doc = nlp("I ain't gonna go, and you can't make me; let's see.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be" and lemmas["n't"] == "not" and lemmas["ca"] == "can"
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert [t.lemma_ for t in doc if t.text == "'s"] == ["us"]
    assert doc[0].morph.get("PronType") == ["Prs"] and doc[0].pos_ == "PRON"


def test_issue_12_same_tables_for_many_docs(nlp, stock):
    """The tables fill as words come; a second pass over the same texts (every key known)
    gives the same tokens as the first."""
    first = [token_rows(d) for d in nlp.pipe(SENTENCES)]
    assert [token_rows(d) for d in nlp.pipe(SENTENCES)] == first == [token_rows(d) for d in stock.pipe(SENTENCES)]


def test_issue_12_unknown_ruler_pattern_keeps_stock_pipes():
    """A ruler pattern the tables cannot read (here an operator they do not know) leaves
    the model's own ruler and lemmatizer in place."""
    nlp = build_pipeline(token_tables=False)
    nlp.get_pipe("attribute_ruler").add([[{"LENGTH": {">=": 30}}]], {"POS": "X"})
    assert not use_token_attribute_tables(nlp)
    assert "attribute_ruler" in nlp.pipe_names and TOKEN_ATTRIBUTES not in nlp.pipe_names
