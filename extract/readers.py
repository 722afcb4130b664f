"""Read articles from files, folders and standard input.

Formats, chosen by suffix:

- ``.txt``: plain text; the first line is the title when it looks like a headline.
- ``.md``: Markdown; the title is front matter ``title:`` or the first heading, else as
  for ``.txt``; markup is removed (headings, emphasis, links keep their text, images go).
  Front matter ``date:``/``published:`` and ``url:`` are read too.
- ``.html``/``.htm``: a web page; text of the main ``<article>``/``<main>`` element without
  menus, headers, footers, asides, scripts, forms, figures and furniture marked by class,
  ARIA role or link density (rules in ``data/boilerplate.jsonl``); title from ``<h1>``,
  ``og:title`` or ``<title>``; date from ``article:published_time`` and similar metadata,
  JSON-LD ``datePublished`` or ``<time datetime>``; URL from ``<link rel="canonical">``.
  Pages are parsed with lxml only; nothing is fetched.
- ``.jsonl``/``.ndjson``: one JSON object per line with ``text`` and optional ``id``,
  ``title``, ``url``, ``published``. Blank lines are skipped; a bad line is one
  ``ReadFailure`` and the other lines still yield.

Dates are kept only when they are ISO 8601, normalised: ``2025-02-03`` as a date, a
datetime as ``datetime.isoformat()`` (``2025-05-14T09:30:00Z`` becomes ``...+00:00``);
anything else (``3 February 2025``) gives ``published=None`` rather than a guess.

Every article's text goes through ``cleanup.clean_text``. Readers never raise on bad
input: each problem is a ``ReadFailure`` in the stream, so one bad file does not stop a
run. Reading streams: one article (or one JSON line) in memory at a time.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import BinaryIO, TextIO

import lxml.etree
import lxml.html

from .cleanup import BoilerplateRules, clean_text, load_rules, normalise_text

__all__ = [
    "MAX_ARTICLE_BYTES",
    "RawArticle",
    "ReadFailure",
    "SUPPORTED_SUFFIXES",
    "decode_bytes",
    "iter_articles",
    "read_file",
    "read_html_file",
    "read_jsonl_file",
    "read_stdin",
    "read_text_file",
]

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson"}
STDIN_SOURCE = "<stdin>"
# One article file larger than this is almost certainly not one article (a dump, a log,
# a mistake); refusing it beats loading it whole. JSON Lines files have no limit.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
_SNIFF_BYTES = 8192
_MARKDOWN_SUFFIXES = {".md"}
_HTML_SUFFIXES = {".html", ".htm"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class RawArticle:
    """One article as read, before parsing."""

    text: str  # body text, cleaned of page furniture (cleanup.clean_text applied)
    source: str  # file path, "path:LINE" for a JSON line, or "<stdin>"
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 'YYYY-MM-DD', or ISO datetime when a time is given
    external_id: str | None = None  # JSON Lines 'id'


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
    if _looks_binary(data[:_SNIFF_BYTES]):
        return None
    return _decode_text(data)


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if (b < 32 and b not in b"\t\n\r\x0c\x0b\x1b") or b == 127)
    return controls / len(sample) > 0.30


def _decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


def _read_article_bytes(path: Path) -> bytes | ReadFailure:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            return ReadFailure(
                str(path), f"file too large for one article ({size // (1024 * 1024)} MB); use JSON Lines"
            )
        return path.read_bytes()
    except OSError as e:
        return ReadFailure(str(path), f"cannot read: {e.strerror or e}")


# --- plain text and Markdown ----------------------------------------------------------


def read_text_file(path: str | Path) -> Iterator[Item]:
    """One article from a ``.txt`` (or ``.md``, or any text) file."""
    path = Path(path)
    data = _read_article_bytes(path)
    if isinstance(data, ReadFailure):
        yield data
        return
    text = decode_bytes(data)
    if text is None:
        yield ReadFailure(str(path), "binary file")
        return
    if path.suffix.lower() in _MARKDOWN_SUFFIXES:
        yield _article_from_markdown(text, str(path))
    else:
        yield _article_from_plain_text(text, str(path))


def _article_from_plain_text(text: str, source: str) -> Item:
    title, body = _split_headline(clean_text(text))
    if not body:
        return ReadFailure(source, "empty file")
    return RawArticle(text=body, source=source, title=title)


def _split_headline(text: str) -> tuple[str | None, str]:
    """The first line as title when it looks like a headline and a body follows."""
    first, _, rest = text.partition("\n")
    rest = rest.strip("\n")
    if rest and _looks_like_headline(first):
        return first, rest
    return None, text


def _looks_like_headline(line: str) -> bool:
    return 2 <= len(line.split()) and len(line) <= 150 and not line.endswith((".", ",", ";", ":"))


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_MD_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_MD_REF_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_MD_BLOCK_PREFIX = re.compile(r"^\s*(?:>\s?)*(?:[-*+]\s+|\d{1,9}[.)]\s+)?")
_MD_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images: the alt text is a caption
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), r"\1"),
]


def _article_from_markdown(text: str, source: str) -> Item:
    text = normalise_text(text)
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        meta = _parse_front_matter(front.group(1))
        text = text[front.end() :]
    plain, heading = _markdown_to_text(text)
    title = normalise_text(meta["title"]) if meta.get("title") else heading
    if heading is not None and title != heading:
        plain = heading + "\n\n" + plain
    body = clean_text(plain)
    if title is None:
        title, body = _split_headline(body)
    if not body:
        return ReadFailure(source, "empty file")
    published = _iso_date(meta.get("published") or meta.get("date") or meta.get("pubdate"))
    return RawArticle(
        text=body,
        source=source,
        title=normalise_text(title) if title else None,
        url=meta.get("url") or meta.get("canonical") or None,
        published=published,
    )


def _parse_front_matter(block: str) -> dict[str, str]:
    """Top-level ``key: value`` scalars of YAML front matter (nothing nested)."""
    meta: dict[str, str] = {}
    for line in block.split("\n"):
        key, sep, value = line.partition(":")
        if not sep or not key or key[0].isspace():
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if value:
            meta[key.strip().lower()] = value
    return meta


def _markdown_to_text(text: str) -> tuple[str, str | None]:
    """Plain text of Markdown, and the heading that opens the document, if one does."""
    out: list[str] = []
    heading: str | None = None
    content_lines = 0  # non-blank lines written to out so far
    in_fence = False
    for line in text.split("\n"):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            content_lines += bool(line.strip())
            continue
        if _MD_SETEXT_UNDERLINE.match(line) and out and out[-1].strip():
            # "Title\n=====": the line above is a heading
            if content_lines == 1 and heading is None:
                heading = out.pop()
                content_lines = 0
            out.append("")
            continue
        if _MD_REF_DEFINITION.match(line) or _MD_RULE.match(line):
            out.append("")
            continue
        atx = _MD_ATX_HEADING.match(line)
        if atx:
            title = _markdown_inline(atx.group(1))
            if content_lines == 0 and heading is None:
                heading = title
            else:
                out.extend(["", title, ""])
                content_lines += 1
            continue
        line = _markdown_inline(_MD_BLOCK_PREFIX.sub("", line, count=1))
        out.append(line)
        content_lines += bool(line.strip())
    return "\n".join(out), (normalise_text(heading) or None) if heading is not None else None


def _markdown_inline(line: str) -> str:
    for pattern, replacement in _MD_INLINE:
        line = pattern.sub(replacement, line)
    return line


# --- HTML -----------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav "
    "ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_LINK_LIST_TAGS = frozenset("ul ol div section p table nav".split())
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_CLASS_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")  # HTML whitespace; only <br> breaks a line
_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014-]\s+|\s+::\s+")
_PUBLISHED_META = (
    "article:published_time",
    "datepublished",
    "og:article:published_time",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "date",
)


def read_html_file(path: str | Path) -> Iterator[Item]:
    """One article from a web page saved as ``.html``/``.htm``."""
    path = Path(path)
    data = _read_article_bytes(path)
    if isinstance(data, ReadFailure):
        yield data
        return
    page = _decode_html(data)
    if page is None:
        yield ReadFailure(str(path), "binary file")
        return
    yield _article_from_html(page, str(path))


def _decode_html(data: bytes) -> str | None:
    """The declared ``<meta charset>`` first (latin-1 read as cp1252, as browsers do)."""
    if data.startswith(codecs.BOM_UTF8) or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data)
    if _looks_binary(data[:_SNIFF_BYTES]):
        return None
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            name = "cp1252"
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode_text(data)


def _article_from_html(page: str, source: str, rules: BoilerplateRules | None = None) -> Item:
    rules = rules or load_rules()
    page = _XML_DECLARATION.sub("", page, count=1)
    if not page.strip():
        return ReadFailure(source, "empty file")
    try:
        doc = lxml.html.document_fromstring(page)
    except (lxml.etree.ParserError, ValueError) as e:
        return ReadFailure(source, f"unreadable HTML: {e}")
    published = _html_published(doc)
    url = _first_attr(doc, "//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content")
    root = _content_root(doc)
    title = _html_title(doc, root)
    if title is not None:
        for h1 in root.iter("h1"):
            if _collapse(h1.text_content()) == title:
                h1.drop_tree()
                break
    _drop_furniture(root, rules)
    body = clean_text("\n\n".join(_html_paragraphs(root)), rules)
    if not body:
        return ReadFailure(source, "empty file")
    return RawArticle(text=body, source=source, title=title, url=url, published=published)


def _content_root(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The ``<article>`` with the most paragraph text, else ``<main>``, else the body."""
    for query in ("//article", "//*[@itemprop='articleBody']", "//main", "//*[@role='main']"):
        candidates = doc.xpath(query)
        if candidates:
            return max(candidates, key=lambda el: sum(len(p.text_content()) for p in el.iter("p")))
    body = doc.find("body")
    return body if body is not None else doc


