#pragma once
// One e-mail as the bytes an SMTP server receives (RFC 5322 + MIME, RFC 2045-2047), built
// with GMime 3 (docs/adr/0022-outbox-and-smtp.md). GMime and GLib stay inside
// mail_message.cpp; this header is cheap to include.
//
// What comes out, always:
//   From: =?UTF-8?b?...?= <office@example.gov.cn>   display names and Subject as RFC 2047
//   To: <writer@example.com>                          encoded-words when not plain ASCII
//   Reply-To: ...                                     only when given
//   Subject: =?UTF-8?b?...?=
//   Date: Wed, 02 Dec 2026 04:53:48 +0000             from `date_unix`, UTC
//   Message-ID: <id>                                  `message_id`, or a random one
//   MIME-Version: 1.0
//   Content-Type: text/plain; charset=utf-8
//   Content-Transfer-Encoding: base64                 7-bit clean on any relay
// with CRLF line ends (RFC 5322 2.1), ready for SMTP DATA.
//
// This layer knows e-mail and nothing of government (no case numbers, no sites).
#include <cstdint>
#include <stdexcept>
#include <string>

namespace zwgk::mail {

struct MailMessage {
  std::string from_address;  // "office@example.gov.cn"
  std::string from_name;     // UTF-8 display name, may be empty
  std::string to_address;
  std::string to_name;       // may be empty
  std::string reply_to;      // address, may be empty
  std::string subject;       // UTF-8
  std::string body;          // UTF-8 plain text; "\n" line ends (CRLF also accepted)
  std::int64_t date_unix = 0;  // the Date header, seconds since the epoch
  // Without angle brackets: "outbox.42.9f3c@example.gov.cn". Empty: a random one at the
  // From address's domain.
  std::string message_id;
};

// A field that cannot go into a message (not UTF-8, an address with a line break ...).
class MailError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The message bytes. Throws MailError if an address is empty or contains CR/LF, or if the
// subject, a name or the body is not valid UTF-8.
std::string build_message(const MailMessage& message);

}  // namespace zwgk::mail
