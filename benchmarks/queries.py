"""Query speed at corpus scale: lookups from the store vs loading the whole graph first.

Builds a synthetic store (default 200,000 entities, 1,000,000 relations, evidence for
every unit of weight, documents spread over two years) by bulk-inserting rows in the
store's own schema, then measures, on the same store in the same run:

- ``entity`` lookups (name resolution + connections with evidence), p50 / p95;
- ``connections`` depth 1 and depth 2, p50 / p95;
- ``path`` between random pairs (bidirectional BFS on the store), p50 / p95;
- Cypher (``--only cypher``): the embedded engine (KGLite) side by side with Neo4j on the
  same graph (``--neo4j URI``: the store is pushed there first; without it, embedded
  only): one-entity neighbourhood, 2-hop, shortest path, top-k aggregation, p50 / p95;
  plus the embedded graph's build time, peak RSS of a build (in a fresh process) and
  the time to open it from its file beside the store;
- the naive way: ``build_graph(store)`` (whole graph into NetworkX) before one lookup.

Usage: python benchmarks/queries.py [--entities N] [--relations N] [--samples N] [--db PATH]
       [--only lookups|cypher|naive|rankings] [--neo4j URI]
Full Cypher figures: python benchmarks/queries.py --only cypher --neo4j bolt://127.0.0.1:7687 --db /tmp/bench.db
Prints figures and the ratios naive / store. No dataset needed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsgraph.graph.model import DEFAULT_MIN_CONFIDENCE, ENTITY_TYPES, ID_PREFIX, normalise_name  # noqa: E402
from newsgraph.graph.relation_filter import RelationFilter  # noqa: E402
from newsgraph.graph.nxview import build_graph  # noqa: E402
from newsgraph.graph.store import Store  # noqa: E402
from newsgraph.kg import KnowledgeGraph  # noqa: E402

TYPE_SHARE = {"Person": 0.45, "Organization": 0.25, "Location": 0.2, "Country": 0.05, "Group": 0.05}
RELATION_SHARE = {
    "CO_OCCURS_WITH": 0.55, "MET_WITH": 0.1, "VISITED": 0.08, "HOLDS_ROLE": 0.05, "CRITICIZED": 0.05,
    "SUPPORTED": 0.05, "WORKS_FOR": 0.05, "ACCUSED": 0.04, "PRAISED": 0.03,
}
SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "sa", "di", "ne", "ru", "po", "li", "za", "mo", "ter", "an", "bel", "cor"]


def name_for(i: int, rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()} {i}"


def build_store(path: Path, n_entities: int, n_relations: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    store = Store(path)
    conn = store.conn
    n_docs = max(1000, n_relations // 10)
    t0 = time.perf_counter()
    with store.transaction():
        docs = []
        for d in range(n_docs):
            day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if d % 2 else f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            docs.append((f"doc{d:07d}", f"Article {d}", f"synthetic/{d}.txt", None, day, None, 2000, "2026-01-01T00:00:00Z", day))
        conn.executemany("INSERT INTO documents (id, title, source, url, published, external_id, text_length, ingested_at, date) VALUES (?,?,?,?,?,?,?,?,?)", docs)
        types = rng.choices(list(TYPE_SHARE), weights=list(TYPE_SHARE.values()), k=n_entities)
        entities, aliases = [], []
        for i, etype in enumerate(types):
            name = name_for(i, rng)
            eid = f"{ID_PREFIX[etype]}:e{i}"
            entities.append((eid, etype, name, None, 0, rng.randint(1, 50), rng.randint(1, 20), "2024-01-01", "2025-12-28"))
            aliases.append((eid, name, normalise_name(name), "name"))
            if etype == "Person":
                surname = name.split()[1]
                aliases.append((eid, surname, normalise_name(surname), "surname"))
        conn.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?)", entities)
        conn.executemany("INSERT OR IGNORE INTO aliases VALUES (?,?,?,?)", aliases)
        # Skewed degrees, as in news: a few entities are in everything.
        ids = [e[0] for e in entities]
        weights = [1.0 / (k + 10) ** 0.8 for k in range(n_entities)]
        rel_types = list(RELATION_SHARE)
        rel_weights = list(RELATION_SHARE.values())
        seen: set[tuple[str, str, str]] = set()
        relations, evidence = [], []
        rid = 0
        while rid < n_relations:
            batch = rng.choices(ids, weights=weights, k=20000)
            tails = rng.choices(ids, k=20000)
            rtypes = rng.choices(rel_types, weights=rel_weights, k=20000)
            for head, tail, rtype in zip(batch, tails, rtypes):
                if rng.random() < 0.5:
                    head, tail = tail, head
                if head == tail:
                    continue
                if rtype == "CO_OCCURS_WITH" and head > tail:
                    head, tail = tail, head
                key = (head, rtype, tail)
                if key in seen:
                    continue
                seen.add(key)
                rid += 1
                weight = 1 + int(rng.paretovariate(2.5)) - 1
                method = "cooccurrence" if rtype == "CO_OCCURS_WITH" else "dep"
                conf = 0.2 if method == "cooccurrence" else round(rng.uniform(0.4, 0.9), 2)
                dates = []
                for _ in range(weight):
                    d = rng.randrange(n_docs)
                    dates.append(docs[d][8])
                    evidence.append((rid, docs[d][0], rng.randrange(5000), 0, f"Sentence {rid} where {head} and {tail} appear.", None, method, conf))
                relations.append((rid, head, tail, rtype, None, None, method, conf, weight, min(dates), max(dates)))
                if rid >= n_relations:
                    break
        conn.executemany("INSERT INTO relations VALUES (?,?,?,?,?,?,?,?,?,?,?)", relations)
        conn.executemany("INSERT OR IGNORE INTO evidence VALUES (?,?,?,?,?,?,?,?)", evidence)
        conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='data_version'")
    conn.execute("ANALYZE")
    store.close()
    print(f"built {n_entities:,} entities, {n_relations:,} relations, {len(evidence):,} evidence rows, "
          f"{n_docs:,} documents in {time.perf_counter() - t0:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")


def timed(fn, *args, **kwargs) -> float:
    t0 = time.perf_counter()
    fn(*args, **kwargs)
    return (time.perf_counter() - t0) * 1000


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def report(label: str, ms: list[float]) -> float:
    p50 = statistics.median(ms)
    print(f"{label:<44} p50 {p50:9.2f} ms   p95 {pct(ms, 0.95):9.2f} ms   (n={len(ms)})")
    return p50


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=200_000)
    ap.add_argument("--relations", type=int, default=1_000_000)
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("--naive-runs", type=int, default=2)
    ap.add_argument("--db", type=Path, help="Reuse or keep the synthetic store here.")
    ap.add_argument("--neo4j", help="Also run the Cypher queries in Neo4j at this URI (the store is pushed there; its database is replaced).")
    ap.add_argument("--only", choices=["lookups", "cypher", "naive", "rankings"], action="append", help="Run only these parts (repeatable).")
    args = ap.parse_args()

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="ng-bench-")
        args.db = Path(tmp.name) / "bench.db"
    if not args.db.exists():
        build_store(args.db, args.entities, args.relations)
    for old in args.db.parent.glob(f"{args.db.name}.cypher-*"):
        old.unlink()

    rng = random.Random(11)
    kg = KnowledgeGraph.open(args.db)
    store = kg.store
    stats = store.conn.execute("SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM relations)").fetchone()
    print(f"store: {stats[0]:,} entities, {stats[1]:,} relations")
    names = [r[0] for r in store.conn.execute("SELECT name FROM entities WHERE type='Person' ORDER BY random() LIMIT ?", (args.samples,))]
    sample = names[: args.samples]

    parts = set(args.only or ["lookups", "cypher", "rankings", "naive"])
    results = {}
    if "lookups" in parts:
        lookups(kg, sample, rng, results)
    if "cypher" in parts:
        cypher(kg, store, sample, args.neo4j)
    if "rankings" in parts:
        for by in ("mentions", "degree", "pagerank", "betweenness"):
            t0 = time.perf_counter()
            top = kg.top(by=by, limit=10)
            note = " (approximate)" if top["approximate"] else ""
            print(f"{'top --by ' + by:<44} {time.perf_counter() - t0:9.1f} s{note}", flush=True)
    if "naive" in parts:
        naive_ms = naive(kg, store, sample, args.naive_runs)
        print()
        for key, label in [("entity", "entity"), ("connections", "connections"), ("depth2", "connections --depth 2"), ("path", "path")]:
            if key in results:
                print(f"{label:<24} p50 {results[key]:8.2f} ms   naive/store = {naive_ms / results[key]:,.0f}x")
    kg.close()
    if tmp is not None:
        tmp.cleanup()


def lookups(kg: KnowledgeGraph, sample: list[str], rng: random.Random, results: dict[str, float]) -> None:
    results["entity"] = report("entity NAME (resolve + connections)", [timed(kg.entity, n) for n in sample])
    results["connections"] = report("connections NAME", [timed(kg.connections, n) for n in sample])
    report("connections NAME --type MET_WITH --since 2025", [timed(kg.connections, n, RelationFilter(relation_types=["MET_WITH"], min_confidence=DEFAULT_MIN_CONFIDENCE, since="2025-01-01")) for n in sample])
    results["depth2"] = report("connections NAME --depth 2", [timed(kg.connections, n, depth=2) for n in sample[:50]])
    pairs = [(rng.choice(sample), rng.choice(sample)) for _ in range(50)]
    hops = []

    def one_path(a: str, b: str) -> None:
        hops.append(kg.path(a, b, max_hops=4)["hops"])

    results["path"] = report("path A B --max-hops 4", [timed(one_path, a, b) for a, b in pairs])
    found = [h for h in hops if h is not None]
    print(f"{'':<44} paths found {len(found)}/{len(hops)}, hops {statistics.mean(found) if found else 0:.1f} on average")


CYPHER_QUERIES = {
    "neighbourhood": "MATCH (p:Person {name: $name})-[r]-(o:Entity) RETURN type(r) AS rel, o.name AS other, r.weight AS w",
    "2-hop": "MATCH (p:Person {name: $name})-[*2..2]-(o:Entity) RETURN count(DISTINCT o) AS reach",
    "shortest path": "MATCH p = shortestPath((a:Person {name: $name})-[*..6]-(b:Person {name: $other})) RETURN length(p) AS hops",
    "top-k aggregation": "MATCH (p:Person)-[r:MET_WITH]-(o:Person) RETURN p.name AS name, sum(r.weight) AS w ORDER BY w DESC, name LIMIT 10",
}


def _build_in_child(db: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of building the embedded graph in a fresh process."""
    import json
    import subprocess

    code = (
        "import json, resource, sys, time; sys.path.insert(0, %r)\n"
        "from newsgraph.graph.store import Store\n"
        "from newsgraph.queries.cypher.graph import build\n"
        "s = Store(%r); t0 = time.perf_counter(); g = build(s, min_confidence=0.0); t = time.perf_counter() - t0\n"
        "print(json.dumps([t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))\n"
    ) % (str(REPO), str(db))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    seconds, peak = json.loads(out.strip().splitlines()[-1])
    return seconds, peak


