"""Across articles an ambiguous surname joins no one (issue 12): a lone surname joins the one
stored person of that surname only when an article naming that person in full also names a
person, organisation or place of the surname's article. Countries and nationalities do not
count: unrelated stories share them. Articles written for the tests; real spaCy model, real
SQLite store."""

import pytest

from newsgraph import KnowledgeGraph

COUNCILLOR = ("Jan Whitcombe, a Labour councillor in Leeds, said on Monday that the new bus lanes "
              "would be scrapped after complaints from traders.")
RUGBY = ("The Wasps flanker Whitcombe scored twice on Saturday as his side beat Leicester Tigers "
         "31-17 at Adams Park.")
COUNCIL_AGAIN = ("Mr Whitcombe told a council meeting in Leeds that the traders had been ignored for too "
                 "long and that the bus lanes would go by spring.")


def _people(kg: KnowledgeGraph) -> dict[str, int]:
    return {r["name"]: r["documents"] for r in kg.store.conn.execute(
        "SELECT name, documents FROM entities WHERE type = 'Person'")}


def _ingest(kg: KnowledgeGraph, tmp_path, name: str, text: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, "utf-8")
    kg.ingest([str(path)], workers=1)


@pytest.mark.issue(12)
def test_issue_12_a_lone_surname_from_an_unrelated_story_joins_no_one(tmp_path):
    with KnowledgeGraph.open(tmp_path / "g.db") as kg:
        _ingest(kg, tmp_path, "councillor", COUNCILLOR)
        _ingest(kg, tmp_path, "rugby", RUGBY)
        people = _people(kg)
    assert people.get("Jan Whitcombe") == 1
    assert people.get("Whitcombe") == 1  # the rugby player: nothing ties him to the councillor


@pytest.mark.issue(12)
def test_issue_12_a_lone_surname_joins_the_person_whose_story_it_shares(tmp_path):
    with KnowledgeGraph.open(tmp_path / "g.db") as kg:
        _ingest(kg, tmp_path, "councillor", COUNCILLOR)
        _ingest(kg, tmp_path, "council", COUNCIL_AGAIN)  # Leeds in both
        people = _people(kg)
    assert people.get("Jan Whitcombe") == 2
    assert "Whitcombe" not in people


@pytest.mark.issue(12)
def test_issue_12_a_stored_lone_surname_joins_a_later_full_name_only_with_a_shared_story(tmp_path):
    with KnowledgeGraph.open(tmp_path / "g.db") as kg:
        _ingest(kg, tmp_path, "rugby", RUGBY)
        _ingest(kg, tmp_path, "councillor", COUNCILLOR)
        people = _people(kg)
    assert people.get("Whitcombe") == 1 and people.get("Jan Whitcombe") == 1
