"""Where articles come from: paths named on the command line, folders walked
recursively, and standard input (whose format is sniffed)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from collections import Counter
from itertools import chain
from pathlib import Path
from typing import TextIO

from .base import HTML_SUFFIXES, JSONL_SUFFIXES, SNIFF_BYTES, STDIN_SOURCE, SUPPORTED_SUFFIXES, Item, ReadFailure, looks_binary
from .html import article_from_html, read_html_file
from .jsonl import articles_from_json_lines, decoded_lines, read_jsonl_file
from .text import article_from_plain_text, read_text_file
from .feeds import is_feed, read_feed_file
from .warc import is_archive, read_warc_file



def iter_articles(paths: Iterable[str | Path], stdin: TextIO | None = None,
                  skipped: Counter[str] | None = None) -> Iterator[Item]:
    """Articles and failures from files, folders and ``-`` (standard input), in order.

    A folder is walked recursively in sorted order, taking only ``SUPPORTED_SUFFIXES``
    and skipping hidden files and folders and ``README.*`` files (a corpus folder's
    description is not an article); a folder with none gives a ``ReadFailure``.
    A file named explicitly is read whatever its suffix (unknown suffixes as plain text).
    A path that does not exist gives a ``ReadFailure``. ``-`` reads ``stdin`` (default
    ``sys.stdin``) as JSON Lines when its first non-blank line is a JSON object, as HTML
    when it starts with ``<!doctype html`` or ``<html``, and as plain text otherwise.
    Readers that leave records out on purpose (web archives, feeds) count them, by reason,
    in ``skipped``.
    """
    for entry in paths:
        if str(entry) == "-":
            yield from read_stdin(stdin if stdin is not None else sys.stdin)
            continue
        path = Path(entry)
        if path.is_dir():
            files = list(_walk(path))
            if not files:
                yield ReadFailure(str(path), f"no {', '.join(sorted(SUPPORTED_SUFFIXES))} files in folder")
            for file in files:
                yield from read_file(file, skipped)
        elif path.exists():
            yield from read_file(path, skipped)
        else:
            yield ReadFailure(str(path), "no such file or folder")


def read_file(path: str | Path, skipped: Counter[str] | None = None) -> Iterator[Item]:
    """One file, by its suffix (unknown suffixes as plain text)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if is_archive(path):
        return read_warc_file(path, skipped)
    if is_feed(path):
        return read_feed_file(path, skipped)
    if suffix in JSONL_SUFFIXES:
        return read_jsonl_file(path)
    if suffix in HTML_SUFFIXES:
        return read_html_file(path)
    return read_text_file(path)


def _walk(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder``, depth first, names sorted; hidden and README files skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or (entry.name.lower().startswith("readme.") and entry.is_file()):
            continue  # hidden, or a folder's README: documentation, not an article
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path)
        elif entry.is_file() and (path.suffix.lower() in SUPPORTED_SUFFIXES or is_archive(path) or path.suffix.lower() in (".rss", ".atom")):
            yield path


def read_stdin(stream: TextIO) -> Iterator[Item]:
    """Articles from standard input: JSON Lines, an HTML page or one plain-text article."""
    binary = getattr(stream, "buffer", None)
    lines: Iterator[str] = decoded_lines(binary) if binary is not None else iter(stream)
    head: list[str] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    first = head[-1].lstrip("\ufeff").strip() if head else ""
    if first.startswith("{") and _is_json_object(first):
        yield from articles_from_json_lines(chain(head, lines), STDIN_SOURCE)
        return
    text = "".join(chain(head, lines))
    if looks_binary(text[:SNIFF_BYTES].encode("utf-8", "replace")):
        yield ReadFailure(STDIN_SOURCE, "binary input")
    elif first.lower().startswith(("<!doctype html", "<html")):
        yield article_from_html(text, STDIN_SOURCE)
    else:
        yield article_from_plain_text(text, STDIN_SOURCE)


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False
