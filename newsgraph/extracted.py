"""Extraction as a map step: JSON Lines of articles in, JSON Lines of extracted documents
out, and the reader that loads those back without parsing again.

Documents are independent, so ``newsgraph extract --jsonl`` can run on many machines at
once (one call per partition, e.g. from Ray or Spark); one writer then merges every
partition's output with ``newsgraph ingest --from-extracted``. An output line is
``ExtractedDocument.to_dict()``; ``ExtractedDocument.from_dict`` reads it back.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from newsgraph.graph.model import ExtractedDocument, document_id

STDIN = "<stdin>"


@dataclass(frozen=True)
class LineFailure:
    source: str
    line: int | None
    reason: str

    def message(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}" if self.line is not None else f"{self.source}: {self.reason}"


# --- articles in ------------------------------------------------------------------------


def iter_article_lines(path: str, stdin: TextIO | None = None) -> Iterator[Any]:
    """Articles (``RawArticle``) and failures from one JSON Lines file, or ``-``, read
    strictly as JSON Lines (the fields of ``ingest``'s .jsonl: ``text``, ``id``, ``title``,
    ``url``, ``published``)."""
    from newsgraph.extract import readers
    from newsgraph.extract.readers.jsonl import articles_from_json_lines, decoded_lines

    if path != "-":
        if not Path(path).exists():
            yield readers.ReadFailure(path, "no such file")
            return
        yield from readers.read_jsonl_file(path)
        return
    stream = stdin if stdin is not None else sys.stdin
    binary = getattr(stream, "buffer", None)
    lines = decoded_lines(binary) if binary is not None else iter(stream)
    yield from articles_from_json_lines(lines, STDIN)


def extract_jsonl(
    path: str, out: TextIO, *, stdin: TextIO | None = None, model: str | None = None, workers: int | None = None,
    on_failure: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Write one JSON line per article of ``path`` to ``out``, in input order.
    Returns (documents written, failed lines)."""
    from newsgraph.extract.readers import ReadFailure
    from newsgraph.kg import _extracted, default_workers

    failed = 0

    def items() -> Iterator[tuple[str, dict[str, Any]]]:
        nonlocal failed
        for item in iter_article_lines(path, stdin):
            if isinstance(item, ReadFailure):
                failed += 1
                if on_failure:
                    on_failure(item.message())
                continue
            yield item.text, {
                "document_id": document_id(item.text), "source": item.source, "title": item.title,
                "url": item.url, "published": item.published, "external_id": item.external_id,
                "authors": item.authors,
            }

    written = 0
    for doc in _extracted(items(), model, workers or default_workers(), 32):
        out.write(json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        written += 1
    out.flush()
    return written, failed


# --- extracted documents back in ----------------------------------------------------------


def read_extracted(paths: Iterable[str], stdin: TextIO | None = None) -> Iterator[ExtractedDocument | LineFailure]:
    """Documents from files written by ``extract_jsonl`` (``-`` is standard input), line
    by line; a line that is not an extracted document is a ``LineFailure``."""
    for path in paths:
        if path == "-":
            yield from _documents(stdin if stdin is not None else sys.stdin, STDIN)
            continue
        if Path(path).is_dir():  # a Spark job's output folder: its part files, in order
            from newsgraph.extract.distributed import part_files

            files = part_files(path)
            if not files:
                yield LineFailure(path, None, "no part-* files in folder (not the output of extract --engine)")
        else:
            files = [path]
        for file in files:
            try:
                with open(file, encoding="utf-8", errors="replace") as f:
                    yield from _documents(f, file)
            except OSError as e:
                yield LineFailure(file, None, f"cannot read: {e.strerror or e}")


def _documents(lines: Iterable[str], source: str) -> Iterator[ExtractedDocument | LineFailure]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            yield LineFailure(source, number, f"malformed JSON: {e.msg} (column {e.colno})")
            continue
        if not isinstance(data, dict):
            yield LineFailure(source, number, "a line must be a JSON object (an extracted document)")
            continue
        try:
            yield ExtractedDocument.from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            detail = f"missing {e}" if isinstance(e, KeyError) else str(e)
            yield LineFailure(source, number, f"not an extracted document: {detail}")
