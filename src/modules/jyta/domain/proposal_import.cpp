// See proposal_import.hpp.
#include "modules/jyta/domain/proposal_import.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace zwgk::domain {

namespace {

enum Column { Kind, Session, Meeting, Number, Title, Lead, CoSigners, MainUnit, CoUnits, AssignedOn, ColumnCount };

struct ColumnSpec {
  const char* name;  // the canonical header, used in problems
  std::vector<std::string> variants;
  bool required;
};

const std::array<ColumnSpec, ColumnCount>& specs() {
  static const std::array<ColumnSpec, ColumnCount> all = {{
      {"类型", {"类型", "类别名称", "建议提案类型", "建议类型", "提案类型"}, true},
      {"届次", {"届次", "届别"}, true},
      {"会次", {"会次", "会议", "会议名称"}, true},
      {"编号", {"编号", "建议编号", "提案编号", "案号", "号"}, true},
      {"标题", {"标题", "题目", "案由", "建议标题", "提案标题", "建议名称", "提案名称"}, true},
      {"领衔人", {"领衔人", "领衔代表", "领衔委员", "提出人", "代表", "委员", "领衔"}, true},
      {"附议人", {"附议人", "联名人", "联名代表", "附议代表", "附议委员", "附议"}, false},
      {"主办单位", {"主办单位", "主办", "承办单位"}, true},
      {"会办单位", {"会办单位", "协办单位", "会办"}, false},
      {"交办日期", {"交办日期", "交办时间"}, true},
  }};
  return all;
}


// Names separated by 、 ， , ； ; or new lines.
std::vector<std::string> split_names(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    auto t = trim_cell(cur);
    if (!t.empty()) out.push_back(t);
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ',' || s[i] == ';' || s[i] == '\n') { flush(); ++i; continue; }
    if (s.compare(i, 3, "\xE3\x80\x81") == 0 || s.compare(i, 3, "\xEF\xBC\x8C") == 0 || s.compare(i, 3, "\xEF\xBC\x9B") == 0) {
      flush();
      i += 3;
      continue;
    }
    cur += s[i++];
  }
  flush();
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "、") + s;
  return out;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<std::string> parse_proposal_number(const std::string& raw) {
  std::string s = trim_cell(raw);
  for (const char* p : {"建议第", "提案第", "第"})
    if (s.rfind(p, 0) == 0) { s = s.substr(std::string(p).size()); break; }
  const std::string hao = "号";
  if (s.size() > hao.size() && s.compare(s.size() - hao.size(), hao.size(), hao) == 0) s.resize(s.size() - hao.size());
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (!all_digits(s) || s.size() > 9) return std::nullopt;
  s.erase(0, std::min(s.find_first_not_of('0'), s.size() - 1));  // 007 -> 7
  return s;
}

ProposalImportPlan plan_proposal_import(const std::vector<SheetRow>& rows, const UnitLookup& unit, int answer_months) {
  ProposalImportPlan plan;
  if (rows.empty()) {
    plan.problems.emplace_back("表格是空的：第一行应为表头（类型、届次、会次、编号、标题、领衔人、主办单位、交办日期……）");
    return plan;
  }
  std::array<int, ColumnCount> at;
  at.fill(-1);
  const auto& header = rows.front();
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const std::string name = trim_cell(header.cells[i]);
    for (int c = 0; c < ColumnCount; ++c)
      if (at[c] < 0 && std::find(specs()[c].variants.begin(), specs()[c].variants.end(), name) != specs()[c].variants.end())
        at[c] = static_cast<int>(i);
  }
  for (int c = 0; c < ColumnCount; ++c)
    if (at[c] < 0 && specs()[c].required)
      plan.problems.push_back("第" + std::to_string(header.number) + "行（表头）：缺少「" + specs()[c].name + "」列");
  if (!plan.problems.empty()) return plan;

  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;  // kind, session, meeting, number
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    auto cell = [&](int c) { return at[c] < 0 || static_cast<std::size_t>(at[c]) >= row.cells.size() ? std::string() : trim_cell(row.cells[at[c]]); };
    bool empty = true;
    for (int c = 0; c < ColumnCount; ++c) empty = empty && cell(c).empty();
    if (empty) continue;
    const std::string where = "第" + std::to_string(row.number) + "行";
    auto problem = [&](int c, const std::string& what) { plan.problems.push_back(where + "「" + specs()[c].name + "」：" + what); };
    const auto before = plan.problems.size();
    Proposal p;
    if (auto k = proposal_kind_from(cell(Kind))) p.kind = *k;
    else problem(Kind, cell(Kind).empty() ? "未填写（应为人大代表建议或政协委员提案）" : "无法识别“" + cell(Kind) + "”，应为人大代表建议或政协委员提案");
    p.session = cell(Session);
    if (p.session.empty()) problem(Session, "未填写（如 十七届）");
    p.meeting = cell(Meeting);
    if (p.meeting.empty()) problem(Meeting, "未填写（如 三次会议）");
    if (auto n = parse_proposal_number(cell(Number))) p.number = *n;
    else problem(Number, cell(Number).empty() ? "未填写" : "“" + cell(Number) + "”不是编号（应为数字，如 123）");
    p.title = cell(Title);
    if (p.title.empty()) problem(Title, "未填写");
    else if (p.title.size() > 600) problem(Title, "过长（不超过200字）");
    p.lead = cell(Lead);
    if (p.lead.empty()) problem(Lead, "未填写");
    p.co_signers = join(split_names(cell(CoSigners)));
    const std::string main = cell(MainUnit);
    if (main.empty()) problem(MainUnit, "未填写");
    else if (auto u = unit(main)) { p.main_department_id = u->first; p.main_department = u->second; }
    else problem(MainUnit, "找不到单位“" + main + "”");
    std::vector<std::string> co;
    for (const auto& name : split_names(cell(CoUnits))) {
      if (auto u = unit(name)) co.push_back(u->second);
      else problem(CoUnits, "找不到单位“" + name + "”");
    }
    p.co_departments = join(co);
    if (auto d = parse_sheet_date(cell(AssignedOn))) {
      p.assigned_on = *d;
      p.due_on = answer_due_on(*d, answer_months);
      p.year = d->year();
    } else {
      problem(AssignedOn, cell(AssignedOn).empty() ? "未填写" : "“" + cell(AssignedOn) + "”不是日期（应为 2026-03-01）");
    }
    if (plan.problems.size() == before) {
      auto key = std::make_tuple(to_code(p.kind), p.session, p.meeting, p.number);
      if (!seen.insert(key).second) problem(Number, number_label(p.kind, p.number) + "在表中重复");
    }
    if (plan.problems.size() == before) plan.rows.push_back({row.number, std::move(p)});
  }
  if (plan.problems.empty() && plan.rows.empty()) plan.problems.emplace_back("表格中没有建议提案（表头之下都是空行）");
  return plan;
}

}  // namespace zwgk::domain
