-- Version 5: the analyst's corrections (issue 15, graph/corrections.py). The log is
-- append-only (undo only marks a row undone); confirmed_relations marks edges an analyst
-- confirmed; removed_items lists what corrections took out of the store, for the next
-- Neo4j push to delete. The copies undo restores live in undo_<table> tables, made by the
-- first correction with the columns their table has then.
CREATE TABLE IF NOT EXISTS corrections (
    seq INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,        -- the same correction in another store (import) has the same uid
    op TEXT NOT NULL,
    args TEXT NOT NULL,              -- JSON
    note TEXT,
    user TEXT,
    at TEXT NOT NULL,
    scope TEXT NOT NULL,             -- JSON: the rows copied for undo
    undone_at TEXT
);
CREATE TABLE IF NOT EXISTS confirmed_relations (relation_id INTEGER PRIMARY KEY);
-- Items a correction took out of the store: a Neo4j push deletes those still absent.
CREATE TABLE IF NOT EXISTS removed_items (kind TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (kind, key));
