-- 0020 预决算公开统一专栏 (issue 14, src/modules/yjs/): one row per unit (the government when
-- department_id is NULL, else the department), fiscal year and kind (budget, final_accounts,
-- three_public): the approval date (批准 / 批复, a China date "2026-02-01", '' when not yet
-- entered) and the published document that discloses it. Due 20 days after approval
-- (预算法第十四条); the state is derived every time from these and the document's 发布日期.

CREATE TABLE budget_disclosures (
  id             INTEGER PRIMARY KEY,
  site_id        INTEGER NOT NULL REFERENCES sites(id),
  department_id  INTEGER REFERENCES departments(id),
  year           INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind           TEXT NOT NULL CHECK (kind IN ('budget', 'final_accounts', 'three_public')),
  approved_on    TEXT NOT NULL DEFAULT '',
  document_id    INTEGER REFERENCES documents(id) ON DELETE SET NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX budget_disclosures_cell
  ON budget_disclosures (site_id, COALESCE(department_id, 0), year, kind);
