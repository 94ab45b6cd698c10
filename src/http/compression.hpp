#pragma once
// Content codings (RFC 9110 8.4, 12.5.3): when to compress, which coding a client gets.
// gzip_compress itself is declared in page_cache.hpp.
#include <cstddef>
#include <string>
#include <string_view>

namespace zwgk::http {

// Bodies this small gain nothing from gzip (a gzip header and trailer alone are 18 bytes,
// and the saving does not pay for the CPU); nginx's gzip_min_length is of this order.
inline constexpr std::size_t kGzipMinBytes = 256;

// Brotli quality of a cached page's br form: computed once per cache fill, on a worker.
// Quality 11 saves another ~8% on Chinese HTML but costs ~30x the CPU of 5 (bench/README.md,
// "brotli"), too much for a fill on an emergency day when pages are invalidated every minute.
inline constexpr int kBrotliCacheQuality = 5;

// text/*, JSON, XML, JavaScript, SVG: types where gzip usually shrinks the body.
bool is_compressible(std::string_view content_type);

// Does an Accept-Encoding value accept gzip (by name or "*", with q > 0)?
bool accepts_gzip(std::string_view accept_encoding);

enum class ContentCoding { Identity, Gzip, Brotli };

// The coding to send for a representation that has a gzip form (have_gzip) and/or a br form
// (have_br): of the available codings the client accepts (q > 0, by name or by "*"), the one
// with the higher q; br at equal q (it is the smaller). No header, or nothing acceptable:
// identity (always acceptable in practice; RFC 9110 12.5.3 lets a server send it).
ContentCoding choose_coding(const std::string_view* accept_encoding, bool have_gzip, bool have_br);

// "gzip", "br", or "" for identity: the Content-Encoding value and the ETag suffix.
std::string_view coding_name(ContentCoding coding);

// Brotli (RFC 7932) of UTF-8 text at the given quality (0-11). Throws on encoder failure.
std::string brotli_compress(std::string_view data, int quality = kBrotliCacheQuality);
// The inverse; throws std::runtime_error on a corrupt stream. For tests and tools.
std::string brotli_decompress(std::string_view data);

}  // namespace zwgk::http
