// gzip compression (zlib) and the content-negotiation rules around it (gzip and br).
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

namespace {

// q of `coding` in an Accept-Encoding value: its own entry, else "*"'s, else -1 (not
// listed). aliases: names that mean the same coding ("x-gzip").
double coding_q(std::string_view accept_encoding, std::string_view coding, std::string_view alias) {
  double named = -1, star = -1;
  ascii::for_each_item(accept_encoding, [&](std::string_view item) {
    auto semi = item.find(';');
    auto name = ascii::trim(item.substr(0, semi));
    double q = 1;
    if (semi != std::string_view::npos) {
      auto params = ascii::trim(item.substr(semi + 1));
      if (params.size() >= 2 && (params[0] == 'q' || params[0] == 'Q') && params[1] == '=') {
        // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); anything else: 1.
        auto v = params.substr(2);
        if (!v.empty() && v.front() == '0') {
          q = 0;
          double scale = 0.1;
          for (std::size_t i = 2; i < v.size() && i < 5 && v[1] == '.'; ++i) {
            if (v[i] < '0' || v[i] > '9') break;
            q += (v[i] - '0') * scale;
            scale /= 10;
          }
        }
      }
    }
    if (ascii::iequals(name, coding) || (!alias.empty() && ascii::iequals(name, alias))) {
      named = q;
    } else if (name == "*") {
      star = q;
    }
  });
  return named >= 0 ? named : star;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  return coding_q(accept_encoding, "gzip", "x-gzip") > 0;
}

ContentCoding choose_coding(const std::string_view* accept_encoding, bool have_gzip, bool have_br) {
  if (!accept_encoding || (!have_gzip && !have_br)) return ContentCoding::Identity;
  const double gz = have_gzip ? coding_q(*accept_encoding, "gzip", "x-gzip") : -1;
  const double br = have_br ? coding_q(*accept_encoding, "br", "") : -1;
  if (br > 0 && br >= gz) return ContentCoding::Brotli;
  if (gz > 0) return ContentCoding::Gzip;
  return ContentCoding::Identity;
}

std::string_view coding_name(ContentCoding coding) {
  switch (coding) {
    case ContentCoding::Gzip: return "gzip";
    case ContentCoding::Brotli: return "br";
    case ContentCoding::Identity: break;
  }
  return "";
}

}  // namespace zwgk::http
