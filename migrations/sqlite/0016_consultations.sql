-- 0016 意见征集 (issue 13, src/modules/yjzj/): a consultation on a draft with its notice
-- (事项名称及主要内容, 依据和理由, how and until when to send opinions), attachments, the
-- public's opinions (pre-moderated; name and phone sealed), an optional 调查问卷, and the
-- 反馈 (received, adopted, partly adopted, not adopted, with the reasons).
-- Dates (starts_on, ends_on) are China dates "2026-12-01"; instants are UTC text
-- ("2026-12-02T07:00:00Z"). The phase (未开始, 征集中, 已结束待反馈, 已反馈) is derived from
-- the dates and `state` every time; `state` records what staff did (draft, published,
-- closed by the daily job, feedback).

CREATE TABLE consultation_settings (
  site_id                INTEGER PRIMARY KEY REFERENCES sites(id),
  periods                TEXT NOT NULL DEFAULT '',   -- "major_decision=30d,...,normative_document=7w"
  feedback_working_days  INTEGER NOT NULL DEFAULT 20,
  opinions_per_phone     INTEGER NOT NULL DEFAULT 5
);

CREATE TABLE consultations (
  id                     INTEGER PRIMARY KEY,
  site_id                INTEGER NOT NULL REFERENCES sites(id),
  kind                   TEXT NOT NULL CHECK (kind IN ('major_decision', 'rule_draft', 'normative_document', 'other')),
  title                  TEXT NOT NULL,
  department_id          INTEGER REFERENCES departments(id),
  explanation            TEXT NOT NULL DEFAULT '',   -- 起草说明: 依据和理由 (plain text)
  body_html              TEXT NOT NULL DEFAULT '',   -- the draft, sanitized and privacy-guarded
  how_to_send            TEXT NOT NULL DEFAULT '',   -- other channels: address, e-mail, phone
  market_entities        INTEGER NOT NULL DEFAULT 0, -- closely concerns 市场主体
  starts_on              TEXT NOT NULL,
  ends_on                TEXT NOT NULL,
  short_period_reason    TEXT NOT NULL DEFAULT '',   -- shown on the public page
  state                  TEXT NOT NULL CHECK (state IN ('draft', 'published', 'closed', 'feedback')),
  published_at           TEXT NOT NULL DEFAULT '',
  closed_at              TEXT NOT NULL DEFAULT '',
  feedback_received      INTEGER NOT NULL DEFAULT 0,
  feedback_adopted       INTEGER NOT NULL DEFAULT 0,
  feedback_partly        INTEGER NOT NULL DEFAULT 0,
  feedback_not_adopted   INTEGER NOT NULL DEFAULT 0,
  feedback_text          TEXT NOT NULL DEFAULT '',
  feedback_at            TEXT NOT NULL DEFAULT '',
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL
);
CREATE INDEX consultations_site ON consultations (site_id, ends_on);

CREATE TABLE consultation_attachments (
  id               INTEGER PRIMARY KEY,
  consultation_id  INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  blob_sha256      TEXT NOT NULL REFERENCES blobs(sha256),
  file_name        TEXT NOT NULL,
  media_type       TEXT NOT NULL,
  created_at       TEXT NOT NULL
);
CREATE INDEX consultation_attachments_of ON consultation_attachments (consultation_id, id);

-- 公众意见. anchor: "" (the whole draft) or the article's anchor ("art-5"); anchor_label
-- what it was called when sent ("第五条"). state: pending (待审核), published (已公开),
-- rejected (不予公开).
CREATE TABLE consultation_opinions (
  id               INTEGER PRIMARY KEY,
  consultation_id  INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  anchor           TEXT NOT NULL DEFAULT '',
  anchor_label     TEXT NOT NULL DEFAULT '',
  text             TEXT NOT NULL,
  sealed_contact   TEXT NOT NULL DEFAULT '',   -- name and phone, sealed with the installation key
  phone_digest     TEXT NOT NULL DEFAULT '',   -- keyed hash of the phone, for the per-phone limit
  state            TEXT NOT NULL CHECK (state IN ('pending', 'published', 'rejected')),
  created_at       TEXT NOT NULL,
  moderated_at     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consultation_opinions_of ON consultation_opinions (consultation_id, state);
CREATE INDEX consultation_opinions_phone ON consultation_opinions (consultation_id, phone_digest);

-- 调查问卷: questions in order; options one per line.
CREATE TABLE consultation_questions (
  id               INTEGER PRIMARY KEY,
  consultation_id  INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'text')),
  text             TEXT NOT NULL,
  options          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consultation_questions_of ON consultation_questions (consultation_id, position);

CREATE TABLE consultation_responses (
  id               INTEGER PRIMARY KEY,
  consultation_id  INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  created_at       TEXT NOT NULL
);
CREATE INDEX consultation_responses_of ON consultation_responses (consultation_id);

-- One row per chosen option (choice >= 0) or per text answer (choice = -1).
CREATE TABLE consultation_answers (
  response_id  INTEGER NOT NULL REFERENCES consultation_responses(id) ON DELETE CASCADE,
  question_id  INTEGER NOT NULL REFERENCES consultation_questions(id) ON DELETE CASCADE,
  choice       INTEGER NOT NULL DEFAULT -1,
  text         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consultation_answers_question ON consultation_answers (question_id);