def _html_title(doc: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> str | None:
    for h1 in chain(root.iter("h1"), doc.iter("h1")):
        text = _collapse(h1.text_content())
        if text:
            return text
    og = _first_attr(doc, "//meta[@property='og:title']/@content", "//meta[@name='twitter:title']/@content")
    if og:
        return _collapse(og)
    title = doc.find(".//title")
    if title is not None and _collapse(title.text_content()):
        # "Headline | Site name": the headline is the longest part
        parts = _TITLE_SEPARATORS.split(_collapse(title.text_content()))
        return max(parts, key=len)
    return None


def _html_published(doc: lxml.html.HtmlElement) -> str | None:
    metas: dict[str, str] = {}
    for meta in doc.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content")
    for key in _PUBLISHED_META:
        found = _iso_date(metas.get(key))
        if found:
            return found
    for script in doc.xpath("//script[@type='application/ld+json']"):
        found = _iso_date(_json_ld_published(script.text or ""))
        if found:
            return found
    times = doc.xpath("//time[@itemprop='datePublished' or @pubdate]/@datetime") + doc.xpath("//time/@datetime")
    for value in times:
        found = _iso_date(value)
        if found:
            return found
    return None


def _json_ld_published(text: str) -> str | None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            published = item.get("datePublished")
            if isinstance(published, str):
                return published
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def _drop_furniture(root: lxml.html.HtmlElement, rules: BoilerplateRules) -> None:
    """Remove elements that are not article text, in place."""
    for el in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        el.drop_tree()
    root_text = len(root.text_content()) or 1
    doomed: list[lxml.html.HtmlElement] = []
    for el in root.iter():
        if el is root or not isinstance(el.tag, str):
            continue
        if el.tag in rules.html_tags or el.get("hidden") is not None or el.get("aria-hidden") == "true":
            doomed.append(el)
            continue
        if "display:none" in (el.get("style") or "").replace(" ", ""):
            doomed.append(el)
            continue
        marked = (el.get("role") or "").lower() in rules.html_roles or _class_words(el) & rules.html_class_words
        # a wrapper holding most of the article is never furniture, whatever its class says
        if marked and len(el.text_content()) < root_text / 2:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    for el in [e for e in root.iter() if e is not root and e.tag in _LINK_LIST_TAGS]:
        if el.getparent() is not None and _is_link_list(el):
            el.drop_tree()


def _class_words(el: lxml.html.HtmlElement) -> set[str]:
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return {w.lower() for w in _CLASS_SPLIT.split(names) if w}


def _is_link_list(el: lxml.html.HtmlElement) -> bool:
    """Three or more links making up most of the text: a menu or a list of headlines."""
    links = el.findall(".//a")
    if len(links) < 3:
        return False
    text = len(_collapse(el.text_content()))
    linked = sum(len(_collapse(a.text_content())) for a in links)
    return text > 0 and linked / text >= 0.7


def _html_paragraphs(root: lxml.html.HtmlElement) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        lines = [_collapse(line) for line in "".join(current).split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
        current.clear()

    def walk(el: lxml.html.HtmlElement) -> None:
        block = el.tag in _BLOCK_TAGS
        if block:
            flush()
        if el.tag == "br":
            current.append("\n")
        elif el.text:
            current.append(_HTML_SPACE.sub(" ", el.text))
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            current.append(_HTML_SPACE.sub(" ", el.tail))

    try:
        walk(root)
        flush()
    except RecursionError:  # absurdly deep markup: fall back to the element's text
        return [root.text_content()]
    return paragraphs


def _first_attr(doc: lxml.html.HtmlElement, *queries: str) -> str | None:
    for query in queries:
        for value in doc.xpath(query):
            if str(value).strip():
                return str(value).strip()
    return None


def _collapse(text: str) -> str:
    return " ".join(text.split())


# --- JSON Lines -----------------------------------------------------------------------


def read_jsonl_file(path: str | Path) -> Iterator[Item]:
    """One article per JSON line, read line by line."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            if _looks_binary(f.read(_SNIFF_BYTES)):
                yield ReadFailure(str(path), "binary file")
                return
            f.seek(0)
            yield from _articles_from_json_lines(_decoded_lines(f), str(path))
    except OSError as e:
        yield ReadFailure(str(path), f"cannot read: {e.strerror or e}")


def _decoded_lines(stream: BinaryIO) -> Iterator[str]:
    for raw in stream:
        yield _decode_text(raw)


def _articles_from_json_lines(lines: Iterable[str], source: str) -> Iterator[Item]:
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
        title=_optional_str(row.get("title"), title=True),
        url=_optional_str(row.get("url")),
        published=_iso_date(_optional_str(row.get("published"))),
        external_id=_optional_str(row.get("id")),
    )


def _optional_str(value: object, title: bool = False) -> str | None:
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


def _iso_date(value: str | None) -> str | None:
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


# --- paths, folders and stdin ---------------------------------------------------------


def iter_articles(paths: Iterable[str | Path], stdin: TextIO | None = None) -> Iterator[Item]:
    """Articles and failures from files, folders and ``-`` (standard input), in order.

    A folder is walked recursively in sorted order, taking only ``SUPPORTED_SUFFIXES``
    and skipping hidden files and folders and ``README.*`` files (a corpus folder's
    description is not an article); a folder with none gives a ``ReadFailure``.
    A file named explicitly is read whatever its suffix (unknown suffixes as plain text).
    A path that does not exist gives a ``ReadFailure``. ``-`` reads ``stdin`` (default
    ``sys.stdin``) as JSON Lines when its first non-blank line is a JSON object, as HTML
    when it starts with ``<!doctype html`` or ``<html``, and as plain text otherwise.
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
                yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        else:
            yield ReadFailure(str(path), "no such file or folder")


def read_file(path: str | Path) -> Iterator[Item]:
    """One file, by its suffix (unknown suffixes as plain text)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        return read_jsonl_file(path)
    if suffix in _HTML_SUFFIXES:
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
        elif entry.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path


def read_stdin(stream: TextIO) -> Iterator[Item]:
    """Articles from standard input: JSON Lines, an HTML page or one plain-text article."""
    binary = getattr(stream, "buffer", None)
    lines: Iterator[str] = _decoded_lines(binary) if binary is not None else iter(stream)
    head: list[str] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    first = head[-1].lstrip("\ufeff").strip() if head else ""
    if first.startswith("{") and _is_json_object(first):
        yield from _articles_from_json_lines(chain(head, lines), STDIN_SOURCE)
        return
    text = "".join(chain(head, lines))
    if _looks_binary(text[:_SNIFF_BYTES].encode("utf-8", "replace")):
        yield ReadFailure(STDIN_SOURCE, "binary input")
    elif first.lower().startswith(("<!doctype html", "<html")):
        yield _article_from_html(text, STDIN_SOURCE)
    else:
        yield _article_from_plain_text(text, STDIN_SOURCE)


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False
