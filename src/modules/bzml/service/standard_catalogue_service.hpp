#pragma once
// 基层政务公开标准目录, the use cases: the site's catalogues (one per 领域) with the status of
// every item against its 公开时限; loading a shipped 领域 (data/bzml/) or the office's own
// sheet (XLSX, XLS or CSV of the 标准目录's columns); mapping an item to the 公开目录 column
// and the 清单 type it is published in. Writes need bzml.manage on the site and go in one
// transaction with their audit entry (bzml.import, bzml.map).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/caller.hpp"
#include "domain/clock.hpp"
#include "domain/working_day_calendar.hpp"
#include "modules/bzml/domain/catalogue_item_status.hpp"
#include "modules/bzml/store/standard_catalogue_repository.hpp"
#include "store/database.hpp"

namespace zwgk::modules::bzml {

// A 领域 zwgk ships (data/bzml/catalogues.csv).
struct ShippedCatalogue {
  std::string file;      // caizheng-yujuesuan.csv
  std::string code;      // caizheng-yujuesuan
  std::string field;     // 财政预决算
  std::string ministry;  // 财政部
  std::string source;    // the URLs the items were checked against
  std::string checked;   // 2026-12-03
};

// Where the shipped catalogues are: $ZWGK_STANDARD_CATALOGUE_DIR, else the source tree's data/bzml.
std::filesystem::path shipped_catalogue_dir();
// Read from catalogues.csv in `dir`; a file that is missing or unreadable is a StoreError-like Invalid.
std::vector<ShippedCatalogue> shipped_catalogues(const std::filesystem::path& dir = shipped_catalogue_dir());

// A shipped 领域's items as its data file gives them; Invalid when the file has a problem.
std::vector<domain::CatalogueItem> shipped_items(const ShippedCatalogue& catalogue,
                                                 const std::filesystem::path& dir = shipped_catalogue_dir());
// The column of the site's 公开目录 a 领域's items go to unless mapped otherwise (standard_fields.hpp).
std::optional<std::int64_t> default_column(store::Database& db, std::int64_t site_id, const std::string& code);

struct ItemLink {
  std::string label;
  std::string kind;  // column / list
  std::string code;  // the column's code, or the list's id
};

struct CatalogueItemView {
  store::StoredCatalogueItem stored;
  domain::DisclosureTimeLimit limit;
  domain::CatalogueItemStatus status;
  std::vector<ItemLink> links;  // the column, then the lists of the type
  std::string list_type_name;   // the 清单 type's name, when mapped
};

struct CatalogueView {
  store::StandardCatalogue catalogue;
  std::vector<CatalogueItemView> items;
  int on_time = 0, late = 0, pending = 0, overdue = 0, unmapped = 0, untimed = 0, no_records = 0;
};

struct SheetImport {
  std::string code;   // a shipped 领域's code, or the site's own ([a-z0-9-])
  std::string field;  // 领域 name (required for a code that is not one of the 26)
  std::string source;
  std::string bytes;  // the file as uploaded
};

// The catalogue a sheet is imported as: its code and 领域 (a 试点领域 named by code or name gets
// the other and its ministry; a trailing 领域 is dropped), not yet checked.
store::StandardCatalogue sheet_catalogue(const SheetImport& input);

class StandardCatalogueService {
 public:
  StandardCatalogueService(store::Database& db, const domain::WorkingDayCalendar& calendar,
                           domain::UnixClock clock = domain::system_unix_seconds)
      : db_(db), calendar_(calendar), clock_(std::move(clock)) {}

  domain::Date today() const;
  std::vector<store::StandardCatalogue> catalogues(std::int64_t site_id);
  // NotFound when the site has no catalogue of the code.
  CatalogueView catalogue(std::int64_t site_id, const std::string& code);
  // Every site catalogue's items that are 逾期未公开.
  std::vector<std::pair<store::StandardCatalogue, CatalogueItemView>> overdue(std::int64_t site_id);

  // Loads (or reloads) a shipped 领域. Returns the number of items.
  int import_shipped(const domain::Caller& caller, const std::string& code,
                     const std::filesystem::path& dir = shipped_catalogue_dir());
  // Invalid with every problem (row and column); nothing is written then.
  int import_sheet(const domain::Caller& caller, const SheetImport& input);
  // `node_code` "" unmaps the column, `list_type` "" the list type; both must be the site's.
  void map_item(const domain::Caller& caller, std::int64_t item_id, const std::string& node_code,
                const std::string& list_type);

 private:
  int save(const domain::Caller& caller, store::StandardCatalogue c, const std::vector<domain::CatalogueItem>& items);
  // A 清单 type's name, and (read on first use) its published versions and lists.
  struct ListTypeRecords {
    std::string name;
    bool read = false;
    std::vector<domain::PublicationRecord> records;
    std::vector<ItemLink> links;
  };
  CatalogueItemView view_of(std::int64_t site_id, store::StoredCatalogueItem stored,
                            std::map<std::string, ListTypeRecords>& by_type);

  store::Database& db_;
  const domain::WorkingDayCalendar& calendar_;
  domain::UnixClock clock_;
};

}  // namespace zwgk::modules::bzml
