// See disclosure_time_limit.hpp.
#include "modules/bzml/domain/disclosure_time_limit.hpp"

#include <chrono>

#include "domain/chinese_numerals.hpp"
#include "domain/sheet_rows.hpp"
#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

struct Text {
  std::u32string u;
  std::string utf8(std::size_t from, std::size_t to) const {
    std::string s;
    for (std::size_t i = from; i < to && i < u.size(); ++i) append_utf8(s, u[i]);
    return s;
  }
  bool at(std::size_t i, std::u32string_view w) const { return u.compare(i, w.size(), w) == 0; }
  std::size_t find(std::u32string_view w, std::size_t from = 0) const { return u.find(w, from); }
};

Text decode(std::string_view s) {
  Text t;
  for (std::size_t at = 0; at < s.size();) {
    const auto c = decode_utf8(s, at);
    char32_t cp = c.code_point;
    if (cp >= U'０' && cp <= U'９') cp = U'0' + (cp - U'０');  // full-width digits
    t.u.push_back(cp);
    at += c.length ? c.length : 1;
  }
  return t;
}

bool ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool numeral_char(char32_t c) { return ascii_digit(c) || chinese_digit(c) >= 0 || chinese_unit(c) > 0; }

// The number ending just before `end` (digits or a Chinese numeral), and where it begins.
std::optional<std::pair<int, std::size_t>> number_before(const Text& t, std::size_t end) {
  std::size_t b = end;
  while (b > 0 && numeral_char(t.u[b - 1])) --b;
  if (b == end) return std::nullopt;
  const std::string s = t.utf8(b, end);
  bool digits = true;
  for (std::size_t i = b; i < end; ++i) digits = digits && ascii_digit(t.u[i]);
  if (digits) {
    if (end - b > 4) return std::nullopt;
    return std::make_pair(std::stoi(s), b);
  }
  auto v = chinese_numeral_value(s);
  if (!v) return std::nullopt;
  return std::make_pair(*v, b);
}

// The number starting at `i` (digits or a Chinese numeral) and where it ends.
std::optional<std::pair<int, std::size_t>> number_at(const Text& t, std::size_t i) {
  std::size_t e = i;
  while (e < t.u.size() && numeral_char(t.u[e])) ++e;
  if (e == i) return std::nullopt;
  auto n = number_before(t, e);
  if (!n || n->second != i) return std::nullopt;
  return std::make_pair(n->first, e);
}

bool within_days(const Text& t, DisclosureTimeLimit& out) {
  for (auto [unit, working] : {std::pair{std::u32string_view(U"个工作日"), true}, std::pair{std::u32string_view(U"工作日"), true},
                               std::pair{std::u32string_view(U"日"), false}, std::pair{std::u32string_view(U"天"), false}}) {
    for (std::size_t at = t.find(unit); at != std::u32string::npos; at = t.find(unit, at + 1)) {
      auto n = number_before(t, at);
      if (!n || n->first <= 0) continue;
      // 日 after a month (3月31日) is a date, not a count of days.
      if (!working && n->second > 0 && t.u[n->second - 1] == U'月') continue;
      out.kind = TimeLimitKind::WithinDays;
      out.count = n->first;
      out.working_days = working;
      // What the days count from: "自X之日起", "X之日起", "X起", "X后" before the number.
      std::size_t end = n->second;
      std::size_t cut = std::u32string::npos;
      for (std::u32string_view marker : {U"之日起", U"日起", U"起", U"后"}) {
        if (end >= marker.size() && t.at(end - marker.size(), marker)) {
          cut = end - marker.size();
          break;
        }
      }
      if (cut != std::u32string::npos) {
        std::size_t b = 0;
        if (t.at(0, U"自") || t.at(0, U"从") || t.at(0, U"在")) b = 1;
        out.from = trim_cell(t.utf8(b, cut));
      }
      return true;
    }
  }
  return false;
}

bool by_date(const Text& t, DisclosureTimeLimit& out) {
  const auto each = t.find(U"每年");
  if (each == std::u32string::npos) return false;
  auto month = number_at(t, each + 2);
  if (!month || month->second >= t.u.size() || t.u[month->second] != U'月' || month->first < 1 || month->first > 12)
    return false;
  const std::size_t after = month->second + 1;
  if (t.at(after, U"底")) {
    out.day = 0;
  } else {
    auto day = number_at(t, after);
    if (!day || day->second >= t.u.size() || (t.u[day->second] != U'日' && t.u[day->second] != U'号') || day->first < 1 ||
        day->first > 31)
      return false;
    out.day = day->first;
  }
  out.kind = TimeLimitKind::ByDateEachYear;
  out.month = month->first;
  return true;
}

bool periodic(const Text& t, DisclosureTimeLimit& out) {
  for (std::u32string_view p : {U"季度", U"半年", U"月", U"年"}) {
    for (std::u32string_view lead : {U"每", U"按"}) {
      std::u32string w(lead);
      w += p;
      if (t.find(w) != std::u32string::npos) {
        out.kind = TimeLimitKind::Periodic;
        out.period = p == U"季度" ? "季度" : p == U"半年" ? "半年" : p == U"月" ? "月" : "年";
        return true;
      }
    }
  }
  return false;
}

bool promptly(const Text& t) {
  for (std::u32string_view w : {U"实时", U"及时", U"即时", U"常态化", U"随时"})
    if (t.find(w) != std::u32string::npos) return true;
  return false;
}

}  // namespace

std::string DisclosureTimeLimit::rule_text() const {
  switch (kind) {
    case TimeLimitKind::WithinDays:
      return (from.empty() ? std::string() : from + "之日起") + std::to_string(count) + (working_days ? "个工作日内" : "日内");
    case TimeLimitKind::ByDateEachYear:
      return "每年" + std::to_string(month) + "月" + (day ? std::to_string(day) + "日前" : std::string("底前"));
    case TimeLimitKind::Periodic: return "每" + period;
    case TimeLimitKind::Promptly: return "及时";
    case TimeLimitKind::Unparsed: return "";
  }
  return "";
}

DisclosureTimeLimit parse_time_limit(std::string_view raw) {
  DisclosureTimeLimit out;
  out.text = trim_cell(std::string(raw));
  const auto t = decode(out.text);
  if (within_days(t, out) || by_date(t, out) || periodic(t, out)) return out;
  if (promptly(t)) out.kind = TimeLimitKind::Promptly;
  return out;
}

std::optional<Date> time_limit_due(const DisclosureTimeLimit& limit, Date event, const WorkingDayCalendar& calendar) {
  using namespace std::chrono;
  switch (limit.kind) {
    case TimeLimitKind::WithinDays:
      if (limit.working_days) return calendar.add_working_days(event, limit.count).date;
      return Date::from_sys_days(event.days() + days(limit.count));
    case TimeLimitKind::ByDateEachYear: {
      auto on = [&](int y) {
        const year_month ym{year{y}, month{static_cast<unsigned>(limit.month)}};
        const auto last = static_cast<unsigned>((ym / std::chrono::last).day());
        const unsigned d = limit.day ? std::min(static_cast<unsigned>(limit.day), last) : last;
        return Date{year_month_day{ym / day{d}}};
      };
      const auto same = on(event.year());
      return event <= same ? same : on(event.year() + 1);
    }
    default: return std::nullopt;
  }
}

}  // namespace zwgk::domain
