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
  ``title``, ``url``, ``published`` (or ``date``). Blank lines are skipped; a bad line is one
  ``ReadFailure`` and the other lines still yield.

Dates are kept only when they are ISO 8601, normalised: ``2025-02-03`` as a date, a
datetime as ``datetime.isoformat()`` (``2025-05-14T09:30:00Z`` becomes ``...+00:00``);
anything else (``3 February 2025``) gives ``published=None`` rather than a guess.

Every article's text goes through ``cleanup.clean_text``. Readers never raise on bad
input: each problem is a ``ReadFailure`` in the stream, so one bad file does not stop a
run. Reading streams: one article (or one JSON line) in memory at a time.

The package has one module per format (``text``, ``markdown``, ``html``, ``jsonl``), what
they share in ``base``, and ``sources`` for paths, folders and standard input.
"""

from __future__ import annotations

from .base import MAX_ARTICLE_BYTES, SUPPORTED_SUFFIXES, Item, RawArticle, ReadFailure, decode_bytes
from .html import read_html_file
from .jsonl import read_jsonl_file
from .sources import iter_articles, read_file, read_stdin
from .text import read_text_file

__all__ = [
    "MAX_ARTICLE_BYTES",
    "Item",
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
