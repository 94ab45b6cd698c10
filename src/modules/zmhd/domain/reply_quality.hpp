#pragma once
// 答复质量检查: the answers citizens complain about most are perfunctory ones — "已阅",
// "收悉", "请与有关部门联系". Before a reply goes out, it is flagged when it is too short or
// when nothing is left of it once the site's stock phrases and punctuation are taken away.
// A flagged reply cannot be approved (letter.hpp); the office sends it back instead.
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

// Fewer characters (字, not bytes) than this is too short to answer anything.
inline constexpr std::size_t kMinReplyChars = 15;

// The default list; a site configures its own.
const std::vector<std::string>& default_stock_phrases();

// The problems, in Chinese; empty = the reply may go out.
std::vector<std::string> reply_quality_problems(std::string_view reply, const std::vector<std::string>& stock_phrases);

}  // namespace zwgk::domain
