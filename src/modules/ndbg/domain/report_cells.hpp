#pragma once
// The figures of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号; the rows and columns
// of ../shared/domain/README.md §4, character for character), each with a stable key:
//   table 二  "2.<row>.<column>" for 第二十条第（一）项 (rows rules / normative, columns made /
//             repealed / valid) and "2.<row>" for 第（五）（六）（八）项 (licensing, penalty,
//             coercion, fees — fees in 元, shown in 万元);
//   table 三  "3.<row>.<column>": rows new, carried, the 21 outcome codes of
//             domain/reply_outcome.hpp, total, forward; columns 0..6 (自然人, 商业企业, 科研机构,
//             社会公益组织, 法律服务机构, 其他, 总计);
//   table 四  "4.<block>.<column>": blocks reconsideration, direct, after; columns 0..4 (结果维持,
//             结果纠正, 其他结果, 尚未审结, 总计).
// Keys are stored: never change one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

enum class ReportTable { Two, Three, Four };

struct ReportCell {
  std::string key;
  ReportTable table = ReportTable::Two;
  std::string row;     // as printed: "行政规范性文件", "（三）不予公开 1.属于国家秘密", "行政复议"
  std::string column;  // as printed: "本年制发件数", "自然人", "结果维持"
  bool money = false;  // 行政事业性收费: stored in 元, printed in 万元
};

// Every cell of tables 二, 三 and 四, in the template's reading order.
const std::vector<ReportCell>& report_cells();
const ReportCell* find_report_cell(std::string_view key);

// Table 三's rows in order: "new", "carried", the outcome codes, "total", "forward".
const std::vector<std::string>& section_three_rows();
std::string section_three_key(std::string_view row, int column);  // "3.new.0"
// Table 四's blocks in order: "reconsideration", "direct", "after".
const std::vector<std::string>& section_four_blocks();
std::string section_four_key(std::string_view block, int column);  // "4.direct.4"

// 万元 with up to four decimals, trailing zeros dropped: 125000 元 -> "12.5".
std::string format_wan_yuan(long long yuan);
// "12.5" (万元) -> 125000 (元); nullopt for anything but a non-negative decimal of at most four places.
std::optional<long long> parse_wan_yuan(std::string_view text);

}  // namespace zwgk::domain
