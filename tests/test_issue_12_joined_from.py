""""Joined the <institution> from X": X is the employer the person left (issue 12, recall of
WORKS_FOR; relations_verbs ``_joined_employer``). The verb's object is the new employer: a
company noun, an institution named by its kind ("the hospital", "the university", "the
airport"), or a name the model tagged nothing ("joined Calder from Persimmon"); not company
of another kind ("joined two friends from a school"). Sentences written for the tests; real
spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import ruled


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, employer", [
    ("Moira Tennant runs the ward. Tennant joined the hospital from Lothian Health Partners in 2021.",
     "Moira Tennant", "Lothian Health Partners"),
    ("Pavel Hrubý, who joined the university from King's College London in 2019, led the study.",
     "Pavel Hrubý", "King's College London"),
    ("Janet Moore runs Leeds Bradford Airport. Moore joined the airport from Heathrow Airport Holdings in 2020.",
     "Janet Moore", "Heathrow Airport Holdings"),
])
def test_issue_12_joined_an_institution_from_an_employer(nlp, text, person, employer):
    assert (person, "WORKS_FOR", employer) in ruled(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_joined_people_from_a_place_is_no_employment(nlp):
    text = "Moira Tennant joined two friends from Leith Academy at the rally."
    assert not any(r[1] == "WORKS_FOR" for r in ruled(nlp, text))


@pytest.mark.issue(12)
def test_issue_12_joined_a_name_the_model_left_untagged(nlp):
    # The verb's object is a name no mention covers (the model tags the short form of a firm
    # as a product, which is dropped): it is the new employer, so the "from" is the old one.
    from newsgraph.extract.relation_base import EntityIndex
    from newsgraph.extract.relations_verbs import _joined_employer

    doc = nlp("Kerr joined Norcastle from Persimmon in 2021.")
    verb = next(t for t in doc if t.lemma_ == "join")
    assert _joined_employer(verb, EntityIndex.build([]))
    doc = nlp("Kerr joined the Norcastle family from Persimmon in 2021.")
    verb = next(t for t in doc if t.lemma_ == "join")
    assert not _joined_employer(verb, EntityIndex.build([]))
