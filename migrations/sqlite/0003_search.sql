-- 0003 search (站内搜索, docs/adr/0006 and 0007): one search entry per published document
-- and per attachment with text. Rows exist only for published documents: publish, withdraw
-- and save maintain them in the same transaction (store/search_index_sync.cpp).
--
-- search_entries is slim on purpose (no text): the capped search regime reads up to 10,001
-- matching entries per query for the count and the facets, so the filter and facet columns
-- (site, kind, 发布日期, department, catalogue: copies of the document's, rewritten on every
-- save) live here, and one entry costs a few bytes of a page instead of a page of body text.
-- Entry ids follow 发布日期 (store/search_index_sync.hpp): ORDER BY id DESC is newest first.
--
-- search_texts holds the normalised text with white space removed (search/normalizer.hpp):
-- the external content of the FTS5 index, with the shared tokenizer 'zwgk'
-- (store/fts5_tokenizer.cpp, registered on every connection).

CREATE TABLE search_entries (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  attachment_id INTEGER,                 -- NULL: the document itself
  site_id       INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('document', 'interpretation', 'attachment')),
  published_on  TEXT,
  department_id INTEGER,
  catalogue_id  INTEGER,
  scheme        INTEGER NOT NULL         -- token scheme version (search_text.hpp)
);
CREATE INDEX search_entries_document ON search_entries (document_id);

CREATE TABLE search_texts (
  id         INTEGER PRIMARY KEY,        -- = search_entries.id
  title      TEXT NOT NULL DEFAULT '',
  doc_number TEXT NOT NULL DEFAULT '',
  body       TEXT NOT NULL DEFAULT ''
);

CREATE VIRTUAL TABLE search_fts USING fts5(
  title, doc_number, body,
  content = 'search_texts', content_rowid = 'id',
  tokenize = 'zwgk', detail = full
);
-- The title/文号 index: the capped regime ranks the title and 文号 matches of a very common
-- query first (docs/adr/0007); read from this small index that pass costs what the titles
-- hold, not what every body holds.
CREATE VIRTUAL TABLE search_title_fts USING fts5(
  title, doc_number,
  content = 'search_texts', content_rowid = 'id',
  tokenize = 'zwgk', detail = full
);
-- Pending tokens are merged in memory up to 64 MB before a segment is written (default
-- 1 MB): fewer, larger segments and far less merging on a bulk build (bench/README.md).
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 67108864);

-- Hot queries of the week: the normalised query text and a count per day; no address,
-- no account, nothing about who asked. site_id 0 = the cross-site search.
CREATE TABLE search_queries (
  site_id INTEGER NOT NULL,
  day     TEXT NOT NULL,
  query   TEXT NOT NULL,
  count   INTEGER NOT NULL,
  PRIMARY KEY (site_id, day, query)
);
