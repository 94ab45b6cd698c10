#pragma once
// 政府信息 (a published document) and its official metadata.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"

namespace zwgk::domain {

enum class DisclosureForm { Proactive, OnRequest, NotDisclosed };  // 主动公开 / 依申请公开 / 不予公开
enum class Validity { Valid, Expired, Repealed, Amended, NotYetEffective };  // 有效 / 失效 / 废止 / 已修订 / 尚未生效
enum class DocumentState { Draft, Published, Withdrawn };
enum class DocumentKind { Document, Interpretation };  // 文件 / 政策解读

std::string to_label(DisclosureForm);  // "主动公开"
std::string to_label(Validity);        // "有效"
std::string to_label(DocumentKind);    // "文件" | "政策解读"
std::string to_label(DocumentState);   // "草稿" | "已发布" | "已撤回"
std::string to_code(DocumentState);    // "draft" | "published" | "withdrawn"
std::string to_code(DocumentKind);     // "document" | "interpretation"
std::string to_code(DisclosureForm);   // "proactive" | "on_request" | "not_disclosed"
std::string to_code(Validity);         // "valid" | "expired" | "repealed" | "amended" | "not_yet_effective"
std::optional<DisclosureForm> disclosure_form_from(std::string_view label_or_code);  // accepts "主动公开", "主动", "proactive"
std::optional<DocumentState> document_state_from(std::string_view code);
std::optional<DocumentKind> document_kind_from(std::string_view code);
std::optional<Validity> validity_from(std::string_view label_or_code);

struct Attachment {
  std::int64_t id = 0;
  std::string file_name;     // as shown: 附件1.pdf
  std::string sha256;        // content address (hex)
  std::string media_type;    // application/pdf
  std::int64_t size = 0;
  int position = 0;
};

struct Document {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string external_id;                 // import key, idempotent; "" if none
  std::string title;                       // 标题 / 文件名称
  std::string doc_number;                  // 文号 邵政办发〔2017〕12号
  std::string index_number;                // 索引号: set once at first publication, never changed
  std::optional<std::int64_t> catalogue_id;   // 公开目录
  std::optional<std::int64_t> department_id;  // 公开责任部门
  std::string issuer;                      // 发文机关
  std::optional<Date> written_on;          // 成文日期
  std::optional<Date> published_on;        // 发文日期
  std::optional<DisclosureForm> disclosure; // 公开形式
  std::optional<Date> effective_on;        // 生效日期
  std::optional<Date> expires_on;          // 有效期 (失效日期)
  std::optional<Date> repealed_on;         // 废止日期
  bool amended = false;                    // 已修订: superseded by a revision
  std::string topic;                       // 主题分类
  std::string summary;                     // 内容概述 (Art. 12)
  std::string body_html;                   // sanitised HTML
  int body_filter = 0;                     // kSanitizerVersion body_html was filtered with when stored
  DocumentKind kind = DocumentKind::Document;
  DocumentState state = DocumentState::Draft;
  bool legacy = false;                     // imported historical record with incomplete metadata
  std::optional<std::int64_t> interprets_id;  // for a 政策解读: the policy document it explains
  std::vector<Attachment> attachments;
  std::string created_at;                  // ISO timestamp, UTC
  std::string updated_at;                  // ISO timestamp, UTC; drives Last-Modified
  std::string first_published_at;          // ISO timestamp, set when first published (PubDate)
};

// 有效性 derived from the dates where it can be (amended wins, then repealed, expired,
// not-yet-effective, else valid).
Validity derive_validity(const Document& doc, Date today);

// Required metadata before a document may be shown as a complete published document:
// 标题, 公开目录, 公开责任部门, 发文日期, 公开形式. Returns the Chinese names of missing fields.
std::vector<std::string> missing_publication_metadata(const Document& doc);

// The 发布日期 to the minute, as the PubDate tag gives it (domain/README §6: yyyy-MM-dd HH:mm,
// China time; publication_time.cpp). The day is the recorded 发文日期 (published_on: what the
// source system recorded for an import, what the editor entered); the time of day is the
// first publication's when that was on the same day, else 00:00 — never the import's
// moment on another day. Without a published_on: the first publication; "" before it.
std::string publication_minute(const Document& doc);

// The fields missing_publication_metadata() checks, in form order: `name` is the Document
// member ("catalogue_id"), `label` its Chinese name. The editor marks these "*".
struct PublicationField {
  std::string name;
  std::string label;
};
const std::vector<PublicationField>& publication_required_fields();

}  // namespace zwgk::domain
