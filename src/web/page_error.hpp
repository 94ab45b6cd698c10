#pragma once
// A public page that cannot be shown. Bad input and missing pages are the error family's
// (domain/errors.hpp): bad_request() is a domain::Invalid (400), not_found() a
// domain::NotFound (404); the site dispatcher catches any DomainError once and renders it
// through web/error_mapping.hpp as the site's own error page. PageError is left for a
// status outside the family (405: the route takes no POST). Messages are Chinese and shown
// to the reader as-is (escaped).
#include <stdexcept>
#include <string>

#include "domain/errors.hpp"

namespace zwgk::web {

class PageError : public std::runtime_error {
 public:
  PageError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

inline domain::Invalid bad_request(const std::string& message) { return domain::Invalid({message}); }
inline domain::NotFound not_found(const std::string& message = "您访问的页面不存在或已被删除。") {
  return domain::NotFound(message);
}

}  // namespace zwgk::web
