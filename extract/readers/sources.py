"""Where articles come from: paths named on the command line, folders walked
recursively, and standard input (whose format is sniffed)."""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from collections import Counter
from itertools import chain
from pathlib import Path
from typing import TextIO

from .base import (
    HTML_SUFFIXES, JSONL_SUFFIXES, MAX_ARTICLE_BYTES, SNIFF_BYTES, STDIN_SOURCE, SUPPORTED_SUFFIXES, Item, ReadFailure,
    decode_bytes, parseable, regular_file_failure, too_large,
)
from .html import article_from_html, read_html_file
from .jsonl import BadLine, articles_from_json_lines, decoded_lines, read_jsonl_file
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
        try:
            mode = path.stat().st_mode
        except OSError as e:
            reason = {errno.ELOOP: "symbolic link loop", errno.ENOENT: "no such file or folder"}.get(
                e.errno or 0, f"cannot read: {e.strerror or e}")
            yield ReadFailure(str(path), reason)
            continue
        if stat.S_ISDIR(mode):
            found = list(_walk(path, set()))
            if not any(isinstance(f, Path) for f in found):
                yield ReadFailure(str(path), f"no {', '.join(sorted(SUPPORTED_SUFFIXES))} files in folder")
            for file in found:
                if isinstance(file, ReadFailure):
                    yield file
                else:
                    yield from read_file(file, skipped)
        else:
            yield from read_file(path, skipped)  # a FIFO or device is refused there, unopened


def read_file(path: str | Path, skipped: Counter[str] | None = None) -> Iterator[Item]:
    """One file, by its suffix (unknown suffixes as plain text)."""
    path = Path(path)
    suffix = path.suffix.lower()
    refused = regular_file_failure(path)  # a FIFO would block the open, a device never end
    if refused is not None:
        return iter([refused])
    if is_archive(path):
        return read_warc_file(path, skipped)
    if is_feed(path):
        return read_feed_file(path, skipped)
    if suffix in JSONL_SUFFIXES:
        return read_jsonl_file(path)
    if suffix in HTML_SUFFIXES:
        return read_html_file(path)
    return read_text_file(path)


def _walk(folder: Path, visited: set[tuple[int, int]]) -> Iterator[Path | ReadFailure]:
    """Supported files under ``folder``, depth first, names sorted; hidden and README files
    skipped. Symbolic links are followed, but each folder (device, inode) is walked once,
    so a link back up the tree is not a loop; a link that loops on itself is a failure."""
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in visited:
            return
        visited.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden
        path = Path(entry.path)
        try:
            mode = os.stat(entry.path).st_mode
        except OSError as e:
            if e.errno == errno.ELOOP:
                yield ReadFailure(str(path), "symbolic link loop")
            continue  # a dangling link: nothing to read
        if stat.S_ISDIR(mode):
            yield from _walk(path, visited)
        elif not stat.S_ISREG(mode) or entry.name.lower().startswith("readme."):
            continue  # a FIFO, a device; or a folder's README: documentation, not an article
        elif path.suffix.lower() in SUPPORTED_SUFFIXES or is_archive(path) or path.suffix.lower() in (".rss", ".atom"):
            yield path


def read_stdin(stream: TextIO) -> Iterator[Item]:
    """Articles from standard input: JSON Lines, an HTML page or one plain-text article.
    An article read whole (HTML, text) is bounded like a file: past ``MAX_ARTICLE_BYTES``
    it is refused and the rest is not read; JSON Lines are bounded line by line."""
    binary = getattr(stream, "buffer", None)
    lines: Iterator[str | BadLine] = decoded_lines(binary) if binary is not None else iter(stream)
    head: list[str | BadLine] = []
    for line in lines:
        head.append(line)
        if isinstance(line, BadLine) or line.strip():
            break
    last = head[-1] if head else ""
    first = last.lstrip("\ufeff").strip() if isinstance(last, str) else ""
    if first.startswith("{") and _is_json_object(first):
        yield from articles_from_json_lines(chain(head, lines), STDIN_SOURCE)
        return
    parts: list[str] = []
    size = 0
    for line in chain(head, lines):
        if isinstance(line, BadLine):
            yield too_large(STDIN_SOURCE) if line.oversize else ReadFailure(STDIN_SOURCE, "binary input")
            return
        parts.append(line)
        size += len(line)
        if size > MAX_ARTICLE_BYTES:
            yield too_large(STDIN_SOURCE)
            return
    text = "".join(parts)
    if decode_bytes(text[:SNIFF_BYTES].encode("utf-8", "surrogateescape")) is None:
        yield ReadFailure(STDIN_SOURCE, "binary input")
    elif first.lower().startswith(("<!doctype html", "<html")):
        yield parseable(article_from_html(text, STDIN_SOURCE))
    else:
        yield parseable(article_from_plain_text(text, STDIN_SOURCE))


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False
