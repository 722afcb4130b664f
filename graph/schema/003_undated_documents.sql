-- Version 3: documents.date comes from the input only (issue 12). It was NOT NULL and held
-- the ingest day for an undated article; the table is rebuilt with a nullable date and
-- those stamps cleared (a row without `published` got its date from `ingested_at`).
ALTER TABLE documents RENAME TO documents_old;
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT, source TEXT, url TEXT, published TEXT, external_id TEXT,
    text_length INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    date TEXT                       -- published date (YYYY-MM-DD); NULL when the input gives none
);
INSERT INTO documents
SELECT id, title, source, url, published, external_id, text_length, ingested_at,
       CASE WHEN published IS NULL OR published = '' THEN NULL ELSE date END
FROM documents_old;
DROP TABLE documents_old;
