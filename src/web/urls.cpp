#include "web/urls.hpp"

#include <cstdio>

namespace zwgk::web {

std::string site_home_url(const domain::Site& s) { return s.path_prefix + "/"; }
std::string portal_url(const domain::Site& s) { return s.path_prefix + "/xxgk/"; }
std::string catalogue_url(const domain::Site& s, const std::string& code) {
  return s.path_prefix + "/xxgk/" + code + "/";
}
std::string document_url(const domain::Site& s, std::int64_t id) {
  return s.path_prefix + "/content/" + std::to_string(id) + ".html";
}
std::string department_url(const domain::Site& s, std::int64_t id) {
  return s.path_prefix + "/department/" + std::to_string(id) + "/";
}
std::string search_url(const domain::Site& s) { return s.path_prefix + "/search/"; }
std::string opensearch_url(const domain::Site& s) { return s.path_prefix + "/opensearch.xml"; }
std::string sitemap_page_url(const domain::Site& s) { return s.path_prefix + "/sitemap/"; }
std::string contact_url(const domain::Site& s) { return s.path_prefix + "/contact/"; }
std::string statement_url(const domain::Site& s) { return s.path_prefix + "/statement/"; }
std::string privacy_url(const domain::Site& s) { return s.path_prefix + "/privacy/"; }
std::string feed_url(const domain::Site& s, const std::string& code, bool atom) {
  return s.path_prefix + "/feed/" + code + (atom ? ".atom" : ".xml");
}
std::string attachment_url(const std::string& sha256, const std::string& file_name) {
  std::string out = "/attachments/" + sha256 + "/";
  for (unsigned char c : file_name) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace zwgk::web
