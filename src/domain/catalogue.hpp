#pragma once
// 公开目录: a tree of disclosure columns per site. Codes are stable forever; names and
// order may change (an operator renames and reorders).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

struct CatalogueNode {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string code;                   // "ghjh" — stable, unique per site, [a-z0-9_-]
  std::string name;                   // 规划计划
  std::optional<std::int64_t> parent_id;
  int position = 0;                   // order among siblings
  std::string description;            // ColumnDescription
  std::string keywords;               // ColumnKeywords
  std::string column_type = "信息公开";  // ColumnType meta
};

// A node of the default tree, by code: Art. 20/21 items + the special columns the seed asks for.
struct DefaultCatalogueEntry {
  std::string code;
  std::string name;
  std::string parent_code;  // "" for a root
  std::string description;
};
// In tree order: every parent comes before its children; codes and names are unique.
const std::vector<DefaultCatalogueEntry>& default_catalogue();
// nullptr if the default tree has no such code / name.
const DefaultCatalogueEntry* find_default_catalogue_entry(std::string_view code);
const DefaultCatalogueEntry* find_default_catalogue_entry_by_name(std::string_view name);

// [a-z0-9_-]+, at most 64 characters.
bool is_valid_catalogue_code(const std::string& code);

}  // namespace zwgk::domain
