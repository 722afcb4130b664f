"""The SQLite store on hand-made extracted documents: merging, weights, idempotence."""

import sqlite3

from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity, ExtractedRelation
from newsgraph.graph.store import Store


def doc(doc_id, entities, relations, published="2025-03-01"):
    d = ExtractedDocument(id=doc_id, text_length=100, source=f"{doc_id}.txt", title=doc_id, published=published)
    for eid, name, etype in entities:
        d.entities.append(ExtractedEntity(id=eid, name=name, type=etype, mentions=1))
        d.mentions.append(EntityMention(eid, name, 0, len(name), 0))
    for head, rtype, tail, sentence in relations:
        d.relations.append(ExtractedRelation(head, tail, rtype, "dep", 0.6, sentence, 0, len(sentence), predicate="visit"))
    return d


RUBIO = ("person:marco-rubio", "Marco Rubio", "Person")
SLV = ("country:SLV", "El Salvador", "Country")


def test_same_relation_in_two_documents_is_one_edge_with_weight_two(tmp_path):
    store = Store(tmp_path / "ng.db")
    store.add_documents([doc("d1", [RUBIO, SLV], [(RUBIO[0], "VISITED", SLV[0], "Rubio visited El Salvador.")])])
    store.add_documents([doc("d2", [RUBIO, SLV], [(RUBIO[0], "VISITED", SLV[0], "Rubio was in El Salvador again.")])])
    [conn] = [c for c in store.connections(RUBIO[0]) if c["relation"] == "VISITED"]
    assert conn["weight"] == 2 and conn["direction"] == "out"
    assert {e["document"] for e in conn["evidence"]} == {"d1", "d2"}
    assert store.entity(RUBIO[0])["documents"] == 2
    assert store.stats()["relations"] == 1


def test_adding_the_same_document_twice_changes_nothing(tmp_path):
    store = Store(tmp_path / "ng.db")
    d = doc("d1", [RUBIO, SLV], [(RUBIO[0], "VISITED", SLV[0], "Rubio visited El Salvador.")])
    first = store.add_documents([d])
    before = store.stats()
    second = store.add_documents([d])
    assert (first.new_documents, second.new_documents, second.present_documents) == (1, 0, 1)
    assert store.stats() == before


BUKELE = ("person:nayib-bukele", "Nayib Bukele", "Person")


def test_lone_surname_in_a_later_article_joins_the_stored_person(tmp_path):
    # (the two articles share Nayib Bukele: a lone surname joins only a person whose story it shares)
    store = Store(tmp_path / "ng.db")
    store.add_documents([doc("d1", [RUBIO, BUKELE], [])])
    store.add_documents([doc("d2", [("person:rubio", "Rubio", "Person"), SLV, BUKELE], [("person:rubio", "VISITED", SLV[0], "Rubio visited.")])])
    assert store.entity("person:rubio") is None
    assert store.entity(RUBIO[0])["mentions"] == 2
    assert [c["entity"]["id"] for c in store.connections(RUBIO[0])] == [SLV[0]]


def test_lookup_by_name_alias_and_surname(tmp_path):
    store = Store(tmp_path / "ng.db")
    d = doc("d1", [RUBIO], [])
    d.entities[0].aliases = {"Rubio"}
    store.add_documents([d])
    assert store.candidates("marco rubio") == [(RUBIO[0], "name")]
    assert store.candidates("RUBIO")[0][0] == RUBIO[0]
    assert store.candidates("person:marco-rubio") == [(RUBIO[0], "id")]
    assert store.candidates("Atlantis") == []


