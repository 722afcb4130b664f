"""The quality benchmark's readers and scoring on tiny hand-written files (no data sets)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "quality.py"


@pytest.fixture(scope="module")
def quality():
    spec = importlib.util.spec_from_file_location("newsgraph_bench_quality", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


CONLL03 = """-DOCSTART- -X- -X- O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
visited VBD I-VP O
Bonn NNP I-NP I-LOC
. . O O

German JJ I-NP I-MISC
officials NNS I-NP O
met VBD I-VP O
EU NNP I-NP I-ORG
Commission NNP I-NP I-ORG
Smith NNP I-NP B-ORG
. . O O
"""


def test_conll03_reader_builds_text_and_iob1_spans(quality, tmp_path):
    path = tmp_path / "test.txt"
    path.write_text(CONLL03, encoding="utf-8")
    [doc] = quality.read_conll03(path)
    assert doc.text == "Peter Blackburn visited Bonn .\nGerman officials met EU Commission Smith ."
    spans = sorted((doc.text[s:e], kind) for s, e, kind in doc.gold)
    # MISC is left out; B-ORG starts a second organisation right after the first.
    assert spans == [("Bonn", "LOC"), ("EU Commission", "ORG"), ("Peter Blackburn", "PER"), ("Smith", "ORG")]


def test_conll04_reader_and_span_convention(quality, tmp_path):
    item = {"tokens": ["John", "Wilkes", "Booth", ",", "who", "assassinated", "President", "Lincoln", ",", "was", "an", "actor", "."],
            "entities": [{"type": "Peop", "start": 0, "end": 3}, {"type": "Peop", "start": 6, "end": 8}],
            "relations": [{"type": "Kill", "head": 0, "tail": 1}], "orig_id": 5178}
    path = tmp_path / "conll04_test.json"
    path.write_text(json.dumps([item]), encoding="utf-8")
    [sentence] = quality.read_conll04(path)
    assert sentence.gold == {((0, 3), (6, 8), "Kill")}
    lincoln = sentence.text.index("Lincoln")
    # newsgraph's mention is "Lincoln"; CoNLL04 writes "President Lincoln".
    assert quality.conll04_span(sentence, lincoln, lincoln + 7, "Person") == (6, 8)
    assert quality.conll04_span(sentence, lincoln, lincoln + 7, "Location") == (7, 8)
    # A character span inside a token maps to that token ("Fitzmaurice" in "Fitzmaurice.").
    assert sentence.token_span(1, 3) == (0, 1)


def test_relation_type_mapping(quality):
    assert quality.map_relation("HOLDS_ROLE", "Person", "Organization") == "Work_For"
    assert quality.map_relation("HOLDS_ROLE", "Person", "Country") == "Live_In"
    assert quality.map_relation("KILLED", "Person", "Person") == "Kill"
    assert quality.map_relation("BASED_IN", "Organization", "Location") == "OrgBased_In"
    assert quality.map_relation("LOCATED_IN", "Location", "Country") == "Located_In"
    assert quality.map_relation("VISITED", "Person", "Country") is None


def test_score_micro_and_per_type(quality):
    score = quality.Score()
    score.add({(1, "A"), (2, "A"), (3, "B")}, {(1, "A"), (3, "A"), (4, "B")})
    summary = score.summary(["A", "B"])
    assert summary["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert summary["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert summary["per_type"]["A"]["tp"] == 1 and summary["per_type"]["B"]["fn"] == 1


def test_missing_datasets_is_a_clear_message(quality, tmp_path, capsys):
    assert quality.main(["--datasets", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: data set file(s) missing:")
    assert "--datasets DIR or set NEWSGRAPH_DATASETS" in err


@pytest.mark.issue(12)
def test_conll04_birthplace_is_one_span_only_where_the_sentence_says_born(quality, tmp_path):
    born = {"tokens": "In 1830 , poet Emily Dickinson was born in Amherst , Mass. .".split(),
            "entities": [], "relations": []}
    lives = {"tokens": "Andrew Hall of Miami , Fla. , confirmed it .".split(), "entities": [], "relations": []}
    path = tmp_path / "conll04_test.json"
    path.write_text(json.dumps([born, lives]), encoding="utf-8")
    first, second = quality.read_conll04(path)
    # "Amherst , Mass." after "born" is one Loc in CoNLL04: both places map to the joined span.
    assert quality.birthplace_spans(first, [(9, 10), (11, 12)]) == {(9, 10): (9, 12), (11, 12): (9, 12)}
    # Without "born" they stay two places (Located_In between them).
    assert quality.birthplace_spans(second, [(3, 4), (5, 6)]) == {}
    # Two places with no comma between are not joined.
    assert quality.birthplace_spans(first, [(9, 10), (10, 11)]) == {}
