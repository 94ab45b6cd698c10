// Demo content for `zwgk demo` (data/demo/README.md). Sites and departments go through
// the repositories (created when missing, never overwritten: an operator may have edited
// them); every document goes through the importer, so the demo and `zwgk import` share one
// code path and running the demo twice changes nothing.
#include "app/demo.hpp"

#include <array>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

#include "app/cli_audit.hpp"
#include "app/importer.hpp"
#include "domain/catalogue.hpp"
#include "domain/clock.hpp"
#include "domain/date.hpp"
#include "domain/html_sanitizer.hpp"
#include "domain/org_code.hpp"
#include "domain/site.hpp"
#include "modules/qd/domain/list_version.hpp"
#include "ingest/sheet_file.hpp"
#include "modules/qd/store/list_repository.hpp"
#include "modules/sjkf/store/dataset_repository.hpp"
#include "modules/bzml/service/standard_catalogue_service.hpp"
#include "modules/yjs/store/budget_repository.hpp"
#include "modules/yjzj/store/consultation_repository.hpp"
#include "modules/yjzj/store/consultation_statement_repository.hpp"
#include "store/catalogue_repository.hpp"
#include "store/database.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/personal_data_key.hpp"
#include "store/site_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "modules/jyta/store/proposal_repository.hpp"  // 建议提案办理 (jyta)
#include "modules/zxft/store/event_repository.hpp"     // 访谈发布 (zxft)

