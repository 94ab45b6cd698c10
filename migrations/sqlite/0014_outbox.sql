-- 0014 The outbox (issue 12): every e-mail notice, written in the same transaction as the
-- change that causes it, sent later over SMTP by the outbox sender (store/outbox_repository.hpp,
-- app/outbox_sender.hpp, docs/adr/0022-outbox-and-smtp.md).
--
-- Personal data is sealed (libsodium secretbox, the installation's PersonalDataKey):
-- the recipient address, the subject and the body; recipient_hint ("z***@example.com")
-- is what staff lists show.
--
-- state: pending -> sending (claimed: claim_token, claimed_at, attempts + 1, committed
-- before the SMTP exchange) -> sent | pending again (next_attempt_at later) | failed.
-- A 'sending' row whose claim is older than the lease is claimed again (a node died).
-- Times are UTC "YYYY-MM-DDTHH:MM:SSZ" and compare as text.
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER REFERENCES sites(id),
  kind             TEXT NOT NULL,
  object_type      TEXT NOT NULL DEFAULT '',
  object_id        TEXT NOT NULL DEFAULT '',
  recipient_sealed TEXT NOT NULL,
  recipient_hint   TEXT NOT NULL,
  subject_sealed   TEXT NOT NULL,
  body_sealed      TEXT NOT NULL,
  message_token    TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,
  claim_token      TEXT NOT NULL DEFAULT '',
  claimed_at       TEXT,
  last_error       TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  sent_at          TEXT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_object ON outbox (object_type, object_id);
CREATE INDEX outbox_site_state ON outbox (site_id, state);
