// The annual report's table layout: see report_layout.hpp.
#include "modules/ndbg/web/report_layout.hpp"

#include "domain/reply_outcome.hpp"
#include "modules/ysqgk/domain/request_annual_counts.hpp"

namespace zwgk::web {

namespace {

LayoutCell head(std::string text, int cols = 1, int rows = 1) { return {std::move(text), cols, rows, true, "", false}; }
LayoutCell label(std::string text, int cols = 1, int rows = 1) { return {std::move(text), cols, rows, false, "", false}; }

LayoutCell figure(const domain::AnnualReport& r, const std::string& key, int cols = 1) {
  const auto reason = r.reasons.find(key);
  return {figure_text(r, key), cols, 1, false, key, reason != r.reasons.end() && !reason->second.empty()};
}

}  // namespace

std::string figure_text(const domain::AnnualReport& r, const std::string& key) {
  const auto* cell = domain::find_report_cell(key);
  const long long v = r.value(key);
  return cell && cell->money ? domain::format_wan_yuan(v) : std::to_string(v);
}

LayoutTable section_two_layout(const domain::AnnualReport& r) {
  LayoutTable t;
  t.section = domain::kReportSections[1];
  t.columns = 4;
  t.header_rows = 0;
  t.rows.push_back({head("第二十条第（一）项", 4)});
  t.rows.push_back({head("信息内容"), head("本年制发件数"), head("本年废止件数"), head("现行有效件数")});
  for (const auto& [row, name] : {std::pair{"rules", "规章"}, std::pair{"normative", "行政规范性文件"}}) {
    const std::string k = std::string("2.") + row + ".";
    t.rows.push_back({label(name), figure(r, k + "made"), figure(r, k + "repealed"), figure(r, k + "valid")});
  }
  t.rows.push_back({head("第二十条第（五）项", 4)});
  t.rows.push_back({head("信息内容"), head("本年处理决定数量", 3)});
  t.rows.push_back({label("行政许可"), figure(r, "2.licensing", 3)});
  t.rows.push_back({head("第二十条第（六）项", 4)});
  t.rows.push_back({head("信息内容"), head("本年处理决定数量", 3)});
  t.rows.push_back({label("行政处罚"), figure(r, "2.penalty", 3)});
  t.rows.push_back({label("行政强制"), figure(r, "2.coercion", 3)});
  t.rows.push_back({head("第二十条第（八）项", 4)});
  t.rows.push_back({head("信息内容"), head("本年收费金额（单位：万元）", 3)});
  t.rows.push_back({label("行政事业性收费"), figure(r, "2.fees", 3)});
  return t;
}

LayoutTable section_three_layout(const domain::AnnualReport& r) {
  LayoutTable t;
  t.section = domain::kReportSections[2];
  t.columns = 10;
  t.header_rows = 3;
  t.rows.push_back({head("本年度情况", 3, 3), head("申请人情况", 7)});
  t.rows.push_back({head("自然人", 1, 2), head("法人或其他组织", 5), head("总计", 1, 2)});
  t.rows.push_back({head("商业企业"), head("科研机构"), head("社会公益组织"), head("法律服务机构"), head("其他")});
  auto values = [&](std::vector<LayoutCell> row, const std::string& code) {
    for (int c = 0; c < 7; ++c) row.push_back(figure(r, domain::section_three_key(code, c)));
    t.rows.push_back(std::move(row));
  };
  values({label("一、本年新收政府信息公开申请数量", 3)}, "new");
  values({label("二、上年结转政府信息公开申请数量", 3)}, "carried");
  // 三、本年度办理结果: its label spans every outcome row and （七）总计; a group with grounds
  // spans its grounds' rows.
  const auto& outcomes = domain::all_reply_outcomes();
  const int result_rows = static_cast<int>(outcomes.size()) + 1;
  bool first_row = true;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const auto& o = outcomes[i];
    std::vector<LayoutCell> row;
    if (first_row) row.push_back(label("三、本年度办理结果", 1, result_rows));
    first_row = false;
    if (o.ground == 0) {
      row.push_back(label(std::string(o.row_label), 2));
    } else {
      if (o.ground == 1) {
        int grounds = 0;
        for (const auto& other : outcomes) grounds += other.group == o.group ? 1 : 0;
        row.push_back(label(std::string(o.group_label), 1, grounds));
      }
      row.push_back(label(std::string(o.row_label)));
    }
    values(std::move(row), std::string(o.code));
  }
  values({label("（七）总计", 2)}, "total");
  values({label("四、结转下年度继续办理", 3)}, "forward");
  return t;
}

LayoutTable section_four_layout(const domain::AnnualReport& r) {
  LayoutTable t;
  t.section = domain::kReportSections[3];
  t.columns = 15;
  t.header_rows = 3;
  t.rows.push_back({head("行政复议", 5), head("行政诉讼", 10)});
  std::vector<LayoutCell> second;
  for (const char* c : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) second.push_back(head(c, 1, 2));
  second.push_back(head("未经复议直接起诉", 5));
  second.push_back(head("复议后起诉", 5));
  t.rows.push_back(std::move(second));
  std::vector<LayoutCell> third;
  for (int i = 0; i < 2; ++i)
    for (const char* c : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) third.push_back(head(c));
  t.rows.push_back(std::move(third));
  std::vector<LayoutCell> row;
  for (const auto& block : domain::section_four_blocks())
    for (int c = 0; c < 5; ++c) row.push_back(figure(r, domain::section_four_key(block, c)));
  t.rows.push_back(std::move(row));
  return t;
}

}  // namespace zwgk::web
