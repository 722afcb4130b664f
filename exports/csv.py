"""CSV for ``neo4j-admin database import`` and for analysts' spreadsheets.

Target: Neo4j 5 ``neo4j-admin database import full`` (header format:
https://neo4j.com/docs/operations-manual/current/tools/neo4j-admin/neo4j-admin-import/).

Six files, UTF-8, comma-separated, RFC 4180 quoting:
- ``nodes.csv``: ``id:ID``, ``name``, ``:LABEL`` (``Entity;<type>``), ``aliases:string[]``,
  ``mentions:int``, ``documents:int``, ``bylines:int``, ``iso3``, ``is_agency:boolean``,
  ``first_seen:date``, ``last_seen:date``.
- ``relationships.csv``: ``:START_ID``, ``:END_ID``, ``:TYPE``, ``weight:int``,
  ``confidence:float``, ``predicate``, ``title``, ``method``, ``first_seen:date``,
  ``last_seen:date``, ``evidence_count:int``, ``document_ids:string[]``,
  ``relation_id:long`` (the store's id), ``confirmed:boolean`` (``true`` once an analyst
  confirmed the relation, else empty: absent, as a push leaves it). One row per
  relation type: Neo4j keeps parallel relationships, so nothing is merged.
- ``documents.csv``: ``id:ID``, ``:LABEL`` (``Document``), ``title``, ``source``, ``url``,
  ``published``, ``date``, ``modified``, ``site_name``, ``language`` (page metadata, issue
  18; empty when the input gave none): the documents that mention an exported entity or name one in
  their byline, with the
  properties ``neo4j push`` gives them (dates as strings, as the push sends them).
- ``mentions.csv``: ``:START_ID`` (document), ``:END_ID`` (entity), ``:TYPE``
  (``MENTIONS``), ``count:int``. With ``documents.csv`` an admin import holds the same
  labels and relationship types, in the same numbers, as a push of the same store.
- ``bylines.csv``: ``:START_ID`` (document), ``:END_ID`` (entity), ``:TYPE``
  (``WRITTEN_BY``): who wrote each document, as the push writes it (issue 18).
  A NetworkX graph has no documents: these three files then hold only their header.
- ``evidence.csv`` (not for the import; for reading): one row per piece of evidence:
  head, type, tail, document, title, date, start, end, predicate, method, confidence,
  sentence.

Spreadsheet formulas: in ``evidence.csv`` a cell starting with ``= + - @``, tab or carriage
return gets a leading ``'`` (OWASP); the import files are left exact (see FORMULA_START).

Flattening: arrays use neo4j-admin's default array delimiter ``;`` (``ARRAY_DELIMITER``);
an empty field is an absent property. Characters XML 1.0 forbids (NUL and other C0
controls but tab, newline, carriage return) become U+FFFD, as in the XML formats;
sentences may contain newlines, so import evidence-like fields with
``--multiline-fields=true``.

Import: ``neo4j-admin database import full --nodes=nodes.csv --nodes=documents.csv
--relationships=relationships.csv --relationships=mentions.csv --relationships=bylines.csv neo4j``.

Destination: a folder path (created), or a ``.zip`` path, binary file or '-' for a zip
archive holding the six files.
"""

from __future__ import annotations

import csv as _csv
import io
import os
from pathlib import Path
from typing import Any, Iterator

from newsgraph.errors import ExportDestinationError
from newsgraph.exports._xml import xml_safe
from newsgraph.exports.files import AtomicFolder
from newsgraph.exports.source import Destination, GraphLike, StoreGraph, destination_error, iter_edges, iter_nodes, open_binary

__all__ = ["write_csv", "NODE_HEADER", "RELATIONSHIP_HEADER", "DOCUMENT_HEADER", "MENTION_HEADER", "BYLINE_HEADER",
           "EVIDENCE_HEADER",
           "ARRAY_DELIMITER"]

ARRAY_DELIMITER = ";"
NODE_HEADER = [
    "id:ID", "name", ":LABEL", "aliases:string[]", "mentions:int", "documents:int", "bylines:int", "iso3",
    "is_agency:boolean", "first_seen:date", "last_seen:date",
]
RELATIONSHIP_HEADER = [
    ":START_ID", ":END_ID", ":TYPE", "weight:int", "confidence:float", "predicate", "title", "method",
    "first_seen:date", "last_seen:date", "evidence_count:int", "document_ids:string[]", "relation_id:long",
    "confirmed:boolean",
]
DOCUMENT_HEADER = ["id:ID", ":LABEL", "title", "source", "url", "published", "date", "modified", "site_name", "language"]
MENTION_HEADER = [":START_ID", ":END_ID", ":TYPE", "count:int"]
BYLINE_HEADER = [":START_ID", ":END_ID", ":TYPE"]
EVIDENCE_HEADER = [
    "head", "type", "tail", "document", "title", "date", "start", "end", "predicate", "method", "confidence",
    "sentence",
]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ARRAY_DELIMITER.join(xml_safe(str(v)).replace(ARRAY_DELIMITER, ",") for v in value)
    return xml_safe(str(value))


