-- 依申请公开 (issue 5): applications, their applicants (personal data apart), the events
-- that moved them, reply letters, disclosed files, reconsideration / litigation records,
-- the tracking-number counter, used public-form nonces and the 依申请公开指南 contact data.
-- Due dates are derived from received_on + events on the current calendar: never stored.
CREATE TABLE disclosure_requests (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  tracking_number  TEXT NOT NULL UNIQUE,
  query_code_salt  TEXT NOT NULL,
  query_code_hash  TEXT NOT NULL,
  channel          TEXT NOT NULL,
  received_on      TEXT NOT NULL,
  applicant_kind   TEXT NOT NULL,
  organisation_kind TEXT NOT NULL DEFAULT '',
  description      TEXT NOT NULL,
  doc_number       TEXT NOT NULL DEFAULT '',
  medium           TEXT NOT NULL,
  delivery         TEXT NOT NULL,
  state            TEXT NOT NULL,
  department       TEXT NOT NULL DEFAULT '',
  outcome          TEXT NOT NULL DEFAULT '',
  closed_on        TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX disclosure_requests_site_state ON disclosure_requests (site_id, state);
CREATE INDEX disclosure_requests_received ON disclosure_requests (received_on);

-- Personal data: never joined by a public query. The ID number is sealed (libsodium
-- secretbox, key from configuration); id_number_tail keeps the last 4 characters for staff.
CREATE TABLE request_applicants (
  request_id       INTEGER PRIMARY KEY REFERENCES disclosure_requests(id),
  name             TEXT NOT NULL DEFAULT '',
  id_type          TEXT NOT NULL DEFAULT '',
  id_number_sealed TEXT NOT NULL DEFAULT '',
  id_number_tail   TEXT NOT NULL DEFAULT '',
  work_unit        TEXT NOT NULL DEFAULT '',
  credit_code      TEXT NOT NULL DEFAULT '',
  legal_representative TEXT NOT NULL DEFAULT '',
  contact_person   TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',
  email            TEXT NOT NULL DEFAULT '',
  address          TEXT NOT NULL DEFAULT '',
  postcode         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE request_events (
  id               INTEGER PRIMARY KEY,
  request_id       INTEGER NOT NULL REFERENCES disclosure_requests(id),
  seq              INTEGER NOT NULL,
  kind             TEXT NOT NULL,
  happened_on      TEXT NOT NULL,
  actor            TEXT NOT NULL DEFAULT '',
  correction_due_on TEXT,
  department       TEXT NOT NULL DEFAULT '',
  third_party      TEXT NOT NULL DEFAULT '',
  extension_working_days INTEGER NOT NULL DEFAULT 0,
  approver         TEXT NOT NULL DEFAULT '',
  applicant_notified INTEGER NOT NULL DEFAULT 0,
  outcome          TEXT NOT NULL DEFAULT '',
  legal_basis      TEXT NOT NULL DEFAULT '',
  note             TEXT NOT NULL DEFAULT '',
  recorded_at      TEXT NOT NULL,
  UNIQUE (request_id, seq)
);

CREATE TABLE request_reply_letters (
  request_id       INTEGER PRIMARY KEY REFERENCES disclosure_requests(id),
  file_name        TEXT NOT NULL,
  media_type       TEXT NOT NULL,
  body             TEXT NOT NULL,
  created_at       TEXT NOT NULL
);

CREATE TABLE request_files (
  id               INTEGER PRIMARY KEY,
  request_id       INTEGER NOT NULL REFERENCES disclosure_requests(id),
  blob_sha256      TEXT NOT NULL REFERENCES blobs(sha256),
  file_name        TEXT NOT NULL,
  download_token   TEXT NOT NULL UNIQUE,
  created_at       TEXT NOT NULL
);

-- 行政复议 / 行政诉讼 against a reply (annual report table 四).
CREATE TABLE request_reviews (
  id               INTEGER PRIMARY KEY,
  request_id       INTEGER NOT NULL REFERENCES disclosure_requests(id),
  kind             TEXT NOT NULL,
  filed_on         TEXT NOT NULL,
  outcome          TEXT NOT NULL DEFAULT 'pending',
  decided_on       TEXT,
  note             TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL
);

CREATE TABLE request_counters (
  year             INTEGER PRIMARY KEY,
  last_value       INTEGER NOT NULL
);

-- Public application form tokens already used (one submission per token).
CREATE TABLE form_nonces (
  nonce            TEXT PRIMARY KEY,
  used_at          TEXT NOT NULL
);

-- 依申请公开指南: contact data per site (department_id 0) and per department.
CREATE TABLE disclosure_guides (
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  department_id    INTEGER NOT NULL DEFAULT 0,
  body_name        TEXT NOT NULL DEFAULT '',
  office           TEXT NOT NULL DEFAULT '',
  person_in_charge TEXT NOT NULL DEFAULT '',
  address          TEXT NOT NULL DEFAULT '',
  postcode         TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',
  fax              TEXT NOT NULL DEFAULT '',
  email            TEXT NOT NULL DEFAULT '',
  hours            TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (site_id, department_id)
);
