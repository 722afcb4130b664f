"""Parse and extract on every core: a pool of worker processes, each with its own spaCy
pipeline, turns chunks of articles into ``ExtractedDocument``s; the caller (one process,
the only writer) gets them back in input order.

Why not ``nlp.pipe(n_process=...)``: spaCy's workers only parse; every ``Doc`` is then
serialised back to the main process, which must still run extraction on it, so the main
process becomes the bottleneck. Here a worker does the parse *and* the extraction and
sends back a small dataclass.

Memory stays flat: at most ``IN_FLIGHT_PER_WORKER × workers`` chunks are in flight, the
input is read lazily, and a worker is replaced (forked again from the pristine parent) after
``MAX_CHUNKS_PER_WORKER`` chunks so that spaCy's string store, which grows with every
new word, cannot grow without bound.
"""

from __future__ import annotations

import gc
import importlib.util
import multiprocessing
import os
from collections import deque
from itertools import islice
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any, Iterable, Iterator

from newsgraph.errors import ModelNotFound
from newsgraph.graph.model import ExtractedDocument

MAX_CHUNKS_PER_WORKER = 200
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker, so none idles while the writer commits
POOL_MIN_ARTICLES = 32  # fewer are not worth starting worker processes for
MAX_DEFAULT_WORKERS = 4
CHUNK_SIZE = 8  # small: when the input ends, a worker waits for at most one chunk of the other



def default_workers() -> int:
    """One parser process per core, capped: past a few, the single writer is the limit."""
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS))

def check_model(model: str | None) -> None:
    """Fail before starting workers if the pipeline is not installed (cheap: no spaCy import)."""
    from newsgraph.extract.pipeline import model_name

    name = model_name(model).replace("-", "_")
    if Path(name).exists():
        return
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise ModelNotFound(model=model_name(model))


def _extract_chunk(chunk: list[tuple[str, dict[str, Any]]], model: str | None, cooccurrence: bool) -> list[ExtractedDocument]:
    from newsgraph.extract.pipeline import extract_texts, load_pipeline

    nlp = load_pipeline(model)  # cached: inherited from the parent (fork) or loaded once per worker
    return list(extract_texts(chunk, nlp, batch_size=len(chunk), cooccurrence=cooccurrence))


def _chunks(items: Iterable[Any], size: int, workers: int) -> Iterator[list[Any]]:
    """``items`` in chunks of ``size``, but the last ``size * (workers + 1)`` in ever smaller
    ones (a ``2 * workers``-th of what is left, down to one article): the workers take chunks
    in turn, and with whole chunks at the end one of them still parses a chunk after the
    other has finished (half a chunk's time idle on average); with the small ones they finish
    within about an article of each other."""
    source = iter(items)
    lookahead = size * (workers + 1)
    ahead: deque[Any] = deque(islice(source, lookahead))
    ended = len(ahead) < lookahead
    while ahead:
        take = max(1, len(ahead) // (2 * workers)) if ended else size
        chunk = [ahead.popleft() for _ in range(min(take, len(ahead)))]
        yield chunk
        if not ended:
            more = list(islice(source, len(chunk)))
            ahead.extend(more)
            ended = len(more) < len(chunk)


def extract_parallel(
    items: Iterable[tuple[str, dict[str, Any]]], *, model: str | None = None, workers: int = 2,
    chunk_size: int = CHUNK_SIZE, cooccurrence: bool = True,
) -> Iterator[ExtractedDocument]:
    """``extract_texts`` over ``workers`` processes; same documents, same order."""
    ctx: Any
    if "fork" in multiprocessing.get_all_start_methods():
        # Fork after loading the pipeline once here: workers start at once, share the
        # model's weights copy-on-write, and a script calling this needs no
        # ``if __name__ == "__main__"`` guard (spawn would re-run it in every worker).
        from newsgraph.extract import person_evidence, place_countries
        from newsgraph.extract.pipeline import load_pipeline

        load_pipeline(model)
        person_evidence.load_tables()
        place_countries.load_tables()
        ctx = multiprocessing.get_context("fork")
    else:
        check_model(model)
        ctx = multiprocessing.get_context("spawn")
    chunks = _chunks(items, chunk_size, workers)
    in_flight: deque[AsyncResult[list[ExtractedDocument]]] = deque()
    # What the parent holds now (the model, the tables) lives as long as the workers: the
    # cycle collector need not walk it, in a worker or here. Walking it in a forked worker
    # also writes to every object's header, copying the pages the worker shares with the
    # parent (copy-on-write) for nothing.
    gc.freeze()
    try:
        with ctx.Pool(workers, maxtasksperchild=MAX_CHUNKS_PER_WORKER) as pool:
            while True:
                chunk = next(chunks, [])
                if chunk:
                    in_flight.append(pool.apply_async(_extract_chunk, (chunk, model, cooccurrence)))
                if not in_flight:
                    break
                if len(in_flight) >= IN_FLIGHT_PER_WORKER * workers or not chunk:
                    yield from in_flight.popleft().get()
    finally:
        gc.unfreeze()
