"""One option vocabulary across commands (issue 16): one name per concept, the old
spellings still read (hidden), values outside an option's set refused with the same coded
line everywhere, and help naming values (``--db PATH``) rather than Python types."""

import json

import pytest
import typer.main
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.cli_common import OPTION_ALIASES, _rewrite
from floor_support import FLOOR_ARGS
from queries_sample import build_sample_store

runner = CliRunner()
pytestmark = pytest.mark.issue(16)
TYPES = "Person, Country, Organization, Location, Group"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build_sample_store(tmp_path_factory.mktemp("vocab") / "ng.db"))


def _commands(group=None, prefix=""):
    group = group or typer.main.get_command(app)
    for name, cmd in sorted(group.commands.items()):
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", cmd


COMMANDS = dict(_commands())


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_one_name_per_concept():
    seen = {}
    for path, cmd in COMMANDS.items():
        for p in cmd.params:
            if p.param_type_name != "option":
                continue
            visible = [o for o in p.opts if o.startswith("--")]
            if "entity_type" in (p.name or ""):
                seen[path, "entity"] = visible
                assert visible == ["--entity-type"], path
            if "relation_type" in (p.name or ""):
                seen[path, "relation"] = visible
                assert visible == ["--relation-type"], path
            assert not {"--type", "--relation", "--paths"} & set(p.opts), (path, p.opts)
    # the commands that filter by type all take part
    assert {c for c, kind in seen if kind == "entity"} >= {"entities", "top", "search", "show", "connections", "export"}
    assert {c for c, kind in seen if kind == "relation"} >= {"connections", "path", "show", "export"}


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_help_names_values_not_python_types(path):
    result = run(*path.split(), "-h")
    assert result.exit_code == 0, result.stderr
    for python_type in ("<str>", "<int", "<float", "<list", "<Path", "{"):
        assert python_type not in result.stdout, (path, python_type)
    for old in OPTION_ALIASES.get(path, {}):
        assert f"  {old} " not in result.stdout  # hidden


@pytest.mark.parametrize(
    "old,new",
    [
        (["entities", "--type", "person"], ["entities", "--entity-type", "person"]),
        (["top", "--type", "Country"], ["top", "--entity-type", "Country"]),
        (["search", "rubio", "--type", "Person"], ["search", "rubio", "--entity-type", "Person"]),
        (["connections", "Rubio", "--type", "VISITED"], ["connections", "Rubio", "--relation-type", "VISITED"]),
        (["connections", "Rubio", "--type=met with"], ["connections", "Rubio", "--relation-type=MET_WITH"]),
        (["path", "Rubio", "Bukele", "--paths", "1"], ["path", "Rubio", "Bukele", "--limit", "1"]),
        (["export", "json", "-o", "-", "--type", "VISITED"], ["export", "json", "-o", "-", "--relation-type", "VISITED"]),
        (["show", "Rubio", "--no-open", "-o", "{tmp}/a.html", "--type", "Country", "--relation", "VISITED", "--json"],
         ["show", "Rubio", "--no-open", "-o", "{tmp}/a.html", "--entity-type", "Country", "--relation-type", "VISITED", "--json"]),
    ],
)
def test_old_spellings_still_work(db, tmp_path, old, new):
    def out(args):
        result = run(*[a.replace("{tmp}", str(tmp_path)) for a in args], "--db", db, *([] if "--json" in args or "export" in args else ["--json"]))
        assert result.exit_code == 0, result.stderr
        return result.stdout

    assert out(old) == out(new)
    assert out(new).strip() not in ("", "[]")


def test_rewrite_leaves_values_and_arguments_alone():
    aliases = {"--type": "--entity-type"}
    takes_value = {"--note", "--entity-type"}
    assert _rewrite(["--note", "--type", "--type=Person", "x", "--type", "Group", "--", "--type"], aliases, takes_value) == [
        "--note", "--type", "--entity-type=Person", "x", "--entity-type", "Group", "--", "--type"
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["entities"], ["top"], ["search", "Rubio"], ["connections", "Rubio"], ["export", "json", "-o", "-"],
        ["show", "Rubio", "--no-open", "-o", "{tmp}/x.html"],
    ],
)
def test_unknown_entity_type_is_the_same_line_everywhere(db, tmp_path, args):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run(*args, "--entity-type", "Planet", "--db", db)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"Error: [NG104] Unknown entity type 'Planet' for --entity-type; use one of: {TYPES}.\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["connections", "Rubio"], ["path", "Rubio", "Bukele"], ["export", "graphml", "-o", "{tmp}/g.graphml"],
        ["show", "Rubio", "--no-open", "-o", "{tmp}/x.html"],
    ],
)
def test_relation_type_the_store_lacks_is_refused(db, tmp_path, args):
    # A misspelt type used to filter everything out: "no connections", a silent wrong answer.
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run(*args, "--relation-type", "VISTED", "--db", db)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: [NG104] Unknown relation type 'VISTED' for --relation-type; use one of: ")
    assert "VISITED" in result.stderr and "MET_WITH" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_relation_type_in_any_spelling(db):
    a = json.loads(run("connections", "Rubio", "--relation-type", "met with", "--db", db, "--json", *FLOOR_ARGS).stdout)
    assert {c["relation"] for c in a["connections"]} == {"MET_WITH"}


def test_export_dates_take_the_same_forms_as_connections(db):
    year = run("export", "json", "-o", "-", "--since", "2025", "--until", "2025-03", "--db", db, *FLOOR_ARGS)
    day = run("export", "json", "-o", "-", "--since", "2025-01-01", "--until", "2025-03-31", "--db", db, *FLOOR_ARGS)
    assert year.exit_code == 0, year.stderr
    assert year.stdout == day.stdout
