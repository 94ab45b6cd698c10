// See letter_settings.hpp.
#include "modules/zmhd/domain/letter_settings.hpp"

#include <charconv>

#include "modules/zmhd/domain/reply_quality.hpp"

namespace zwgk::domain {

const std::vector<std::string>& LetterSettings::phrases() const {
  return stock_phrases.empty() ? default_stock_phrases() : stock_phrases;
}

std::vector<std::string> stock_phrases_from_text(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(start, nl - start));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(std::move(line));
    start = nl + 1;
  }
  return out;
}

std::string stock_phrases_to_text(const std::vector<std::string>& phrases) {
  std::string out;
  for (const auto& p : phrases) out += p + "\n";
  return out;
}

std::string format_deadlines(const LetterDeadlines& d) {
  std::string out;
  for (const auto& [c, days] : d.working_days) out += (out.empty() ? "" : ",") + to_code(c) + "=" + std::to_string(days);
  return out;
}

std::optional<LetterDeadlines> parse_deadlines(std::string_view text, int rating_working_days, std::string& error) {
  LetterDeadlines d;
  d.working_days.clear();
  if (rating_working_days < 1 || rating_working_days > 60) {
    error = "评价期限应为1至60个工作日";
    return std::nullopt;
  }
  d.rating_working_days = rating_working_days;
  if (text.empty()) {  // the defaults, with the site's rating period
    auto def = default_letter_deadlines();
    def.rating_working_days = rating_working_days;
    return def;
  }
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string_view part = text.substr(start, comma - start);
    const std::size_t eq = part.find('=');
    const auto category = eq == std::string_view::npos ? std::nullopt : letter_category_from(part.substr(0, eq));
    int days = 0;
    const auto num = eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1);
    const auto [ptr, ec] = std::from_chars(num.data(), num.data() + num.size(), days);
    if (!category || ec != std::errc() || ptr != num.data() + num.size() || days < 1 || days > 60) {
      error = "办理期限格式不正确：“" + std::string(part) + "”，应为 类别=工作日数（1至60）";
      return std::nullopt;
    }
    d.working_days[*category] = days;
    start = comma + 1;
  }
  return d;
}

}  // namespace zwgk::domain
