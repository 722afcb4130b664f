"""Misspelt keys of the query results (connections, path, top, cypher): scripts/typecheck
must reject each (issue 16: typed results). Checked by tests/test_typecheck.py, never imported."""

from newsgraph.kg import KnowledgeGraph

kg = KnowledgeGraph.open("probe.db", readonly=True)
links = kg.connections("Rubio", depth=2)
other: str = links["connections"][0]["entity"]["name"]  # right: checks clean
via: str = links["second_degree"][0]["via"][0]["first"]["relation"]
path = kg.path("Rubio", "Bukele")
start: str = path["paths"][0]["hops"][0]["from"]["id"]
top = kg.top(by="degree")
score: float = top["entities"][0]["score"]
columns: list[str] = kg.cypher("RETURN 1 AS one")["columns"]
bad_connections = links["conections"]
bad_path = path["paths"][0]["hops"][0]["form"]
bad_top = top["entities"][0]["scor"]
bad_cypher = kg.cypher("RETURN 1 AS one")["column"]
