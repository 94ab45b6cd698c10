// See mail_message.hpp. GMime builds the MIME structure, encodes the headers (RFC 2047,
// folded at 78 columns) and the body (base64); this file only checks the input and hands
// the pieces over.
#include "mail/mail_message.hpp"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <string_view>

namespace zwgk::mail {

namespace {

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// GObject references released on scope exit.
struct Unref {
  void operator()(gpointer p) const {
    if (p) g_object_unref(p);
  }
};
template <class T>
using GPtr = std::unique_ptr<T, Unref>;

void check_address(std::string_view what, const std::string& address, bool required) {
  if (address.empty()) {
    if (required) throw MailError(std::string(what) + " address is empty");
    return;
  }
  for (char c : address) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"')
      throw MailError(std::string(what) + " address contains a character not allowed in an address");
  }
  if (address.find('@') == std::string::npos) throw MailError(std::string(what) + " address has no @");
}

void check_text(std::string_view what, const std::string& text, bool single_line) {
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr))
    throw MailError(std::string(what) + " is not valid UTF-8");
  if (single_line && text.find_first_of("\r\n") != std::string::npos)
    throw MailError(std::string(what) + " contains a line break");
}

// RFC 2045 6.8: text is encoded in its canonical form, lines ending in CRLF.
std::string crlf_lines(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string domain_of(const std::string& address) { return address.substr(address.rfind('@') + 1); }

}  // namespace

std::string build_message(const MailMessage& m) {
  check_address("From", m.from_address, true);
  check_address("To", m.to_address, true);
  check_address("Reply-To", m.reply_to, false);
  check_text("From name", m.from_name, true);
  check_text("To name", m.to_name, true);
  check_text("Subject", m.subject, true);
  check_text("Body", m.body, false);
  if (m.message_id.find_first_of("<> \r\n") != std::string::npos) throw MailError("Message-ID contains <, >, a space or a line break");
  init_gmime();

  GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
  g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, m.from_name.empty() ? nullptr : m.from_name.c_str(),
                             m.from_address.c_str());
  g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, m.to_name.empty() ? nullptr : m.to_name.c_str(),
                             m.to_address.c_str());
  if (!m.reply_to.empty())
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_REPLY_TO, nullptr, m.reply_to.c_str());
  g_mime_message_set_subject(message.get(), m.subject.c_str(), "utf-8");

  GDateTime* date = g_date_time_new_from_unix_utc(m.date_unix);
  if (!date) throw MailError("Date is out of range");
  g_mime_message_set_date(message.get(), date);
  g_date_time_unref(date);

  if (!m.message_id.empty()) {
    g_mime_message_set_message_id(message.get(), m.message_id.c_str());
  } else {
    char* id = g_mime_utils_generate_message_id(domain_of(m.from_address).c_str());
    g_mime_message_set_message_id(message.get(), id);
    g_free(id);
  }

  GPtr<GMimeTextPart> part(g_mime_text_part_new_with_subtype("plain"));
  const std::string body = crlf_lines(m.body);
  g_mime_text_part_set_charset(part.get(), "utf-8");
  g_mime_text_part_set_text(part.get(), body.c_str());
  g_mime_text_part_set_charset(part.get(), "utf-8");  // set_text picks one from the content; keep UTF-8
  g_mime_part_set_content_encoding(GMIME_PART(part.get()), GMIME_CONTENT_ENCODING_BASE64);
  g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(part.get()));  // the message takes its own reference

  GMimeFormatOptions* options = g_mime_format_options_new();
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  char* text = g_mime_object_to_string(GMIME_OBJECT(message.get()), options);
  g_mime_format_options_free(options);
  if (!text) throw MailError("GMime could not serialise the message");
  std::string out(text);
  g_free(text);
  return out;
}

}  // namespace zwgk::mail