def _node_rows(graph: GraphLike) -> Iterator[list[str]]:
    for n in iter_nodes(graph):
        label = f"Entity{ARRAY_DELIMITER}{n['type']}" if n.get("type") else "Entity"
        yield [
            _cell(n["id"]), _cell(n["name"]), label, _cell(n["aliases"]), _cell(n["mentions"]), _cell(n["documents"]),
            _cell(n["bylines"]), _cell(n["iso3"]), _cell(bool(n["is_agency"])), _cell(n["first_seen"]), _cell(n["last_seen"]),
        ]


def _relationship_rows(graph: GraphLike) -> Iterator[list[str]]:
    for e in iter_edges(graph):
        yield [
            _cell(e["head"]), _cell(e["tail"]), _cell(e["type"]), _cell(int(round(e["weight"] or 0))),
            _cell(e["confidence"]), _cell(e["predicate"]), _cell(e["title"]), _cell(e["method"]),
            _cell(e["first_seen"]), _cell(e["last_seen"]), _cell(e["evidence_count"]), _cell(e["document_ids"]),
            # As the push writes it: true on a confirmed relation, absent (empty) otherwise.
            _cell(e["relation_id"]), "true" if e["confirmed"] else "",
        ]


def _document_rows(graph: GraphLike) -> Iterator[list[str]]:
    if isinstance(graph, StoreGraph):
        for d in graph.documents():
            yield [_cell(d["id"]), "Document", *(_cell(d[k]) for k in DOCUMENT_HEADER[2:])]


def _mention_rows(graph: GraphLike) -> Iterator[list[str]]:
    if isinstance(graph, StoreGraph):
        for m in graph.mentions():
            yield [_cell(m["document"]), _cell(m["entity"]), "MENTIONS", _cell(m["count"])]


def _byline_rows(graph: GraphLike) -> Iterator[list[str]]:
    if isinstance(graph, StoreGraph):
        for b in graph.bylines():
            yield [_cell(b["document"]), _cell(b["entity"]), "WRITTEN_BY"]


# Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with = + - @, tab
# or carriage return is a formula to Excel, LibreOffice and Google Sheets. OWASP's remedy,
# a single quote before such a cell, changes the value for every other CSV reader, and
# neo4j-admin import has no way to take it off again. So the remedy goes where spreadsheets
# are the reader: evidence.csv, the file written for people, has it (the quote shows the
# cell is text; strip one leading quote to get the store's value back). The four import
# files stay byte-exact input for neo4j-admin, which reads them as data, never as formulas;
# open those in a spreadsheet only through its import dialog with columns set to text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _evidence_rows(graph: GraphLike) -> Iterator[list[str]]:
    if isinstance(graph, StoreGraph):
        for v in graph.all_evidence():
            yield [spreadsheet_safe(_cell(v[k])) for k in EVIDENCE_HEADER]
        return
    for e in iter_edges(graph):
        for v in e["evidence"]:
            row = {**{k: None for k in EVIDENCE_HEADER}, "head": e["head"], "type": e["type"], "tail": e["tail"], **v}
            yield [spreadsheet_safe(_cell(row.get(k))) for k in EVIDENCE_HEADER]


FILES = (
    ("nodes.csv", NODE_HEADER, _node_rows),
    ("relationships.csv", RELATIONSHIP_HEADER, _relationship_rows),
    ("documents.csv", DOCUMENT_HEADER, _document_rows),
    ("mentions.csv", MENTION_HEADER, _mention_rows),
    ("bylines.csv", BYLINE_HEADER, _byline_rows),
    ("evidence.csv", EVIDENCE_HEADER, _evidence_rows),
)


def _write_table(text_out: io.TextIOBase, header: list[str], rows: Iterator[list[str]]) -> int:
    writer = _csv.writer(text_out, lineterminator="\n")
    writer.writerow(header)
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def write_csv(graph: GraphLike, dest: Destination) -> tuple[int, int]:
    """Write the files of ``FILES``; returns (entity nodes, relations) written."""
    counts: list[int] = []
    path = os.fspath(dest) if isinstance(dest, (str, os.PathLike)) else None
    if path is not None and path != "-" and not str(path).lower().endswith(".zip"):
        folder = Path(path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportDestinationError(path=str(folder), detail=str(exc.strerror or exc)) from exc
        if not folder.is_dir():
            raise ExportDestinationError(path=str(folder), detail="not a folder; csv writes " + ", ".join(name for name, _, _ in FILES) + " into a folder (or a .zip)")
        # all five files replace the old ones together, once all are written (exports/files.py)
        files = AtomicFolder(folder, destination_error)
        try:
            for name, header, rows in FILES:
                counts.append(_write_table(files.open(name), header, rows(graph)))  # type: ignore[arg-type]
        except OSError as exc:
            files.abort()
            raise ExportDestinationError(path=str(folder), detail=(exc.strerror or str(exc)) + "; the files there were left as they were") from exc
        except BaseException:
            files.abort()
            raise
        files.commit()
        return counts[0], counts[1]
    with open_binary(dest) as out:
        import zipfile  # only for a .zip destination

        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, header, rows in FILES:
                with archive.open(name, "w") as member:
                    text = io.TextIOWrapper(member, encoding="utf-8", newline="")
                    counts.append(_write_table(text, header, rows(graph)))
                    text.flush()
                    text.detach()
    return counts[0], counts[1]
