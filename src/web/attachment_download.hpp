#pragma once
// /attachments/{sha256}/{name}: an attachment's bytes from the content-addressed blob
// store. The hash must be 64 lower-case hex digits and known, the name a plain file name;
// anything else is 404. Range requests are honoured (large PDFs on phones resume).
#include <optional>
#include <string>

#include "http/request.hpp"
#include "http/response.hpp"

namespace zwgk::store { class Database; }

namespace zwgk::web {

// nullopt = 404 (the caller renders the site's 404 page).
std::optional<http::Response> attachment_download(store::Database& db, const http::Request& req);

// Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987).
std::string content_disposition(const std::string& disposition, const std::string& file_name);

bool is_sha256_hex(const std::string& s);

}  // namespace zwgk::web
