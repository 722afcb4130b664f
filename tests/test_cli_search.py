"""`newsgraph search` and the resolver every read command shares (issue 15)."""

import json

import pytest
from typer.testing import CliRunner

from newsgraph import KnowledgeGraph
from newsgraph.cli import app
from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity, ExtractedRelation
from newsgraph.graph.search import SearchHit

runner = CliRunner()
pytestmark = pytest.mark.issue(15)


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def search_ids(db, *args):
    result = invoke("search", *args, "--db", db, "--json")
    assert result.exit_code == 0, result.stderr
    return [h["id"] for h in json.loads(result.stdout)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("rubio", "person:marco-rubio"),          # a surname
        ("RUBIO", "person:marco-rubio"),          # case
        ("Rubbio", "person:marco-rubio"),         # a typo
        ("Marko Rubio", "person:marco-rubio"),    # another
        ("m rubio", "person:marco-rubio"),        # initials
        ("M. Rubio", "person:marco-rubio"),
        ("Bukelé", "person:nayib-bukele"),        # an accent the name does not have
        ("el salv", "country:SLV"),               # a prefix
        ("the U.S.", "country:USA"),
    ],
)
def test_search_finds_the_entity_first(examples_db, text, expected):
    assert search_ids(examples_db, text)[0] == expected


def test_search_ranks_by_score_then_mentions(examples_db):
    result = invoke("search", "salvador", "--db", examples_db, "--json")
    hits = json.loads(result.stdout)
    assert {"id", "name", "type", "score", "mentions", "documents", "matched"} == set(hits[0])
    keys = [(-h["score"], -h["mentions"]) for h in hits]
    assert keys == sorted(keys)
    assert {"country:SLV", "location:san-salvador"} <= {h["id"] for h in hits}


def test_search_type_filter_and_unknown_type(examples_db):
    ids = search_ids(examples_db, "salvador", "--type", "location")
    assert ids and all(i.startswith("location:") for i in ids)
    result = invoke("search", "salvador", "--type", "Planet", "--db", examples_db)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("Error: [NG104] Unknown entity type 'Planet' for --entity-type")


def test_search_nothing_found_and_table(examples_db):
    assert search_ids(examples_db, "zzqxj") == []
    result = invoke("search", "rubio", "--db", examples_db)
    assert result.exit_code == 0
    assert "Marco Rubio" in result.stdout and "person:marco-rubio" in result.stdout


def test_facade_search_returns_typed_hits(examples_db):
    with KnowledgeGraph.open(examples_db) as kg:
        hits = kg.search("bukele", limit=3)
    assert hits and isinstance(hits[0], SearchHit)
    assert hits[0].id == "person:nayib-bukele" and hits[0].score == 100.0 and hits[0].mentions > 0
    assert len(hits) <= 3


def _two_smiths(db):
    doc = ExtractedDocument(id="d1", text_length=10, source="x")
    for eid, name, n in [("person:john-smith", "John Smith", 3), ("person:jane-smith", "Jane Smith", 1)]:
        doc.entities.append(ExtractedEntity(id=eid, name=name, type="Person", mentions=n))
        doc.mentions += [EntityMention(eid, name, i, i + 5, 0) for i in range(n)]
    doc.relations.append(ExtractedRelation(head="person:john-smith", tail="person:jane-smith", type="MET_WITH",
                                           method="dep", confidence=0.8, sentence="John Smith met Jane Smith.",
                                           start=0, end=26))
    with KnowledgeGraph.open(db) as kg:
        kg.store.add_documents([doc])


def test_index_filled_for_a_store_made_before_it(tmp_path):
    db = tmp_path / "old.db"
    _two_smiths(db)
    import sqlite3

    conn = sqlite3.connect(db)
    # a store of schema version 1, before migration 002 added the index
    conn.executescript("DROP TRIGGER aliases_search_ai; DROP TABLE search_norms; PRAGMA user_version = 1;")
    conn.close()
    assert search_ids(db, "jane smyth")[0] == "person:jane-smith"


@pytest.mark.parametrize("command", [["entity"], ["connections"], ["show", "-o", "x.html", "--no-open"], ["path", "Jane Smith"]])
def test_ambiguous_name_lists_candidates_and_exits_2(tmp_path, command):
    db = tmp_path / "ng.db"
    _two_smiths(db)
    args = [command[0], "Smith", *command[1:], "--db", db]
    result = invoke(*args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: [NG202] 'Smith' is ambiguous: John Smith (Person, person:john-smith, 3 mentions); "
                               "Jane Smith (Person, person:jane-smith, 1 mentions)")


