"""Page metadata from a parsed HTML page: title, published and modified dates, authors,
site name, canonical URL and declared language.

Sources, in order of trust (the first that gives a usable value wins, field by field):

1. ``<meta>``: Open Graph (``og:*``, ``article:published_time``/``modified_time``/``author``),
   Dublin Core (``dc.*``, ``dcterms.*``), Parse.ly (``parsely-*``), Sailthru (``sailthru.*``),
   plain ``author``/``date``/``pubdate`` and ``itemprop`` microdata on ``<meta>``;
2. JSON-LD of a ``NewsArticle``/``Article``/``ReportageNewsArticle``/``BlogPosting``
   (``headline``, ``datePublished``, ``dateModified``, ``author``, ``publisher``,
   ``inLanguage``), also inside ``@graph``;
3. ``<time datetime>`` (one marked ``itemprop=datePublished`` or ``pubdate`` first), and
   ``rel=author``/``itemprop=author`` elements for authors;
4. ``<title>`` for the title, ``<html lang>`` for the language.

Why our own small extractor and not a library: htmldate, extruct and trafilatura were
measured against it (``benchmarks/metadata_compare.py``; figures in the README). On
news pages with publisher metadata they agree on dates; they differ where it matters here:
htmldate also guesses dates from free text and URLs (a wrong date is worse than none:
issue 12), extruct brings rdflib/html5lib and returns raw trees that still need this
mapping, and trafilatura pulls a crawler's dependencies for the same meta/JSON-LD rules.

Dates are ISO or nothing (``base.iso_date``); authors that are organisations (a JSON-LD
``Organization``, a news agency, a site name) or not names at all (URLs, e-mails,
"Staff") are dropped: an author becomes a Person entity.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

import lxml.html

from .base import iso_date

ARTICLE_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
     "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "report"}
)
# Meta keys per field, most trusted first (keys are lower-cased ``property``/``name``/``itemprop``).
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "article.published",
    "pubdate", "publishdate", "publish-date", "date",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified",
                 "last-modified")
AUTHOR_META = ("article:author", "author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
               "byl")
TITLE_META = ("og:title", "parsely-title", "sailthru.title", "dc.title", "dcterms.title", "twitter:title", "headline")
SITE_META = ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher")
LANGUAGE_META = ("og:locale", "dc.language", "dcterms.language", "content-language", "language", "inlanguage")
URL_META = ("og:url", "parsely-link")

_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b|\bwith\b)\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019.\-]*$|^(?:de|da|van|von|der|del|la|le|bin|al)$")
NOT_PEOPLE = frozenset(
    {"staff", "staff writer", "editor", "editors", "newsroom", "news desk", "admin", "reporter", "correspondent",
     "agencies", "wire services", "wires"}
)
MAX_AUTHORS = 8


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    published: str | None = None  # ISO date or datetime (base.iso_date)
    modified: str | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    url: str | None = None  # canonical
    language: str | None = None  # declared, lower-case primary subtag ("en", "fr")
    sources: dict[str, str] = field(default_factory=dict, compare=False)  # field -> where it came from


def page_metadata(doc: lxml.html.HtmlElement) -> PageMetadata:
    """Metadata of a parsed page (``lxml.html.document_fromstring``); read-only."""
    metas = _meta_values(doc)
    ld = _json_ld_article(doc)
    found: dict[str, Any] = {}
    sources: dict[str, str] = {}

    def take(name: str, value: Any, source: str) -> None:
        if value and name not in found:
            found[name] = value
            sources[name] = source

    for key in TITLE_META:
        take("title", collapse(metas.get(key, "")), f"meta {key}")
    take("title", collapse(_text(ld.get("headline"))), "json-ld headline")
    for key in PUBLISHED_META:
        take("published", iso_date(metas.get(key)), f"meta {key}")
    take("published", iso_date(_text(ld.get("datePublished"))), "json-ld datePublished")
    for key in MODIFIED_META:
        take("modified", iso_date(metas.get(key)), f"meta {key}")
    take("modified", iso_date(_text(ld.get("dateModified"))), "json-ld dateModified")
    for key in SITE_META:
        take("site_name", collapse(metas.get(key, "")), f"meta {key}")
    publisher = ld.get("publisher")
    take("site_name", collapse(_text(publisher.get("name") if isinstance(publisher, dict) else publisher)),
         "json-ld publisher")
    for key in AUTHOR_META:
        take("authors", clean_authors([metas.get(key, "")], found.get("site_name")), f"meta {key}")
    take("authors", clean_authors(_json_ld_people(ld.get("author")), found.get("site_name")), "json-ld author")
    take("authors", clean_authors(_author_elements(doc), found.get("site_name")), "rel/itemprop author")
    take("url", first_value(doc, "//link[@rel='canonical']/@href"), "link canonical")
    for key in URL_META:
        take("url", metas.get(key, "").strip(), f"meta {key}")
    take("url", _text(ld.get("url")).strip(), "json-ld url")
    for key in LANGUAGE_META:
        take("language", language_tag(metas.get(key)), f"meta {key}")
    take("language", language_tag(_text(ld.get("inLanguage"))), "json-ld inLanguage")
    take("language", language_tag(doc.get("lang") or doc.get("xml:lang")), "html lang")
    for value in doc.xpath("//time[@itemprop='datePublished' or @pubdate]/@datetime") + doc.xpath("//time/@datetime"):
        take("published", iso_date(str(value)), "time datetime")
    titles = doc.xpath("//title")
    if titles:
        take("title", collapse(titles[0].text_content()), "title")
    return PageMetadata(
        title=found.get("title"), published=found.get("published"), modified=found.get("modified"),
        authors=tuple(found.get("authors", ())), site_name=found.get("site_name"), url=found.get("url"),
        language=found.get("language"), sources=sources,
    )


def clean_authors(values: list[str], site_name: str | None = None) -> tuple[str, ...]:
    """Person names from byline strings: "By Jane Doe and John Roe" gives two; URLs,
    e-mails, "Staff", the site's own name and agencies give none."""
    from newsgraph.extract.rules import load_gazetteer

    gazetteer = load_gazetteer()
    site = (site_name or "").casefold()
    names: list[str] = []
    for value in values:
        if not value or "://" in value or "@" in value or value.startswith("/"):
            continue
        for part in _AUTHOR_SPLIT.split(_BY.sub("", collapse(value))):
            name = part.strip(" .-:")
            words = name.split()
            if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in name):
                continue
            if name.casefold() in NOT_PEOPLE or name.casefold() == site or not all(_NAME_WORD.match(w) for w in words):
                continue
            if gazetteer.organization(name) is not None or gazetteer.country(name) is not None:
                continue  # "Associated Press", "Reuters Staff"... an agency is not a person
            if name not in names:
                names.append(name)
    return tuple(names[:MAX_AUTHORS])


