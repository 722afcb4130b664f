"""benchmarks/gold_check.py reports a bad label file and passes a good one (no data set needed)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _checker():
    spec = importlib.util.spec_from_file_location("_gold_check", ROOT / "benchmarks" / "gold_check.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


PAGE = """THE TEST TIMES
Home | News

Minister visits port

By Jo Writer

Transport Minister Ana Silva visited Porto on Monday and met the port's chief, Rui Costa.

Share this article
"""


def _label(**changes):
    label = {
        "id": "page-01", "source": "page", "path": "pages/page-01-minister-visits-port.txt", "split": "dev",
        "title": "Minister visits port", "published": None,
        "entities": [
            {"name": "Ana Silva", "type": "Person", "surface": ["Ana Silva"]},
            {"name": "Porto", "type": "Location", "surface": ["Porto"]},
            {"name": "Rui Costa", "type": "Person", "surface": ["Rui Costa"]},
        ],
        "relations": [
            {"head": "Ana Silva", "type": "VISITED", "tail": "Porto",
             "sentence": "Transport Minister Ana Silva visited Porto on Monday"},
            {"head": "Ana Silva", "type": "MET_WITH", "tail": "Rui Costa",
             "sentence": "met the port's chief, Rui Costa"},
        ],
        "traps": [], "excluded": [{"name": "Jo Writer", "why": "byline"}],
        "furniture": ["THE TEST TIMES", "Home | News", "By Jo Writer", "Share this article"],
        "notes": "test page",
    }
    label.update(changes)
    return label


def _write(tmp_path: Path, label: dict) -> Path:
    (tmp_path / "labels").mkdir(exist_ok=True)
    (tmp_path / "pages").mkdir(exist_ok=True)
    (tmp_path / "pages" / "page-01-minister-visits-port.txt").write_text(PAGE, "utf-8")
    (tmp_path / "splits.json").write_text(json.dumps({"page-01": "dev"}), "utf-8")
    path = tmp_path / "labels" / "page-01.json"
    path.write_text(json.dumps(label), "utf-8")
    return path


def test_good_label_passes(tmp_path, capsys):
    gc = _checker()
    assert gc.main([str(_write(tmp_path, _label()))]) == 0
    assert capsys.readouterr().out == ""


def test_bad_label_is_reported(tmp_path, capsys):
    gc = _checker()
    bad = _label(
        split="test",
        entities=[
            {"name": "Ana Silva", "type": "Person", "surface": ["Ana Silva", "Minister Silva"]},
            {"name": "Porto", "type": "City", "surface": ["Porto"]},
        ],
        relations=[
            {"head": "Ana Silva", "type": "VISITED", "tail": "Porto", "sentence": "Ana Silva flew to Porto"},
            {"head": "Ana Silva", "type": "MET_WITH", "tail": "Rui Costa", "sentence": "met the port's chief, Rui Costa"},
            {"head": "Ana Silva", "type": "OWNS", "tail": "Porto", "sentence": "visited Porto on Monday"},
            {"head": "Ana Silva", "type": "HOLDS_ROLE", "tail": "Porto", "sentence": "Transport Minister Ana Silva"},
        ],
        furniture="Share this article",
    )
    del bad["notes"]
    assert gc.main([str(_write(tmp_path, bad))]) == 1
    out = capsys.readouterr().out
    for needle in ["missing key 'notes'", "splits.json says 'dev'", "'Minister Silva' not in the text",
                   "type 'City'", "sentence not in the text", "tail 'Rui Costa' is not an entity",
                   "type 'OWNS'", "HOLDS_ROLE without a title", "'furniture' is str"]:
        assert needle in out, needle


def test_a_form_of_two_entities_is_reported(tmp_path, capsys):
    gc = _checker()
    label = _label()
    label["entities"].append({"name": "FC Porto", "type": "Organization", "surface": ["Porto"]})
    assert gc.main([str(_write(tmp_path, label))]) == 1
    assert "form 'porto' names ['FC Porto', 'Porto']" in capsys.readouterr().out
    label["entities"][-1] = {"name": "FC Porto", "type": "Organization", "surface": [], "shared_forms": ["Porto"]}
    assert gc.main([str(_write(tmp_path, label))]) == 0


def test_schema_is_read_from_the_code():
    types = _checker().schema_types()
    assert {"HOLDS_ROLE", "WORKS_FOR", "MET_WITH", "LOCATED_IN", "SIGNED_WITH"} <= types
    assert "INTERACTED_WITH" not in types and "CO_OCCURS_WITH" not in types
