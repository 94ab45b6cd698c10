-- 0003 search (站内搜索, docs/adr/0006 and 0007): one search entry per published document
-- and per attachment with text, holding the normalised text with white space removed
-- (search/normalizer.hpp); an external-content FTS5 index over it with the shared
-- tokenizer 'zwgk' (store/fts5_tokenizer.cpp, registered on every connection).
-- Rows exist only for published documents: publish, withdraw and save maintain them in
-- the same transaction (store/search_index.cpp).

CREATE TABLE search_entries (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  attachment_id INTEGER,                 -- NULL: the document itself
  site_id       INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('document', 'interpretation', 'attachment')),
  title         TEXT NOT NULL DEFAULT '',
  doc_number    TEXT NOT NULL DEFAULT '',
  body          TEXT NOT NULL DEFAULT '',
  scheme        INTEGER NOT NULL         -- token scheme version (search_index.cpp)
);
CREATE INDEX search_entries_document ON search_entries (document_id);

CREATE VIRTUAL TABLE search_fts USING fts5(
  title, doc_number, body,
  content = 'search_entries', content_rowid = 'id',
  tokenize = 'zwgk', detail = full
);

-- Hot queries of the week: the normalised query text and a count per day; no address,
-- no account, nothing about who asked. site_id 0 = the cross-site search.
CREATE TABLE search_queries (
  site_id INTEGER NOT NULL,
  day     TEXT NOT NULL,
  query   TEXT NOT NULL,
  count   INTEGER NOT NULL,
  PRIMARY KEY (site_id, day, query)
);
