"""Relation constructions of issue 3, each on a hand-written sentence with the real model."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from spacy.tokens import Doc, Span

from newsgraph.extract.learned import SCHEMA, load_relation_model
from newsgraph.extract.mentions import find_dateline, split_span
from newsgraph.extract.pipeline import extract_doc
from newsgraph.extract.rules import load_confidence
from newsgraph.graph.model import document_id
from newsgraph.queries.filters import DEFAULT_MIN_CONFIDENCE


def run(nlp, text):
    return extract_doc(nlp(text), nlp, document_id=document_id(text))


def triples(doc, method=None):
    return {(r.head, r.type, r.tail) for r in doc.relations if method is None or r.method == method}


@pytest.mark.issue(3)
def test_issue_3_dateline_gives_based_in_and_located_in(nlp):
    doc = run(nlp, "BANGKOK, Thailand (AP) _ Police arrested three men on Monday.")
    rels = triples(doc, "dateline")
    agency = triples(doc, "dateline_agency")  # issue 12: the agency's edge is its own method
    assert ("org:associated-press", "BASED_IN", "location:bangkok") in agency
    assert ("org:associated-press", "BASED_IN", "country:THA") in agency
    assert ("location:bangkok", "LOCATED_IN", "country:THA") in rels
    assert {e.id: e.type for e in doc.entities}["location:bangkok"] == "Location"


@pytest.mark.issue(3)
def test_issue_3_news_agency_the_model_missed_is_found(nlp):
    text = "(Text) Sofia, February 15 (BTA) -- Today the two main parties met."
    doc = run(nlp, text)
    assert ("org:bta", "BASED_IN", "location:sofia") in triples(doc)


def test_dateline_shapes(nlp):
    def parts(text):
        d = nlp(text)
        found = find_dateline(next(iter(d.sents)))
        return found and ([d[a:b].text for a, b in found.places], d[found.agency[0] : found.agency[1]].text)

    assert parts("MOSCOW (Reuters) - Russia said on Monday it would respond.") == (["MOSCOW"], "Reuters")
    assert parts("DAYTON, Ohio (AP) _ A man was killed.") == (["DAYTON", "Ohio"], "AP")
    assert parts("Smith said (in Paris) that talks went well.") is None


@pytest.mark.issue(3)
def test_issue_3_organisation_of_city_state(nlp):
    doc = run(nlp, "The rig, leased from Avis Bourg Co. of Folsom, Calif., had left the worksite.")
    rels = triples(doc, "attachment")
    assert ("org:avis-bourg-co", "BASED_IN", "location:folsom") in rels
    assert ("org:avis-bourg-co", "BASED_IN", "location:california") in rels  # "Calif." is the state (issue 12)


@pytest.mark.issue(3)
def test_issue_3_place_in_modified_place(nlp):
    doc = run(nlp, "The skeleton was discovered near Haifa in northern Israel in 1983.")
    assert ("location:haifa", "LOCATED_IN", "country:ISR") in triples(doc)


@pytest.mark.issue(3)
def test_issue_3_y_based_x(nlp):
    doc = run(nlp, "The Miami-based cruise operator Carnival said on Monday it would cut jobs.")
    assert ("org:carnival", "BASED_IN", "location:miami") in triples(doc, "based_prefix")


@pytest.mark.issue(3)
def test_issue_3_organisation_apposition_with_place(nlp):
    doc = run(nlp, "Sun Hung Kai Properties, a Hong Kong construction firm, bought the land.")
    # Hong Kong is a territory, a place (issue 12: countries.jsonl "territory")
    assert ("org:sun-hung-kai-properties", "BASED_IN", "location:hong-kong") in triples(doc, "org_apposition")


@pytest.mark.issue(3)
def test_issue_3_passive_kill_keeps_direction(nlp):
    # "fatally": "was shot by" alone does not say he died (LABELLING.md; issue 12 review 10),
    # so the passive kill is tested with a sentence that does.
    doc = run(nlp, "In 1881, President James A. Garfield was fatally shot by Charles J. Guiteau, a disappointed office-seeker.")
    assert triples(doc, "dep_passive") == {("person:charles-j-guiteau", "KILLED", "person:james-a-garfield")}


def test_relative_clause_kill(nlp):
    doc = run(nlp, "John Wilkes Booth, who assassinated President Lincoln, was an actor.")
    assert ("person:john-wilkes-booth", "KILLED", "person:lincoln") in triples(doc)
    assert ("person:lincoln", "KILLED", "person:john-wilkes-booth") not in triples(doc)


@pytest.mark.issue(3)
def test_issue_3_learned_works_for_apposition(nlp):
    doc = run(nlp, "David Pimentel, an ecologist at Cornell University, said the program worked.")
    learned = [r for r in doc.relations if r.method == "learned"]
    assert [(r.head, r.type, r.tail) for r in learned] == [("person:david-pimentel", "WORKS_FOR", "org:cornell-university")]
    # Issue 12: its confidence is the fitted probability, and the learned WORKS_FOR was mostly
    # wrong on news (gold dev), so it stays in the store below the default floor.
    assert 0.0 < learned[0].confidence < DEFAULT_MIN_CONFIDENCE


def test_learned_relation_does_not_repeat_a_rule(nlp):
    # The rule reads VISITED here; the classifier must not add a second, guessed type.
    doc = run(nlp, "US Secretary of State Marco Rubio visited El Salvador on Monday.")
    assert not [r for r in doc.relations if r.method == "learned" and r.tail == "country:SLV"]


def test_relations_keep_their_mention_offsets(nlp):
    text = "Nayib Bukele, the president of El Salvador, was criticised by the United Nations."
    doc = run(nlp, text)
    role = next(r for r in doc.relations if r.type == "HOLDS_ROLE")
    assert text[role.head_start : role.head_end] == "Nayib Bukele"
    assert text[role.tail_start : role.tail_end] == "El Salvador"
    assert role.title == "President"


@pytest.mark.issue(3)
def test_issue_3_abbreviated_places_are_names(nlp):
    doc = run(nlp, "He was born in Memphis, Tenn., and grew up in Ohio.")
    assert "Tenn." in {m.text for m in doc.mentions}
    assert ("location:memphis", "LOCATED_IN", "location:tennessee") in triples(doc, "city_state")


def _span(words, label, spaces=None):
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=words, spaces=spaces)
    return Span(doc, 0, len(words), label=label)


@pytest.mark.issue(3)
def test_issue_3_entity_spans_cut_at_spaced_dashes_and_line_breaks():
    assert [s.text for s in split_span(_span(["Lithuania", "-", "Danius", "Gleveckas"], "ORG"))] == ["Lithuania", "Danius Gleveckas"]
    assert [s.text for s in split_span(_span(["Major", "League", "\n", "Baseball"], "ORG", [True, False, False, False]))] == [
        "Major League",
        "Baseball",
    ]
    assert [s.text for s in split_span(_span(["National", "Insurance", "(", "NI"], "ORG"))] == ["National Insurance", "NI"]
    # A hyphen inside a name is not a break.
    assert [s.text for s in split_span(_span(["Chester", "-", "le", "-", "Street"], "GPE", [False] * 5))] == ["Chester-le-Street"]


@pytest.mark.issue(3)
def test_issue_3_results_figures_dropped_from_names():
    assert [s.text for s in split_span(_span(["J.", "Adams", "123"], "PERSON"))] == ["J. Adams"]
    assert [s.text for s in split_span(_span(["Kent", "108-3"], "PERSON"))] == ["Kent"]
    assert [s.text for s in split_span(_span(["1996"], "DATE"))] == ["1996"]  # a lone figure stays; labels filter it


def test_confidence_covers_every_method(nlp):
    confidence = load_confidence()
    methods = {"dep", "dep_passive", "dep_pronoun", "title", "apposition", "possessive_title", "city_state",
               "dateline", "attachment", "based_prefix", "org_apposition", "event_noun", "nationality", "cooccurrence",
               "possessive_place", "occupation", "apposition_place", "employer_of", "nationality_prefix"}
    assert methods <= set(confidence)
    assert all(0.0 < confidence[m] <= 1.0 for m in methods)
    assert confidence["cooccurrence"] < min(confidence[m] for m in methods - {"cooccurrence"})


def test_relation_model_ships_and_covers_its_schema():
    model = load_relation_model()
    assert model is not None
    assert set(model.thresholds) == set(SCHEMA) == set(model.precision)
    assert all(0.5 <= t < 1.0 for t in model.thresholds.values())
    raw = resources.files("newsgraph.extract").joinpath("data", "relation_model.json").read_text("utf-8")
    assert len(raw) < 600_000  # small enough to ship in the package
    assert json.loads(raw)["labels"][0] == "NONE"


def test_bad_attachment_rule_names_file_and_line(monkeypatch):
    from newsgraph.errors import RuleFileError
    from newsgraph.extract import rules

    lines = [(1, '{"relation": "BASED_IN", "head_types": ["Organization"], "connectors": ["of"]}'),
             (2, '{"relation": "lives_in", "head_types": ["Person"], "connectors": ["of"]}'),
             (3, '{"relation": "LIVES_IN", "head_types": ["Persn"], "connectors": ["of"]}')]
    monkeypatch.setattr(rules, "_data_lines", lambda name: iter(lines))
    rules.load_attachment_rules.cache_clear()
    try:
        with pytest.raises(RuleFileError) as err:
            rules.load_attachment_rules()
        assert "attachments.jsonl:2: 'relation'" in str(err.value)
        assert "attachments.jsonl:3: 'head_types'" in str(err.value)
    finally:
        rules.load_attachment_rules.cache_clear()


@pytest.mark.issue(3)
def test_issue_3_killing_nouns(nlp):
    doc = run(nlp, "An Army panel will consider charges of aiding Lincoln's killer, John Wilkes Booth, by setting his leg.")
    assert ("person:john-wilkes-booth", "KILLED", "person:lincoln") in triples(doc, "event_noun")
    doc = run(nlp, "James Earl Ray, who is serving a 99-year sentence for the assassination of the Rev. Martin Luther King, lost an appeal today.")
    assert ("person:james-earl-ray", "KILLED", "person:martin-luther-king") in triples(doc, "event_noun")


@pytest.mark.issue(3)
def test_issue_3_gerund_takes_the_clause_subject(nlp):
    doc = run(nlp, "James Earl Ray is serving 99 years for assassinating King in Memphis.")
    assert ("person:james-earl-ray", "KILLED", "person:king") in triples(doc, "dep")


@pytest.mark.issue(3)
def test_issue_3_victim_mistyped_by_the_model_is_a_person(nlp):
    # "shot ... dead": "Booth shot Lincoln" alone does not say Lincoln died, so it is no KILLED
    # (LABELLING.md; issue 12 review 10); the victim is a person either way.
    text = "But John Wilkes Booth shot Lincoln dead during the third act."
    assert {e.label_ for e in nlp(text).ents if e.text == "Lincoln"} != {"PERSON"}  # the model's mistake
    doc = run(nlp, text)
    assert ("person:john-wilkes-booth", "KILLED", "person:lincoln") in triples(doc)
    doc = run(nlp, "But John Wilkes Booth shot Lincoln during the third act.")
    assert "person:lincoln" in {e.id for e in doc.entities}
    assert not any(t == "KILLED" for _, t, _ in triples(doc))