def test_wal_mode_and_indexes(tmp_path):
    Store(tmp_path / "ng.db").close()
    conn = sqlite3.connect(tmp_path / "ng.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"aliases_norm", "relations_tail"} <= indexes


def test_failed_batch_leaves_nothing_behind(tmp_path):
    store = Store(tmp_path / "ng.db")
    good = doc("d1", [RUBIO], [])
    bad = doc("d2", [SLV], [])
    bad.mentions.append("not a mention")  # type: ignore[arg-type]
    try:
        store.add_documents([good, bad])
    except Exception:
        pass
    assert store.stats()["documents"] == 0  # the batch is one transaction


def test_lone_surname_stored_first_joins_the_full_name_when_it_arrives(tmp_path):
    """Articles that only say "Mr Blair" came before the one naming Tony Blair: one node."""
    store = Store(tmp_path / "ng.db")
    blair = ("person:blair", "Blair", "Person")
    gbr = ("country:GBR", "United Kingdom", "Country")
    labour = ("org:labour-party", "Labour Party", "Organization")  # the story d1 and d3 share
    store.add_documents([doc("d1", [blair, gbr, labour], [(blair[0], "VISITED", gbr[0], "Mr Blair visited Britain.")])])
    store.add_documents([doc("d2", [blair, SLV], [(blair[0], "VISITED", SLV[0], "Blair toured El Salvador.")])])
    tony = ("person:tony-blair", "Tony Blair", "Person")
    store.add_documents([doc("d3", [tony, gbr, labour], [(tony[0], "VISITED", gbr[0], "Tony Blair flew to Britain.")])])
    assert store.entity("person:blair") is None
    merged = store.entity(tony[0])
    assert merged["mentions"] == 3 and merged["documents"] == 3
    assert "Blair" in merged["aliases"]
    visits = {c["entity"]["id"]: c["weight"] for c in store.connections(tony[0]) if c["relation"] == "VISITED"}
    assert visits == {"country:GBR": 2, "country:SLV": 1}
    assert store.candidates("Blair")[0][0] == tony[0]
    left = store.conn.execute(
        "SELECT count(*) FROM mentions WHERE entity_id='person:blair' UNION ALL "
        "SELECT count(*) FROM relations WHERE head='person:blair' OR tail='person:blair' UNION ALL "
        "SELECT count(*) FROM entity_documents WHERE entity_id='person:blair'"
    ).fetchall()
    assert [tuple(r) for r in left] == [(0,), (0,), (0,)]
    assert store.stats()["relations"] == 2
    # Recorded, so that a Neo4j push removes the node it wrote for "Blair" before.
    assert [tuple(r) for r in store.conn.execute("SELECT id, into_id FROM merged_entities")] == [("person:blair", tony[0])]


def test_lone_surname_shared_by_two_full_names_stays_apart(tmp_path):
    store = Store(tmp_path / "ng.db")
    store.add_documents([doc("d1", [("person:smith", "Smith", "Person")], [])])
    store.add_documents([doc("d2", [("person:john-smith", "John Smith", "Person"), ("person:jane-smith", "Jane Smith", "Person")], [])])
    assert store.entity("person:smith") is not None


import pytest  # noqa: E402


@pytest.mark.issue(12)
def test_issue_12_a_lone_name_shared_with_a_company_joins_no_one(tmp_path):
    """Roy Disney is the one person stored with the surname Disney, but a company is stored
    as Disney too: a lone "Disney" in another article stays apart (it may be the company)."""
    store = Store(tmp_path / "ng.db")
    store.add_documents([doc("d1", [("person:roy-disney", "Roy Disney", "Person"), ("org:disney", "Disney", "Organization")], [])])
    store.add_documents([doc("d2", [("person:disney", "Disney", "Person")], [])])
    assert store.entity("person:disney") is not None
    assert store.entity("person:roy-disney")["mentions"] == 1


def test_hong_kong_name_is_stored_under_its_surname(tmp_path):
    # "Paul Chan Mo-po": the surname is "Chan", not the hyphenated given name after it, in the
    # store's surname alias as in resolution within an article (graph.model.surname).
    store = Store(tmp_path / "ng.db")
    chan = ("person:paul-chan-mo-po", "Paul Chan Mo-po", "Person")
    hk = ("location:hong-kong", "Hong Kong", "Location")  # the story both articles share
    store.add_documents([doc("d1", [chan, hk], [])])
    store.add_documents([doc("d2", [("person:chan", "Chan", "Person"), SLV, hk], [("person:chan", "VISITED", SLV[0], "Chan visited.")])])
    assert store.entity("person:chan") is None
    assert store.entity(chan[0])["mentions"] == 2
    assert store.candidates("mo po") == []
