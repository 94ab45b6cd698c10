// Static files under a root directory. The path arrives percent-decoded (request parsing
// decodes once, with Boost.URL), so "%2e%2e" is already ".." here and is refused like it.
//
// Refused with 404, before touching the file system: empty path, absolute path, NUL,
// backslash, empty / "." / ".." segments, hidden names (".git", ".env"). Then, after
// resolving symlinks, anything that is not a regular file inside the canonical root.
#include "http/static_files.hpp"

#include <fstream>
#include <sys/stat.h>
#include <system_error>
#include <unordered_map>

#include "http/ascii.hpp"

namespace zwgk::http {

namespace {

Response not_found() {
  return Response::html(
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>文件不存在"
      "</title></head><body><h1>文件不存在</h1></body></html>",
      404);
}

bool safe_relative(std::string_view rel) {
  if (rel.empty() || rel.front() == '/') return false;
  if (rel.find('\0') != std::string_view::npos || rel.find('\\') != std::string_view::npos) {
    return false;
  }
  while (true) {
    auto slash = rel.find('/');
    auto seg = rel.substr(0, slash);
    if (seg.empty() || seg.front() == '.') return false;  // "", ".", "..", hidden
    if (slash == std::string_view::npos) return true;
    rel.remove_prefix(slash + 1);
  }
}

// Is `p` inside `root` (both canonical), component by component?
bool inside(const std::filesystem::path& root, const std::filesystem::path& p) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return q != p.end();  // strictly below root
}

}  // namespace

std::string media_type_for(const std::string& file_name) {
  static const std::unordered_map<std::string, std::string> types = {
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"json", "application/json; charset=utf-8"},
      {"map", "application/json; charset=utf-8"},
      {"xml", "application/xml; charset=utf-8"},
      {"rss", "application/rss+xml; charset=utf-8"},
      {"atom", "application/atom+xml; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"md", "text/markdown; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"avif", "image/avif"},
      {"bmp", "image/bmp"},
      {"ico", "image/x-icon"},
      {"pdf", "application/pdf"},
      {"ofd", "application/ofd"},  // GB/T 33190, China's fixed-layout document format
      {"doc", "application/msword"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xls", "application/vnd.ms-excel"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"ppt", "application/vnd.ms-powerpoint"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"wps", "application/vnd.ms-works"},
      {"et", "application/vnd.ms-excel"},  // WPS spreadsheet
      {"odt", "application/vnd.oasis.opendocument.text"},
      {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {"rtf", "application/rtf"},
      {"zip", "application/zip"},
      {"rar", "application/vnd.rar"},
      {"7z", "application/x-7z-compressed"},
      {"gz", "application/gzip"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"ttf", "font/ttf"},
      {"otf", "font/otf"},
      {"mp3", "audio/mpeg"},
      {"mp4", "video/mp4"},
      {"webm", "video/webm"},
      {"wasm", "application/wasm"},
  };
  auto dot = file_name.rfind('.');
  auto slash = file_name.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return "application/octet-stream";
  }
  auto it = types.find(ascii::to_lower(std::string_view(file_name).substr(dot + 1)));
  return it == types.end() ? "application/octet-stream" : it->second;
}

Response serve_static(const std::filesystem::path& root, const std::string& relative_path) {
  if (!safe_relative(relative_path)) return not_found();
  std::error_code ec;
  auto canonical_root = std::filesystem::canonical(root, ec);
  if (ec) return not_found();
  auto full = std::filesystem::weakly_canonical(canonical_root / relative_path, ec);
  if (ec || !inside(canonical_root, full)) return not_found();

  struct stat st {};
  if (::stat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return not_found();
  std::ifstream in(full, std::ios::binary);
  if (!in) return not_found();
  std::string body(static_cast<std::size_t>(st.st_size), '\0');
  if (!in.read(body.data(), static_cast<std::streamsize>(body.size()))) return not_found();

  Response r;
  r.status = 200;
  r.content_type = media_type_for(full.filename().string());
  r.body = std::move(body);
  r.last_modified = http_date(static_cast<long long>(st.st_mtime));
  r.cache_tags = {"static"};
  r.allow_range = true;  // downloads can resume; a ranged reply is never gzipped
  r.set_header("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace zwgk::http