namespace zwgk::app {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// 访谈发布 (zxft, issue 13): an ended 在线访谈 on the seed policy with its 文字实录, once.
void add_demo_event(store::Database& db) {
  auto site = store::SiteRepository(db).by_code(kDemoCitySite);
  if (!site) return;
  auto policy = store::DocumentRepository(db).by_external_id(site->id, kSeedExternalId);
  const auto key = store::PersonalDataKey::derive_from(store::random_secret());  // no question is stored
  store::EventRepository events(db, key);
  if (!policy || !events.list(site->id, false).empty()) return;
  auto office = store::DepartmentRepository(db).by_name(site->id, "邵阳市人民政府办公室");
  domain::EventDraft d;
  d.kind = domain::EventKind::OnlineInterview;
  d.title = "解读《2017年邵阳市政务公开工作要点》在线访谈";
  d.summary = "市政府办公室负责同志做客在线访谈，解读2017年全市政务公开工作的重点任务，回答网友提问。";
  d.place = "市人民政府门户网站访谈室";
  if (office) d.department_id = office->id;
  d.starts_at = 1495159200;  // 2017-05-19 10:00 China time
  d.ends_at = d.starts_at + 3600;
  d.guests = {{"李明", "市人民政府办公室主任", d.department_id, office ? office->name : "", true}};
  d.policy_ids = {policy->id};
  const auto id = events.create(site->id, d, d.starts_at - 5 * 24 * 3600);
  auto e = *events.find(id);
  events.set_state(e, domain::EventState::Announced, d.starts_at - 5 * 24 * 3600);
  events.set_state(e, domain::EventState::Live, d.starts_at);
  const char* lines[][2] = {
      {"主持人", "各位网友，大家好！欢迎收看本期在线访谈。今天我们请来市人民政府办公室主任李明，解读《2017年邵阳市政务公开工作要点》。"},
      {"李明", "今年的工作要点围绕稳增长、促改革、调结构、惠民生、防风险，明确了推进“五公开”、加强政策解读和回应关切等重点任务。"},
      {"李明", "对特别重大、重大突发事件，要求5小时内发布权威信息，24小时内举行新闻发布会。"},
      {"主持人", "感谢李主任的解读，本期访谈到此结束。"}};
  std::int64_t t = d.starts_at;
  for (const auto& l : lines) events.add_entry(e, {l[0], l[1], std::nullopt}, std::nullopt, {}, "demo", t += 300);
  events.set_state(e, domain::EventState::Ended, d.ends_at);
}

// 意见征集: a 规章草案 open now (30 days from five days ago, so `make run` shows the form and
// its articles), with one published opinion on 第五条; and an ended 行政规范性文件 with its 反馈.
// 预决算公开: this year's cells, approved on dates relative to today, so the column shows a
// 待公开 with its due date, an overdue one and the rest 待批复. Loading twice adds nothing.
void add_demo_budgets(store::Database& db, std::int64_t now) {
  auto site = store::SiteRepository(db).by_code(kDemoCitySite);
  if (!site) return;
  const auto today = domain::china_date(now);
  store::BudgetRepository repo(db);
  if (!repo.of_year(site->id, today.year()).empty()) return;
  const auto days_ago = [&](int n) { return domain::Date::from_sys_days(today.days() - std::chrono::days(n)); };
  store::BudgetCell government;
  government.site_id = site->id;
  government.year = today.year();
  government.kind = domain::BudgetKind::Budget;
  government.approved_on = days_ago(10);
  repo.save(government, now, "演示");
  const auto deps = store::DepartmentRepository(db).by_site(site->id);
  if (!deps.empty()) {
    store::BudgetCell late = government;
    late.department_id = deps.front().id;
    late.approved_on = days_ago(30);
    repo.save(late, now, "演示");
  }
}

// 清单: the 行政事业性收费目录清单 with two published versions (the second lowers a fee, adds
// one and drops one), so the page shows its changes. Loading twice adds nothing.
void add_demo_lists(store::Database& db, std::int64_t now) {
  auto site = store::SiteRepository(db).by_code(kDemoCitySite);
  if (!site) return;
  store::ListRepository repo(db);
  if (!repo.of_site(site->id).empty()) return;
  auto finance = store::DepartmentRepository(db).by_name(site->id, "邵阳市人民政府办公室");
  if (!finance) return;
  const auto today = domain::china_date(now);
  store::StoredList l;
  l.site_id = site->id;
  l.type_code = "administrative_fees";
  l.title = "邵阳市行政事业性收费目录清单";
  l.department_id = finance->id;
  l.id = repo.create(l, now);
  const std::vector<domain::ListItem> v1 = {
      {"邵阳市自然资源和规划局", "不动产登记费", "住宅类每件80元，非住宅类每件550元", "发改价格规〔2016〕2559号", "缴入国库"},
      {"邵阳市公安局", "居民身份证工本费", "首次申领、换领每证20元", "价费字〔1992〕240号", "缴入国库"},
      {"邵阳市公安局", "机动车号牌工本费", "每副100元", "计价格〔1994〕783号", "缴入国库"},
      {"邵阳市市场监督管理局", "特种设备检验检测费", "按省定标准执行", "湘发改价费〔2017〕1号", "缴入财政专户"}};
  auto v2 = v1;
  v2[2][2] = "每副80元";
  v2.erase(v2.begin() + 3);
  v2.push_back({"邵阳市住房和城乡建设局", "城市道路占用费", "按占用面积和天数计收", "湘价费〔2009〕1号", "缴入国库"});
  const auto fees = *domain::shipped_list_type("administrative_fees");
  int number = 0;
  for (const std::vector<domain::ListItem>* items : {&v1, static_cast<const std::vector<domain::ListItem>*>(&v2)}) {
    repo.save_working(l, *items, "演示", now);
    const auto w = repo.working(l.id);
    repo.set_state(l, w->id, store::ListVersionState::Approved, "", "演示", now);
    const auto before = number == 0 ? std::vector<domain::ListItem>{} : v1;
    const auto summary = number == 0 ? "首次发布，共" + std::to_string(items->size()) + "项"
                                     : domain::compare_versions(fees, before, *items).summary();
    ++number;
    repo.publish(l, w->id, number, domain::Date::from_sys_days(today.days() - std::chrono::days(number == 1 ? 200 : 20)),
                 summary, "演示", now);
  }
}

// 基层政务公开标准目录: every shipped 领域 (data/bzml/), its items in the 领域's own column, so
// the page per 领域 shows where each is published. Loading twice adds nothing.
void add_demo_standard_catalogues(store::Database& db, std::int64_t now) {
  auto site = store::SiteRepository(db).by_code(kDemoCitySite);
  if (!site) return;
  store::StandardCatalogueRepository repo(db);
  if (!repo.of_site(site->id).empty()) return;
  for (const auto& shipped : modules::bzml::shipped_catalogues()) {
    store::StandardCatalogue c;
    c.site_id = site->id;
    c.code = shipped.code;
    c.field = shipped.field;
    c.ministry = shipped.ministry;
    c.source = shipped.source;
    c.imported_by = "演示";
    repo.replace(c, modules::bzml::shipped_items(shipped), modules::bzml::default_column(db, site->id, c.code), now);
  }
}

// 数据开放: a file dataset (公交站点, CSV) and one that follows the 收费目录清单, both 开放.
// Loading twice adds nothing.
void add_demo_datasets(store::Database& db, std::int64_t now) {
  auto site = store::SiteRepository(db).by_code(kDemoCitySite);
  if (!site) return;
  store::DatasetRepository repo(db);
  if (!repo.of_site(site->id).empty()) return;
  auto office = store::DepartmentRepository(db).by_name(site->id, "邵阳市人民政府办公室");
  if (!office) return;
  store::StoredDataset d;
  d.uuid = store::random_uuid();
  d.site_id = site->id;
  d.department_id = office->id;
  d.draft.name = "government-service-halls";
  d.draft.title = "政务服务大厅及便民服务站点";
  d.draft.notes = "全市政务服务大厅和乡镇（街道）便民服务中心的名称、地址、办公时间和咨询电话。";
  d.draft.field = "shfw";
  d.draft.keywords = {"政务服务", "办事大厅", "便民服务"};
  d.draft.frequency = "每季度";
  d.id = repo.create(d, now);
  const std::string csv =
      "名称,地址,办公时间,咨询电话,窗口数\r\n"
      "邵阳市政务服务中心,邵阳市双清区宝庆东路,工作日 8:30-17:30,0739-5363114,86\r\n"
      "双清区政务服务中心,邵阳市双清区东大路,工作日 8:30-17:30,0739-5300000,42\r\n"
      "大祥区政务服务中心,邵阳市大祥区城南路,工作日 8:30-17:30,0739-5211000,38\r\n";
  store::StoredResource r;
  r.uuid = store::random_uuid();
  r.name = "政务服务大厅名录";
  r.format = domain::ResourceFormat::Csv;
  r.size = static_cast<std::int64_t>(csv.size());
  r.table = domain::describe_rows(ingest::read_csv_rows(csv));
  repo.add_resource(d, r, csv, now);
  repo.set_state(d, store::DatasetState::Published, now);
  const auto lists = store::ListRepository(db).of_site(site->id);
  if (lists.empty()) return;
  store::StoredDataset f = d;
  f.uuid = store::random_uuid();
  f.draft.name = "administrative-fees";
  f.draft.title = "行政事业性收费目录";
  f.draft.notes = "本市行政事业性收费的项目、标准、依据和资金管理方式，随收费目录清单的现行版本更新。";
  f.draft.field = "csjr";
  f.draft.keywords = {"收费", "清单"};
  f.draft.frequency = "不定期";
  f.list_id = lists.front().id;
  f.id = repo.create(f, now);
  for (auto format : {domain::ResourceFormat::Csv, domain::ResourceFormat::Xlsx, domain::ResourceFormat::Json}) {
    store::StoredResource lr;
    lr.uuid = store::random_uuid();
    lr.name = lists.front().title + "（" + domain::to_code(format) + "）";
    lr.description = "随清单的现行版本更新";
    lr.format = format;
    lr.from_list = true;
    repo.add_resource(f, lr, "", now);
  }
  repo.set_state(f, store::DatasetState::Published, now);
}

void add_demo_consultations(store::Database& db, std::int64_t now) {
  auto site = store::SiteRepository(db).by_code(kDemoCitySite);
  if (!site) return;
  const auto key = store::PersonalDataKey::derive_from(store::random_secret());  // demo opinions only
  store::ConsultationRepository repo(db, key);
  if (!repo.list(site->id, false).empty()) return;
  auto office = store::DepartmentRepository(db).by_name(site->id, "邵阳市人民政府办公室");
  const auto today = domain::china_date(now);
  domain::ConsultationDraft d;
  d.kind = domain::ConsultationKind::RuleDraft;
  d.title = "《邵阳市政府信息公开工作规定（征求意见稿）》公开征求意见";
  if (office) d.department_id = office->id;
  d.explanation = "为贯彻《中华人民共和国政府信息公开条例》，规范本市政府信息公开工作，市人民政府办公室起草了本规定。现向社会公开征求意见。";
  d.body_html = domain::sanitize_html(
      "<p>第一条 为了保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》，结合本市实际，制定本规定。</p>"
      "<p>第二条 本市各级行政机关的政府信息公开工作，适用本规定。</p>"
      "<p>第三条 市人民政府办公室是本市政府信息公开工作的主管部门。</p>"
      "<p>第四条 行政机关应当建立健全政府信息公开保密审查机制。</p>"
      "<p>第五条 属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内予以公开。</p>"
      "<p>第六条 本规定自发布之日起施行。</p>");
  d.how_to_send = "通信地址：邵阳市人民政府办公室（邮编422000）\n电子邮箱：zwgk@shaoyang.gov.cn";
  d.starts_on = domain::Date::from_sys_days(today.days() - std::chrono::days(5));
  d.ends_on = domain::Date::from_sys_days(d.starts_on->days() + std::chrono::days(30));
  const auto open_id = repo.create(site->id, d, now);
  auto open = *repo.find(open_id);
  repo.set_record(open, store::ConsultationRecord::Published, now);
  const auto oid = repo.add_opinion(open, {"art-5", "演示", "13800138000", "建议将20个工作日缩短为15个工作日，方便群众及时了解政策。"},
                                    "第五条", now);
  repo.set_opinion_state(open, oid, domain::OpinionState::Published, now);

  domain::ConsultationDraft e = d;
  e.kind = domain::ConsultationKind::NormativeDocument;
  e.title = "《邵阳市政务公开标准化规范化工作方案（征求意见稿）》公开征求意见";
  e.explanation = "为推进基层政务公开标准化规范化，起草了本方案。";
  e.body_html = domain::sanitize_html("<p>一、工作目标</p><p>到年底，编制完成各领域政务公开事项标准目录。</p><p>二、工作任务</p><p>梳理公开事项，规范公开流程。</p>");
  e.starts_on = domain::Date::from_sys_days(today.days() - std::chrono::days(60));
  e.ends_on = domain::Date::from_sys_days(today.days() - std::chrono::days(45));
  const auto done_id = repo.create(site->id, e, now);
  auto done = *repo.find(done_id);
  repo.set_record(done, store::ConsultationRecord::Published, now);
  repo.set_feedback(done, {12, 5, 3, 4, "共收到意见12条，采纳5条、部分采纳3条。未采纳的4条中，3条建议超出本方案范围，1条与上位规定不符。"}, now);

  // 情况说明: a department with nothing to consult on in the quarter just ended.
  for (const auto& dep : store::DepartmentRepository(db).by_site(site->id)) {
    if (office && dep.id == office->id) continue;
    const int quarter_now = (static_cast<int>(static_cast<unsigned>(today.ymd.month())) + 2) / 3;
    store::ConsultationStatement st;
    st.site_id = site->id;
    st.department_id = dep.id;
    st.period = quarter_now == 1 ? domain::StatementPeriod{today.year() - 1, 4} : domain::StatementPeriod{today.year(), quarter_now - 1};
    st.text = domain::default_statement_text(dep.name, st.period);
    st.published_at = now;
    st.published_by = "演示";
    store::ConsultationStatementRepository(db).add(st);
    break;
  }
}

// ------------------------------------------------------------------ codes and hashing

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
  return s;
}

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) throw std::runtime_error("无法读取演示数据文件: " + p.string());
  std::ostringstream buf;
  buf << f.rdbuf();
  return buf.str();
}

