#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace zwgk::domain {

// A rule of the domain was broken; messages are Chinese and shown to the user as-is.
class ValidationError : public std::runtime_error {
 public:
  explicit ValidationError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }
 private:
  std::vector<std::string> problems_;
};

}  // namespace zwgk::domain
