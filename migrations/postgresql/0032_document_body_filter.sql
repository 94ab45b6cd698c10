-- 0032 the allow-list version a document's body was filtered with when it was stored
-- (issue 18): a public page filters again only bodies stored before this column existed
-- (0) or with an older allow-list, instead of parsing every body on every render.
ALTER TABLE documents ADD COLUMN body_filter INTEGER NOT NULL DEFAULT 0;
