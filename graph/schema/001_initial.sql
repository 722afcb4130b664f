-- Version 1: the store as first released. Each later file NNN_name.sql is one migration,
-- applied in order in one transaction; the store's PRAGMA user_version is the last applied.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT, source TEXT, url TEXT, published TEXT, external_id TEXT,
    text_length INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    date TEXT NOT NULL              -- published date, or the ingest date when unknown
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    iso3 TEXT,
    is_agency INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT, last_seen TEXT
);
CREATE INDEX entities_type ON entities(type, mentions DESC);
CREATE INDEX entities_mentions ON entities(mentions DESC);
CREATE TABLE aliases (
    entity_id TEXT NOT NULL,
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,
    kind TEXT NOT NULL,             -- name | alias | surname
    PRIMARY KEY (entity_id, norm, kind)
);
CREATE INDEX aliases_norm ON aliases(norm);
CREATE TABLE entity_documents (
    entity_id TEXT NOT NULL, document_id TEXT NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (entity_id, document_id)
);
CREATE INDEX entity_documents_doc ON entity_documents(document_id);
CREATE TABLE mentions (
    document_id TEXT NOT NULL, entity_id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    sentence INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(document_id);
CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    head TEXT NOT NULL, tail TEXT NOT NULL, type TEXT NOT NULL,
    predicate TEXT, title TEXT, method TEXT NOT NULL,
    confidence REAL NOT NULL, weight INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT, last_seen TEXT,
    UNIQUE (head, type, tail)
);
CREATE INDEX relations_tail ON relations(tail, type);
CREATE INDEX relations_type ON relations(type);
CREATE TABLE evidence (
    relation_id INTEGER NOT NULL, document_id TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    sentence TEXT NOT NULL, predicate TEXT, method TEXT NOT NULL, confidence REAL NOT NULL,
    PRIMARY KEY (relation_id, document_id, start)
);
CREATE INDEX evidence_doc ON evidence(document_id);
-- Entities merged into another (a lone surname into the full name): a Neo4j push deletes
-- the node it wrote for them before.
CREATE TABLE merged_entities (id TEXT PRIMARY KEY, into_id TEXT NOT NULL);
