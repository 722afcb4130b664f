"""One measured child process, for the benchmarks that run each configuration apart
(``ingest.py``, ``scale.py``): its wall time from start to exit (interpreter, imports and
model load included), the peak resident memory of its whole process tree (sampled from
/proc every 50 ms, so parser workers and Spark's JVM count) and the largest single
process's ``ru_maxrss`` (``os.wait4``, which also covers descendants that have exited)."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass

SAMPLE_EVERY_S = 0.05


@dataclass
class ChildRun:
    returncode: int
    stdout: str
    stderr: str
    wall_s: float
    peak_rss_tree_mb: float
    max_rss_process_mb: float


def run_measured(cmd: list[str]) -> ChildRun:
    """Run ``cmd`` to its end; its output is read by threads so neither pipe can fill."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(proc.pid))
            done.wait(SAMPLE_EVERY_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out_chunks: list[str] = []
    err_chunks: list[str] = []
    readers = [threading.Thread(target=lambda: out_chunks.append(proc.stdout.read())),  # type: ignore[union-attr]
               threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()))]  # type: ignore[union-attr]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return ChildRun(proc.returncode, "".join(out_chunks), "".join(err_chunks), wall,
                    peak[0] / 1024 / 1024, usage.ru_maxrss / 1024)  # ru_maxrss: kilobytes on Linux


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants, from /proc."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total
