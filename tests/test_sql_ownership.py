"""graph/ owns the store (issue 16): no other package of newsgraph writes SQL. A statement
found elsewhere is the schema leaking out as a shared API again."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.issue(16)

ROOT = Path(__file__).resolve().parent.parent
# A call that runs SQL, or an SQL statement opening a string literal (Cypher's CREATE (n)
# and MERGE, written by queries/cypher and the Neo4j push, are not SQL).
SQL = re.compile(
    r"\.execute(?:many|script)?\(|[\"'](?:SELECT\s|INSERT\s|UPDATE\s\w+\s+SET|DELETE\s+FROM|PRAGMA\s"
    r"|(?:CREATE|DROP)\s+(?:TEMP\s+|UNIQUE\s+)?(?:TABLE|INDEX|VIEW|TRIGGER))"
)


def sql_lines(path: Path) -> list[str]:
    return [f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if SQL.search(line)]


@pytest.mark.parametrize("package", ["exports", "queries", "extract", "newsgraph"])
def test_no_package_but_graph_speaks_sql(package):
    found = [hit for path in sorted((ROOT / package).rglob("*.py")) for hit in sql_lines(path)]
    assert found == []


def test_the_check_sees_sql_where_it_is():
    assert sql_lines(ROOT / "graph" / "export_reads.py")  # StoreGraph's statements are found
