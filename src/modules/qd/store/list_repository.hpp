#pragma once
// 清单 rows (migrations/*/0021_lists.sql): a site's own types, its lists and their versions.
// Every write notifies lists:<site> and list:<id> (the public pages).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "modules/qd/domain/list_rows.hpp"
#include "modules/qd/domain/list_type.hpp"
#include "store/database.hpp"

namespace zwgk::store {

enum class ListVersionState { Draft, Submitted, Approved, Returned, Published };
std::string to_code(ListVersionState);   // draft submitted approved returned published
std::string to_label(ListVersionState);  // 草稿 待审核 审核通过 已退回 已发布

struct StoredList {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string type_code;
  std::string title;
  std::int64_t department_id = 0;
  std::string department;  // its name
};

struct ListVersion {
  std::int64_t id = 0;
  std::int64_t list_id = 0;
  std::optional<int> number;  // published ones
  ListVersionState state = ListVersionState::Draft;
  std::optional<domain::Date> effective_on;
  std::vector<domain::ListItem> items;
  std::string change_summary;
  std::string review_note;
  std::string created_by, reviewed_by, published_by;
  std::int64_t published_at = 0;
};

class ListRepository {
 public:
  explicit ListRepository(Database& db) : db_(db) {}

  // A site's own types (parsed from their stored text; one that no longer parses is skipped).
  std::vector<domain::ListType> site_types(std::int64_t site_id);
  void add_type(std::int64_t site_id, const domain::ListType& type, std::int64_t now);

  std::int64_t create(const StoredList& list, std::int64_t now);
  std::optional<StoredList> find(std::int64_t id);
  std::vector<StoredList> of_site(std::int64_t site_id);

  // The version being worked on (not published), if any.
  std::optional<ListVersion> working(std::int64_t list_id);
  // Published versions, number ascending.
  std::vector<ListVersion> published(std::int64_t list_id);
  // Replaces the working version's items (creating it as a draft when there is none).
  void save_working(const StoredList& list, const std::vector<domain::ListItem>& items, const std::string& by,
                    std::int64_t now);
  void set_state(const StoredList& list, std::int64_t version_id, ListVersionState to, const std::string& note,
                 const std::string& by, std::int64_t now);
  // Publishes the working version as number `number`.
  void publish(const StoredList& list, std::int64_t version_id, int number, domain::Date effective_on,
               const std::string& summary, const std::string& by, std::int64_t now);

 private:
  void changed(const StoredList& list);
  Database& db_;
};

}  // namespace zwgk::store
