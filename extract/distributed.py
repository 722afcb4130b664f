"""The map step as an Apache Spark job: articles in (JSON Lines, web archives, any input
``ingest`` reads), extracted-document JSON Lines out, one ``part-NNNNN`` file per Spark
partition; ``newsgraph ingest --from-extracted OUT`` then merges them with the one writer.

Why Spark (pyspark, local mode on one machine, any cluster by ``--master``): the job is a
plain map over independent partitions with files in and files out, which is what Spark's
RDD API does with nothing else to run (Java 17 is all it needs next to the wheel); tasks
are retried by Spark (``local[N,F]``: F attempts), progress and failures are Spark's, and
the same code runs on a YARN/Kubernetes/standalone cluster reading shared storage. Ray
Data would do the map as well, but brings its own cluster runtime (GCS, raylet, object
store, dashboard) to start even on one machine, and its strength, stateful actors and
GPU scheduling, is not used by a CPU-only map.

Partitions (``plan``): a JSON Lines file is cut into slices of ``lines_per_partition``
lines (one pass over the file records each slice's byte offset, so a task seeks straight
to its slice and sources keep their ``path:LINE``); every other file (a web archive, a
feed, a page) is one partition, in the order ``ingest`` reads them. Each task loads the
spaCy pipeline once per Python worker, reads its partition with the project's readers,
skips non-English articles as ``ingest`` does, and yields one line per article,
``ExtractedDocument.to_dict()``. Spark writes the lines of partition i to ``part-0000i``.
Read failures and skip counts come back through accumulators and are reported at the end.

Since partitions follow input order and the merge reads ``part-*`` in order, merging gives
the same store as a direct ``ingest`` of the same inputs (tests/test_engine.py).
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

LINES_PER_PARTITION = 2000
DEFAULT_MASTER = "local[2,2]"  # 2 cores, each task tried at most twice


@dataclass(frozen=True)
class Partition:
    """One unit of work: a slice of a JSON Lines file, or a whole other file."""

    path: str
    kind: str  # "lines" or "file"
    offset: int = 0  # byte offset of the slice's first line
    first_line: int = 1  # its line number, 1-based
    lines: int = 0
    length: int = 0  # bytes


@dataclass
class JobResult:
    out_dir: str
    partitions: int = 0
    documents: int = 0
    failures: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": self.out_dir, "partitions": self.partitions, "documents": self.documents,
            "failed": len(self.failures), "failures": self.failures, "skipped": dict(sorted(self.skipped.items())),
            "seconds": round(self.seconds, 2),
        }


def plan(paths: Iterable[str | Path], lines_per_partition: int = LINES_PER_PARTITION,
         min_partitions: int = 1) -> tuple[list[Partition], list[str]]:
    """Partitions for ``paths`` (files and folders, walked as ``ingest`` walks them), and
    failure lines for inputs that cannot be read at all. A JSON Lines file is cut into at
    least ``min_partitions`` slices when it has the lines for it (so a small input still
    keeps every core busy), and into slices of at most ``lines_per_partition`` lines."""
    from newsgraph.extract.readers import ReadFailure, read_jsonl_file
    from newsgraph.extract.readers.base import JSONL_SUFFIXES, SNIFF_BYTES, sniff_encoding
    from newsgraph.extract.readers.sources import _walk  # the folder walk ingest uses, same order

    partitions: list[Partition] = []
    failures: list[str] = []
    for entry in paths:
        path = Path(entry)
        files: list[Path] = []
        if path.is_dir():
            for found in _walk(path, set()):
                if isinstance(found, ReadFailure):
                    failures.append(found.message())
                else:
                    files.append(found)
            if not files and not failures:
                failures.append(f"{path}: no article files in folder")
        elif path.exists():
            files = [path]
        else:
            failures.append(f"{path}: no such file or folder")
            continue
        for file in files:
            if file.suffix.lower() not in JSONL_SUFFIXES:
                partitions.append(Partition(str(file), "file"))
                continue
            # the reader's own checks of the whole file (binary, empty, unreadable) come first
            first = next(iter(read_jsonl_file(file)), None)
            if isinstance(first, ReadFailure) and first.line is None:
                failures.append(first.message())
                continue
            with file.open("rb") as f:
                if sniff_encoding(f.read(SNIFF_BYTES)) is not None:  # UTF-16 and the like: read whole
                    partitions.append(Partition(str(file), "file"))
                    continue
                f.seek(0)
                total = sum(1 for _ in f)  # a pass at disk speed, next to minutes of parsing
                f.seek(0)
                size = max(1, min(lines_per_partition, -(-total // max(1, min_partitions))))
                partitions.extend(_slices(file, f, size))
    return partitions, failures


def _slices(file: Path, f: Any, size: int) -> Iterator[Partition]:
    offset, number, start, start_line, count = 0, 0, 0, 1, 0
    for raw in f:
        number += 1
        if count == 0:
            start, start_line = offset, number
        count += 1
        offset += len(raw)
        if count == size:
            yield Partition(str(file), "lines", start, start_line, count, offset - start)
            count = 0
    if count:
        yield Partition(str(file), "lines", start, start_line, count, offset - start)


def partition_items(part: Partition, skipped: Counter[str]) -> Iterator[Any]:
    """The articles and failures of one partition, read by the project's readers."""
    from newsgraph.extract.readers import RawArticle, ReadFailure, read_file
    from newsgraph.extract.readers.jsonl import articles_from_json_lines, decoded_lines

    if part.kind == "file":
        yield from read_file(part.path, skipped)
        return
    with open(part.path, "rb") as f:
        f.seek(part.offset)
        data = f.read(part.length)
    shift = part.first_line - 1  # the reader numbers the slice's lines from 1
    for item in articles_from_json_lines(decoded_lines(io.BytesIO(data)), part.path):
        if isinstance(item, ReadFailure):
            if item.line is None:
                continue  # "empty file" for a slice of blank lines: the file was checked whole
            yield replace(item, line=item.line + shift)
        elif isinstance(item, RawArticle):
            where, _, line = item.source.rpartition(":")
            yield replace(item, source=f"{where}:{int(line) + shift}")


