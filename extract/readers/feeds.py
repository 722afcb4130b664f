"""Feeds and sitemaps saved on disk (``.rss``, ``.atom``, ``.xml``): RSS 2.0, RSS 1.0 (RDF),
Atom, and sitemaps (``<urlset>``, with Google News' ``<news:news>``); nothing is fetched.

An item whose feed carries the article (RSS ``content:encoded``, Atom ``<content>``) is
one article: that HTML through the HTML reader's cleaning, with the item's link, title,
date (RSS ``pubDate`` in RFC 822, ``dc:date``, Atom ``published``/``updated``, a news
sitemap's ``publication_date``) and authors (``dc:creator``, ``author``, Atom
``author/name``). An item that carries only a link, a title and a teaser (most feeds, and
every sitemap entry) has no article to read offline: it is skipped and counted
("feed item without article text"), as is a sitemap index's link to another sitemap.

Parsing is safe for files from anywhere: lxml's ``iterparse`` with entities not resolved,
no DTD loaded and no network (no billion-laughs expansion, no external entity read), and
streaming, one item in memory at a time, so a 50,000-URL sitemap is no problem. Malformed
XML is one ``ReadFailure`` with its line; the items before it are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from email.utils import parsedate_to_datetime
from pathlib import Path

import lxml.etree

from .base import Item, ReadFailure, iso_date
from .html import article_from_html
from .metadata import clean_authors

FEED_SUFFIXES = (".rss", ".atom", ".xml")
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rss1": "http://purl.org/rss/1.0/",
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
# The elements that are one entry each, in every dialect (Clark notation for namespaces).
ENTRY_TAGS = ("item", f"{{{NS['rss1']}}}item", f"{{{NS['atom']}}}entry", f"{{{NS['sm']}}}url",
              f"{{{NS['sm']}}}sitemap", "url", "sitemap")
NO_TEXT = "feed item without article text"


def is_feed(path: str | Path) -> bool:
    return str(path).lower().endswith(FEED_SUFFIXES)


def read_feed_file(path: str | Path, skipped: Counter[str] | None = None) -> Iterator[Item]:
    """The articles a feed or sitemap file carries, in document order."""
    path = Path(path)
    counts: Counter[str] = skipped if skipped is not None else Counter()
    entries = 0
    try:
        events = lxml.etree.iterparse(
            str(path), events=("end",), tag=ENTRY_TAGS, resolve_entities=False, load_dtd=False,
            no_network=True, huge_tree=False, remove_comments=True,
        )
        for _, element in events:
            entries += 1
            item = _entry(element, path, counts)
            if item is not None:
                yield item
            element.clear(keep_tail=False)  # streaming: drop what was read
    except lxml.etree.XMLSyntaxError as e:
        yield ReadFailure(str(path), f"malformed XML: {e.msg}", line=e.lineno or None)
        return
    except OSError as e:
        yield ReadFailure(str(path), f"cannot read: {e.strerror or e}")
        return
    if not entries:
        yield ReadFailure(str(path), "no items: not an RSS/Atom feed or a sitemap")


def _entry(el: lxml.etree._Element, path: Path, counts: Counter[str]) -> Item | None:
    tag = lxml.etree.QName(el).localname
    if tag == "sitemap":
        counts["sitemap index entry (a link to another sitemap)"] += 1
        return None
    atom = el.tag == f"{{{NS['atom']}}}entry"
    body = _text(el, "content:encoded") or (_text(el, "atom:content") if atom else None)
    if not body:
        counts[NO_TEXT] += 1
        return None
    source = f"{path}:{el.sourceline}" if el.sourceline else str(path)
    article = article_from_html(f"<html><body><article>{body}</article></body></html>", source)
    if isinstance(article, ReadFailure):
        counts[NO_TEXT] += 1
        return None
    title = _text(el, "title") or _text(el, "rss1:title") or _text(el, "atom:title") or _text(el, "news:news/news:title")
    return replace(
        article,
        title=" ".join(title.split()) if title else article.title,
        url=_link(el, atom),
        published=_date(el),
        authors=clean_authors(_authors(el)),
        language=(_text(el, "news:news/news:publication/news:language") or None),
        modified=_modified(el),
        site_name=_site_name(el, atom),
    )


def _modified(el: lxml.etree._Element) -> str | None:
    """Atom's ``updated`` or a sitemap's ``lastmod`` (also ``published``'s last fallback)."""
    for path in ("atom:updated", "sm:lastmod", "lastmod"):
        found = iso_date(_text(el, path))
        if found:
            return found
    return None


def _site_name(el: lxml.etree._Element, atom: bool) -> str | None:
    """Google News' publication name, else the title of the channel or feed the item is in
    (parsed before its items, so still there while they stream)."""
    name = _text(el, "news:news/news:publication/news:name")
    parent = el.getparent()
    if not name and parent is not None:
        name = _text(parent, "atom:title" if atom else "title") or _text(parent, "rss1:title")
    if not name and parent is not None:  # RSS 1.0: the items are beside the channel
        name = _text(parent, "rss1:channel/rss1:title")
    return " ".join(name.split()) if name else None


def _text(el: lxml.etree._Element, path: str) -> str | None:
    found = el.find(_clark(path))
    if found is None:
        return None
    text = _text_of(found) if found.text is None or len(found) else found.text
    return text.strip() or None


def _clark(path: str) -> str:
    parts = []
    for step in path.split("/"):
        prefix, _, name = step.rpartition(":")
        parts.append(f"{{{NS[prefix]}}}{name}" if prefix else name)
    return "/".join(parts)


def _link(el: lxml.etree._Element, atom: bool) -> str | None:
    if atom:
        for link in el.findall(_clark("atom:link")):
            if link.get("rel", "alternate") == "alternate" and link.get("href"):
                return str(link.get("href")).strip()
        return None
    return _text(el, "link") or _text(el, "rss1:link") or _text(el, "sm:loc") or _text(el, "loc") or _text(el, "guid")


def _date(el: lxml.etree._Element) -> str | None:
    for path in ("atom:published", "dc:date", "news:news/news:publication_date", "atom:updated", "sm:lastmod",
                 "lastmod"):
        found = iso_date(_text(el, path))
        if found:
            return found
    value = _text(el, "pubDate")
    if value:
        try:
            return parsedate_to_datetime(value).isoformat()  # RFC 822: "Wed, 14 May 2025 09:30:00 GMT"
        except (TypeError, ValueError, IndexError):
            return iso_date(value)
    return None


def _text_of(el: lxml.etree._Element) -> str:
    """All the text inside ``el`` (lxml yields str for a parsed document)."""
    return "".join(t if isinstance(t, str) else t.decode("utf-8", "replace") for t in el.itertext())


def _authors(el: lxml.etree._Element) -> list[str]:
    names = [n.text or "" for n in el.findall(_clark("dc:creator"))]
    names += [_text_of(n) for n in el.findall(_clark("atom:author/atom:name"))]
    for author in el.findall("author"):  # RSS 2.0: "jane@example.org (Jane Doe)"
        value = (author.text or "").strip()
        names.append(value[value.find("(") + 1:value.rfind(")")] if "(" in value and ")" in value else value)
    return names
