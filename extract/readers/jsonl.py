"""JSON Lines (``.jsonl``/``.ndjson``): one JSON object per line with ``text`` and optional
``id``, ``title``, ``url``, ``published`` (or ``date``), ``modified``, ``site_name``,
``language`` (a tag such as ``en`` or ``en-GB``), ``authors`` (or ``author``: a string
or a list of strings, cleaned as a web page's byline is). Blank lines are skipped; a bad line
is one ``ReadFailure`` and the other lines still yield."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..cleanup import clean_text, normalise_text
from .metadata import clean_authors, language_tag
from .base import (
    MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS, SNIFF_BYTES, Item, RawArticle, ReadFailure, decode_text, iso_date, parseable,
    regular_file_failure, sniff_encoding, too_large,
)



def read_jsonl_file(path: str | Path) -> Iterator[Item]:
    """One article per JSON line, read line by line. Bad bytes cost only their line: a
    NUL byte or undecodable bytes in one line is one failure, the other lines still read.
    The file is "binary" only when its first 8 KB hold NULs and no JSON object line."""
    path = Path(path)
    refused = regular_file_failure(path)
    if refused is not None:
        yield refused
        return
    try:
        with path.open("rb") as f:
            sample = f.read(SNIFF_BYTES)
            f.seek(0)
            encoding = sniff_encoding(sample)
            if encoding == "binary" and not _holds_a_json_line(sample):
                yield ReadFailure(str(path), "binary file")
                return
            unicode = encoding if encoding not in (None, "binary") else None
            yield from articles_from_json_lines(decoded_lines(f, unicode), str(path))
    except OSError as e:
        yield ReadFailure(str(path), f"cannot read: {e.strerror or e}")


@dataclass(frozen=True)
class BadLine:
    """A line that is not text; ``articles_from_json_lines`` reports it with its number."""

    reason: str
    oversize: bool = False  # too long, rather than not text


def _holds_a_json_line(sample: bytes) -> bool:
    for raw in sample.split(b"\n")[:-1]:  # the last piece may be cut
        if b"\x00" not in raw and raw.strip().startswith(b"{"):
            try:
                if isinstance(json.loads(raw), dict):
                    return True
            except ValueError:
                pass
    return False


def bounded_lines(stream: BinaryIO) -> Iterator[bytes | BadLine]:
    """Lines of at most ``MAX_ARTICLE_BYTES`` (a longer one is skipped, not held whole)."""
    while True:
        line = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield BadLine(too_large("", line=0).reason, oversize=True)
            continue
        yield line


def decoded_lines(stream: BinaryIO, encoding: str | None = None) -> Iterator[str | BadLine]:
    """Each line decoded on its own (``base.decode_text``); a whole UTF-16/32 stream with
    ``encoding``."""
    if encoding is not None:
        text = io.TextIOWrapper(stream, encoding=encoding, errors="strict")
        try:
            while True:
                line = text.readline(MAX_ARTICLE_BYTES + 1)
                if not line:
                    return
                yield line if len(line) <= MAX_ARTICLE_BYTES else BadLine(too_large("", line=0).reason, oversize=True)
        except UnicodeDecodeError as e:
            yield BadLine(f"not valid {encoding} from here on ({e.reason}); the rest of the input is skipped")
            return
        finally:
            text.detach()
    for raw in bounded_lines(stream):
        if isinstance(raw, BadLine):
            yield raw
        elif b"\x00" in raw:
            yield BadLine("binary data (a NUL byte) in the line")
        else:
            decoded = decode_text(raw)
            yield decoded if decoded is not None else BadLine("not text (no known encoding reads it)")


def articles_from_json_lines(lines: Iterable[str | BadLine], source: str) -> Iterator[Item]:
    seen_any = False
    for number, line in enumerate(lines, start=1):
        if isinstance(line, BadLine):
            seen_any = True
            yield ReadFailure(source, line.reason, line=number)
            continue
        if number == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        seen_any = True
        yield _article_from_json_line(line, source, number)
    if not seen_any:
        yield ReadFailure(source, "empty file")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _article_from_json_line(line: str, source: str, number: int) -> Item:
    def failure(reason: str) -> ReadFailure:
        return ReadFailure(source, reason, line=number)

    try:
        row = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as e:
        return failure(f"malformed JSON: {e.msg} (column {e.colno})")
    if not isinstance(row, dict):
        return failure(f"a line must be a JSON object, not {_json_type(row)}")
    if "text" not in row or row["text"] is None:
        return failure("missing 'text'")
    if not isinstance(row["text"], str):
        return failure(f"'text' must be a string, not {_json_type(row['text'])}")
    bylines = _byline_values(row)
    if isinstance(bylines, str):
        return failure(bylines)
    for key, value in [(k, row.get(k)) for k in ("text", "title", "url", "id", "published", "date", "modified",
                                                 "site_name", "language")] + bylines:
        if isinstance(value, str) and _SURROGATE.search(value):
            bad = _SURROGATE.search(value).group()  # type: ignore[union-attr]
            return failure(f"'{key}' holds a lone surrogate escape (\\u{ord(bad):04x}): not valid Unicode")
    text = clean_text(row["text"])
    if not text:
        return failure("empty 'text'")
    if len(text) > MAX_ARTICLE_CHARS:
        return failure(parseable(RawArticle(text=text, source=source)).reason)  # type: ignore[union-attr]
    return RawArticle(
        text=text,
        source=f"{source}:{number}",
        title=optional_str(row.get("title"), title=True),
        url=optional_str(row.get("url")),
        # "published" or, as many feeds name it, "date" (issue 12): the input's date or none
        published=iso_date(optional_str(row.get("published"))) or iso_date(optional_str(row.get("date"))),
        external_id=optional_str(row.get("id")),
        # the same cleaning as a page's byline: "By Jane Doe and John Roe" is two people, "Staff" none
        authors=clean_authors([value for _, value in bylines]) if bylines else (),
        modified=iso_date(optional_str(row.get("modified"))),
        site_name=optional_str(row.get("site_name"), title=True),
        language=language_tag(optional_str(row.get("language"))),
    )


def _byline_values(row: dict[str, object]) -> list[tuple[str, str]] | str:
    """(key, string) pairs of ``authors`` and ``author``, or why they are refused: a byline
    of another type is not guessed at (a number, an object: no name can be read from it)."""
    values: list[tuple[str, str]] = []
    for key in ("authors", "author"):
        value = row.get(key)
        if value is None:
            continue
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if not isinstance(item, str):
                where = f"; item {i + 1} is {_json_type(item)}" if isinstance(value, list) else f", not {_json_type(item)}"
                return f"'{key}' must be a string or a list of strings{where}"
            values.append((key, item))
    return values


def optional_str(value: object, title: bool = False) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = normalise_text(value).replace("\n", " ") if title else value.strip()
    return value or None


def _json_type(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else "null"
    )
