-- 0019 意见征集情况说明 (issue 13, src/modules/yjzj/): a unit with nothing to consult in a
-- period publishes a statement saying so (domain/README §10: scorers count 意见征集 and
-- 意见反馈, and accept a 情况说明 where there was nothing to consult). One per unit (the
-- department, or the site itself when department_id is NULL) and period: a year (quarter 0)
-- or one of its quarters (1-4). Instants are UTC text ("2026-12-02T07:00:00Z").

CREATE TABLE consultation_statements (
  id             INTEGER PRIMARY KEY,
  site_id        INTEGER NOT NULL REFERENCES sites(id),
  department_id  INTEGER REFERENCES departments(id),
  year           INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  quarter        INTEGER NOT NULL DEFAULT 0 CHECK (quarter BETWEEN 0 AND 4),
  text           TEXT NOT NULL,
  published_at   TEXT NOT NULL,
  published_by   TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX consultation_statements_unit_period
  ON consultation_statements (site_id, COALESCE(department_id, 0), year, quarter);
