-- 0004 accounts: console users (用户账号), their sessions, login throttling counters and
-- the optional TOTP second factor. Everything a login needs lives here, so any app node
-- can serve any console request (docs/adr/0008-accounts-sessions-csrf.md).
-- Times used in comparisons are unix seconds (INTEGER); created_at is ISO-8601 UTC text.

CREATE TABLE accounts (
  id             INTEGER PRIMARY KEY,
  site_id        INTEGER NOT NULL REFERENCES sites(id),
  department_id  INTEGER REFERENCES departments(id),
  username       TEXT NOT NULL UNIQUE,
  display_name   TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('site_admin', 'editor', 'reviewer', 'publisher', 'auditor')),
  password_hash  TEXT NOT NULL,          -- libsodium crypto_pwhash_str (argon2id, parameters inside)
  disabled       INTEGER NOT NULL DEFAULT 0,
  totp_secret    TEXT,                   -- hex of the raw RFC 6238 key; NULL = no second factor
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX accounts_site ON accounts (site_id, username);

-- The cookie holds a random 256-bit id; only its SHA-256 (hex) is stored.
CREATE TABLE sessions (
  id_hash        TEXT PRIMARY KEY,
  account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf_token     TEXT NOT NULL,
  remote_address TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  last_seen_at   INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- One row per failed login; scope 'account' (key = lower-case user name) or 'address'
-- (key = remote address). Rows older than the window are ignored and pruned.
CREATE TABLE login_failures (
  id        INTEGER PRIMARY KEY,
  scope     TEXT NOT NULL CHECK (scope IN ('account', 'address')),
  key       TEXT NOT NULL,
  failed_at INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (scope, key, failed_at);
