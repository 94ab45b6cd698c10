#pragma once
// The one mapping of the error family (domain/errors.hpp, ADR 0020) to HTTP. A use case
// refuses by throwing a domain::DomainError (or a class of the family: store::NotFound,
// store::WorkflowRefused, store::RevisionConflict, ingest::IngestError, api::ApiError);
// the three front doors catch it once and answer with what this file makes of it:
//   the console   console_app.cpp wrap(): the console's message page, status_for(kind)
//   the public    site_app.cpp site_page(): site_error_page() in the site's style
//   the JSON API  api::guarded(): api_error_response(), the envelope of docs/api.md
// Handlers do not catch the family themselves.
//   Invalid 400 "bad_request" · Forbidden 403 "forbidden" · NotFound 404 "not_found" ·
//   Conflict 409 "conflict"   (status, and the API envelope's code)
#include <string>
#include <string_view>

#include "domain/errors.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace zwgk::web {

class PageContext;

// store::NotFound (store/database.hpp) is still a StoreError, not a domain::NotFound: making
// it one edits a header that all of src/ includes. Until then each front door catches it
// right after DomainError and maps domain::NotFound(kRecordNotFound).
inline constexpr const char* kRecordNotFound = "要操作的记录不存在。";

int status_for(domain::ErrorKind kind);
// The API envelope's "code" for a kind (documented in docs/api.md).
const char* api_code_for(domain::ErrorKind kind);

// {"error": {"code", "message", "request_id"}} with `status`, Cache-Control: no-store.
http::Response api_error_response(const http::Request& req, int status, std::string_view code,
                                  std::string_view message);
// The family's error as the API envelope: status_for(kind), api_code_for(kind), what().
http::Response api_error_response(const http::Request& req, const domain::DomainError& e);

// The family's error as the public site's error page (error_page.cpp): status_for(kind),
// the Chinese message shown as-is (an Invalid lists its problems joined by "；").
http::Response site_error_page(PageContext& ctx, const domain::DomainError& e);

}  // namespace zwgk::web
