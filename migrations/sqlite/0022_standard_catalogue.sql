-- 0022 基层政务公开标准目录 (国办发〔2019〕54号; issue 14, src/modules/bzml/): the catalogues a
-- site has loaded, one per 领域 (the shipped data/bzml/*.csv or the office's own sheet), and
-- their items with the 公开目录 column and the 清单 type each is published in. Re-importing a
-- 领域 replaces its items and keeps the mapping of the items whose 一级事项 and 二级事项 stay.
-- Instants are UTC text ("2026-12-02T07:00:00Z").

CREATE TABLE standard_catalogues (
  id           INTEGER PRIMARY KEY,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  code         TEXT NOT NULL,
  field        TEXT NOT NULL,                  -- 领域: 财政预决算
  ministry     TEXT NOT NULL DEFAULT '',       -- 标准指引 issued by: 财政部
  source       TEXT NOT NULL DEFAULT '',       -- where the items come from
  imported_at  TEXT NOT NULL,
  imported_by  TEXT NOT NULL DEFAULT '',
  UNIQUE (site_id, code)
);

CREATE TABLE standard_catalogue_items (
  id                 INTEGER PRIMARY KEY,
  catalogue_id       INTEGER NOT NULL REFERENCES standard_catalogues(id) ON DELETE CASCADE,
  seq                INTEGER NOT NULL,
  level1             TEXT NOT NULL,
  level2             TEXT NOT NULL,
  content            TEXT NOT NULL,
  basis              TEXT NOT NULL DEFAULT '',
  time_limit         TEXT NOT NULL DEFAULT '',
  subject            TEXT NOT NULL DEFAULT '',
  channels           TEXT NOT NULL DEFAULT '',
  audience           TEXT NOT NULL DEFAULT '',
  manner             TEXT NOT NULL DEFAULT '',
  levels             TEXT NOT NULL DEFAULT '',
  catalogue_node_id  INTEGER REFERENCES catalogue_nodes(id) ON DELETE SET NULL,
  list_type          TEXT NOT NULL DEFAULT ''   -- a 清单 type code of the site, or ''
);
CREATE INDEX standard_catalogue_items_catalogue ON standard_catalogue_items (catalogue_id, seq);
