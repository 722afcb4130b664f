"""A module with a wrong type across two stages: scripts/typecheck must reject it.

tests/test_typecheck.py checks it as ``newsgraph.typecheck_probe``; it is never imported."""

from newsgraph.graph.store import Store

wrong: int = Store("probe.db")
