// See resource_table.hpp.
#include "modules/sjkf/domain/resource_table.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>

#include "domain/errors.hpp"

namespace zwgk::domain {

namespace {

bool is_number(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end && *end == '\0';
}

bool is_date(const std::string& s) {
  // Written dates only ("2026-03-01", "2026年3月1日"): a bare serial number stays a number.
  return !is_number(s) && parse_sheet_date(s).has_value();
}

bool blank(const SheetRow& r) {
  for (const auto& c : r.cells)
    if (!trim_cell(c).empty()) return false;
  return true;
}

std::string cell_text(const nlohmann::ordered_json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

}  // namespace

std::string to_code(ResourceFormat f) {
  switch (f) {
    case ResourceFormat::Csv: return "CSV";
    case ResourceFormat::Xlsx: return "XLSX";
    case ResourceFormat::Json: return "JSON";
  }
  return "";
}

std::string media_type_of(ResourceFormat f) {
  switch (f) {
    case ResourceFormat::Csv: return "text/csv";
    case ResourceFormat::Xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case ResourceFormat::Json: return "application/json";
  }
  return "";
}

std::string extension_of(ResourceFormat f) {
  switch (f) {
    case ResourceFormat::Csv: return ".csv";
    case ResourceFormat::Xlsx: return ".xlsx";
    case ResourceFormat::Json: return ".json";
  }
  return "";
}

ResourceTable describe_rows(const std::vector<SheetRow>& rows) {
  std::size_t at = 0;
  while (at < rows.size() && blank(rows[at])) ++at;
  if (at == rows.size()) throw Invalid({"文件是空的：第一行应为表头（列名）"});
  ResourceTable t;
  const auto& header = rows[at];
  std::size_t width = header.cells.size();
  while (width > 0 && trim_cell(header.cells[width - 1]).empty()) --width;
  std::vector<std::string> problems;
  for (std::size_t c = 0; c < width; ++c) {
    auto name = trim_cell(header.cells[c]);
    if (name.empty()) problems.push_back("第" + std::to_string(header.number) + "行（表头）第" + std::to_string(c + 1) + "列没有列名");
    t.columns.push_back({name, "文本"});
  }
  if (!problems.empty()) throw Invalid(std::move(problems));
  std::vector<int> numbers(width, 0), dates(width, 0), filled(width, 0);
  for (std::size_t r = at + 1; r < rows.size(); ++r) {
    if (blank(rows[r])) continue;
    ++t.row_count;
    std::vector<std::string> shown(width);
    for (std::size_t c = 0; c < width && c < rows[r].cells.size(); ++c) {
      const auto v = trim_cell(rows[r].cells[c]);
      shown[c] = v;
      if (v.empty()) continue;
      ++filled[c];
      numbers[c] += is_number(v);
      dates[c] += is_date(v);
    }
    if (t.preview.size() < kPreviewRows) t.preview.push_back(std::move(shown));
  }
  if (t.row_count == 0) throw Invalid({"文件只有表头，没有数据行"});
  for (std::size_t c = 0; c < width; ++c) {
    if (filled[c] == 0) continue;
    if (numbers[c] == filled[c]) t.columns[c].type = "数值";
    else if (dates[c] == filled[c]) t.columns[c].type = "日期";
  }
  return t;
}

std::vector<SheetRow> json_rows(std::string_view text) {
  constexpr const char* kNotTable = "JSON 文件应为一个数组：每个元素是一行（对象，键为列名；或数组，第一个为表头）";
  nlohmann::ordered_json doc;  // the columns in the file's order
  try {
    doc = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::exception&) {
    throw Invalid({"JSON 文件格式有误，无法读取"});
  }
  if (doc.is_object() && doc.contains("data") && doc["data"].is_array()) doc = doc["data"];  // {"data": [...]}
  if (!doc.is_array() || doc.empty()) throw Invalid({kNotTable});
  std::vector<SheetRow> rows;
  if (doc.front().is_array()) {
    int n = 0;
    for (const auto& row : doc) {
      if (!row.is_array()) throw Invalid({kNotTable});
      SheetRow r{++n, {}};
      for (const auto& v : row) r.cells.push_back(cell_text(v));
      rows.push_back(std::move(r));
    }
    return rows;
  }
  std::vector<std::string> keys;
  for (const auto& row : doc) {
    if (!row.is_object()) throw Invalid({kNotTable});
    for (const auto& [k, v] : row.items())
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  }
  rows.push_back({1, keys});
  int n = 1;
  for (const auto& row : doc) {
    SheetRow r{++n, {}};
    for (const auto& k : keys) r.cells.push_back(row.contains(k) ? cell_text(row[k]) : "");
    rows.push_back(std::move(r));
  }
  return rows;
}

ResourceTable describe_json(std::string_view text) { return describe_rows(json_rows(text)); }

}  // namespace zwgk::domain
