// See dataset_repository.hpp.
#include "modules/sjkf/store/dataset_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/china_time.hpp"
#include "modules/sjkf/domain/open_data_cache_tags.hpp"
#include "store/blob_store.hpp"
#include "store/database_impl.hpp"
#include "store/secrets.hpp"

namespace zwgk::store {

namespace {

constexpr const char* kDatasetColumns =
    "d.id, d.uuid, d.site_id, d.name, d.title, d.notes, d.department_id, COALESCE(dep.name, ''), d.field, d.keywords, "
    "d.frequency, d.licence, d.open_condition, d.conditions, COALESCE(d.list_id, 0), d.state, d.created_at, "
    "d.modified_at, d.published_at FROM datasets d LEFT JOIN departments dep ON dep.id = d.department_id ";

DatasetState state_from(const std::string& s) {
  if (s == "published") return DatasetState::Published;
  if (s == "withdrawn") return DatasetState::Withdrawn;
  return DatasetState::Draft;
}

domain::ResourceFormat format_from(const std::string& s) {
  if (s == "XLSX") return domain::ResourceFormat::Xlsx;
  if (s == "JSON") return domain::ResourceFormat::Json;
  return domain::ResourceFormat::Csv;
}

std::vector<StoredDataset> load(Lease& lease, const std::string& where, const std::string& value) {
  std::vector<StoredDataset> out;
  long long id = 0, site = 0, dep = 0, list = 0;
  std::string uuid, name, title, notes, dep_name, field, keywords, frequency, licence, condition, conditions, state,
      created, modified, published, v = value;
  soci::statement st =
      (lease.sql().prepare << std::string("SELECT ") + kDatasetColumns + where + " ORDER BY d.id", soci::use(v, "v"),
       soci::into(id), soci::into(uuid), soci::into(site), soci::into(name), soci::into(title), soci::into(notes),
       soci::into(dep), soci::into(dep_name), soci::into(field), soci::into(keywords), soci::into(frequency),
       soci::into(licence), soci::into(condition), soci::into(conditions), soci::into(list), soci::into(state),
       soci::into(created), soci::into(modified), soci::into(published));
  st.execute();
  while (st.fetch()) {
    StoredDataset d;
    d.id = id;
    d.uuid = uuid;
    d.site_id = site;
    d.draft.name = name;
    d.draft.title = title;
    d.draft.notes = notes;
    d.draft.field = field;
    d.draft.keywords = domain::parse_keywords(keywords);
    d.draft.frequency = frequency;
    d.draft.licence = licence;
    d.draft.condition = domain::open_condition_from(condition).value_or(domain::OpenCondition::Unconditional);
    d.draft.conditions = conditions;
    d.department_id = dep;
    d.department = dep_name;
    if (list > 0) d.list_id = list;
    d.state = state_from(state);
    d.created_at = domain::unix_of_utc_iso(created);
    d.modified_at = domain::unix_of_utc_iso(modified);
    d.published_at = domain::unix_of_utc_iso(published);
    out.push_back(std::move(d));
  }
  return out;
}

std::string columns_json(const domain::ResourceTable& t) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& c : t.columns) a.push_back({{"name", c.name}, {"type", c.type}});
  return a.dump();
}

void read_table(domain::ResourceTable& t, const std::string& columns, const std::string& preview) {
  try {
    for (const auto& c : nlohmann::json::parse(columns))
      t.columns.push_back({c.value("name", ""), c.value("type", "文本")});
    t.preview = nlohmann::json::parse(preview).get<std::vector<std::vector<std::string>>>();
  } catch (const nlohmann::json::exception&) {
    throw StoreError("数据资源的列信息已损坏");
  }
}

std::vector<StoredResource> load_resources(Lease& lease, const std::string& where, const std::string& value) {
  std::vector<StoredResource> out;
  long long id = 0, dataset = 0, size = 0, rows = 0, downloads = 0;
  int position = 0;
  std::string uuid, name, description, format, source, blob, columns, preview, created, modified, v = value;
  soci::indicator blob_ind = soci::i_ok;
  soci::statement st =
      (lease.sql().prepare << "SELECT id, uuid, dataset_id, position, name, description, format, source, blob_sha256, "
                              "size, row_count, columns, preview, downloads, created_at, modified_at "
                              "FROM dataset_resources WHERE " + where + " = :v ORDER BY position, id",
       soci::use(v, "v"), soci::into(id), soci::into(uuid), soci::into(dataset), soci::into(position),
       soci::into(name), soci::into(description), soci::into(format), soci::into(source),
       soci::into(blob, blob_ind), soci::into(size), soci::into(rows), soci::into(columns), soci::into(preview),
       soci::into(downloads), soci::into(created), soci::into(modified));
  st.execute();
  while (st.fetch()) {
    StoredResource r;
    r.id = id;
    r.uuid = uuid;
    r.dataset_id = dataset;
    r.position = position;
    r.name = name;
    r.description = description;
    r.format = format_from(format);
    r.from_list = source == "list";
    r.blob_sha256 = blob_ind == soci::i_ok ? blob : "";
    r.size = size;
    r.table.row_count = rows;
    read_table(r.table, columns, preview);
    r.downloads = downloads;
    r.created_at = domain::unix_of_utc_iso(created);
    r.modified_at = domain::unix_of_utc_iso(modified);
    out.push_back(std::move(r));
  }
  return out;
}

