// The indicator tree: see assessment_indicator.hpp.
#include "modules/jxkh/domain/assessment_indicator.hpp"

#include <set>
#include <sstream>

#include "domain/sheet_rows.hpp"
#include "domain/utf8.hpp"
#include "modules/jxkh/domain/points.hpp"

namespace zwgk::domain {

const std::vector<FactSource>& fact_sources() {
  static const std::vector<FactSource> sources = {
      {"timeliness", "主动公开时效",
       "本单位年度内发布的主动公开文件（不含历史记录）：成文日期（未填写的为进入发布流程之日）起第20个工作日与发布日期比较"
       "（经发布流程的以首次发布时间为准）", "超期发布"},
      {"interpretation", "政策解读同步发布",
       "本单位年度内在需要解读的栏目（发布设置，默认政策文件、行政规范性文件）发布的文件：有无已发布的政策解读、"
       "解读是否晚于文件发布，登记了无需解读理由的不计", "未同步发布解读"},
      {"principal", "主要负责人解读",
       "年度内已结束的在线访谈、新闻发布会、政策吹风会中，嘉宾标为本单位主要负责人的场次", "全年无主要负责人解读"},
      {"lists", "清单动态调整", "本单位的清单：考核年度末（或计算之日）施行的版本，其施行日期是否在一年以内", "超过一年未更新"},
      {"annual_report", "年度报告按时公布",
       "本单位上一年度的政府信息公开工作年度报告（年报编制记录或“政府信息公开年报”栏目的文件）的发布日期与1月31日比较", "未按时公布"},
      {"requests", "依申请公开按时答复",
       "年度内收到、分办给本单位的政府信息公开申请：答复日期与法定期限（第三十三条，扣除补正、征求意见时间，含延期）比较，"
       "未答复的以计算之日为准", "逾期答复或超期未答复"},
      {"reviews", "复议诉讼纠错", "本单位答复的申请，年度内审结、结果为“纠正”的行政复议和行政诉讼", "被纠正"},
      {"letters", "来信按时答复",
       "年度内收到并受理、转办给本单位的来信：答复日期与本网站信箱设置的办理时限比较，未答复的以计算之日为准", "逾期答复或超期未答复"},
      {"satisfaction", "来信满意度", "同上来信的评价：评价为“不满意”的（评价期满未评价的按满意计）", "评价为不满意"},
      {"consultations", "意见征集反馈",
       "本单位年度内结束的意见征集：反馈（意见收集和采纳情况）是否在意见征集设置的期限内公布", "未按期反馈"},
      {"monitoring", "日常监测",
       "本网站年度内最后一次自查监测的预警和否决项中，指向本单位栏目（发布文件最多的单位）或本单位文件的问题；"
       "指向整个网站的问题计入政府办公室", "监测发现的问题"},
      {"work_plan", "工作要点落实",
       "本年度工作要点中本单位的任务（含工作方案）：报送落实情况的日期与完成时限（工作方案为要点公布后20个工作日，"
       "落实情况为12月20日）比较，未报送的以计算之日为准",
       "未按时报送"},
      {kManualSource, "手工填报", "政府办公室填报的数字（注明依据），如未录入本系统的任务未按时报送的项数", "填报的扣分项", true},
  };
  return sources;
}

const FactSource* find_fact_source(std::string_view code) {
  for (const auto& s : fact_sources())
    if (s.code == code) return &s;
  return nullptr;
}

const AssessmentIndicator* IndicatorSet::find(std::string_view code) const {
  for (const auto& i : indicators)
    if (i.code == code) return &i;
  return nullptr;
}

int IndicatorSet::full_points() const {
  int sum = 0;
  for (const auto* leaf : leaves()) sum += leaf->points;
  return sum;
}

std::vector<const AssessmentIndicator*> IndicatorSet::leaves() const {
  std::vector<const AssessmentIndicator*> out;
  for (const auto& i : indicators)
    if (i.leaf()) out.push_back(&i);
  return out;
}

namespace {

AssessmentIndicator group(std::string code, std::string name, std::string rule) {
  return {std::move(code), std::move(name), "", 0, 0, 0, "", std::move(rule)};
}

AssessmentIndicator leaf(std::string code, std::string name, std::string parent, int points, int deduction,
                         std::string source, std::string rule) {
  return {std::move(code), std::move(name), std::move(parent), points, deduction, points, std::move(source), std::move(rule)};
}

void sum_parents(IndicatorSet& set) {
  for (auto& p : set.indicators) {
    if (p.leaf() || !p.parent.empty()) continue;
    p.points = 0;
    for (const auto& c : set.indicators)
      if (c.parent == p.code) p.points += c.points;
  }
}

}  // namespace

IndicatorSet default_indicators() {
  IndicatorSet s;
  s.weight = kMinimumWeight;
  s.indicators = {
      group("zdgk", "主动公开", "主动公开的时效、政策解读、清单和年度报告"),
      leaf("zdgk.sx", "主动公开时效", "zdgk", 150, 10, "timeliness",
           "主动公开信息在形成或者变更之日起20个工作日内公开（《中华人民共和国政府信息公开条例》第二十六条），"
           "每超期1件扣1分，扣完为止"),
      leaf("zdgk.jd", "政策解读同步发布", "zdgk", 100, 20, "interpretation",
           "政策性文件与解读材料同步组织、同步审签、同步部署（《2017年邵阳市政务公开工作要点》六（三））；"
           "文件发布时没有同步发布解读的（登记无需解读理由的除外），每件扣2分，扣完为止"),
      leaf("zdgk.fzr", "主要负责人解读", "zdgk", 50, 50, "principal",
           "主要负责人履行“第一解读人和责任人”职责，每年解读重要政策不少于1次（《2017年邵阳市政务公开工作要点》六（三））；"
           "本年度没有主要负责人出席的在线访谈、新闻发布会或政策吹风会的，扣5分"),
      leaf("zdgk.qd", "清单动态调整", "zdgk", 50, 10, "lists",
           "根据事项变化对权力清单等清单进行动态调整（《2017年邵阳市政务公开工作要点》二（一））；"
           "年度末施行的版本超过一年未更新的，每个清单扣1分，扣完为止"),
      leaf("zdgk.nb", "年度报告按时公布", "zdgk", 50, 50, "annual_report",
           "每年1月31日前公布本部门上一年度政府信息公开工作年度报告（《中华人民共和国政府信息公开条例》第四十九条）；"
           "未公布或逾期公布的，扣5分"),
      group("ysq", "依申请公开", "政府信息公开申请的答复时限和复议诉讼结果"),
      leaf("ysq.ds", "依申请公开按时答复", "ysq", 100, 20, "requests",
           "在法定期限内答复政府信息公开申请（《中华人民共和国政府信息公开条例》第三十三条）；"
           "每逾期答复或超期未答复1件扣2分，扣完为止"),
      leaf("ysq.jz", "复议诉讼纠错", "ysq", 50, 25, "reviews",
           "答复被行政复议决定或人民法院判决纠正的（《中华人民共和国政府信息公开条例》第五十一条），每件扣2.5分，扣完为止"),
      group("hd", "互动回应", "信箱来信的答复时限、群众满意度和意见征集反馈"),
      leaf("hd.xx", "来信按时答复", "hd", 100, 10, "letters",
           "依法依规做好“市（县）长信箱”等的回应工作（《2017年邵阳市政务公开工作要点》六（四））；"
           "来信在本网站规定的时限内答复，每逾期答复或超期未答复1件扣1分，扣完为止"),
      leaf("hd.myd", "来信满意度", "hd", 50, 10, "satisfaction",
           "提高回应实效和回应诉求的办理率（《2017年邵阳市政务公开工作要点》六（四））；"
           "来信人对答复的评价为“不满意”的（评价期满未评价的视为满意），每件扣1分，扣完为止"),
      leaf("hd.zj", "意见征集反馈", "hd", 50, 20, "consultations",
           "公众意见及采纳情况应当向社会公布（《重大行政决策程序暂行条例》第十五条）；"
           "意见征集结束后未在规定期限内公布反馈的，每件扣2分，扣完为止"),
      group("jc", "监测和督查", "政府办公室的日常监测和工作要点落实情况"),
      leaf("jc.jc", "日常监测", "jc", 150, 10, "monitoring",
           "以政府办公室组织开展的日常监测结果为考核依据（《2017年邵阳市政务公开工作要点》六（八））；"
           "年度内最后一次自查监测发现的本单位栏目和文件的问题，每个扣1分，扣完为止"),
      leaf("jc.gzyd", "工作要点落实", "jc", 100, 20, "work_plan",
           "各单位在要点公布后20个工作日内制定工作方案，12月20日前将落实情况报同级政府办公室"
           "（《2017年邵阳市政务公开工作要点》）；未按时报送的任务每项扣2分，扣完为止"),
  };
  sum_parents(s);
  return s;
}

namespace {

bool valid_code(std::string_view c) {
  if (c.empty() || c.size() > 40) return false;
  for (char ch : c)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.')) return false;
  return true;
}

std::vector<std::string> split_fields(const std::string& line, std::size_t count) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (out.size() + 1 < count) {
    const auto bar = line.find('|', from);
    if (bar == std::string::npos) break;
    out.push_back(trim_cell(line.substr(from, bar - from)));
    from = bar + 1;
  }
  out.push_back(trim_cell(line.substr(from)));
  return out;
}

std::string at_line(int n) { return "第 " + std::to_string(n) + " 行："; }

// A figure of a line: "" = none (parents), else points with one decimal.
std::optional<int> figure(const std::string& text, const std::string& what, int line, std::vector<std::string>& problems) {
  if (text.empty()) return 0;
  const auto v = parse_points(text);
  if (!v || *v < 0) {
    problems.push_back(at_line(line) + what + "应为不小于0、最多一位小数的分数，如 5 或 2.5");
    return std::nullopt;
  }
  return *v;
}

}  // namespace

