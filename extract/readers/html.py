"""Web pages (``.html``/``.htm``): text of the main ``<article>``/``<main>`` element without
menus, headers, footers, asides, scripts, forms, figures and furniture marked by class,
ARIA role or link density (rules in ``data/boilerplate.jsonl``); title from the page
metadata (``og:title``, Parse.ly, Sailthru, Dublin Core, JSON-LD ``headline``), else
``<h1>``, else ``<title>``; date from ``article:published_time`` and similar metadata,
JSON-LD ``datePublished`` or ``<time datetime>``; URL from ``<link rel="canonical">``.
Pages are parsed with lxml only; nothing is fetched."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

import lxml.etree
import lxml.html

from ..cleanup import BoilerplateRules, clean_text, load_rules
from .metadata import collapse, first_value, page_metadata
from .base import (
    SNIFF_BYTES, Item, RawArticle, ReadFailure, decode_bytes, decode_text, parseable, read_article_text, sniff_encoding,
)


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


def read_html_file(path: str | Path) -> Iterator[Item]:
    """One article from a web page saved as ``.html``/``.htm``."""
    path = Path(path)
    page = read_article_text(path, decode_html)
    if isinstance(page, ReadFailure):
        yield page
        return
    yield parseable(article_from_html(page, str(path)))


def decode_html(data: bytes) -> str | None:
    """A BOM or UTF-16 first, then the declared ``<meta charset>`` (latin-1 read as
    cp1252, as browsers do), then as any text (``base.decode_bytes``)."""
    if sniff_encoding(data[:SNIFF_BYTES]) is not None:
        return decode_bytes(data)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            name = "cp1252"
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def article_from_html(page: str, source: str, rules: BoilerplateRules | None = None) -> Item:
    rules = rules or load_rules()
    page = _XML_DECLARATION.sub("", page, count=1)
    if not page.strip():
        return ReadFailure(source, "empty file")
    # huge_tree: libxml2 otherwise stops at 256 levels and silently drops the text below
    # (the page then read as "empty"); past its larger limit the page is refused, not cut.
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        doc = lxml.html.document_fromstring(page, parser=parser)
    except (lxml.etree.ParserError, ValueError) as e:
        return ReadFailure(source, f"unreadable HTML: {e}")
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        return ReadFailure(source, "HTML nested too deep to read whole (over 2,048 levels); nothing of it was kept")
    meta = page_metadata(doc)
    root = _content_root(doc)
    headline = _html_title(doc, root)
    if headline is not None:  # the page's own headline is its title, not a sentence of the text
        for h1 in root.iter("h1"):
            if collapse(h1.text_content()) == headline:
                h1.drop_tree()
                break
    # The title in the order of trust (issue 18): the publisher's metadata (Open
    # Graph, Parse.ly, Sailthru, Dublin Core, JSON-LD headline), then the page's <h1>, then
    # <title> without its site name. ``<title>`` taken whole by page_metadata is not used.
    title = meta.title if meta.title and meta.sources.get("title") != "title" else headline
    _drop_furniture(root, rules)
    body = clean_text("\n\n".join(_html_paragraphs(root)), rules)
    if not body:
        return ReadFailure(source, "empty file")
    return RawArticle(text=body, source=source, title=title, url=meta.url, published=meta.published,
                      authors=meta.authors, language=meta.language, modified=meta.modified, site_name=meta.site_name)


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
        text = collapse(h1.text_content())
        if text:
            return text
    og = first_value(doc, "//meta[@property='og:title']/@content", "//meta[@name='twitter:title']/@content")
    if og:
        return collapse(og)
    title = doc.find(".//title")
    if title is not None and collapse(title.text_content()):
        # "Headline | Site name": the headline is the longest part
        parts = _TITLE_SEPARATORS.split(collapse(title.text_content()))
        return max(parts, key=len)
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
    text = len(collapse(el.text_content()))
    linked = sum(len(collapse(a.text_content())) for a in links)
    return text > 0 and linked / text >= 0.7


def _html_paragraphs(root: lxml.html.HtmlElement) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        lines = [collapse(line) for line in "".join(current).split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
        current.clear()

    # iterwalk, not recursion: markup nested 2,000 deep is within the parser's limit
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        block = el.tag in _BLOCK_TAGS
        if event == "start":
            if block:
                flush()
            if el.tag == "br":
                current.append("\n")
            elif el.text:
                current.append(_HTML_SPACE.sub(" ", el.text))
            continue
        if block:
            flush()
        if el.tail:
            current.append(_HTML_SPACE.sub(" ", el.tail))
    flush()
    return paragraphs
