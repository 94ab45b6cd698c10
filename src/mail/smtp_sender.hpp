#pragma once
// Sends one built message (mail_message.hpp) over SMTP with libcurl: no protocol code of
// our own (docs/adr/0022-outbox-and-smtp.md). libcurl stays inside smtp_sender.cpp.
//
//   mail::SmtpSettings s{.host = "smtp.example.gov.cn", .port = 587, .security = mail::SmtpSecurity::StartTls,
//                        .user = "notices", .password = "..."};
//   auto r = mail::send_message(s, "notices@example.gov.cn", "writer@example.com", bytes);
//   if (!r.ok) log(r.error);  // one line, never the recipient or the message
//
// Safe to call from several threads at once (one curl easy handle per call).
#include <string>

namespace zwgk::mail {

enum class SmtpSecurity {
  None,      // plain SMTP (a relay on loopback or the local network)
  StartTls,  // SMTP, then STARTTLS before anything else; refuses to go on without it (port 587)
  Tls,       // TLS from the first byte, "smtps" (port 465)
};

// "none" | "starttls" | "tls"; false if none of these.
bool parse_smtp_security(const std::string& text, SmtpSecurity& out);
const char* smtp_security_name(SmtpSecurity security);

struct SmtpSettings {
  std::string host;
  int port = 25;
  SmtpSecurity security = SmtpSecurity::StartTls;
  std::string user;      // empty: no AUTH
  std::string password;
  int timeout_seconds = 30;  // the whole exchange; connecting gets at most 10 s of it
};

struct SmtpResult {
  bool ok = false;
  std::string error;  // one line when !ok: libcurl's reason and the server's last reply
  // The server could not be reached or would not talk to us (no connection, timeout, TLS,
  // login refused): not this message's fault, the next one would fail the same way.
  bool server_unavailable = false;
};

// Sends `message` (CRLF lines, as build_message() returns it) from `envelope_from` to
// `envelope_to`. Never throws for a network or server failure: that is an !ok result.
SmtpResult send_message(const SmtpSettings& settings, const std::string& envelope_from, const std::string& envelope_to,
                        const std::string& message);

}  // namespace zwgk::mail
