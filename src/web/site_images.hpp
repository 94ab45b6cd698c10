#pragma once
// A site's uploaded logo and footer badges (domain/site_profile.hpp), served publicly at
//   /site-images/{sha256}
// by content hash: the bytes behind a URL never change, so browsers keep them a year
// (Cache-Control: immutable). Only blobs a site_profiles row shows are served; any other
// hash (a private attachment, an applicant's file) is a 404.
#include <optional>
#include <string>

#include "http/response.hpp"

namespace zwgk::store { class Database; }

namespace zwgk::web {

std::string site_image_url(const std::string& sha256);
std::optional<http::Response> site_image_response(store::Database& db, const std::string& sha256);

}  // namespace zwgk::web
