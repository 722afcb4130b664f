"""Scale: 10,000+ articles through a direct ingest and through the Spark job plus its merge,
and the web-archive path against bare spaCy (issue 18).

    python benchmarks/scale.py [--articles 10000] [--workers 2] [--format jsonl|warc]
                               [--configs direct,spark,spacy,read] [--datasets DIR] [--json]

The corpus is the BBC set (``news/bbc_news.jsonl`` under ``../shared/datasets`` beside the
repository, or ``--datasets``/``NEWSGRAPH_DATASETS``; 2,127 articles with
``duplicate_of: null``) repeated until ``--articles``, each copy changed so that it is a
distinct article: copy k > 0 gets a closing sentence naming its edition ("This is edition
k of the digest.") so its text hash differs while its entities and relations stay those of
the original. Without the dataset the script says so and exits 2 (nothing is invented).

``--format warc`` writes the corpus as one ``.warc.gz`` of HTML pages (a menu, the
headline, paragraphs, a footer; one gzip member per record) instead of JSON Lines, so the
reading path is warcio + HTML cleaning + page metadata + language detection.

Configurations, each in its own subprocess (wall time from start to exit, interpreter,
imports and model load included; peak RSS summed over the process tree, sampled from /proc
every 50 ms, so Spark's JVM and Python workers count):

* ``direct``: ``newsgraph ingest CORPUS --workers W`` into a fresh store;
* ``spark``: ``newsgraph extract CORPUS --engine spark --master local[W,2] --out DIR``, then
  ``newsgraph ingest --from-extracted DIR`` (the merge, timed on its own);
* ``spacy``: bare spaCy, ``nlp.pipe`` over the same texts, one process (the baseline the
  README's ingest figures use), read from plain JSON Lines whatever ``--format`` is: the
  baseline is the parse; reading an archive and cleaning its HTML are the ingest's cost.
  With ``--format warc`` and ``direct`` the report ends with the issue's check: the
  web-archive ingest at >= 1.6x bare spaCy with two workers (``WARC_TARGET``);
* ``read``: the readers alone over the corpus (for warc: warcio, HTML cleaning, metadata),
  plus language detection, no parse: the reading/cleaning share of an ingest.

The paper estimate for CC-NEWS (about 500,000 English articles a day) uses the measured
per-core throughput of the map step and the measured merge rate.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATASETS = REPO.parent / "shared" / "datasets"
CORPUS = Path("news") / "bbc_news.jsonl"
CC_NEWS_PER_DAY = 500_000
CONFIGS = ("direct", "spark", "spacy", "read")
WARC_TARGET = 1.6  # issue 18: the web-archive ingest with two workers against bare spaCy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from childproc import run_measured  # noqa: E402  (one measured child process, shared with ingest.py)


# --- the corpus ---------------------------------------------------------------------------


def load_bbc(datasets: Path) -> list[dict[str, str]]:
    path = datasets / CORPUS
    if not path.exists():
        sys.exit(f"scale.py: the BBC dataset is missing: {path} not found (set --datasets or NEWSGRAPH_DATASETS); "
                 "no figures without it")
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("duplicate_of") is None:
                rows.append({"id": row["id"], "title": row["title"], "text": row["text"]})
    return rows


def copies(rows: list[dict[str, str]], n: int) -> list[dict[str, str]]:
    """``n`` distinct articles: the originals, then copies with an edition sentence."""
    out = []
    for i in range(n):
        k, row = divmod(i, len(rows))
        row = rows[row]
        if k == 0:
            out.append(row)
        else:
            out.append({"id": f"{row['id']}-e{k}", "title": row["title"],
                        "text": row["text"].rstrip() + f"\n\nThis is edition {k} of the digest."})
    return out


def write_jsonl(rows: list[dict[str, str]], dest: Path) -> None:
    with dest.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_warc(rows: list[dict[str, str]], dest: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with dest.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for row in rows:
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in row["text"].split("\n") if p.strip())
            body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(row["title"])} '
                    f'| BBC</title><meta property="og:site_name" content="BBC News"></head><body><nav><ul>'
                    f'<li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a>'
                    f'</li></ul></nav><article><h1>{html.escape(row["title"])}</h1>{paragraphs}</article>'
                    f'<footer><p>Copyright BBC</p></footer></body></html>').encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://news.example/{row['id']}", "response",
                                               payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2025-06-01T12:00:00Z"})
            writer.write_record(record)


# --- children -----------------------------------------------------------------------------


def child_spacy(texts_file: Path) -> dict[str, Any]:
    """Bare spaCy over the articles' texts, read from plain JSON Lines (``texts.jsonl``,
    whatever the corpus format): the baseline pays for the parse, not for warcio or HTML
    cleaning, which are the ingest's own cost (issue 18: reading must not be the bottleneck)."""
    import spacy

    from newsgraph.extract.pipeline import model_name

    with texts_file.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    nlp = spacy.load(model_name().replace("-", "_"))
    start = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts))
    return {"articles": n, "work_s": time.perf_counter() - start}


