"""Issue 12, session 15 (recall of roles): "its" in the second of two joined clauses stands for
the first clause's organisation ("The Harlow Museum of Art has lent four paintings, and its
director, Petra Vance, …"; method ``its_title``), and a short form of the article's organisation
may own the title as a possessive ("Copper's chief executive, Lena Hart, said …" after "Copper
Valley Mining"; method ``short_name_title``); "his Namibian counterpart, X" holds the office of the
one person named before "his" in the country the nationality names (method ``counterpart``).
Written sentences, the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations, titles


def _by(nlp, text: str, method: str) -> set[tuple[str, str, str]]:
    return {(h, t, tail) for h, t, tail, m in relations(nlp, text) if m == method}


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, org", [
    ("The Harlow Museum of Art has lent four paintings to the show, and its director, Petra Vance, "
     "travelled to Oslo to hang them.", "Petra Vance", "Harlow Museum of Art"),
    ("Kelbrook Parish Council met on Tuesday, and its chair, Dylan Morgan, opened the meeting.",
     "Dylan Morgan", "Kelbrook Parish Council"),
])
def test_issue_12_its_in_a_joined_clause_is_the_first_clauses_organisation(nlp, text, person, org):
    assert (person, "HOLDS_ROLE", org) in _by(nlp, text, "its_title")


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    # Two organisations in the first clause: "its" may be either's.
    "Acme Holdings sued Beta Systems in March, and its chief executive, Tom Reid, said the case was strong.",
    # A person is the first clause's subject: whose "its" is, the words do not settle.
    "Mary Lyle founded the Halden Trust in 2001, and its chair, Tom Reid, praised her on Monday.",
])
def test_issue_12_no_joined_clause_its_when_its_owner_is_unsure(nlp, text):
    assert not _by(nlp, text, "its_title")


@pytest.mark.issue(12)
def test_issue_12_a_short_name_possessive_owns_the_title(nlp):
    text = ("Copper Valley Mining finished the season strongly, its owners said on Monday.\n\n"
            "Copper's chief executive, Lena Hart, said the results were pleasing.")
    assert ("Lena Hart", "HOLDS_ROLE", "Copper Valley Mining") in _by(nlp, text, "short_name_title")


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    # A list after the comma: no apposition of the title.
    "Copper Valley Mining finished the season strongly, its owners said on Monday.\n\n"
    "Copper's chief executive, Lena Hart and two engineers visited the mine.",
    # The word is written in lowercase too: a common noun, no short name.
    "Copper Valley Mining finished the season strongly, its owners said on Monday. Prices of copper rose.\n\n"
    "Copper's chief executive, Lena Hart, said the results were pleasing.",
])
def test_issue_12_no_short_name_possessive_for_a_list_or_a_common_word(nlp, text):
    assert not _by(nlp, text, "short_name_title")


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, country, title", [
    ("President Amara Kone hosted his Ghanaian counterpart, Kofi Boateng, at the palace on Monday.",
     "Kofi Boateng", "Ghana", "President"),
    ("Norway's fisheries minister, Ingrid Dahl, met her Icelandic counterpart, Sigrun Jonsdottir, in Bergen on Tuesday.",
     "Sigrun Jonsdottir", "Iceland", "Fisheries Minister"),
])
def test_issue_12_a_counterpart_holds_the_same_office_in_the_named_country(nlp, text, person, country, title):
    assert (person, "HOLDS_ROLE", country) in _by(nlp, text, "counterpart")
    assert (person, title, country) in titles(nlp, text)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    # The holder's office is not given: no title to carry over.
    "Mr Ellis and his Spanish counterpart Pablo Ruiz agreed to set up a forum.",
    # Two people before "his": whose counterpart, the words do not settle.
    "President Amara Kone and Tom Ellis met his Ghanaian counterpart, Kofi Boateng, at the palace on Monday.",
])
def test_issue_12_no_counterpart_without_one_holder_and_office(nlp, text):
    assert not _by(nlp, text, "counterpart")


_DELMONT_TAIL = "\n\nChief executive Gail Marsh said the autumn schedule had drifted.\n\n" \
                "Delmont Television will announce new shows in March, a month after the BBC."


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, org", [
    ("The head of Delmont Television has admitted the network relied too heavily on reality shows." + _DELMONT_TAIL,
     "Gail Marsh", "Delmont Television"),
    ("Three directors of Halvard Castings bought shares on Monday, days after a profit warning.\n\n"
     "Finance director Raj Patel bought 20,000 shares at 150p.\n\nHalvard Castings makes parts for aircraft built by Airbus.",
     "Raj Patel", "Halvard Castings"),
])
def test_issue_12_the_one_organisation_in_the_leads_subject_is_the_articles(nlp, text, person, org):
    # relations_roles._article_organisation: the lead names one organisation, as no actor but
    # inside its subject ("The head of X has admitted"), and the article names it again.
    assert (person, "HOLDS_ROLE", org) in _by(nlp, text, "article_officer")


@pytest.mark.issue(12)
def test_issue_12_an_organisation_outside_the_leads_subject_is_not_the_articles(nlp):
    text = "Investors sold shares on Monday after a warning from Delmont Television." + _DELMONT_TAIL
    assert not _by(nlp, text, "article_officer")
