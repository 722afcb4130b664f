-- Version 4: who wrote a document (issue 18). The byline of a page or feed item (metadata,
-- not the text) links the document to a Person entity each; a relation would need two
-- entities and a sentence of evidence, and there is no Article entity.
CREATE TABLE IF NOT EXISTS bylines (
    document_id TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (document_id, entity_id)
);
CREATE INDEX IF NOT EXISTS bylines_entity ON bylines(entity_id);
