#pragma once
// Which console requests may carry a file (a body larger than the server's small limit),
// decided on the request head before any of the body is read — so an anonymous client
// cannot make the server buffer 64 MiB (http::ServerOptions::admit_large_body).
//
// Admitted only when all hold:
//   1. POST to one of the upload routes (kUploadRoutes in the .cpp: document attachments,
//      .docx import, disclosed files of an application);
//   2. a live session (cookie zwgk_session), as the console wrapper checks it;
//   3. the session's CSRF token, sent in the head: header X-CSRF-Token or ?csrf_token= in
//      the form's action URL (the upload forms put it there; the access log drops queries).
// Otherwise 413 (not an upload route) or 403 with the reason. The console wrapper checks
// the session and the token again once the body has arrived.
#include "http/request.hpp"
#include "http/server.hpp"

namespace zwgk::web::console {

class ConsoleApp;

http::LargeBodyVerdict admit_console_upload(const http::Request& head, const ConsoleApp& app);

// The route patterns of (1), for the test that keeps them in step with the forms.
bool is_console_upload_route(std::string_view path);

}  // namespace zwgk::web::console
