#pragma once
// 数据开放, the use cases. Each takes the caller and its input; in one transaction it asks the
// permission registry (sjkf.*, on the dataset's site and department), applies the domain rule
// (modules/sjkf/domain/), writes and audits (sjkf.<verb>). Another site's dataset is absent.
//
// A dataset is 草稿 until the office opens it (开放; at least one file), and can be withdrawn
// (已撤回: gone from the pages and the API, kept for the record). Files are CSV, XLSX or JSON;
// each is read when uploaded — the columns and their types, the row count, a preview — and
// refused whole if the privacy guard finds personal data in any cell (《条例》第十五条). A
// dataset made from a 清单 follows it: its three files (CSV, XLSX, JSON) are the list's
// version in force on the day they are read.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/caller.hpp"
#include "domain/clock.hpp"
#include "modules/sjkf/domain/dataset.hpp"
#include "modules/sjkf/domain/dataset_search.hpp"
#include "modules/sjkf/store/dataset_repository.hpp"
#include "store/database.hpp"

namespace zwgk::modules::sjkf {

struct NewDataset {
  domain::DatasetDraft draft;
  std::int64_t department_id = 0;
  std::optional<std::int64_t> list_id;  // a published 清单 of the site to follow
};

struct ResourceUpload {
  std::string file_name;    // as uploaded: its extension, then its bytes, tell the format
  std::string name;         // "" = the file name without its extension
  std::string description;
  std::string bytes;
};

// A dataset with its files; for one that follows a 清单, the files describe its version in
// force (list_version: its number; 0 when the list has none in force).
struct DatasetView {
  store::StoredDataset dataset;
  std::vector<store::StoredResource> resources;
  int list_version = 0;
  std::string list_url_path;  // "/qd/<id>/": under the site's prefix
};

// What a download is: the file's bytes, or (a 清单's file) the list's own download to send
// the reader to.
struct Download {
  std::string file_name;
  std::string media_type;
  std::string bytes;
  std::string list_path;  // "/qd/<id>/v<n>.csv" under the site's prefix, when not empty
};

class OpenDataService {
 public:
  explicit OpenDataService(store::Database& db, domain::UnixClock clock = domain::system_unix_seconds)
      : db_(db), clock_(std::move(clock)) {}

  std::int64_t create(const domain::Caller& caller, const NewDataset& in);
  void update(const domain::Caller& caller, std::int64_t id, const domain::DatasetDraft& draft, std::int64_t department_id);
  // Returns the new resource's id.
  std::int64_t add_resource(const domain::Caller& caller, std::int64_t id, const ResourceUpload& upload);
  void remove_resource(const domain::Caller& caller, std::int64_t id, std::int64_t resource_id);
  void publish(const domain::Caller& caller, std::int64_t id);
  void withdraw(const domain::Caller& caller, std::int64_t id);

  // The console: the caller's site's datasets (sjkf.view), and one of them.
  std::vector<store::StoredDataset> staff_list(const domain::Caller& caller);
  DatasetView staff_view(const domain::Caller& caller, std::int64_t id);

  // 开放 datasets with their files: of one site, or (nullopt) of every site, name order.
  std::vector<DatasetView> catalogue(std::optional<std::int64_t> site_id);
  // An 开放 dataset by name or uuid (NotFound otherwise); with site_id, only that site's.
  DatasetView public_view(std::optional<std::int64_t> site_id, const std::string& name_or_uuid);
  // An 开放 dataset's file by uuid, with its dataset.
  std::pair<DatasetView, store::StoredResource> public_resource(const std::string& uuid);
  // The bytes of a file of an 开放 dataset of the site, counted as one download. Forbidden for
  // a 有条件开放 dataset (its conditions say how to apply).
  // With `count` false: a HEAD request or a link checker asking whether the file is there, not a download.
  Download download(std::int64_t site_id, const std::string& dataset_name, const std::string& resource_uuid,
                    bool count = true);

  // The search records of `views` (same order), for package_search and the catalogue page.
  static std::vector<domain::DatasetRecord> records(const std::vector<DatasetView>& views);

 private:
  store::StoredDataset permitted(const domain::Caller& caller, std::int64_t id, const char* action);
  DatasetView view_of(store::StoredDataset d);

  store::Database& db_;
  domain::UnixClock clock_;
};

}  // namespace zwgk::modules::sjkf
