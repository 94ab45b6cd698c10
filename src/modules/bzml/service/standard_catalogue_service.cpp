// See standard_catalogue_service.hpp.
#include "modules/bzml/service/standard_catalogue_service.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "domain/privacy_scan.hpp"
#include "ingest/sheet_file.hpp"
#include "modules/bzml/domain/standard_fields.hpp"
#include "modules/qd/service/list_service.hpp"
#include "store/catalogue_repository.hpp"
#include "store/unit_of_work.hpp"

#ifndef ZWGK_STANDARD_CATALOGUE_DIR
#define ZWGK_STANDARD_CATALOGUE_DIR "data/bzml"
#endif

namespace zwgk::modules::bzml {

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw domain::Invalid({"找不到标准目录数据文件“" + p.filename().string() + "”"});
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void require_manage(const domain::Caller& caller) {
  if (auto r = domain::permission_refusal(caller.account, "bzml.manage", {caller.account.site_id, std::nullopt}))
    throw domain::Forbidden(*r);
}

// An ID number, a mobile or a bank card number in the catalogue would be published on the 领域 page.
void check_privacy(const std::vector<domain::CatalogueItem>& items) {
  std::vector<std::string> problems;
  for (const auto& i : items)
    for (const auto* cell : {&i.level1, &i.level2, &i.content, &i.basis, &i.time_limit, &i.subject, &i.channels}) {
      const auto findings = domain::scan_privacy(*cell);
      for (const auto& f : findings)
        if (f.kind != domain::PrivacyKind::SensitiveWord && f.kind != domain::PrivacyKind::Email)  // offices' mailboxes
          problems.push_back("第" + std::to_string(i.seq) + "项含有" + to_label(f.kind) + "（" + f.masked +
                             "），请删除或遮盖后再导入");
    }
  if (!problems.empty()) throw domain::Invalid(std::move(problems), "privacy");
}

}  // namespace

std::filesystem::path shipped_catalogue_dir() {
  if (const char* v = std::getenv("ZWGK_STANDARD_CATALOGUE_DIR"); v && *v) return v;
  return ZWGK_STANDARD_CATALOGUE_DIR;
}

