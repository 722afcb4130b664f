"""JSON Lines (``.jsonl``/``.ndjson``): one JSON object per line with ``text`` and optional
``id``, ``title``, ``url``, ``published`` (or ``date``). Blank lines are skipped; a bad line is one
``ReadFailure`` and the other lines still yield."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..cleanup import clean_text, normalise_text
from .base import SNIFF_BYTES, Item, RawArticle, ReadFailure, decode_text, iso_date, looks_binary



def read_jsonl_file(path: str | Path) -> Iterator[Item]:
    """One article per JSON line, read line by line."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            if looks_binary(f.read(SNIFF_BYTES)):
                yield ReadFailure(str(path), "binary file")
                return
            f.seek(0)
            yield from articles_from_json_lines(decoded_lines(f), str(path))
    except OSError as e:
        yield ReadFailure(str(path), f"cannot read: {e.strerror or e}")


def decoded_lines(stream: BinaryIO) -> Iterator[str]:
    for raw in stream:
        yield decode_text(raw)


def articles_from_json_lines(lines: Iterable[str], source: str) -> Iterator[Item]:
    seen_any = False
    for number, line in enumerate(lines, start=1):
        if number == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        seen_any = True
        yield _article_from_json_line(line, source, number)
    if not seen_any:
        yield ReadFailure(source, "empty file")


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
    text = clean_text(row["text"])
    if not text:
        return failure("empty 'text'")
    return RawArticle(
        text=text,
        source=f"{source}:{number}",
        title=optional_str(row.get("title"), title=True),
        url=optional_str(row.get("url")),
        # "published" or, as many feeds name it, "date" (issue 12): the input's date or none
        published=iso_date(optional_str(row.get("published"))) or iso_date(optional_str(row.get("date"))),
        external_id=optional_str(row.get("id")),
    )


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
