// The report's cells: see report_cells.hpp.
#include "modules/ndbg/domain/report_cells.hpp"

#include <algorithm>
#include <unordered_map>

#include "domain/reply_outcome.hpp"
#include "modules/ysqgk/domain/request_annual_counts.hpp"

namespace zwgk::domain {

namespace {

constexpr std::string_view kReviewColumns[] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};

std::string three_row_label(std::string_view row) {
  if (row == "new") return "一、本年新收政府信息公开申请数量";
  if (row == "carried") return "二、上年结转政府信息公开申请数量";
  if (row == "total") return "（七）总计";
  if (row == "forward") return "四、结转下年度继续办理";
  for (const auto& i : all_reply_outcomes())
    if (i.code == row) return to_full_label(i.outcome);
  return std::string(row);
}

std::string four_block_label(std::string_view block) {
  if (block == "reconsideration") return "行政复议";
  if (block == "direct") return "行政诉讼 未经复议直接起诉";
  return "行政诉讼 复议后起诉";
}

std::vector<ReportCell> build_cells() {
  std::vector<ReportCell> out;
  // 二、主动公开政府信息情况
  for (const auto& [row, label] : {std::pair{"rules", "规章"}, std::pair{"normative", "行政规范性文件"}}) {
    out.push_back({std::string("2.") + row + ".made", ReportTable::Two, label, "本年制发件数"});
    out.push_back({std::string("2.") + row + ".repealed", ReportTable::Two, label, "本年废止件数"});
    out.push_back({std::string("2.") + row + ".valid", ReportTable::Two, label, "现行有效件数"});
  }
  out.push_back({"2.licensing", ReportTable::Two, "行政许可", "本年处理决定数量"});
  out.push_back({"2.penalty", ReportTable::Two, "行政处罚", "本年处理决定数量"});
  out.push_back({"2.coercion", ReportTable::Two, "行政强制", "本年处理决定数量"});
  out.push_back({"2.fees", ReportTable::Two, "行政事业性收费", "本年收费金额（单位：万元）", true});
  // 三、收到和处理政府信息公开申请情况
  const auto& columns = applicant_column_labels();
  for (const auto& row : section_three_rows())
    for (int c = 0; c < static_cast<int>(columns.size()); ++c)
      out.push_back({section_three_key(row, c), ReportTable::Three, three_row_label(row), std::string(columns[c])});
  // 四、政府信息公开行政复议、行政诉讼情况
  for (const auto& block : section_four_blocks())
    for (int c = 0; c < 5; ++c)
      out.push_back({section_four_key(block, c), ReportTable::Four, four_block_label(block), std::string(kReviewColumns[c])});
  return out;
}

}  // namespace

const std::vector<std::string>& section_three_rows() {
  static const std::vector<std::string> rows = [] {
    std::vector<std::string> r = {"new", "carried"};
    for (const auto& i : all_reply_outcomes()) r.emplace_back(i.code);
    r.emplace_back("total");
    r.emplace_back("forward");
    return r;
  }();
  return rows;
}

std::string section_three_key(std::string_view row, int column) {
  return "3." + std::string(row) + "." + std::to_string(column);
}

const std::vector<std::string>& section_four_blocks() {
  static const std::vector<std::string> blocks = {"reconsideration", "direct", "after"};
  return blocks;
}

std::string section_four_key(std::string_view block, int column) {
  return "4." + std::string(block) + "." + std::to_string(column);
}

const std::vector<ReportCell>& report_cells() {
  static const std::vector<ReportCell> cells = build_cells();
  return cells;
}

const ReportCell* find_report_cell(std::string_view key) {
  static const std::unordered_map<std::string, std::size_t> index = [] {
    std::unordered_map<std::string, std::size_t> m;
    const auto& cells = report_cells();
    for (std::size_t i = 0; i < cells.size(); ++i) m.emplace(cells[i].key, i);
    return m;
  }();
  const auto it = index.find(std::string(key));
  return it == index.end() ? nullptr : &report_cells()[it->second];
}

std::string format_wan_yuan(long long yuan) {
  const bool negative = yuan < 0;
  const unsigned long long v = negative ? 0ULL - static_cast<unsigned long long>(yuan) : static_cast<unsigned long long>(yuan);
  std::string frac = std::to_string(v % 10000);
  frac.insert(0, 4 - frac.size(), '0');
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string out = (negative ? "-" : "") + std::to_string(v / 10000);
  return frac.empty() ? out : out + "." + frac;
}

std::optional<long long> parse_wan_yuan(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  const auto dot = text.find('.');
  const auto whole = text.substr(0, dot);
  const auto frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && (frac.empty() || frac.size() > 4))) return std::nullopt;
  auto digits = [](std::string_view s) { return std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }); };
  if (!digits(whole) || !digits(frac)) return std::nullopt;
  long long v = std::stoll(std::string(whole)) * 10000;
  if (!frac.empty()) {
    std::string f(frac);
    f.append(4 - f.size(), '0');
    v += std::stoll(f);
  }
  return v;
}

}  // namespace zwgk::domain
