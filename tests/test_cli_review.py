"""`newsgraph review` (issue 15): weak edges on hubs, conflicting types, shared names."""

import json

import pytest
from typer.testing import CliRunner

from floor_support import FLOOR_ARGS
from newsgraph import KnowledgeGraph
from newsgraph.cli import app
from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity, ExtractedRelation

runner = CliRunner()
pytestmark = pytest.mark.issue(15)


def _doc(doc_id, entities, relations):
    d = ExtractedDocument(id=doc_id, text_length=100, source=f"{doc_id}.txt", published="2025-01-01")
    for eid, name, etype in entities:
        d.entities.append(ExtractedEntity(id=eid, name=name, type=etype, mentions=1))
        d.mentions.append(EntityMention(eid, name, 0, len(name), 0))
    for i, (head, rtype, tail, conf) in enumerate(relations):
        d.relations.append(ExtractedRelation(head=head, tail=tail, type=rtype, method="dep", confidence=conf,
                                             sentence=f"{head} {rtype} {tail}.", start=10 * i, end=10 * i + 5))
    return d


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "review.db"
    hub = ("person:hub", "Hub Person", "Person")
    others = [(f"org:o{i}", f"Org {i}", "Organization") for i in range(5)]
    chelsea_club = ("org:chelsea", "Chelsea", "Organization")
    chelsea_place = ("location:chelsea", "Chelsea", "Location")
    rels = [(hub[0], "MET_WITH", o[0], 0.9) for o in others[:4]]
    rels.append((hub[0], "CRITICISED", others[4][0], 0.3))  # weak, on the hub
    rels.append((others[4][0], "PRAISED", hub[0], 0.8))      # the same pair, another type
    with KnowledgeGraph.open(path) as kg:
        kg.ingest_extracted([_doc("d1", [hub, *others, chelsea_club, chelsea_place], rels)])
    return path


def test_review_lists_each_kind_with_evidence_and_commands(db):
    result = runner.invoke(app, ["review", "--db", str(db), "--json", "--min-confidence", "0"])
    assert result.exit_code == 0, result.stderr
    items = json.loads(result.stdout)
    kinds = [i["kind"] for i in items]
    assert kinds[0] == "weak-hub-edge" and {"conflicting-types", "shared-name"} <= set(kinds)
    weak = items[0]["relations"][0]
    assert weak["type"] == "CRITICISED" and weak["confidence"] == 0.3 and weak["evidence"][0]["sentence"]
    assert items[0]["suggest"] == [f"newsgraph confirm {weak['id']}", f"newsgraph reject {weak['id']}"]
    conflict = [i for i in items if i["kind"] == "conflicting-types"][0]
    assert {r["type"] for r in conflict["relations"]} == {"CRITICISED", "PRAISED"}
    shared = [i for i in items if i["kind"] == "shared-name"][0]
    assert {e["id"] for e in shared["entities"]} == {"org:chelsea", "location:chelsea"}
    assert shared["suggest"][0].startswith("newsgraph merge ")


def test_review_limit_confirmed_edges_leave_and_text_output(db):
    items = json.loads(runner.invoke(app, ["review", "--db", str(db), "--json", "--limit", "1", "--min-confidence", "0"]).stdout)
    assert [i["kind"] for i in items] == ["weak-hub-edge", "conflicting-types", "shared-name"]
    weak_id = items[0]["relations"][0]["id"]
    assert runner.invoke(app, ["confirm", str(weak_id), "--db", str(db)]).exit_code == 0
    items = json.loads(runner.invoke(app, ["review", "--db", str(db), "--json", *FLOOR_ARGS]).stdout)
    assert weak_id not in {r["id"] for i in items if i["kind"] == "weak-hub-edge" for r in i["relations"]}
    text = runner.invoke(app, ["review", "--db", str(db), *FLOOR_ARGS]).stdout  # the view the test is written on
    assert "[conflicting-types] " in text and "-> newsgraph reject" in text


def test_review_leaves_out_relations_below_the_floor(db):
    items = json.loads(runner.invoke(app, ["review", "--db", str(db), "--json", "--min-confidence", "0.5"]).stdout)
    assert all(r["confidence"] >= 0.5 for i in items for r in i["relations"])
    assert "conflicting-types" not in {i["kind"] for i in items}  # CRITICISED (0.3) is below it
