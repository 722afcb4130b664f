"""The ``main()`` of the scripts that regenerate part of a file (the README's CLI
reference, the tour's console output): write it, or with ``--check`` say whether it is
stale, showing what would change. Imported by those scripts, which run from this folder."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Callable


def check_or_write(path: Path, generate: Callable[[str], str | None], what: str, script: str) -> int:
    """``generate`` takes the file's text and returns the new text, or None (after saying
    why on stderr) when the file lacks its markers. Exit status: 0 current or written, 1
    stale (with ``--check``) or no markers."""
    text = path.read_text("utf-8")
    new = generate(text)
    if new is None:
        return 1
    if "--check" in sys.argv:
        if new != text:
            sys.stderr.writelines(difflib.unified_diff(text.splitlines(True), new.splitlines(True), path.name, "generated"))
            print(f"{path.name}'s {what} is stale: run python scripts/{script}", file=sys.stderr)
            return 1
        return 0
    path.write_text(new, "utf-8")
    return 0
