// See reply_quality.hpp.
#include "modules/zmhd/domain/reply_quality.hpp"

#include <algorithm>

#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

// What does not carry meaning: whitespace and ASCII / CJK punctuation.
bool filler(char32_t c) {
  if (c < 0x80) return !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || (c >= 0x2010 && c <= 0x206F);
}

std::size_t meaningful_chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto ch = decode_utf8(s, i);
    if (!filler(ch.code_point)) ++n;
    i += std::max<std::size_t>(ch.length, 1);
  }
  return n;
}

}  // namespace

const std::vector<std::string>& default_stock_phrases() {
  static const std::vector<std::string> phrases = {"已阅", "收悉", "已收悉", "来信收悉", "您好", "感谢您的来信",
                                                   "谢谢", "请与有关部门联系", "请与相关部门联系", "请咨询相关部门",
                                                   "已转相关部门", "正在处理", "知道了"};
  return phrases;
}

std::vector<std::string> reply_quality_problems(std::string_view reply, const std::vector<std::string>& stock_phrases) {
  std::vector<std::string> out;
  const std::size_t total = meaningful_chars(reply);
  std::string rest(reply);
  // Longest first, so "来信收悉" goes before "收悉".
  std::vector<std::string> phrases = stock_phrases;
  std::sort(phrases.begin(), phrases.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& p : phrases) {
    if (p.empty()) continue;
    for (auto at = rest.find(p); at != std::string::npos; at = rest.find(p, at)) rest.erase(at, p.size());
  }
  if (total == 0) {
    out.push_back("请填写答复内容");
  } else if (meaningful_chars(rest) == 0) {
    out.push_back("答复只有套话（如“已阅”“请与有关部门联系”），请针对来信的问题作出答复");
  } else if (total < kMinReplyChars) {
    out.push_back("答复过短（不足" + std::to_string(kMinReplyChars) + "字），请针对来信的问题作出答复");
  }
  return out;
}

}  // namespace zwgk::domain
