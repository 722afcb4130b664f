"""Markdown (``.md``): the title is front matter ``title:`` or the first heading, else the
first line when it looks like a headline (``split_headline``); markup is removed (headings,
emphasis, links keep their text, images go). Front matter ``date:``/``published:`` and
``url:`` are read too."""

from __future__ import annotations

import re

from ..cleanup import clean_text, normalise_text
from .base import Item, RawArticle, ReadFailure, iso_date


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


def article_from_markdown(text: str, source: str) -> Item:
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
        title, body = split_headline(body)
    if not body:
        return ReadFailure(source, "empty file")
    published = iso_date(meta.get("published") or meta.get("date") or meta.get("pubdate"))
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


def split_headline(text: str) -> tuple[str | None, str]:
    """The first line as title when it looks like a headline and a body follows."""
    first, _, rest = text.partition("\n")
    rest = rest.strip("\n")
    if rest and _looks_like_headline(first):
        return first, rest
    return None, text


def _looks_like_headline(line: str) -> bool:
    return 2 <= len(line.split()) and len(line) <= 150 and not line.endswith((".", ",", ";", ":"))
