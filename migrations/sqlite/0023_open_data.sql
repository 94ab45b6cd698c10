-- 0023 数据开放 (issue 14, src/modules/sjkf/): datasets, each owned by a department of a site,
-- and their files (resources). A dataset's name is its stable address (P/sjkf/<name>/ and the
-- CKAN package name), unique in the installation; uuid is the id the CKAN API gives.
-- A resource's bytes are a blob (blob_store.hpp) written in the same transaction; a dataset
-- that follows a 清单 (list_id) has resources with source 'list' and no blob: their bytes are
-- the list's version in force, made when downloaded. Download counts live in the row, so
-- every node counts into the same number.
-- Instants are UTC text ("2026-12-02T07:00:00Z").

CREATE TABLE datasets (
  id             INTEGER PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  site_id        INTEGER NOT NULL REFERENCES sites(id),
  name           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  notes          TEXT NOT NULL,
  department_id  INTEGER NOT NULL REFERENCES departments(id),
  field          TEXT NOT NULL,               -- 数据领域 code (open_data_terms.hpp)
  keywords       TEXT NOT NULL DEFAULT '',    -- joined with 、
  frequency      TEXT NOT NULL,               -- 更新频率
  licence        TEXT NOT NULL,
  open_condition TEXT NOT NULL CHECK (open_condition IN ('unconditional', 'conditional')),
  conditions     TEXT NOT NULL DEFAULT '',
  list_id        INTEGER REFERENCES lists(id),
  state          TEXT NOT NULL CHECK (state IN ('draft', 'published', 'withdrawn')),
  created_at     TEXT NOT NULL,
  modified_at    TEXT NOT NULL,
  published_at   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX datasets_site ON datasets (site_id, state);

CREATE TABLE dataset_resources (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  dataset_id   INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  format       TEXT NOT NULL CHECK (format IN ('CSV', 'XLSX', 'JSON')),
  source       TEXT NOT NULL DEFAULT 'file' CHECK (source IN ('file', 'list')),
  blob_sha256  TEXT,
  size         BIGINT NOT NULL DEFAULT 0,
  row_count    BIGINT NOT NULL DEFAULT 0,
  columns      TEXT NOT NULL DEFAULT '[]',   -- JSON [{"name": ..., "type": 文本|数值|日期}]
  preview      TEXT NOT NULL DEFAULT '[]',   -- JSON, the first rows
  downloads    BIGINT NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL,
  modified_at  TEXT NOT NULL
);
CREATE INDEX dataset_resources_dataset ON dataset_resources (dataset_id, position);
