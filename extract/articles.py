"""Articles as the extraction takes them, the same for every path (``ingest``, ``extract
--jsonl``, the Spark job): the English ones, each with ``extract_doc``'s keyword arguments.

An input that gave no article goes to ``on_failure``; an article not in English is
counted in ``skipped`` by reason (``not English (fr)``), never parsed: the model is English.
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any, Callable, Iterable, Iterator

from newsgraph.extract.readers.base import Item, RawArticle, ReadFailure
from newsgraph.extract.readers.language import judge
from newsgraph.graph.model import ExtractedDocument, document_id


def english_articles(
    items: Iterable[Item], skipped: Counter[str], on_failure: Callable[[ReadFailure], None]
) -> Iterator[RawArticle]:
    for item in items:
        if isinstance(item, ReadFailure):
            on_failure(item)
            continue
        verdict = judge(item.text, item.language)
        if not verdict.english:
            skipped[verdict.skip_reason()] += 1
            continue
        yield item


def extraction_meta(item: RawArticle, doc_id: str | None = None, default_date: str | None = None) -> dict[str, Any]:
    """``extract_doc``'s arguments for ``item``: its id (``doc_id`` when already computed),
    its metadata, and ``default_date`` only when the input gives no date."""
    return {
        "document_id": doc_id or document_id(item.text),
        "source": item.source,
        "title": item.title,
        "url": item.url,
        "published": item.published or default_date,
        "external_id": item.external_id,
        "authors": item.authors,
        "modified": item.modified,
        "site_name": item.site_name,
        "language": item.language,
    }


def extract_articles(
    items: Iterator[tuple[str, dict[str, Any]]], model: str | None, workers: int, batch_size: int = 32
) -> Iterator[ExtractedDocument]:
    """Parse and extract ``(text, extraction_meta)`` items in this process (one worker) or
    in a pool of worker processes; either way the documents come back in input order to
    this process, the only writer."""
    from newsgraph.extract.parallel import POOL_MIN_ARTICLES, extract_parallel

    head: list[tuple[str, dict[str, Any]]] = []
    if workers > 1:
        head = list(itertools.islice(items, POOL_MIN_ARTICLES))
        if len(head) == POOL_MIN_ARTICLES:
            return extract_parallel(itertools.chain(head, items), model=model, workers=workers)
    from newsgraph.extract.pipeline import extract_texts, load_pipeline

    return extract_texts(itertools.chain(head, items), load_pipeline(model), batch_size=batch_size)