IndicatorSet parse_indicators(const std::string& text, std::vector<std::string>& problems) {
  IndicatorSet set;
  const std::size_t before = problems.size();
  std::istringstream in(text);
  std::string raw;
  int n = 0;
  while (std::getline(in, raw)) {
    ++n;
    const std::string line = trim_cell(raw);
    if (line.empty() || line[0] == '#') continue;
    if (line.find('|') == std::string::npos) {
      const auto eq = line.find('=');
      const std::string key = eq == std::string::npos ? line : trim_cell(line.substr(0, eq));
      if (eq == std::string::npos || (key != "权重" && key != "weight")) {
        problems.push_back(at_line(n) + "应为“权重 = 3”或“代码 | 名称 | 上级代码 | 分值 | 每项扣分 | 扣分上限 | 数据来源 | 评分规则”");
        continue;
      }
      std::string value = trim_cell(line.substr(eq + 1));
      if (!value.empty() && value.back() == '%') value.pop_back();
      const auto w = parse_points(trim_cell(value));
      if (!w || *w <= 0 || *w > 1000)
        problems.push_back(at_line(n) + "权重应为0到100之间的百分数，如 3 或 3.5");
      else
        set.weight = *w;
      continue;
    }
    const auto f = split_fields(line, 8);
    if (f.size() < 8) {
      problems.push_back(at_line(n) + "应有8项，以“|”分隔：代码 | 名称 | 上级代码 | 分值 | 每项扣分 | 扣分上限 | 数据来源 | 评分规则");
      continue;
    }
    AssessmentIndicator i;
    i.code = f[0];
    i.name = f[1];
    i.parent = f[2];
    i.source = f[6];
    i.rule = f[7];
    if (!valid_code(i.code)) {
      problems.push_back(at_line(n) + "代码“" + i.code + "”应由小写字母、数字、下划线和点组成（最多40个字符）");
      continue;
    }
    if (i.name.empty() || count_characters(i.name) > 40) problems.push_back(at_line(n) + "名称不能为空，最多40个字");
    if (count_characters(i.rule) > 500) problems.push_back(at_line(n) + "评分规则最多500个字");
    const auto points = figure(f[3], "分值", n, problems);
    const auto deduction = figure(f[4], "每项扣分", n, problems);
    const auto cap = figure(f[5], "扣分上限", n, problems);
    if (!points || !deduction || !cap) continue;
    i.points = *points;
    i.deduction = *deduction;
    i.cap = f[5].empty() ? *points : *cap;
    if (!i.source.empty() && !find_fact_source(i.source)) {
      std::string known;
      for (const auto& s : fact_sources()) known += (known.empty() ? "" : "、") + std::string(s.code);
      problems.push_back(at_line(n) + "没有名为“" + i.source + "”的数据来源（可用：" + known + "）");
      continue;
    }
    if (i.leaf() && f[3].empty()) problems.push_back(at_line(n) + "“" + i.name + "”有数据来源，须填写分值");
    if (!i.leaf() && (!f[3].empty() || !f[4].empty() || !f[5].empty()))
      problems.push_back(at_line(n) + "“" + i.name + "”没有数据来源：一级指标的分值为其二级指标之和，不填分值和扣分");
    set.indicators.push_back(std::move(i));
  }
  sum_parents(set);
  if (problems.size() == before)
    for (auto& p : indicator_set_problems(set)) problems.push_back(std::move(p));
  return set;
}

