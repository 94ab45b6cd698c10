#pragma once
// Versions of a 清单: each publication is a version with its effective date (施行日期); the
// change summary is computed from the version before it, item by item (by key) and cell by
// cell; every version stays readable, and the page can say which one applied on a date.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "modules/qd/domain/list_rows.hpp"

namespace zwgk::domain {

struct CellChange {
  std::string column;
  std::string before, after;
};
struct ItemChange {
  std::string key;  // item_key_text
  std::vector<CellChange> cells;
};

struct ListChanges {
  std::vector<ListItem> added;    // in the new version's order
  std::vector<ListItem> removed;  // in the old version's order
  std::vector<ItemChange> changed;
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
  std::string summary() const;  // "新增2项，删除1项，修改3项" | "与上一版相同"
};

// `before` empty for the first version: every item is added.
ListChanges compare_versions(const ListType& type, const std::vector<ListItem>& before, const std::vector<ListItem>& after);

struct VersionDate {
  int number = 0;
  Date effective_on;
};
// The version in force on `on`: the one with the latest effective date on or before it (the
// higher number when two share a date); nullopt before the first took effect.
std::optional<int> version_in_force(const std::vector<VersionDate>& versions, Date on);

// Items current on `on` for a type with an exit column (黑名单: not yet 移出, or 移出 after
// `on`); every item for other types.
bool item_current(const ListType& type, const ListItem& item, Date on);

}  // namespace zwgk::domain
