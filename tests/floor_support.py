"""The confidence floor the read-path tests are written against.

``DEFAULT_MIN_CONFIDENCE`` (graph/model.py) is set by a measured rule (benchmarks/README.md,
"The default floor ...") and moves between sessions. A test of a mechanism that is not the
floor itself (exports, Cypher, show, serve, curation, path, connections ...) names the floor
its fixture is arranged around, so it tests the same thing whatever the default is: the
hand-made sample store (tests/queries_sample.py) has its verb and role relations at 0.6-0.9
and co-occurrence at 0.2; on the bundled examples the tests were written against the 0.5
view. Tests about the default itself read ``DEFAULT_MIN_CONFIDENCE``.
"""

FLOOR = 0.5
FLOOR_ARGS = ("--min-confidence", str(FLOOR))
