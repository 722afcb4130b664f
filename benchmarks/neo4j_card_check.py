"""Does Neo4j answer `entity NAME` exactly as the store does, on real articles?

    .venv/bin/python benchmarks/neo4j_card_check.py --uri bolt://127.0.0.1:7687 --articles 300

Ingests the first ``--articles`` BBC articles (``news/bbc_news.jsonl`` in ``--datasets``,
default ../shared/datasets beside the repository, or ``NEWSGRAPH_DATASETS``) into a
temporary store, pushes it to the server at ``--uri`` (wiped first), then looks up every
entity id, every canonical name and a sample of aliases in both and compares the cards (or
the UnknownEntity / AmbiguousEntity errors). Prints the number of lookups and differences;
exits 1 if any differ.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from neo4j import GraphDatabase

from newsgraph import KnowledgeGraph
from newsgraph.errors import NewsgraphError
from newsgraph.graph.neo4j_sync import push
from newsgraph.queries.neo4j_card import card

DEFAULT_DATASETS = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--uri", required=True, help="Neo4j server whose data may be wiped")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--aliases", type=int, default=400, help="how many aliases to look up besides ids and names")
    ap.add_argument("--datasets", default=os.environ.get("NEWSGRAPH_DATASETS", str(DEFAULT_DATASETS)))
    args = ap.parse_args()
    dataset = Path(args.datasets) / "news" / "bbc_news.jsonl"
    if not dataset.exists():
        sys.exit(f"{dataset} not found: pass --datasets DIR or set NEWSGRAPH_DATASETS (../shared/datasets beside the repository)")

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "articles.jsonl"
        with dataset.open(encoding="utf-8") as src:
            sample.write_text("".join(islice(src, args.articles)), encoding="utf-8")
        kg = KnowledgeGraph.open(Path(tmp) / "ng.db")
        t = time.perf_counter()
        summary = kg.ingest([sample])
        print(f"ingested {summary.documents_new} articles in {time.perf_counter() - t:.0f} s: "
              f"{summary.entities} entities, {summary.relations} relations")
        with GraphDatabase.driver(args.uri) as driver, driver.session() as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
        pushed = push(kg.store, args.uri)
        print(f"pushed in {pushed.seconds:.1f} s")
        rows = kg.store.conn.execute("SELECT id, name FROM entities ORDER BY id").fetchall()
        aliases = [r[0] for r in kg.store.conn.execute("SELECT alias FROM aliases ORDER BY alias LIMIT ?", (args.aliases,))]
        queries = [r[0] for r in rows] + [r[1] for r in rows] + aliases
        differ = 0
        with GraphDatabase.driver(args.uri) as driver, driver.session() as session:
            for q in queries:
                try:
                    embedded: object = kg.entity(q)
                except NewsgraphError as exc:
                    embedded = str(exc)
                try:
                    remote: object = session.execute_read(lambda tx: card(tx, q))
                except NewsgraphError as exc:
                    remote = str(exc)
                if embedded != remote:
                    differ += 1
                    if differ <= 5:
                        print(f"differs: {q!r}\n  store: {json.dumps(embedded)[:300]}\n  neo4j: {json.dumps(remote)[:300]}")
        kg.close()
    print(f"{len(queries)} lookups (every id, every name, {len(aliases)} aliases): {differ} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
