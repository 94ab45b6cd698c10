// Metadata a published document must carry (Art. 12: 索引, 名称, 内容概述, 生成日期; plus the
// 公开目录, 公开责任部门 and 公开形式 every disclosure page shows). The one list: the publish
// check (store/document_publish.cpp) and the editor's "*" marks both read it.
#include "domain/document.hpp"

namespace zwgk::domain {

namespace {

bool blank(const std::string& s) {
  for (unsigned char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

struct Requirement {
  PublicationField field;
  bool (*missing)(const Document&);
};

const std::vector<Requirement>& requirements() {
  static const std::vector<Requirement> list = {
      {{"title", "标题"}, [](const Document& d) { return blank(d.title); }},
      {{"catalogue_id", "公开目录"}, [](const Document& d) { return !d.catalogue_id; }},
      {{"department_id", "公开责任部门"}, [](const Document& d) { return !d.department_id; }},
      {{"published_on", "发文日期"}, [](const Document& d) { return !d.published_on; }},
      {{"disclosure", "公开形式"}, [](const Document& d) { return !d.disclosure; }},
  };
  return list;
}

}  // namespace

const std::vector<PublicationField>& publication_required_fields() {
  static const std::vector<PublicationField> fields = [] {
    std::vector<PublicationField> out;
    for (const auto& r : requirements()) out.push_back(r.field);
    return out;
  }();
  return fields;
}

std::vector<std::string> missing_publication_metadata(const Document& doc) {
  std::vector<std::string> missing;
  for (const auto& r : requirements())
    if (r.missing(doc)) missing.push_back(r.field.label);
  return missing;
}

}  // namespace zwgk::domain
