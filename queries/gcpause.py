"""Pausing Python's cyclic garbage collector while big graphs are built."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

__all__ = ["no_gc"]


@contextmanager
def no_gc() -> Iterator[None]:
    """Building a big graph allocates millions of objects and no garbage cycles; the cyclic
    collector would rescan the growing heap again and again (several times slower)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
