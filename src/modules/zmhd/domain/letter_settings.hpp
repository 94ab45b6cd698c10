#pragma once
// A site's local rules for its letters (table letter_settings): the working days per
// category, the rating period, the reply-quality check's stock phrases, and the 信访 channel
// a 属信访事项 letter is pointed to. A site without its own settings uses the defaults.
#include <string>
#include <string_view>
#include <vector>

#include "modules/zmhd/domain/letter.hpp"

namespace zwgk::domain {

struct LetterSettings {
  LetterDeadlines deadlines = default_letter_deadlines();
  std::vector<std::string> stock_phrases;  // empty: default_stock_phrases()
  std::string petition_channel;            // e.g. "邵阳市人民来访接待中心，网上信访 http://..."
  const std::vector<std::string>& phrases() const;
};

// Stock phrases as the settings store and the form show them: one per line; blank lines and
// trailing spaces dropped.
std::vector<std::string> stock_phrases_from_text(std::string_view text);
std::string stock_phrases_to_text(const std::vector<std::string>& phrases);

// "consultation=5,complaint=10" <-> deadlines (unknown categories and values outside 1..60
// are refused with a Chinese message by parse_deadlines).
std::string format_deadlines(const LetterDeadlines& d);
// nullopt + `error` when malformed.
std::optional<LetterDeadlines> parse_deadlines(std::string_view text, int rating_working_days, std::string& error);

}  // namespace zwgk::domain
