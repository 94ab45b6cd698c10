#pragma once
// Bulk import and export of documents, one JSON object per line (JSONL).
//
// A line (fields in README "Import format"; unknown fields are ignored):
//   external_id   string, required: the import key; (site, external_id) is unique
//   site          string, required: site code ("shaoyang")
//   catalogue     string: catalogue node code ("ghjh") or name ("规划计划")
//   department    string: 公开责任部门 name; an unknown one is created
//   department_code  string: its 统一社会信用代码 / 组织机构代码, set on a department that
//                 has none (the 索引号 needs it: without it a published line stays a draft)
//   title         string, required
//   doc_number, issuer, topic, summary, index_number     strings
//   written_on, published_on, effective_on, expires_on, repealed_on   "YYYY-MM-DD"
//   disclosure    "主动公开" | "依申请公开" | "不予公开" (also the codes)
//   body_html (sanitised) or body_text (paragraphs)
//   attachments   [path, ...] or [{"path": ..., "name": ...}], paths relative to the file
//   legacy        bool: historical record, may lack required metadata
//   amended       bool
//   kind          "document" (default) | "interpretation"; interprets: external_id
//   state         "published" (default) | "draft" | "withdrawn"
//
// Besides documents, a line may carry "record": "site" | "catalogue" | "department" (export
// writes them first, so an export imports into an empty database):
//   {"record":"site","code":"shaoyang","name":"邵阳市人民政府","path_prefix":"",...every Site field}
//   {"record":"catalogue","site":"shaoyang","code":"ghjh","name":"规划计划","parent":"fdzdgknr"}
//   {"record":"department","site":"shaoyang","name":"...","short_name":"...","credit_code":"..."}
// They are created when missing and updated when they differ (a new site gets the default
// catalogue). The summary counts every record.
//
// Privacy (个人信息): every document line is scanned by the publishing workflow's privacy
// guard (store::WorkflowRepository::scan_document: ID, mobile, bank card, e-mail numbers and
// the site's sensitive words, in title, summary, body and attachment texts). A new document
// with findings goes in as a draft, not published, and is reported in ImportResult::held
// (line number, kinds and fields — never the found value); a line that would change an
// already published document with findings is refused. ImportOptions::allow_privacy_findings
// (a reason) publishes them anyway, each with an audit entry carrying the reason.
//
// Audit: each batch of lines is one transaction that ends with one audit entry
// ("document.import", actor ImportOptions::actor, the lines and the documents it changed).
//
// Importing is idempotent: a line whose document already exists with the same fields
// counts as unchanged and writes nothing. A bad line is reported with its number and a
// reason in Chinese; the other lines still go in.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/actor.hpp"

namespace zwgk::store { class Database; }

namespace zwgk::app {

struct ImportError {
  std::int64_t line = 0;
  std::string reason;  // Chinese, one line
};

// A line whose document went in as a draft because the privacy guard found personal data.
struct ImportHold {
  std::int64_t line = 0;
  std::string external_id;
  std::vector<std::string> findings;  // "身份证号码（正文）": kind and field only
};

struct ImportResult {
  std::int64_t lines = 0;      // non-blank lines read
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::vector<ImportError> errors;
  std::vector<ImportHold> held;        // kept as drafts: personal data found
  std::int64_t published_with_findings = 0;  // published under allow_privacy_findings
};

struct ImportOptions {
  std::size_t batch_size = 500;    // lines per transaction (store::Batch), each with its audit entry
  bool progress = true;
  std::filesystem::path base_dir;  // attachments' relative paths resolve against it
                                   // (import_jsonl: default the file's directory)
  std::int64_t max_attachment_bytes = 200LL << 20;
  store::Actor actor{0, "system", ""};  // who the audit entries name (the CLI: cli:<OS user>)
  std::string source;                   // the file, for the audit entry
  std::string allow_privacy_findings;   // a reason: publish lines with findings anyway (audited)
};

// Thrown when the file itself cannot be read (a bad line is not an exception).
class ImportFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

ImportResult import_jsonl(store::Database& db, const std::filesystem::path& file, const ImportOptions& options);
// The same from a stream (the demo builds its lines in memory). total_lines 0 = unknown.
ImportResult import_stream(store::Database& db, std::istream& in, const ImportOptions& options,
                           std::int64_t total_lines = 0);

// "第 12 行: 原因"
std::string format_import_error(const ImportError& e);
// "第 12 行: 含个人信息（身份证号码（正文）），已作为草稿导入，未发布"
std::string format_import_hold(const ImportHold& h);

struct ExportOptions {
  bool progress = true;
  // Attachment files are written under attachments_dir; the JSONL names them by a path
  // relative to jsonl_dir (the directory the JSONL file is in), so that importing the file
  // from its own directory finds them.
  std::filesystem::path jsonl_dir = ".";
  std::filesystem::path attachments_dir = "attachments";
};

// Writes every document of every site as JSONL (same format as import): per site, policy
// documents before interpretations, each by id. Returns the count.
std::int64_t export_jsonl(store::Database& db, std::FILE* out, const ExportOptions& options);
// Attachments go to ./attachments/ relative to the working directory.
std::int64_t export_jsonl(store::Database& db, std::FILE* out, bool progress);

}  // namespace zwgk::app
