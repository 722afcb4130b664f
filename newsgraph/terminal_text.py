"""Text bound for a terminal, made safe without loading rich (issue 16: error lines and
JSON output are written by every command, so their helpers stay light)."""

from __future__ import annotations

import re

# Text from the store (names loaded with --from-extracted, evidence sentences, titles) is
# user data: it must not drive the terminal. Control characters (C0 but tab and newline,
# DEL, C1 — ESC and CSI start every escape sequence) and the bidirectional overrides that
# reorder what a reader sees are removed on the way out; JSON output escapes them instead.
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    return _TERMINAL_UNSAFE.sub("", text)


def counted(n: int, one: str, many: str | None = None) -> str:
    """``1 relation``, ``2 relations``: a count with its noun in the right number."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
