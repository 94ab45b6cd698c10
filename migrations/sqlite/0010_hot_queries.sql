-- 0010 本周热门搜索 (issue 10): the public hot-query list shows only queries that found
-- results, were asked by at least N different visitors and carry no personal data; the
-- office can pin, hide or turn the list off (store/hot_queries.hpp).
--
-- Rows stored before this migration were counted without any of these checks (an ID
-- number searched once was on the list for a week) and without visitors: all are removed.
DELETE FROM search_queries;

-- Who asked, as a keyed hash of the address (16 hex digits, installation secret), one row
-- per site, day, query and visitor; never the address. Kept for the 7 days of the list.
CREATE TABLE search_query_visitors (
  site_id INTEGER NOT NULL,
  day     TEXT NOT NULL,
  query   TEXT NOT NULL,
  visitor TEXT NOT NULL,
  PRIMARY KEY (site_id, day, query, visitor)
);

-- The office's choices. enabled: the list is shown (no row: the installation default,
-- hot_queries in zwgk.toml).
CREATE TABLE hot_query_settings (
  site_id INTEGER PRIMARY KEY,
  enabled INTEGER NOT NULL
);

-- rule 'pin': always shown, first, in position order; 'hide': never shown.
CREATE TABLE hot_query_rules (
  site_id  INTEGER NOT NULL,
  query    TEXT NOT NULL,
  rule     TEXT NOT NULL CHECK (rule IN ('pin', 'hide')),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, query)
);
