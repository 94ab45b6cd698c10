#pragma once
// 工作要点: a year's 政务公开工作要点 as the office receives it (text scraped from a portal page
// or pasted from the document; the seed is 《2017年邵阳市政务公开工作要点》,
// ../shared/data/demo/shaoyang-2017-zwgk-gongzuo-yaodian.txt) parsed into its parts (部分
// 一、二、…), the tasks of each part ((一)(二)…) and, for each task, who must carry out which of
// its requirements (责任单位). Pure: text in, values out; reading the file, matching the units
// to the site's departments (unit_matcher.hpp) and storing the tasks are the callers'.
//
// How the text is read (each rule is what the seed shows):
//  1. Page chrome before the title is skipped; the title is the first line containing
//     工作要点 that is neither chrome nor a metadata line (文件名称: …); when only 文件名称 names
//     it, its value is the title. The metadata block (索引号:, 公开目录:, 发文日期: …) and
//     chrome after the title are skipped too.
//  2. A line starting 一、 二、 … (Chinese numeral + 、) opens a part; a line starting (一) or
//     （一） opens a task of the current part. Unnumbered paragraphs before the first part are
//     the preamble (the seed's 总体要求); between a part's heading and its first task, the
//     part's intro; after a task, a continuation of it — except those after the document's
//     last task, which are its closing (结尾段: the seed's 20个工作日内 … 集中公开 and 12月20日前
//     报送落实情况 paragraph). The first chrome line after the body (扫一扫在手机打开当前页,
//     主办单位:, 【打印】 …) ends the document.
//  3. Within a task, a parenthesis — half-width ( ) or full-width （ ）, nested ones kept
//     whole — is a responsibility clause only when what it holds ends in 负责落实, 负责, 牵头
//     (落实), or 配合(落实) (a trailing 。 aside). "(以下简称《意见》)", "(PPP)",
//     "(所有权、承包权、经营权分置)" are not. Each clause assigns its units to the text since the
//     previous clause (the first one: since the task's start, its title included).
//  4. Inside a clause, units are separated by 、 ， , ； ; and by 和 / 及 where the text before
//     ends like a unit name (局 委 办 …: "市财政局和市统计局" is two units, "市发展和改革委员会"
//     one). "A牵头，B、C配合" gives A the role 牵头 and B, C 配合; otherwise the role is 负责.
//     按职责分工分别 (and 分别, 按职责分工) before the phrase sets `lead_split`.
//  5. Nothing is corrected: a character the scrape lost (the seed's "中办发〔20168号") stays as
//     it is; a 文号 whose 〔 is not closed by 〕 is reported among the warnings.
// Warnings are Chinese sentences naming the place: "第六部分(一)没有注明责任单位".
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

// 负责 (the default), 牵头 (lead unit), 配合 (supporting unit).
enum class UnitRole { Responsible, Lead, Supporting };
std::string_view to_label(UnitRole role);

// A unit as the clause names it ("市发改委", "各县市区政府"), verbatim.
struct AssignedUnit {
  std::string name;
  UnitRole role = UnitRole::Responsible;
};

// One responsibility clause and the requirement text it closes.
struct TaskAssignment {
  std::string text;                 // the requirement: the text since the previous clause, trimmed
  std::vector<AssignedUnit> units;  // in the clause's order
  bool lead_split = false;          // 按职责分工分别负责落实: each unit for its own share
  std::string clause;               // the parenthesis as written, "(市统计局负责落实)"
};

struct WorkTask {
  std::string code;    // part and task, "一(一)": stable, what the code base cites ("工作要点 二(一)")
  std::string number;  // "(一)", always half-width parentheses
  std::string title;   // the first sentence without its 。: "做好政策解读宣传和预期引导"
  std::string text;    // the whole task after its number, verbatim (continuation paragraphs joined by \n)
  std::vector<TaskAssignment> assignments;
};

struct WorkSection {
  std::string number;  // "一"
  std::string title;   // "以政务公开助力稳增长"
  std::string intro;   // unnumbered text between the heading and the first task, if any
  std::vector<WorkTask> tasks;
};

struct WorkPlan {
  std::string title;                  // "2017年邵阳市政务公开工作要点"
  std::string preamble;               // the paragraphs before the first part (总体要求)
  std::vector<WorkSection> sections;
  std::vector<std::string> closing;   // 结尾段: the unnumbered paragraphs after the last task
  std::vector<std::string> warnings;  // Chinese, one per oddity: numbering first, then part by part
};

WorkPlan parse_work_plan(std::string_view text);

// Every unit the plan names, in document order, once per clause that names it.
std::vector<std::string> unit_mentions(const WorkPlan& plan);
// The same, each name once (its first appearance).
std::vector<std::string> distinct_unit_mentions(const WorkPlan& plan);

}  // namespace zwgk::domain
