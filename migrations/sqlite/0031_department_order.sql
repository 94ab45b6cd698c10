-- 0031 the departments' configured order (issue 17): the portal and the console list a
-- site's departments by sort_order (smaller first), then by name, as the site arranges them
-- (政府办 first, then the 组成部门 in their official order). 0 for every existing one.
ALTER TABLE departments ADD COLUMN sort_order INTEGER NOT NULL DEFAULT 0;
