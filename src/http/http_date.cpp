// HTTP-date (RFC 9110 5.6.7): formatting as IMF-fixdate, parsing the three accepted forms.
#include <cstdio>
#include <cstring>
#include <ctime>

#include "http/response.hpp"

namespace zwgk::http {

namespace {

constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int month_index(const char* name) {
  for (int i = 0; i < 12; ++i) {
    if (std::strncmp(name, kMonths[i], 3) == 0) return i;
  }
  return -1;
}

std::optional<long long> to_unix(int year, int month, int day, int h, int m, int s) {
  if (month < 0 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60 || year < 1970) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month;
  tm.tm_mday = day;
  tm.tm_hour = h;
  tm.tm_min = m;
  tm.tm_sec = s;
  return static_cast<long long>(timegm(&tm));
}

}  // namespace

std::string http_date(long long unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday % 7],
                tm.tm_mday, kMonths[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::optional<long long> parse_http_date(std::string_view text) {
  if (text.size() < 20 || text.size() > 64) return std::nullopt;
  std::string s(text);  // NUL-terminated for sscanf
  char wday[16] = {};
  char mon[4] = {};
  int day = 0, year = 0, h = 0, m = 0, sec = 0, used = 0;
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
  if (std::sscanf(s.c_str(), "%3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d GMT%n", wday, &day, mon,
                  &year, &h, &m, &sec, &used) == 7 &&
      static_cast<std::size_t>(used) == s.size()) {
    return to_unix(year, month_index(mon), day, h, m, sec);
  }
  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
  if (std::sscanf(s.c_str(), "%15[A-Za-z], %2d-%3[A-Za-z]-%2d %2d:%2d:%2d GMT%n", wday, &day, mon,
                  &year, &h, &m, &sec, &used) == 7 &&
      static_cast<std::size_t>(used) == s.size()) {
    year += year < 70 ? 2000 : 1900;
    return to_unix(year, month_index(mon), day, h, m, sec);
  }
  // asctime: "Sun Nov  6 08:49:37 1994"
  if (std::sscanf(s.c_str(), "%3[A-Za-z] %3[A-Za-z] %2d %2d:%2d:%2d %4d%n", wday, mon, &day, &h, &m,
                  &sec, &year, &used) == 7 &&
      static_cast<std::size_t>(used) == s.size()) {
    return to_unix(year, month_index(mon), day, h, m, sec);
  }
  return std::nullopt;
}

}  // namespace zwgk::http
