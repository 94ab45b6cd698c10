#include "modules/publishing/domain/document_diff.hpp"

namespace zwgk::domain {

namespace {
std::string opt(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }
std::string opt(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); }
std::string attachments(const Document& d) {
  std::string out;
  for (const auto& a : d.attachments) out += (out.empty() ? "" : "、") + a.file_name + "(" + a.sha256.substr(0, 12) + ")";
  return out;
}
}  // namespace

std::vector<FieldChange> diff_documents(const Document& a, const Document& b) {
  std::vector<FieldChange> out;
  auto cmp = [&](const char* field, const char* label, std::string x, std::string y) {
    if (x != y) out.push_back({field, label, std::move(x), std::move(y)});
  };
  cmp("title", "标题", a.title, b.title);
  cmp("doc_number", "文号", a.doc_number, b.doc_number);
  cmp("catalogue_id", "公开目录", opt(a.catalogue_id), opt(b.catalogue_id));
  cmp("department_id", "公开责任部门", opt(a.department_id), opt(b.department_id));
  cmp("issuer", "发文机关", a.issuer, b.issuer);
  cmp("written_on", "成文日期", opt(a.written_on), opt(b.written_on));
  cmp("published_on", "发文日期", opt(a.published_on), opt(b.published_on));
  cmp("disclosure", "公开形式", a.disclosure ? to_label(*a.disclosure) : "", b.disclosure ? to_label(*b.disclosure) : "");
  cmp("effective_on", "生效日期", opt(a.effective_on), opt(b.effective_on));
  cmp("expires_on", "有效期", opt(a.expires_on), opt(b.expires_on));
  cmp("repealed_on", "废止日期", opt(a.repealed_on), opt(b.repealed_on));
  cmp("topic", "主题分类", a.topic, b.topic);
  cmp("summary", "内容概述", a.summary, b.summary);
  cmp("body_html", "正文", a.body_html, b.body_html);
  cmp("kind", "类型", to_label(a.kind), to_label(b.kind));
  cmp("interprets_id", "所解读的文件", opt(a.interprets_id), opt(b.interprets_id));
  cmp("attachments", "附件", attachments(a), attachments(b));
  return out;
}

}  // namespace zwgk::domain
