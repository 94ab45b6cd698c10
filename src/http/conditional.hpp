#pragma once
// Validators and conditional requests (RFC 9110 8.8, 13): ETag, Last-Modified,
// If-None-Match, If-Modified-Since, If-Range.
#include <string>
#include <string_view>

namespace zwgk::http {

// A strong, quoted ETag from the body's bytes: "\"<length>-<crc32><adler32>\"". Same bytes,
// same tag, on every node and across restarts.
std::string etag_for(std::string_view body);

// The ETag of the gzip form of a representation whose identity ETag is `etag`:
// "\"abc\"" -> "\"abc-gzip\"". Representations with different encodings need different
// strong tags; comparisons accept either form.
std::string gzip_etag(std::string_view etag);
// The same for any coding name ("gzip", "br"); "" gives the tag unchanged.
std::string coded_etag(std::string_view etag, std::string_view coding);

// Does If-None-Match match `etag`? Weak comparison, "*" matches anything; a "-gzip" or "-br"
// tag matches its identity tag and the other way round.
bool none_match_hits(std::string_view if_none_match, std::string_view etag);

// Should a GET/HEAD be answered 304? If-None-Match, when present, decides alone;
// otherwise If-Modified-Since against Last-Modified.
bool not_modified(const std::string_view* if_none_match, const std::string_view* if_modified_since,
                  std::string_view etag, std::string_view last_modified);

// Does If-Range allow the range? Strong ETag comparison, or the exact Last-Modified date.
bool if_range_holds(std::string_view if_range, std::string_view etag,
                    std::string_view last_modified);

}  // namespace zwgk::http
