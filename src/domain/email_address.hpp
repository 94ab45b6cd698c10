#pragma once
// E-mail addresses as forms take them and the outbox stores them: the one syntax check and
// the one mask for staff lists.
//
// Accepted: "local@domain" as RFC 5321 allows it for plain ASCII mail (a dot-atom local
// part of at most 64 characters, a domain of LDH labels with at least one dot, at most 254
// characters in all). Not accepted, on purpose: quoted local parts, address literals
// ("user@[10.0.0.1]"), display names, comments, and non-ASCII addresses (SMTPUTF8, which
// most government relays do not offer). Surrounding spaces are not trimmed here: the form
// trims, this checks what is left.
#include <string>
#include <string_view>

namespace zwgk::domain {

bool is_valid_email_address(std::string_view address);

// "zhang.san@example.com" -> "z***@example.com"; something that is not an address -> "***".
std::string masked_email_address(std::string_view address);

}  // namespace zwgk::domain