def child_read(corpus: Path) -> dict[str, Any]:
    from collections import Counter

    from newsgraph.extract.readers import RawArticle, iter_articles
    from newsgraph.extract.readers.language import judge

    skipped: Counter[str] = Counter()
    start = time.perf_counter()
    n = 0
    judge_s = 0.0
    for item in iter_articles([corpus], skipped=skipped):
        if isinstance(item, RawArticle):
            t = time.perf_counter()
            judge(item.text, item.language)
            judge_s += time.perf_counter() - t
            n += 1
    return {"articles": n, "work_s": time.perf_counter() - start, "language_s": judge_s}


def run(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd``; its wall time, the sampled peak RSS of its process tree, its last JSON line."""
    child = run_measured(cmd)
    if child.returncode != 0:
        sys.exit(f"scale.py: {' '.join(cmd)} failed ({child.returncode}):\n{child.stderr[-3000:]}")
    result: dict[str, Any] = {}
    text = child.stdout.strip()
    if text.startswith("{"):
        result = json.loads(text)
    elif text:
        try:
            result = json.loads(text.splitlines()[-1])
        except json.JSONDecodeError:
            pass
    return {"wall_s": child.wall_s, "peak_rss_mb": child.peak_rss_tree_mb, "out": result}


def newsgraph(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsgraph", *args]


# --- the parent ---------------------------------------------------------------------------


def measure(corpus: Path, work: Path, n: int, workers: int, configs: list[str]) -> dict[str, Any]:
    report: dict[str, Any] = {"articles": n, "workers": workers, "corpus_mb": corpus.stat().st_size / 1e6}
    if "spacy" in configs:
        r = run([sys.executable, __file__, "--child", "spacy", str(work / "texts.jsonl")])
        report["spacy"] = {"wall_s": r["wall_s"], "peak_rss_mb": r["peak_rss_mb"], **r["out"]}
    if "read" in configs:
        r = run([sys.executable, __file__, "--child", "read", str(corpus)])
        report["read"] = {"wall_s": r["wall_s"], "peak_rss_mb": r["peak_rss_mb"], **r["out"]}
    if "direct" in configs:
        r = run(newsgraph("ingest", str(corpus), "--db", str(work / "direct.db"), "--workers", str(workers), "--json"))
        report["direct"] = {"wall_s": r["wall_s"], "peak_rss_mb": r["peak_rss_mb"],
                            "documents": r["out"].get("documents", {}).get("new"),
                            "relations": r["out"].get("relations"), "store_mb": _store_mb(work / "direct.db")}
    if "spark" in configs:
        out = work / "extracted"
        shutil.rmtree(out, ignore_errors=True)
        r = run(newsgraph("extract", str(corpus), "--engine", "spark", "--master", f"local[{workers},2]",
                          "--out", str(out), "--json"))
        m = run(newsgraph("ingest", "--from-extracted", str(out), "--db", str(work / "spark.db"), "--json"))
        report["spark"] = {"wall_s": r["wall_s"], "peak_rss_mb": r["peak_rss_mb"], "partitions": r["out"].get("partitions"),
                           "documents": r["out"].get("documents"), "merge_s": m["wall_s"],
                           "merge_peak_rss_mb": m["peak_rss_mb"], "merged": m["out"].get("documents", {}).get("new")}
    return report


def _store_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6


def estimate(report: dict[str, Any]) -> dict[str, Any]:
    """CC-NEWS on paper: cores for the map step, the single writer's merge time."""
    n, workers = report["articles"], report["workers"]
    est: dict[str, Any] = {}
    mapper = report.get("spark") or report.get("direct")
    if mapper:
        per_core = n / mapper["wall_s"] / workers
        est["per_core_articles_s"] = per_core
        est["cores_for_cc_news"] = CC_NEWS_PER_DAY / (per_core * 86400)
    if "spark" in report:
        merge_rate = n / report["spark"]["merge_s"]
        est["merge_articles_s"] = merge_rate
        est["merge_hours_per_cc_news_day"] = CC_NEWS_PER_DAY / merge_rate / 3600
    return est


def render(report: dict[str, Any]) -> str:
    n = report["articles"]
    lines = [f"{n} articles ({report['format']}, {report['corpus_mb']:.0f} MB), {report['workers']} workers"]
    lines.append(f"{'configuration':<34} {'wall s':>8} {'articles/s':>11} {'peak RSS MB':>12}")
    for key, label in (("spacy", "bare spaCy nlp.pipe (1 process)"), ("read", "readers only (+ language)"),
                       ("direct", "newsgraph ingest"), ("spark", "extract --engine spark")):
        if key in report:
            r = report[key]
            lines.append(f"{label:<34} {r['wall_s']:>8.1f} {n / r['wall_s']:>11.1f} {r['peak_rss_mb']:>12.0f}")
    if "spark" in report:
        s = report["spark"]
        lines.append(f"{'  merge: ingest --from-extracted':<34} {s['merge_s']:>8.1f} {n / s['merge_s']:>11.1f} "
                     f"{s['merge_peak_rss_mb']:>12.0f}")
        lines.append(f"{'  spark job + merge':<34} {s['wall_s'] + s['merge_s']:>8.1f} "
                     f"{n / (s['wall_s'] + s['merge_s']):>11.1f}")
    if "direct" in report and report["direct"].get("store_mb"):
        d = report["direct"]
        lines.append(f"store: {d['store_mb']:.0f} MB for {d['documents']} documents "
                     f"({d['store_mb'] * 1000 / max(1, d['documents'] or 1):.0f} KB a document), {d['relations']} relations")
    if "spacy" in report and "direct" in report:
        ratio = report["spacy"]["wall_s"] / report["direct"]["wall_s"]
        lines.append(f"ingest / bare spaCy: {ratio:.2f}x (throughput, whole-process wall times)")
        if report["format"] == "warc":
            verdict = "met" if ratio >= WARC_TARGET else "NOT met"
            lines.append(f"issue 18 check, web-archive path with {report['workers']} workers: {ratio:.2f}x bare spaCy, "
                         f"target >= {WARC_TARGET}x: {verdict}")
    if "read" in report and "direct" in report:
        r = report["read"]
        lines.append(f"reading/cleaning share of the ingest wall time: {r['work_s'] / report['direct']['wall_s']:.1%} "
                     f"(language detection {r['language_s'] / report['direct']['wall_s']:.1%}); "
                     f"readers alone {n / r['work_s']:.0f} articles/s")
    est = report.get("estimate", {})
    if "cores_for_cc_news" in est:
        lines.append(f"CC-NEWS ({CC_NEWS_PER_DAY:,} articles/day): {est['per_core_articles_s']:.1f} articles/s per core "
                     f"-> {est['cores_for_cc_news']:.0f} cores to keep up")
    if "merge_hours_per_cc_news_day" in est:
        lines.append(f"  single writer merge: {est['merge_articles_s']:.0f} articles/s -> "
                     f"{est['merge_hours_per_cc_news_day']:.1f} h per day of CC-NEWS")
    if "loadavg_at_start" in report:
        lines.append(f"load average at start / end: {report['loadavg_at_start'][0]:.1f} / {report['loadavg_at_end'][0]:.1f} "
                     f"on {report['cpu_count']} CPUs (figures count on a quiet machine only)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--format", choices=("jsonl", "warc"), default="jsonl")
    parser.add_argument("--configs", default="direct,spark,spacy,read")
    parser.add_argument("--datasets")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, corpus = args.child
        print(json.dumps((child_spacy if kind == "spacy" else child_read)(Path(corpus))))
        return
    configs = [c for c in args.configs.split(",") if c]
    unknown = set(configs) - set(CONFIGS)
    if unknown:
        sys.exit(f"scale.py: unknown configuration(s) {', '.join(sorted(unknown))}; use {', '.join(CONFIGS)}")
    datasets = Path(args.datasets or os.environ.get("NEWSGRAPH_DATASETS") or DEFAULT_DATASETS)
    rows = copies(load_bbc(datasets), args.articles)
    with tempfile.TemporaryDirectory(prefix="newsgraph-scale-") as tmp:
        work = Path(tmp)
        corpus = work / ("corpus.warc.gz" if args.format == "warc" else "corpus.jsonl")
        (write_warc if args.format == "warc" else write_jsonl)(rows, corpus)
        write_jsonl([{"text": r["text"]} for r in rows], work / "texts.jsonl")  # the spaCy baseline's input
        report_load = os.getloadavg()
        report = measure(corpus, work, len(rows), args.workers, configs)
        report["format"] = args.format
        report["estimate"] = estimate(report)
        report["command"] = "python benchmarks/scale.py " + " ".join(sys.argv[1:])
        report["loadavg_at_start"], report["loadavg_at_end"] = report_load, os.getloadavg()
        report["cpu_count"] = os.cpu_count()
    print(json.dumps(report, indent=2) if args.json else render(report))


if __name__ == "__main__":
    main()
