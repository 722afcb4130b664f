"""Load on ``newsgraph serve``: requests per second and latency percentiles for search and
the entity view with concurrent clients, against a real server process.

    .venv/bin/python benchmarks/serve_load.py                       # full BBC set, 20 clients
    .venv/bin/python benchmarks/serve_load.py --limit 100 --seconds 5   # a quick check
    .venv/bin/python benchmarks/serve_load.py --db bbc.db --json
    .venv/bin/python benchmarks/serve_load.py --synthetic 1000000        # search at a million entities

1. The store: ``--db PATH`` if given; otherwise the BBC corpus
   (``../shared/datasets/news/bbc_news.jsonl`` beside the repository, or ``--datasets`` /
   ``NEWSGRAPH_DATASETS``; articles with ``duplicate_of: null``, all 2,127 unless
   ``--limit``) ingested by this script into ``--cache`` (kept between runs, keyed by the
   limit). When the corpus is missing it says so and stops (exit 2): the figures are for
   the BBC store, nothing else is substituted silently.
2. ``newsgraph serve`` is started as its own process on a free loopback port (the clients
   and the server do not share a Python interpreter).
3. Scenarios, each for ``--seconds`` after a short warm-up, with ``--clients`` threads
   (default 20) each on its own keep-alive connection, issuing requests back to back:
   - ``search``: ``GET /api/search`` with what a person types: a prefix of a stored name
     (4-8 letters), a name with one letter dropped (a typo), a surname;
   - ``entity view``: what the page asks for when an entity opens, the card
     (``/api/entity``) and the ego network at the default filters (``/api/ego``), timed
     together as one view; entities drawn from the 200 most mentioned, weighted like
     browsing (hubs often, the long tail too).
   Then both again with one client (``--single``), the latency a lone analyst sees, to
   compare with the issue's targets (first view < 300 ms, search < 100 ms).
4. Prints, per scenario, requests (views), errors, requests/s, p50, p95 and p99 latency in
   ms; ``--json`` for the raw figures.

The search target in the issue is for a million entities; the BBC store has about twelve
thousand: ``--synthetic 1000000`` measures benchmarks/curation.py's store of a million
synthetic people instead (built once, about 15 minutes, kept in ``--cache``). The machine is shared: figures
are meaningful only on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

import httpx

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATASETS = REPO.parent / "shared" / "datasets"
CORPUS = Path("news") / "bbc_news.jsonl"


def datasets_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("NEWSGRAPH_DATASETS") or DEFAULT_DATASETS)


def build_store(corpus: Path, cache: Path, limit: int | None) -> Path:
    """The BBC articles (no duplicates) ingested with the default pipeline, cached."""
    from newsgraph import KnowledgeGraph

    cache.mkdir(parents=True, exist_ok=True)
    db = cache / f"serve-load-bbc-{limit or 'all'}.db"
    if db.is_file():
        return db
    rows = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("duplicate_of") is None:
                rows.append(line)
            if limit and len(rows) >= limit:
                break
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "bbc.jsonl"
        src.write_text("".join(rows), encoding="utf-8")
        partial = db.with_suffix(".partial.db")
        partial.unlink(missing_ok=True)
        started = time.perf_counter()
        with KnowledgeGraph.open(partial) as kg:
            summary = kg.ingest([src])
        print(f"ingested {summary.documents_new} articles in {time.perf_counter() - started:.0f} s "
              f"({summary.entities} entities, {summary.relations} relations) -> {db}", file=sys.stderr)
        partial.rename(db)
    return db


def build_synthetic(cache: Path, entities: int) -> Path:
    """The search store of benchmarks/curation.py (``entities`` synthetic people, names
    from its seeded generator, the surname as an alias), cached: the issue's search target
    is for a million entities, ten times the BBC store's size class."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from curation import search_store

    cache.mkdir(parents=True, exist_ok=True)
    db = cache / f"serve-load-synthetic-{entities}.db"
    if db.is_file():
        return db
    partial = db.with_suffix(".partial.db")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    search_store(partial, entities, random.Random(7))
    print(f"stored {entities:,} synthetic entities in {time.perf_counter() - started:.0f} s -> {db}", file=sys.stderr)
    partial.rename(db)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, db: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.url + "/api/meta", timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"newsgraph serve did not start: {self.proc.stderr.read() if self.proc.stderr else ''}")
            time.sleep(0.2)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)


def workload(base: str, rng: random.Random) -> tuple[list[str], list[str]]:
    """Search texts and entity ids to view, from the store's most mentioned entities."""
    resp = httpx.get(base + "/api/top", params={"limit": 200}, timeout=30)
    resp.raise_for_status()
    top = resp.json()["entities"]
    if not top:
        raise SystemExit("the store has no entities")
    queries = []
    for e in top:
        name = e["name"]
        queries.append(name[: rng.randint(4, 8)])
        if len(name) > 5:
            i = rng.randrange(1, len(name) - 1)
            queries.append(name[:i] + name[i + 1 :])  # one letter dropped
        if e["type"] == "Person" and " " in name:
            queries.append(name.split()[-1])
    # Browsing: the first entities (hubs) come up often, the tail now and then.
    ids = [e["id"] for e in top]
    weights = [1.0 / (1 + i) ** 0.6 for i in range(len(ids))]
    views = rng.choices(ids, weights=weights, k=5000)
    return queries, views


