"""Ids in batches for ``IN (...)`` lists: the one definition of the batch size (issue 16:
"chunks of 500 ids" was written ten times)."""

from __future__ import annotations

from typing import Iterator, Sequence, TypeVar

__all__ = ["CHUNK", "chunks", "marks"]

CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[list[T]]:
    """``items`` in consecutive lists of at most ``size``."""
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def marks(n: int) -> str:
    """``?,?,...`` for an ``IN (...)`` list of ``n`` values."""
    return ",".join("?" * n)