domain::Date add_days(domain::Date d, int n) { return domain::Date::from_sys_days(d.days() + std::chrono::days{n}); }

domain::Date make_date(int y, int m, int d) {
  domain::Date out;
  out.ymd = std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} / std::chrono::day{static_cast<unsigned>(d)};
  return out;
}

using domain::escape_html;

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  std::istringstream in(text);
  std::string line;
  auto flush = [&] {
    if (!trim(current).empty()) out.push_back(trim(current));
    current.clear();
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty()) {
      flush();
    } else {
      if (!current.empty()) current += '\n';
      current += line;
    }
  }
  flush();
  return out;
}

// ------------------------------------------------------------------ sites and departments

struct DepartmentDef {
  std::string key;         // role used by the column table: office, fgw, czj, ...
  std::string name;
  std::string short_name;
  std::string org_base8;   // 组织机构代码 without its check character (placeholder)
};

struct SiteDef {
  domain::Site site;
  std::string place;        // 邵阳市 / 新邵县 / 邵东市
  std::string division;     // administrative division code
  std::string abbr;         // 文号 prefix: 邵 / 新 / 邵东
  std::string addressees;   // 主送
  std::vector<DepartmentDef> departments;
};

domain::Site make_site(std::string code, std::string name, std::string prefix, std::string sponsor,
                       std::string phone, std::string id_code, std::string icp, std::string police,
                       std::string domain_name, std::string address) {
  domain::Site s;
  s.code = std::move(code);
  s.name = std::move(name);
  s.path_prefix = std::move(prefix);
  s.sponsor = std::move(sponsor);
  s.phone = std::move(phone);
  s.site_id_code = std::move(id_code);
  s.icp_record = std::move(icp);
  s.police_record = std::move(police);
  s.domain = std::move(domain_name);
  s.address = std::move(address);
  return s;
}

// Phone numbers, 网站标识码, ICP and 公安备案 numbers and organisation codes are plausible
// placeholders (data/demo/README.md).
const std::vector<SiteDef>& site_defs() {
  static const std::vector<SiteDef> defs = {
      {make_site("shaoyang", "邵阳市人民政府", "", "邵阳市人民政府办公室", "0739-5363114", "4305000001",
                 "湘ICP备05003342号", "湘公网安备 43050202000123号", "www.shaoyang.gov.cn",
                 "湖南省邵阳市双清区宝庆东路"),
       "邵阳市", "430500", "邵", "各县市区人民政府，市直有关单位：",
       {
           {"office", "邵阳市人民政府办公室", "市政府办", "00696755"},
           {"fgw", "邵阳市发展和改革委员会", "市发改委", "00696763"},
           {"czj", "邵阳市财政局", "市财政局", "00696771"},
           {"jyj", "邵阳市教育局", "市教育局", "00696798"},
           {"sthj", "邵阳市生态环境局", "市生态环境局", "00696802"},
           {"rsj", "邵阳市人力资源和社会保障局", "市人社局", "00696810"},
           {"zjj", "邵阳市住房和城乡建设局", "市住建局", "00696829"},
           {"wjw", "邵阳市卫生健康委员会", "市卫健委", "00696837"},
           {"scjg", "邵阳市市场监督管理局", "市市场监管局", "00696845"},
           {"yjj", "邵阳市应急管理局", "市应急管理局", "00696853"},
           {"tjj", "邵阳市统计局", "市统计局", "00696861"},
           {"zrzy", "邵阳市自然资源和规划局", "市自然资源和规划局", "00696870"},
           {"mzj", "邵阳市民政局", "市民政局", "00696888"},
           {"gaj", "邵阳市公安局", "市公安局", "00696896"},
       }},
      {make_site("xinshao", "新邵县人民政府", "/xinshao", "新邵县人民政府办公室", "0739-3612010", "4305220001",
                 "湘ICP备12003522号", "湘公网安备 43052202000035号", "www.xinshao.gov.cn",
                 "湖南省邵阳市新邵县酿溪镇"),
       "新邵县", "430522", "新", "各乡镇人民政府、街道办事处，县直有关单位：",
       {
           {"office", "新邵县人民政府办公室", "县政府办", "00712301"},
           {"czj", "新邵县财政局", "县财政局", "00712328"},
           {"jyj", "新邵县教育局", "县教育局", "00712336"},
           {"fgw", "新邵县发展和改革局", "县发改局", "00712344"},
       }},
      {make_site("shaodong", "邵东市人民政府", "/shaodong", "邵东市人民政府办公室", "0739-2612010", "4305820001",
                 "湘ICP备14005820号", "湘公网安备 43058202000046号", "www.shaodong.gov.cn",
                 "湖南省邵东市大禾塘街道"),
       "邵东市", "430582", "邵东", "各乡镇人民政府、街道办事处，市直有关单位：",
       {
           {"office", "邵东市人民政府办公室", "市政府办", "00718201"},
           {"czj", "邵东市财政局", "市财政局", "00718228"},
           {"zrzy", "邵东市自然资源局", "市自然资源局", "00718236"},
           {"jyj", "邵东市教育局", "市教育局", "00718244"},
       }},
  };
  return defs;
}

// ------------------------------------------------------------------ generated documents

enum class Genre { Policy, News, Notice, Report, List };

struct ColumnSpec {
  Genre genre;
  std::string department;              // DepartmentDef::key
  std::string topic;                   // 主题分类
  std::vector<std::string> keywords;   // pick related corpus paragraphs
  std::vector<std::string> titles;     // {place} {gov} {office} {year} {n}
};

