"""Imports every ``cli_<area>`` module so its commands register on the app."""
from newsgraph import cli_show  # noqa: F401
from newsgraph import cli_queries  # noqa: F401  (cypher, connections, path, top)
from newsgraph import cli_export  # noqa: F401  (issue 6: export)
from newsgraph import cli_neo4j  # noqa: F401  (neo4j push)
from newsgraph import cli_curation  # noqa: F401  (issue 15: search and corrections)
from newsgraph import cli_serve  # noqa: F401  (issue 17: serve)
