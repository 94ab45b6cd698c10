// JSONL import: one document a line, validated line by line, idempotent on
// (site, external_id). See importer.hpp for the format.
//
// Transactions: lines go in batches of ImportOptions::batch_size, each batch one
// store::Batch transaction that ends with its audit entry; every line is a savepoint inside
// it, so a bad line leaves nothing behind and the good lines around it stay. A crash
// mid-file leaves the batches before it imported and re-running the file completes it:
// that is what idempotency buys.
#include "app/importer.hpp"

#include "store/audit_log.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <tuple>

#include "app/progress.hpp"
#include "domain/doc_number.hpp"
#include "domain/document.hpp"
#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "domain/index_number.hpp"
#include "domain/one_line.hpp"
#include "http/static_files.hpp"
#include "store/blob_store.hpp"
#include "store/catalogue_repository.hpp"
#include "store/database.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "modules/publishing/store/workflow_repository.hpp"

namespace zwgk::app {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// A line that cannot go in; the message is the reason shown to the user.
struct LineError {
  std::string reason;
};

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

const char* field_label(const std::string& key) {
  static const std::map<std::string, const char*> labels = {
      {"external_id", "外部编号"},   {"site", "网站"},          {"catalogue", "公开目录"},
      {"department", "公开责任部门"}, {"title", "标题"},          {"doc_number", "文号"},
      {"issuer", "发文机关"},         {"written_on", "成文日期"},  {"published_on", "发文日期"},
      {"disclosure", "公开形式"},     {"effective_on", "生效日期"}, {"expires_on", "有效期"},
      {"repealed_on", "废止日期"},    {"body_html", "正文"},       {"body_text", "正文"},
      {"attachments", "附件"},        {"legacy", "历史记录标记"},   {"kind", "类型"},
      {"interprets", "被解读文件"},   {"topic", "主题分类"},       {"summary", "内容概述"},
      {"state", "状态"},              {"index_number", "索引号"},  {"amended", "已修订标记"},
  };
  auto it = labels.find(key);
  return it == labels.end() ? "" : it->second;
}

std::string field_name(const std::string& key) { return std::string(field_label(key)) + "（" + key + "）"; }

// Optional string field: absent or null -> "", wrong type -> error.
std::string get_string(const json& obj, const std::string& key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return {};
  if (!it->is_string()) throw LineError{field_name(key) + " 应为字符串"};
  return it->get<std::string>();
}

bool get_bool(const json& obj, const std::string& key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return false;
  if (!it->is_boolean()) throw LineError{field_name(key) + " 应为 true 或 false"};
  return it->get<bool>();
}

std::string trim(std::string s) {
  auto ws = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && ws(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && ws(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

std::optional<domain::Date> get_date(const json& obj, const std::string& key) {
  const auto raw = trim(get_string(obj, key));
  if (raw.empty()) return std::nullopt;
  auto d = domain::Date::parse(raw);
  if (!d) throw LineError{std::string(field_label(key)) + "格式错误: “" + raw + "”（应为 YYYY-MM-DD 的有效日期）"};
  return d;
}

struct AttachmentInput {
  fs::path path;
  std::string name;
  std::string data;
  std::string sha256;
  std::string media_type;
};

bool same_attachments(const std::vector<domain::Attachment>& a, const std::vector<AttachmentInput>& b) {
  if (a.size() != b.size()) return false;
  auto sorted = a;
  std::stable_sort(sorted.begin(), sorted.end(), [](auto& x, auto& y) { return x.position < y.position; });
  for (std::size_t i = 0; i < b.size(); ++i)
    if (sorted[i].file_name != b[i].name || sorted[i].sha256 != b[i].sha256) return false;
  return true;
}

// Everything an import may change, compared field by field (timestamps, id, index
// number and attachment ids are not).
bool same_content(const domain::Document& a, const domain::Document& b) {
  return a.title == b.title && a.doc_number == b.doc_number && a.catalogue_id == b.catalogue_id &&
         a.department_id == b.department_id && a.issuer == b.issuer && a.written_on == b.written_on &&
         a.published_on == b.published_on && a.disclosure == b.disclosure && a.effective_on == b.effective_on &&
         a.expires_on == b.expires_on && a.repealed_on == b.repealed_on && a.amended == b.amended &&
         a.topic == b.topic && a.summary == b.summary && a.body_html == b.body_html && a.kind == b.kind &&
         a.legacy == b.legacy && a.interprets_id == b.interprets_id;
}

class Importer {
 public:
  Importer(store::Database& db, const ImportOptions& options)
      : db_(db), options_(options), sites_(db), catalogues_(db), departments_(db), documents_(db), blobs_(db) {}

  // Throws LineError.
  enum class Outcome { Created, Updated, Unchanged };
  Outcome import_line(const std::string& text) {
    json obj;
    try {
      obj = json::parse(text);
    } catch (const json::parse_error& e) {
      throw LineError{"JSON 格式错误（第 " + std::to_string(e.byte) + " 个字节附近）"};
    }
    if (!obj.is_object()) throw LineError{"每行应为一个 JSON 对象"};
    const auto record = trim(get_string(obj, "record"));
    if (record == "site") return import_site(obj);
    if (record == "catalogue") return import_catalogue(obj);
    if (record == "department") return import_department(obj);
    if (!record.empty() && record != "document")
      throw LineError{"未知记录类型: “" + record + "”（应为 document、site、catalogue 或 department）"};

    const auto external_id = trim(get_string(obj, "external_id"));
    if (external_id.empty()) throw LineError{"缺少外部编号（external_id）"};
    const auto site_code = trim(get_string(obj, "site"));
    if (site_code.empty()) throw LineError{"缺少网站代码（site）"};
    const auto site_id = site(site_code);

    domain::Document doc;
    doc.site_id = site_id;
    doc.external_id = external_id;
    doc.title = trim(get_string(obj, "title"));
    if (doc.title.empty()) throw LineError{"缺少标题（title）"};
    doc.doc_number = domain::normalize_doc_number(get_string(obj, "doc_number"));
    doc.issuer = trim(get_string(obj, "issuer"));
    doc.topic = trim(get_string(obj, "topic"));
    doc.summary = trim(get_string(obj, "summary"));
    doc.written_on = get_date(obj, "written_on");
    doc.published_on = get_date(obj, "published_on");
    doc.effective_on = get_date(obj, "effective_on");
    doc.expires_on = get_date(obj, "expires_on");
    doc.repealed_on = get_date(obj, "repealed_on");
    doc.legacy = get_bool(obj, "legacy");
    doc.amended = get_bool(obj, "amended");

    if (const auto d = trim(get_string(obj, "disclosure")); !d.empty()) {
      doc.disclosure = domain::disclosure_form_from(d);
      if (!doc.disclosure) throw LineError{"未知公开形式: “" + d + "”（应为 主动公开、依申请公开 或 不予公开）"};
    }
    if (const auto k = trim(get_string(obj, "kind")); !k.empty()) {
      auto kind = domain::document_kind_from(k);
      if (!kind) throw LineError{"未知类型: “" + k + "”（应为 document 或 interpretation）"};
      doc.kind = *kind;
    }
    auto target_state = domain::DocumentState::Published;
    if (const auto s = trim(get_string(obj, "state")); !s.empty()) {
      auto st = domain::document_state_from(s);
      if (!st) throw LineError{"未知状态: “" + s + "”（应为 published、draft 或 withdrawn）"};
      target_state = *st;
    }

    if (const auto c = trim(get_string(obj, "catalogue")); !c.empty()) doc.catalogue_id = catalogue(site_id, c);
    const auto department_name = trim(get_string(obj, "department"));

    if (const auto target = trim(get_string(obj, "interprets")); !target.empty()) {
      auto policy = documents_.by_external_id(site_id, target);
      if (!policy) throw LineError{"被解读文件不存在: “" + target + "”（须先导入该文件）"};
      doc.interprets_id = policy->id;
    }

    // body
    const bool has_html = obj.contains("body_html") && !obj["body_html"].is_null();
    if (has_html)
      doc.body_html = domain::sanitize_html(get_string(obj, "body_html"));
    else if (const auto t = get_string(obj, "body_text"); !t.empty())
      doc.body_html = domain::text_to_html(t);

    auto attachments = read_attachments(obj);

    // Required metadata (before anything is written, so a bad line writes nothing):
    // checked with a stand-in department id so that only a missing name counts.
    if (target_state == domain::DocumentState::Published && !doc.legacy) {
      auto probe = doc;
      if (!department_name.empty()) probe.department_id = 1;
      auto missing = domain::missing_publication_metadata(probe);
      if (!missing.empty())
        throw LineError{"缺少必填信息: " + join(missing, "、") + "（非历史记录的已发布文件必须填写，或标记 legacy）"};
    }

    const auto department_code = trim(get_string(obj, "department_code"));
    if (!department_code.empty() && !domain::is_valid_org_code(department_code))
      throw LineError{"统一社会信用代码无效: “" + department_code + "”（department_code）"};
    if (!department_name.empty()) doc.department_id = department(site_id, department_name, department_code);

    auto existing = documents_.by_external_id(site_id, external_id);  // with attachments

    if (existing) {
      if (existing->state == domain::DocumentState::Published && target_state == domain::DocumentState::Draft)
        throw LineError{"已发布的文件不能改回草稿（可改为 withdrawn 撤回）"};
      const bool content_same = same_content(*existing, doc) && same_attachments(existing->attachments, attachments);
      const bool state_same = existing->state == target_state;
      if (content_same && state_same) return Outcome::Unchanged;
      if (!content_same && (existing->state != domain::DocumentState::Draft ||
                            target_state != domain::DocumentState::Draft)) {
        domain::Document probe = doc;
        probe.id = existing->id;
        probe.attachments = existing->attachments;  // the new files are checked once stored
        if (existing->state != domain::DocumentState::Draft && !privacy_allows(probe, external_id))
          throw LineError{"含个人信息（" + join(hold->findings, "、") + "），已发布的文件不能这样更新，本行未导入"};
      }
      changed.push_back(existing->id);
      if (!content_same) {
        doc.id = existing->id;
        doc.index_number = existing->index_number;
        doc.state = existing->state;
        doc.created_at = existing->created_at;
        doc.first_published_at = existing->first_published_at;
        doc.attachments = store_attachments(attachments, existing->attachments);
        documents_.save(doc);
      }
      if (existing->state == domain::DocumentState::Draft && target_state != domain::DocumentState::Draft) {
        domain::Document now = documents_.by_id(existing->id).value_or(doc);
        if (!privacy_allows(now, external_id)) return Outcome::Updated;
      }
      transition(existing->id, existing->state, target_state);
      return Outcome::Updated;
    }

    doc.index_number = trim(get_string(obj, "index_number"));
    doc.state = domain::DocumentState::Draft;
    doc.attachments = store_attachments(attachments, {});
    const auto id = documents_.save(doc);
    doc.id = id;
    changed.push_back(id);
    if (target_state != domain::DocumentState::Draft && !privacy_allows(doc, external_id)) return Outcome::Created;
    transition(id, domain::DocumentState::Draft, target_state);
    return Outcome::Created;
  }

  // What the last line left for the batch's audit entry and the report.
  std::vector<std::int64_t> changed;              // documents saved or moved, this batch
  std::optional<ImportHold> hold;                 // the last line's, if held as a draft
  std::vector<nlohmann::json> overrides;          // published with findings (audit entries)
  std::int64_t line_number = 0;

 private:
  // --- site, catalogue and department records (written by export so that an export
  // imports into an empty database; created when missing, updated when they differ).
  static auto site_fields(const domain::Site& s) {
    return std::tie(s.name, s.host, s.path_prefix, s.sponsor, s.phone, s.site_id_code, s.icp_record,
                    s.police_record, s.theme, s.domain, s.index_number_format, s.address);
  }

  Outcome import_site(const json& obj) {
    domain::Site want;
    want.code = trim(get_string(obj, "code"));
    if (want.code.empty()) throw LineError{"网站记录缺少代码（code）"};
    want.name = trim(get_string(obj, "name"));
    if (want.name.empty()) throw LineError{"网站记录缺少名称（name）"};
    want.host = get_string(obj, "host");
    want.path_prefix = get_string(obj, "path_prefix");
    want.sponsor = get_string(obj, "sponsor");
    want.phone = get_string(obj, "phone");
    want.site_id_code = get_string(obj, "site_id_code");
    want.icp_record = get_string(obj, "icp_record");
    want.police_record = get_string(obj, "police_record");
    if (auto t = get_string(obj, "theme"); !t.empty()) want.theme = t;
    want.domain = get_string(obj, "domain");
    if (auto f = get_string(obj, "index_number_format"); !f.empty()) want.index_number_format = f;
    want.address = get_string(obj, "address");
    auto existing = sites_.by_code(want.code);
    if (!existing) {
      auto saved = sites_.save(want);
      catalogues_.ensure_default(saved.id);
      site_ids_[saved.code] = saved.id;
      return Outcome::Created;
    }
    want.id = existing->id;
    if (site_fields(want) == site_fields(*existing)) return Outcome::Unchanged;
    sites_.save(want);
    return Outcome::Updated;
  }

  Outcome import_catalogue(const json& obj) {
    const auto site_id = site(trim(get_string(obj, "site")));
    domain::CatalogueNode want;
    want.site_id = site_id;
    want.code = trim(get_string(obj, "code"));
    want.name = trim(get_string(obj, "name"));
    if (want.code.empty() || want.name.empty()) throw LineError{"目录记录缺少代码（code）或名称（name）"};
    want.description = get_string(obj, "description");
    want.keywords = get_string(obj, "keywords");
    if (auto t = get_string(obj, "column_type"); !t.empty()) want.column_type = t;
    const auto parent_code = trim(get_string(obj, "parent"));
    if (!parent_code.empty()) {
      auto parent = catalogues_.by_code(site_id, parent_code);
      if (!parent) throw LineError{"上级目录不存在: “" + parent_code + "”"};
      want.parent_id = parent->id;
    }
    auto existing = catalogues_.by_code(site_id, want.code);
    if (!existing) {
      catalogues_.add(want);
      return Outcome::Created;
    }
    if (existing->name == want.name) return Outcome::Unchanged;
    catalogues_.rename(existing->id, want.name);
    catalogue_ids_.clear();
    return Outcome::Updated;
  }

  Outcome import_department(const json& obj) {
    const auto site_id = site(trim(get_string(obj, "site")));
    domain::Department want;
    want.site_id = site_id;
    want.name = trim(get_string(obj, "name"));
    if (want.name.empty()) throw LineError{"部门记录缺少名称（name）"};
    want.short_name = trim(get_string(obj, "short_name"));
    want.credit_code = trim(get_string(obj, "credit_code"));
    auto existing = departments_.by_name(site_id, want.name);
    if (!existing) {
      departments_.save(want);
      return Outcome::Created;
    }
    if (existing->short_name == want.short_name && existing->credit_code == want.credit_code)
      return Outcome::Unchanged;
    want.id = existing->id;
    departments_.save(want);
    return Outcome::Updated;
  }

  // The publishing workflow's privacy guard on `doc`. No findings (or an override with a
  // reason): true. Else false, and `hold` says what was found (kind and field, never the
  // value); `keep` = the document stays in as a draft.
  bool privacy_allows(const domain::Document& doc, const std::string& external_id) {
    std::vector<std::string> found;
    for (const auto& g : store::WorkflowRepository(db_).scan_document(doc)) {
      if (g.overridden) continue;
      std::string item = domain::to_label(g.finding.kind) + "（" + privacy_field_label(g.field) + "）";
      if (std::find(found.begin(), found.end(), item) == found.end()) found.push_back(item);
    }
    if (found.empty()) return true;
    if (!options_.allow_privacy_findings.empty()) {
      overrides.push_back({{"document_id", doc.id}, {"external_id", external_id}, {"line", line_number},
                           {"findings", found}, {"reason", options_.allow_privacy_findings}});
      return true;
    }
    hold = ImportHold{line_number, external_id, found};
    return false;
  }

  static std::string privacy_field_label(const std::string& field) {
    if (field == "title") return "标题";
    if (field == "summary") return "内容概述";
    if (field == "body") return "正文";
    if (field.rfind("attachment:", 0) == 0) return "附件" + field.substr(11);
    return field;
  }

  void transition(std::int64_t id, domain::DocumentState from, domain::DocumentState to) {
    using S = domain::DocumentState;
    if (from == to) return;
    try {
      if (to == S::Published) {
        documents_.publish(id);
      } else if (to == S::Withdrawn) {
        if (from == S::Draft) documents_.publish(id);
        documents_.withdraw(id);
      } else if (to == S::Draft && from == S::Withdrawn) {
        // A withdrawn document stays withdrawn; re-importing it as a draft changes nothing more.
      }
    } catch (const domain::ValidationError& e) {
      throw LineError{"无法发布，本行未导入: " + join(e.problems(), "；")};
    }
  }

  std::vector<AttachmentInput> read_attachments(const json& obj) {
    std::vector<AttachmentInput> out;
    auto it = obj.find("attachments");
    if (it == obj.end() || it->is_null()) return out;
    if (!it->is_array()) throw LineError{"附件（attachments）应为文件路径的数组"};
    for (const auto& item : *it) {
      AttachmentInput a;
      std::string path;
      if (item.is_string()) {
        path = item.get<std::string>();
      } else if (item.is_object()) {
        path = get_string(item, "path");
        a.name = trim(get_string(item, "name"));
      } else {
        throw LineError{"附件（attachments）应为文件路径的数组"};
      }
      if (trim(path).empty()) throw LineError{"附件路径为空"};
      fs::path p = fs::path(path);
      if (p.is_relative()) p = options_.base_dir / p;
      if (a.name.empty()) a.name = fs::path(path).filename().string();
      std::error_code ec;
      if (!fs::is_regular_file(p, ec)) throw LineError{"附件不存在或无法读取: " + path};
      const auto size = fs::file_size(p, ec);
      if (ec) throw LineError{"附件不存在或无法读取: " + path};
      if (static_cast<std::int64_t>(size) > options_.max_attachment_bytes)
        throw LineError{"附件过大: " + path + "（" + std::to_string(size) + " 字节）"};
      std::ifstream f(p, std::ios::binary);
      std::ostringstream buf;
      buf << f.rdbuf();
      if (!f && !f.eof()) throw LineError{"附件无法读取: " + path};
      a.data = buf.str();
      a.path = p;
      a.sha256 = store::sha256_hex(a.data);
      a.media_type = http::media_type_for(a.name);
      out.push_back(std::move(a));
    }
    return out;
  }

  std::vector<domain::Attachment> store_attachments(const std::vector<AttachmentInput>& in,
                                                    const std::vector<domain::Attachment>& old) {
    std::vector<domain::Attachment> out;
    int position = 0;
    for (const auto& a : in) {
      bool known = false;
      for (const auto& o : old)
        if (o.sha256 == a.sha256) known = true;
      const auto sha = known ? a.sha256 : blobs_.put(a.data, a.media_type);
      domain::Attachment att;
      att.file_name = a.name;
      att.sha256 = sha;
      att.media_type = a.media_type;
      att.size = static_cast<std::int64_t>(a.data.size());
      att.position = position++;
      out.push_back(std::move(att));
    }
    return out;
  }

  std::int64_t site(const std::string& code) {
    if (auto it = site_ids_.find(code); it != site_ids_.end()) return it->second;
    auto s = sites_.by_code(code);
    if (!s) throw LineError{"未知网站: “" + code + "”"};
    site_ids_[code] = s->id;
    return s->id;
  }

  std::int64_t catalogue(std::int64_t site_id, const std::string& key) {
    const auto cache_key = std::to_string(site_id) + "|" + key;
    if (auto it = catalogue_ids_.find(cache_key); it != catalogue_ids_.end()) return it->second;
    auto node = catalogues_.by_code(site_id, key);
    if (!node) node = catalogues_.by_name(site_id, key);
    if (!node) throw LineError{"未知公开目录: “" + key + "”"};
    catalogue_ids_[cache_key] = node->id;
    return node->id;
  }

  // An unknown department is created; a department without a code gets the line's
  // department_code (never overwritten: the code an operator set wins).
  std::int64_t department(std::int64_t site_id, const std::string& name, const std::string& code) {
    const auto cache_key = std::to_string(site_id) + "|" + name;
    if (auto it = department_ids_.find(cache_key); it != department_ids_.end() && code.empty()) return it->second;
    auto dep = departments_.find_or_create(site_id, name);
    if (!code.empty() && dep.credit_code.empty()) {
      dep.credit_code = code;
      dep = departments_.save(dep);
    }
    department_ids_[cache_key] = dep.id;
    return dep.id;
  }

  store::Database& db_;
  const ImportOptions& options_;
  store::SiteRepository sites_;
  store::CatalogueRepository catalogues_;
  store::DepartmentRepository departments_;
  store::DocumentRepository documents_;
  store::BlobStore blobs_;
  std::map<std::string, std::int64_t> site_ids_, catalogue_ids_, department_ids_;

 public:
  // After a failed line its writes are rolled back: ids it cached may name rows that no
  // longer exist.
  void forget_cached_ids() {
    site_ids_.clear();
    catalogue_ids_.clear();
    department_ids_.clear();
  }
};

bool blank(const std::string& s) {
  for (unsigned char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

}  // namespace

std::string format_import_error(const ImportError& e) {
  return "第 " + std::to_string(e.line) + " 行: " + e.reason;
}

std::string format_import_hold(const ImportHold& h) {
  return "第 " + std::to_string(h.line) + " 行: 含个人信息（" + join(h.findings, "、") + "），已作为草稿导入，未发布";
}

ImportResult import_stream(store::Database& db, std::istream& in, const ImportOptions& options,
                           std::int64_t total_lines) {
  ImportResult result;
  Importer importer(db, options);
  std::unique_ptr<Progress> progress;
  if (options.progress) progress = std::make_unique<Progress>("导入", total_lines);
  // Lines go in batches, one transaction each; every line is a savepoint inside it, so a
  // bad line leaves nothing behind and the good ones around it stay. Each batch ends with
  // its audit entry, in its transaction.
  std::unique_ptr<store::Batch> batch;
  std::size_t in_batch = 0;
  std::int64_t batch_first_line = 0;
  auto commit_batch = [&](std::int64_t last_line) {
    store::AuditLog log(db);
    for (const auto& o : importer.overrides)
      log.append({options.actor, "publishing.import_privacy_override", "document",
                  std::to_string(o.at("document_id").get<std::int64_t>()), o, 0});
    if (!importer.changed.empty())
      log.append({options.actor, "publishing.import", "import", options.source,
                  {{"lines", {batch_first_line, last_line}}, {"documents", importer.changed}}, 0});
    batch->commit();
    batch.reset();
    importer.changed.clear();
    importer.overrides.clear();
    in_batch = 0;
  };
  const std::size_t batch_size = std::max<std::size_t>(options.batch_size, 1);
  std::string line;
  std::int64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 BOM
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (blank(line)) {
      if (progress) progress->advance();
      continue;
    }
    ++result.lines;
    if (!batch) {
      batch = std::make_unique<store::Batch>(db);  // a failure here is fatal, not a line error
      batch_first_line = number;
    }
    try {
      Importer::Outcome outcome{};
      const auto changed_before = importer.changed.size(), overrides_before = importer.overrides.size();
      importer.hold.reset();
      importer.line_number = number;
      try {
        batch->step([&] { outcome = importer.import_line(line); });
      } catch (...) {
        importer.forget_cached_ids();
        importer.changed.resize(changed_before);
        importer.overrides.resize(overrides_before);
        throw;
      }
      if (importer.hold) result.held.push_back(*importer.hold);
      result.published_with_findings += static_cast<std::int64_t>(importer.overrides.size() - overrides_before);
      switch (outcome) {
        case Importer::Outcome::Created: ++result.created; break;
        case Importer::Outcome::Updated: ++result.updated; break;
        case Importer::Outcome::Unchanged: ++result.unchanged; break;
      }
    } catch (const LineError& e) {
      result.errors.push_back({number, domain::one_line(e.reason)});
    } catch (const domain::ValidationError& e) {
      result.errors.push_back({number, domain::one_line(join(e.problems(), "；"))});
    } catch (const std::exception& e) {
      result.errors.push_back({number, domain::one_line(std::string("保存失败: ") + e.what())});
    }
    if (++in_batch >= batch_size) commit_batch(number);  // a failed commit ends the import with an error
    if (progress) progress->advance();
  }
  if (batch) commit_batch(number);
  if (progress) progress->finish();
  if (result.created > 0) db.refresh_statistics();  // the planner needs to know the new sizes
  return result;
}

ImportResult import_jsonl(store::Database& db, const fs::path& file, const ImportOptions& options) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ImportFileError("无法读取文件: " + file.string());
  std::error_code ec;
  if (fs::is_directory(file, ec)) throw ImportFileError("无法读取文件: " + file.string() + "（是目录）");
  std::int64_t total = 0;
  if (options.progress) {  // count lines first so the bar has a total; cheap next to the import
    std::string tmp;
    while (std::getline(in, tmp)) ++total;
    in.clear();
    in.seekg(0);
  }
  auto opts = options;
  if (opts.base_dir.empty()) opts.base_dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  auto result = import_stream(db, in, opts, total);
  if (in.bad()) throw ImportFileError("读取文件时出错: " + file.string());
  return result;
}

// ---------------------------------------------------------------------------- export

namespace {

std::string safe_file_name(const std::string& name) {
  std::string out;
  for (char c : name) out += (c == '/' || c == '\\' || c == '\0') ? '_' : c;
  if (out.empty() || out == "." || out == "..") out = "attachment";
  return out;
}

void write_record(std::FILE* out, const json& o) {
  const auto line = o.dump(-1, ' ', false, json::error_handler_t::replace);
  std::fputs(line.c_str(), out);
  std::fputc('\n', out);
}

json document_json(const domain::Document& d, const std::string& site_code, const std::string& catalogue_code,
                   const std::string& department_name, const std::string& interprets,
                   const std::vector<std::string>& attachment_paths) {
  json o = json::object();
  o["external_id"] = d.external_id;
  o["site"] = site_code;
  if (!catalogue_code.empty()) o["catalogue"] = catalogue_code;
  if (!department_name.empty()) o["department"] = department_name;
  o["title"] = d.title;
  if (!d.doc_number.empty()) o["doc_number"] = d.doc_number;
  if (!d.index_number.empty()) o["index_number"] = d.index_number;
  if (!d.issuer.empty()) o["issuer"] = d.issuer;
  auto date = [&](const char* key, const std::optional<domain::Date>& v) {
    if (v) o[key] = v->iso();
  };
  date("written_on", d.written_on);
  date("published_on", d.published_on);
  if (d.disclosure) o["disclosure"] = domain::to_label(*d.disclosure);
  date("effective_on", d.effective_on);
  date("expires_on", d.expires_on);
  date("repealed_on", d.repealed_on);
  if (d.amended) o["amended"] = true;
  if (!d.topic.empty()) o["topic"] = d.topic;
  if (!d.summary.empty()) o["summary"] = d.summary;
  o["body_html"] = d.body_html;
  if (!attachment_paths.empty()) o["attachments"] = attachment_paths;
  if (d.legacy) o["legacy"] = true;
  o["kind"] = domain::to_code(d.kind);
  if (!interprets.empty()) o["interprets"] = interprets;
  o["state"] = domain::to_code(d.state);
  return o;
}

}  // namespace

std::int64_t export_jsonl(store::Database& db, std::FILE* out, const ExportOptions& options) {
  store::SiteRepository sites(db);
  store::CatalogueRepository catalogues(db);
  store::DepartmentRepository departments(db);
  store::DocumentRepository documents(db);
  store::BlobStore blobs(db);

  const auto all_sites = sites.all();
  std::int64_t total = 0;
  for (const auto& s : all_sites) {
    store::DocumentQuery q;
    q.site_id = s.id;
    q.published_only = false;
    q.per_page = 0;  // count only
    total += documents.list(q).total;
  }
  std::unique_ptr<Progress> progress;
  if (options.progress) progress = std::make_unique<Progress>("导出", total);

  std::int64_t count = 0;
  auto write_line = [&](const json& o) {
    const auto line = o.dump(-1, ' ', false, json::error_handler_t::replace);
    std::fputs(line.c_str(), out);
    std::fputc('\n', out);
    ++count;
    if (progress) progress->advance();
  };

  // Sites, their catalogue trees and departments first: documents refer to them.
  for (const auto& s : all_sites) {
    json site = {{"record", "site"},
                 {"code", s.code},
                 {"name", s.name},
                 {"host", s.host},
                 {"path_prefix", s.path_prefix},
                 {"sponsor", s.sponsor},
                 {"phone", s.phone},
                 {"site_id_code", s.site_id_code},
                 {"icp_record", s.icp_record},
                 {"police_record", s.police_record},
                 {"theme", s.theme},
                 {"domain", s.domain},
                 {"index_number_format", s.index_number_format},
                 {"address", s.address}};
    write_record(out, site);
    const auto tree = catalogues.tree(s.id);
    std::map<std::int64_t, std::string> codes;
    for (const auto& c : tree) codes[c.id] = c.code;
    for (const auto& c : tree) {
      json node = {{"record", "catalogue"}, {"site", s.code}, {"code", c.code}, {"name", c.name}};
      if (c.parent_id && codes.count(*c.parent_id)) node["parent"] = codes[*c.parent_id];
      if (!c.description.empty()) node["description"] = c.description;
      if (!c.keywords.empty()) node["keywords"] = c.keywords;
      if (!c.column_type.empty()) node["column_type"] = c.column_type;
      write_record(out, node);
    }
    for (const auto& d : departments.by_site(s.id)) {
      json dep = {{"record", "department"}, {"site", s.code}, {"name", d.name}};
      if (!d.short_name.empty()) dep["short_name"] = d.short_name;
      if (!d.credit_code.empty()) dep["credit_code"] = d.credit_code;
      write_record(out, dep);
    }
  }

  for (const auto& s : all_sites) {
    std::map<std::int64_t, std::string> catalogue_codes, department_names, external_ids;
    for (const auto& c : catalogues.tree(s.id)) catalogue_codes[c.id] = c.code;
    for (const auto& d : departments.by_site(s.id)) department_names[d.id] = d.name;
    auto external_id_of = [&](const domain::Document& d) {
      return d.external_id.empty() ? "zwgk-" + s.code + "-" + std::to_string(d.id) : d.external_id;
    };
    // Interpretations refer to their policy by external_id, so they follow the site's
    // other documents (an import resolves the reference when it reads the line).
    std::vector<json> interpretations;
    documents.for_each(s.id, [&](const domain::Document& d) {
      external_ids[d.id] = external_id_of(d);
      std::string interprets;
      if (d.interprets_id) {
        if (auto it = external_ids.find(*d.interprets_id); it != external_ids.end()) {
          interprets = it->second;
        } else if (auto target = documents.by_id(*d.interprets_id)) {
          interprets = external_id_of(*target);
        }
      }
      std::vector<std::string> paths;
      for (const auto& a : d.attachments) {
        const auto dir = options.attachments_dir / a.sha256.substr(0, 16);
        const auto file = dir / fs::path(safe_file_name(a.file_name));
        std::error_code ec;
        if (!fs::exists(file, ec)) {
          auto blob = blobs.get(a.sha256);
          if (!blob) continue;  // a missing blob is a store problem; keep the document
          fs::create_directories(dir, ec);
          std::ofstream f(file, std::ios::binary);
          f.write(blob->data.data(), static_cast<std::streamsize>(blob->data.size()));
          if (!f) throw std::runtime_error("无法写入附件文件: " + file.string());
        }
        auto rel = fs::relative(file, options.jsonl_dir, ec);
        paths.push_back((ec || rel.empty() ? fs::absolute(file) : rel).generic_string());
      }
      std::string catalogue_code, department_name;
      if (d.catalogue_id)
        if (auto it = catalogue_codes.find(*d.catalogue_id); it != catalogue_codes.end()) catalogue_code = it->second;
      if (d.department_id)
        if (auto it = department_names.find(*d.department_id); it != department_names.end())
          department_name = it->second;
      auto doc = d;
      doc.external_id = external_ids[d.id];
      auto line = document_json(doc, s.code, catalogue_code, department_name, interprets, paths);
      if (d.kind == domain::DocumentKind::Interpretation)
        interpretations.push_back(std::move(line));
      else
        write_line(line);
    });
    for (const auto& line : interpretations) write_line(line);
  }
  if (progress) progress->finish();
  std::fflush(out);
  if (std::ferror(out)) throw std::runtime_error("写入导出文件时出错");
  return count;
}

std::int64_t export_jsonl(store::Database& db, std::FILE* out, bool progress) {
  ExportOptions options;
  options.progress = progress;
  return export_jsonl(db, out, options);
}

}  // namespace zwgk::app
