#pragma once
// /attachments/{sha256}/{name}: an attachment's bytes from the content-addressed blob
// store, publicly, only while they are an attachment of a published document (its current
// version or a published past version) of a site served on the request's host
// (store/attachment_access.hpp holds the rule; ADR 0011). A draft's file, a file only in
// an unpublished revision, a file disclosed to one applicant and bytes no document lists are
// 404 here. The hash must be 64 lower-case hex digits, the name a plain file name.
// Range requests are honoured (large PDFs on phones resume).
//
// Caching: the response carries the cache tags document:<id> of every document that
// publishes the file, so withdrawing one drops the cached bytes (a file another published
// document still lists is served again on the next request). Browsers and proxies must
// revalidate ("public, no-cache" + the ETag): a withdrawn file must not live on in them.
//
// The console serves a document's files to its users through attachment_response() with
// its own permission check (web/console/document_edit_pages.cpp).
#include <optional>
#include <string>
#include <vector>

#include "domain/site.hpp"
#include "store/blob_store.hpp"

#include "http/request.hpp"
#include "http/response.hpp"

namespace zwgk::web {

// nullopt = 404 (the caller renders the site's 404 page). `sites`: every site.
std::optional<http::Response> attachment_download(store::Database& db, const http::Request& req,
                                                  const std::vector<domain::Site>& sites);

// The response for a blob's bytes under `file_name` (type, disposition, nosniff, Range);
// no caching headers: the caller says who may cache it.
http::Response attachment_response(store::Blob blob, const std::string& file_name);

// A plain file name: not empty, no '/', '\' or control characters, not "." or "..".
bool is_plain_file_name(const std::string& name);

// Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987).
std::string content_disposition(const std::string& disposition, const std::string& file_name);

bool is_sha256_hex(const std::string& s);

}  // namespace zwgk::web
