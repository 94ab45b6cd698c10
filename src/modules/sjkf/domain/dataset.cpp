// See dataset.hpp.
#include "modules/sjkf/domain/dataset.hpp"

#include <algorithm>

#include "domain/sheet_rows.hpp"
#include "domain/utf8.hpp"

namespace zwgk::domain {

bool is_dataset_name(std::string_view n) {
  if (n.size() < 2 || n.size() > 100) return false;
  for (char c : n)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

std::vector<std::string> parse_keywords(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    auto k = trim_cell(cur);
    cur.clear();
    if (!k.empty() && std::find(out.begin(), out.end(), k) == out.end()) out.push_back(std::move(k));
  };
  for (std::size_t i = 0; i < text.size();) {
    bool sep = false;
    for (std::string_view s : {"、", "，", "；", "\xE3\x80\x80"})
      if (text.substr(i, s.size()) == s) {
        flush();
        i += s.size();
        sep = true;
        break;
      }
    if (sep) continue;
    if (text[i] == ',' || text[i] == ';' || text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
      flush();
      ++i;
      continue;
    }
    cur += text[i++];
  }
  flush();
  return out;
}

std::string join_keywords(const std::vector<std::string>& keywords) {
  std::string s;
  for (const auto& k : keywords) s += (s.empty() ? "" : "、") + k;
  return s;
}

std::vector<std::string> dataset_problems(const DatasetDraft& d) {
  std::vector<std::string> p;
  if (!is_dataset_name(d.name)) p.push_back("数据集标识应为2至100个小写字母、数字、短横线或下划线，如 bus-routes");
  const auto title = trim_cell(d.title);
  if (title.empty()) p.push_back("请填写数据集名称");
  else if (count_characters(title) > 200) p.push_back("数据集名称不能超过200字");
  if (trim_cell(d.notes).empty()) p.push_back("请填写数据摘要，说明数据的内容、范围和用途");
  else if (count_characters(d.notes) > 4000) p.push_back("数据摘要不能超过4000字");
  if (!data_field(d.field)) p.push_back("请选择数据领域");
  if (!is_update_frequency(d.frequency)) p.push_back("请选择更新频率");
  if (!data_licence(d.licence)) p.push_back("请选择开放许可协议");
  if (d.keywords.size() > 20) p.push_back("关键字最多20个");
  for (const auto& k : d.keywords)
    if (count_characters(k) > 30) {
      p.push_back("关键字“" + k + "”过长（不超过30字）");
      break;
    }
  if (d.condition == OpenCondition::Conditional && trim_cell(d.conditions).empty())
    p.push_back("有条件开放的数据集应写明开放条件（申请方式、使用范围）");
  return p;
}

}  // namespace zwgk::domain
