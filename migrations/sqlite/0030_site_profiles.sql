-- 0030 the portal's chrome per site (issue 17, domain/site_profile.hpp): 联系我们 beyond the
-- sites row (承办单位, 邮政编码, 电子邮箱, 办公时间), the 网站声明 and 隐私声明 texts ('' = the
-- default text), the 党政机关网站标识 and 公安机关备案 links with their uploaded badges, the
-- site's own logo (blobs by sha256, '' = none; store/blob_store.hpp invariant 2) and whether
-- the site says 本网站支持IPv6. No row = every field empty.
CREATE TABLE site_profiles (
  site_id              INTEGER PRIMARY KEY REFERENCES sites(id),
  organizer            TEXT NOT NULL DEFAULT '',
  postcode             TEXT NOT NULL DEFAULT '',
  email                TEXT NOT NULL DEFAULT '',
  office_hours         TEXT NOT NULL DEFAULT '',
  statement            TEXT NOT NULL DEFAULT '',
  privacy              TEXT NOT NULL DEFAULT '',
  conac_url            TEXT NOT NULL DEFAULT '',
  police_record_url    TEXT NOT NULL DEFAULT '',
  ipv6                 INTEGER NOT NULL DEFAULT 0,
  logo_sha256          TEXT NOT NULL DEFAULT '',
  conac_badge_sha256   TEXT NOT NULL DEFAULT '',
  police_badge_sha256  TEXT NOT NULL DEFAULT ''
);
