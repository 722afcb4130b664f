-- Version 7: mentions found by entity (issue 15). A merge, split or forget moves or copies
-- one entity's mentions; without this index each of those statements scanned every
-- mention in the store (and the lone-surname merge of an ingest did it per surname).
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