def cypher(kg: KnowledgeGraph, store: Store, sample: list[str], neo4j: str | None) -> None:
    from newsgraph.queries.cypher import graph as embedded_graph

    seconds, peak = _build_in_child(store.path)
    print(f"{'embedded graph: build (fresh process)':<44} {seconds:9.1f} s, peak RSS {peak:,.0f} MB")
    embedded_graph.clear_memory()
    t0 = time.perf_counter()
    kg.cypher("RETURN 1", min_confidence=0.0)  # builds and saves the file beside the store (every relation)
    print(f"{'embedded graph: build + save':<44} {time.perf_counter() - t0:9.1f} s")
    embedded_graph.clear_memory()
    t0 = time.perf_counter()
    _, info = embedded_graph.embedded_graph(store, min_confidence=0.0)
    print(f"{'embedded graph: open the verified file':<44} {time.perf_counter() - t0:9.2f} s ({info.source})")
    run_neo4j = None
    if neo4j:
        from newsgraph.graph.neo4j_sync import push
        from newsgraph.queries.cypher.neo4j import run_cypher as run_neo4j

        t0 = time.perf_counter()
        run_neo4j(neo4j, "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", write=True)
        push(store, neo4j, min_confidence=0.0)  # the same graph as the embedded one built with min_confidence=0
        print(f"{'neo4j: push of the same store':<44} {time.perf_counter() - t0:9.1f} s")
    pairs = list(zip(sample, reversed(sample)))
    for label, query in CYPHER_QUERIES.items():
        params = [{"name": a, "other": b} for a, b in pairs[:50]]
        if "$" not in query:
            params = params[:10]
        for p in params[:3]:  # warm-up: caches, plans
            kg.cypher(query, p, min_confidence=0.0)
        report(f"cypher {label}, embedded", [timed(kg.cypher, query, p, min_confidence=0.0) for p in params])
        if run_neo4j is not None:
            from newsgraph.graph.neo4j_client import Neo4jTarget, open_driver

            target = Neo4jTarget.from_env(neo4j, None, None, None)
            with open_driver(target) as driver, driver.session(database=target.database) as session:

                def one(p: dict[str, str]) -> None:
                    session.execute_read(lambda tx: tx.run(query, p).data())

                for p in params[:3]:
                    one(p)
                report(f"cypher {label}, neo4j (one session)", [timed(one, p) for p in params])


def naive(kg: KnowledgeGraph, store: Store, sample: list[str], runs: int) -> float:
    print("naive: build_graph(store) of the whole graph, then one lookup ...", flush=True)
    ms = []
    for n in sample[:runs]:
        t0 = time.perf_counter()
        whole = build_graph(store)
        eid = kg.resolve(n)
        list(whole.out_edges(eid, data=True, keys=True)) + list(whole.in_edges(eid, data=True, keys=True))
        ms.append((time.perf_counter() - t0) * 1000)
        print(f"{'':<44} whole graph: {whole.number_of_nodes():,} nodes, {whole.number_of_edges():,} edges")
        del whole
    return report("naive whole-graph load + lookup", ms)


if __name__ == "__main__":
    main()
