"""`newsgraph show` on a hand-made store: exit codes, stdout and stderr exactly."""

from __future__ import annotations

import json
import os
import webbrowser

from typer.testing import CliRunner

from floor_support import FLOOR_ARGS
from newsgraph.cli import app

runner = CliRunner()


def invoke(*args):
    """At the floor the hand-made store is arranged around (its relations are at 0.8), not the default."""
    return runner.invoke(app, [str(a) for a in args] + list(FLOOR_ARGS))


def test_show_writes_the_page_named_by_o(show_db, tmp_path):
    out = tmp_path / "rubio.html"
    result = invoke("show", "rubio", "--db", show_db, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{out} (Marco Rubio: 4 entities, 5 relations)\n"
    assert result.stderr == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_show_json_with_filters(show_db, tmp_path):
    out = tmp_path / "rubio.html"
    result = invoke("show", "Marco Rubio", "--db", show_db, "-o", out, "--depth", "2", "--type", "person",
                    "--type", "Organization", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "path": str(out),
        "center": {"id": "person:marco-rubio", "name": "Marco Rubio", "type": "Person"},
        "nodes": 3,  # Rubio, Bukele, and the State Department two hops away
        "edges": 2,
        "truncated": False,
        "opened": False,
    }


def test_show_cooccurrence_on_request(show_db, tmp_path):
    out = tmp_path / "rubio.html"
    result = invoke("show", "rubio", "--db", show_db, "-o", out, "--cooccurrence")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{out} (Marco Rubio: 5 entities, 6 relations)\n"


def test_show_max_nodes_says_it_cut(show_db, tmp_path):
    out = tmp_path / "rubio.html"
    result = invoke("show", "rubio", "--db", show_db, "-o", out, "--max-nodes", "2")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{out} (Marco Rubio: 2 entities, 2 relations, cut at --max-nodes 2)\n"


def test_show_without_o_and_without_browser_prints_the_temp_path(show_db, monkeypatch):
    def no_browser():
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    result = invoke("show", "Bukele", "--db", show_db)
    assert result.exit_code == 0, result.stderr
    first, second = result.stdout.splitlines()
    path = first.split(" (")[0]
    try:
        assert first == f"{path} (Nayib Bukele: 4 entities, 5 relations)"
        assert second == "No graphical browser found; open the file above in one."
        assert "newsgraph-show-" in path and path.endswith(".html")
    finally:
        os.unlink(path)


def test_show_no_open_never_asks_for_a_browser(show_db, monkeypatch):
    def must_not_run():
        raise AssertionError("browser looked up despite --no-open")

    monkeypatch.setattr(webbrowser, "get", must_not_run)
    result = invoke("show", "Bukele", "--db", show_db, "--no-open", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert os.path.exists(data["path"]) and data["opened"] is False
    os.unlink(data["path"])


def test_show_unknown_entity_is_one_line_on_stderr(show_db, tmp_path):
    result = invoke("show", "Atlantis", "--db", show_db, "-o", tmp_path / "x.html")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: [NG201] No entity matches 'Atlantis'")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "x.html").exists()


def test_show_unknown_type_is_one_line_on_stderr(show_db, tmp_path):
    result = invoke("show", "Rubio", "--db", show_db, "-o", tmp_path / "x.html", "--entity-type", "Planet")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: [NG104] Unknown entity type 'Planet' for --entity-type; "
        "use one of: Person, Country, Organization, Location, Group.\n"
    )
    assert not (tmp_path / "x.html").exists()


def test_show_unwritable_output_is_one_line_on_stderr(show_db, tmp_path):
    target = tmp_path / "no-such-dir" / "x.html"
    result = invoke("show", "Rubio", "--db", show_db, "-o", target)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: [NG802] Cannot write the page to {target}: No such file or directory\n"
