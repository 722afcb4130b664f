"""Issue 12, role recall at the article level: an officer named by title alone ("said chief
executive X") holds the role at the organisation the article is about, when the article is
about one. Sentences written for the test; the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations


@pytest.mark.issue(12)
def test_issue_12_bare_officer_title_takes_the_articles_one_organisation(nlp):
    text = ("Harrow Mining Plc has posted a record annual profit. Sales rose by a fifth, Harrow Mining Plc said. "
            '"We were surprised by the demand," chief executive Tomas Brandvold explained.')
    found = relations(nlp, text)
    assert ("Tomas Brandvold", "HOLDS_ROLE", "Harrow Mining Plc", "article_officer") in found


@pytest.mark.issue(12)
def test_issue_12_spokesman_takes_the_articles_organisation(nlp):
    text = ("Harrow Mining Plc has closed two of its pits in Wales. Harrow Mining Plc said the pits had lost money. "
            '"It was a hard decision," said spokesman Alun Pryce.')
    found = relations(nlp, text)
    assert ("Alun Pryce", "HOLDS_ROLE", "Harrow Mining Plc", "article_officer") in found


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text",
    [
        # a lead about two firms: the officer may be either's
        ("Harrow Mining Plc is to buy rival Calder Metals Ltd for 2bn pounds. The deal needs approval. "
         '"It is a good price," said chief executive Tomas Brandvold.'),
        # an owner before the title that the model did not take for an organisation
        ("Harrow Mining Plc has posted a record annual profit. Talks sped up after his chairman "
         "Tomas Brandvold resigned."),
        # another organisation named in the officer's sentence
        ("Harrow Mining Plc has posted a record annual profit. Chief executive Tomas Brandvold told "
         "Reuters that sales had grown."),
    ],
)
def test_issue_12_bare_officer_title_guesses_no_organisation_when_unsure(nlp, text):
    found = relations(nlp, text)
    assert not any(h == "Tomas Brandvold" and m == "article_officer" for h, _, _, m in found)


@pytest.mark.issue(12)
def test_issue_12_article_officer_yields_to_the_organisation_the_text_names(nlp):
    text = ("Harrow Mining Plc has posted a record annual profit. Tomas Brandvold, chief executive of "
            "Calder Metals, praised the results. Harrow Mining Plc shares rose. "
            '"They did well," said chief executive Tomas Brandvold.')
    found = relations(nlp, text)
    assert not any(h == "Tomas Brandvold" and x == "Harrow Mining Plc" for h, _, x, _ in found)
