// See sheet_rows.hpp.
#include "domain/sheet_rows.hpp"

#include <chrono>

namespace zwgk::domain {

namespace {


bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::string trim_cell(const std::string& s) {
  // ASCII white space and the full-width space U+3000 (what offices type).
  std::size_t b = 0, e = s.size();
  auto space_at = [&](std::size_t i) -> std::size_t {
    if (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) return 1;
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) return 3;
    return 0;
  };
  while (b < e) {
    auto n = space_at(b);
    if (!n) break;
    b += n;
  }
  while (e > b) {
    if (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n') { --e; continue; }
    if (e >= b + 3 && s.compare(e - 3, 3, "\xE3\x80\x80") == 0) { e -= 3; continue; }
    break;
  }
  return s.substr(b, e - b);
}

std::optional<Date> parse_sheet_date(const std::string& raw) {
  const std::string s = trim_cell(raw);
  if (s.empty()) return std::nullopt;
  // An Excel serial day (the cell kept as a date number): day 1 = 1900-01-01, with Excel's
  // phantom 1900-02-29, so day 25569 = 1970-01-01.
  std::string serial = s;
  if (auto dot = serial.find('.'); dot != std::string::npos && all_digits(serial.substr(dot + 1))) serial.resize(dot);
  if (all_digits(serial) && serial.size() <= 6) {
    const long n = std::stol(serial);
    if (n < 367 || n > 2958465) return std::nullopt;
    return Date::from_sys_days(std::chrono::sys_days{} + std::chrono::days(n - 25569));
  }
  // Y?M?D with any of - / . 年月日 between.
  std::vector<int> parts;
  std::string cur;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] >= '0' && s[i] <= '9') { cur += s[i]; continue; }
    if (!cur.empty()) {
      if (cur.size() > 4) return std::nullopt;
      parts.push_back(std::stoi(cur));
      cur.clear();
    }
    if (i == s.size()) break;
    if (s[i] == '-' || s[i] == '/' || s[i] == '.') continue;
    if (s.compare(i, 3, "年") == 0 || s.compare(i, 3, "月") == 0 || s.compare(i, 3, "日") == 0) { i += 2; continue; }
    return std::nullopt;
  }
  if (parts.size() != 3 || parts[0] < 1900) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(parts[0]), std::chrono::month(static_cast<unsigned>(parts[1])),
                                  std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

}  // namespace zwgk::domain
