"""Ingest speed and memory on the BBC corpus, side by side with bare spaCy.

    python benchmarks/ingest.py [--limit N] [--repeat R] [--json] [--datasets DIR]

Three configurations run in one invocation, each in its own subprocess, interleaved
round by round so that load from other work on the machine hits them alike:

* ``spacy``: bare spaCy, ``nlp.pipe(texts)`` over the raw article texts with the same
  model (all its default components), one process, nothing else;
* ``ingest-w1``: ``KnowledgeGraph.ingest`` (what ``newsgraph ingest`` calls) with
  ``workers=1`` into a fresh SQLite file;
* ``ingest``: the same with its defaults (``workers=None``: one parser process per core,
  capped at 4).

Measured, per configuration:

* wall time of the whole subprocess (interpreter start, imports, model load, the work,
  the last commit): articles/s and tokens/s are computed from it; tokens are spaCy's
  tokens of the raw texts, counted by the ``spacy`` run;
* peak RSS: the sum of the resident sets of the process and all its descendants (parser
  workers), sampled every 50 ms from /proc, and the largest single process's
  ``ru_maxrss`` (``os.wait4``, which covers descendants that have exited);
* for the ingest runs, from ``on_document`` callbacks: ``late/early`` is the speed
  (characters of text per second) over the last 10% of the articles divided by the speed
  over the first 10% (1.0 = no slow-down as the store grows; see ``_spread``);
* for ``ingest-w1``: where the time goes: the stages around the parse are timed by
  wrapping them (reading and cleanup, ``document_id`` and the store look-up, extraction
  from the parsed ``Doc``, ``Store.add_documents``); the parse is the rest.

The corpus is ``../shared/datasets/news/bbc_news.jsonl`` beside the repository (or
``--datasets``/``NEWSGRAPH_DATASETS``), articles with ``duplicate_of: null`` only
(2,127), written to a temporary JSON Lines file that every configuration reads.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from childproc import run_measured  # noqa: E402  (one measured child process, shared with scale.py)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATASETS = REPO.parent / "shared" / "datasets"
CORPUS = Path("news") / "bbc_news.jsonl"
CONFIGS = ("spacy", "ingest-w1", "ingest")


# --- the corpus ---------------------------------------------------------------------------


def datasets_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("NEWSGRAPH_DATASETS") or DEFAULT_DATASETS)


def write_corpus(source: Path, dest: Path, limit: int | None) -> int:
    n = 0
    with source.open(encoding="utf-8") as f, dest.open("w", encoding="utf-8") as out:
        for line in f:
            row = json.loads(line)
            if row.get("duplicate_of") is not None:
                continue
            out.write(json.dumps({"id": row["id"], "title": row["title"], "text": row["text"]}) + "\n")
            n += 1
            if limit is not None and n >= limit:
                break
    return n


# --- children: one configuration each, result as JSON on the last stdout line -------------


def _spread(stamps: list[float], start: float, weights: list[int] | None = None) -> dict[str, float]:
    """Seconds per 10% of the work, over the first and over the last 10% of the articles.

    Work is characters of text when ``weights`` gives each article's length (articles come
    in input order, and the BBC file is ordered by category, whose article lengths differ),
    else articles. Articles come out in bursts (a batch or a worker's chunk at a time), so
    each window runs from one burst's end to another's. The first window starts when the
    first articles are out: start-up (model load, worker start) is not a slow-down."""
    n = len(stamps)
    k = max(1, n // 10)
    w = weights if weights is not None and len(weights) == n else [1] * n
    cumulative = [0]
    for x in w:
        cumulative.append(cumulative[-1] + x)
    tenth = cumulative[-1] / 10
    ends: list[tuple[float, int]] = []  # (time a burst ended, articles out by then)
    for i, t in enumerate(stamps):
        if ends and t - ends[-1][0] < 0.002:
            ends[-1] = (t, i + 1)
        else:
            ends.append((t, i + 1))
    if len(ends) < 3:
        return {"first10_s": 0.0, "last10_s": 0.0}

    def per_tenth(t_a: float, c_a: int, t_b: float, c_b: int) -> float:
        return (t_b - t_a) / max(1, cumulative[c_b] - cumulative[c_a]) * tenth

    t0, c0 = ends[0]
    first = next((per_tenth(t0, c0, t, c) for t, c in ends[1:] if c - c0 >= k), 0.0)
    t_end, c_end = ends[-1]
    last = next((per_tenth(t, c, t_end, c_end) for t, c in reversed(ends[:-1]) if c_end - c >= k), 0.0)
    return {"first10_s": first, "last10_s": last}


def child_spacy(corpus: Path) -> dict[str, Any]:
    import spacy

    from newsgraph.extract.pipeline import model_name

    t0 = time.perf_counter()
    nlp = spacy.load(model_name().replace("-", "_"))
    load = time.perf_counter() - t0
    texts = (json.loads(line)["text"] for line in corpus.open(encoding="utf-8"))
    start = time.perf_counter()
    tokens = 0
    stamps = []
    for doc in nlp.pipe(texts):
        tokens += len(doc)
        stamps.append(time.perf_counter())
    return {"articles": len(stamps), "tokens": tokens, "load_s": load, "work_s": time.perf_counter() - start,
            **_spread(stamps, start)}


class _Timer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, name: str, func: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t

        return timed

    def wrap_iter(self, name: str, func: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            it = iter(func(*args, **kwargs))
            while True:
                t = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    return
                finally:
                    self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t
                yield item

        return timed


def child_ingest(corpus: Path, db: Path, workers: int | None, stages: bool) -> dict[str, Any]:
    import newsgraph.extract.pipeline as pipeline
    import newsgraph.extract.readers as readers
    import newsgraph.graph.store as store
    import newsgraph.kg as kg_module
    from newsgraph.extract.parallel import default_workers
    from newsgraph.kg import KnowledgeGraph

    timer = _Timer()
    if stages:
        # Wrapped where ``KnowledgeGraph.ingest`` looks them up; only meaningful in-process
        # (workers=1): with a pool, extraction runs in the workers.
        readers.iter_articles = timer.wrap_iter("read+clean", readers.iter_articles)
        pipeline.extract_doc = timer.wrap("extract", pipeline.extract_doc)
        kg_module.document_id = timer.wrap("dedupe", kg_module.document_id)
        store.Store.present_documents = timer.wrap("dedupe", store.Store.present_documents)
        store.Store.add_documents = timer.wrap("store", store.Store.add_documents)
    t0 = time.perf_counter()
    pipeline.load_pipeline()
    load = time.perf_counter() - t0
    stamps: list[float] = []
    start = time.perf_counter()
    with KnowledgeGraph.open(db) as kg:
        kwargs: dict[str, Any] = {} if workers is None else {"workers": workers}
        summary = kg.ingest([corpus], on_document=lambda: stamps.append(time.perf_counter()), **kwargs)
        work = time.perf_counter() - start
    lengths = [len(json.loads(line)["text"]) for line in corpus.open(encoding="utf-8")]
    result = {"articles": len(stamps), "load_s": load, "work_s": work, "summary": summary.to_dict(),
              "workers": default_workers() if workers is None else workers,
              **_spread(stamps, start, lengths)}
    if stages:
        other = sum(timer.seconds.values())
        result["stages_s"] = {**timer.seconds, "parse (rest)": work - other}
    return result


def run_child(args: list[str]) -> dict[str, Any]:
    """Run one configuration; wall time, sampled peak RSS of the process tree, ru_maxrss."""
    run = run_measured([sys.executable, str(Path(__file__).resolve()), *args])
    if run.returncode != 0:
        sys.exit(f"benchmark child {' '.join(args)} failed ({run.returncode}):\n{run.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    result["wall_s"] = run.wall_s
    result["peak_rss_tree_mb"] = run.peak_rss_tree_mb
    result["max_rss_process_mb"] = run.max_rss_process_mb
    return result


# --- the parent -------------------------------------------------------------------------


def measure(corpus: Path, workdir: Path, repeat: int) -> dict[str, list[dict[str, Any]]]:
    runs: dict[str, list[dict[str, Any]]] = {c: [] for c in CONFIGS}
    for round_ in range(repeat):
        for config in CONFIGS:
            db = workdir / f"{config}-{round_}.db"
            if config == "spacy":
                args = ["--child", "spacy", "--corpus", str(corpus)]
            else:
                args = ["--child", "ingest", "--corpus", str(corpus), "--db", str(db)]
                if config == "ingest-w1":
                    args += ["--workers", "1", "--stages"]
            print(f"round {round_ + 1}/{repeat}: {config} ...", file=sys.stderr, flush=True)
            runs[config].append(run_child(args))
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
    return runs


def summarise(runs: dict[str, list[dict[str, Any]]], n_articles: int) -> dict[str, Any]:
    tokens = runs["spacy"][0]["tokens"]
    rows: dict[str, Any] = {}
    for config, results in runs.items():
        walls = [r["wall_s"] for r in results]
        wall = statistics.median(walls)
        row: dict[str, Any] = {
            "wall_s": round(wall, 2),
            "walls_s": [round(w, 2) for w in walls],
            "articles_per_s": round(n_articles / wall, 2),
            "tokens_per_s": round(tokens / wall),
            "peak_rss_tree_mb": round(max(r["peak_rss_tree_mb"] for r in results)),
            "max_rss_process_mb": round(max(r["max_rss_process_mb"] for r in results)),
            "late_vs_early": None if config == "spacy" else round(
                statistics.median(r["first10_s"] / r["last10_s"] for r in results if r["last10_s"] > 0), 3
            ) if any(r["last10_s"] > 0 for r in results) else None,
        }
        if config != "spacy":
            row["workers"] = results[0]["workers"]
            row["documents_new"] = results[0]["summary"]["documents"]["new"]
        if "stages_s" in results[0]:
            stages: dict[str, float] = {}
            for r in results:
                for k, v in r["stages_s"].items():
                    stages[k] = stages.get(k, 0.0) + v / len(results)
            work = statistics.mean(r["work_s"] for r in results)
            row["stages_share"] = {k: round(v / work, 3) for k, v in stages.items()}
            row["outside_parse_share"] = round(1 - stages["parse (rest)"] / work, 3)
        rows[config] = row
    # Ratios per round (same load conditions), then their median.
    ratios = {}
    for config in ("ingest-w1", "ingest"):
        per_round = [s["wall_s"] / c["wall_s"] for s, c in zip(runs["spacy"], runs[config])]
        ratios[f"{config} / spacy"] = round(statistics.median(per_round), 3)
        ratios[f"{config} / spacy per round"] = [round(x, 3) for x in per_round]
    return {"articles": n_articles, "tokens": tokens, "configs": rows, "throughput_ratios": ratios}


def render(report: dict[str, Any]) -> str:
    lines = [f"{report['articles']} articles, {report['tokens']} spaCy tokens; medians over {report['repeat']} round(s)", ""]
    head = f"{'config':<12} {'workers':>7} {'wall s':>8} {'art/s':>7} {'tok/s':>7} {'x spacy':>8} {'peak RSS MB':>11} {'max proc MB':>11} {'late/early':>10}"
    lines.append(head)
    lines.append("-" * len(head))
    for config, row in report["configs"].items():
        ratio = 1.0 if config == "spacy" else report["throughput_ratios"][f"{config} / spacy"]
        lines.append(
            f"{config:<12} {row.get('workers', 1):>7} {row['wall_s']:>8.1f} {row['articles_per_s']:>7.2f} "
            f"{row['tokens_per_s']:>7} {ratio:>8.2f} {row['peak_rss_tree_mb']:>11} {row['max_rss_process_mb']:>11} "
            f"{row['late_vs_early'] if row['late_vs_early'] is not None else '-':>10}"
        )
    w1 = report["configs"]["ingest-w1"]
    if "stages_share" in w1:
        lines.append("")
        lines.append(f"ingest-w1: {w1['outside_parse_share']:.1%} of the ingest time is outside the parse")
        for k, v in sorted(w1["stages_share"].items(), key=lambda kv: -kv[1]):
            lines.append(f"  {k:<14} {v:6.1%}")
    lines.append("")
    for k, v in report["throughput_ratios"].items():
        if not k.endswith("per round"):
            lines.append(f"throughput {k}: {v:.2f}x  (per round: {report['throughput_ratios'][k + ' per round']})")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N unique articles")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of the three configurations")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--datasets", help="datasets folder (default ../shared/datasets beside the repo)")
    ap.add_argument("--child", choices=["spacy", "ingest"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--stages", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child == "spacy":
        print(json.dumps(child_spacy(Path(args.corpus))))
        return
    if args.child == "ingest":
        print(json.dumps(child_ingest(Path(args.corpus), Path(args.db), args.workers, args.stages)))
        return

    source = datasets_dir(args.datasets) / CORPUS
    if not source.is_file():
        sys.exit(
            f"benchmarks/ingest.py: the BBC corpus is missing: {source}\n"
            "It lives in shared/datasets/news/ beside the repository; pass --datasets DIR or set NEWSGRAPH_DATASETS."
        )
    with tempfile.TemporaryDirectory(prefix="ng-bench-") as tmp:
        workdir = Path(tmp)
        corpus = workdir / "bbc_unique.jsonl"
        n = write_corpus(source, corpus, args.limit)
        runs = measure(corpus, workdir, args.repeat)
    report = summarise(runs, n)
    report["repeat"] = args.repeat
    report["command"] = "python benchmarks/ingest.py " + " ".join(sys.argv[1:])
    report["cpu_count"] = os.cpu_count()
    report["loadavg_at_end"] = os.getloadavg()
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(render(report))
        print(f"\nload average at the end: {' '.join(f'{x:.1f}' for x in report['loadavg_at_end'])} on {report['cpu_count']} CPUs")


if __name__ == "__main__":
    main()
