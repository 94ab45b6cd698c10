// The rules of hot_query_rules.hpp.
#include "domain/hot_query_rules.hpp"

#include <algorithm>

#include "domain/privacy_scan.hpp"

namespace zwgk::domain {

namespace {

// Longest run of digits (ASCII or full-width), single spaces or hyphens inside a run kept.
int longest_digit_run(std::string_view s) {
  int best = 0, run = 0;
  bool gap = false;  // one separator seen after the last digit
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    // U+FF10..U+FF19 (full-width digits) are EF BC 90..99.
    const bool fullwidth = c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
                           static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99;
    if ((c >= '0' && c <= '9') || fullwidth) {
      ++run;
      gap = false;
      best = std::max(best, run);
      i += fullwidth ? 3 : 1;
      continue;
    }
    if ((c == ' ' || c == '-') && run > 0 && !gap) {
      gap = true;
      ++i;
      continue;
    }
    run = 0;
    gap = false;
    ++i;
  }
  return best;
}

}  // namespace

std::optional<std::string> hot_query_personal_data(std::string_view text, Date today) {
  PrivacyScanOptions options;
  options.today = today;
  for (const auto& f : scan_privacy(text, options))
    if (f.kind != PrivacyKind::SensitiveWord) return "含有个人信息（" + to_label(f.kind) + "）";
  if (longest_digit_run(text) > kHotQueryLongestDigitRun) return std::string("含有过长的数字（可能是证件号码或电话号码）");
  return std::nullopt;
}

std::optional<std::string> hot_query_problem(std::string_view text, const std::vector<std::string>& sensitive_words,
                                             Date today) {
  if (auto p = hot_query_personal_data(text, today)) return p;
  PrivacyScanOptions options;
  options.today = today;
  options.sensitive_words = sensitive_words;
  for (const auto& f : scan_privacy(text, options))
    if (f.kind == PrivacyKind::SensitiveWord) return "含有敏感词";
  return std::nullopt;
}

}  // namespace zwgk::domain
