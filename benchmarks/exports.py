"""GraphML export at scale: our streaming writer against networkx's ``write_graphml``.

    .venv/bin/python benchmarks/exports.py                 # 1,000,000 edges (default)
    .venv/bin/python benchmarks/exports.py --edges 100000  # quicker

Builds a synthetic store (entities, documents, relations with 1-3 pieces of evidence each;
sentences with accents, XML metacharacters and the odd control character), cached by size
in the system temp folder, then runs each contender in its own subprocess and reports
wall time, CPU time and peak RSS (VmHWM of that process):

- ``ours/store``: ``newsgraph.exports.export(store, "graphml", ...)``, ``--parallel keep``,
  streaming from SQLite (what ``newsgraph export graphml`` does);
- ``ours/store merge``: the same with the default ``--parallel merge``;
- ``networkx``: the same nodes, edges and attributes (flattened exactly as our writer
  flattens them) in a MultiDiGraph, written with ``networkx.write_graphml`` (lxml writer);
  the time of building the graph is reported apart from the time of writing it;
- ``ours/nx``: our writer on that same in-memory MultiDiGraph.

Prints a table and the ratios networkx / ours measured in the same run. Machine noise is
large on a shared box: compare the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = ["Person", "Country", "Organization", "Location", "Group"]
RELATIONS = ["VISITED", "MET_WITH", "HOLDS_ROLE", "CRITICIZED", "PRAISED", "SIGNED", "LEADS", "CO_OCCURS_WITH"]
WORDS = (
    "the minister said on Tuesday that talks with officials in São Paulo and Zürich would resume "
    "after a summit where leaders discussed trade, security & migration <according to> \"sources\""
).split()


def build_store(path: Path, n_edges: int, seed: int = 7) -> None:
    from newsgraph.graph.store import Store

    rng = random.Random(seed)
    n_entities = max(1000, n_edges // 10)
    n_docs = max(100, n_edges // 20)
    store = Store(path)
    conn = store.conn
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    docs = []
    for i in range(n_docs):
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        docs.append((f"d{i:08x}", f"Article {i}", f"feed/{i}.txt", None, day, None, 2000, "2026-01-01T00:00:00Z", day))
    conn.executemany("INSERT INTO documents (id, title, source, url, published, external_id, text_length, ingested_at, date) VALUES (?,?,?,?,?,?,?,?,?)", docs)
    entities, aliases = [], []
    for i in range(n_entities):
        etype = TYPES[i % len(TYPES)]
        eid = f"{etype.lower()}:entity-{i}"
        name = f"{etype} Número {i}"
        entities.append((eid, etype, name, None, 0, rng.randint(1, 500), rng.randint(1, 50), "2024-01-01", "2024-12-28"))
        aliases.append((eid, name, name.lower(), "name"))
        if i % 3 == 0:
            aliases.append((eid, f"E{i}", f"e{i}", "alias"))
    conn.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?)", entities)
    conn.executemany("INSERT OR IGNORE INTO aliases VALUES (?,?,?,?)", aliases)
    seen: set[tuple[int, int, int]] = set()
    relations, evidence = [], []
    rid = 0
    while rid < n_edges:
        h, t, k = rng.randrange(n_entities), rng.randrange(n_entities), rng.randrange(len(RELATIONS))
        if h == t or (h, t, k) in seen:
            continue
        seen.add((h, t, k))
        rid += 1
        n_ev = rng.choice((1, 1, 2, 3))
        sentence_docs = rng.sample(range(n_docs), n_ev)
        for d in sentence_docs:
            words = rng.sample(WORDS, 12)
            if rng.random() < 0.01:
                words.append("\x0b")  # a vertical tab, as scraped pages carry
            evidence.append((rid, docs[d][0], 0, 90, " ".join(words) + ".", "say", "dep", 0.7))
        day = min(docs[d][8] for d in sentence_docs)
        relations.append((rid, entities[h][0], entities[t][0], RELATIONS[k], "say", None, "dep", round(rng.random(), 3),
                          n_ev, day, max(docs[d][8] for d in sentence_docs)))
    conn.executemany("INSERT INTO relations VALUES (?,?,?,?,?,?,?,?,?,?,?)", relations)
    conn.executemany("INSERT INTO evidence VALUES (?,?,?,?,?,?,?,?)", evidence)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    store.close()


# -- contenders (each runs in a fresh subprocess) -----------------------------------------

def run_ours_store(db: str, out: str, parallel: str) -> dict:
    from newsgraph.exports import export
    from newsgraph.graph.store import Store

    store = Store(db)
    t0, c0 = time.perf_counter(), time.process_time()
    result = export(store, "graphml", out, parallel=parallel)
    return {"write_s": time.perf_counter() - t0, "write_cpu_s": time.process_time() - c0,
            "nodes": result.nodes, "edges": result.edges}


def _flat_graph(db: str):
    """The MultiDiGraph networkx writes: our records, flattened as our writer flattens them."""
    import networkx as nx

    from newsgraph.exports.graphml import KEYS, evidence_json, format_value
    from newsgraph.exports.source import StoreGraph
    from newsgraph.graph.store import Store

    node_keys = [(n, t) for d, n, t in KEYS if d == "node"]
    edge_keys = [(n, t) for d, n, t in KEYS if d == "edge"]
    py = {"string": str, "int": int, "double": float, "boolean": bool}
    g = nx.MultiDiGraph()
    sg = StoreGraph(Store(db))
    for node in sg.nodes():
        node["label"] = node["name"]
        g.add_node(node["id"], **{n: _typed(format_value(node.get(n), t), t, py) for n, t in node_keys})
    for i, edge in enumerate(sg.edges()):
        edge["label"] = edge["type"]
        edge["evidence"] = evidence_json(edge["evidence"])
        g.add_edge(edge["head"], edge["tail"], key=f"e{i}",
                   **{n: _typed(format_value(edge.get(n), t), t, py) for n, t in edge_keys})
    return g


def _typed(text, attr_type, py):
    if text is None:
        return None
    if attr_type == "boolean":
        return text == "true"
    return py[attr_type](text)


def run_networkx(db: str, out: str) -> dict:
    import networkx as nx

    t0 = time.perf_counter()
    g = _flat_graph(db)
    t1, c1 = time.perf_counter(), time.process_time()
    nx.write_graphml(g, out)
    return {"build_s": t1 - t0, "write_s": time.perf_counter() - t1, "write_cpu_s": time.process_time() - c1,
            "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}


def run_ours_nx(db: str, out: str) -> dict:
    from newsgraph.exports.graphml import write_graphml

    t0 = time.perf_counter()
    g = _flat_graph(db)
    t1, c1 = time.perf_counter(), time.process_time()
    nodes, edges = write_graphml(g, out, parallel="keep")
    return {"build_s": t1 - t0, "write_s": time.perf_counter() - t1, "write_cpu_s": time.process_time() - c1,
            "nodes": nodes, "edges": edges}


def child(args: argparse.Namespace) -> None:
    funcs = {
        "ours/store": lambda: run_ours_store(args.db, args.out, "keep"),
        "ours/store merge": lambda: run_ours_store(args.db, args.out, "merge"),
        "networkx": lambda: run_networkx(args.db, args.out),
        "ours/nx": lambda: run_ours_nx(args.db, args.out),
    }
    result = funcs[args.child]()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["peak_rss_mb"] = peak_rss_mb()
    result["cpu_s"] = usage.ru_utime + usage.ru_stime
    result["file_mb"] = os.path.getsize(args.out) / 1e6
    print(json.dumps(result))


def peak_rss_mb() -> float:
    """VmHWM of this process. Not ru_maxrss: Linux carries that across fork and execve,
    so a child would report its parent's peak."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def count_edges(path: str) -> int:
    from lxml import etree

    n = 0
    for _, el in etree.iterparse(path, tag="{http://graphml.graphdrawing.org/xmlns}edge", huge_tree=True):
        n += 1
        el.clear()
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "newsgraph-bench-exports"))
    parser.add_argument("--only", action="append", help="run only these contenders")
    parser.add_argument("--verify", action="store_true", help="count edges of every file with lxml iterparse")
    parser.add_argument("--child")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if args.build_only:
        build_store(Path(args.db), args.edges)
        return
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"synthetic-{args.edges}.db"
    if not db.exists():
        t0 = time.perf_counter()
        tmp = db.with_suffix(".tmp")
        for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
            p.unlink(missing_ok=True)
        # In a child process, so that this one stays small while the contenders run.
        subprocess.run([sys.executable, __file__, "--build-only", "--edges", str(args.edges), "--db", str(tmp)], check=True)
        tmp.rename(db)
        print(f"built {db} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    contenders = args.only or ["ours/store", "ours/store merge", "networkx", "ours/nx"]
    results = {}
    for name in contenders:
        out = work / f"{name.replace('/', '-').replace(' ', '-')}.graphml"
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, "--child", name, "--db", str(db), "--out", str(out)],
            capture_output=True, text=True,
        )
        if proc.returncode != 0:
            sys.exit(f"{name} failed:\n{proc.stderr}")
        results[name] = json.loads(proc.stdout)
        results[name]["process_s"] = time.perf_counter() - t0
        if args.verify:
            results[name]["edges_in_file"] = count_edges(str(out))
        out.unlink(missing_ok=True)
        print(f"{name}: {results[name]}", file=sys.stderr)
    print(f"GraphML export, synthetic graph: {args.edges:,} relations")
    print(
        f"{'contender':<18} {'nodes':>8} {'edges':>10} {'build s':>8} {'write s':>8} {'write CPU s':>11} "
        f"{'peak RSS MB':>12} {'file MB':>8}"
    )
    for name, r in results.items():
        build = f"{r['build_s']:.1f}" if "build_s" in r else "-"
        print(
            f"{name:<18} {r['nodes']:>8,} {r['edges']:>10,} {build:>8} {r['write_s']:>8.1f} {r['write_cpu_s']:>11.1f} "
            f"{r['peak_rss_mb']:>12.0f} {r['file_mb']:>8.0f}"
        )
    if "networkx" in results:
        nxr = results["networkx"]
        for name in ("ours/store", "ours/store merge", "ours/nx"):
            if name in results:
                r = results[name]
                print(
                    f"networkx write / {name} write: {nxr['write_s'] / r['write_s']:.2f}x wall, "
                    f"{nxr['write_cpu_s'] / r['write_cpu_s']:.2f}x CPU; "
                    f"peak RSS {nxr['peak_rss_mb']:.0f} MB vs {r['peak_rss_mb']:.0f} MB "
                    f"({nxr['peak_rss_mb'] / r['peak_rss_mb']:.1f}x)"
                )


if __name__ == "__main__":
    main()
