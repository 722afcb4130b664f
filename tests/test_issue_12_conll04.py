"""Issue 12, CoNLL04 work: the learned relation classifier, trained on CoNLL04 sentences,
never puts a relation above the default confidence floor on its own; a monitoring
service's source line reads as a dateline."""

from __future__ import annotations

import pytest

from newsgraph.extract.confidence import Instance, instance_features, load_confidence_model
from newsgraph.extract.learned import PRIOR_CEILING
from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE, document_id
from extraction_support import relations

# CoNLL04-like phrasing the classifier is sure of (probability about 1 and 0.98).
HOOVER = "In 1874, Herbert Clark Hoover was born in West Branch, Iowa."
ELIZABETH = "Dole's wife, Elizabeth, is a native of Salisbury, N.C."


def learned(nlp, text):
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    return [r for r in doc.relations if r.method == "learned"]


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [HOOVER, ELIZABETH])
def test_learned_relations_stay_below_the_default_floor(nlp, text):
    found = learned(nlp, text)
    assert found
    assert all(0.0 < r.confidence < DEFAULT_MIN_CONFIDENCE for r in found), [(r.type, r.confidence) for r in found]


@pytest.mark.issue(12)
def test_learned_prior_is_capped(nlp, monkeypatch):
    """The classifier's probability enters the confidence model capped: without a fitted
    model a relation keeps its prior, the classifier's 1.0 for Hoover becomes the ceiling."""
    import newsgraph.extract.confidence as confidence

    monkeypatch.setattr(confidence, "load_confidence_model", lambda: None)
    assert PRIOR_CEILING < 0.95
    assert [r.confidence for r in learned(nlp, HOOVER)] == [PRIOR_CEILING]


@pytest.mark.issue(12)
def test_the_surest_learned_relation_is_not_shown_by_default():
    """The shipped confidence model on the most favourable learned instance (short path,
    the highest prior the classifier can give): the gold dev articles showed three learned
    relations above the floor before the cap, all wrong."""
    model = load_confidence_model()
    assert model is not None
    best = Instance(method="learned", type="LIVES_IN", path=2, agree=1, repeated=1)
    assert model.probability(instance_features(best), PRIOR_CEILING) < DEFAULT_MIN_CONFIDENCE


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, source, city", [
    ("LD2804174994 Moscow INTERFAX in English 1601 GMT 28 Apr 94", "Interfax", "Moscow"),
    ("PA2904034294 Guatemala City Teleonce Television in Spanish 0400 GMT 26 Apr 94", "Teleonce Television", "Guatemala City"),
    ("Excess Lira Reportedly Causes Currency Crisis NC1901223094 London Kanal-6 Television in Turkish 1700 GMT 19 Jan 94",
     "Kanal-6 Television", "London"),
])
def test_a_monitoring_source_line_is_a_dateline(nlp, text, source, city):
    """A monitoring service's source line: the source is an organisation based in the city
    (before, the model tagged nothing, or one name across city and source)."""
    found = relations(nlp, text)
    assert (source, "BASED_IN", city, "dateline") in found


@pytest.mark.issue(12)
def test_an_item_number_without_language_and_time_is_no_source_line(nlp):
    found = relations(nlp, "The report LD2804174994 was filed in Moscow by INTERFAX on Monday.")
    assert not [r for r in found if r[3] == "dateline"]


@pytest.mark.issue(12)
def test_a_paper_source_line_is_a_dateline(nlp):
    found = relations(nlp, "NC1404123794 Cairo AL-AHALI in Arabic 6 Apr 94 p 6")
    assert ("AL-AHALI", "BASED_IN", "Cairo", "dateline") in found


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, city, country", [
    ("Bosnia's capital, Sarajevo, is best known for the assassination.", "Sarajevo", "Bosnia"),
    ("Officials in Nairobi, the capital of Kenya, said the talks failed.", "Nairobi", "Kenya"),
])
def test_a_capital_lies_in_its_country(nlp, text, city, country):
    assert (city, "LOCATED_IN", country, "capital") in relations(nlp, text)


@pytest.mark.issue(12)
def test_a_figurative_capital_is_no_place(nlp):
    found = relations(nlp, "Paris, the fashion capital of the world, hosted the show.")
    assert not [r for r in found if r[3] == "capital"]
