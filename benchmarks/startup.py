"""How fast a read command starts: wall time of whole processes, as a user meets it.

    python benchmarks/startup.py                    # ingests examples/ into a temporary store first
    python benchmarks/startup.py --db bbc.db --name "Tony Blair" --runs 30

Issue 16's target: `newsgraph entity NAME --json` on the samples under 150 ms wall (bare
Python starts in about 20 ms on a quiet machine). Each round runs every command once, in
turn, so load from elsewhere falls on all of them alike; the figures are p50/p90 over the
rounds and each p50 as a ratio to the baseline, bare `python -c pass`, measured in the
same rounds. `import newsgraph.cli` alone is shown too: what every command pays before it
does anything.

Bytecode is written and used (the environment's PYTHONDONTWRITEBYTECODE is dropped for
the runs, and one warm-up round comes first), as for an installed package. Last, one
process runs `entity` and lists the heavy libraries it imported: none is expected
(spaCy, NetworkX, KGLite, the Neo4j driver, FastAPI, ...). Nothing is timed in the tests;
tests/test_startup.py checks the imports, this script the time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 150.0
HEAVY = ("spacy", "thinc", "networkx", "kglite", "neo4j", "fastapi", "uvicorn", "starlette", "numpy", "scipy",
         "lxml", "pandas", "pyspark", "warcio", "pycountry", "country_converter", "pydantic")


def newsgraph_command() -> list[str]:
    script = Path(sys.executable).parent / "newsgraph"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsgraph"]


def sample_store(workdir: Path) -> Path:
    db = workdir / "samples.db"
    print(f"ingesting {ROOT / 'examples'} into {db} ...", file=sys.stderr)
    subprocess.run([*newsgraph_command(), "ingest", str(ROOT / "examples"), "--db", str(db)],
                   check=True, stdout=subprocess.DEVNULL)
    return db


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall ms, CPU ms of the process: user + system). CPU time moves far less than wall
    time when other work shares the cores, so it is the figure to compare on a busy machine."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with exit {proc.returncode}")
    return elapsed * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def heavy_imports(db: Path, name: str, env: dict[str, str]) -> list[str]:
    probe = (
        "import os, sys\n"
        "from newsgraph.cli import app\n"
        "sys.stdout = open(os.devnull, 'w')\n"
        f"try:\n    app(['entity', {name!r}, '--json', '--db', {str(db)!r}])\n"
        "except SystemExit:\n    pass\n"
        f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    return proc.stderr.split()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="an existing store (default: the samples, ingested first)")
    ap.add_argument("--name", default="Rubio", help="the entity looked up")
    ap.add_argument("--runs", type=int, default=20, help="rounds (each runs every command once)")
    args = ap.parse_args()

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    workdir = Path(tempfile.mkdtemp(prefix="newsgraph-startup-"))
    try:
        db = args.db or sample_store(workdir)
        ng = newsgraph_command()
        commands = {
            "python -c pass (baseline)": [sys.executable, "-c", "pass"],
            "python -c 'import newsgraph.cli'": [sys.executable, "-c", "import newsgraph.cli"],
            f"newsgraph entity {args.name} --json": [*ng, "entity", args.name, "--json", "--db", str(db)],
            f"newsgraph connections {args.name} --json": [*ng, "connections", args.name, "--json", "--db", str(db)],
            f"newsgraph search {args.name} --json": [*ng, "search", args.name, "--json", "--db", str(db)],
            "newsgraph stats --json": [*ng, "stats", "--json", "--db", str(db)],
        }
        for cmd in commands.values():  # warm-up: bytecode written, files in the page cache
            run_once(cmd, env)
        times: dict[str, list[float]] = {label: [] for label in commands}
        cpu: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(args.runs):
            for label, cmd in commands.items():
                wall_ms, cpu_ms = run_once(cmd, env)
                times[label].append(wall_ms)
                cpu[label].append(cpu_ms)
        base = statistics.median(times["python -c pass (baseline)"])
        base_cpu = statistics.median(cpu["python -c pass (baseline)"])
        try:
            load = os.getloadavg()[0]
        except OSError:
            load = float("nan")
        print(f"{args.runs} rounds, {os.cpu_count()} cores, load average {load:.1f}; store {db}")
        print(f"{'command':<45} {'p50 ms':>8} {'p90 ms':>8} {'min ms':>8} {'x bare':>7} {'CPU p50':>8} {'x bare':>7}")
        for label, values in times.items():
            values.sort()
            p50 = statistics.median(values)
            p90 = values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]
            c50 = statistics.median(cpu[label])
            print(f"{label:<45} {p50:>8.1f} {p90:>8.1f} {values[0]:>8.1f} {p50 / base:>7.2f} {c50:>8.1f} {c50 / base_cpu:>7.2f}")
        entity = statistics.median(times[f"newsgraph entity {args.name} --json"])
        print(f"target: entity --json p50 < {TARGET_MS:.0f} ms: {'met' if entity < TARGET_MS else 'not met'} ({entity:.0f} ms)")
        heavy = heavy_imports(db, args.name, env)
        print("heavy libraries imported by `entity`: " + (", ".join(heavy) if heavy else "none"))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
