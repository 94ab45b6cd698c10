#include "store/site_profile_repository.hpp"

#include "domain/cache_tags.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

// Makes sure the row exists so the statements below can UPDATE it.
void ensure_row(Lease& lease, long long site_id) {
  lease.sql() << "INSERT INTO site_profiles (site_id) VALUES (:s) ON CONFLICT (site_id) DO NOTHING",
      soci::use(site_id, "s");
}

const char* image_column(domain::SiteImage image) {
  switch (image) {
    case domain::SiteImage::ConacBadge: return "conac_badge_sha256";
    case domain::SiteImage::PoliceBadge: return "police_badge_sha256";
    case domain::SiteImage::Logo: break;
  }
  return "logo_sha256";
}

}  // namespace

domain::SiteProfile SiteProfileRepository::of(std::int64_t site_id) {
  return guarded("读取网站基本信息失败", [&] {
    Lease lease(db_);
    domain::SiteProfile p;
    p.site_id = site_id;
    long long id = site_id;
    int ipv6 = 0;
    soci::indicator found = soci::i_null;
    long long got = 0;
    lease.sql() << "SELECT site_id, organizer, postcode, email, office_hours, statement, privacy, conac_url, "
                   "police_record_url, ipv6, logo_sha256, conac_badge_sha256, police_badge_sha256 "
                   "FROM site_profiles WHERE site_id = :s",
        soci::use(id, "s"), soci::into(got, found), soci::into(p.organizer), soci::into(p.postcode), soci::into(p.email),
        soci::into(p.office_hours), soci::into(p.statement), soci::into(p.privacy), soci::into(p.conac_url),
        soci::into(p.police_record_url), soci::into(ipv6), soci::into(p.logo_sha256), soci::into(p.conac_badge_sha256),
        soci::into(p.police_badge_sha256);
    if (found == soci::i_null || !lease.sql().got_data()) {
      domain::SiteProfile none;
      none.site_id = site_id;
      return none;
    }
    p.ipv6 = ipv6 != 0;
    return p;
  });
}

void SiteProfileRepository::save(const domain::SiteProfile& p) {
  guarded("保存网站基本信息失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = p.site_id;
    int ipv6 = p.ipv6 ? 1 : 0;
    ensure_row(lease, id);
    lease.sql() << "UPDATE site_profiles SET organizer = :organizer, postcode = :postcode, email = :email, "
                   "office_hours = :hours, statement = :statement, privacy = :privacy, conac_url = :conac, "
                   "police_record_url = :police, ipv6 = :ipv6 WHERE site_id = :s",
        soci::use(p.organizer, "organizer"), soci::use(p.postcode, "postcode"), soci::use(p.email, "email"),
        soci::use(p.office_hours, "hours"), soci::use(p.statement, "statement"), soci::use(p.privacy, "privacy"),
        soci::use(p.conac_url, "conac"), soci::use(p.police_record_url, "police"), soci::use(ipv6, "ipv6"),
        soci::use(id, "s");
    tx.commit();
  });
  db_.notify_changed({domain::tag_site(p.site_id)});
}

void SiteProfileRepository::set_image(std::int64_t site_id, domain::SiteImage image, std::string_view bytes,
                                      const std::string& media_type) {
  guarded("保存网站图片失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = site_id;
    ensure_row(lease, id);
    std::string sha;
    if (!media_type.empty()) sha = BlobStore::put(lease, bytes, media_type);
    lease.sql() << std::string("UPDATE site_profiles SET ") + image_column(image) + " = :sha WHERE site_id = :s",
        soci::use(sha, "sha"), soci::use(id, "s");
    tx.commit();
  });
  db_.notify_changed({domain::tag_site(site_id)});
}

std::optional<Blob> SiteProfileRepository::public_image(const std::string& sha256) {
  const bool shown = guarded("读取网站图片失败", [&] {
    Lease lease(db_);
    int n = 0;
    std::string sha = sha256;
    lease.sql() << "SELECT count(*) FROM site_profiles WHERE :a <> '' AND (logo_sha256 = :b OR conac_badge_sha256 = :c "
                   "OR police_badge_sha256 = :d)",
        soci::use(sha, "a"), soci::use(sha, "b"), soci::use(sha, "c"), soci::use(sha, "d"), soci::into(n);
    return n > 0;
  });
  if (!shown) return std::nullopt;
  return BlobStore(db_).get(sha256);
}

}  // namespace zwgk::store
