#pragma once
// 索引号 (domain/README §7). No national format: a per-site template with placeholders
//   {org}       the department's 统一社会信用代码 or organisation code (required)
//   {year}      4-digit year of 发文日期
//   {month}     2-digit month
//   {serial:N}  serial number padded to N digits, unique per (site, org, year)
// Default "{org}/{year}-{serial:5}" -> "114305000069675548/2017-00012".
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
  // Throws ValidationError if org_code is not a valid code (is_valid_org_code), the
  // pattern is invalid or serial < 1: an index number is never made without an org code.
  std::string format(const std::string& org_code, Date published_on, std::int64_t serial) const;
  // The key a serial counter is kept under: "{org}|{year}" (or with month when the template uses {month}).
  std::string serial_scope(const std::string& org_code, Date published_on) const;
};

// 组织机构代码 (GB 11714: 8 digits/capital letters + check character 0-9 or X) or
// 统一社会信用代码 (GB 32100-2015: 18 characters from 0-9 A-H J-N P-R T-U W-Y, the last a
// check character). Both check characters are verified.
bool is_valid_org_code(const std::string& code);

}  // namespace zwgk::domain
