-- Version 6: the cleaned text of each document as it was parsed (issue 17: the explorer's
-- article view highlights the stored mentions in it; their offsets point into this text).
-- Documents stored before have no row: the explorer shows their evidence sentences.
CREATE TABLE IF NOT EXISTS document_texts (
    document_id TEXT PRIMARY KEY,
    text TEXT NOT NULL
);
