-- 0013 政民互动 (issue 12, src/modules/zmhd/): letters to a 领导信箱 or a department's 信箱,
-- 咨询投诉 messages, 我为政府网站找错 reports and 12345 工单, as cases with a clock.
-- The letter row is the case as it stands (domain::Letter: state, department, extension,
-- round, reply, rating); letter_events is its history, never rewritten. Due dates are
-- derived from accepted_on + the site's deadlines on the current calendar: never stored.

-- Which channels a site has is data: 领导信箱 (kind 'leader'), a department's 信箱
-- ('department', department_id), 咨询投诉 ('consultation'), 我为政府网站找错 ('error_report').
-- categories: the category codes the form offers, comma-separated (domain::LetterCategory).
CREATE TABLE letter_mailboxes (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  code          TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('leader', 'department', 'consultation', 'error_report')),
  name          TEXT NOT NULL,
  department_id INTEGER REFERENCES departments(id),
  categories    TEXT NOT NULL DEFAULT 'consultation,complaint,suggestion,help,praise,other',
  intro         TEXT NOT NULL DEFAULT '',
  position      INTEGER NOT NULL DEFAULT 0,
  enabled       INTEGER NOT NULL DEFAULT 1,
  UNIQUE (site_id, code)
);

-- The site's local rules (domain::LetterDeadlines and the reply-quality check's phrases):
-- deadlines as "category=working days" pairs, comma-separated; stock phrases one per line.
-- A site without a row uses the defaults (咨询 5, 找错 3, the rest 10; rating 10).
CREATE TABLE letter_settings (
  site_id              INTEGER PRIMARY KEY REFERENCES sites(id),
  deadlines            TEXT NOT NULL DEFAULT '',
  rating_working_days  INTEGER NOT NULL DEFAULT 10,
  stock_phrases        TEXT NOT NULL DEFAULT '',
  petition_channel     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE letters (
  id                 INTEGER PRIMARY KEY,
  site_id            INTEGER NOT NULL REFERENCES sites(id),
  number             TEXT NOT NULL UNIQUE,
  query_code_salt    TEXT NOT NULL,
  query_code_hash    TEXT NOT NULL,
  mailbox_id         INTEGER REFERENCES letter_mailboxes(id),
  channel            TEXT NOT NULL,
  external_id        TEXT NOT NULL DEFAULT '',   -- the 12345 工单号
  source_system      INTEGER,                    -- integration_clients.id
  category           TEXT NOT NULL,
  title              TEXT NOT NULL,
  content            TEXT NOT NULL,
  page_url           TEXT NOT NULL DEFAULT '',   -- 找错: the page
  error_kind         TEXT NOT NULL DEFAULT '',   -- 找错: the kind of error
  consent_publish    INTEGER NOT NULL DEFAULT 0,
  received_on        TEXT NOT NULL,
  state              TEXT NOT NULL,
  accepted_on        TEXT,
  rejection          TEXT NOT NULL DEFAULT '',
  merged_into        TEXT NOT NULL DEFAULT '',
  department_id      INTEGER REFERENCES departments(id),
  department         TEXT NOT NULL DEFAULT '',
  co_departments     TEXT NOT NULL DEFAULT '',   -- 协办, names, comma-separated
  extension_days     INTEGER NOT NULL DEFAULT 0,
  extension_reason   TEXT NOT NULL DEFAULT '',
  extension_on       TEXT,
  extension_approved INTEGER NOT NULL DEFAULT 0,
  round              INTEGER NOT NULL DEFAULT 1,
  round_started      TEXT,
  draft_reply        TEXT NOT NULL DEFAULT '',
  reply              TEXT NOT NULL DEFAULT '',
  replied_on         TEXT,
  rating             TEXT NOT NULL DEFAULT '',
  rated_on           TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX letters_site_state ON letters (site_id, state);
CREATE INDEX letters_site_received ON letters (site_id, received_on, id);
CREATE INDEX letters_site_department ON letters (site_id, department_id);
CREATE UNIQUE INDEX letters_external ON letters (source_system, external_id) WHERE external_id <> '';

-- Personal data apart, sealed (libsodium secretbox under the installation's personal-data
-- key, store/personal_data_key.hpp): never joined by a public query, opened for staff only.
CREATE TABLE letter_writers (
  letter_id    INTEGER PRIMARY KEY REFERENCES letters(id),
  name_sealed  TEXT NOT NULL DEFAULT '',
  phone_sealed TEXT NOT NULL DEFAULT '',
  email_sealed TEXT NOT NULL DEFAULT ''
);

CREATE TABLE letter_attachments (
  id          INTEGER PRIMARY KEY,
  letter_id   INTEGER NOT NULL REFERENCES letters(id),
  blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
  file_name   TEXT NOT NULL,
  media_type  TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX letter_attachments_letter ON letter_attachments (letter_id);

CREATE TABLE letter_events (
  id            INTEGER PRIMARY KEY,
  letter_id     INTEGER NOT NULL REFERENCES letters(id),
  seq           INTEGER NOT NULL,
  kind          TEXT NOT NULL,
  happened_on   TEXT NOT NULL,
  actor         TEXT NOT NULL DEFAULT '',
  department_id INTEGER,
  department    TEXT NOT NULL DEFAULT '',
  reason        TEXT NOT NULL DEFAULT '',
  text          TEXT NOT NULL DEFAULT '',
  working_days  INTEGER NOT NULL DEFAULT 0,
  recorded_at   TEXT NOT NULL,
  UNIQUE (letter_id, seq)
);

-- 信件选登: what the public sees of a letter the writer agreed to publish, masked by the
-- privacy guard when the office published it (never the writer's name or phone).
CREATE TABLE letter_publications (
  letter_id     INTEGER PRIMARY KEY REFERENCES letters(id),
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  mailbox_id    INTEGER,
  category      TEXT NOT NULL,
  title         TEXT NOT NULL,
  question      TEXT NOT NULL,
  answer        TEXT NOT NULL,
  department    TEXT NOT NULL DEFAULT '',
  accepted_on   TEXT NOT NULL,
  replied_on    TEXT NOT NULL,
  published_on  TEXT NOT NULL,
  published_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX letter_publications_site ON letter_publications (site_id, replied_on, letter_id);

-- Reply templates per department (a starting point for the draft).
CREATE TABLE letter_reply_templates (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  department_id INTEGER REFERENCES departments(id),
  title         TEXT NOT NULL,
  body          TEXT NOT NULL
);

-- Where the staff notices of a department's letters go (转办, 即将到期, 已超期, 督办):
-- department_id 0 = the office that screens and reviews (信件办理机构).
CREATE TABLE letter_contacts (
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  department_id INTEGER NOT NULL DEFAULT 0,
  staff_email   TEXT NOT NULL DEFAULT '',   -- 承办人
  head_email    TEXT NOT NULL DEFAULT '',   -- 负责人 (督办)
  PRIMARY KEY (site_id, department_id)
);

-- The reminders already written (明日到期, 已超期, 请评价), one per letter, kind and round:
-- the daily job on several nodes writes each notice once.
CREATE TABLE letter_reminders (
  letter_id  INTEGER NOT NULL REFERENCES letters(id),
  reminder   TEXT NOT NULL,               -- "due:1", "overdue:2", "rating:1"
  written_on TEXT NOT NULL,
  PRIMARY KEY (letter_id, reminder)
);

CREATE TABLE letter_counters (
  year       INTEGER PRIMARY KEY,
  last_value INTEGER NOT NULL
);

-- Systems that push 工单 through the API (a 12345 hotline platform): one token per system,
-- stored as a SHA-256 hash, bound to one site.
CREATE TABLE integration_clients (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  name        TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);

-- Every existing site gets the three channels the inspection looks for; the office renames
-- them (市长信箱, 县长信箱) and adds department mailboxes in the console.
INSERT INTO letter_mailboxes (site_id, code, kind, name, categories, position)
  SELECT id, 'leader', 'leader', '领导信箱', 'consultation,complaint,suggestion,help,praise,other', 1 FROM sites;
INSERT INTO letter_mailboxes (site_id, code, kind, name, categories, position)
  SELECT id, 'consult', 'consultation', '咨询投诉', 'consultation,complaint,suggestion,help,praise,other', 2 FROM sites;
INSERT INTO letter_mailboxes (site_id, code, kind, name, categories, position)
  SELECT id, 'error', 'error_report', '我为政府网站找错', 'error_report', 3 FROM sites;