def _meta_values(doc: lxml.html.HtmlElement) -> dict[str, str]:
    metas: dict[str, str] = {}
    for meta in doc.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv") or "")
        key = key.strip().lower()
        content = meta.get("content")
        if key and content and content.strip() and key not in metas:
            metas[key] = content.strip()
    return metas


def _json_ld_article(doc: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first JSON-LD object typed as an article (anywhere in the script's tree)."""
    for script in doc.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue  # one broken block is skipped, the next may be good
        for item in _walk(data):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in types):
                return item
    return {}


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            yield item
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item)


def _json_ld_people(value: Any) -> list[str]:
    """Names from a JSON-LD ``author``: a string, a Person, or a list of either;
    an ``Organization`` author is a publisher, not a person."""
    people: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            people.append(item)
        elif isinstance(item, dict):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.lower() in ("organization", "newsmediaorganization") for k in kinds):
                continue
            people.append(_text(item.get("name")))
    return people


def _author_elements(doc: lxml.html.HtmlElement) -> list[str]:
    values = [collapse(el.text_content()) for el in doc.xpath("//a[@rel='author'] | //*[@itemprop='author']")]
    return [v for v in values if v][:MAX_AUTHORS]


def language_tag(value: str | None) -> str | None:
    """The lower-case primary subtag of a declared language ("en-GB" -> "en"), or None."""
    if not value:
        return None
    primary = re.split(r"[-_]", value.strip())[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _text(value: Any) -> str:
    if isinstance(value, list) and value:
        value = value[0]
    return value if isinstance(value, str) else ""


def first_value(doc: lxml.html.HtmlElement, *queries: str) -> str | None:
    """The first non-blank value, stripped, that the XPath queries find, in query order."""
    for query in queries:
        for value in doc.xpath(query):
            if str(value).strip():
                return str(value).strip()
    return None


def collapse(text: str) -> str:
    """Runs of white space as one space, none at the ends."""
    return " ".join(text.split())
