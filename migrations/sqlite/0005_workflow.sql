-- 0005 publishing workflow (issue 3, ADR 0009): the stage of each document beside
-- documents.state (which stays what the public sees: draft / published / withdrawn),
-- revisions with full snapshots, review decisions, privacy overrides, interpretation
-- exemptions, per-site settings, attachment text, and the hash-chained audit log.
-- Accounts are referenced by id + username as plain columns (no FK to accounts).

CREATE TABLE document_workflow (
  document_id         INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  stage               TEXT NOT NULL DEFAULT 'draft' CHECK (stage IN ('draft', 'submitted', 'under_review',
                        'returned', 'reviewed', 'approved', 'scheduled', 'published', 'withdrawn')),
  latest_revision     INTEGER NOT NULL DEFAULT 0,
  published_revision  INTEGER,
  decision            TEXT CHECK (decision IN ('proactive', 'on_request', 'not_disclosed')),
  decision_ground     TEXT NOT NULL DEFAULT '',
  created_on          TEXT NOT NULL,
  scheduled_at        TEXT NOT NULL DEFAULT '',
  withdrawn_reason    TEXT NOT NULL DEFAULT '',
  interpretation_form TEXT NOT NULL DEFAULT '',
  updated_at          TEXT NOT NULL
);
CREATE INDEX document_workflow_stage ON document_workflow (stage, scheduled_at);

CREATE TABLE document_revisions (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  number          INTEGER NOT NULL,
  author_id       INTEGER NOT NULL DEFAULT 0,
  author_username TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  snapshot        TEXT NOT NULL,
  version         INTEGER,
  published_at    TEXT NOT NULL DEFAULT '',
  major           INTEGER NOT NULL DEFAULT 1 CHECK (major IN (0, 1)),
  change_note     TEXT NOT NULL DEFAULT '',
  UNIQUE (document_id, number)
);
CREATE UNIQUE INDEX document_revisions_version ON document_revisions (document_id, version) WHERE version IS NOT NULL;

CREATE TABLE review_decisions (
  id                INTEGER PRIMARY KEY,
  document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  revision          INTEGER NOT NULL,
  reviewer_id       INTEGER NOT NULL,
  reviewer_username TEXT NOT NULL,
  decision          TEXT NOT NULL CHECK (decision IN ('proactive', 'on_request', 'not_disclosed')),
  ground            TEXT NOT NULL DEFAULT '',
  opinion           TEXT NOT NULL,
  decided_at        TEXT NOT NULL
);
CREATE INDEX review_decisions_document ON review_decisions (document_id, id);

-- fingerprint: SHA-256 of "<kind>:<matched text>"; only the masked form is kept in clear.
CREATE TABLE privacy_overrides (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  fingerprint    TEXT NOT NULL,
  kind           TEXT NOT NULL,
  masked         TEXT NOT NULL,
  reason         TEXT NOT NULL,
  actor_id       INTEGER NOT NULL,
  actor_username TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  UNIQUE (document_id, fingerprint)
);

CREATE TABLE interpretation_exemptions (
  document_id    INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  reason         TEXT NOT NULL,
  actor_id       INTEGER NOT NULL,
  actor_username TEXT NOT NULL,
  created_at     TEXT NOT NULL
);

-- A site's catalogue codes whose documents need a 政策解读; no rows = the default (zcwj, fgwj).
CREATE TABLE interpretation_catalogues (
  site_id        INTEGER NOT NULL REFERENCES sites(id),
  catalogue_code TEXT NOT NULL,
  PRIMARY KEY (site_id, catalogue_code)
);

CREATE TABLE site_sensitive_words (
  site_id INTEGER NOT NULL REFERENCES sites(id),
  word    TEXT NOT NULL,
  PRIMARY KEY (site_id, word)
);

-- Text extracted from an attachment (e.g. a PDF), by content address; scanned before publishing.
CREATE TABLE attachment_texts (
  sha256 TEXT PRIMARY KEY,
  text   TEXT NOT NULL
);

-- Append-only audit log, each entry chained to the previous one by SHA-256
-- (store/audit_log.hpp). audit_head holds the last sequence number and hash, so removing
-- the newest entries is detected too.
CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  actor_id       INTEGER NOT NULL,
  actor_username TEXT NOT NULL,
  address        TEXT NOT NULL DEFAULT '',
  action         TEXT NOT NULL,
  object_type    TEXT NOT NULL,
  object_id      TEXT NOT NULL,
  changes        TEXT NOT NULL,
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, id);
CREATE TABLE audit_head (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  seq       INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
