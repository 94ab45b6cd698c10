-- 0033 published documents per site, per 公开目录 node and per department, kept up to date by triggers
-- on documents (issue 18): a column's listing and the portal's counts read one row instead
-- of counting every document (count(*) read 110,000 rows of a large column each render).
-- Every path that writes documents (the repository, a bulk load, a hand-edited row) moves
-- them, because the database does it.
CREATE TABLE document_counts (
  kind TEXT NOT NULL CHECK (kind IN ('site', 'catalogue', 'department')),
  owner_id INTEGER NOT NULL,
  published INTEGER NOT NULL DEFAULT 0,
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

CREATE TRIGGER document_counts_insert AFTER INSERT ON documents WHEN NEW.state = 'published'
BEGIN
  INSERT INTO document_counts (kind, owner_id, published) SELECT 'site', NEW.site_id, 1
    WHERE true
    ON CONFLICT (kind, owner_id) DO UPDATE SET published = published + 1;
  INSERT INTO document_counts (kind, owner_id, published) SELECT 'catalogue', NEW.catalogue_id, 1
    WHERE NEW.catalogue_id IS NOT NULL
    ON CONFLICT (kind, owner_id) DO UPDATE SET published = published + 1;
  INSERT INTO document_counts (kind, owner_id, published) SELECT 'department', NEW.department_id, 1
    WHERE NEW.department_id IS NOT NULL
    ON CONFLICT (kind, owner_id) DO UPDATE SET published = published + 1;
END;

CREATE TRIGGER document_counts_delete AFTER DELETE ON documents WHEN OLD.state = 'published'
BEGIN
  UPDATE document_counts SET published = published - 1
    WHERE (kind = 'site' AND owner_id = OLD.site_id) OR (kind = 'catalogue' AND owner_id = OLD.catalogue_id) OR
          (kind = 'department' AND owner_id = OLD.department_id);
END;

CREATE TRIGGER document_counts_update AFTER UPDATE OF state, site_id, catalogue_id, department_id ON documents
  WHEN OLD.state = 'published' OR NEW.state = 'published'
BEGIN
  UPDATE document_counts SET published = published - 1
    WHERE OLD.state = 'published' AND
          ((kind = 'site' AND owner_id = OLD.site_id) OR (kind = 'catalogue' AND owner_id = OLD.catalogue_id) OR
           (kind = 'department' AND owner_id = OLD.department_id));
  INSERT INTO document_counts (kind, owner_id, published) SELECT 'site', NEW.site_id, 1
    WHERE NEW.state = 'published'
    ON CONFLICT (kind, owner_id) DO UPDATE SET published = published + 1;
  INSERT INTO document_counts (kind, owner_id, published) SELECT 'catalogue', NEW.catalogue_id, 1
    WHERE NEW.state = 'published' AND NEW.catalogue_id IS NOT NULL
    ON CONFLICT (kind, owner_id) DO UPDATE SET published = published + 1;
  INSERT INTO document_counts (kind, owner_id, published) SELECT 'department', NEW.department_id, 1
    WHERE NEW.state = 'published' AND NEW.department_id IS NOT NULL
    ON CONFLICT (kind, owner_id) DO UPDATE SET published = published + 1;
END;

-- The site's 主题分类 are read one seek per topic on this index (DocumentRepository::topics).
CREATE INDEX documents_topics ON documents (site_id, state, topic);
