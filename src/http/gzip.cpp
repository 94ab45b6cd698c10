// gzip compression (zlib) and the content-negotiation rules around it.
#include <stdexcept>
#include <string>
#include <zlib.h>

#include "http/ascii.hpp"
#include "http/compression.hpp"
#include "http/page_cache.hpp"

namespace zwgk::http {

std::string gzip_compress(std::string_view data, int level) {
  z_stream zs{};
  // windowBits 15 + 16: a gzip (RFC 1952) wrapper instead of zlib's.
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out;
  out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);  // deflateBound guarantees one call is enough
  std::size_t produced = out.size() - zs.avail_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
  out.resize(produced);
  return out;
}

bool is_compressible(std::string_view content_type) {
  auto semi = content_type.find(';');
  std::string type = ascii::to_lower(ascii::trim(content_type.substr(0, semi)));
  std::string_view t = type;
  // XML as a subtype or a suffix (application/xml, image/svg+xml, application/rss+xml) — not the
  // zip packages whose name merely contains it (application/vnd.openxmlformats-…: .docx, .xlsx).
  const bool xml = t.ends_with("/xml") || t.ends_with("+xml");
  return t.starts_with("text/") || t.find("json") != std::string_view::npos || xml ||
         t.find("javascript") != std::string_view::npos;
}

bool accepts_gzip(std::string_view accept_encoding) {
  bool gzip = false, star = false, gzip_named = false;
  ascii::for_each_item(accept_encoding, [&](std::string_view item) {
    auto semi = item.find(';');
    auto coding = ascii::trim(item.substr(0, semi));
    bool q_zero = false;
    if (semi != std::string_view::npos) {
      auto params = ascii::trim(item.substr(semi + 1));
      if (params.size() >= 2 && (params[0] == 'q' || params[0] == 'Q') && params[1] == '=') {
        auto q = params.substr(2);
        // q=0, q=0.0, q=0.00, q=0.000 mean "not acceptable".
        q_zero = !q.empty() && q.find_first_not_of("0.") == std::string_view::npos;
      }
    }
    if (ascii::iequals(coding, "gzip") || ascii::iequals(coding, "x-gzip")) {
      gzip_named = true;
      gzip = !q_zero;
    } else if (coding == "*") {
      star = !q_zero;
    }
  });
  return gzip_named ? gzip : star;
}

}  // namespace zwgk::http
