-- 0015 在线访谈, 新闻发布会 and 政策吹风会 (issue 13, src/modules/zxft/): an event with its
-- 预告, guests, related policy documents, the live transcript (图文直播), the public's
-- questions (pre-moderated), photos and a video, and — once it is over — the 政策解读
-- document it publishes for each policy (documents.kind = 'interpretation',
-- interprets_id = the policy, document_workflow.interpretation_form = online_interview /
-- press_conference), the existing interpretation link both ways.
-- Times are instants in UTC ("2026-12-02T07:00:00Z"); pages show China time.

CREATE TABLE events (
  id              INTEGER PRIMARY KEY,
  site_id         INTEGER NOT NULL REFERENCES sites(id),
  kind            TEXT NOT NULL CHECK (kind IN ('online_interview', 'press_conference', 'policy_briefing')),
  title           TEXT NOT NULL,
  summary         TEXT NOT NULL DEFAULT '',      -- 内容简介 (plain text)
  place           TEXT NOT NULL DEFAULT '',
  department_id   INTEGER REFERENCES departments(id),
  starts_at       TEXT NOT NULL,
  ends_at         TEXT NOT NULL,                 -- planned end
  state           TEXT NOT NULL CHECK (state IN ('draft', 'announced', 'live', 'ended', 'cancelled')),
  announced_at    TEXT NOT NULL DEFAULT '',      -- when the 预告 was published
  opened_at       TEXT NOT NULL DEFAULT '',      -- when it went live
  closed_at       TEXT NOT NULL DEFAULT '',      -- when it ended
  short_notice    TEXT NOT NULL DEFAULT '',      -- why the 预告 came less than 3 days ahead
  questions_open  INTEGER NOT NULL DEFAULT 1,
  video_sha256    TEXT REFERENCES blobs(sha256),
  video_name      TEXT NOT NULL DEFAULT '',
  video_type      TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX events_site_start ON events (site_id, starts_at);

-- 嘉宾. principal: the department's 主要负责人 (seed 六(三), at least once a year).
CREATE TABLE event_guests (
  id             INTEGER PRIMARY KEY,
  event_id       INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL DEFAULT 0,
  name           TEXT NOT NULL,
  post           TEXT NOT NULL DEFAULT '',
  department_id  INTEGER REFERENCES departments(id),
  principal      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_guests_event ON event_guests (event_id, position);

-- The policies it interprets, and the 政策解读 document published for each once it ended.
CREATE TABLE event_policies (
  event_id                   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  document_id                INTEGER NOT NULL REFERENCES documents(id),
  interpretation_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
  PRIMARY KEY (event_id, document_id)
);
CREATE INDEX event_policies_document ON event_policies (document_id);
CREATE INDEX event_policies_interpretation ON event_policies (interpretation_document_id)
  WHERE interpretation_document_id IS NOT NULL;

-- 网民提问: name and phone sealed (personal data), pre-moderated. state: pending (待审),
-- published (已公开, shown), answered (已答复, its answer is a transcript entry or the
-- answer text), rejected (不予公开).
CREATE TABLE event_questions (
  id             INTEGER PRIMARY KEY,
  event_id       INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  nickname       TEXT NOT NULL DEFAULT '',   -- the public name the asker chose (网名), may be empty
  sealed_contact TEXT NOT NULL DEFAULT '',   -- name and phone, sealed with the installation key
  phone_digest   TEXT NOT NULL DEFAULT '',   -- keyed hash of the phone, for the per-phone limit
  text           TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('pending', 'published', 'answered', 'rejected')),
  answer         TEXT NOT NULL DEFAULT '',
  answered_by    TEXT NOT NULL DEFAULT '',   -- the guest who answered
  created_at     TEXT NOT NULL,
  moderated_at   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_questions_event ON event_questions (event_id, state);

-- 图文直播 / 文字实录: entries in order; an entry may answer a question and carry an image.
CREATE TABLE event_entries (
  id             INTEGER PRIMARY KEY,
  event_id       INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  speaker        TEXT NOT NULL DEFAULT '',
  text           TEXT NOT NULL,
  question_id    INTEGER REFERENCES event_questions(id) ON DELETE SET NULL,
  image_sha256   TEXT REFERENCES blobs(sha256),
  image_name     TEXT NOT NULL DEFAULT '',
  image_type     TEXT NOT NULL DEFAULT '',
  created_by     TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL
);
CREATE INDEX event_entries_event ON event_entries (event_id, id);

-- 图片 after (or during) the event.
CREATE TABLE event_photos (
  id           INTEGER PRIMARY KEY,
  event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  blob_sha256  TEXT NOT NULL REFERENCES blobs(sha256),
  file_name    TEXT NOT NULL,
  media_type   TEXT NOT NULL,
  caption      TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL
);
CREATE INDEX event_photos_event ON event_photos (event_id, id);
