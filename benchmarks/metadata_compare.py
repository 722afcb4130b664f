"""Page metadata: newsgraph's own extractor (extract/readers/metadata.py) against the
libraries that do this job, on the project's HTML example and on fixture pages written
here, one per metadata vocabulary and trap (issue 18).

    python benchmarks/metadata_compare.py

Fields compared: published date (to the day), authors, title. Libraries are optional:
htmldate (dates), trafilatura (``extract_metadata``: title, author, date, sitename) and
extruct (raw JSON-LD/OpenGraph/microdata trees; we count whether the expected value is
anywhere in what it returns, i.e. the best any mapping on top of it could do). A library
that is not installed is reported as such.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Page:
    name: str
    html: str
    published: str | None  # YYYY-MM-DD
    authors: tuple[str, ...]
    title: str


def _page(head: str, body: str, lang: str = "en") -> str:
    return f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


_TEXT = ("<p>Marco Rubio met Nayib Bukele in San Salvador on Monday to discuss migration and security, officials "
         "said. The talks lasted two hours.</p><p>Bukele said the agreement would be signed next month.</p>")

PAGES = [
    Page("open-graph", _page(
        '<title>Rubio meets Bukele | Meridian</title><meta property="og:title" content="Rubio meets Bukele">'
        '<meta property="article:published_time" content="2025-02-03T08:00:00Z">'
        '<meta name="author" content="Laura Mendez">',
        f"<article><h1>Rubio meets Bukele</h1>{_TEXT}</article>"), "2025-02-03", ("Laura Mendez",), "Rubio meets Bukele"),
    Page("json-ld-graph", _page(
        '<title>Talks in San Salvador - The Post</title><script type="application/ld+json">{"@context":'
        '"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2019-01-01"},{"@type":"NewsArticle",'
        '"headline":"Talks in San Salvador","datePublished":"2025-03-10T10:00:00+01:00","author":[{"@type":"Person",'
        '"name":"Tom Baker"},{"@type":"Person","name":"Ana Ruiz"}]}]}</script>',
        f"<article><h1>Talks in San Salvador</h1>{_TEXT}</article>"),
        "2025-03-10", ("Tom Baker", "Ana Ruiz"), "Talks in San Salvador"),
    Page("dublin-core", _page(
        '<title>Migration pact agreed</title><meta name="DC.date.issued" content="2024-11-05">'
        '<meta name="DC.creator" content="Sam Okafor">',
        f"<main><h1>Migration pact agreed</h1>{_TEXT}</main>"), "2024-11-05", ("Sam Okafor",), "Migration pact agreed"),
    Page("parsely", _page(
        '<title>Bukele hosts Rubio</title><meta name="parsely-pub-date" content="2024-12-01T09:00:00Z">'
        '<meta name="parsely-author" content="Li Wei">',
        f"<article><h1>Bukele hosts Rubio</h1>{_TEXT}</article>"), "2024-12-01", ("Li Wei",), "Bukele hosts Rubio"),
    Page("sailthru", _page(
        '<title>Security talks end</title><meta name="sailthru.date" content="2024-10-20 07:30:00">'
        '<meta name="sailthru.author" content="Maria Costa">',
        f"<article><h1>Security talks end</h1>{_TEXT}</article>"), "2024-10-20", ("Maria Costa",), "Security talks end"),
    Page("time-element-only", _page(
        "<title>Ministers meet</title>",
        f'<article><h1>Ministers meet</h1><p class="byline">By <a rel="author" href="/p/jd">Jane Doe</a>, '
        f'<time datetime="2025-01-15T12:00:00Z">15 January 2025</time></p>{_TEXT}</article>'),
        "2025-01-15", ("Jane Doe",), "Ministers meet"),
    # traps: a date in the URL and in the text but no date metadata -> no date (never a guess);
    # an agency as author -> no person
    Page("undated-with-dates-in-text", _page(
        '<title>Rubio to visit in March</title><link rel="canonical" href="https://x.example/2023/05/02/rubio">'
        '<meta name="author" content="Associated Press">',
        f"<article><h1>Rubio to visit in March</h1><p>On 4 March 2024 Rubio will travel.</p>{_TEXT}</article>"),
        None, (), "Rubio to visit in March"),
    Page("organization-author", _page(
        '<title>Trade deal | Wire</title><script type="application/ld+json">{"@type":"NewsArticle","headline":'
        '"Trade deal","datePublished":"2025-04-01","author":{"@type":"Organization","name":"Meridian Wire"}}</script>',
        f"<article><h1>Trade deal</h1>{_TEXT}</article>"), "2025-04-01", (), "Trade deal"),
]


def project_pages() -> list[Page]:
    page = ROOT / "examples" / "rubio-sheinbaum-security-talks.html"
    return [Page("examples/" + page.name, page.read_text(encoding="utf-8"), "2025-05-14", ("Laura Mendez",),
                 "Rubio arrives in Mexico City for security talks with Sheinbaum")]


Result = tuple[str | None, tuple[str, ...] | None, str | None]  # date, authors (None: not extracted), title


def ours(html: str) -> Result:
    import lxml.html

    from newsgraph.extract.readers.metadata import page_metadata

    m = page_metadata(lxml.html.document_fromstring(html))
    return (m.published or "")[:10] or None, m.authors, m.title


def with_trafilatura(html: str) -> Result:
    from trafilatura.metadata import extract_metadata

    m = extract_metadata(html)
    authors = tuple(a.strip() for a in (m.author or "").split(";") if a.strip()) if m else ()
    return (m.date if m else None), authors, (m.title if m else None)


def with_htmldate(html: str) -> Result:
    from htmldate import find_date

    return find_date(html, extensive_search=True, original_date=True), None, None


def with_extruct(html: str) -> Result:
    import extruct

    data: Any = extruct.extract(html, syntaxes=["json-ld", "opengraph", "microdata"], uniform=True)
    blob = repr(data)
    # the best a mapping on top could do: the first ISO date anywhere in the trees
    import re

    found = re.findall(r"(\d{4}-\d{2}-\d{2})", blob)
    return (found[0] if found else None), None, None


LIBRARIES: dict[str, Callable[[str], Result]] = {
    "newsgraph": ours, "trafilatura": with_trafilatura, "htmldate": with_htmldate, "extruct": with_extruct,
}


def main() -> int:
    pages = PAGES + project_pages()
    print(f"{len(pages)} pages ({len(PAGES)} fixtures + the project's HTML example)")
    print(f"{'extractor':<12} {'date ok':>8} {'authors ok':>11} {'title ok':>9} {'ms/page':>8}  misses")
    for name, fn in LIBRARIES.items():
        try:
            fn(pages[0].html)
        except ImportError:
            print(f"{name:<12} not installed (pip install {name})")
            continue
        ok = [0, 0, 0]
        counted = [0, 0, 0]
        misses = []
        start = time.perf_counter()
        for page in pages:
            date, authors, title = fn(page.html)
            checks = [(date, page.published), (authors, page.authors), (title, page.title)]
            for i, (got, want) in enumerate(checks):
                if got is None and i > 0:
                    continue  # the library does not extract this field
                counted[i] += 1
                if (tuple(got) if isinstance(got, (list, tuple)) else got) == want:
                    ok[i] += 1
                else:
                    misses.append(f"{page.name}:{['date', 'authors', 'title'][i]}={got!r}")
        ms = (time.perf_counter() - start) * 1000 / len(pages)
        cells = [f"{o}/{c}" if c else "-" for o, c in zip(ok, counted)]
        print(f"{name:<12} {cells[0]:>8} {cells[1]:>11} {cells[2]:>9} {ms:>8.1f}  {'; '.join(misses)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
