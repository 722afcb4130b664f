-- Version 2: the trigram full-text index of normalised aliases behind `search`
-- (graph/search.py). A trigger keeps it complete as articles arrive; a store of version 1
-- gets it filled from the aliases it already holds. IF NOT EXISTS and the NOT IN: stores
-- made while the index was created outside the migrations already have it.
CREATE VIRTUAL TABLE IF NOT EXISTS search_norms USING fts5(norm, tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS aliases_search_ai AFTER INSERT ON aliases
WHEN NOT EXISTS (SELECT 1 FROM aliases WHERE norm = new.norm AND rowid != new.rowid)
BEGIN INSERT INTO search_norms(norm) VALUES (new.norm); END;
INSERT INTO search_norms(norm) SELECT DISTINCT norm FROM aliases WHERE norm NOT IN (SELECT norm FROM search_norms);
