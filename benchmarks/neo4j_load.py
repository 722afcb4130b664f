"""Neo4j push throughput: batched ``UNWIND $rows … MERGE`` against per-row ``MERGE`` with
one statement per transaction, both against the same server in one run.

    .venv/bin/python benchmarks/neo4j_load.py                       # starts its own test server
    .venv/bin/python benchmarks/neo4j_load.py --uri bolt://127.0.0.1:7687 --tune

1. Builds a synthetic store (``Store.add_documents``, as ingest does) with at least
   ``--relations`` distinct relations, cached under ``--cache`` between runs.
2. Empties the database and pushes the whole store with ``neo4j_sync.push`` once to warm the
   server up, then ``--repeat`` times (default 3) empties it and pushes again, measured:
   relations per second of the relation phase, and of the whole push (entities, documents,
   mentions too); the median run is the figure (the machine is shared, runs vary).
3. Pushes again (everything already there: the idempotent re-push).
4. Baseline: deletes a sample of ``--baseline-sample`` relationships and MERGEs them back one
   per transaction (``session.execute_write`` per row, same statement shape and properties).
   The full baseline would take hours, so its time for all relations is extrapolated from
   the sample's rate; the output says so.
5. ``--tune``: the relation phase again at several batch sizes.

The server it starts gets a 2 GB page cache and a 4 GB heap (``--server-pagecache-mb``,
``--server-heap``): the test server's defaults, 32 MB and 1 GB, are sized for the tests'
small graphs; a Neo4j left to its own defaults on this 24 GB machine would take a 6 GB heap
and about 6 GB of page cache.
Needs the Neo4j test server (``scripts/neo4j-test-server``: Java 17 + Maven) unless
``--uri`` or ``NEWSGRAPH_BENCH_NEO4J_URI`` points at a server whose data may be wiped.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from neo4j import GraphDatabase

from newsgraph.graph.model import ExtractedDocument, ExtractedEntity, ExtractedRelation, EntityMention, entity_id
from newsgraph.graph.neo4j_sync import DEFAULT_BATCH_SIZE, DEFAULT_WRITERS, push, relation_rows
from newsgraph.graph.store import Store

REPO = Path(__file__).resolve().parent.parent
TYPES = ["Person", "Country", "Organization", "Location", "Group"]
RELATIONS = ["VISITED", "MET_WITH", "CRITICIZED", "SPOKE_WITH", "SIGNED_WITH", "HOLDS_ROLE", "LEADS", "CO_OCCURS_WITH"]
WORDS = "minister talks border trade tariff agreement security migration canal election summit aid sanctions".split()


def synthetic_documents(n_docs: int, n_entities: int, seed: int = 7):
    """Articles of 12 entities and 20 relations each; a few hub entities (the United
    States of news) appear in many, so some relations repeat and get weights > 1."""
    rng = random.Random(seed)
    entities = []
    for i in range(n_entities):
        etype = TYPES[i % len(TYPES)]
        name = f"{etype} {i:06d}"
        iso3 = f"C{i % 1000:02d}"[:3] if etype == "Country" else None
        entities.append((entity_id(etype, name, None), name, etype, iso3))
    hubs = entities[:25]
    for d in range(n_docs):
        cast = rng.sample(hubs, 2) + rng.sample(entities, 10)
        cast = list({e[0]: e for e in cast}.values())
        sentences = [" ".join(rng.choice(WORDS) for _ in range(18)).capitalize() + "." for _ in range(12)]
        offsets, pos = [], 0
        for s in sentences:
            offsets.append((pos, pos + len(s)))
            pos += len(s) + 1
        doc = ExtractedDocument(
            id=f"synthetic-{d:07d}", text_length=pos, source=f"synthetic/{d}.txt", title=f"Synthetic article {d}",
            published=f"2025-{1 + d % 12:02d}-{1 + d % 28:02d}",
        )
        for eid, name, etype, iso3 in cast:
            doc.entities.append(ExtractedEntity(id=eid, name=name, type=etype, aliases={name.split()[-1]}, mentions=2, iso3=iso3))
            for k in range(2):
                si = rng.randrange(len(sentences))
                doc.mentions.append(EntityMention(entity_id=eid, text=name, start=offsets[si][0], end=offsets[si][0] + 5, sentence=si))
        seen = set()
        while len(doc.relations) < 20:
            h, t = rng.sample(cast, 2)
            rtype = rng.choice(RELATIONS)
            if (h[0], rtype, t[0]) in seen:
                continue
            seen.add((h[0], rtype, t[0]))
            si = rng.randrange(len(sentences))
            doc.relations.append(
                ExtractedRelation(
                    head=h[0], tail=t[0], type=rtype, method="cooccurrence" if rtype == "CO_OCCURS_WITH" else "dep",
                    confidence=round(rng.uniform(0.3, 0.9), 2), sentence=sentences[si], start=offsets[si][0],
                    end=offsets[si][1], predicate=rtype.lower().replace("_", " "),
                    title="Minister" if rtype == "HOLDS_ROLE" else None,
                )
            )
        yield doc


def build_store(path: Path, relations: int, entities: int) -> Store:
    store = Store(path)
    have = store.conn.execute("SELECT count(*) FROM relations").fetchone()[0]
    if have >= relations:
        print(f"store: reusing {path} ({have} relations)")
        return store
    t = time.perf_counter()
    docs = synthetic_documents(n_docs=int(relations / 20 * 1.08), n_entities=entities)
    batch = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == 500:
            store.add_documents(batch)
            batch = []
    if batch:
        store.add_documents(batch)
    s = store.stats()
    print(f"store: built {path} in {time.perf_counter() - t:.0f} s: {s['documents']} documents, "
          f"{s['entities']} entities, {s['relations']} relations, {s['evidence']} evidence rows")
    if s["relations"] < relations:
        sys.exit(f"synthetic store has only {s['relations']} relations (< {relations}); raise the document count")
    return store


def start_server(state: Path, pagecache_mb: int, heap: str) -> str:
    script = REPO / "scripts" / "neo4j-test-server"
    env = dict(os.environ, NEO4J_TEST_STATE=str(state), NEO4J_TEST_PAGECACHE_MB=str(pagecache_mb), NEO4J_TEST_HEAP=heap)
    proc = subprocess.run([str(script), "start", "--port", "0"], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"could not start the Neo4j test server (needs Java 17 and Maven):\n{proc.stderr}")
    return proc.stdout.strip()


def stop_server(state: Path) -> None:
    script = REPO / "scripts" / "neo4j-test-server"
    subprocess.run([str(script), "stop"], env=dict(os.environ, NEO4J_TEST_STATE=str(state)), capture_output=True)
    shutil.rmtree(state, ignore_errors=True)


def run(session, query: str, **params):
    return session.run(query, params).consume()


def wipe(session) -> None:
    run(session, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS")


def delete_relations(session) -> None:
    run(session, "MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS")


def baseline(session, store: Store, sample: int) -> tuple[int, float]:
    """Per-row MERGE, one statement per transaction, for the first ``sample`` relations
    (deleted first, so they are created again as in the batched push)."""
    rows = []
    for rtype, row in relation_rows(store.conn):
        rows.append((rtype, row))
        if len(rows) == sample:
            break
    for rtype, row in rows:
        run(session, f"MATCH (h:Entity {{id: $head}})-[r:{rtype}]->(t:Entity {{id: $tail}}) DELETE r",
            head=row["head"], tail=row["tail"])
    statement = (
        "MATCH (h:Entity {{id: $head}}) MATCH (t:Entity {{id: $tail}}) MERGE (h)-[r:{rel_type}]->(t) SET r += $props"
    )
    t = time.perf_counter()
    for rtype, row in rows:
        q = statement.format(rel_type=rtype)
        session.execute_write(lambda tx: tx.run(q, head=row["head"], tail=row["tail"], props=row["props"]).consume())
    return len(rows), time.perf_counter() - t


def count_relationships(session) -> int:
    return session.run("MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' RETURN count(r) AS n").single()["n"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--uri", default=os.environ.get("NEWSGRAPH_BENCH_NEO4J_URI"), help="server to use (its data is wiped)")
    ap.add_argument("--relations", type=int, default=200_000)
    ap.add_argument("--entities", type=int, default=20_000)
    ap.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    ap.add_argument("--writers", type=int, default=DEFAULT_WRITERS, help="relation batches written at once")
    ap.add_argument("--repeat", type=int, default=3, help="measured pushes into an emptied database (median reported)")
    ap.add_argument("--baseline-sample", type=int, default=2_000)
    ap.add_argument("--tune", action="store_true", help="also time the relation phase at several batch sizes")
    # The test server's defaults (32 MB page cache, 1 GB heap) suit the tests' small graphs. A
    # Neo4j left to its own defaults sizes itself from the machine: the JVM's heap (a quarter
    # of the RAM, 6 GB on this 24 GB machine) and half the RAM minus the heap for the page
    # cache. The benchmark's server stays well inside that.
    ap.add_argument("--server-pagecache-mb", type=int, default=2048, help="page cache of the server it starts")
    ap.add_argument("--server-heap", default="4g", help="JVM heap of the server it starts")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-bench-neo4j")
    args = ap.parse_args()

    args.cache.mkdir(parents=True, exist_ok=True)
    store = build_store(args.cache / f"synthetic-{args.relations}-{args.entities}.db", args.relations, args.entities)
    totals = store.stats()
    n_rel = totals["relations"]

    state = None
    uri = args.uri
    if not uri:
        state = Path(tempfile.mkdtemp(prefix="newsgraph-bench-neo4j-state-"))
        uri = start_server(state, args.server_pagecache_mb, args.server_heap)
        print(f"server: started a test server at {uri} (page cache {args.server_pagecache_mb} MB, heap {args.server_heap})")
    try:
        with GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
            wipe(session)
            cold = push(store, uri, batch_size=args.batch_size, writers=args.writers, min_confidence=0.0)
            print(f"warm-up push on a fresh server (JIT, caches): {cold.seconds:.1f} s, "
                  f"{n_rel / cold.phase_seconds['relations']:,.0f} relations/s in the relation phase")
            runs = []
            for k in range(args.repeat):
                wipe(session)
                s = push(store, uri, batch_size=args.batch_size, writers=args.writers, min_confidence=0.0)
                runs.append(s)
                print(f"batched push {k + 1}/{args.repeat} (batch {args.batch_size}, {args.writers} writers), empty database: {s.seconds:.1f} s total "
                      f"({', '.join(f'{k} {v:.1f} s' for k, v in s.phase_seconds.items())}); "
                      f"{n_rel / s.phase_seconds['relations']:,.0f} relations/s in the relation phase")
                assert count_relationships(session) == n_rel, "relationship count differs from the store"
            s = sorted(runs, key=lambda r: r.phase_seconds["relations"])[len(runs) // 2]  # the median run
            print(f"  {s.entities} entities, {s.documents} documents, {s.mentions} mentions, {s.relations} relations; "
                  f"created {s.nodes_created} nodes, {s.relationships_created} relationships")
            batched_rate = n_rel / s.phase_seconds["relations"]
            print(f"  median of {len(runs)}: relations/s: {batched_rate:,.0f} (relation phase), "
                  f"{n_rel / s.seconds:,.0f} (whole push, {s.seconds:.1f} s)")

            again = push(store, uri, batch_size=args.batch_size, writers=args.writers, min_confidence=0.0)
            print(f"re-push, everything present: {again.seconds:.1f} s, created {again.nodes_created} nodes, "
                  f"{again.relationships_created} relationships; relation phase {n_rel / again.phase_seconds['relations']:,.0f} relations/s")
            assert count_relationships(session) == n_rel

            n, secs = baseline(session, store, args.baseline_sample)
            base_rate = n / secs
            print(f"baseline: per-row MERGE, one statement per transaction: {n} relations in {secs:.1f} s = "
                  f"{base_rate:,.0f} relations/s (sample of {n}; all {n_rel} extrapolated: {n_rel / base_rate / 60:.0f} min)")
            assert count_relationships(session) == n_rel
            print(f"ratio batched/per-row (relation phase): {batched_rate / base_rate:.0f}x; "
                  f"whole push vs per-row relations only: {(n_rel / s.seconds) / base_rate:.0f}x")

            if args.tune:
                print("tuning: relation phase only, relationships deleted before each run")
                for size in (1000, 2000, 5000, 10000, 20000):
                    delete_relations(session)
                    r = push(store, uri, batch_size=size, phases=("relations",), min_confidence=0.0)
                    print(f"  batch {size:>6}: {n_rel / r.phase_seconds['relations']:>9,.0f} relations/s "
                          f"({r.phase_seconds['relations']:.1f} s, {r.batches} transactions)")
    finally:
        if state is not None:
            stop_server(state)


if __name__ == "__main__":
    main()
