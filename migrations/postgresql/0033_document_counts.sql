-- 0033 published documents per site, per 公开目录 node and per department, kept up to date by a
-- trigger on documents (issue 18): a column's listing and the portal's counts read one row
-- instead of counting every document. Every path that writes documents moves them, because
-- the database does it.
CREATE TABLE document_counts (
  kind TEXT NOT NULL CHECK (kind IN ('site', 'catalogue', 'department')),
  owner_id BIGINT NOT NULL,
  published BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, owner_id)
);
INSERT INTO document_counts (kind, owner_id, published)
  SELECT 'site', site_id, count(*) FROM documents WHERE state = 'published' GROUP BY site_id;
INSERT INTO document_counts (kind, owner_id, published)
  SELECT 'catalogue', catalogue_id, count(*) FROM documents
  WHERE state = 'published' AND catalogue_id IS NOT NULL GROUP BY catalogue_id;
INSERT INTO document_counts (kind, owner_id, published)
  SELECT 'department', department_id, count(*) FROM documents
  WHERE state = 'published' AND department_id IS NOT NULL GROUP BY department_id;

CREATE FUNCTION document_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = 'published' THEN
    UPDATE document_counts SET published = published - 1
      WHERE (kind = 'site' AND owner_id = OLD.site_id) OR (kind = 'catalogue' AND owner_id = OLD.catalogue_id) OR
            (kind = 'department' AND owner_id = OLD.department_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state = 'published' THEN
    INSERT INTO document_counts (kind, owner_id, published) VALUES ('site', NEW.site_id, 1)
      ON CONFLICT (kind, owner_id) DO UPDATE SET published = document_counts.published + 1;
    IF NEW.catalogue_id IS NOT NULL THEN
      INSERT INTO document_counts (kind, owner_id, published) VALUES ('catalogue', NEW.catalogue_id, 1)
        ON CONFLICT (kind, owner_id) DO UPDATE SET published = document_counts.published + 1;
    END IF;
    IF NEW.department_id IS NOT NULL THEN
      INSERT INTO document_counts (kind, owner_id, published) VALUES ('department', NEW.department_id, 1)
        ON CONFLICT (kind, owner_id) DO UPDATE SET published = document_counts.published + 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER document_counts_track AFTER INSERT OR DELETE OR UPDATE OF state, site_id, catalogue_id, department_id
  ON documents FOR EACH ROW EXECUTE FUNCTION document_counts_track();

-- The site's 主题分类 are read one seek per topic on this index (DocumentRepository::topics).
CREATE INDEX documents_topics ON documents (site_id, state, topic);