std::vector<ShippedCatalogue> shipped_catalogues(const std::filesystem::path& dir) {
  const auto rows = ingest::read_csv_rows(read_file(dir / "catalogues.csv"));
  std::vector<ShippedCatalogue> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& c = rows[r].cells;
    if (c.size() < 5 || domain::trim_cell(c[0]).empty()) continue;
    ShippedCatalogue s;
    s.file = domain::trim_cell(c[0]);
    s.code = s.file.substr(0, s.file.rfind('.'));
    s.field = domain::trim_cell(c[1]);
    s.ministry = domain::trim_cell(c[2]);
    s.source = domain::trim_cell(c[3]);
    s.checked = domain::trim_cell(c[4]);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<domain::CatalogueItem> shipped_items(const ShippedCatalogue& catalogue, const std::filesystem::path& dir) {
  auto plan = domain::plan_catalogue_import(ingest::read_csv_rows(read_file(dir / catalogue.file)));
  if (!plan.problems.empty()) throw domain::Invalid(plan.problems);
  return std::move(plan.items);
}

std::optional<std::int64_t> default_column(store::Database& db, std::int64_t site_id, const std::string& code) {
  if (const auto* f = domain::find_standard_field(code); f && !f->column.empty())
    if (auto n = store::CatalogueRepository(db).by_code(site_id, f->column)) return n->id;
  return std::nullopt;
}

domain::Date StandardCatalogueService::today() const { return domain::china_date_of_unix(clock_()); }

std::vector<store::StandardCatalogue> StandardCatalogueService::catalogues(std::int64_t site_id) {
  return store::StandardCatalogueRepository(db_).of_site(site_id);
}

CatalogueItemView StandardCatalogueService::view_of(std::int64_t site_id, store::StoredCatalogueItem stored,
                                                   std::map<std::string, ListTypeRecords>& by_type) {
  store::StandardCatalogueRepository repo(db_);
  CatalogueItemView v;
  v.limit = domain::parse_time_limit(stored.item.time_limit);
  std::vector<domain::PublicationRecord> records;
  const bool mapped = stored.node_id || !stored.list_type.empty();
  if (stored.node_id) {
    records = repo.node_records(*stored.node_id);
    v.links.push_back({stored.node_name, "column", stored.node_code});
  }
  if (!stored.list_type.empty()) {
    // Read once per type: several items of a 领域 are often published in the same 清单.
    auto& t = by_type[stored.list_type];
    if (!t.read) {
      t.records = repo.list_records(site_id, stored.list_type);
      for (const auto& l : repo.published_lists(site_id, stored.list_type))
        t.links.push_back({l.title, "list", std::to_string(l.id)});
      t.read = true;
    }
    records.insert(records.end(), t.records.begin(), t.records.end());
    v.links.insert(v.links.end(), t.links.begin(), t.links.end());
    v.list_type_name = t.name;
  }
  v.status = domain::catalogue_item_status(v.limit, mapped, records, today(), calendar_);
  v.stored = std::move(stored);
  return v;
}

CatalogueView StandardCatalogueService::catalogue(std::int64_t site_id, const std::string& code) {
  store::StandardCatalogueRepository repo(db_);
  auto c = repo.find(site_id, code);
  if (!c) throw domain::NotFound("本网站没有“" + code + "”领域的标准目录");
  CatalogueView out;
  out.catalogue = *c;
  std::map<std::string, ListTypeRecords> by_type;
  for (const auto& t : qd::ListService(db_).types(site_id)) by_type[t.code].name = t.name;
  for (auto& s : repo.items(c->id)) {
    auto v = view_of(site_id, std::move(s), by_type);
    switch (v.status.state) {
      case domain::CatalogueItemState::OnTime: ++out.on_time; break;
      case domain::CatalogueItemState::Late: ++out.late; break;
      case domain::CatalogueItemState::Pending: ++out.pending; break;
      case domain::CatalogueItemState::Overdue: ++out.overdue; break;
      case domain::CatalogueItemState::Unmapped: ++out.unmapped; break;
      case domain::CatalogueItemState::Untimed: ++out.untimed; break;
      case domain::CatalogueItemState::NoRecords: ++out.no_records; break;
    }
    out.items.push_back(std::move(v));
  }
  return out;
}

std::vector<std::pair<store::StandardCatalogue, CatalogueItemView>> StandardCatalogueService::overdue(
    std::int64_t site_id) {
  std::vector<std::pair<store::StandardCatalogue, CatalogueItemView>> out;
  for (const auto& c : catalogues(site_id)) {
    auto v = catalogue(site_id, c.code);
    for (auto& i : v.items)
      if (i.status.missing()) out.emplace_back(c, std::move(i));
  }
  return out;
}

int StandardCatalogueService::save(const domain::Caller& caller, store::StandardCatalogue c,
                                   const std::vector<domain::CatalogueItem>& items) {
  store::UnitOfWork unit(db_);
  c.site_id = caller.account.site_id;
  c.imported_by = caller.name;
  store::StandardCatalogueRepository(db_).replace(c, items, default_column(db_, c.site_id, c.code), clock_());
  if (caller.audit)
    caller.audit({"bzml.import", "standard_catalogue", c.code, "items=" + std::to_string(items.size())});
  unit.commit();
  return static_cast<int>(items.size());
}

int StandardCatalogueService::import_shipped(const domain::Caller& caller, const std::string& code,
                                             const std::filesystem::path& dir) {
  require_manage(caller);
  for (const auto& s : shipped_catalogues(dir)) {
    if (s.code != code) continue;
    const auto items = shipped_items(s, dir);
    store::StandardCatalogue c;
    c.code = s.code;
    c.field = s.field;
    c.ministry = s.ministry;
    c.source = s.source;
    return save(caller, c, items);
  }
  throw domain::NotFound("zwgk 未附带“" + code + "”领域的标准目录");
}

store::StandardCatalogue sheet_catalogue(const SheetImport& in) {
  store::StandardCatalogue c;
  c.code = domain::trim_cell(in.code);
  c.field = domain::trim_cell(in.field);
  c.source = domain::trim_cell(in.source);
  if (c.field.size() > 4 && c.field.ends_with("领域")) c.field.resize(c.field.size() - std::string("领域").size());
  if (const auto* standard = domain::find_standard_field(c.code.empty() ? c.field : c.code)) {
    if (c.code.empty()) c.code = standard->code;
    if (c.field.empty()) c.field = standard->name;
    c.ministry = standard->ministry;
  }
  return c;
}

int StandardCatalogueService::import_sheet(const domain::Caller& caller, const SheetImport& in) {
  require_manage(caller);
  std::vector<std::string> problems;
  auto c = sheet_catalogue(in);
  if (!domain::is_catalogue_field_code(c.code))
    problems.push_back("领域代码应为2至40个小写字母、数字或“-”，例如“caizheng-yujuesuan”");
  if (c.field.empty()) problems.push_back("请填写领域名称，例如“财政预决算”");
  if (c.field.size() > 120) problems.push_back("领域名称不超过40字");
  if (c.source.size() > 600) problems.push_back("来源不超过200字");
  if (in.bytes.empty()) problems.push_back("请选择标准目录文件（XLSX、XLS或CSV）");
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  const auto plan = domain::plan_catalogue_import(ingest::read_sheet_file(in.bytes));
  if (!plan.problems.empty()) throw domain::Invalid(plan.problems);
  check_privacy(plan.items);
  return save(caller, c, plan.items);
}

void StandardCatalogueService::map_item(const domain::Caller& caller, std::int64_t item_id,
                                        const std::string& node_code, const std::string& list_type) {
  require_manage(caller);
  const auto site = caller.account.site_id;
  store::StandardCatalogueRepository repo(db_);
  store::UnitOfWork unit(db_);
  const auto item = repo.item(item_id);
  bool ours = false;
  if (item)
    for (const auto& c : repo.of_site(site)) ours = ours || c.id == item->catalogue_id;
  if (!ours) throw domain::NotFound("本网站的标准目录中没有这个事项");
  std::vector<std::string> problems;
  std::optional<std::int64_t> node;
  if (!node_code.empty()) {
    auto n = store::CatalogueRepository(db_).by_code(site, node_code);
    if (!n) problems.push_back("本网站的公开目录中没有代码为“" + node_code + "”的栏目");
    else node = n->id;
  }
  if (!list_type.empty()) {
    bool known = false;
    for (const auto& t : qd::ListService(db_).types(site)) known = known || t.code == list_type;
    if (!known) problems.push_back("没有代码为“" + list_type + "”的清单类型");
  }
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  repo.map_item(site, item_id, node, list_type);
  if (caller.audit)
    caller.audit({"bzml.map", "standard_catalogue_item", std::to_string(item_id),
                  "column=" + node_code + " list_type=" + list_type});
  unit.commit();
}

}  // namespace zwgk::modules::bzml
