"""A misspelt key of a facade result: scripts/typecheck must reject it (the facade returns
TypedDicts, not ``dict[str, Any]``). Checked by tests/test_typecheck.py, never imported."""

from newsgraph.kg import KnowledgeGraph

card = KnowledgeGraph.open("probe.db", readonly=True).entity("Rubio")
first_relation: str = card["connections"][0]["relation"]  # right: checks clean
misspelt = card["mentons"]
