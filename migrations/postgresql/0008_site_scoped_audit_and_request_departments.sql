-- 0008 (ADR 0014): least privilege and stable references.
-- 1. Each audit entry records the site it belongs to (0 = none: entries written before this
--    migration, or events without a site). The viewer shows a user only their site's
--    entries; `zwgk audit verify` still checks the whole chain. Existing rows keep 0 (the
--    table is append-only) and their hashes stay valid: site_id enters the hash only when
--    it is not 0 (store/audit_log.hpp).
ALTER TABLE audit_log ADD COLUMN site_id BIGINT NOT NULL DEFAULT 0;
CREATE INDEX audit_log_site ON audit_log (site_id, id);

-- 2. 依申请公开 applications are assigned to a department by id (the name is kept for
--    display and history), so renaming a department keeps its applications.
ALTER TABLE disclosure_requests ADD COLUMN department_id BIGINT REFERENCES departments(id);
ALTER TABLE request_events ADD COLUMN department_id BIGINT;
UPDATE disclosure_requests SET department_id =
  (SELECT d.id FROM departments d WHERE d.site_id = disclosure_requests.site_id AND d.name = disclosure_requests.department)
  WHERE department <> '';
UPDATE request_events SET department_id =
  (SELECT d.id FROM departments d JOIN disclosure_requests r ON r.site_id = d.site_id
    WHERE r.id = request_events.request_id AND d.name = request_events.department)
  WHERE department <> '';
CREATE INDEX disclosure_requests_site_department ON disclosure_requests (site_id, department_id);
CREATE INDEX disclosure_requests_site_received ON disclosure_requests (site_id, received_on, id);
