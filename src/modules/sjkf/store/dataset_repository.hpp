#pragma once
// 数据开放 rows (migrations/*/0023_open_data.sql): datasets and their resources. Every write
// notifies datasets:<site>, dataset:<id> and datasets:* (the pages, the CKAN API, DCAT);
// counting a download does not (the count is read fresh where it is shown).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/sjkf/domain/dataset.hpp"
#include "modules/sjkf/domain/resource_table.hpp"
#include "store/database.hpp"

namespace zwgk::store {

enum class DatasetState { Draft, Published, Withdrawn };
std::string to_code(DatasetState);   // draft published withdrawn
std::string to_label(DatasetState);  // 草稿 已开放 已撤回

struct StoredDataset {
  std::int64_t id = 0;
  std::string uuid;
  std::int64_t site_id = 0;
  domain::DatasetDraft draft;
  std::int64_t department_id = 0;
  std::string department;  // its name
  std::optional<std::int64_t> list_id;
  DatasetState state = DatasetState::Draft;
  std::int64_t created_at = 0, modified_at = 0, published_at = 0;
};

struct StoredResource {
  std::int64_t id = 0;
  std::string uuid;
  std::int64_t dataset_id = 0;
  int position = 0;
  std::string name;
  std::string description;
  domain::ResourceFormat format = domain::ResourceFormat::Csv;
  bool from_list = false;  // source 'list': made from the dataset's 清单 when downloaded
  std::string blob_sha256;
  std::int64_t size = 0;
  domain::ResourceTable table;  // columns, row_count, preview
  std::int64_t downloads = 0;
  std::int64_t created_at = 0, modified_at = 0;
};

// A random version-4 UUID ("0f8c…-4…-…"), the form CKAN gives ids in.
std::string random_uuid();

class DatasetRepository {
 public:
  explicit DatasetRepository(Database& db) : db_(db) {}

  std::int64_t create(const StoredDataset& d, std::int64_t now);
  void update(const StoredDataset& d, std::int64_t now);
  void set_state(const StoredDataset& d, DatasetState to, std::int64_t now);
  std::optional<StoredDataset> find(std::int64_t id);
  std::optional<StoredDataset> find_by_name(const std::string& name);
  std::optional<StoredDataset> find_by_uuid(const std::string& uuid);
  std::vector<StoredDataset> of_site(std::int64_t site_id);
  // Every site's 开放 datasets (the CKAN API and DCAT of the installation).
  std::vector<StoredDataset> published();

  // Appends a resource (its bytes as a blob in the same transaction unless from_list).
  std::int64_t add_resource(const StoredDataset& d, const StoredResource& r, const std::string& bytes, std::int64_t now);
  void remove_resource(const StoredDataset& d, std::int64_t resource_id, std::int64_t now);
  std::vector<StoredResource> resources(std::int64_t dataset_id);
  std::optional<StoredResource> find_resource(const std::string& uuid);
  std::optional<std::string> resource_bytes(const StoredResource& r);
  // downloads = downloads + 1, in the database (every node counts into the same row).
  void count_download(std::int64_t resource_id);

 private:
  void changed(const StoredDataset& d);
  Database& db_;
};

}  // namespace zwgk::store
