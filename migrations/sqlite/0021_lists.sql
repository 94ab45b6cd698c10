-- 0021 清单 (issue 14, src/modules/qd/): a site's own list types (the shipped ones are code,
-- modules/qd/domain/list_type.cpp), its lists (each owned by a department) and their
-- versions. A version's items are a JSON array of rows, one string per column of its type,
-- in the type's order. At most one version of a list is being worked on (draft, submitted,
-- approved, returned); published versions never change and are numbered 1, 2, ...; each
-- keeps its effective date (施行日期) and the change summary against the one before.
-- Instants are UTC text ("2026-12-02T07:00:00Z"), dates China dates ("2026-12-01").

CREATE TABLE list_types (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  code        TEXT NOT NULL,
  schema      TEXT NOT NULL,               -- format_list_type text
  created_at  TEXT NOT NULL,
  UNIQUE (site_id, code)
);

CREATE TABLE lists (
  id             INTEGER PRIMARY KEY,
  site_id        INTEGER NOT NULL REFERENCES sites(id),
  type_code      TEXT NOT NULL,
  title          TEXT NOT NULL,
  department_id  INTEGER NOT NULL REFERENCES departments(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX lists_site ON lists (site_id, id);

CREATE TABLE list_versions (
  id              INTEGER PRIMARY KEY,
  list_id         INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  number          INTEGER,                  -- set on publication
  state           TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'returned', 'published')),
  effective_on    TEXT NOT NULL DEFAULT '',
  items           TEXT NOT NULL,
  change_summary  TEXT NOT NULL DEFAULT '',
  review_note     TEXT NOT NULL DEFAULT '',
  created_by      TEXT NOT NULL DEFAULT '',
  updated_at      TEXT NOT NULL,
  reviewed_by     TEXT NOT NULL DEFAULT '',
  published_by    TEXT NOT NULL DEFAULT '',
  published_at    TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX list_versions_number ON list_versions (list_id, number) WHERE number IS NOT NULL;
CREATE INDEX list_versions_list ON list_versions (list_id, state);
