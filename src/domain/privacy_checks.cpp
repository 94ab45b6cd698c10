// Check digits and plausibility rules behind the privacy guard (see privacy_scan.hpp).
#include <algorithm>
#include <array>
#include <chrono>

#include "domain/privacy_scan.hpp"

namespace zwgk::domain {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// First two digits of GB/T 2260 region codes (provinces), plus 71 台湾, 81 香港, 82 澳门 and 83
// (residence permits of Taiwan residents).
bool is_province(int p) {
  static constexpr std::array<int, 35> kCodes = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                                 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                                 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
  return std::find(kCodes.begin(), kCodes.end(), p) != kCodes.end();
}

bool is_real_birth_date(int y, int m, int d, Date today) {
  using namespace std::chrono;
  if (y < 1900) return false;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return false;
  return sys_days{ymd} <= today.days();
}

}  // namespace

char resident_id_check_char(std::string_view first17) {
  if (first17.size() != 17 || !all_digits(first17)) return '\0';
  // Weights are 2^(17-i) mod 11 for i = 0..16 (ISO 7064 MOD 11-2).
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return "10X98765432"[sum % 11];
}

bool is_valid_resident_id(std::string_view id, Date today) {
  if (id.size() == 18) {
    const char last = id[17] == 'x' ? 'X' : id[17];
    if (resident_id_check_char(id.substr(0, 17)) != last) return false;
    return is_province(num(id.substr(0, 2))) &&
           is_real_birth_date(num(id.substr(6, 4)), num(id.substr(10, 2)), num(id.substr(12, 2)), today);
  }
  if (id.size() == 15 && all_digits(id)) {
    return is_province(num(id.substr(0, 2))) &&
           is_real_birth_date(1900 + num(id.substr(6, 2)), num(id.substr(8, 2)), num(id.substr(10, 2)), today);
  }
  return false;
}

bool luhn_valid(std::string_view digits) {
  if (!all_digits(digits)) return false;
  int sum = 0;
  bool twice = false;  // from the right: the check digit itself is not doubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

}  // namespace zwgk::domain
