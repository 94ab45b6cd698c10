#include "web/site_images.hpp"

#include "store/site_profile_repository.hpp"

namespace zwgk::web {

namespace {

bool is_sha256_hex(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

std::string site_image_url(const std::string& sha256) { return "/site-images/" + sha256; }

std::optional<http::Response> site_image_response(store::Database& db, const std::string& sha256) {
  if (!is_sha256_hex(sha256)) return std::nullopt;
  auto blob = store::SiteProfileRepository(db).public_image(sha256);
  if (!blob) return std::nullopt;
  http::Response r;
  r.status = 200;
  r.body = std::move(blob->data);
  r.content_type = blob->media_type;
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Cache-Control", "public, max-age=31536000, immutable");
  r.etag = "\"" + sha256 + "\"";
  return r;
}

}  // namespace zwgk::web
