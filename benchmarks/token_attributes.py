"""The token-attribute tables (``extract/token_attributes.py``): the same tokens as the
model's own attribute ruler and lemmatizer, and the CPU time they save.

    python benchmarks/token_attributes.py identity [--limit N] [--datasets DIR]
    python benchmarks/token_attributes.py time [--limit 300] [--repeat 3]

``identity``: the BBC articles of ``../shared/datasets/news`` that are in no calibration
or test split (those are never parsed here: the unlabelled ones and the dev ones) and
CoNLL-2003's 946 Reuters train documents (``unlabelled_news.reuters_rows``), read as
``ingest`` reads them (the JSON Lines reader and its cleanup), each parsed by newsgraph's
pipeline with the model's ``attribute_ruler`` and ``lemmatizer``
(``build_pipeline(token_tables=False)``) and with the tables (``load_pipeline``). Every
token's POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE and sentence start is
compared; exit status 1 on any difference, the first few printed.

``time``: the first N unlabelled BBC articles (``unlabelled_news.bbc_rows``), in one
process: CPU seconds (``time.process_time``) of each component's ``pipe`` over the docs
in turn (and their sum, the parse), for both pipelines, then of the extraction
(``extract_doc``) over the parsed docs; the median of ``--repeat`` rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from unlabelled_news import DEFAULT_DATASETS, bbc_rows, reuters_rows  # noqa: E402

COMPARED = ("pos_", "tag_", "morph", "lemma_", "dep_", "head_i", "ent_iob_", "ent_type_", "is_sent_start")


def parsed_texts(rows: list[dict]) -> Iterator[str]:
    """The texts ``ingest`` parses for these rows: the JSON Lines reader's articles."""
    from newsgraph.extract.readers import iter_articles
    from newsgraph.extract.readers.base import ReadFailure

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
        for item in iter_articles([path]):
            if not isinstance(item, ReadFailure):
                yield item.text


def identity_rows(datasets: Path) -> dict[str, list[dict]]:
    splits = json.loads((REPO / "benchmarks" / "gold" / "splits.json").read_text(encoding="utf-8"))
    held_out = {k for k, v in splits.items() if v != "dev"}  # calibration and test: never parsed here
    with (datasets / "news" / "bbc_news.jsonl").open(encoding="utf-8") as handle:
        bbc = [json.loads(line) for line in handle if line.strip()]
    return {"bbc": [r for r in bbc if r["id"] not in held_out], "reuters": reuters_rows(datasets)}


def token_row(token: object) -> tuple:
    return tuple(str(getattr(token, a)) if a == "morph" else
                 (token.head.i if a == "head_i" else getattr(token, a)) for a in COMPARED)  # type: ignore[attr-defined]


def identity(datasets: Path, limit: int | None) -> int:
    from newsgraph.extract.pipeline import build_pipeline, load_pipeline

    stock, tables = build_pipeline(token_tables=False), load_pipeline()
    assert "newsgraph_token_attributes" in tables.pipe_names, tables.pipe_names
    differences = 0
    for corpus, rows in identity_rows(datasets).items():
        texts = list(parsed_texts(rows[:limit]))
        tokens = docs = 0
        for a, b in zip(stock.pipe(texts, batch_size=32), tables.pipe(texts, batch_size=32)):
            docs += 1
            if len(a) != len(b):
                differences += 1
                print(f"{corpus} doc {docs}: {len(a)} tokens against {len(b)}")
                continue
            for ta, tb in zip(a, b):
                tokens += 1
                ra, rb = token_row(ta), token_row(tb)
                if ra != rb:
                    differences += 1
                    if differences <= 20:
                        print(f"{corpus} doc {docs} token {ta.i} {ta.text!r}: stock {ra} tables {rb}")
        print(f"{corpus}: {docs} articles, {tokens} tokens, {len(COMPARED)} attributes each compared")
    print(f"differences: {differences}")
    return 1 if differences else 0


def timings(datasets: Path, limit: int, repeat: int) -> int:
    from newsgraph.extract.pipeline import build_pipeline, extract_doc, load_pipeline

    texts = list(parsed_texts(bbc_rows(datasets)[:limit]))
    pipelines = {"stock": build_pipeline(token_tables=False), "tables": load_pipeline()}
    rounds: dict[str, list[float]] = {}

    def record(key: str, seconds: float) -> None:
        rounds.setdefault(key, []).append(seconds)

    list(pipelines["tables"].pipe(texts[:20]))  # warm both (first-call set-up, the tables' first keys)
    list(pipelines["stock"].pipe(texts[:20]))
    for _ in range(repeat):
        for label, nlp in pipelines.items():
            start = time.process_time()
            docs = [nlp.make_doc(t) for t in texts]
            record(f"{label} tokenizer", time.process_time() - start)
            for name, proc in nlp.pipeline:
                start = time.process_time()
                docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
                record(f"{label} {name}", time.process_time() - start)
            record(f"{label} parse (the sum)", sum(v[-1] for k, v in rounds.items() if k.startswith(label + " ")
                                                   and not k.endswith("(the sum)")))
        nlp = pipelines["tables"]  # docs: the tables' parse, the last one run
        start = time.process_time()
        for i, doc in enumerate(docs):
            extract_doc(doc, nlp, document_id=f"d{i}")
        record("extraction (extract_doc)", time.process_time() - start)
    print(f"{len(texts)} unlabelled BBC articles, CPU seconds, median of {repeat} "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end)")
    for key, values in rounds.items():
        print(f"  {key:40} {statistics.median(values):7.2f}   ({', '.join(f'{v:.2f}' for v in values)})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["identity", "time"])
    parser.add_argument("--limit", type=int, default=None, help="articles per corpus (time: default 300)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--datasets", default=os.environ.get("NEWSGRAPH_DATASETS", str(DEFAULT_DATASETS)))
    args = parser.parse_args(argv)
    datasets = Path(args.datasets)
    if args.mode == "identity":
        return identity(datasets, args.limit)
    return timings(datasets, args.limit or 300, args.repeat)


if __name__ == "__main__":
    raise SystemExit(main())
