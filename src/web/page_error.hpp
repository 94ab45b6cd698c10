#pragma once
// A public page that cannot be shown. Thrown by page handlers and query validation,
// caught once by the site dispatcher and rendered as the site's own 400/404 page.
// The message is Chinese and shown to the reader as-is (escaped).
#include <stdexcept>
#include <string>

namespace zwgk::web {

class PageError : public std::runtime_error {
 public:
  PageError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

inline PageError bad_request(const std::string& message) { return PageError(400, message); }
inline PageError not_found(const std::string& message = "您访问的页面不存在或已被删除。") {
  return PageError(404, message);
}

}  // namespace zwgk::web
