#pragma once
// 文号: 邵政办发〔2017〕12号. Variants with [2017], （2017）, (2017) are the same number.
#include <string>
#include <string_view>

namespace zwgk::domain {

// Canonical form with 〔〕 brackets, surrounding whitespace trimmed.
std::string normalize_doc_number(std::string_view raw);

}  // namespace zwgk::domain
