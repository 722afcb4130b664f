"""Issue 12, duplicate nodes within one article: an organisation's short form the resolver left
as a second node: initials around an ampersand ("M&S" beside "Marks & Spencer") and "the Fed"
beside the Federal Reserve. Sentences written for the tests, real spaCy model."""

import pytest

from newsgraph import KnowledgeGraph


def nodes(text: str) -> dict[str, tuple[str, set[str]]]:
    doc = KnowledgeGraph.extract_text(text)
    return {e.name: (e.type, set(e.aliases)) for e in doc.entities if e.mentions}


@pytest.mark.issue(12)
def test_issue_12_initials_around_an_ampersand_are_the_long_form():
    found = nodes(
        "Harrow & Kemble said on Monday that sales at its stores fell in the autumn. "
        "H&K shares closed 3% lower in London."
    )
    assert "H&K" not in found
    assert found["Harrow & Kemble"] == ("Organization", {"H&K"})


@pytest.mark.issue(12)
def test_issue_12_ampersand_initials_of_two_firms_join_neither():
    # "B&W" could be Bellamy & Wade or Brook & Wilton: the initials cannot say which
    found = nodes(
        "Bellamy & Wade and Brook & Wilton both bid for the contract in Leeds. "
        "B&W said its offer was the lowest."
    )
    assert "Bellamy & Wade" in found and "Brook & Wilton" in found
    assert "B&W" not in found["Bellamy & Wade"][1] | found["Brook & Wilton"][1]


@pytest.mark.issue(12)
def test_issue_12_the_fed_is_the_federal_reserve():
    found = nodes(
        "The Federal Reserve left interest rates unchanged on Wednesday. "
        "Analysts said the Fed would raise them in March, when inflation figures are due."
    )
    assert "Fed" not in found
    assert found["Federal Reserve"][0] == "Organization" and "Fed" in found["Federal Reserve"][1]


@pytest.mark.issue(12)
def test_issue_12_fed_is_read_only_where_the_model_tags_it():
    # "Fed" is never searched for in the text: "Fed up", "the Fed Cup" are no central bank
    found = nodes(
        "Fed up with the delays, the dockers in Antwerp walked out on Monday. "
        "Belgium will host the Fed Cup tie against Spain in April."
    )
    assert "Federal Reserve" not in found
