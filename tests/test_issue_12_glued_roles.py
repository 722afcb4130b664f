"""A common noun the model glues to the person named after it (issue 12, entity precision):
"Model Sophie Anderton", "Comptroller Alan Hevesi" opening a sentence. The name is the person
without the role or occupation word. Sentences written for the tests; real spaCy model."""

import pytest

from extraction_support import nodes


@pytest.mark.issue(12)
def test_issue_12_occupation_noun_opening_a_sentence_is_not_the_name():
    found = nodes("Model Kirsty Hallam was voted off the programme on Sunday night.")
    assert found.get("Kirsty Hallam") == {"Person"}
    assert "Model Kirsty Hallam" not in found


@pytest.mark.issue(12)
def test_issue_12_office_noun_opening_a_sentence_is_not_the_name():
    found = nodes("Comptroller Derek Halvorsen said the pension fund would sue the bank.")
    assert found.get("Derek Halvorsen") == {"Person"}
    assert "Comptroller Derek Halvorsen" not in found


@pytest.mark.issue(12)
def test_issue_12_two_word_name_keeps_a_first_name_that_is_a_noun():
    # A singular noun goes only when two words of name stay: "Hunter" may be a given name.
    found = nodes("Hunter Blackwood wrote the report for the council.")
    assert found.get("Hunter Blackwood") == {"Person"}
