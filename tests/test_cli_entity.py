"""`newsgraph entity`, `entities`, `stats` on the bundled examples."""

import json

from typer.testing import CliRunner

from newsgraph import KnowledgeGraph
from floor_support import FLOOR_ARGS
from newsgraph.cli import app

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_entity_by_surname_any_case(examples_db):
    result = invoke("entity", "rubio", "--db", examples_db, "--json", *FLOOR_ARGS)  # the 0.5 view holds VISITED
    assert result.exit_code == 0, result.stderr
    card = json.loads(result.stdout)
    assert card["id"] == "person:marco-rubio"
    assert card["name"] == "Marco Rubio" and card["type"] == "Person"
    assert "Rubio" in card["aliases"]
    assert card["mentions"] > 5 and card["documents"] >= 4
    visited = {c["entity"]["name"] for c in card["connections"] if c["relation"] == "VISITED" and c["direction"] == "out"}
    assert "El Salvador" in visited
    role = [c for c in card["connections"] if c["relation"] == "HOLDS_ROLE"]
    assert role and role[0]["entity"]["id"] == "country:USA" and role[0]["title"] == "Secretary of State"
    for c in card["connections"]:
        assert c["evidence"] and all(e["sentence"] and e["document"] for e in c["evidence"])
        assert c["direction"] in {"out", "in", "both"}
        assert set(c["entity"]) == {"id", "name", "type"}


def test_entity_by_alias(examples_db):
    result = invoke("entity", "the U.S.", "--db", examples_db, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "country:USA"


def test_entity_table_output(examples_db):
    result = invoke("entity", "Bukele", "--db", examples_db, *FLOOR_ARGS)  # the 0.5 view
    assert result.exit_code == 0
    assert result.stdout.startswith("Nayib Bukele  [Person]  id=person:nayib-bukele")
    assert "\nHOLDS_ROLE (" in result.stdout
    assert "  -> El Salvador [Country]" in result.stdout


def test_unknown_entity_is_one_line_on_stderr(examples_db):
    result = invoke("entity", "Atlantis", "--db", examples_db)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: [NG201] No entity matches 'Atlantis'. Closest: ")


def test_misspelt_entity_suggests_close_matches(examples_db):
    result = invoke("entity", "Bukelle", "--db", examples_db)
    assert result.exit_code == 1
    assert "Nayib Bukele" in result.stderr


def test_ambiguous_name(tmp_path):
    from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity

    db = tmp_path / "ng.db"
    doc = ExtractedDocument(id="d1", text_length=10, source="x")
    for eid, name in [("person:john-smith", "John Smith"), ("person:jane-smith", "Jane Smith")]:
        doc.entities.append(ExtractedEntity(id=eid, name=name, type="Person", mentions=1))
        doc.mentions.append(EntityMention(eid, name, 0, 5, 0))
    with KnowledgeGraph.open(db) as kg:
        kg.store.add_documents([doc])
    result = invoke("entity", "Smith", "--db", db)
    assert result.exit_code == 2  # issue 15: an ambiguous name is a usage error, exit 2
    assert result.stderr.startswith("Error: [NG202] 'Smith' is ambiguous: ")
    assert "Jane Smith" in result.stderr and "John Smith" in result.stderr


def test_entities_json_most_mentioned_first(examples_db):
    result = invoke("entities", "--db", examples_db, "--json", "--limit", "5")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 5
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    assert {"id", "name", "type", "aliases", "mentions"} <= set(rows[0])


def test_entities_type_filter(examples_db):
    result = invoke("entities", "--db", examples_db, "--json", "--type", "Country")
    rows = json.loads(result.stdout)
    assert rows and all(r["type"] == "Country" for r in rows)
    assert {"United States", "El Salvador", "Mexico"} <= {r["name"] for r in rows}


def test_stats_json(examples_db):
    result = invoke("stats", "--db", examples_db, "--json")
    data = json.loads(result.stdout)
    assert data["documents"] == 8
    assert data["entities"] == sum(data["entities_by_type"].values())
    assert data["relations"] == sum(data["relations_by_type"].values())
    assert {"VISITED", "HOLDS_ROLE", "CO_OCCURS_WITH"} <= set(data["relations_by_type"])


def test_extract_prints_without_storing(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Rubio in Panama\n\nMarco Rubio travelled to Panama on Saturday.\n")
    result = invoke("extract", text, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Rubio in Panama"
    assert ("person:marco-rubio", "VISITED", "country:PAN") in {(r["head"], r["type"], r["tail"]) for r in data["relations"]}
    assert not list(tmp_path.glob("*.db"))
