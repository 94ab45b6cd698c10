// See smtp_sender.hpp. libcurl speaks SMTP (EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO,
// DATA with dot-stuffing); this file sets the options and reads the message to it.
#include "mail/smtp_sender.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace zwgk::mail {

namespace {

void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Reader {
  const std::string* data = nullptr;
  std::size_t pos = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* r = static_cast<Reader*>(user);
  const std::size_t n = std::min(size * count, r->data->size() - r->pos);
  std::memcpy(buffer, r->data->data() + r->pos, n);
  r->pos += n;
  return n;
}

std::string one_line(std::string s) {
  for (auto& c : s)
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string url_of(const SmtpSettings& s) {
  const std::string host = s.host.find(':') != std::string::npos ? "[" + s.host + "]" : s.host;
  return std::string(s.security == SmtpSecurity::Tls ? "smtps://" : "smtp://") + host + ":" + std::to_string(s.port);
}

}  // namespace

bool parse_smtp_security(const std::string& text, SmtpSecurity& out) {
  if (text == "none") out = SmtpSecurity::None;
  else if (text == "starttls") out = SmtpSecurity::StartTls;
  else if (text == "tls") out = SmtpSecurity::Tls;
  else return false;
  return true;
}

const char* smtp_security_name(SmtpSecurity security) {
  switch (security) {
    case SmtpSecurity::None: return "none";
    case SmtpSecurity::StartTls: return "starttls";
    case SmtpSecurity::Tls: return "tls";
  }
  return "?";
}

SmtpResult send_message(const SmtpSettings& settings, const std::string& envelope_from, const std::string& envelope_to,
                        const std::string& message) {
  if (settings.host.empty()) return {false, "no SMTP host configured"};
  if (settings.port <= 0 || settings.port > 65535) return {false, "SMTP port out of range"};
  init_curl();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return {false, "curl_easy_init failed"};
  CURL* h = curl.get();

  const std::string url = url_of(settings);
  const std::string from = "<" + envelope_from + ">";
  const std::string to = "<" + envelope_to + ">";
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(curl_slist_append(nullptr, to.c_str()),
                                                                   &curl_slist_free_all);
  if (!rcpt) return {false, "curl_slist_append failed"};
  Reader reader{&message, 0};
  char errbuf[CURL_ERROR_SIZE] = {0};

  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");  // whatever the host setting holds
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for timeouts
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(h, CURLOPT_READFUNCTION, &read_message);
  curl_easy_setopt(h, CURLOPT_READDATA, &reader);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  const long timeout = std::max(1, settings.timeout_seconds);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, timeout);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, std::min(timeout, 10L));
  // STARTTLS: required, never silently plain (CURLUSESSL_ALL fails if the server does not
  // offer it). Certificates are verified against the system store in both TLS modes.
  curl_easy_setopt(h, CURLOPT_USE_SSL, settings.security == SmtpSecurity::None ? static_cast<long>(CURLUSESSL_NONE)
                                                                              : static_cast<long>(CURLUSESSL_ALL));
  if (!settings.user.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, settings.user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, settings.password.c_str());
  }

  const CURLcode rc = curl_easy_perform(h);
  if (rc == CURLE_OK) return {true, ""};
  long reply = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
  std::string error = errbuf[0] ? errbuf : curl_easy_strerror(rc);
  if (reply > 0) error += " (SMTP " + std::to_string(reply) + ")";
  const bool unavailable = rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_CONNECT ||
                           rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_LOGIN_DENIED || rc == CURLE_USE_SSL_FAILED ||
                           rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_PEER_FAILED_VERIFICATION ||
                           rc == CURLE_GOT_NOTHING || rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR ||
                           (reply >= 420 && reply <= 421);
  return {false, one_line(error), unavailable};
}

}  // namespace zwgk::mail
