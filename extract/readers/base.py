"""What every reader shares: the article and failure records, byte decoding, the size
limit for one article file, and ISO date normalisation."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson"}
STDIN_SOURCE = "<stdin>"
# One article file larger than this is almost certainly not one article (a dump, a log,
# a mistake); refusing it beats loading it whole. JSON Lines files have no limit.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
SNIFF_BYTES = 8192
MARKDOWN_SUFFIXES = {".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class RawArticle:
    """One article as read, before parsing."""

    text: str  # body text, cleaned of page furniture (cleanup.clean_text applied)
    source: str  # file path, "path:LINE" for a JSON line, or "<stdin>"
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 'YYYY-MM-DD', or ISO datetime when a time is given
    external_id: str | None = None  # JSON Lines 'id'
    authors: tuple[str, ...] = ()  # byline names (page metadata, a feed's author, JSON Lines 'authors')
    language: str | None = None  # declared by the input ("en"), lower-case; None when it says nothing


@dataclass(frozen=True)
class ReadFailure:
    """An input that gave no article, and why in one short line."""

    source: str  # file path, or "<stdin>"
    reason: str
    line: int | None = None  # JSON Lines line number, 1-based

    def message(self) -> str:
        """``path:7: malformed JSON: ...`` or ``path: binary file``: one line for stderr."""
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.reason}"


Item = RawArticle | ReadFailure


# --- decoding -------------------------------------------------------------------------


def decode_bytes(data: bytes) -> str | None:
    """Text from bytes: UTF-8 (BOM or not; UTF-16 with a BOM), else cp1252, else latin-1.

    ``None`` when the bytes look binary: a NUL byte, or more than 30% control
    characters, in the first 8 KB.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if looks_binary(data[:SNIFF_BYTES]):
        return None
    return decode_text(data)


def looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if (b < 32 and b not in b"\t\n\r\x0c\x0b\x1b") or b == 127)
    return controls / len(sample) > 0.30


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


def read_article_bytes(path: Path) -> bytes | ReadFailure:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            return ReadFailure(
                str(path), f"file too large for one article ({size // (1024 * 1024)} MB); use JSON Lines"
            )
        return path.read_bytes()
    except OSError as e:
        return ReadFailure(str(path), f"cannot read: {e.strerror or e}")


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD``, or an ISO datetime when the value has a time; ``None`` if not ISO."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) <= 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None
