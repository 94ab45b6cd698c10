#include "web/search_request.hpp"

#include "domain/utf8.hpp"

namespace zwgk::web {

std::optional<std::string> search_text_problem(std::string_view q) {
  if (!domain::is_valid_utf8(q)) return "检索词含有无法识别的字符（不是有效的 UTF-8 文本），请重新输入";
  std::size_t n = 0;
  for (unsigned char c : q) n += (c & 0xC0) != 0x80;
  if (n > kMaxSearchCharacters)
    return "检索词过长：请不超过 " + std::to_string(kMaxSearchCharacters) + " 个字（现为 " + std::to_string(n) + " 个字）";
  return std::nullopt;
}

std::string search_type_label(store::SearchType t) {
  switch (t) {
    case store::SearchType::Document: return "文件";
    case store::SearchType::Interpretation: return "政策解读";
    case store::SearchType::Attachment: return "附件";
  }
  return "文件";
}

}  // namespace zwgk::web
