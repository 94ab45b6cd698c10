// Table 二's 规章 and 行政规范性文件 counts: see regulation_counts.hpp.
#include "modules/ndbg/domain/regulation_counts.hpp"

#include <algorithm>
#include <chrono>

namespace zwgk::domain {

namespace {

bool is_government_order(const std::string& doc_number) {
  return doc_number.find("政府令") != std::string::npos;
}

bool in_year(const std::optional<Date>& d, int year) { return d && d->year() == year; }

void count_one(RegulationCount& c, const Document& doc, int year, Date year_end) {
  if (in_year(doc.published_on, year)) {
    ++c.made;
    c.made_ids.push_back(doc.id);
  }
  if (in_year(doc.repealed_on, year)) {
    ++c.repealed;
    c.repealed_ids.push_back(doc.id);
  }
  if (doc.published_on && *doc.published_on <= year_end && derive_validity(doc, year_end) == Validity::Valid) {
    ++c.valid;
    c.valid_ids.push_back(doc.id);
  }
}

}  // namespace

RegulationKind regulation_kind(const Document& doc, const std::string& catalogue_code,
                               const std::vector<std::string>& normative_columns) {
  if (doc.kind != DocumentKind::Document) return RegulationKind::None;
  if (is_government_order(doc.doc_number)) return RegulationKind::Rule;
  if (std::find(normative_columns.begin(), normative_columns.end(), catalogue_code) != normative_columns.end())
    return RegulationKind::Normative;
  return RegulationKind::None;
}

RegulationCounts count_regulations(const std::vector<RegulationDocument>& docs, int year,
                                   const std::vector<std::string>& normative_columns) {
  const Date year_end{std::chrono::year{year} / 12 / 31};
  RegulationCounts out;
  for (const auto& d : docs) {
    switch (regulation_kind(d.doc, d.catalogue_code, normative_columns)) {
      case RegulationKind::Rule: count_one(out.rules, d.doc, year, year_end); break;
      case RegulationKind::Normative: count_one(out.normative, d.doc, year, year_end); break;
      case RegulationKind::None: break;
    }
  }
  return out;
}

}  // namespace zwgk::domain
