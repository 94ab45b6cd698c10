#pragma once
// The one error family of zwgk's use cases (ADR 0020). A service function refuses by
// throwing one of these; the message is Chinese and shown to people as-is, the code is a
// stable ASCII word for the API's JSON envelope. They are mapped to HTTP in one place
// (web/error_mapping.hpp): Invalid 400, Forbidden 403, NotFound 404, Conflict 409.
#include <stdexcept>
#include <string>
#include <vector>

namespace zwgk::domain {

enum class ErrorKind { Invalid, Forbidden, NotFound, Conflict };

class DomainError : public std::runtime_error {
 public:
  DomainError(ErrorKind kind, std::string code, const std::string& message);
  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }  // "invalid", "forbidden", "not_found", "conflict" or finer
  // The problems to list (Invalid: one per broken rule, in form order; others: the message).
  virtual std::vector<std::string> problems() const { return {what()}; }

 private:
  ErrorKind kind_;
  std::string code_;
};

// Input breaks a rule: 400. Every problem is listed.
class Invalid : public DomainError {
 public:
  explicit Invalid(std::vector<std::string> problems, std::string code = "invalid");
  std::vector<std::string> problems() const override { return problems_; }

 private:
  std::vector<std::string> problems_;
};
// The name most of the code knows it by.
using ValidationError = Invalid;

// The actor may not do this (role, scope or a rule such as "审查员不能批准自己的文件"): 403.
class Forbidden : public DomainError {
 public:
  explicit Forbidden(const std::string& message, std::string code = "forbidden")
      : DomainError(ErrorKind::Forbidden, std::move(code), message) {}
};

// What the request names does not exist (or is not visible to the actor): 404.
class NotFound : public DomainError {
 public:
  explicit NotFound(const std::string& message = "要操作的记录不存在。", std::string code = "not_found")
      : DomainError(ErrorKind::NotFound, std::move(code), message) {}
};

// Allowed in principle, but not in the current state (wrong stage, already extended, an
// edit on a stale revision): 409.
class Conflict : public DomainError {
 public:
  explicit Conflict(const std::string& message, std::string code = "conflict")
      : DomainError(ErrorKind::Conflict, std::move(code), message) {}
};

}  // namespace zwgk::domain
