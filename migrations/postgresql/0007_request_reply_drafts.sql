-- 依申请公开 (issue 5): the reply the assigned department drafts (答复意见稿) before the
-- 公开工作机构 approves it by recording the reply. One current draft per application;
-- a new draft replaces it. No personal data.
CREATE TABLE request_reply_drafts (
  request_id       BIGINT PRIMARY KEY REFERENCES disclosure_requests(id),
  outcome          TEXT NOT NULL,
  legal_basis      TEXT NOT NULL DEFAULT '',
  note             TEXT NOT NULL DEFAULT '',
  drafted_by       TEXT NOT NULL,
  drafted_on       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
