"""Web archives (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``), read streaming with warcio.

Each ``response`` record with HTTP status 200 and an HTML content type is one web page:
it goes through the HTML reader (main text, page metadata) and becomes an article whose
URL is the record's ``WARC-Target-URI`` unless the page names a canonical one, and whose
published date is the page's own (metadata) or else the capture date (``WARC-Date``, the
latest the page can have been published; news crawls such as CC-NEWS fetch articles within
hours of publication).

Skipped and counted (``skipped[reason] += 1``), never failures: records that are not
responses (requests, metadata, warcinfo), non-200 responses, non-HTML responses, pages
with no article text, and duplicates within the archive: a page whose text hash was seen
before, or a URL captured again later. **The first capture wins** (archives are written
in crawl order: the first is the page as first published, later captures add edits and
comment counts); the store's own text-hash check then skips an article already stored
by an earlier archive.

A truncated or corrupt record is one ``ReadFailure`` (``path:OFFSET: reason``), and
reading goes on at the next record found after it (the next gzip member, or the next
``WARC/1.`` header in an uncompressed archive). Memory: one record's payload at a time
(at most ``MAX_ARTICLE_BYTES``), plus a set of 16-byte hashes of seen texts and URLs.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from newsgraph.graph.model import document_id

from .base import MAX_ARTICLE_BYTES, Item, ReadFailure, iso_date
from .html import article_from_html, decode_html

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_RESYNC_BLOCK = 1 << 20
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."


def is_archive(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def read_warc_file(path: str | Path, skipped: Counter[str] | None = None) -> Iterator[Item]:
    """Articles of one archive, in record order; ``skipped`` counts what was left out, by reason."""
    path = Path(path)
    counts: Counter[str] = skipped if skipped is not None else Counter()
    seen_texts: set[bytes] = set()
    seen_urls: set[bytes] = set()
    try:
        f = path.open("rb")
    except OSError as e:
        yield ReadFailure(str(path), f"cannot read: {e.strerror or e}")
        return
    with f:
        gzipped = f.read(2) == _GZIP_MAGIC[:2]
        f.seek(0)
        if not _looks_like_archive(f, gzipped):
            yield ReadFailure(str(path), "not a WARC or ARC archive")
            return
        start: int | None = 0
        while start is not None:
            start = yield from _read_from(f, start, path, gzipped, counts, seen_texts, seen_urls)


def _read_from(f: IO[bytes], start: int, path: Path, gzipped: bool, counts: Counter[str],
               seen_texts: set[bytes], seen_urls: set[bytes]) -> Generator[Item, None, int | None]:
    """Read records from byte ``start`` to the end; on a damaged record, report it once and
    return where the next record seems to start (``None``: the archive is done)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    damage = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError, UnicodeDecodeError, LookupError)
    f.seek(start)
    records = ArchiveIterator(f, arc2warc=True)
    offset = start  # where the record being read starts (warcio tells only once it is read)
    try:
        for record in records:
            try:
                item = _article(record, path, offset, counts, seen_texts, seen_urls)
                # warcio reads the record to its end here, and counts from where it started
                offset = start + int(records.get_record_offset())
                following = offset + int(records.get_record_length())
                if getattr(record.raw_stream, "limit", 0):  # fewer bytes than its Content-Length
                    raise EOFError("record cut short (truncated archive?)")
            except damage as e:  # the record's own body is cut or corrupt
                yield ReadFailure(f"{path}:{offset}", f"damaged archive record: {_one_line(e)}")
                return _next_record(f, offset + 1, gzipped)
            if item is not None:
                yield replace(item, source=f"{path}:{offset}")
            offset = following
    except damage as e:
        if "non-chunked gzip" in str(e):  # one gzip stream for the whole file: no record boundaries to find
            yield ReadFailure(str(path), "a .gz archive must have one gzip member per record (fix: warcio recompress)")
            return None
        # ``offset`` is where the unreadable record starts: the first one read from here, or
        # the one after the last good record
        yield ReadFailure(f"{path}:{offset}", f"damaged archive record: {_one_line(e)}")
        return _next_record(f, offset + 1, gzipped)
    # warcio ends quietly at a record it cannot start (a download cut mid-record): bytes
    # left after the last record read are that record
    f.seek(offset)
    if f.read(64).strip(b"\r\n\t "):
        yield ReadFailure(f"{path}:{offset}", "damaged archive record: cut short (truncated archive?)")
        return _next_record(f, offset + 1, gzipped)
    return None


def _article(record: Any, path: Path, offset: int, counts: Counter[str], seen_texts: set[bytes],
             seen_urls: set[bytes]) -> Item | None:
    if record.rec_type != "response":
        counts["not a response record"] += 1
        return None
    http = record.http_headers
    if http is None:
        counts["not an HTTP response"] += 1
        return None
    if http.get_statuscode() != "200":
        counts["HTTP status not 200"] += 1
        return None
    content_type = (http.get_header("Content-Type") or "").lower()
    if not content_type.split(";")[0].strip() in HTML_TYPES:
        counts["not HTML"] += 1
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    url_key = hashlib.blake2b(url.encode("utf-8", "replace"), digest_size=16).digest()
    if url and url_key in seen_urls:
        counts["duplicate URL (later capture)"] += 1
        return None
    payload = _read_at_most(record.content_stream(), MAX_ARTICLE_BYTES + 1)
    if len(payload) > MAX_ARTICLE_BYTES:
        counts["page too large"] += 1
        return None
    source = f"{path}:{offset}"
    page = _decode(payload, content_type)
    if page is None:
        counts["not HTML"] += 1
        return None
    article = article_from_html(page, source)
    if isinstance(article, ReadFailure):
        counts["no article text"] += 1
        return None
    seen_urls.add(url_key)
    text_key = bytes.fromhex(document_id(article.text))
    if text_key in seen_texts:
        counts["duplicate text"] += 1
        return None
    seen_texts.add(text_key)
    captured = iso_date((record.rec_headers.get_header("WARC-Date") or "").replace("Z", "+00:00"))
    return replace(article, url=article.url or url or None, published=article.published or captured)


def _read_at_most(stream: Any, limit: int) -> bytes:
    """Up to ``limit`` bytes: a decompressing stream's ``read(n)`` may return fewer."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = stream.read(min(1 << 16, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _decode(payload: bytes, content_type: str) -> str | None:
    declared = _CHARSET.search(content_type)
    if declared:
        try:
            return payload.decode(declared.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_html(payload)


def _looks_like_archive(f: IO[bytes], gzipped: bool) -> bool:
    """The first record starts like a WARC (``WARC/1.x``) or ARC (``filedesc://``) record."""
    head = f.read(4096)
    f.seek(0)
    if gzipped:
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://"))


def _next_record(f: IO[bytes], position: int, gzipped: bool) -> int | None:
    """Where the next record after a damaged one starts: the next gzip member header (each
    record is its own member in a .warc.gz) or the next ``WARC/1.`` line; None at the end."""
    magic = _GZIP_MAGIC if gzipped else _WARC_MAGIC
    f.seek(position)
    carry = b""
    base = position
    while True:
        block = f.read(_RESYNC_BLOCK)
        if not block:
            return None
        data = carry + block
        found = data.find(magic)
        while found != -1:
            candidate = base - len(carry) + found
            if gzipped or found == 0 or data[found - 1:found] == b"\n":
                return candidate
            found = data.find(magic, found + 1)
        carry = data[-(len(magic) - 1):]
        base += len(block)


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split())[:200] or type(e).__name__