const std::map<std::string, ColumnSpec>& column_specs() {
  static const std::map<std::string, ColumnSpec> specs = {
      {"ywdt", {Genre::News, "office", "综合政务", {"推进", "工作"},
                {"{place}召开{year}年政务公开工作推进会", "{place}部署安全生产大检查工作",
                 "{place}政府常务会议研究优化营商环境工作"}}},
      {"tzgg", {Genre::Notice, "office", "综合政务", {"通知", "公告"},
                {"关于开展{year}年度政府网站和政务新媒体自查工作的通知",
                 "关于公开征集《{place}优化营商环境若干措施（征求意见稿）》意见的公告",
                 "{office}关于{year}年清明节期间有关工作安排的通知"}}},
      {"zfxxgkzn", {Genre::List, "office", "政务公开", {"公开"},
                    {"{gov}政府信息公开指南", "{gov}依申请公开政府信息指南", "{office}政府信息公开指南"}}},
      {"zfxxgkzd", {Genre::Policy, "office", "政务公开", {"公开", "制度"},
                    {"{gov}政府信息公开保密审查制度", "{gov}政府信息公开工作考核制度",
                     "{gov}政府信息公开工作责任追究制度"}}},
      {"zfxxgknb", {Genre::Report, "office", "政务公开", {"公开"},
                    {"{gov}{year}年政府信息公开工作年度报告"}}},
      {"zcwj", {Genre::Policy, "office", "综合政务", {"营商环境", "民营", "企业", "服务"},
                {"{gov}关于印发《{place}优化营商环境若干措施》的通知",
                 "{office}关于进一步加强政务公开标准化规范化工作的实施意见",
                 "{gov}关于印发《{place}促进民营经济高质量发展若干措施》的通知"}}},
      {"fgwj", {Genre::Policy, "office", "综合政务", {"规范", "管理"},
                {"{gov}关于印发《{place}行政规范性文件管理办法》的通知",
                 "{office}关于公布现行有效行政规范性文件目录的通知",
                 "{gov}关于废止和修改部分行政规范性文件的决定"}}},
      {"jgzn", {Genre::List, "office", "机构职能", {"职能", "机构"},
                {"{office}主要职责和内设机构", "{gov}领导分工", "{place}财政局主要职责和内设机构"}}},
      {"ghjh", {Genre::Report, "fgw", "国民经济管理", {"规划", "发展"},
                {"{place}{year}年国民经济和社会发展计划",
                 "{place}“十四五”新型城镇化规划", "{place}国土空间总体规划（2021—2035年）"}}},
      {"tjxx", {Genre::Report, "tjj", "统计", {"统计", "增长"},
                {"{place}{year}年国民经济和社会发展统计公报", "{place}{year}年一季度经济运行情况",
                 "{place}{year}年上半年主要经济指标"}}},
      {"xzxk", {Genre::List, "office", "政务服务", {"许可", "审批"},
                {"{place}行政许可事项清单（{year}年版）", "{place}{year}年行政许可办理结果公示",
                 "关于{place}政务服务事项“一件事一次办”清单的公告"}}},
      {"xzcf", {Genre::List, "scjg", "市场监管", {"处罚", "执法"},
                {"{place}市场监督管理行政处罚裁量权基准", "{place}{year}年第{n}批行政处罚信息公示",
                 "{place}行政强制事项清单"}}},
      {"czyjs", {Genre::Report, "czj", "财政", {"预算", "资金", "财政"},
                 {"{place}{year}年政府预算公开", "关于{place}{year}年财政决算的报告",
                  "{place}财政局{year}年部门预算公开说明"}}},
      {"xzsyxsf", {Genre::List, "czj", "财政", {"收费", "基金"},
                   {"{place}行政事业性收费目录清单（{year}年）", "{place}涉企行政事业性收费目录清单",
                    "{place}政府性基金目录清单"}}},
      {"zfcg", {Genre::Notice, "czj", "财政", {"采购"},
                {"{place}{year}年政府集中采购目录及限额标准", "{place}{year}年政府采购意向公开",
                 "{place}政府采购合同公告（{year}年第{n}期）"}}},
      {"zdjsxm", {Genre::Report, "fgw", "国民经济管理", {"项目", "建设"},
                  {"{place}{year}年重点建设项目计划", "{place}重大建设项目批准和实施情况（{year}年）",
                   "关于{place}城区防洪工程项目核准的批复"}}},
      {"fp", {Genre::Policy, "office", "扶贫", {"扶贫", "脱贫", "乡村"},
              {"{place}{year}年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点",
               "{place}{year}年衔接推进乡村振兴补助资金分配结果公示", "{place}防止返贫动态监测和帮扶工作实施方案"}}},
      {"jy", {Genre::Policy, "jyj", "教育", {"教育", "学校", "学生"},
              {"{place}{year}年义务教育阶段学校招生入学工作方案", "{place}学前教育发展提升行动计划",
               "{place}{year}年普通高中招生工作实施办法"}}},
      {"wsjk", {Genre::Policy, "wjw", "卫生", {"医疗", "卫生", "医院", "健康"},
                {"{place}{year}年基本公共卫生服务项目实施方案", "{place}深化医药卫生体制改革{year}年重点工作任务",
                 "{place}{year}年医疗机构院务公开工作情况"}}},
      {"shbz", {Genre::Policy, "rsj", "社会保障", {"养老", "保险", "社会保障"},
                {"{place}{year}年城乡居民基本养老保险待遇调整方案", "{place}城乡最低生活保障标准调整公告",
                 "关于调整{place}最低工资标准的通知"}}},
      {"cjjy", {Genre::Policy, "rsj", "劳动就业", {"就业", "创业"},
                {"{place}{year}年稳就业若干措施", "{place}高校毕业生就业创业扶持政策",
                 "{place}{year}年公益性岗位开发计划"}}},
      {"yjgl", {Genre::Policy, "yjj", "应急管理", {"应急", "突发", "灾害"},
                {"{place}突发事件总体应急预案", "{place}防汛抗旱应急预案", "{place}森林火灾应急预案"}}},
      {"hjbh", {Genre::Report, "sthj", "环境保护", {"环境", "污染", "生态"},
                {"{place}{year}年生态环境状况公报", "{place}{year}年城市空气质量状况",
                 "{place}集中式饮用水水源地水质状况（{year}年第{n}季度）"}}},
      {"aqsc", {Genre::Policy, "yjj", "安全生产", {"安全生产", "安全"},
                {"{place}安全生产“黑名单”管理办法", "{place}{year}年安全生产监督检查计划",
                 "{place}{year}年度安全生产工作要点"}}},
      {"spyp", {Genre::Notice, "scjg", "食品药品监管", {"食品", "药品"},
                {"{place}{year}年食品安全抽检信息公告（第{n}期）", "{place}{year}年食品安全监督抽检计划",
                 "{place}药品经营企业监督检查结果公告"}}},
      {"cpzl", {Genre::Notice, "scjg", "质量监督", {"质量", "产品"},
                {"{place}{year}年产品质量监督抽查结果公告", "{place}质量提升行动实施方案",
                 "{place}缺陷产品召回情况通报"}}},
      {"rsxx", {Genre::Notice, "rsj", "人事", {"招聘", "人员"},
                {"{place}{year}年考试录用公务员拟录用人员名单公示", "{gov}关于有关同志职务任免的通知",
                 "{place}{year}年事业单位公开招聘工作人员公告"}}},
      {"qtfdgk", {Genre::Report, "office", "综合政务", {"法治", "依法"},
                  {"{place}{year}年度法治政府建设情况报告", "{place}权责清单（{year}年版）",
                   "{place}重大行政决策事项目录（{year}年）"}}},
      {"szjs", {Genre::Policy, "zjj", "城乡建设", {"城市", "建设", "基础设施"},
                {"{place}城区{year}年市政道路建设计划", "{place}城镇老旧小区改造{year}年实施计划",
                 "{place}城市排水防涝设施建设方案"}}},
      {"ggfw", {Genre::List, "office", "政务服务", {"服务", "公共服务"},
                {"{place}基本公共服务标准（{year}年版）", "{place}政务服务中心办事指南",
                 "{place}{year}年重点民生实事项目"}}},
      {"ggsy", {Genre::Report, "mzj", "民政", {"公益", "慈善"},
                {"{place}{year}年福利彩票公益金使用情况公告", "{place}公益性公墓建设管理办法",
                 "{place}慈善事业发展规划"}}},
      {"tdzs", {Genre::Notice, "zrzy", "国土资源", {"土地", "征收"},
                {"{place}{year}年第{n}批次征收土地预公告", "{place}征地补偿安置方案公告",
                 "{place}征地区片综合地价标准"}}},
      {"fwzs", {Genre::Notice, "zjj", "城乡建设", {"房屋", "征收", "住房"},
                {"{place}国有土地上房屋征收决定公告", "{place}房屋征收补偿方案（征求意见稿）",
                 "{place}{year}年棚户区改造项目征收情况"}}},
      {"zagl", {Genre::Notice, "gaj", "公安", {"治安", "交通"},
                {"{place}关于规范烟花爆竹燃放管理的通告", "{place}道路交通安全管理规定",
                 "{place}{year}年社会治安综合治理工作要点"}}},
      {"shjz", {Genre::Policy, "mzj", "民政", {"救助", "低保", "困难"},
                {"{place}临时救助实施办法", "{place}特困人员救助供养工作实施细则",
                 "{place}{year}年城乡低保资金发放情况"}}},
      {"ggzypz", {Genre::Notice, "zrzy", "国土资源", {"出让", "交易", "资源"},
                  {"{place}{year}年国有建设用地使用权出让计划", "{place}保障性住房分配结果公示",
                   "{place}公共资源交易目录"}}},
      {"ssjygk", {Genre::List, "scjg", "市场监管", {"抽查", "监管"},
                  {"{place}{year}年随机抽查事项清单", "{place}“双随机、一公开”监管工作实施方案",
                   "{place}{year}年度双随机抽查结果公示"}}},
      {"jytabl", {Genre::Report, "office", "综合政务", {"建议", "提案"},
                  {"关于人大代表第{n}号建议办理情况的答复", "关于政协委员第{n}号提案办理情况的答复",
                   "{place}{year}年建议提案办理工作总结"}}},
  };
  return specs;
}

