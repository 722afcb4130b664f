"""Plain text (``.txt`` and any unknown suffix): the first line is the title when it
looks like a headline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..cleanup import split_page
from .base import MARKDOWN_SUFFIXES, Item, RawArticle, ReadFailure, decode_bytes, parseable, read_article_text
from .markdown import article_from_markdown


def read_text_file(path: str | Path) -> Iterator[Item]:
    """One article from a ``.txt`` (or ``.md``, or any text) file."""
    path = Path(path)
    text = read_article_text(path, decode_bytes)
    if isinstance(text, ReadFailure):
        yield text
        return
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        yield parseable(article_from_markdown(text, str(path)))
    else:
        yield parseable(article_from_plain_text(text, str(path)))


def article_from_plain_text(text: str, source: str) -> Item:
    """Headline, body and the date the page states (``cleanup.split_page``: a saved news
    page's masthead, menus, byline and date stamp are not the article)."""
    page = split_page(text)
    if not page.body:
        return ReadFailure(source, "empty file")
    return RawArticle(text=page.body, source=source, title=page.title, published=page.published)
