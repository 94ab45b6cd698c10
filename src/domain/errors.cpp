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

ValidationError::ValidationError(std::vector<std::string> problems)
    : std::runtime_error(join_problems(problems)), problems_(std::move(problems)) {}

}  // namespace zwgk::domain
