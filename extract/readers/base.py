"""What every reader shares: the article and failure records, byte decoding, the size
limit for one article file, and ISO date normalisation."""

from __future__ import annotations

import codecs
import errno
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson"}
STDIN_SOURCE = "<stdin>"
# One article file larger than this is almost certainly not one article (a dump, a log,
# a mistake); refusing it beats loading it whole. JSON Lines files have no limit, but
# each of their lines has this one, and so has standard input.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
MAX_ARTICLE_CHARS = 1_000_000  # spaCy's Language.max_length: see parseable()
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
    modified: str | None = None  # last modified, ISO like ``published`` (page metadata, a feed's updated, JSON Lines)
    site_name: str | None = None  # the publication (og:site_name, JSON-LD publisher, a feed's title)


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
#
# Which bytes are text, in this order (the first that applies decides):
#   1. a byte-order mark: UTF-32, UTF-8, UTF-16, decoded strictly;
#   2. UTF-16 without a mark: in the first 8 KB, NUL bytes on every other position (the
#      high byte of ASCII characters) and almost none on the others;
#   3. any other NUL byte: binary;
#   4. UTF-8, strictly (almost never valid by accident);
#   5. a legacy 8-bit encoding (cp1252, latin-1 for the five bytes cp1252 leaves
#      undefined), only when the result reads like Western text: under 1% control
#      characters, under 30% non-ASCII characters, and those mostly letters or typographic
#      punctuation. Random bytes 1-255 fail all three; a Spanish or French article passes.
# Decoded text of any encoding with more than 5% control characters is binary too.

_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # not tab, newlines, FF, VT, ESC
_LEGACY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_TYPOGRAPHIC = set("\u00a0\u00ab\u00bb\u00b0\u00b7\u00a3\u00a7\u00a9\u00ae\u00b4\u00bd\u00bc\u00be\u00bf\u00a1"
                   "\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac\u2122\u2020\u2021\u2030")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE 00 00
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> str | None:
    """Text from bytes (see the order above); ``None`` when the bytes are not text."""
    encoding = sniff_encoding(data[:SNIFF_BYTES])
    if encoding == "binary":
        return None
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            return None
        return None if _too_many_controls(text) else text
    return decode_text(data)


def sniff_encoding(sample: bytes) -> str | None:
    """A Unicode encoding told by a BOM or by the NUL pattern of UTF-16, ``"binary"`` for
    other bytes with NUL, ``None`` when UTF-8 or a legacy encoding must be tried."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    if b"\x00" not in sample:
        return None
    pairs = len(sample) // 2
    if pairs >= 2:
        even = sample[0 : pairs * 2 : 2].count(0) / pairs
        odd = sample[1 : pairs * 2 : 2].count(0) / pairs
        if odd >= 0.3 and even <= 0.02:
            return "utf-16-le"
        if even >= 0.3 and odd <= 0.02:
            return "utf-16-be"
    return "binary"


def decode_text(data: bytes) -> str | None:
    """UTF-8 (BOM or not), else a legacy encoding when the result reads like text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return None if _too_many_controls(text) else text
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text if _reads_like_western_text(text) else None


def _too_many_controls(text: str) -> bool:
    return bool(text) and len(_CONTROLS.findall(text)) > 0.05 * len(text)


def _reads_like_western_text(text: str) -> bool:
    if not text:
        return True
    if len(_LEGACY_CONTROLS.findall(text)) > 0.01 * len(text):
        return False
    non_ascii = _NON_ASCII.findall(text)
    if len(non_ascii) > 0.30 * len(text) and len(text) >= 32:  # a short name may be all accents
        return False
    wordlike = sum(1 for c in non_ascii if c.isalpha() or c in _TYPOGRAPHIC)
    return wordlike >= 0.8 * len(non_ascii)


def regular_file_failure(path: Path) -> ReadFailure | None:
    """A path that is not a regular file is refused before it is opened: opening a FIFO
    blocks until a writer comes, a device (``/dev/zero``) never ends."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        if e.errno == errno.ELOOP:
            return ReadFailure(str(path), "symbolic link loop")
        return ReadFailure(str(path), f"cannot read: {e.strerror or e}")
    if stat.S_ISREG(mode):
        return None
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "not a file")
    return ReadFailure(str(path), f"not a regular file ({kind}); pipe it to '-' instead")


def read_article_bytes(path: Path) -> bytes | ReadFailure:
    """The whole file, read with a bound: ``st_size`` is 0 for /proc files and devices."""
    refused = regular_file_failure(path)
    if refused is not None:
        return refused
    try:
        with path.open("rb") as f:
            data = f.read(MAX_ARTICLE_BYTES + 1)
    except OSError as e:
        return ReadFailure(str(path), f"cannot read: {e.strerror or e}")
    if len(data) > MAX_ARTICLE_BYTES:
        return too_large(str(path))
    return data


def read_article_text(path: Path, decode: Callable[[bytes], str | None]) -> str | ReadFailure:
    """The whole file (``read_article_bytes``) as text by ``decode``; a file it finds no
    text in is refused as a binary file."""
    data = read_article_bytes(path)
    if isinstance(data, ReadFailure):
        return data
    text = decode(data)
    if text is None:
        return ReadFailure(str(path), "binary file")
    return text


def too_large(source: str, line: int | None = None) -> ReadFailure:
    what = "line" if line is not None else "input" if source == STDIN_SOURCE else "file"
    return ReadFailure(
        source, f"{what} larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB, too large for one article; use JSON Lines",
        line=line,
    )


def parseable(item: Item) -> Item:
    """An article longer than the parser takes is refused here, whatever its format: spaCy
    stops at ``MAX_ARTICLE_CHARS`` (its ``max_length``; the parser needs about 1 GB per
    100,000 characters). A million characters is some 150,000 words, no news article: a
    dump or a concatenation, whose article boundaries we cannot know, so it is refused
    rather than cut into made-up parts."""
    if isinstance(item, RawArticle) and len(item.text) > MAX_ARTICLE_CHARS:
        source, _, line = item.source.rpartition(":")
        number = int(line) if line.isdigit() and source else None
        return ReadFailure(
            source if number is not None else item.source,
            f"article of {len(item.text):,} characters is over the parser's limit of {MAX_ARTICLE_CHARS:,}; "
            "split it into articles",
            line=number,
        )
    return item


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
