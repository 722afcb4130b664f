"""Verb relations missed on dev because one end, a name the article had already tagged, was
no mention in the sentence that states the relation (issue 12, session 15, recall of verb
relations: of the dev misses with both names written in the evidence sentence, several had
one of them untagged there):

- a surname the small model tags a nationality ("Dwyer praised Hollis", Hollis NORP): no
  nationality, so it named no one, and its token was closed to the search for known
  surnames (``mentions.find_missed_mentions``);
- a one-word form the article wrote for a person elsewhere that is not the surname ("Lula"
  of "Luiz Inácio Lula da Silva"), and a one-word organisation the model tagged elsewhere
  but not in this sentence ("Loganair signed a marketing agreement with ...")
  (``resolve.missed_name_labels``).

Written sentences, the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import entity_types, model_label, relations, typed


@pytest.mark.issue(12)
def test_issue_12_a_surname_tagged_a_nationality_is_the_person(nlp):
    text = "Team boss Mark Dwyer signed driver Kieran Hollis in May. Dwyer praised Hollis for his calm."
    assert model_label(nlp, text, "Hollis") == "NORP"  # the premise: the model's tag there
    assert ("Mark Dwyer", "PRAISED", "Kieran Hollis") in typed(relations(nlp, text))


@pytest.mark.issue(12)
def test_issue_12_a_one_word_form_of_a_person_written_again(nlp):
    text = ("President Luiz Inácio Lula da Silva, known as Lula, arrived in Lima on Monday. "
            "Lula met President Dina Boluarte at the palace.")
    assert ("Luiz Inácio Lula da Silva", "MET_WITH", "Dina Boluarte") in typed(relations(nlp, text))


@pytest.mark.issue(12)
def test_issue_12_a_one_word_organisation_written_again(nlp):
    text = ("The airline Loganair will fly to Bergen. Staff at Loganair were told on Monday. "
            "Loganair signed a marketing agreement with SAS in 2024.")
    assert ("Loganair", "SIGNED_WITH", "SAS") in typed(relations(nlp, text))


@pytest.mark.issue(12)
def test_issue_12_a_real_nationality_stays_a_people(nlp):
    text = "Team boss Mark Dwyer met Hungarian officials in May. Dwyer praised Hungarian fans for their noise."
    types = entity_types(nlp, text)
    assert types.get("Mark Dwyer") == "Person"
    assert "Hungarian" not in {name for name, kind in types.items() if kind == "Person"}
