-- 0011 revision attachments (issue 10 §3, ADR 0011): which blobs each revision's snapshot
-- lists, as rows, so that (a) a published past version's files can be served publicly and
-- a draft's or an unpublished revision's files cannot, without parsing every snapshot, and
-- (b) `zwgk blobs sweep` knows which blobs are still referenced. Written in the same
-- transaction as the revision (store/workflow_rows.cpp insert_revision); filled here from
-- the snapshots that already exist.
CREATE TABLE revision_attachments (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  revision    INTEGER NOT NULL,
  sha256      TEXT NOT NULL,
  PRIMARY KEY (document_id, revision, sha256)
);
CREATE INDEX revision_attachments_sha256 ON revision_attachments (sha256);

INSERT OR IGNORE INTO revision_attachments (document_id, revision, sha256)
SELECT r.document_id, r.number, json_extract(a.value, '$.sha256')
FROM document_revisions r, json_each(r.snapshot, '$.attachments') a
WHERE json_valid(r.snapshot) AND json_extract(a.value, '$.sha256') IS NOT NULL
  AND json_extract(a.value, '$.sha256') <> '';