def extract_partition(parts: Iterable[Partition], *, model: str | None, skipped_acc: Any, failures_acc: Any,
                      documents_acc: Any) -> Iterator[str]:
    """A Spark task: the partition's articles in, one JSON line per extracted document out."""
    from newsgraph.extract.articles import english_articles, extraction_meta
    from newsgraph.extract.pipeline import extract_texts, load_pipeline

    skipped: Counter[str] = Counter()
    failures: list[str] = []

    def items() -> Iterator[tuple[str, dict[str, Any]]]:
        for part in parts:
            for item in english_articles(partition_items(part, skipped), skipped, lambda f: failures.append(f.message())):
                yield item.text, extraction_meta(item)

    written = 0
    for doc in extract_texts(items(), load_pipeline(model), batch_size=32):
        written += 1
        yield json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":"))
    skipped_acc.add(skipped)
    failures_acc.add(failures)
    documents_acc.add(written)


def run_spark(
    paths: Iterable[str | Path], out_dir: str | Path, *, model: str | None = None, master: str = DEFAULT_MASTER,
    lines_per_partition: int = LINES_PER_PARTITION, on_failure: Callable[[str], None] | None = None,
) -> JobResult:
    """Run the extract job on Spark; ``out_dir`` must not exist (Spark writes it whole)."""
    from newsgraph.errors import InputError
    from newsgraph.extract.parallel import check_model

    out = Path(out_dir)
    if out.exists():
        raise InputError(detail=f"--out {out} exists; the job writes a new folder (remove it or choose another)")
    check_model(model)  # fail before starting a JVM
    started = time.perf_counter()
    try:
        from pyspark import AccumulatorParam
        from pyspark.sql import SparkSession
    except ImportError:
        raise InputError(detail="the Spark engine needs pyspark: pip install 'newsgraph[spark]'") from None

    class CounterParam(AccumulatorParam[Counter[str]]):
        def zero(self, value: Counter[str]) -> Counter[str]:
            return Counter()

        def addInPlace(self, a: Counter[str], b: Counter[str]) -> Counter[str]:
            a.update(b)
            return a

    class ListParam(AccumulatorParam[list[str]]):
        def zero(self, value: list[str]) -> list[str]:
            return []

        def addInPlace(self, a: list[str], b: list[str]) -> list[str]:
            return a + b

    # Workers must run this interpreter (the one with newsgraph and the model installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master).appName("newsgraph-extract")
        .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
        .config("spark.python.worker.reuse", "true")  # one pipeline load per worker, not per task
        .getOrCreate()
    )
    try:
        sc = spark.sparkContext
        sc.setLogLevel("ERROR")
        # a few partitions per core, so that the last ones do not leave cores idle
        parts, failures = plan(paths, lines_per_partition, min_partitions=3 * sc.defaultParallelism)
        result = JobResult(str(out), partitions=len(parts))
        for message in failures:
            if on_failure:
                on_failure(message)
        skipped_acc = sc.accumulator(Counter(), CounterParam())
        failures_acc = sc.accumulator([], ListParam())
        documents_acc = sc.accumulator(0)
        task = partial(extract_partition, model=model, skipped_acc=skipped_acc, failures_acc=failures_acc,
                       documents_acc=documents_acc)
        # one Spark partition per planned partition: Spark schedules, retries and writes them
        sc.parallelize(parts, max(1, len(parts))).mapPartitions(task).saveAsTextFile(str(out))
        result.documents = int(documents_acc.value)
        result.skipped = dict(skipped_acc.value)
        for message in failures_acc.value:
            failures.append(message)
            if on_failure:
                on_failure(message)
    finally:
        spark.stop()
    result.failures = failures
    result.seconds = time.perf_counter() - started
    return result


def part_files(folder: str | Path) -> list[str]:
    """A job's output files in partition order (``part-00000``, ``part-00001``, ...)."""
    return sorted(str(p) for p in Path(folder).glob("part-*") if not p.name.endswith(".crc"))
