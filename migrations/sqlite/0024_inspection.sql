-- 0024 自查监测 (issue 15, src/modules/zcjc/): each site checked the way the national website
-- inspection (国办秘函〔2019〕19号) checks it. What the office sets (the contacts warnings go
-- to, thresholds, each column's update rule, the list of wrong wordings), what the nodes
-- record (homepage probes, the latest walk over the pages), each day's results, and which
-- warning was last sent for which check (sent again only when it worsens).
-- Instants are UTC text ("2026-12-03T02:00:00Z"); days are China dates ("2026-12-03").

CREATE TABLE inspection_settings (
  site_id         INTEGER PRIMARY KEY REFERENCES sites(id),
  contacts        TEXT NOT NULL DEFAULT '',   -- e-mail addresses, one a line (the owner and up to 3 more)
  thresholds      TEXT NOT NULL DEFAULT '',   -- name=value lines; '' = the defaults
  check_external  INTEGER NOT NULL DEFAULT 0 CHECK (check_external IN (0, 1)),
  updated_at      TEXT NOT NULL DEFAULT '',
  updated_by      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE inspection_column_rules (
  node_id      INTEGER PRIMARY KEY REFERENCES catalogue_nodes(id) ON DELETE CASCADE,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  kind         TEXT NOT NULL,                 -- column_update_rule.hpp codes
  period_days  INTEGER NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE inspection_wording_rules (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  wrong       TEXT NOT NULL,
  right_form  TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  serious     INTEGER NOT NULL DEFAULT 0 CHECK (serious IN (0, 1)),
  UNIQUE (site_id, wrong)
);

CREATE TABLE inspection_probes (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  probed_at  TEXT NOT NULL,
  node       TEXT NOT NULL DEFAULT '',       -- which node probed (host name)
  ok         INTEGER NOT NULL CHECK (ok IN (0, 1)),
  status     INTEGER NOT NULL DEFAULT 0,
  millis     INTEGER NOT NULL DEFAULT 0,
  error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inspection_probes_site ON inspection_probes (site_id, probed_at);

CREATE TABLE inspection_crawls (
  site_id     INTEGER PRIMARY KEY REFERENCES sites(id),
  crawled_at  TEXT NOT NULL,
  pages       INTEGER NOT NULL,
  results     TEXT NOT NULL                   -- JSON: the 链接可用性 and 网页标签 results
);

CREATE TABLE inspection_runs (
  id        INTEGER PRIMARY KEY,
  site_id   INTEGER NOT NULL REFERENCES sites(id),
  run_on    TEXT NOT NULL,
  ran_at    TEXT NOT NULL,
  level     TEXT NOT NULL CHECK (level IN ('normal', 'warning', 'veto')),
  vetoes    INTEGER NOT NULL,
  warnings  INTEGER NOT NULL,
  results   TEXT NOT NULL,                    -- JSON: every check's result with its evidence
  UNIQUE (site_id, run_on)
);

CREATE TABLE inspection_alerts (
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  check_code  TEXT NOT NULL,
  level       TEXT NOT NULL,
  findings    INTEGER NOT NULL,
  sent_at     TEXT NOT NULL,
  PRIMARY KEY (site_id, check_code)
);
