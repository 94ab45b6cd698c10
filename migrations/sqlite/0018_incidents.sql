-- 0018 回应关切 (issue 13, src/modules/hygq/): 突发事件 and 政务舆情 with their clocks in clock
-- hours (国办发〔2016〕61号, 国办发〔2016〕80号): 特别重大 / 重大 — 权威发布 within 5 hours,
-- 新闻发布会 within 24 hours; 政务舆情 — a response within 48 hours. Due instants are derived
-- from known_at + the site's clock rules: never stored. Times are instants in UTC
-- ("2026-12-02T07:00:00Z"); pages show China time.

-- level: particularly_serious | serious | major | general (突发事件) | public_opinion (政务舆情).
-- summary is internal: never on a public page.
CREATE TABLE incidents (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  level         TEXT NOT NULL CHECK (level IN ('particularly_serious', 'serious', 'major', 'general', 'public_opinion')),
  title         TEXT NOT NULL,
  summary       TEXT NOT NULL DEFAULT '',
  department_id INTEGER REFERENCES departments(id),
  known_at      TEXT NOT NULL,
  created_by    TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX incidents_site_known ON incidents (site_id, known_at DESC);
CREATE INDEX incidents_known ON incidents (known_at);

-- What answered it: a document (its first_published_at meets 权威发布 / 舆情回应 once it is
-- published) or an event of migration 0015 (a press_conference that is live or ended meets
-- 新闻发布会 at starts_at). Exactly one of the two.
CREATE TABLE incident_links (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  event_id    INTEGER REFERENCES events(id) ON DELETE CASCADE,
  created_by  TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  CHECK ((document_id IS NULL) <> (event_id IS NULL))
);
CREATE UNIQUE INDEX incident_links_document ON incident_links (incident_id, document_id) WHERE document_id IS NOT NULL;
CREATE UNIQUE INDEX incident_links_event ON incident_links (incident_id, event_id) WHERE event_id IS NOT NULL;
CREATE INDEX incident_links_by_document ON incident_links (document_id) WHERE document_id IS NOT NULL;

-- A response made elsewhere (新闻媒体, 微博, a 发布会 of another government), recorded by
-- hand: which clock it meets, when, what, an optional link.
CREATE TABLE incident_responses (
  id           INTEGER PRIMARY KEY,
  incident_id  INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  clock        TEXT NOT NULL CHECK (clock IN ('release', 'press_conference', 'response')),
  responded_at TEXT NOT NULL,
  what         TEXT NOT NULL,
  url          TEXT NOT NULL DEFAULT '',
  created_by   TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL
);
CREATE INDEX incident_responses_incident ON incident_responses (incident_id, responded_at);

-- The site's rules: clocks as "level.clock=hours" pairs, comma-separated (domain::
-- format_clock_rules); notice points in minutes before due ("60,15"); whether the public
-- column shows the clock; an address notified besides the department's contact. A site
-- without a row uses the defaults (5 h / 24 h / 48 h, 60 minutes, clock not public).
CREATE TABLE incident_settings (
  site_id        INTEGER PRIMARY KEY REFERENCES sites(id),
  clocks         TEXT NOT NULL,
  notice_minutes TEXT NOT NULL DEFAULT '60',
  public_clock   INTEGER NOT NULL DEFAULT 0,
  notify_email   TEXT NOT NULL DEFAULT ''
);

-- The notices already written (one per incident and key: "before:release:60",
-- "missed:release"): the job on several nodes writes each once.
CREATE TABLE incident_notices (
  incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  notice_key  TEXT NOT NULL,
  written_at  TEXT NOT NULL,
  PRIMARY KEY (incident_id, notice_key)
);
