"""Unlabelled news for judging a rule by hand: text nobody labelled and no rule was tuned on.

    python benchmarks/unlabelled_news.py reuters OUT.jsonl [N SEED]
    python benchmarks/unlabelled_news.py bbc OUT.jsonl [N SEED]

``reuters``: CoNLL-2003's train documents (Reuters, 1996) as plain text, one JSON line each
(``reuters-train-NNN`` in file order; the first sentence is the title, the tokens joined back
into text). ``bbc``: the BBC articles of ``../shared/datasets/news`` that are in no gold split
and are not exact duplicates. With N and SEED, ``random.Random(SEED).sample(rows, N)`` (the
audit samples in ``gold/audit_samples.json`` name their seeds). Reads ``../shared/datasets``
(or ``--datasets DIR`` / ``NEWSGRAPH_DATASETS``) and says so when it is missing; the data sets
are not redistributed, so nothing here is stored in the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATASETS = REPO.parent / "shared" / "datasets"

# Token joins undone: CoNLL writes "said , the" and "( AP )"; news text does not.
_DETOKENISE = [
    (re.compile(r" ([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$]) "), r"\1"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"),
    (re.compile(r'" (.*?) "'), r'"\1"'),
]


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    for pattern, replacement in _DETOKENISE:
        text = pattern.sub(replacement, text)
    return text


def conll_documents(path: Path) -> list[list[list[str]]]:
    """Documents as lists of sentences (token lists), split at ``-DOCSTART-``."""
    documents: list[list[list[str]]] = []
    sentences: list[list[str]] = []
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-") or not line.strip():
            if tokens:
                sentences.append(tokens)
                tokens = []
            if line.startswith("-DOCSTART-") and sentences:
                documents.append(sentences)
                sentences = []
            continue
        tokens.append(line.split(" ")[0])
    if tokens:
        sentences.append(tokens)
    if sentences:
        documents.append(sentences)
    return documents


def reuters_rows(datasets: Path) -> list[dict]:
    documents = conll_documents(datasets / "conll2003" / "train.txt")
    return [
        {"id": f"reuters-train-{i:03d}", "title": detokenise(doc[0]),
         "text": "\n".join(detokenise(sentence) for sentence in doc[1:])}
        for i, doc in enumerate(documents)
    ]


def bbc_rows(datasets: Path) -> list[dict]:
    labelled = set(json.loads((REPO / "benchmarks" / "gold" / "splits.json").read_text(encoding="utf-8")))
    with (datasets / "news" / "bbc_news.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [row for row in rows if not row.get("duplicate_of") and row["id"] not in labelled]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", choices=["reuters", "bbc"])
    parser.add_argument("out")
    parser.add_argument("n", nargs="?", type=int, default=None)
    parser.add_argument("seed", nargs="?", type=int, default=0)
    parser.add_argument("--datasets", default=os.environ.get("NEWSGRAPH_DATASETS", str(DEFAULT_DATASETS)))
    args = parser.parse_args(argv)
    datasets = Path(args.datasets)
    needed = datasets / ("conll2003/train.txt" if args.corpus == "reuters" else "news/bbc_news.jsonl")
    if not needed.exists():
        print(f"Error: data set file missing: {needed}. This script reads ../shared/datasets beside the "
              "repository; pass --datasets DIR or set NEWSGRAPH_DATASETS.", file=sys.stderr)
        return 2
    rows = reuters_rows(datasets) if args.corpus == "reuters" else bbc_rows(datasets)
    if args.n is not None:
        rows = random.Random(args.seed).sample(rows, args.n)
    with open(args.out, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} {args.corpus} articles -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
