// See open_data_service.hpp.
#include "modules/sjkf/service/open_data_service.hpp"

#include <algorithm>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "domain/privacy_scan.hpp"
#include "domain/utf8.hpp"
#include "ingest/sheet_file.hpp"
#include "modules/qd/service/list_service.hpp"
#include "store/department_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::sjkf {

namespace {

constexpr const char* kNotFound = "没有这个数据集（未开放或已撤回的不公开）。";
constexpr std::size_t kMaxFileBytes = 50u * 1024 * 1024;

void require(const domain::Caller& caller, const char* action, const domain::Target& t) {
  if (auto r = domain::permission_refusal(caller.account, action, t)) throw domain::Forbidden(*r);
}

void note(const domain::Caller& caller, const std::string& action, std::int64_t id, const std::string& detail = {}) {
  if (caller.audit) caller.audit({action, "dataset", std::to_string(id), detail});
}

std::string lower_ascii(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The format from the name's extension; the bytes must agree (an .xlsx is a zip).
domain::ResourceFormat format_of(const ResourceUpload& u) {
  const auto name = lower_ascii(u.file_name);
  const auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends(".csv")) return domain::ResourceFormat::Csv;
  if (ends(".json")) return domain::ResourceFormat::Json;
  if (ends(".xlsx")) return domain::ResourceFormat::Xlsx;
  throw domain::Invalid({"数据文件应为 CSV（.csv）、Excel（.xlsx）或 JSON（.json）"});
}

std::string stem_of(const std::string& file_name) {
  auto slash = file_name.find_last_of("/\\");
  std::string base = slash == std::string::npos ? file_name : file_name.substr(slash + 1);
  const auto dot = base.rfind('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

// 《条例》第十五条: personal data in any cell refuses the file.
std::vector<std::string> privacy_problems(const std::vector<domain::SheetRow>& rows, domain::Date today) {
  domain::PrivacyScanOptions options;
  options.today = today;
  std::vector<std::string> header;
  std::vector<std::string> out;
  bool first = true;
  for (const auto& row : rows) {
    if (first) {
      header = row.cells;
      first = false;
    }
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const auto findings = domain::scan_privacy(row.cells[c], options);
      if (findings.empty()) continue;
      std::string what;
      for (const auto& f : findings) what += (what.empty() ? "" : "、") + domain::to_label(f.kind) + "（" + f.masked + "）";
      const std::string column = c < header.size() && !header[c].empty() ? "「" + header[c] + "」" : "第" + std::to_string(c + 1) + "列";
      out.push_back("第" + std::to_string(row.number) + "行" + column + "含有" + what + "，请删除或遮盖后再上传");
      if (out.size() >= 20) return out;
    }
  }
  return out;
}

std::string type_label(domain::ColumnType t) {
  switch (t) {
    case domain::ColumnType::Number: return "数值";
    case domain::ColumnType::Date: return "日期";
    default: return "文本";
  }
}

}  // namespace

store::StoredDataset OpenDataService::permitted(const domain::Caller& caller, std::int64_t id, const char* action) {
  auto d = store::DatasetRepository(db_).find(id);
  if (!d || d->site_id != caller.account.site_id) throw domain::NotFound("本网站没有这个数据集。");
  require(caller, action, {d->site_id, d->department_id});
  return *d;
}

std::int64_t OpenDataService::create(const domain::Caller& caller, const NewDataset& in) {
  const auto site = caller.account.site_id;
  store::UnitOfWork unit(db_);
  auto problems = domain::dataset_problems(in.draft);
  auto dep = store::DepartmentRepository(db_).by_id(in.department_id);
  if (!dep || dep->site_id != site) problems.push_back("请选择本网站的部门");
  std::optional<qd::ListView> list;
  if (in.list_id) {
    try {
      list = qd::ListService(db_, clock_).public_view(site, *in.list_id);
    } catch (const domain::NotFound&) {
      problems.push_back("所选清单不存在或尚未发布");
    }
  }
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  require(caller, "sjkf.edit", {site, in.department_id});
  store::DatasetRepository repo(db_);
  if (repo.find_by_name(in.draft.name)) throw domain::Conflict("数据集标识“" + in.draft.name + "”已被使用，请换一个");
  store::StoredDataset d;
  d.uuid = store::random_uuid();
  d.site_id = site;
  d.draft = in.draft;
  d.draft.title = domain::trim_cell(in.draft.title);
  d.department_id = in.department_id;
  d.list_id = in.list_id;
  const auto now = clock_();
  d.id = repo.create(d, now);
  if (list) {
    for (auto f : {domain::ResourceFormat::Csv, domain::ResourceFormat::Xlsx, domain::ResourceFormat::Json}) {
      store::StoredResource r;
      r.uuid = store::random_uuid();
      r.name = list->list.title + "（" + domain::to_code(f) + "）";
      r.description = "随清单“" + list->list.title + "”的现行版本更新";
      r.format = f;
      r.from_list = true;
      repo.add_resource(d, r, "", now);
    }
  }
  note(caller, "sjkf.create", d.id, "name=" + d.draft.name);
  unit.commit();
  return d.id;
}

void OpenDataService::update(const domain::Caller& caller, std::int64_t id, const domain::DatasetDraft& draft,
                             std::int64_t department_id) {
  store::UnitOfWork unit(db_);
  auto d = permitted(caller, id, "sjkf.edit");
  domain::DatasetDraft next = draft;
  next.name = d.draft.name;  // the address never changes
  auto problems = domain::dataset_problems(next);
  auto dep = store::DepartmentRepository(db_).by_id(department_id);
  if (!dep || dep->site_id != d.site_id) problems.push_back("请选择本网站的部门");
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  require(caller, "sjkf.edit", {d.site_id, department_id});
  d.draft = next;
  d.draft.title = domain::trim_cell(next.title);
  d.department_id = department_id;
  store::DatasetRepository(db_).update(d, clock_());
  note(caller, "sjkf.update", id);
  unit.commit();
}

std::int64_t OpenDataService::add_resource(const domain::Caller& caller, std::int64_t id, const ResourceUpload& u) {
  store::UnitOfWork unit(db_);
  const auto d = permitted(caller, id, "sjkf.edit");
  if (d.list_id) throw domain::Conflict("这个数据集随清单更新，文件由清单生成，不能另传");
  if (u.bytes.empty()) throw domain::Invalid({"请选择要上传的数据文件"});
  if (u.bytes.size() > kMaxFileBytes) throw domain::Invalid({"数据文件不能超过 50 MB，请分成几个文件上传"});
  const auto format = format_of(u);
  std::vector<domain::SheetRow> rows;
  if (format == domain::ResourceFormat::Json) {
    rows = domain::json_rows(u.bytes);
  } else {
    const auto kind = ingest::sheet_format_of(u.bytes);
    if ((format == domain::ResourceFormat::Xlsx) != (kind == ingest::SheetFormat::Xlsx))
      throw domain::Invalid({"文件内容与扩展名不符：请上传真正的 " + domain::extension_of(format) + " 文件"});
    rows = format == domain::ResourceFormat::Xlsx ? ingest::read_sheet_file(u.bytes) : ingest::read_csv_rows(u.bytes);
  }
  store::StoredResource r;
  r.uuid = store::random_uuid();
  r.format = format;
  r.table = domain::describe_rows(rows);
  if (auto p = privacy_problems(rows, domain::china_date_of_unix(clock_())); !p.empty())
    throw domain::Invalid(std::move(p), "privacy");
  r.name = domain::trim_cell(u.name).empty() ? stem_of(u.file_name) : domain::trim_cell(u.name);
  if (domain::count_characters(r.name) > 200) throw domain::Invalid({"文件名称不能超过200字"});
  r.description = domain::trim_cell(u.description);
  r.size = static_cast<std::int64_t>(u.bytes.size());
  const auto rid = store::DatasetRepository(db_).add_resource(d, r, u.bytes, clock_());
  note(caller, "sjkf.add_resource", id, r.name + " " + domain::to_code(format) + " rows=" + std::to_string(r.table.row_count));
  unit.commit();
  return rid;
}

void OpenDataService::remove_resource(const domain::Caller& caller, std::int64_t id, std::int64_t resource_id) {
  store::UnitOfWork unit(db_);
  const auto d = permitted(caller, id, "sjkf.edit");
  if (d.list_id) throw domain::Conflict("这个数据集随清单更新，文件由清单生成");
  store::DatasetRepository repo(db_);
  const auto all = repo.resources(id);
  const auto it = std::find_if(all.begin(), all.end(), [&](const auto& r) { return r.id == resource_id; });
  if (it == all.end()) throw domain::NotFound("这个数据集没有这个文件。");
  if (d.state == store::DatasetState::Published && all.size() == 1)
    throw domain::Conflict("已开放的数据集至少保留一个文件；要停止开放请先撤回");
  repo.remove_resource(d, resource_id, clock_());
  note(caller, "sjkf.remove_resource", id, it->name);
  unit.commit();
}

void OpenDataService::publish(const domain::Caller& caller, std::int64_t id) {
  store::UnitOfWork unit(db_);
  const auto d = permitted(caller, id, "sjkf.publish");
  if (d.state == store::DatasetState::Published) throw domain::Conflict("这个数据集已开放");
  store::DatasetRepository repo(db_);
  if (repo.resources(id).empty()) throw domain::Conflict("请先上传至少一个数据文件再开放");
  repo.set_state(d, store::DatasetState::Published, clock_());
  note(caller, "sjkf.publish", id);
  unit.commit();
}

void OpenDataService::withdraw(const domain::Caller& caller, std::int64_t id) {
  store::UnitOfWork unit(db_);
  const auto d = permitted(caller, id, "sjkf.publish");
  if (d.state != store::DatasetState::Published) throw domain::Conflict("这个数据集未开放，无需撤回");
  store::DatasetRepository(db_).set_state(d, store::DatasetState::Withdrawn, clock_());
  note(caller, "sjkf.withdraw", id);
  unit.commit();
}

std::vector<store::StoredDataset> OpenDataService::staff_list(const domain::Caller& caller) {
  require(caller, "sjkf.view", {caller.account.site_id, caller.account.department_id});
  return store::DatasetRepository(db_).of_site(caller.account.site_id);
}

DatasetView OpenDataService::staff_view(const domain::Caller& caller, std::int64_t id) {
  return view_of(permitted(caller, id, "sjkf.view"));
}

DatasetView OpenDataService::view_of(store::StoredDataset d) {
  DatasetView v;
  v.resources = store::DatasetRepository(db_).resources(d.id);
  if (d.list_id) {
    v.list_url_path = "/qd/" + std::to_string(*d.list_id) + "/";
    try {
      const auto lv = qd::ListService(db_, clock_).public_view(d.site_id, *d.list_id);
      if (lv.in_force && lv.shown) {
        const auto& version = lv.versions[*lv.shown];
        v.list_version = *version.number;
        domain::ResourceTable t;
        for (const auto& c : lv.type.columns) t.columns.push_back({c.label, type_label(c.type)});
        t.row_count = static_cast<std::int64_t>(version.items.size());
        for (std::size_t i = 0; i < version.items.size() && i < domain::kPreviewRows; ++i) t.preview.push_back(version.items[i]);
        for (auto& r : v.resources) {
          r.table = t;
          r.modified_at = version.published_at;
        }
      }
    } catch (const domain::NotFound&) {
      // The list is no longer published: its files have nothing to give.
    }
  }
  v.dataset = std::move(d);
  return v;
}

std::vector<DatasetView> OpenDataService::catalogue(std::optional<std::int64_t> site_id) {
  std::vector<DatasetView> out;
  for (auto& d : store::DatasetRepository(db_).published())
    if (!site_id || d.site_id == *site_id) out.push_back(view_of(std::move(d)));
  std::sort(out.begin(), out.end(), [](const DatasetView& a, const DatasetView& b) { return a.dataset.draft.name < b.dataset.draft.name; });
  return out;
}

DatasetView OpenDataService::public_view(std::optional<std::int64_t> site_id, const std::string& key) {
  store::DatasetRepository repo(db_);
  auto d = repo.find_by_name(key);
  if (!d) d = repo.find_by_uuid(key);
  if (!d || d->state != store::DatasetState::Published || (site_id && d->site_id != *site_id))
    throw domain::NotFound(kNotFound);
  return view_of(std::move(*d));
}

std::pair<DatasetView, store::StoredResource> OpenDataService::public_resource(const std::string& uuid) {
  store::DatasetRepository repo(db_);
  auto r = repo.find_resource(uuid);
  if (!r) throw domain::NotFound("没有这个数据资源。");
  auto d = repo.find(r->dataset_id);
  if (!d || d->state != store::DatasetState::Published) throw domain::NotFound("没有这个数据资源。");
  auto v = view_of(std::move(*d));
  for (const auto& x : v.resources)
    if (x.id == r->id) return {v, x};
  throw domain::NotFound("没有这个数据资源。");
}

Download OpenDataService::download(std::int64_t site_id, const std::string& dataset_name, const std::string& uuid,
                                   bool count) {
  const auto v = public_view(site_id, dataset_name);
  const auto it = std::find_if(v.resources.begin(), v.resources.end(), [&](const auto& r) { return r.uuid == uuid; });
  if (it == v.resources.end()) throw domain::NotFound("这个数据集没有这个文件。");
  if (v.dataset.draft.condition == domain::OpenCondition::Conditional)
    throw domain::Forbidden("这个数据集为有条件开放，请按开放条件申请后获取：" + v.dataset.draft.conditions);
  store::DatasetRepository repo(db_);
  Download out;
  out.media_type = domain::media_type_of(it->format);
  out.file_name = it->name + domain::extension_of(it->format);
  if (it->from_list) {
    if (v.list_version == 0) throw domain::NotFound("所依据的清单目前没有现行版本。");
    std::string ext = domain::extension_of(it->format);
    out.list_path = v.list_url_path + "v" + std::to_string(v.list_version) + ext;
  } else {
    auto bytes = repo.resource_bytes(*it);
    if (!bytes) throw domain::NotFound("这个文件的内容已不在。");
    out.bytes = std::move(*bytes);
  }
  if (count) repo.count_download(it->id);
  return out;
}

std::vector<domain::DatasetRecord> OpenDataService::records(const std::vector<DatasetView>& views) {
  std::vector<domain::DatasetRecord> out;
  for (const auto& v : views) {
    const auto& d = v.dataset;
    domain::DatasetRecord r;
    r.name = d.draft.name;
    r.title = d.draft.title;
    r.notes = d.draft.notes;
    r.organization = "dept-" + std::to_string(d.department_id);
    r.organization_title = d.department;
    r.group = d.draft.field;
    if (const auto* f = domain::data_field(d.draft.field)) r.group_title = f->label;
    r.tags = d.draft.keywords;
    for (const auto& res : v.resources) {
      r.formats.push_back(domain::to_code(res.format));
      r.file_names.push_back(res.name);
    }
    r.license_id = d.draft.licence;
    r.open_condition = domain::to_code(d.draft.condition);
    r.created = domain::to_utc_iso_of_unix(d.created_at);
    r.modified = domain::to_utc_iso_of_unix(d.modified_at);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace zwgk::modules::sjkf
