"""Regenerate every generated part of the README (``--check``: say which are stale, change
nothing): the CLI reference (scripts/cli_reference.py), the tour's output
(scripts/readme_tour.py) and the Cypher examples' rows with the default floor named in the
prose (scripts/readme_cypher.py). One command after a change to what the commands print,
e.g. after setting ``DEFAULT_MIN_CONFIDENCE`` (graph/model.py); the tests check each part.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("cli_reference.py", "readme_tour.py", "readme_cypher.py")


def main() -> int:
    failed = [s for s in SCRIPTS if subprocess.run([sys.executable, str(HERE / s), *sys.argv[1:]]).returncode != 0]
    if failed:
        print(f"regenerate_docs: {', '.join(failed)} {'stale' if '--check' in sys.argv else 'failed'}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
