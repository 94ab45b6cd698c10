#include "web/feed_xml.hpp"

#include <cstdio>

#include "domain/china_time.hpp"

namespace zwgk::web::feed {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return n;
}

bool digits_at(std::string_view s, std::size_t from, std::size_t n, int& out) {
  if (from + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

struct CivilTime {
  std::chrono::year_month_day ymd;
  std::chrono::hh_mm_ss<std::chrono::seconds> hms{std::chrono::seconds{0}};
};

CivilTime civil_cst(Instant t) {
  const auto local = domain::china_time(t);
  return {local.date.ymd, local.time};
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t n = utf8_sequence(text, i, cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    if (n == 1) {
      const char c = text[i];
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
          // XML 1.0 allows TAB, LF, CR among the C0 controls; the others cannot be written.
          if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
      }
    } else if (cp == 0xFFFE || cp == 0xFFFF) {
      out += "\xEF\xBF\xBD";  // not XML characters either
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::optional<Instant> parse_timestamp(std::string_view s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  if (!digits_at(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits_at(s, 5, 2, mo) || s[7] != '-' ||
      !digits_at(s, 8, 2, d))
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  std::size_t i = 10;
  std::chrono::seconds offset{0};
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != ' ') return std::nullopt;
    if (!digits_at(s, i + 1, 2, h) || s.size() < i + 9 || s[i + 3] != ':' || !digits_at(s, i + 4, 2, mi) ||
        s[i + 6] != ':' || !digits_at(s, i + 7, 2, se))
      return std::nullopt;
    if (h > 23 || mi > 59 || se > 60) return std::nullopt;
    i += 9;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
    if (i < s.size()) {
      if (s[i] == 'Z' || s[i] == 'z') {
        ++i;
      } else if (s[i] == '+' || s[i] == '-') {
        const int sign = s[i] == '+' ? 1 : -1;
        int oh = 0, om = 0;
        if (!digits_at(s, i + 1, 2, oh)) return std::nullopt;
        i += 3;
        if (i < s.size() && s[i] == ':') ++i;
        if (i < s.size()) {
          if (!digits_at(s, i, 2, om)) return std::nullopt;
          i += 2;
        }
        offset = sign * (std::chrono::hours{oh} + std::chrono::minutes{om});
      }
      if (i != s.size()) return std::nullopt;
    }
  }
  const Instant local = std::chrono::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} +
                        std::chrono::seconds{se};
  return local - offset;
}

Instant start_of_day_cst(const domain::Date& date) { return domain::china_midnight(date); }

std::string rfc822(Instant t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto c = civil_cst(t);
  const std::chrono::weekday wd{std::chrono::sys_days{c.ymd}};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02d:%02d:%02d +0800", kDays[wd.c_encoding()],
                static_cast<unsigned>(c.ymd.day()), kMonths[static_cast<unsigned>(c.ymd.month()) - 1],
                static_cast<int>(c.ymd.year()), static_cast<int>(c.hms.hours().count()),
                static_cast<int>(c.hms.minutes().count()), static_cast<int>(c.hms.seconds().count()));
  return buf;
}

std::string rfc3339(Instant t) {
  const auto c = civil_cst(t);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d+08:00", static_cast<int>(c.ymd.year()),
                static_cast<unsigned>(c.ymd.month()), static_cast<unsigned>(c.ymd.day()),
                static_cast<int>(c.hms.hours().count()), static_cast<int>(c.hms.minutes().count()),
                static_cast<int>(c.hms.seconds().count()));
  return buf;
}

std::optional<Instant> published_instant(const domain::Document& doc) {
  if (doc.published_on) return start_of_day_cst(*doc.published_on);
  if (auto t = parse_timestamp(doc.first_published_at)) return t;
  return parse_timestamp(doc.updated_at);
}

std::optional<Instant> updated_instant(const domain::Document& doc) {
  auto published = published_instant(doc);
  auto updated = parse_timestamp(doc.updated_at);
  if (published && updated) return std::max(*published, *updated);
  return published ? published : updated;
}

}  // namespace zwgk::web::feed
