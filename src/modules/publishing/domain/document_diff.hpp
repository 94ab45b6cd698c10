#pragma once
// What changed between two versions of a document, field by field (conflict messages,
// revision history).
#include <string>
#include <vector>

#include "domain/document.hpp"

namespace zwgk::domain {

struct FieldChange {
  std::string field;   // code name: title, doc_number, body_html, attachments ...
  std::string label;   // 标题, 文号, 正文, 附件 ...
  std::string before;  // display value ("" = empty)
  std::string after;
};

// Editable content only (not ids, state or timestamps), in form order.
std::vector<FieldChange> diff_documents(const Document& before, const Document& after);

}  // namespace zwgk::domain
