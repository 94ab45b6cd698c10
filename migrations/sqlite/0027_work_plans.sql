-- 0027 工作要点 and 任务督办 (issue 16, src/modules/gzyd/): a site's 要点 for a year imported into
-- its tasks, the units each task names (matched to a department, or to a county's site for
-- 各县市区政府; NULL until the office maps it by hand), what each unit reports and the office's
-- decision, and the names the office mapped by hand (used again on the next import).
-- Days are China dates ("2026-03-10"); instants UTC text.
CREATE TABLE work_plans (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  year          INTEGER NOT NULL,
  title         TEXT NOT NULL,
  published_on  TEXT NOT NULL,                 -- the 要点's publication: the 20 working days run from it
  source_text   TEXT NOT NULL,
  warnings      TEXT NOT NULL DEFAULT '',      -- the parser's, one a line
  published     INTEGER NOT NULL DEFAULT 1 CHECK (published IN (0, 1)),  -- on the public page
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX work_plans_site_year ON work_plans (site_id, year);

CREATE TABLE work_tasks (
  id            INTEGER PRIMARY KEY,
  plan_id       INTEGER NOT NULL REFERENCES work_plans(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  code          TEXT NOT NULL,                 -- "一(一)"; "方案" for each unit's 工作方案
  section       TEXT NOT NULL DEFAULT '',      -- "一、以政务公开助力稳增长"
  title         TEXT NOT NULL,
  text          TEXT NOT NULL DEFAULT '',
  due_on        TEXT NOT NULL
);
CREATE INDEX work_tasks_plan ON work_tasks (plan_id, position);

CREATE TABLE work_task_units (
  id             INTEGER PRIMARY KEY,
  task_id        INTEGER NOT NULL REFERENCES work_tasks(id) ON DELETE CASCADE,
  mention        TEXT NOT NULL,                -- as the 要点 names it: "市发改委"
  role           TEXT NOT NULL DEFAULT '负责', -- 负责 / 牵头 / 配合
  requirement    TEXT NOT NULL DEFAULT '',     -- the text its clause closes
  department_id  INTEGER REFERENCES departments(id),
  unit_site_id   INTEGER REFERENCES sites(id), -- a county government's site; the plan's site for a department
  unit_name      TEXT NOT NULL DEFAULT '',     -- the matched department's or site's name
  state          TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'submitted', 'approved', 'returned')),
  report         TEXT NOT NULL DEFAULT '',
  links          TEXT NOT NULL DEFAULT '',     -- document ids / URLs, one a line
  review_note    TEXT NOT NULL DEFAULT '',
  reported_at    TEXT NOT NULL DEFAULT '',
  reported_by    TEXT NOT NULL DEFAULT '',
  reviewed_at    TEXT NOT NULL DEFAULT '',
  reviewed_by    TEXT NOT NULL DEFAULT '',
  overdue_notified_on TEXT NOT NULL DEFAULT '' -- the 督办 mail, sent once
);
CREATE INDEX work_task_units_task ON work_task_units (task_id);
CREATE INDEX work_task_units_department ON work_task_units (department_id);

CREATE TABLE work_unit_aliases (
  site_id        INTEGER NOT NULL REFERENCES sites(id),
  mention        TEXT NOT NULL,
  department_id  INTEGER NOT NULL REFERENCES departments(id),
  PRIMARY KEY (site_id, mention)
);

-- The files a unit attaches to its 落实情况 (bytes in blobs, content-addressed).
CREATE TABLE work_unit_files (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES work_task_units(id) ON DELETE CASCADE,
  sha256      TEXT NOT NULL REFERENCES blobs(sha256),
  file_name   TEXT NOT NULL,
  media_type  TEXT NOT NULL,
  size        INTEGER NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX work_unit_files_unit ON work_unit_files (unit_id);
