-- 0025 政府信息公开工作年度报告 (issue 16, src/modules/ndbg/): one report per body (a government:
-- department_id NULL; or one of its departments) and year. The figures are JSON
-- {"<cell key>": {"value": n, "computed": n | absent, "reason": "..."}} (cell keys:
-- src/modules/ndbg/domain/report_cells.hpp). document_id: the 年报 column's document the
-- report became when it was sent to the workflow.
CREATE TABLE annual_reports (
  id                   INTEGER PRIMARY KEY,
  site_id              INTEGER NOT NULL REFERENCES sites(id),
  department_id        INTEGER REFERENCES departments(id),
  office_department_id INTEGER REFERENCES departments(id),  -- the government's: its office's department
  year                 INTEGER NOT NULL,
  body_name            TEXT NOT NULL,
  include_departments  INTEGER NOT NULL DEFAULT 0 CHECK (include_departments IN (0, 1)),
  overview             TEXT NOT NULL DEFAULT '',
  problems             TEXT NOT NULL DEFAULT '',
  other                TEXT NOT NULL DEFAULT '',
  figures              TEXT NOT NULL DEFAULT '{}',
  state                TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'in_workflow', 'published')),
  document_id          INTEGER REFERENCES documents(id),
  updated_at           TEXT NOT NULL,
  updated_by           TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX annual_reports_body_year ON annual_reports (site_id, COALESCE(department_id, 0), year);