def test_unknown_name_offers_search_hits_with_ids(examples_db):
    result = invoke("connections", "Bukelle", "--db", examples_db)
    assert result.exit_code == 1
    assert "Nayib Bukele (person:nayib-bukele)" in result.stderr


def _search_reading_everything(conn, text, entity_type, limit):
    """The oracle: search as it was before it stopped early, every alias of every candidate
    norm and every entity row read, then sorted (tests/test_cli_search.py only)."""
    from newsgraph.graph import search as S

    query = S.normalise_name(text)
    best = {}
    exact = conn.execute("SELECT id FROM entities WHERE id = ? AND mentions > 0", (text.strip(),)).fetchone()
    if exact:
        best[exact[0]] = (S.EXACT, text.strip())
    forms = [query, query[4:]] if query.startswith("the ") and len(query) > 4 else [query]
    want = limit * (5 if entity_type else 2)
    norms = set().union(*(S._candidate_norms(conn, f, want) for f in forms))
    scores = {n: max(S.score(f, n) for f in forms) for n in norms}
    keep = {n for n in norms if scores[n] >= S.MIN_SCORE}
    for eid, alias, norm, kind in conn.execute("SELECT entity_id, alias, norm, kind FROM aliases ORDER BY norm, rowid"):
        if norm in keep:
            s = round(scores[norm], 1)
            if eid not in best or s > best[eid][0] or (s == best[eid][0] and kind == "name"):
                best[eid] = (s, alias)
    hits = []
    for eid, name, etype, mentions, documents in conn.execute(
        "SELECT id, name, type, mentions, documents FROM entities WHERE mentions > 0"  # bylines only: not named, not found
    ):
        if eid in best and (not entity_type or etype == entity_type):
            hits.append(SearchHit(id=eid, name=name, type=etype, score=best[eid][0], mentions=mentions,
                                  documents=documents, matched=best[eid][1]))
    hits.sort(key=lambda h: (-h.score, -h.mentions, h.name, h.id))
    return hits[:limit]


@pytest.mark.issue(17)
def test_search_reads_the_best_scores_first_and_stops_with_the_same_hits(tmp_path):
    """search ranks one score at a time in SQLite and stops once it has ``limit`` hits (a
    surname shared by thousands of people made it read them all in Python): the same hits,
    matches and order as reading everything, ties on score and mentions included."""
    import random

    rng = random.Random(3)
    first = ["Anna", "Anne", "Ann", "Hanna", "Joan", "Johan", "Jon", "John", "Joanne", "Jan"]
    last = ["Smith", "Smyth", "Smithe", "Schmidt", "Smits", "Smid"]
    types = ["Person", "Organization"]
    entities, n = [], 0
    # Every first name with every surname, twice over under other ids: many norms score
    # the same (ties across a batch's end) and each norm is several entities.
    for surname in last:
        for given in first:
            for copy in range(3):
                label = f"{given} {surname}" + (f" {'I' * copy}" if copy else "")
                entities.append(ExtractedEntity(id=f"e:{n}", name=label, type=types[n % 5 == 0], aliases={surname},
                                                mentions=rng.randint(1, 9)))
                n += 1
    doc = ExtractedDocument(id="d1", text_length=10, source="x")
    doc.entities = entities
    # Mentions (the tie-break after the score) in no relation to the names' order.
    doc.mentions = [EntityMention(e.id, e.name, 10 * i + k, 10 * i + k + 1, 0)
                    for i, e in enumerate(entities) for k in range(e.mentions)]
    db = tmp_path / "smiths.db"
    with KnowledgeGraph.open(db) as kg:
        kg.store.add_documents([doc])
    queries = ["smith", "smyth", "Smithh", "j smith", "anna sm", "joan", "an", "e:7", "schmit", "ann smits"]
    with KnowledgeGraph.open(db, readonly=True) as kg:
        for q in queries:
            for etype in (None, "Person", "Organization"):
                for limit in (1, 5, 20, 200):
                    expected = _search_reading_everything(kg.store.conn, q, etype, limit)
                    assert kg.search(q, etype, limit) == expected, (q, etype, limit)
                    assert len(expected) == limit or q == "e:7" or etype == "Organization" or limit == 200, (q, etype, limit)