void touch(Lease& lease, std::int64_t dataset_id, std::int64_t now) {
  long long id = dataset_id;
  std::string at = domain::to_utc_iso_of_unix(now);
  lease.sql() << "UPDATE datasets SET modified_at = :at WHERE id = :id", soci::use(at, "at"), soci::use(id, "id");
}

}  // namespace

std::string to_code(DatasetState s) {
  switch (s) {
    case DatasetState::Draft: return "draft";
    case DatasetState::Published: return "published";
    case DatasetState::Withdrawn: return "withdrawn";
  }
  return "";
}

std::string to_label(DatasetState s) {
  switch (s) {
    case DatasetState::Draft: return "草稿";
    case DatasetState::Published: return "已开放";
    case DatasetState::Withdrawn: return "已撤回";
  }
  return "";
}

std::string random_uuid() {
  std::string h = random_token_hex(16);
  h[12] = '4';                                         // version 4
  h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) % 4];  // the RFC 4122 variant
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

void DatasetRepository::changed(const StoredDataset& d) {
  db_.notify_changed({domain::tag_datasets(d.site_id), domain::tag_dataset(d.id), domain::tag_all_datasets()});
}

std::int64_t DatasetRepository::create(const StoredDataset& d, std::int64_t now) {
  const auto id = guarded("保存数据集失败", [&] {
    Lease lease(db_);
    long long site = d.site_id, dep = d.department_id, out = 0;
    soci::indicator list_ind = d.list_id ? soci::i_ok : soci::i_null;
    long long list = d.list_id.value_or(0);
    std::string uuid = d.uuid, name = d.draft.name, title = d.draft.title, notes = d.draft.notes, field = d.draft.field,
                keywords = domain::join_keywords(d.draft.keywords), frequency = d.draft.frequency,
                licence = d.draft.licence, condition = domain::to_code(d.draft.condition),
                conditions = d.draft.conditions, state = to_code(d.state), at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "INSERT INTO datasets (uuid, site_id, name, title, notes, department_id, field, keywords, frequency, "
                   "licence, open_condition, conditions, list_id, state, created_at, modified_at) VALUES (:u, :s, :n, "
                   ":t, :no, :d, :f, :k, :fr, :l, :oc, :c, :li, :st, :at, :at2)",
        soci::use(uuid, "u"), soci::use(site, "s"), soci::use(name, "n"), soci::use(title, "t"), soci::use(notes, "no"),
        soci::use(dep, "d"), soci::use(field, "f"), soci::use(keywords, "k"), soci::use(frequency, "fr"),
        soci::use(licence, "l"), soci::use(condition, "oc"), soci::use(conditions, "c"), soci::use(list, list_ind, "li"),
        soci::use(state, "st"), soci::use(at, "at"), soci::use(at, "at2");
    lease.sql() << "SELECT id FROM datasets WHERE uuid = :u", soci::use(uuid, "u"), soci::into(out);
    return static_cast<std::int64_t>(out);
  });
  StoredDataset copy = d;
  copy.id = id;
  changed(copy);
  return id;
}

void DatasetRepository::update(const StoredDataset& d, std::int64_t now) {
  guarded("保存数据集失败", [&] {
    Lease lease(db_);
    long long id = d.id, dep = d.department_id;
    std::string title = d.draft.title, notes = d.draft.notes, field = d.draft.field,
                keywords = domain::join_keywords(d.draft.keywords), frequency = d.draft.frequency,
                licence = d.draft.licence, condition = domain::to_code(d.draft.condition),
                conditions = d.draft.conditions, at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "UPDATE datasets SET title = :t, notes = :no, department_id = :d, field = :f, keywords = :k, "
                   "frequency = :fr, licence = :l, open_condition = :oc, conditions = :c, modified_at = :at WHERE id = :id",
        soci::use(title, "t"), soci::use(notes, "no"), soci::use(dep, "d"), soci::use(field, "f"),
        soci::use(keywords, "k"), soci::use(frequency, "fr"), soci::use(licence, "l"), soci::use(condition, "oc"),
        soci::use(conditions, "c"), soci::use(at, "at"), soci::use(id, "id");
  });
  changed(d);
}

void DatasetRepository::set_state(const StoredDataset& d, DatasetState to, std::int64_t now) {
  guarded("保存数据集失败", [&] {
    Lease lease(db_);
    long long id = d.id;
    std::string state = to_code(to), at = domain::to_utc_iso_of_unix(now);
    if (to == DatasetState::Published)
      lease.sql() << "UPDATE datasets SET state = :s, modified_at = :at, published_at = :at2 WHERE id = :id",
          soci::use(state, "s"), soci::use(at, "at"), soci::use(at, "at2"), soci::use(id, "id");
    else
      lease.sql() << "UPDATE datasets SET state = :s, modified_at = :at WHERE id = :id", soci::use(state, "s"),
          soci::use(at, "at"), soci::use(id, "id");
  });
  changed(d);
}

