#pragma once
// When to gzip. gzip_compress itself is declared in page_cache.hpp.
#include <cstddef>
#include <string_view>

namespace zwgk::http {

// Bodies this small gain nothing from gzip (a gzip header and trailer alone are 18 bytes,
// and the saving does not pay for the CPU); nginx's gzip_min_length is of this order.
inline constexpr std::size_t kGzipMinBytes = 256;

// text/*, JSON, XML, JavaScript, SVG: types where gzip usually shrinks the body.
bool is_compressible(std::string_view content_type);

// Does an Accept-Encoding value accept gzip (by name or "*", with q > 0)?
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace zwgk::http