std::vector<std::string> indicator_set_problems(const IndicatorSet& set) {
  std::vector<std::string> out;
  std::set<std::string> seen, parents;
  for (const auto& i : set.indicators) {
    if (!seen.insert(i.code).second) out.push_back("代码“" + i.code + "”重复");
    if (!i.parent.empty()) {
      const auto* p = set.find(i.parent);
      if (!p || !parents.count(i.parent))
        out.push_back("“" + i.name + "”的上级代码“" + i.parent + "”应为写在它前面的一级指标");
      else if (p->leaf())
        out.push_back("“" + p->name + "”有数据来源，不能再有二级指标");
      if (!i.leaf()) out.push_back("二级指标“" + i.name + "”须有数据来源");
    } else {
      parents.insert(i.code);
    }
    if (i.leaf()) {
      if (i.points <= 0) out.push_back("“" + i.name + "”的分值应大于0");
      if (i.deduction <= 0) out.push_back("“" + i.name + "”的每项扣分应大于0");
      if (i.cap <= 0 || i.cap > i.points) out.push_back("“" + i.name + "”的扣分上限应大于0且不超过分值");
    } else if (i.parent.empty()) {
      bool children = false;
      for (const auto& c : set.indicators) children = children || c.parent == i.code;
      if (!children) out.push_back("一级指标“" + i.name + "”没有二级指标，也没有数据来源");
    }
  }
  if (set.leaves().empty()) out.push_back("至少需要一项有数据来源的指标");
  if (set.full_points() != kFullPoints)
    out.push_back("各项指标的分值合计应为100分（现为" + format_points(set.full_points()) + "分）");
  if (set.weight < kMinimumWeight)
    out.push_back("政务公开所占分值权重不得低于3%（《2017年邵阳市政务公开工作要点》六（八））");
  return out;
}

std::string format_indicators(const IndicatorSet& set) {
  std::string out =
      "# 政务公开绩效考核指标。权重：政务公开在政府绩效考核中所占分值权重（%），不得低于3。\n"
      "# 每行一项：代码 | 名称 | 上级代码 | 分值 | 每项扣分 | 扣分上限 | 数据来源 | 评分规则\n"
      "# 一级指标不填分值和扣分（为其二级指标之和）；各项分值合计100分。\n";
  out += "权重 = " + format_points(set.weight) + "\n";
  for (const auto& i : set.indicators) {
    out += i.code + " | " + i.name + " | " + i.parent + " | ";
    if (i.leaf())
      out += format_points(i.points) + " | " + format_points(i.deduction) + " | " + format_points(i.cap) + " | " + i.source;
    else
      out += " |  |  | ";
    out += " | " + i.rule + "\n";
  }
  return out;
}

}  // namespace zwgk::domain
