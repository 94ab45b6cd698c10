-- 0001 core: sites, departments, the catalogue, documents and their attachments,
-- content-addressed blobs and the 索引号 serial counters.
-- Dates (成文日期, 发文日期 ...) are ISO text 'YYYY-MM-DD' so comparisons are lexical;
-- timestamps are ISO-8601 UTC text 'YYYY-MM-DDTHH:MM:SSZ'. Booleans are 0/1.

CREATE TABLE sites (
  id                  INTEGER PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  name                TEXT NOT NULL DEFAULT '',
  host                TEXT NOT NULL DEFAULT '',
  path_prefix         TEXT NOT NULL DEFAULT '',
  sponsor             TEXT NOT NULL DEFAULT '',
  phone               TEXT NOT NULL DEFAULT '',
  site_id_code        TEXT NOT NULL DEFAULT '',
  icp_record          TEXT NOT NULL DEFAULT '',
  police_record       TEXT NOT NULL DEFAULT '',
  theme               TEXT NOT NULL DEFAULT 'default',
  domain              TEXT NOT NULL DEFAULT '',
  index_number_format TEXT NOT NULL DEFAULT '{org}/{year}-{serial:5}',
  address             TEXT NOT NULL DEFAULT ''
);

CREATE TABLE departments (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL DEFAULT '',
  credit_code TEXT NOT NULL DEFAULT '',
  UNIQUE (site_id, name)
);

CREATE TABLE catalogue_nodes (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  parent_id   INTEGER REFERENCES catalogue_nodes(id),
  position    INTEGER NOT NULL DEFAULT 0,
  description TEXT NOT NULL DEFAULT '',
  keywords    TEXT NOT NULL DEFAULT '',
  column_type TEXT NOT NULL DEFAULT '信息公开',
  UNIQUE (site_id, code)
);
CREATE INDEX catalogue_nodes_parent ON catalogue_nodes (parent_id, position);

CREATE TABLE documents (
  id                 INTEGER PRIMARY KEY,
  site_id            INTEGER NOT NULL REFERENCES sites(id),
  external_id        TEXT NOT NULL DEFAULT '',
  title              TEXT NOT NULL DEFAULT '',
  doc_number         TEXT NOT NULL DEFAULT '',
  index_number       TEXT NOT NULL DEFAULT '',
  catalogue_id       INTEGER REFERENCES catalogue_nodes(id),
  department_id      INTEGER REFERENCES departments(id),
  issuer             TEXT NOT NULL DEFAULT '',
  written_on         TEXT,
  published_on       TEXT,
  disclosure         TEXT CHECK (disclosure IN ('proactive', 'on_request', 'not_disclosed')),
  effective_on       TEXT,
  expires_on         TEXT,
  repealed_on        TEXT,
  amended            INTEGER NOT NULL DEFAULT 0 CHECK (amended IN (0, 1)),
  topic              TEXT NOT NULL DEFAULT '',
  summary            TEXT NOT NULL DEFAULT '',
  body_html          TEXT NOT NULL DEFAULT '',
  kind               TEXT NOT NULL DEFAULT 'document' CHECK (kind IN ('document', 'interpretation')),
  state              TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'withdrawn')),
  legacy             INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0, 1)),
  interprets_id      INTEGER REFERENCES documents(id) ON DELETE SET NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  first_published_at TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX documents_external_id ON documents (site_id, external_id) WHERE external_id <> '';
CREATE UNIQUE INDEX documents_index_number ON documents (site_id, index_number) WHERE index_number <> '';
CREATE INDEX documents_site_list ON documents (site_id, state, published_on DESC, id DESC);
CREATE INDEX documents_catalogue_list ON documents (catalogue_id, state, published_on DESC, id DESC);
CREATE INDEX documents_department_list ON documents (department_id, state, published_on DESC, id DESC);
CREATE INDEX documents_interprets ON documents (interprets_id) WHERE interprets_id IS NOT NULL;
CREATE INDEX documents_updated ON documents (site_id, updated_at);

CREATE TABLE document_attachments (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL DEFAULT 0,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  media_type  TEXT NOT NULL DEFAULT '',
  size        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX document_attachments_document ON document_attachments (document_id, position);
CREATE INDEX document_attachments_sha256 ON document_attachments (sha256);

CREATE TABLE blobs (
  sha256     TEXT PRIMARY KEY,
  media_type TEXT NOT NULL DEFAULT '',
  size       INTEGER NOT NULL,
  data       BLOB NOT NULL,
  created_at TEXT NOT NULL
);

-- 索引号 流水号 counters: scope is IndexNumberTemplate::serial_scope ("{org}|{year}").
CREATE TABLE index_serials (
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  scope       TEXT NOT NULL,
  last_serial INTEGER NOT NULL,
  PRIMARY KEY (site_id, scope)
);
