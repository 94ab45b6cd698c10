#pragma once
// 索引号 (domain/README §7). No national format: a per-site template with placeholders
//   {org}       the department's 统一社会信用代码 or organisation code (required)
//   {year}      4-digit year of 发文日期
//   {month}     2-digit month
//   {serial:N}  serial number padded to N digits, unique per (site, org, year)
// Default "{org}/{year}-{serial:5}" -> "11430500006967558Q/2017-00012".
// Invariant: an index number is generated at first publication and never changes.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.hpp"

namespace zwgk::domain {

struct IndexNumberTemplate {
  std::string pattern;
  // Returns an error message in Chinese if the pattern lacks {org} or {serial...},
  // or has an unknown placeholder.
  static std::optional<std::string> validate(const std::string& pattern);
  std::string format(const std::string& org_code, Date published_on, std::int64_t serial) const;
  // The key a serial counter is kept under: "{org}|{year}" (or with month when the template uses {month}).
  std::string serial_scope(const std::string& org_code, Date published_on) const;
};

}  // namespace zwgk::domain
