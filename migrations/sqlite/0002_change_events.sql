-- Cache invalidation between processes on one SQLite file (`zwgk import` while `zwgk serve`
-- runs): each committed write appends the cache tags it touched; serving processes poll
-- for rows from other origins. PostgreSQL uses LISTEN/NOTIFY instead (see its 0002).
CREATE TABLE change_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  origin TEXT NOT NULL,
  tags TEXT NOT NULL,
  created_at TEXT NOT NULL
);
