"""Regenerate what the README says about the default view: the rows of its Cypher examples
and the default confidence floor where the prose names it (``--check`` to verify, as
tests/test_readme_cypher.py does).

- Every ```json block after a ``<!-- cypher-example -->`` ```cypher block is the query's
  result on the bundled samples (``newsgraph ingest examples/`` into a fresh store), at the
  default floor, as ``newsgraph cypher QUERY --json`` gives it (``// --param k=v`` lines in
  the query are passed as ``--param``); rows one per line.
- A number followed by ``<!-- default-floor -->`` is ``DEFAULT_MIN_CONFIDENCE``.

Run ``python scripts/readme_cypher.py`` after a change that alters the samples' graph or
the default floor (or ``python scripts/regenerate_docs.py`` for every generated part).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parent.parent / "README.md"
EXAMPLES = README.parent / "examples"
# The pattern tests/test_readme_cypher.py and tests/test_neo4j_cypher.py read the examples with.
EXAMPLE = re.compile(r"(<!-- cypher-example -->\s*```cypher\n(.*?)```\s*```json\n)(.*?)(```)", re.DOTALL)
FLOOR_MARK = re.compile(r"\d+(?:\.\d+)?(?=<!-- default-floor -->)")


def params_of(query: str) -> list[str]:
    params: list[str] = []
    for line in query.splitlines():
        m = re.match(r"\s*//\s*--param\s+(.*)$", line)
        if m:
            params += ["--param", m.group(1).strip()]
    return params


def as_block(result: dict[str, Any]) -> str:
    """The README's layout: the columns on the first line, one row a line."""
    head = f'{{"columns": {json.dumps(result["columns"], ensure_ascii=False)}, "rows": ['
    if not result["rows"]:
        return head + "]}\n"
    rows = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in result["rows"])
    return f"{head}\n{rows}\n]}}\n"


def render(text: str) -> str:
    from typer.testing import CliRunner

    from newsgraph import KnowledgeGraph
    from newsgraph.cli import app
    from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE

    text = FLOOR_MARK.sub(f"{DEFAULT_MIN_CONFIDENCE:g}", text)
    with tempfile.TemporaryDirectory(prefix="newsgraph-readme-cypher-") as tmp:
        db = Path(tmp) / "examples.db"
        with KnowledgeGraph.open(db) as kg:
            summary = kg.ingest([EXAMPLES], workers=1)
        if summary.documents_failed:
            raise SystemExit(f"ingesting examples/ failed: {summary.failures}")

        def run(m: re.Match[str]) -> str:
            query = m.group(2)
            result = CliRunner().invoke(app, ["cypher", query, "--db", str(db), "--json", *params_of(query)])
            if result.exit_code != 0:
                raise SystemExit(f"README Cypher example failed (exit {result.exit_code}):\n{query}\n{result.stderr}")
            return m.group(1) + as_block(json.loads(result.stdout)) + m.group(4)

        return EXAMPLE.sub(run, text)


def _generated(text: str) -> str | None:
    if not EXAMPLE.search(text):
        print("README.md has no <!-- cypher-example --> block", file=sys.stderr)
        return None
    return render(text)


def main() -> int:
    from generated_docs import check_or_write  # beside this script

    return check_or_write(README, _generated, "Cypher example rows", "readme_cypher.py")


if __name__ == "__main__":
    sys.exit(main())
