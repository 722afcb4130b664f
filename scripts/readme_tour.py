"""Regenerate the README's tour output from real runs on the bundled examples (``--check``
to verify, as tests/test_readme_tour.py does).

Every ```console block that follows a ``<!-- tour -->`` line is generated: its ``$ newsgraph
...`` lines are run in order, in one fresh folder where ``examples/`` is the bundled one and
the default store is ``./newsgraph.db``, and the lines after each command are replaced by
what it printed (stdout, then stderr). A command whose shown output ends with a line
``  ...`` keeps that many lines and the ``...``: the README decides how much of a long card
it shows, the run decides what those lines say. ``| jq -c 'EXPR'`` after a command is
applied here for the simple filters the tour uses (``.key`` and ``.key, .key``). Tables
are drawn 100 columns wide.

Run ``python scripts/readme_tour.py`` after a change that alters what the tour prints
(extraction, resolution, a command's output); it needs the spaCy model, like ingest.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parent.parent / "README.md"
EXAMPLES = README.parent / "examples"
MARK = "<!-- tour -->"
WIDTH = 100
ELLIPSIS = "  ..."


def _jq(expr: str, text: str) -> str:
    data = json.loads(text)
    out = []
    for part in expr.split(","):
        keys = part.strip().lstrip(".").split(".")
        value: Any = data
        for key in keys:
            value = value[key]
        out.append(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(out) + "\n"


def run(command: str) -> str:
    """What ``$ command`` prints, in the current folder."""
    from typer.testing import CliRunner

    from newsgraph.cli import app

    line = re.sub(r"\s+#.*$", "", command)  # a shell comment for the reader
    jq = None
    if " | jq -c " in line:
        line, filt = line.split(" | jq -c ", 1)
        jq = shlex.split(filt)[0]
    argv = shlex.split(line)
    if argv[0] != "newsgraph":
        raise SystemExit(f"the tour runs newsgraph commands only: {command!r}")
    result = CliRunner().invoke(app, argv[1:], env={"COLUMNS": str(WIDTH), "NEWSGRAPH_DB": None})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    if result.exit_code != 0:
        raise SystemExit(f"tour command failed (exit {result.exit_code}): {command}\n{result.stderr}")
    out = _jq(jq, result.stdout) if jq else result.stdout
    return out + result.stderr


def render(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    with tempfile.TemporaryDirectory(prefix="newsgraph-tour-") as tmp:
        here = os.getcwd()
        os.chdir(tmp)
        try:
            os.symlink(EXAMPLES, "examples")
            while i < len(lines):
                line = lines[i]
                out.append(line)
                i += 1
                if line.strip() != MARK:
                    continue
                if i >= len(lines) or lines[i].strip() != "```console":
                    raise SystemExit(f"README.md line {i}: {MARK} must be followed by a ```console block")
                out.append(lines[i])
                i += 1
                while lines[i].strip() != "```":
                    command = lines[i]
                    if not command.startswith("$ "):
                        raise SystemExit(f"README.md line {i + 1}: expected a '$ newsgraph ...' line, got {command!r}")
                    i += 1
                    shown = []
                    while not lines[i].startswith("$ ") and lines[i].strip() != "```":
                        shown.append(lines[i])
                        i += 1
                    printed = run(command[2:]).rstrip("\n").split("\n")
                    printed = [p.rstrip() for p in printed if p.strip() or True]
                    if printed == [""]:
                        printed = []
                    if shown and shown[-1] == ELLIPSIS:
                        keep = len(shown) - 1
                        printed = printed[:keep] + ([ELLIPSIS] if len(printed) > keep else [])
                    out.append(command)
                    out.extend(printed)
        finally:
            os.chdir(here)
    return "\n".join(out)


def _generated(text: str) -> str | None:
    if MARK not in text:
        print(f"README.md has no {MARK} block", file=sys.stderr)
        return None
    return render(text)


def main() -> int:
    from generated_docs import check_or_write  # beside this script

    return check_or_write(README, _generated, "tour output", "readme_tour.py")


if __name__ == "__main__":
    sys.exit(main())
