#include "web/attachment_download.hpp"

#include <algorithm>
#include <cctype>

#include "domain/cache_tags.hpp"
#include "store/attachment_access.hpp"
#include "store/blob_store.hpp"
#include "web/site_resolver.hpp"
#include "web/formatting.hpp"

namespace zwgk::web {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Types a browser may show in the page's origin without risk: documents and images that
// cannot run script. Everything else is downloaded, and active types (HTML, SVG, XML,
// script) are also sent as opaque bytes so no browser renders them as ours.
bool shown_inline(const std::string& type) {
  return type == "application/pdf" || type == "image/png" || type == "image/jpeg" || type == "image/gif" ||
         type == "image/webp" || type == "text/plain";
}
bool active(const std::string& type) {
  return type.find("html") != std::string::npos || type.find("svg") != std::string::npos ||
         type.find("xml") != std::string::npos || type.find("javascript") != std::string::npos ||
         type.find("ecmascript") != std::string::npos;
}

}  // namespace

bool is_sha256_hex(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string content_disposition(const std::string& disposition, const std::string& file_name) {
  std::string ascii;
  for (unsigned char c : file_name) {
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%') ? static_cast<char>(c) : '_';
  }
  return disposition + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + url_encode_component(file_name);
}

bool is_plain_file_name(const std::string& name) {
  if (name.empty() || name.size() > 255 || name == "." || name == "..") return false;
  return std::none_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f || c == '/' || c == '\\'; });
}

http::Response attachment_response(store::Blob blob, const std::string& file_name) {
  std::string type = lower(blob.media_type.empty() ? std::string("application/octet-stream") : blob.media_type);
  const auto semicolon = type.find(';');
  const std::string base_type = type.substr(0, semicolon);
  const bool inline_ok = shown_inline(base_type);
  if (active(base_type)) type = "application/octet-stream";
  if (base_type == "text/plain") type = "text/plain; charset=utf-8";

  http::Response r;
  r.status = 200;
  r.content_type = type;
  r.body = std::move(blob.data);
  r.allow_range = true;
  r.etag = "\"" + blob.sha256 + "\"";
  r.set_header("Content-Disposition", content_disposition(inline_ok ? "inline" : "attachment", file_name));
  r.set_header("X-Content-Type-Options", "nosniff");
  return r;
}

std::optional<http::Response> attachment_download(store::Database& db, const http::Request& req,
                                                  const std::vector<domain::Site>& sites) {
  const std::string hash = req.param("sha256");
  const std::string name = req.param("name");
  if (!is_sha256_hex(hash) || !is_plain_file_name(name)) return std::nullopt;
  const auto documents = store::AttachmentAccess(db).publishing_documents(hash, sites_served_on_host(sites, req.host()));
  if (documents.empty()) return std::nullopt;
  auto blob = store::BlobStore(db).get(hash);
  if (!blob) return std::nullopt;
  http::Response r = attachment_response(std::move(*blob), name);
  for (auto id : documents) r.cache_tags.push_back(domain::tag_document(id));
  // Revalidated every time (a 304 from the page cache): the bytes behind this URL never
  // change, but whether they may be shown does.
  r.set_header("Cache-Control", "public, no-cache");
  return r;
}

}  // namespace zwgk::web
