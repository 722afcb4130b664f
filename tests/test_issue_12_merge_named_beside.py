"""Issue 12: the lone-surname merge across articles asks whether the surname's articles and
the full name's share a named thing in one query, however many things the surname's
articles name (a list of them as SQL parameters could pass SQLite's limit)."""

import sqlite3

import pytest

from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity
from newsgraph.graph.store import Store

# SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32 (some builds raise it; a connection
# may lower its own limit, so the test holds the store to the default).
DEFAULT_PARAMETER_LIMIT = 32_766


def doc(doc_id, entities):
    d = ExtractedDocument(id=doc_id, text_length=100, source=f"{doc_id}.txt", title=doc_id, published="2025-03-01")
    for eid, name, etype in entities:
        d.entities.append(ExtractedEntity(id=eid, name=name, type=etype, mentions=1))
        d.mentions.append(EntityMention(eid, name, 0, len(name), 0))
    return d


BLAIR = ("person:blair", "Blair", "Person")
TONY = ("person:tony-blair", "Tony Blair", "Person")
LABOUR = ("org:labour-party", "Labour Party", "Organization")


@pytest.mark.issue(12)
def test_issue_12_lone_surname_named_beside_more_entities_than_the_parameter_limit_still_merges(tmp_path):
    store = Store(tmp_path / "ng.db")
    store.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, DEFAULT_PARAMETER_LIMIT)
    store.add_documents([doc("d1", [BLAIR, LABOUR])])
    # Articles naming "Blair" beside more entities than one statement may take parameters.
    n = DEFAULT_PARAMETER_LIMIT + 1_000
    with store.conn:
        store.conn.executemany(
            "INSERT INTO entities (id, type, name, mentions, documents) VALUES (?, 'Organization', ?, 1, 1)",
            ((f"org:firm-{i}", f"Firm {i}") for i in range(n)),
        )
        store.conn.executemany(
            "INSERT INTO entity_documents VALUES (?, ?, 1)", ((f"org:firm-{i}", f"bulk-{i % 50}") for i in range(n))
        )
        store.conn.executemany("INSERT INTO entity_documents VALUES (?, ?, 1)", ((BLAIR[0], f"bulk-{k}") for k in range(50)))
    store.add_documents([doc("d2", [TONY, LABOUR])])  # the full name arrives: the story d1 shares
    assert store.entity(BLAIR[0]) is None
    assert store.entity(TONY[0])["documents"] == 52


@pytest.mark.issue(12)
def test_issue_12_lone_surname_sharing_only_a_country_with_the_full_name_stays_apart(tmp_path):
    gbr = ("country:GBR", "United Kingdom", "Country")
    store = Store(tmp_path / "ng.db")
    store.add_documents([doc("d1", [BLAIR, gbr])])
    store.add_documents([doc("d2", [TONY, gbr])])
    assert store.entity(BLAIR[0]) is not None
