-- 0026 政务公开绩效考核 (issue 16 part 3, src/modules/jxkh/): a site's indicator set per year (the
-- editable text of modules/jxkh/domain/assessment_indicator.hpp; no row = the default set), one
-- assessment per site and year (the facts gathered for every unit as JSON, the indicator text it
-- was computed with, 草稿 / 已发布), the office's adjustments of a unit's score (each with its
-- reason; the latest stands, the earlier ones are its history) and the hand-entered figures of
-- the 手工填报 indicators (each with its basis). Points are whole tenths (2.5 分 = 25).
CREATE TABLE assessment_indicator_sets (
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  year        INTEGER NOT NULL,
  indicators  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (site_id, year)
);

CREATE TABLE assessment_runs (
  id           INTEGER PRIMARY KEY,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  year         INTEGER NOT NULL,
  indicators   TEXT NOT NULL,
  facts        TEXT NOT NULL DEFAULT '[]',
  state        TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'released')),
  computed_at  TEXT NOT NULL,
  computed_by  TEXT NOT NULL DEFAULT '',
  released_at  TEXT NOT NULL DEFAULT '',
  released_by  TEXT NOT NULL DEFAULT '',
  UNIQUE (site_id, year)
);

CREATE TABLE assessment_adjustments (
  id             INTEGER PRIMARY KEY,
  run_id         INTEGER NOT NULL REFERENCES assessment_runs(id),
  department_id  INTEGER NOT NULL REFERENCES departments(id),
  points         INTEGER NOT NULL,
  reason         TEXT NOT NULL CHECK (reason <> ''),
  adjusted_by    TEXT NOT NULL,
  adjusted_at    TEXT NOT NULL
);
CREATE INDEX assessment_adjustments_run ON assessment_adjustments (run_id, department_id, id);

CREATE TABLE assessment_figures (
  site_id         INTEGER NOT NULL REFERENCES sites(id),
  year            INTEGER NOT NULL,
  department_id   INTEGER NOT NULL REFERENCES departments(id),
  indicator_code  TEXT NOT NULL,
  findings        INTEGER NOT NULL CHECK (findings >= 0),
  note            TEXT NOT NULL CHECK (note <> ''),
  updated_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (site_id, year, department_id, indicator_code)
);
