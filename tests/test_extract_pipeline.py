"""Extraction with the real spaCy model on hand-written sentences."""

from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import document_id


def run(nlp, text):
    return extract_doc(nlp(text), nlp, document_id=document_id(text))


def relations(doc, kind=None):
    return {(r.head, r.type, r.tail) for r in doc.relations if kind is None or r.type == kind}


def test_visit_and_title(nlp):
    doc = run(nlp, "US Secretary of State Marco Rubio visited El Salvador on Monday.")
    assert ("person:marco-rubio", "VISITED", "country:SLV") in relations(doc)
    role = [r for r in doc.relations if r.type == "HOLDS_ROLE"]
    assert [(r.head, r.tail, r.title) for r in role] == [("person:marco-rubio", "country:USA", "Secretary of State")]
    assert "org:state" not in {e.id for e in doc.entities}  # "State" is part of the title
    assert role[0].sentence == "US Secretary of State Marco Rubio visited El Salvador on Monday."


def test_progressive_visit(nlp):
    doc = run(nlp, "Marco Rubio was visiting El Salvador this week.")
    assert ("person:marco-rubio", "VISITED", "country:SLV") in relations(doc)


def test_possessive_title_and_surname(nlp):
    doc = run(nlp, "El Salvador's President Nayib Bukele welcomed the delegation. Bukele said the talks went well.")
    ids = {e.id for e in doc.entities}
    assert "person:nayib-bukele" in ids and "person:bukele" not in ids
    bukele = next(e for e in doc.entities if e.id == "person:nayib-bukele")
    assert bukele.mentions == 2
    assert ("person:nayib-bukele", "HOLDS_ROLE", "country:SLV") in relations(doc)


def test_apposition_and_passive(nlp):
    doc = run(nlp, "Nayib Bukele, the president of El Salvador, was criticised by the United Nations.")
    rels = relations(doc)
    assert ("person:nayib-bukele", "HOLDS_ROLE", "country:SLV") in rels
    assert ("org:united-nations", "CRITICIZED", "person:nayib-bukele") in rels


def test_evidence_offsets_point_at_the_sentence(nlp):
    text = "Marco Rubio landed on Sunday. Rubio later travelled to Panama with aides."
    doc = run(nlp, text)
    visits = [r for r in doc.relations if r.type == "VISITED"]
    assert visits and text[visits[0].start : visits[0].end] == visits[0].sentence
    assert visits[0].sentence.startswith("Rubio later travelled")


def test_cooccurrence_is_its_own_weaker_type(nlp):
    doc = run(nlp, "Claudia Sheinbaum and Mark Carney discussed tariffs in Ottawa.")
    co = [r for r in doc.relations if r.type == "CO_OCCURS_WITH"]
    assert co and all(r.confidence < 0.5 for r in co)
    assert all(r.head < r.tail for r in co)