const std::vector<std::string>& builtin_paragraphs() {
  static const std::vector<std::string> p = {
      "坚持以人民为中心的发展思想，围绕群众关切，着力推进决策、执行、管理、服务、结果公开，切实保障人民群众的知情权、参与权、表达权和监督权。",
      "各级各部门要加强组织领导，明确责任分工，细化工作措施，确保各项任务按时保质完成。主要负责同志要亲自部署、亲自协调，分管负责同志要具体抓好落实。",
      "进一步优化营商环境，深化“放管服”改革，推进政务服务“一网通办”，压减审批环节和办理时限，让企业和群众办事更加便捷。",
      "加强资金监管，严格执行预算管理有关规定，规范资金使用，提高资金使用效益，自觉接受审计监督和社会监督。",
      "强化政策解读，按照“谁起草、谁解读”的原则，做到政策性文件与解读材料同步组织、同步审签、同步部署，及时回应社会关切。",
      "建立健全工作台账，实行清单化管理，定期调度工作进展，对工作推进不力的单位予以通报，确保责任落实到位。",
      "加大宣传力度，充分利用政府网站、政务新媒体和新闻媒体，广泛宣传政策措施和工作成效，营造全社会共同参与的良好氛围。",
      "坚持安全发展理念，落实企业安全生产主体责任和部门监管责任，深入开展隐患排查治理，坚决防范和遏制重特大事故发生。",
      "统筹推进城乡基础设施建设和公共服务均等化，补齐民生短板，不断增强人民群众的获得感、幸福感和安全感。",
      "严格落实保密审查制度，政府信息公开前依法依规进行保密审查，不得公开涉及国家秘密、商业秘密和个人隐私的信息。",
      "各县市区、各有关部门要结合实际制定具体实施方案，于每季度末向牵头单位报送工作进展情况，年底前形成书面总结。",
      "本文件执行中遇到的问题，请及时向牵头部门反映。有关政策如与上级规定不一致的，按上级规定执行。",
  };
  return p;
}

// Paragraphs of the corpus's gov.cn policy documents (DESIGN: read at demo time, never copied).
std::vector<std::string> corpus_paragraphs(const fs::path& file) {
  std::vector<std::string> out;
  std::ifstream in(file);
  if (!in) return out;
  static const std::array<const char*, 6> unwanted = {"自治区", "国务院", "本条例", "本法", "中华人民共和国", "中央"};
  std::string line;
  while (std::getline(in, line)) {
    json d;
    try {
      d = json::parse(line);
    } catch (const json::exception&) {
      continue;
    }
    if (!d.is_object() || !d.value("source_path", std::string()).starts_with("govcn")) continue;
    std::istringstream body(d.value("body", std::string()));
    std::string p;
    while (std::getline(body, p)) {
      p = trim(p);
      const auto chars = p.size() / 3;  // CJK text: about 3 bytes a character
      if (chars < 40 || chars > 300 || !p.ends_with("。") || p.starts_with("第")) continue;
      bool ok = true;
      for (auto* u : unwanted)
        if (p.find(u) != std::string::npos) ok = false;
      if (ok) out.push_back(p);
    }
  }
  return out;
}

struct Context {
  const SiteDef* def = nullptr;
  std::map<std::string, std::string> department_names;  // key -> name
  std::vector<std::string> pool;
};

std::string fill(std::string t, const Context& c, int year, int n) {
  t = replace_all(t, "{place}", c.def->place);
  t = replace_all(t, "{gov}", c.def->site.name);
  t = replace_all(t, "{office}", c.def->site.sponsor);
  t = replace_all(t, "{year}", std::to_string(year));
  t = replace_all(t, "{n}", std::to_string(n));
  return t;
}

std::vector<std::string> pick_paragraphs(const Context& c, const ColumnSpec& spec, std::uint64_t h, int count) {
  std::vector<const std::string*> related;
  for (const auto& p : c.pool)
    for (const auto& k : spec.keywords)
      if (p.find(k) != std::string::npos) {
        related.push_back(&p);
        break;
      }
  if (related.size() < static_cast<std::size_t>(count))
    for (const auto& p : c.pool) related.push_back(&p);
  std::vector<std::string> out;
  std::set<std::size_t> used;
  for (int i = 0; i < count && used.size() < related.size(); ++i) {
    auto idx = static_cast<std::size_t>((h >> (i * 7)) % related.size());
    while (used.count(idx)) idx = (idx + 1) % related.size();
    used.insert(idx);
    out.push_back(*related[idx]);
  }
  return out;
}

