-- 0017 建议提案办理 (issue 13, src/modules/jyta/): 人大代表建议 and 政协委员提案 assigned to a
-- 主办单位, their answers, 类别 A/B/C, the deputy's satisfaction and how the answer is published
-- (国办发〔2014〕46号: 原则上全文公开). No contact data of deputies or members is stored.
-- One row per item; (site, kind, 届次, 会次, 编号) is the office's own key: a re-import of the
-- same number is refused (service/proposal_service.hpp).
CREATE TABLE proposals (
  id                 INTEGER PRIMARY KEY,
  site_id            INTEGER NOT NULL REFERENCES sites(id),
  kind               TEXT NOT NULL CHECK (kind IN ('suggestion', 'proposal')),
  session            TEXT NOT NULL,               -- 届次: 十七届
  meeting            TEXT NOT NULL,               -- 会次: 三次会议
  year               INTEGER NOT NULL,
  number             TEXT NOT NULL,               -- 编号: 123
  title              TEXT NOT NULL,
  lead               TEXT NOT NULL,               -- 领衔人
  co_signers         TEXT NOT NULL DEFAULT '',    -- 附议人, 、-separated
  main_department_id INTEGER NOT NULL REFERENCES departments(id),
  main_department    TEXT NOT NULL,
  co_departments     TEXT NOT NULL DEFAULT '',    -- 会办单位, 、-separated
  assigned_on        TEXT NOT NULL,               -- 交办日期
  due_on             TEXT NOT NULL,               -- 交办 + the site's months, fixed at import
  answer             TEXT NOT NULL DEFAULT '',
  answered_on        TEXT,
  result_class       TEXT NOT NULL DEFAULT '' CHECK (result_class IN ('', 'A', 'B', 'C')),
  satisfaction       TEXT NOT NULL DEFAULT '',
  publication        TEXT NOT NULL DEFAULT 'full' CHECK (publication IN ('full', 'summary', 'withheld')),
  summary            TEXT NOT NULL DEFAULT '',
  withheld_ground    TEXT NOT NULL DEFAULT '',
  withheld_reason    TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (site_id, kind, session, meeting, number)
);
CREATE INDEX proposals_site_year ON proposals (site_id, year, id);
CREATE INDEX proposals_site_department ON proposals (site_id, main_department_id);

-- A site's rule: the answer deadline in calendar months from 交办 (default 3).
CREATE TABLE proposal_settings (
  site_id        INTEGER PRIMARY KEY REFERENCES sites(id),
  answer_months  INTEGER NOT NULL DEFAULT 3 CHECK (answer_months BETWEEN 1 AND 12)
);
