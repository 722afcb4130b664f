-- Version 8: the page metadata the readers find and the store dropped (issue 18): the
-- last-modified date (ISO, like published), the publication's name (og:site_name, JSON-LD
-- publisher, a feed's title) and the language the input declares ("en"). Documents stored
-- before keep NULL: their inputs were not read for these. documents.date stays the
-- published day and, for a document whose input gives no published date but a modified
-- one, that day: the latest the article can have appeared, as a web archive's capture
-- date is (graph/store.py _date_of).
ALTER TABLE documents ADD COLUMN modified TEXT;
ALTER TABLE documents ADD COLUMN site_name TEXT;
ALTER TABLE documents ADD COLUMN language TEXT;
