#pragma once
// What a data file holds, described for its page and the API: the columns (名称 and 类型 —
// 文本, 数值 or 日期, inferred from every non-empty cell), the number of data rows and the first
// rows as a preview table. A spreadsheet's first non-empty row is its header; a JSON file is
// an array of objects (the keys of the first object, then any new ones, are the columns) or
// of arrays (the first is the header).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/sheet_rows.hpp"

namespace zwgk::domain {

enum class ResourceFormat { Csv, Xlsx, Json };
std::string to_code(ResourceFormat);  // CSV XLSX JSON (CKAN's format field)
std::string media_type_of(ResourceFormat);
std::string extension_of(ResourceFormat);  // .csv .xlsx .json

struct ResourceColumn {
  std::string name;
  std::string type;  // 文本 数值 日期
};

struct ResourceTable {
  std::vector<ResourceColumn> columns;
  std::int64_t row_count = 0;
  std::vector<std::vector<std::string>> preview;  // at most kPreviewRows, one cell per column
};

inline constexpr std::size_t kPreviewRows = 20;

// Throws domain::Invalid when there is no header or no data row.
ResourceTable describe_rows(const std::vector<SheetRow>& rows);
// Throws domain::Invalid ("JSON 文件……") when the text is not such an array.
ResourceTable describe_json(std::string_view text);
// Every cell of the table's rows, for the privacy guard, as rows of text with their header.
std::vector<SheetRow> json_rows(std::string_view text);

}  // namespace zwgk::domain
