// See list_rows.hpp.
#include "modules/qd/domain/list_rows.hpp"

#include <map>

#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

constexpr std::size_t kCellMaxChars = 4000;

// Full-width digits, point, minus and comma (what an IME may type) to ASCII.
std::string ascii_digits(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (u == 0xEF && i + 2 < s.size()) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) { out += static_cast<char>('0' + (b2 - 0x90)); i += 2; continue; }
      if (b1 == 0xBC && b2 == 0x8E) { out += '.'; i += 2; continue; }
      if (b1 == 0xBC && b2 == 0x8D) { out += '-'; i += 2; continue; }
      if (b1 == 0xBC && b2 == 0x8C) { out += ','; i += 2; continue; }
    }
    out += s[i];
  }
  return out;
}

std::optional<std::string> number_text(const std::string& raw) {
  std::string s;
  for (char c : ascii_digits(raw))
    if (c != ',') s += c;
  if (s.empty()) return std::nullopt;
  std::size_t i = s[0] == '-' ? 1 : 0, digits = 0, dots = 0;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') ++digits;
    else if (s[i] == '.' && ++dots == 1) continue;
    else return std::nullopt;
  }
  if (!digits) return std::nullopt;
  if (dots) {  // 12.50 -> 12.5, 3.0 -> 3 (Excel writes what the cell holds)
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string joined(const std::vector<std::string>& options) {
  std::string s;
  for (std::size_t i = 0; i < options.size(); ++i) s += (i ? "、" : "") + options[i];
  return s;
}

}  // namespace

std::string normalise_cell(const ListColumn& c, const std::string& raw, const DepartmentNames& departments,
                           std::string& problem) {
  problem.clear();
  const std::string v = trim_cell(raw);
  if (v.empty()) return {};
  if (count_characters(v) > kCellMaxChars) {
    problem = "内容超过" + std::to_string(kCellMaxChars) + "字";
    return {};
  }
  switch (c.type) {
    case ColumnType::Text: return v;
    case ColumnType::Number:
      if (auto n = number_text(v)) return *n;
      problem = "“" + v + "”不是数字";
      return {};
    case ColumnType::Date:
      if (auto d = parse_sheet_date(v)) return d->iso();
      problem = "“" + v + "”不是有效日期，请写成2026-03-01";
      return {};
    case ColumnType::Enumeration:
      for (const auto& o : c.options)
        if (o == v) return v;
      problem = "“" + v + "”不是可选的值，应为" + joined(c.options) + "之一";
      return {};
    case ColumnType::Department:
      if (departments)
        if (auto name = departments(v)) return *name;
      problem = "找不到单位“" + v + "”";
      return {};
    case ColumnType::Link:
      if (v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0) return v;
      problem = "“" + v + "”不是以 http:// 或 https:// 开头的网址";
      return {};
  }
  return v;
}

std::vector<std::string> list_privacy_problems(const ListType& type, const std::vector<ListItem>& items,
                                               const PrivacyScanOptions& options) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t c = 0; c < type.columns.size() && c < items[i].size(); ++c) {
      const auto findings = scan_privacy(items[i][c], options);
      if (findings.empty()) continue;
      std::string what;
      for (const auto& f : findings) {
        if (!what.empty()) what += "、";
        what += to_label(f.kind) + "（" + f.masked + "）";
      }
      out.push_back("第" + std::to_string(i + 1) + "项「" + type.columns[c].label + "」含有" + what + "，请删除或遮盖后再提交");
    }
  }
  return out;
}

std::string item_key(const ListType& type, const ListItem& item) {
  std::string k;
  for (std::size_t i = 0; i < type.columns.size() && i < item.size(); ++i)
    if (type.columns[i].key) k += item[i] + '\x1f';
  return k;
}

std::string item_key_text(const ListType& type, const ListItem& item) {
  std::string k;
  for (std::size_t i = 0; i < type.columns.size() && i < item.size(); ++i)
    if (type.columns[i].key) k += (k.empty() ? "" : " / ") + item[i];
  return k;
}

ListImportPlan plan_list_import(const ListType& type, const std::vector<SheetRow>& rows, const DepartmentNames& departments) {
  ListImportPlan plan;
  if (rows.empty()) {
    plan.problems.push_back("表格是空的：第一行应为表头（" + type.columns.front().label + "……）");
    return plan;
  }
  // The header row: of the first ten, the one naming most of the type's columns — offices put
  // a title row (「XX市行政事业性收费目录清单」) or a two-row header above their items; with
  // merged cells filled in by the reader, the lower header row names every column.
  std::size_t header_at = 0;
  int best = 0;
  for (std::size_t r = 0; r < rows.size() && r < 10; ++r) {
    int score = 0;
    for (const auto& col : type.columns)
      for (const auto& cell : rows[r].cells)
        if (trim_cell(cell) == col.label) {
          ++score;
          break;
        }
    if (score > best) best = score, header_at = r;
  }
  // Header: column index of each of the type's columns.
  std::vector<std::optional<std::size_t>> at(type.columns.size());
  const auto& header = rows[header_at];
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const auto label = trim_cell(header.cells[i]);
    if (label.empty()) continue;
    bool found = false;
    for (std::size_t c = 0; c < type.columns.size(); ++c)
      if (type.columns[c].label == label && !at[c]) {
        at[c] = i;
        found = true;
        break;
      }
    if (!found) plan.ignored_columns.push_back(label);
  }
  for (std::size_t c = 0; c < type.columns.size(); ++c)
    if (!at[c] && type.columns[c].required)
      plan.problems.push_back("第" + std::to_string(header.number) + "行（表头）缺少必填列「" + type.columns[c].label + "」");
  if (!plan.problems.empty()) return plan;
  std::map<std::string, int> first_row_of_key;
  for (std::size_t r = header_at + 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    bool blank = true;
    for (const auto& cell : row.cells) blank = blank && trim_cell(cell).empty();
    if (blank) continue;
    ListItem item(type.columns.size());
    const std::string where = "第" + std::to_string(row.number) + "行";
    for (std::size_t c = 0; c < type.columns.size(); ++c) {
      const auto& col = type.columns[c];
      const std::string raw = at[c] && *at[c] < row.cells.size() ? row.cells[*at[c]] : std::string();
      std::string problem;
      item[c] = normalise_cell(col, raw, departments, problem);
      if (!problem.empty()) plan.problems.push_back(where + "「" + col.label + "」：" + problem);
      else if (col.required && item[c].empty()) plan.problems.push_back(where + "「" + col.label + "」：必填，不能为空");
    }
    const auto k = item_key(type, item);
    if (auto [it, fresh] = first_row_of_key.emplace(k, row.number); !fresh)
      plan.problems.push_back(where + "：与第" + std::to_string(it->second) + "行是同一事项（" + item_key_text(type, item) + "）");
    plan.items.push_back(std::move(item));
  }
  if (plan.items.empty() && plan.problems.empty()) plan.problems.push_back("表格中没有清单事项");
  if (!plan.problems.empty()) plan.items.clear();
  return plan;
}

}  // namespace zwgk::domain
