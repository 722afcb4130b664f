"""Extraction as a map step: JSON Lines of articles in, JSON Lines of extracted documents
out, and the reader that loads those back without parsing again.

Documents are independent, so ``newsgraph extract --jsonl`` can run on many machines at
once (one call per partition, e.g. from Ray or Spark); one writer then merges every
partition's output with ``newsgraph ingest --from-extracted``. An output line is
``ExtractedDocument.to_dict()``; ``ExtractedDocument.from_dict`` reads it back.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity, ExtractedRelation

STDIN = "<stdin>"


@dataclass(frozen=True)
class LineFailure:
    source: str
    line: int | None
    reason: str

    def message(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}" if self.line is not None else f"{self.source}: {self.reason}"


# --- articles in ------------------------------------------------------------------------


def iter_article_lines(path: str, stdin: TextIO | None = None) -> Iterator[Any]:
    """Articles (``RawArticle``) and failures from one JSON Lines file, or ``-``, read
    strictly as JSON Lines (the fields of ``ingest``'s .jsonl: ``text``, ``id``, ``title``,
    ``url``, ``published``, ``modified``, ``site_name``, ``language``, ``authors``)."""
    from newsgraph.extract import readers
    from newsgraph.extract.readers.jsonl import articles_from_json_lines, decoded_lines

    if path != "-":
        if not Path(path).exists():
            yield readers.ReadFailure(path, "no such file")
            return
        yield from readers.read_jsonl_file(path)
        return
    stream = stdin if stdin is not None else sys.stdin
    binary = getattr(stream, "buffer", None)
    lines = decoded_lines(binary) if binary is not None else iter(stream)
    yield from articles_from_json_lines(lines, STDIN)


def extract_jsonl(
    path: str, out: TextIO, *, stdin: TextIO | None = None, model: str | None = None, workers: int | None = None,
    on_failure: Callable[[str], None] | None = None, skipped: Counter[str] | None = None,
) -> tuple[int, int]:
    """Write one JSON line per article of ``path`` to ``out``, in input order.
    Returns (documents written, failed lines). Articles not in English are left out as
    ``ingest`` leaves them out, counted in ``skipped`` by reason."""
    from newsgraph.extract.articles import english_articles, extraction_meta
    from newsgraph.extract.readers import ReadFailure
    from newsgraph.extract.articles import extract_articles
    from newsgraph.extract.parallel import default_workers

    failed = 0
    counts: Counter[str] = skipped if skipped is not None else Counter()

    def fail(item: ReadFailure) -> None:
        nonlocal failed
        failed += 1
        if on_failure:
            on_failure(item.message())

    def items() -> Iterator[tuple[str, dict[str, Any]]]:
        for item in english_articles(iter_article_lines(path, stdin), counts, fail):
            yield item.text, extraction_meta(item)

    written = 0
    for doc in extract_articles(items(), model, workers or default_workers(), 32):
        out.write(json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        written += 1
    out.flush()
    return written, failed


# --- extracted documents back in ----------------------------------------------------------


def read_extracted(paths: Iterable[str], stdin: TextIO | None = None) -> Iterator[ExtractedDocument | LineFailure]:
    """Documents from files written by ``extract_jsonl`` (``-`` is standard input), line
    by line; a line that is not an extracted document is a ``LineFailure``. Files are read
    like any input (readers.jsonl): FIFOs and devices refused, lines bounded, a NUL byte
    or undecodable bytes cost their line only."""
    from newsgraph.extract.readers.base import regular_file_failure
    from newsgraph.extract.readers.jsonl import decoded_lines

    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin
            binary = getattr(stream, "buffer", None)
            yield from _documents(decoded_lines(binary) if binary is not None else stream, STDIN)
            continue
        if Path(path).is_dir():  # a Spark job's output folder: its part files, in order
            from newsgraph.extract.distributed import part_files

            files = part_files(path)
            if not files:
                yield LineFailure(path, None, "no part-* files in folder (not the output of extract --engine)")
        else:
            files = [path]
        for file in files:
            refused = regular_file_failure(Path(file))
            if refused is not None:
                yield LineFailure(str(file), None, refused.reason)
                continue
            try:
                with open(file, "rb") as f:
                    yield from _documents(decoded_lines(f), str(file))
            except OSError as e:
                yield LineFailure(str(file), None, f"cannot read: {e.strerror or e}")


def _documents(lines: Iterable[Any], source: str) -> Iterator[ExtractedDocument | LineFailure]:
    from newsgraph.extract.readers.jsonl import BadLine

    for number, line in enumerate(lines, start=1):
        if isinstance(line, BadLine):
            yield LineFailure(source, number, line.reason)
            continue
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            yield LineFailure(source, number, f"malformed JSON: {e.msg} (column {e.colno})")
            continue
        if not isinstance(data, dict):
            yield LineFailure(source, number, "a line must be a JSON object (an extracted document)")
            continue
        try:
            yield checked_document(data)
        except InvalidDocument as e:
            yield LineFailure(source, number, f"not an extracted document: {e}")


# --- what an extracted document must be ----------------------------------------------------
# As strict as the extractor's own output (ExtractedDocument.to_dict): a line from elsewhere
# is checked field by field, ids and references included, before anything is stored. A
# document the store or a Neo4j push would later choke on (a null id, a relation to an
# entity that is not there, a type Neo4j cannot name) is refused here, with the field.


class InvalidDocument(ValueError):
    pass


_DOCUMENT_ID = re.compile(r"^[0-9a-f]{16}$")  # graph.model.document_id
_ISO3 = re.compile(r"^[A-Z]{3}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _fail(where: str, problem: str) -> InvalidDocument:
    return InvalidDocument(f"{where}: {problem}")


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    kinds: dict[type, str] = {dict: "an object", list: "an array", str: "a string"}
    return kinds.get(type(value), "a number")


def _str(data: dict[str, Any], key: str, where: str, *, optional: bool = False, name: bool = False) -> str | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if key not in data:
        raise InvalidDocument(f"missing '{where}{key}'")
    if not isinstance(value, str):
        raise _fail(f"{where}{key}", f"must be a string, not {_json_kind(value)}")
    if _CONTROL.search(value if name else value.replace("\n", "").replace("\t", "").replace("\r", "")):
        raise _fail(f"{where}{key}", "holds control characters or lone surrogates")
    if name and not value.strip():
        raise _fail(f"{where}{key}", "is empty")
    return value


def _int(data: dict[str, Any], key: str, where: str, *, optional: bool = False, minimum: int = 0) -> int | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if key not in data:
        raise InvalidDocument(f"missing '{where}{key}'")
    if not isinstance(value, int) or isinstance(value, bool):
        raise _fail(f"{where}{key}", f"must be an integer, not {_json_kind(value)}")
    if value < minimum:
        raise _fail(f"{where}{key}", f"must be {minimum} or more, not {value}")
    return value


def _known_keys(data: dict[str, Any], cls: type, where: str, extra: tuple[str, ...] = ()) -> None:
    allowed = {f.name for f in dataclasses.fields(cls)} | set(extra)
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise _fail(where.rstrip(".") or "document", f"unknown field {unknown[0]!r}")


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise _fail(f"{where}{key}", f"must be an array, not {_json_kind(value)}")
    return value


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, f"must be an object, not {_json_kind(value)}")
    return value


def checked_document(data: dict[str, Any]) -> ExtractedDocument:
    """An ``ExtractedDocument`` from one parsed line, or ``InvalidDocument`` naming the
    first field that the extractor would never have written."""
    from newsgraph.graph.model import ENTITY_TYPES, ID_PREFIX
    from newsgraph.graph.neo4j_sync import RELATION_TYPE  # the names a push can write

    _known_keys(data, ExtractedDocument, "")
    doc_id = _str(data, "id", "")
    if not _DOCUMENT_ID.match(doc_id or ""):
        raise _fail("id", f"must be 16 hexadecimal digits (a document id), not {doc_id!r}")
    _int(data, "text_length", "")
    for key in ("source", "title", "url", "published", "modified", "site_name", "language", "external_id"):
        _str(data, key, "", optional=key != "source")
    entity_ids: dict[str, str] = {}
    for i, raw in enumerate(_list(data, "entities", "")):
        where = f"entities[{i}]."
        e = _object(raw, where.rstrip("."))
        _known_keys(e, ExtractedEntity, where)
        eid, etype = _str(e, "id", where), _str(e, "type", where)
        _str(e, "name", where, name=True)
        if etype not in ENTITY_TYPES:
            raise _fail(f"{where}type", f"unknown entity type {etype!r}; use one of {', '.join(ENTITY_TYPES)}")
        prefix = ID_PREFIX[etype]
        if not (eid or "").startswith(prefix + ":") or len(eid or "") <= len(prefix) + 1 or _CONTROL.search(eid or "") or " " in (eid or ""):
            raise _fail(f"{where}id", f"must be '{prefix}:' and a slug for a {etype}, not {eid!r}")
        if eid in entity_ids:
            raise _fail(f"{where}id", f"{eid!r} appears twice")
        entity_ids[eid or ""] = etype or ""
        for j, alias in enumerate(_list(e, "aliases", where)):
            if not isinstance(alias, str) or not alias.strip() or _CONTROL.search(alias):
                raise _fail(f"{where}aliases[{j}]", "must be a non-empty string without control characters")
        _int(e, "mentions", where)
        iso3 = _str(e, "iso3", where, optional=True)
        if iso3 is not None and not _ISO3.match(iso3):
            raise _fail(f"{where}iso3", f"must be three capital letters, not {iso3!r}")
        if not isinstance(e.get("is_agency", False), bool):
            raise _fail(f"{where}is_agency", f"must be true or false, not {_json_kind(e.get('is_agency'))}")
    for i, author in enumerate(_list(data, "authors", "")):
        if author not in entity_ids or entity_ids[author] != "Person":
            raise _fail(f"authors[{i}]", f"{author!r} is not a Person among the document's entities")
    for i, raw in enumerate(_list(data, "mentions", "")):
        where = f"mentions[{i}]."
        m = _object(raw, where.rstrip("."))
        _known_keys(m, EntityMention, where)
        ref = _str(m, "entity_id", where)
        if ref not in entity_ids:
            raise _fail(f"{where}entity_id", f"{ref!r} is not among the document's entities")
        _str(m, "text", where)
        start = _int(m, "start", where) or 0
        _int(m, "end", where, minimum=start)
        _int(m, "sentence", where)
    for i, raw in enumerate(_list(data, "relations", "")):
        where = f"relations[{i}]."
        r = _object(raw, where.rstrip("."))
        _known_keys(r, ExtractedRelation, where)
        for end in ("head", "tail"):
            ref = _str(r, end, where)
            if ref not in entity_ids:
                raise _fail(f"{where}{end}", f"{ref!r} is not among the document's entities")
        rtype = _str(r, "type", where) or ""
        if not RELATION_TYPE.match(rtype):
            raise _fail(f"{where}type", f"{rtype!r} is not a relation type (UPPER_SNAKE_CASE, as the rules write)")
        _str(r, "method", where, name=True)
        confidence = r.get("confidence")
        if not isinstance(confidence, (int, float)) or isinstance(confidence, bool) or not 0.0 <= confidence <= 1.0:
            raise _fail(f"{where}confidence", f"must be a number from 0 to 1, not {confidence!r}")
        _str(r, "sentence", where)
        start = _int(r, "start", where) or 0
        _int(r, "end", where, minimum=start)
        for key in ("predicate", "title"):
            _str(r, key, where, optional=True)
        for key in ("head_start", "head_end", "tail_start", "tail_end"):
            _int(r, key, where, optional=True)
    return ExtractedDocument.from_dict(data)
