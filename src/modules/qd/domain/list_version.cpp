// See list_version.hpp.
#include "modules/qd/domain/list_version.hpp"

#include <map>

namespace zwgk::domain {

std::string ListChanges::summary() const {
  if (empty()) return "与上一版相同";
  std::string s;
  auto part = [&](const char* what, std::size_t n) {
    if (!n) return;
    s += (s.empty() ? "" : "，") + std::string(what) + std::to_string(n) + "项";
  };
  part("新增", added.size());
  part("删除", removed.size());
  part("修改", changed.size());
  return s;
}

ListChanges compare_versions(const ListType& type, const std::vector<ListItem>& before, const std::vector<ListItem>& after) {
  ListChanges out;
  std::map<std::string, const ListItem*> old_by_key, new_by_key;
  for (const auto& i : before) old_by_key.emplace(item_key(type, i), &i);
  for (const auto& i : after) new_by_key.emplace(item_key(type, i), &i);
  for (const auto& i : after) {
    auto it = old_by_key.find(item_key(type, i));
    if (it == old_by_key.end()) {
      out.added.push_back(i);
      continue;
    }
    ItemChange change{item_key_text(type, i), {}};
    for (std::size_t c = 0; c < type.columns.size(); ++c) {
      const std::string was = c < it->second->size() ? (*it->second)[c] : std::string();
      const std::string now = c < i.size() ? i[c] : std::string();
      if (was != now) change.cells.push_back({type.columns[c].label, was, now});
    }
    if (!change.cells.empty()) out.changed.push_back(std::move(change));
  }
  for (const auto& i : before)
    if (!new_by_key.count(item_key(type, i))) out.removed.push_back(i);
  return out;
}

std::optional<int> version_in_force(const std::vector<VersionDate>& versions, Date on) {
  std::optional<VersionDate> best;
  for (const auto& v : versions) {
    if (v.effective_on > on) continue;
    if (!best || v.effective_on > best->effective_on || (v.effective_on == best->effective_on && v.number > best->number))
      best = v;
  }
  if (!best) return std::nullopt;
  return best->number;
}

bool item_current(const ListType& type, const ListItem& item, Date on) {
  if (!type.exit_column || *type.exit_column >= item.size()) return true;
  const auto& exit = item[*type.exit_column];
  if (exit.empty()) return true;
  const auto d = Date::parse(exit);
  return !d || *d > on;
}

}  // namespace zwgk::domain