std::string between_book_marks(const std::string& title) {
  const auto open = title.find("《");
  const auto close = title.rfind("》");
  if (open != std::string::npos && close != std::string::npos && close > open)
    return title.substr(open + 3, close - open - 3);
  return title;
}

json base_line(const std::string& site, const std::string& external_id) {
  json o;
  o["site"] = site;
  o["external_id"] = external_id;
  return o;
}

void emit(std::ostream& out, const json& o) { out << o.dump() << '\n'; }

}  // namespace

// ------------------------------------------------------------------ public helpers

std::string make_credit_code(const std::string& division, const std::string& org_base8) {
  // 统一社会信用代码 (GB 32100-2015): "11" (机关), the division, the 组织机构代码 with its
  // GB 11714 check character, then the code's own check character (domain/org_code.hpp).
  const auto org_check = domain::organisation_code_check_character(org_base8);
  if (!org_check) throw std::invalid_argument("organisation code must have 8 characters 0-9 A-Z");
  const std::string body = "11" + division + org_base8 + *org_check;
  const auto check = domain::credit_code_check_character(body);
  if (!check) throw std::invalid_argument("credit code body must have 17 characters from GB 32100");
  return body + *check;
}

std::string seed_text_to_html(const std::string& text) {
  static const std::array<const char*, 10> numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  auto starts_with_numeral = [](const std::string& s) {
    for (auto* n : numerals)
      if (s.starts_with(n)) return true;
    return false;
  };
  std::string html;
  for (const auto& para : paragraphs_of(text)) {
    const bool single_line = para.find('\n') == std::string::npos;
    // "一、以政务公开助力稳增长": a section heading.
    if (single_line && starts_with_numeral(para) && para.find("、") != std::string::npos &&
        para.find("、") <= 9 && para.size() <= 90) {
      html += "<h2>" + escape_html(para) + "</h2>\n";
      continue;
    }
    // "(一)做好政策解读宣传和预期引导。..." : the lead sentence is the item's title.
    if ((para.starts_with("(") || para.starts_with("（")) && single_line) {
      const auto stop = para.find("。");
      if (stop != std::string::npos && stop < 120) {
        const auto lead_end = stop + 3;
        html += "<p><strong>" + escape_html(para.substr(0, lead_end)) + "</strong>" +
                escape_html(para.substr(lead_end)) + "</p>\n";
        continue;
      }
    }
    std::string escaped = escape_html(para);
    escaped = replace_all(escaped, "\n", "<br>");
    html += "<p>" + escaped + "</p>\n";
  }
  return html;
}

namespace {

// 政务公开绩效考核 (modules/jxkh): documents of kDemoAssessmentYear that its indicators find —
// three departments' 2023 annual reports (two by 31 January, one late: Art. 49) and a notice
// published 31 working days after it was written (Art. 26: 20). Loading twice adds nothing
// (the importer keys them by external id).
void emit_assessment_documents(std::ostream& out, const SiteDef& def) {
  struct Line {
    const char* id;
    const char* department;
    const char* column;
    const char* title;
    const char* written;
    const char* published;
  };
  const Line lines[] = {
      {"demo-shaoyang-jxkh-nb-czj", "邵阳市财政局", "zfxxgknb", "邵阳市财政局2023年政府信息公开工作年度报告", "2024-01-22", "2024-01-25"},
      {"demo-shaoyang-jxkh-nb-jyj", "邵阳市教育局", "zfxxgknb", "邵阳市教育局2023年政府信息公开工作年度报告", "2024-01-26", "2024-01-30"},
      {"demo-shaoyang-jxkh-nb-wjw", "邵阳市卫生健康委员会", "zfxxgknb", "邵阳市卫生健康委员会2023年政府信息公开工作年度报告",
       "2024-02-20", "2024-02-26"},
      {"demo-shaoyang-jxkh-late-sthj", "邵阳市生态环境局", "hjbh", "邵阳市生态环境局关于开展2024年春季大气污染防治专项行动的通知",
       "2024-03-01", "2024-04-15"},
  };
  for (const auto& l : lines) {
    auto o = base_line(def.site.code, l.id);
    o["title"] = l.title;
    o["catalogue"] = l.column;
    o["department"] = l.department;
    o["issuer"] = l.department;
    o["written_on"] = l.written;
    o["published_on"] = l.published;
    o["effective_on"] = l.published;
    o["disclosure"] = "主动公开";
    o["topic"] = std::string(l.column) == "hjbh" ? "环境保护" : "政务公开";
    o["summary"] = std::string(l.title) + "。";
    o["body_text"] = std::string(l.column) == "hjbh"
                         ? std::string("各县市区人民政府，市直有关单位：\n\n为持续改善全市空气质量，决定开展春季大气污染防治专项行动。\n\n") +
                               l.department + "\n"
                         : std::string("一、总体情况\n\n本年度，") + l.department +
                               "认真贯彻《中华人民共和国政府信息公开条例》，全面推进政务公开工作。\n\n"
                               "二、主动公开政府信息情况\n\n（略）\n";
    emit(out, o);
  }
}

// 政务公开绩效考核: 市教育局's press conference of kDemoAssessmentYear with its 局长 (the
// 主要负责人, seed 六（三）) as a guest, ended. Once.
void add_demo_assessment_event(store::Database& db) {
  auto site = store::SiteRepository(db).by_code(kDemoCitySite);
  if (!site) return;
  auto education = store::DepartmentRepository(db).by_name(site->id, "邵阳市教育局");
  if (!education) return;
  const auto key = store::PersonalDataKey::derive_from(store::random_secret());  // no question is stored
  store::EventRepository events(db, key);
  const std::string title = "2024年义务教育阶段招生入学政策新闻发布会";
  for (const auto& e : events.list(site->id, false))
    if (e.draft.title == title) return;
  domain::EventDraft d;
  d.kind = domain::EventKind::PressConference;
  d.title = title;
  d.summary = "市教育局主要负责同志介绍2024年义务教育阶段招生入学政策，回答记者提问。";
  d.place = "市人民政府新闻发布厅";
  d.department_id = education->id;
  d.starts_at = 1718157600;  // 2024-06-12 10:00 China time
  d.ends_at = d.starts_at + 3600;
  d.guests = {{"王建华", "市教育局局长", education->id, education->name, true}};
  const auto id = events.create(site->id, d, d.starts_at - 5 * 24 * 3600);
  auto e = *events.find(id);
  events.set_state(e, domain::EventState::Announced, d.starts_at - 5 * 24 * 3600);
  events.set_state(e, domain::EventState::Live, d.starts_at);
  events.add_entry(e, {"王建华", "今年全市义务教育阶段招生继续坚持免试就近入学，公办民办学校同步招生。", std::nullopt}, std::nullopt, {},
                   "demo", d.starts_at + 600);
  events.set_state(e, domain::EventState::Ended, d.ends_at);
}

}  // namespace