std::optional<StoredDataset> DatasetRepository::find(std::int64_t id) {
  return guarded("读取数据集失败", [&]() -> std::optional<StoredDataset> {
    Lease lease(db_);
    auto v = load(lease, "WHERE d.id = :v", std::to_string(id));
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

std::optional<StoredDataset> DatasetRepository::find_by_name(const std::string& name) {
  return guarded("读取数据集失败", [&]() -> std::optional<StoredDataset> {
    Lease lease(db_);
    auto v = load(lease, "WHERE d.name = :v", name.empty() ? std::string(" ") : name);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

std::optional<StoredDataset> DatasetRepository::find_by_uuid(const std::string& uuid) {
  return guarded("读取数据集失败", [&]() -> std::optional<StoredDataset> {
    Lease lease(db_);
    auto v = load(lease, "WHERE d.uuid = :v", uuid.empty() ? std::string(" ") : uuid);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

std::vector<StoredDataset> DatasetRepository::of_site(std::int64_t site_id) {
  return guarded("读取数据集失败", [&] {
    Lease lease(db_);
    return load(lease, "WHERE d.site_id = :v", std::to_string(site_id));
  });
}

std::vector<StoredDataset> DatasetRepository::published() {
  return guarded("读取数据集失败", [&] {
    Lease lease(db_);
    return load(lease, "WHERE d.state = :v", "published");
  });
}

std::int64_t DatasetRepository::add_resource(const StoredDataset& d, const StoredResource& r, const std::string& bytes,
                                             std::int64_t now) {
  const auto id = guarded("保存数据资源失败", [&] {
    Lease lease(db_);
    long long dataset = d.id, size = r.size, rows = r.table.row_count, out = 0;
    int position = 0;
    lease.sql() << "SELECT COALESCE(MAX(position), 0) + 1 FROM dataset_resources WHERE dataset_id = :d",
        soci::use(dataset, "d"), soci::into(position);
    std::string uuid = r.uuid, name = r.name, description = r.description, format = domain::to_code(r.format),
                source = r.from_list ? "list" : "file", columns = columns_json(r.table),
                preview = nlohmann::json(r.table.preview).dump(), at = domain::to_utc_iso_of_unix(now), blob;
    soci::indicator blob_ind = soci::i_null;
    if (!r.from_list) {
      blob = BlobStore::put(lease, bytes, domain::media_type_of(r.format));
      blob_ind = soci::i_ok;
    }
    lease.sql() << "INSERT INTO dataset_resources (uuid, dataset_id, position, name, description, format, source, "
                   "blob_sha256, size, row_count, columns, preview, created_at, modified_at) VALUES (:u, :d, :p, :n, "
                   ":de, :f, :s, :b, :sz, :r, :c, :pr, :at, :at2)",
        soci::use(uuid, "u"), soci::use(dataset, "d"), soci::use(position, "p"), soci::use(name, "n"),
        soci::use(description, "de"), soci::use(format, "f"), soci::use(source, "s"), soci::use(blob, blob_ind, "b"),
        soci::use(size, "sz"), soci::use(rows, "r"), soci::use(columns, "c"), soci::use(preview, "pr"),
        soci::use(at, "at"), soci::use(at, "at2");
    lease.sql() << "SELECT id FROM dataset_resources WHERE uuid = :u", soci::use(uuid, "u"), soci::into(out);
    touch(lease, d.id, now);
    return static_cast<std::int64_t>(out);
  });
  changed(d);
  return id;
}

void DatasetRepository::remove_resource(const StoredDataset& d, std::int64_t resource_id, std::int64_t now) {
  guarded("删除数据资源失败", [&] {
    Lease lease(db_);
    long long id = resource_id, dataset = d.id;
    lease.sql() << "DELETE FROM dataset_resources WHERE id = :id AND dataset_id = :d", soci::use(id, "id"),
        soci::use(dataset, "d");
    touch(lease, d.id, now);
  });
  changed(d);
}

std::vector<StoredResource> DatasetRepository::resources(std::int64_t dataset_id) {
  return guarded("读取数据资源失败", [&] {
    Lease lease(db_);
    return load_resources(lease, "dataset_id", std::to_string(dataset_id));
  });
}

std::optional<StoredResource> DatasetRepository::find_resource(const std::string& uuid) {
  return guarded("读取数据资源失败", [&]() -> std::optional<StoredResource> {
    Lease lease(db_);
    auto v = load_resources(lease, "uuid", uuid);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

std::optional<std::string> DatasetRepository::resource_bytes(const StoredResource& r) {
  if (r.blob_sha256.empty()) return std::nullopt;
  auto blob = BlobStore(db_).get(r.blob_sha256);
  if (!blob) return std::nullopt;
  return std::move(blob->data);
}

void DatasetRepository::count_download(std::int64_t resource_id) {
  guarded("记录下载次数失败", [&] {
    Lease lease(db_);
    long long id = resource_id;
    lease.sql() << "UPDATE dataset_resources SET downloads = downloads + 1 WHERE id = :id", soci::use(id, "id");
  });
}

}  // namespace zwgk::store
