"""`newsgraph extract`: one text's entities and relations, filtered by confidence."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app

TEXT = ("BANGKOK, Thailand (AP) _ US Secretary of State Marco Rubio visited El Salvador on Monday. "
        "Rubio met President Nayib Bukele in San Salvador.\n")


def test_extract_json_relations_carry_confidence_and_offsets(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    based = [r for r in data["relations"] if r["method"] == "dateline_agency" and r["type"] == "BASED_IN"]
    assert {r["tail"] for r in based} == {"location:bangkok", "country:THA"}
    for r in based:
        assert 0 < r["confidence"] <= 1
        assert r["head_start"] is not None and r["tail_end"] is not None


def test_extract_min_confidence_drops_weaker_relations(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    every = json.loads(CliRunner().invoke(app, ["extract", str(path), "--json"]).stdout)["relations"]
    result = CliRunner().invoke(app, ["extract", str(path), "--json", "--min-confidence", "0.5"])
    assert result.exit_code == 0, result.stderr
    kept = json.loads(result.stdout)["relations"]
    assert kept and all(r["confidence"] >= 0.5 for r in kept)
    assert len(kept) == len([r for r in every if r["confidence"] >= 0.5]) < len(every)  # co-occurrence (0.2) goes


def test_extract_min_confidence_out_of_range_is_a_usage_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--min-confidence", "1.5"])
    assert result.exit_code == 2
    assert "--min-confidence" in result.stderr
