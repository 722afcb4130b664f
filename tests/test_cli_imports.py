"""The facade is the only door (issue 16): the CLI and the explorer (newsgraph/serve/)
import the facade, its option vocabulary, the renderers and the errors, nothing deeper; and newsgraph's modules import
each other without a cycle. Both read the source with ``ast``, so a new import is caught
whether or not a test runs the line that holds it (imports inside functions count)."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

pytestmark = pytest.mark.issue(16)

ROOT = Path(__file__).resolve().parent.parent
# Folder -> import name, as pyproject's package-dir installs them.
PACKAGES = {"newsgraph": "newsgraph", "extract": "newsgraph.extract", "graph": "newsgraph.graph",
            "queries": "newsgraph.queries", "exports": "newsgraph.exports"}

# What a CLI module may import from newsgraph: the facade (kg) and its option vocabulary
# (options), the renderers (render, terminal_text), the coded errors, its cli_* siblings,
# the package itself (for __version__) and the explorer's package (`serve` starts that
# other front end over the same facade; it is not a way round it).
CLI_ALLOWED = {"newsgraph", "newsgraph.kg", "newsgraph.options", "newsgraph.render", "newsgraph.terminal_text",
               "newsgraph.errors", "newsgraph.serve"}


def module_files() -> dict[str, Path]:
    found = {}
    for folder, name in PACKAGES.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([name, *parts])] = path
    return found


MODULES = module_files()


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(module: str, *, runtime_top_level: bool = False, type_checking: bool = True) -> set[str]:
    """The newsgraph modules ``module`` imports. ``runtime_top_level``: only those it
    imports when it is itself imported (not inside functions or ``if TYPE_CHECKING``);
    ``type_checking=False``: leave out the imports for annotations alone."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                # `from pkg import mod` imports the module pkg.mod; `from mod import name` the module mod.
                for a in node.names:
                    names.add(f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base)
            elif runtime_top_level and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            elif (runtime_top_level or not type_checking) and isinstance(node, ast.If) and _type_checking(node):
                visit(node.orelse)
                continue
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                visit([c for c in ast.iter_child_nodes(node) if isinstance(c, ast.stmt)])

    visit(tree.body)
    return {n for n in names if n == "newsgraph" or n.startswith("newsgraph.")}


def cli_modules() -> list[str]:
    return sorted(m for m in MODULES if m == "newsgraph.cli" or m.startswith("newsgraph.cli_"))


def serve_modules() -> list[str]:
    return sorted(m for m in MODULES if m == "newsgraph.serve" or m.startswith("newsgraph.serve."))


@pytest.mark.parametrize("module", cli_modules())
def test_cli_imports_only_the_facade(module):
    beyond = {m for m in imports(module) if m not in CLI_ALLOWED and m not in cli_modules()}
    assert beyond == set(), f"{module} reaches past the facade: {sorted(beyond)}"


@pytest.mark.parametrize("module", serve_modules())
def test_explorer_imports_only_the_facade(module):
    """The explorer is the other front end over the same door: the CLI's allowed set, with
    its own package's modules in place of the cli_* siblings."""
    beyond = {m for m in imports(module) if m not in CLI_ALLOWED and m not in serve_modules()}
    assert beyond == set(), f"{module} reaches past the facade: {sorted(beyond)}"


def import_graph(**kwargs: bool) -> nx.DiGraph:
    kwargs.setdefault("type_checking", False)  # an import for annotations only runs nothing
    graph = nx.DiGraph()
    for module in MODULES:
        graph.add_node(module)
        graph.add_edges_from((module, m) for m in imports(module, **kwargs) if m in MODULES and m != module)
    return graph


def test_no_import_cycle():
    """Loading any module runs no module that is still half-loaded: the imports that run
    when a module is imported (top level, outside ``if TYPE_CHECKING``) form no cycle."""
    cycles = [set(c) for c in nx.simple_cycles(import_graph(runtime_top_level=True))]
    assert cycles == []


def test_no_import_cycle_through_imports_on_use():
    """The same with every import, those inside functions too: the facade is reached from
    the modules it uses only through it (kg -> show, never show -> kg at run time);
    imports for annotations alone (``if TYPE_CHECKING``) run nothing and are left out."""
    components = [c for c in nx.strongly_connected_components(import_graph()) if len(c) > 1]
    assert components == []


def test_the_checks_see_what_they_should():
    # The checks are not vacuous: a deep import is seen, inside a function too, and a cycle is found.
    assert "newsgraph.graph.store" in imports("newsgraph.kg")
    assert "newsgraph.extract.readers" in imports("newsgraph.kg")  # inside KnowledgeGraph.ingest
    assert "newsgraph.extract.readers" not in imports("newsgraph.kg", runtime_top_level=True)
    assert "newsgraph.exports.source" not in imports("newsgraph.kg", runtime_top_level=True)  # under TYPE_CHECKING
    assert "newsgraph.exports.source" in imports("newsgraph.kg")  # a type-only import still couples the CLI
    assert set(cli_modules()) >= {"newsgraph.cli", "newsgraph.cli_common", "newsgraph.cli_queries"}
    assert set(serve_modules()) == {"newsgraph.serve", "newsgraph.serve.app", "newsgraph.serve.views"}
    graph = import_graph(runtime_top_level=True)
    graph.add_edge("newsgraph.graph.model", "newsgraph.kg")  # the model importing the facade would close a loop
    assert list(nx.simple_cycles(graph))
    on_use = import_graph()
    on_use.add_edge("newsgraph.cli_common", "newsgraph.cli_lazy")  # the old loop: the options reaching the root group
    assert [c for c in nx.strongly_connected_components(on_use) if len(c) > 1]
    assert "newsgraph.cli_common" in imports("newsgraph.cli_lazy", runtime_top_level=True)  # the edge it closes


def test_the_option_vocabulary_loads_neither_the_facade_nor_the_store():
    """`--help` and option parsing need the vocabulary, not the store: newsgraph.options
    stays a leaf (cli_common imports it for every command)."""
    import subprocess
    import sys

    code = "import sys, newsgraph.options; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split())
    assert "newsgraph.options" in loaded
    assert loaded & {"newsgraph.kg", "newsgraph.graph.store", "newsgraph.queries.filters", "sqlite3", "rich"} == set()