def run_scenario(clients: int, seconds: float, warmup: float, job: Callable[[httpx.Client, random.Random], int]) -> dict[str, Any]:
    """``clients`` threads run ``job`` back to back; each call's latency is one sample."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start_at = time.perf_counter() + warmup
    stop_at = start_at + seconds

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        mine: list[float] = []
        bad = 0
        with httpx.Client(timeout=60) as client:
            while True:
                t0 = time.perf_counter()
                if t0 >= stop_at:
                    break
                try:
                    ok = job(client, rng)
                except httpx.HTTPError:
                    ok = 0
                t1 = time.perf_counter()
                if t0 >= start_at:  # warm-up calls are not counted
                    mine.append(t1 - t0)
                    bad += 0 if ok else 1
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lat = sorted(latencies)

    def pct(p: float) -> float:
        return round(1000 * lat[min(len(lat) - 1, int(p * len(lat)))], 1) if lat else float("nan")

    return {
        "clients": clients, "seconds": seconds, "requests": len(lat), "errors": errors[0],
        "per_second": round(len(lat) / seconds, 1), "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
        "mean_ms": round(1000 * statistics.fmean(lat), 1) if lat else float("nan"),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="an existing store (default: the BBC set ingested into --cache)")
    ap.add_argument("--datasets", help="datasets folder (default ../shared/datasets beside the repo)")
    ap.add_argument("--cache", default=str(REPO / ".cache" / "benchmarks"), help="where the ingested BBC store is kept")
    ap.add_argument("--limit", type=int, help="ingest only the first N BBC articles (a quick check)")
    ap.add_argument("--synthetic", type=int, metavar="N",
                    help="instead of the BBC set: N synthetic entities (benchmarks/curation.py's search store), e.g. 1000000")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=20.0, help="measured time per scenario")
    ap.add_argument("--warmup", type=float, default=2.0)
    ap.add_argument("--no-single", dest="single", action="store_false", help="skip the one-client runs")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    if args.db:
        db = Path(args.db)
        label = db.name
    elif args.synthetic:
        db = build_synthetic(Path(args.cache), args.synthetic)
        label = f"{args.synthetic:,} synthetic entities"
    else:
        corpus = datasets_dir(args.datasets) / CORPUS
        if not corpus.is_file():
            print(f"The BBC corpus is missing: {corpus} does not exist. It lives in shared/datasets/news/ beside the "
                  "repository; pass --datasets DIR, set NEWSGRAPH_DATASETS, or measure another store with --db PATH. "
                  "No figures.", file=sys.stderr)
            return 2
        db = build_store(corpus, Path(args.cache), args.limit)
        label = f"BBC, {'first ' + str(args.limit) if args.limit else 'all'} articles"

    server = Server(db)
    try:
        meta = httpx.get(server.url + "/api/meta", timeout=30).json()
        queries, views = workload(server.url, random.Random(17))
        base = server.url

        def search(client: httpx.Client, rng: random.Random) -> int:
            r = client.get(base + "/api/search", params={"q": rng.choice(queries), "limit": 15})
            return int(r.status_code == 200)

        def entity_view(client: httpx.Client, rng: random.Random) -> int:
            eid = rng.choice(views)
            a = client.get(base + "/api/entity", params={"ref": eid})
            b = client.get(base + "/api/ego", params={"ref": eid})
            return int(a.status_code == 200 and b.status_code == 200)

        runs = []
        for name, job in (("search", search), ("entity view", entity_view)):
            plan = [args.clients] + ([1] if args.single and args.clients != 1 else [])
            for clients in plan:
                result = run_scenario(clients, args.seconds, args.warmup, job)
                runs.append({"scenario": name, **result})
    finally:
        server.stop()

    report = {"store": label, "db": str(db), "stats": meta["stats"], "runs": runs,
              "targets": {"entity view first paint": "< 300 ms", "search": "< 100 ms (at 1M entities; this store has "
                          f"{meta['stats']['entities']})"}}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    s = meta["stats"]
    print(f"store: {label} ({s['documents']} documents, {s['entities']} entities, {s['relations']} relations)")
    print(f"{'scenario':<12} {'clients':>7} {'requests':>9} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for r in runs:
        print(f"{r['scenario']:<12} {r['clients']:>7} {r['requests']:>9} {r['errors']:>6} {r['per_second']:>8} "
              f"{r['p50_ms']:>8} {r['p95_ms']:>8} {r['p99_ms']:>8}")
    print("entity view = card + ego network at the default filters (the two requests the page makes), timed together.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
