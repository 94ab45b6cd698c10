-- 0012 (ADR 0017): the audit chain keyed with a secret outside the database, and the
-- security log.
-- 1. chain_version: 1 = linked by plain SHA-256 (every entry written before this
--    migration keeps its hash and stays verifiable); 2 = linked by HMAC-SHA-256 under the
--    audit key derived from the installation secret (store/audit_log.hpp). Once a version 2
--    entry exists, a version 1 entry after it is a break.
ALTER TABLE audit_log ADD COLUMN chain_version INTEGER NOT NULL DEFAULT 1;
-- 2. head_mac: HMAC of (seq, last_hash) under the audit key, so cutting the newest entries
--    and rewriting audit_head to match is found by anyone holding the key.
ALTER TABLE audit_head ADD COLUMN head_mac TEXT NOT NULL DEFAULT '';
-- 3. Security events (login failures, CSRF refusals, 403s) as counters per minute: a flood
--    adds to a count, not rows (store/security_log.hpp). No user names, no addresses.
CREATE TABLE security_events (
  minute      TEXT NOT NULL,              -- "2026-12-01T08:30Z" (UTC)
  kind        TEXT NOT NULL,              -- login_failed | csrf_refused | forbidden | ...
  account_id  INTEGER NOT NULL DEFAULT 0, -- the signed-in or named account; 0 = unknown
  place       TEXT NOT NULL DEFAULT '',   -- the route pattern, never the raw path
  count       INTEGER NOT NULL,
  PRIMARY KEY (minute, kind, account_id, place)
);