DemoStats load_demo(store::Database& db, const fs::path& data_dir, int generated_per_column) {
  fs::path corpus;
  if (const char* env = std::getenv("ZWGK_DEMO_CORPUS"); env && *env)
    corpus = env;
  else
    corpus = data_dir / ".." / ".." / ".." / "shared" / "data" / "corpus" / "docs.jsonl";
  return load_demo(db, data_dir, generated_per_column, corpus);
}

DemoStats load_demo(store::Database& db, const fs::path& data_dir, int generated_per_column,
                    const fs::path& corpus_file) {
  DemoStats stats;
  const auto seed_text = read_file(data_dir / "2017-zwgk-gongzuo-yaodian.txt");
  const auto seed_interpretation = read_file(data_dir / "2017-zwgk-gongzuo-yaodian-jiedu.txt");

  std::vector<std::string> pool;
  {
    std::error_code ec;
    if (!corpus_file.empty() && fs::is_regular_file(corpus_file, ec)) pool = corpus_paragraphs(corpus_file);
    stats.corpus_used = pool.size() >= 20;
    if (!stats.corpus_used) pool = builtin_paragraphs();
  }

  store::SiteRepository sites(db);
  store::CatalogueRepository catalogues(db);
  store::DepartmentRepository departments(db);

  std::ostringstream policies, interpretations;
  const std::vector<std::pair<std::string, std::string>> attachment_files = {
      {"attachments/demo-attachment.pdf", "附件1.pdf"},
      {"attachments/demo-tasks.csv", "附件2：任务分工表.csv"},
      {"attachments/demo-readme.txt", "附件说明.txt"},
  };

  // The sites, catalogues and departments and their audit entry: one transaction (the
  // documents follow through import_stream, audited per batch).
  store::AuditedChange change(db);
  for (std::size_t si = 0; si < site_defs().size(); ++si) {
    const auto& def = site_defs()[si];
    auto site = sites.by_code(def.site.code);
    if (!site) site = sites.save(def.site);
    ++stats.sites;
    catalogues.ensure_default(site->id);
    // 政民互动: 市长信箱 / 县长信箱, 咨询投诉, 我为政府网站找错 (modules/zmhd/).
    store::MailboxRepository mailboxes(db);
    mailboxes.ensure_default_mailboxes(site->id, def.site.name.find("县") != std::string::npos ? "县长信箱" : "市长信箱");
    if (mailboxes.reply_templates(site->id, std::nullopt).empty())
      mailboxes.add_reply_template({0, site->id, std::nullopt, "政策咨询答复",
                                    "您好！您反映的问题收悉。经了解，……（写明依据的文件和条款、办理结果、办理时限）。"
                                    "如有疑问，可拨打……（承办科室电话）咨询。感谢您对我们工作的关心和支持！"});

    Context ctx;
    ctx.def = &def;
    ctx.pool = pool;
    for (const auto& d : def.departments) {
      const auto code = make_credit_code(def.division, d.org_base8);
      auto existing = departments.by_name(site->id, d.name);
      if (!existing) {
        domain::Department dep;
        dep.site_id = site->id;
        dep.name = d.name;
        dep.short_name = d.short_name;
        dep.credit_code = code;
        departments.save(dep);
      } else if (existing->credit_code.empty()) {
        existing->credit_code = code;
        if (existing->short_name.empty()) existing->short_name = d.short_name;
        departments.save(*existing);
      }
      ctx.department_names[d.key] = d.name;
      ++stats.departments;
    }
    auto department_for = [&](const std::string& key) {
      auto it = ctx.department_names.find(key);
      return it != ctx.department_names.end() ? it->second : ctx.department_names.at("office");
    };

    // 建议提案办理 (jyta, issue 13): a few assigned items on the city site, two answered.
    if (def.site.code == kDemoCitySite) {
      store::ProposalRepository proposals(db);
      auto office = departments.by_name(site->id, department_for("office"));
      if (office && proposals.of_year(site->id, 2017).empty()) {
        struct DemoItem { domain::ProposalKind kind; const char* number; const char* title; const char* lead; };
        const DemoItem items[] = {
            {domain::ProposalKind::Suggestion, "12", "关于进一步推进政务公开标准化规范化的建议", "刘建国"},
            {domain::ProposalKind::Proposal, "35", "关于提升政府网站信息发布时效的提案", "陈慧敏"},
            {domain::ProposalKind::Suggestion, "48", "关于加强基层政务公开专区建设的建议", "周志强"}};
        int n = 0;
        for (const auto& it : items) {
          domain::Proposal p;
          p.site_id = site->id;
          p.kind = it.kind;
          p.session = it.kind == domain::ProposalKind::Suggestion ? "十六届" : "十一届";
          p.meeting = "一次会议";
          p.year = 2017;
          p.number = it.number;
          p.title = it.title;
          p.lead = it.lead;
          p.main_department_id = office->id;
          p.main_department = office->name;
          p.assigned_on = make_date(2017, 3, 20);
          p.due_on = domain::answer_due_on(p.assigned_on);
          p.id = proposals.insert(p);
          if (n++ < 2) {
            p.answer = std::string("感谢您对政务公开工作的关心。") + it.title + "所提事项，我办已会同有关单位研究，列入2017年政务公开工作要点分解落实。";
            p.answered_on = make_date(2017, 6, 5);
            p.result_class = n == 1 ? domain::ResultClass::A : domain::ResultClass::B;
            p.satisfaction = domain::ProposalSatisfaction::Satisfied;
            proposals.save_outcome(p);
          }
        }
      }
    }

    // --- the seed document and its interpretation (city site) ---------------------------
    if (def.site.code == kDemoCitySite) {
      const auto published = make_date(2017, 5, 10);
      auto seed = base_line(def.site.code, kSeedExternalId);
      seed["title"] = "2017年邵阳市政务公开工作要点";
      seed["catalogue"] = "ghjh";
      seed["department"] = "邵阳市人民政府办公室";
      seed["issuer"] = "邵阳市人民政府办公室";
      seed["written_on"] = make_date(2017, 5, 8).iso();
      seed["published_on"] = published.iso();
      seed["disclosure"] = "主动公开";
      seed["effective_on"] = published.iso();
      seed["expires_on"] = make_date(2017, 12, 31).iso();
      seed["topic"] = "政务公开";
      seed["summary"] =
          "部署2017年全市以政务公开助力稳增长、促改革、调结构、惠民生、防风险的重点任务，"
          "并从组织领导、“五公开”机制、解读回应、依申请公开、平台建设、培训和考核等方面提出要求。";
      seed["body_html"] = seed_text_to_html(seed_text);
      emit(policies, seed);

      auto jd = base_line(def.site.code, kSeedInterpretationExternalId);
      jd["title"] = "《2017年邵阳市政务公开工作要点》政策解读";
      jd["kind"] = "interpretation";
      jd["interprets"] = kSeedExternalId;
      jd["catalogue"] = "zcjd";
      jd["department"] = "邵阳市人民政府办公室";
      jd["issuer"] = "邵阳市人民政府办公室";
      jd["written_on"] = make_date(2017, 5, 8).iso();
      jd["published_on"] = published.iso();
      jd["disclosure"] = "主动公开";
      jd["effective_on"] = published.iso();
      jd["topic"] = "政务公开";
      jd["summary"] = "解读《2017年邵阳市政务公开工作要点》的出台背景、总体要求、主要内容、保障措施和落实要求。";
      jd["body_text"] = seed_interpretation;
      emit(interpretations, jd);
      emit_assessment_documents(policies, def);
    }

    // --- generated documents in every leaf column -----------------------------------------
    const auto tree = catalogues.tree(site->id);
    std::set<std::int64_t> parents;
    for (const auto& n : tree)
      if (n.parent_id) parents.insert(*n.parent_id);
    const int per_column = si == 0 ? generated_per_column : std::max(0, generated_per_column - 1);
    for (const auto& node : tree) {
      // Stable per column whatever the tree's order, so a re-run generates the same lines.
      const int ci = static_cast<int>(fnv1a(node.code) % 97);
      if (parents.count(node.id) || node.code == "zcjd") continue;  // 政策解读 follow 政策文件
      auto it = column_specs().find(node.code);
      const ColumnSpec fallback{Genre::Report, "office", "综合政务", {node.name},
                                {"{place}" + node.name + "信息（{year}年第{n}期）"}};
      const ColumnSpec& spec = it != column_specs().end() ? it->second : fallback;
      for (int i = 0; i < per_column; ++i) {
        const std::string external_id = "demo-" + def.site.code + "-" + node.code + "-" + std::to_string(i + 1);
        const auto h = fnv1a(external_id);
        const bool recent = node.code == "ywdt" || node.code == "tzgg" || node.code == "zcwj";
        const int year = recent ? 2024 - i % 2 : 2019 + static_cast<int>((ci + i * 2 + si) % 6);
        const auto published = make_date(year, 1 + static_cast<int>(h % 12), 1 + static_cast<int>((h >> 8) % 28));
        const int n = 1 + static_cast<int>((h >> 16) % 60);
        std::string title = fill(spec.titles[static_cast<std::size_t>(i) % spec.titles.size()], ctx, year, n);
        if (static_cast<std::size_t>(i) >= spec.titles.size() &&
            spec.titles[static_cast<std::size_t>(i) % spec.titles.size()].find("{year}") == std::string::npos)
          title += "（" + std::to_string(year) + "年）";
        const auto department = department_for(spec.department);

        auto o = base_line(def.site.code, external_id);
        o["title"] = title;
        o["catalogue"] = node.code;
        o["department"] = department;
        o["written_on"] = add_days(published, -static_cast<int>(2 + h % 5)).iso();
        o["published_on"] = published.iso();
        o["disclosure"] = "主动公开";
        o["effective_on"] = published.iso();
        o["topic"] = spec.topic;
        std::string doc_number;
        std::string issuer = department;
        if (spec.genre == Genre::Policy) {
          const bool by_government = title.starts_with(def.site.name);
          issuer = by_government ? def.site.name : department;
          doc_number = def.abbr + (by_government ? "政发〔" : "政办发〔") + std::to_string(year) + "〕" +
                       std::to_string(n) + "号";
        } else if (spec.genre == Genre::Notice && department == def.site.sponsor) {
          doc_number = def.abbr + "政办函〔" + std::to_string(year) + "〕" + std::to_string(n + 10) + "号";
        }
        if (!doc_number.empty()) o["doc_number"] = doc_number;
        o["issuer"] = issuer;

        // Some are no longer in force (失效 / 废止), all dates long past.
        if ((ci + i) % 7 == 3) o["expires_on"] = add_days(published, 365).iso();
        if ((ci + i) % 11 == 5) o["repealed_on"] = add_days(published, 400).iso();
        if ((ci + i) % 5 == 0) {
          const auto& [path, name] = attachment_files[static_cast<std::size_t>(ci + i) % attachment_files.size()];
          o["attachments"] = json::array({json{{"path", path}, {"name", name}}});
        }

        std::string body;
        const std::string intro =
            spec.genre == Genre::Policy
                ? def.addressees + "\n\n为深入贯彻落实党中央、国务院和省委、省政府决策部署，进一步做好" + spec.topic +
                      "相关工作，结合" + def.place + "实际，现将有关事项通知如下。"
            : spec.genre == Genre::News
                ? published.chinese() + "，" + title + "。会议强调，要坚持以人民为中心的发展思想，狠抓工作落实。"
            : spec.genre == Genre::Notice ? "根据有关法律法规和工作安排，现将" + title + "有关事项公告如下。"
                                          : "现将" + title + "主要内容公开如下。";
        body += intro + "\n\n";
        for (const auto& p : pick_paragraphs(ctx, spec, h, 3)) body += p + "\n\n";
        body += issuer + "\n" + published.chinese() + "\n";
        o["body_text"] = body;
        o["summary"] = title + "。";
        emit(policies, o);

        if (node.code == "zcwj") {  // 政策文件 published together with its 政策解读
          auto jd = base_line(def.site.code, "demo-" + def.site.code + "-zcjd-" + std::to_string(i + 1));
          jd["title"] = "《" + between_book_marks(title) + "》政策解读";
          jd["kind"] = "interpretation";
          jd["interprets"] = external_id;
          jd["catalogue"] = "zcjd";
          jd["department"] = department;
          jd["issuer"] = department;
          jd["published_on"] = published.iso();
          jd["written_on"] = o["written_on"];
          jd["disclosure"] = "主动公开";
          jd["effective_on"] = published.iso();
          jd["topic"] = spec.topic;
          std::string jbody = "一、起草背景\n\n为贯彻落实上级决策部署，结合" + def.place + "实际，" + department +
                              "起草了《" + between_book_marks(title) + "》。\n\n二、主要内容\n\n";
          for (const auto& p : pick_paragraphs(ctx, spec, h >> 3, 2)) jbody += p + "\n\n";
          jbody += "三、解读机关及联系方式\n\n解读机关：" + department + "\n联系电话：" + def.site.phone + "\n";
          jd["body_text"] = jbody;
          jd["summary"] = "解读" + title + "的起草背景和主要内容。";
          emit(interpretations, jd);
        }
      }
    }
  }

  change.commit(cli_entry("kernel.demo_load", "site", "", {{"sites", stats.sites}, {"departments", stats.departments}}));
  std::istringstream lines(policies.str() + interpretations.str());
  ImportOptions options;
  options.progress = false;
  options.actor = cli_actor();
  options.source = "demo";
  options.base_dir = data_dir;
  const auto result = import_stream(db, lines, options);
  stats.created = result.created;
  stats.updated = result.updated;
  stats.unchanged = result.unchanged;
  stats.documents = static_cast<int>(result.created + result.updated + result.unchanged);
  for (const auto& e : result.errors) stats.errors.push_back(format_import_error(e));
  add_demo_event(db);
  add_demo_assessment_event(db);
  // The dated demo records (open consultations, due budgets, versions in force) are placed
  // around today, read once: `zwgk demo` is the command line, where the real clock is read.
  const std::int64_t now = domain::system_unix_seconds();
  add_demo_consultations(db, now);
  add_demo_budgets(db, now);
  add_demo_lists(db, now);
  add_demo_datasets(db, now);
  add_demo_standard_catalogues(db, now);
  return stats;
}

}  // namespace zwgk::app
