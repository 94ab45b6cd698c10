#pragma once
// What the records give the annual report: tables 三 and 四 from the 依申请公开 records
// (count_section_three / count_section_four), table 二's 规章 and 行政规范性文件 from the
// documents (count_regulations), as cell figures (report_cells.hpp); and the facts offered to
// the office for the text of sections 一 and 六, each beside last year's where it is known.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/ndbg/domain/annual_report.hpp"
#include "modules/ndbg/domain/regulation_counts.hpp"
#include "modules/ysqgk/domain/request_annual_counts.hpp"

namespace zwgk::domain {

struct ReportRecords {
  SectionThree three;
  SectionFour four;
  RegulationCounts regulations;
};

// cell key -> figure, for every cell the records hold (not 行政许可 … 行政事业性收费).
std::map<std::string, long long> computed_figures(const ReportRecords& records);

// The records are read again: `computed` is replaced; a figure without a reason follows the
// records; a figure with one (the office's correction or source) is kept as it is.
void apply_records(AnnualReport& report, const std::map<std::string, long long>& computed);

// One figure offered for the text: "本年主动公开政府信息" 120 条，比上年增长20%.
struct OfferedFact {
  std::string label;  // 本年主动公开政府信息
  long long value = 0;
  std::string unit;   // 条, 篇, 件, 次, 场
  std::optional<long long> last_year;
  std::string sentence() const;  // "本年主动公开政府信息120条，比上年增长20%。"
};

}  // namespace zwgk::domain
