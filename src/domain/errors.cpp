#include "domain/errors.hpp"

#include <utility>

namespace zwgk::domain {

namespace {
std::string join_problems(const std::vector<std::string>& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += "；";
    out += p;
  }
  return out;
}
}  // namespace

DomainError::DomainError(ErrorKind kind, std::string code, const std::string& message)
    : std::runtime_error(message), kind_(kind), code_(std::move(code)) {}

Invalid::Invalid(std::vector<std::string> problems, std::string code)
    : DomainError(ErrorKind::Invalid, std::move(code), join_problems(problems)), problems_(std::move(problems)) {}

}  // namespace zwgk::domain
