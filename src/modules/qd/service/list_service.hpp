#pragma once
// 清单, the use cases. Each takes the caller and its input; in one transaction it asks the
// permission registry (qd.*, on the list's site and department), applies the domain rule
// (modules/qd/domain/), writes and audits (qd.<verb>). Another site's list is absent.
//
// The version workflow: upload (草稿; the sheet checked cell by cell, refused whole with its
// problems) → submit (待审核; the privacy guard over every cell must find nothing) → review
// (保密审查: 审核通过, or 已退回 with the reason) → publish (已发布, numbered, with its 施行日期
// and the change summary against the version before). Uploading again replaces a 草稿 or an
// 已退回 version; a submitted or approved one is locked.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/caller.hpp"
#include "domain/clock.hpp"
#include "domain/sheet_rows.hpp"
#include "modules/qd/domain/list_version.hpp"
#include "modules/qd/store/list_repository.hpp"
#include "store/database.hpp"

namespace zwgk::modules::qd {

struct NewList {
  std::string type_code;
  std::string title;
  std::int64_t department_id = 0;
};

// One list as the public page shows it: its published versions, the one shown (in force on
// the chosen date, else the first to come), its items and what changed from the one before.
struct ListView {
  store::StoredList list;
  domain::ListType type;
  std::vector<store::ListVersion> versions;  // published, number ascending
  std::optional<std::size_t> shown;          // index into versions
  bool in_force = false;                     // the shown one applied on `on`
  domain::Date on;
  domain::ListChanges changes;               // of the shown version against the one before it
  // A 随机抽查事项清单's results: the site's published 随机抽查结果 list (the first), whose items
  // carry the 事项编码 of this list's items.
  std::optional<std::int64_t> results_list_id;
};

// One item found by the site search: in the version of its list in force today.
struct ListHit {
  store::StoredList list;
  std::string key;    // item_key_text
  std::string cells;  // its cells joined for the snippet
};
struct ListSearch {
  std::int64_t total = 0;     // matching items in all lists
  std::vector<ListHit> hits;  // the first `limit`
  std::vector<std::int64_t> lists;  // the lists that matched
};

// 反馈意见箱 (工作要点 二(一)): where a message about a list goes — the 政民互动 mailbox of the
// list's department, else the site's 咨询投诉 box, else its first mailbox — so that it is
// received, numbered, assigned and answered as a letter (modules/zmhd).
struct FeedbackMailbox {
  std::string code;  // P/zmhd/write/<code>/
  std::string name;
};

class ListService {
 public:
  explicit ListService(store::Database& db, domain::UnixClock clock = domain::system_unix_seconds)
      : db_(db), clock_(std::move(clock)) {}

  domain::Date today() const;
  // The shipped types and the site's own.
  std::vector<domain::ListType> types(std::int64_t site_id);
  // qd.types; the text form of parse_list_type; a code already used is a Conflict.
  void define_type(const domain::Caller& caller, const std::string& text);

  std::int64_t create(const domain::Caller& caller, const NewList& list);
  // The sheet's rows (header first). Returns the number of items taken.
  std::size_t upload(const domain::Caller& caller, std::int64_t list_id, const std::vector<domain::SheetRow>& rows);
  void submit(const domain::Caller& caller, std::int64_t list_id);
  void review(const domain::Caller& caller, std::int64_t list_id, bool pass, const std::string& note);
  // 施行日期 as "2026-03-01"; returns the version's number.
  int publish(const domain::Caller& caller, std::int64_t list_id, const std::string& effective_on);

  // NotFound for another site's list or one never published.
  ListView public_view(std::int64_t site_id, std::int64_t list_id, std::optional<domain::Date> on = std::nullopt);
  // The site's published lists as their pages show them today (P/qd/ and the site search).
  std::vector<ListView> published_lists(std::int64_t site_id);
  // Items whose cells contain `text` (as written), in the versions in force today.
  ListSearch search(std::int64_t site_id, const std::string& text, std::size_t limit);
  std::optional<store::ListVersion> working(const domain::Caller& caller, std::int64_t list_id);
  std::optional<FeedbackMailbox> feedback_mailbox(std::int64_t site_id, std::int64_t department_id);

 private:
  store::StoredList permitted(const domain::Caller& caller, std::int64_t list_id, const char* action);
  domain::ListType type_of(const store::StoredList& list);

  store::Database& db_;
  domain::UnixClock clock_;
};

}  // namespace zwgk::modules::qd
