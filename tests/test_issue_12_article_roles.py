"""Issue 12, role recall at the article level: an officer named by title alone ("said chief
executive X") holds the role at the organisation the article is about, when the article is
about one. Sentences written for the test; the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations
from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import document_id


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
        # a name before the title that the model took for no organisation owns it
        ("Harrow Mining Plc has posted a record annual profit. Harrow Mining Plc said sales rose. "
         "Analysts blamed the feud with ex-Calder boss Tomas Brandvold."),
        # the lead is about a place (or a firm the model took for one): its officers are not the firm's
        ("Leeds has cut its bin collections. Harrow Mining Plc will run them. Harrow Mining Plc said so. "
         '"It is fine," said chief executive Tomas Brandvold.'),
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


UK_HOUSING = ("Labour will build 200,000 homes in England. Homes in England and Scotland are dear, "
              "Downing Street said. Builders in Scotland and England agreed. The United Kingdom needs more homes. ")


@pytest.mark.issue(12)
def test_issue_12_the_uks_parts_are_no_rival_government_for_a_prime_minister(nlp):
    # England and Scotland named beside the UK: they have no prime minister of their own
    text = UK_HOUSING + "Deputy Prime Minister Jim Harcastle said the homes would be cheap."
    found = relations(nlp, text)
    assert ("Jim Harcastle", "HOLDS_ROLE", "United Kingdom", "government_title") in found


@pytest.mark.issue(12)
def test_issue_12_the_uks_parts_stay_rival_governments_for_a_minister(nlp):
    # Scotland has health ministers of its own: named as often as the UK, it leaves the
    # minister's government unsure
    text = ("Scotland will ban smoking in pubs. Scotland's doctors welcomed it. Scotland's bars did not. "
            "Downing Street said the United Kingdom may follow. "
            "Health Minister Ann Carrick said it would save lives.")
    found = relations(nlp, text)
    assert not any(h == "Ann Carrick" and x == "United Kingdom" for h, _, x, _ in found)
    # the same article's prime minister is the United Kingdom's
    found = relations(nlp, text + " Prime Minister Tom Bellwood backed her.")
    assert ("Tom Bellwood", "HOLDS_ROLE", "United Kingdom", "government_title") in found


@pytest.mark.issue(12)
def test_issue_12_club_staff_title_takes_the_articles_one_club(nlp):
    text = ("Everton have signed striker Tom Garside from a French side. Everton paid 6m pounds. "
            '"He is a fine player," said manager Alan Dunmore.')
    found = relations(nlp, text)
    assert ("Alan Dunmore", "HOLDS_ROLE", "Everton", "article_officer") in found
    # a manager is a club's, not a company's: no club, no guess
    text = ("Harrow Mining Plc has posted a record annual profit. Harrow Mining Plc said sales rose. "
            '"We were surprised," said manager Alan Dunmore.')
    found = relations(nlp, text)
    assert not any(h == "Alan Dunmore" for h, _, _, m in found if m == "article_officer")


@pytest.mark.issue(12)
def test_issue_12_club_staff_title_beside_the_articles_club_takes_it(nlp):
    # The club the article is about named in the same sentence is no rival to itself.
    text = ("Everton have fined their striker Tom Garside a week's wages after his row with manager Alan Dunmore. "
            "Everton said the matter was closed.")
    assert ("Alan Dunmore", "HOLDS_ROLE", "Everton", "article_officer") in relations(nlp, text)
    # another club in the sentence: the manager may be either's
    text = "Everton beat Chelsea on Sunday after a row with manager Alan Dunmore. Everton said the matter was closed."
    assert not any(h == "Alan Dunmore" for h, _, _, m in relations(nlp, text) if m == "article_officer")


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "sentence, title",
    [
        ('"We were surprised," said the company\'s chief executive Tomas Brandvold.', "Chief Executive"),
        ("Tomas Brandvold, the firm's managing director, said demand was strong.", "Managing Director"),
    ],
)
def test_issue_12_the_companys_officer_is_the_articles_organisation(nlp, sentence, title):
    text = "Harrow Mining Plc has posted a record annual profit. Harrow Mining Plc said sales rose. " + sentence
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    names = {e.id: e.name for e in doc.entities}
    found = {(names[r.head], r.title, names[r.tail], r.method) for r in doc.relations}
    assert ("Tomas Brandvold", title, "Harrow Mining Plc", "article_officer") in found
    # a lead about two firms: "the company's" may be either's
    text = "Harrow Mining Plc is to buy rival Calder Metals Ltd for 2bn pounds. The deal needs approval. " + sentence
    found_two = relations(nlp, text)
    assert not any(h == "Tomas Brandvold" for h, _, _, m in found_two if m == "article_officer")
