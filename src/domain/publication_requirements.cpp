// Metadata a published document must carry (Art. 12: 索引, 名称, 内容概述, 生成日期; plus the
// 公开目录, 公开责任部门 and 公开形式 every disclosure page shows).
#include "domain/document.hpp"

namespace zwgk::domain {

std::vector<std::string> missing_publication_metadata(const Document& doc) {
  std::vector<std::string> missing;
  bool blank_title = true;
  for (unsigned char c : doc.title)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') { blank_title = false; break; }
  if (blank_title) missing.emplace_back("标题");
  if (!doc.catalogue_id) missing.emplace_back("公开目录");
  if (!doc.department_id) missing.emplace_back("公开责任部门");
  if (!doc.published_on) missing.emplace_back("发文日期");
  if (!doc.disclosure) missing.emplace_back("公开形式");
  return missing;
}

}  // namespace zwgk::domain
