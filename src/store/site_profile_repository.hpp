#pragma once
// site_profiles rows (migration 0030) <-> domain::SiteProfile, and the uploaded images'
// bytes (blobs referenced by the row; store/blob_store.hpp invariant 2).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/site_profile.hpp"
#include "store/blob_store.hpp"
#include "store/database.hpp"

namespace zwgk::store {

class SiteProfileRepository {
 public:
  explicit SiteProfileRepository(Database& db) : db_(db) {}
  // The site's profile; an empty one (site_id set) when the site never saved one.
  domain::SiteProfile of(std::int64_t site_id);
  // Inserts or replaces the text fields and links (the images stay as they are).
  // Invalidates site:<id> (every page shows the header and footer).
  void save(const domain::SiteProfile& profile);
  // Stores the bytes and points the image at them, in one transaction; "" bytes with
  // an empty media type remove the image. Invalidates site:<id>.
  void set_image(std::int64_t site_id, domain::SiteImage image, std::string_view bytes, const std::string& media_type);
  // The bytes of an image some site shows (logo or badge), nullopt for any other blob:
  // the public image route serves nothing else.
  std::optional<Blob> public_image(const std::string& sha256);

 private:
  Database& db_;
};

}  // namespace zwgk::store
