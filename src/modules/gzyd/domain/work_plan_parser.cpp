// See work_plan_parser.hpp; the numbered rules there are referred to as "rule N".
#include "modules/gzyd/domain/work_plan_parser.hpp"

#include <optional>
#include <set>

#include "domain/chinese_numerals.hpp"
#include "domain/sheet_rows.hpp"
#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";  // U+00A0, around the seed's 索引号 and breadcrumb
constexpr std::size_t kExcerptCharacters = 20;          // how much of a text a warning quotes
constexpr std::size_t kLongUnitCharacters = 20;         // a longer "unit" is likely a sentence

// ------------------------------------------------------------------ text helpers

std::size_t char_length(std::string_view s, std::size_t at) {
  const std::size_t n = decode_utf8(s, at).length;
  return n == 0 ? 1 : n;
}

// trim_cell (ASCII white space, U+3000) and the no-break space scrapes leave.
std::string trim_text(std::string_view s) {
  std::string out(s);
  for (;;) {
    std::string t = trim_cell(out);
    while (t.starts_with(kNoBreakSpace)) t.erase(0, kNoBreakSpace.size());
    while (t.ends_with(kNoBreakSpace)) t.resize(t.size() - kNoBreakSpace.size());
    if (t == out) return t;
    out = std::move(t);
  }
}

std::string strip_suffix(std::string s, std::string_view suffix) {
  while (!suffix.empty() && s.ends_with(suffix)) s.resize(s.size() - suffix.size());
  return s;
}

// The first kExcerptCharacters characters, "……" when cut.
std::string excerpt(std::string_view s) {
  std::size_t at = 0;
  for (std::size_t k = 0; k < kExcerptCharacters && at < s.size(); ++k) at += char_length(s, at);
  return at < s.size() ? std::string(s.substr(0, at)) + "……" : std::string(s);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

std::vector<std::string> lines_of(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(trim_text(text.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

std::size_t open_paren_at(std::string_view s, std::size_t at) {
  if (s[at] == '(') return 1;
  return s.compare(at, 3, "（") == 0 ? 3 : 0;
}

std::size_t close_paren_at(std::string_view s, std::size_t at) {
  if (s[at] == ')') return 1;
  return s.compare(at, 3, "）") == 0 ? 3 : 0;
}

// ------------------------------------------------------------------ page chrome (rule 1)

// What the portal puts around the seed page (data/demo/README.md: breadcrumb, share bar, QR-code
// caption, footer) and what other 政府门户网站 article pages carry.
bool is_chrome_line(std::string_view line) {
  static constexpr std::string_view starts[] = {
      "您现在所在的位置", "您当前所在位置", "您当前的位置", "当前位置", "分享到", "扫一扫在手机打开当前页",
      "主办单位", "承办单位", "联系电话", "网站标识码", "版权所有", "上一篇", "下一篇", "logo"};
  static constexpr std::string_view anywhere[] = {"【打印】", "【关闭】", "关闭窗口", "打印本页", "【字体", "ICP备", "公网安备"};
  for (auto s : starts)
    if (line.starts_with(s)) return true;
  for (auto s : anywhere)
    if (line.find(s) != std::string_view::npos) return true;
  return false;
}

// The metadata table's labels (the seed's 文件名称 … 有效期, and the usual others).
constexpr std::string_view kMetadataLabels[] = {
    "文件名称", "索引号", "公开目录", "公开责任部门", "发文日期", "公开形式", "生效日期", "有效期", "发文机关",
    "发布机构", "发文字号", "文号", "主题分类", "成文日期", "发布日期", "废止日期", "信息来源"};

// The value after "label:" / "label :" / "label：", or nullopt when the line is not that label's.
std::optional<std::string> metadata_value(std::string_view line, std::string_view label) {
  if (!line.starts_with(label)) return std::nullopt;
  std::string rest = trim_text(line.substr(label.size()));
  for (std::string_view colon : {":", "："})
    if (rest.starts_with(colon)) return trim_text(std::string_view(rest).substr(colon.size()));
  return std::nullopt;
}

bool is_metadata_line(std::string_view line) {
  for (auto label : kMetadataLabels)
    if (metadata_value(line, label)) return true;
  return false;
}

struct TitleLine {
  std::string title;
  std::size_t line = 0;
  bool found = false;
};

TitleLine find_title(const std::vector<std::string>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].find("工作要点") != std::string::npos && !is_chrome_line(lines[i]) && !is_metadata_line(lines[i]))
      return {lines[i], i, true};
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (auto v = metadata_value(lines[i], "文件名称"); v && v->find("工作要点") != std::string::npos) return {*v, i, true};
  return {};
}

// ------------------------------------------------------------------ headings (rule 2)

// Bytes of the Chinese numeral (一 … 九, 十, 百, 〇) at the start of `s`.
std::size_t numeral_prefix(std::string_view s) {
  std::size_t at = 0;
  while (at < s.size()) {
    const auto c = decode_utf8(s, at);
    if (!c.valid || (chinese_digit(c.code_point) < 0 && chinese_unit(c.code_point) == 0)) break;
    at += c.length;
  }
  return at;
}

struct Heading {
  std::string number;  // 一 for a part, (一) for a task
  std::string rest;
  int value = 0;
};

// "一、以政务公开助力稳增长"
std::optional<Heading> section_heading(std::string_view line) {
  const std::size_t n = numeral_prefix(line);
  if (n == 0 || !line.substr(n).starts_with("、")) return std::nullopt;
  const auto value = chinese_numeral_value(line.substr(0, n));
  if (!value) return std::nullopt;
  return Heading{std::string(line.substr(0, n)), strip_suffix(trim_text(line.substr(n + std::string_view("、").size())), "。"), *value};
}

// "(一)做好…" or "（一）做好…"; the number comes back half-width.
std::optional<Heading> task_heading(std::string_view line) {
  if (line.empty()) return std::nullopt;
  const std::size_t open = open_paren_at(line, 0);
  if (open == 0) return std::nullopt;
  const std::size_t n = numeral_prefix(line.substr(open));
  if (n == 0 || open + n >= line.size()) return std::nullopt;
  const std::size_t close = close_paren_at(line, open + n);
  if (close == 0) return std::nullopt;
  const auto numeral = line.substr(open, n);
  const auto value = chinese_numeral_value(numeral);
  if (!value) return std::nullopt;
  return Heading{"(" + std::string(numeral) + ")", trim_text(line.substr(open + n + close)), *value};
}

// ------------------------------------------------------------------ responsibility clauses (rules 3, 4)

struct Paren {
  std::size_t open = 0;   // byte of the opening parenthesis
  std::size_t inner = 0;  // first byte inside
  std::size_t close = 0;  // byte of the closing parenthesis
  std::size_t end = 0;    // first byte after it
};

// The outermost parentheses of `s`; nested ones stay inside their outer one.
std::vector<Paren> top_level_parens(std::string_view s, const std::string& where, std::vector<std::string>& warnings) {
  std::vector<Paren> out;
  int depth = 0;
  Paren current;
  for (std::size_t at = 0; at < s.size();) {
    if (const std::size_t o = open_paren_at(s, at)) {
      if (depth++ == 0) current = Paren{at, at + o, 0, 0};
      at += o;
    } else if (const std::size_t c = close_paren_at(s, at)) {
      if (depth == 0) {
        warnings.push_back(where + "：“" + excerpt(s.substr(at)) + "”处有多余的右括号");
      } else if (--depth == 0) {
        current.close = at;
        current.end = at + c;
        out.push_back(current);
      }
      at += c;
    } else {
      at += char_length(s, at);
    }
  }
  if (depth > 0) warnings.push_back(where + "：“" + excerpt(s.substr(current.open)) + "”的括号没有闭合");
  return out;
}

struct RolePhrase {
  std::string_view text;
  UnitRole role;
};

// Longest first where one phrase starts another.
constexpr RolePhrase kRolePhrases[] = {
    {"牵头负责落实", UnitRole::Lead}, {"牵头负责", UnitRole::Lead}, {"牵头落实", UnitRole::Lead}, {"牵头", UnitRole::Lead},
    {"配合落实", UnitRole::Supporting}, {"配合", UnitRole::Supporting},
    {"负责落实", UnitRole::Responsible}, {"负责", UnitRole::Responsible},
};

std::string without_final_stop(std::string s) {
  for (std::string_view stop : {"。", "；", ";"}) s = strip_suffix(std::move(s), stop);
  return trim_text(s);
}

// Rule 3: only a parenthesis ending in one of the phrases names responsible units.
bool is_responsibility_clause(const std::string& inner) {
  const std::string s = without_final_stop(inner);
  for (std::string_view end : {"负责落实", "负责", "牵头", "牵头落实", "配合", "配合落实"})
    if (s.ends_with(end)) return true;
  return false;
}

std::size_t separator_at(std::string_view s, std::size_t at) {
  if (s[at] == ',' || s[at] == ';') return 1;
  for (std::string_view sep : {"、", "，", "；"})
    if (s.compare(at, sep.size(), sep) == 0) return sep.size();
  return 0;
}

// Rule 4: 和 / 及 join two units when the text before them ends like a unit's name.
bool ends_like_unit_name(std::string_view piece) {
  for (std::string_view suffix : {"局", "委", "办", "府", "室", "厅", "心", "会", "院", "行", "部", "处", "所", "队", "站", "组", "司", "团", "社", "馆"})
    if (piece.ends_with(suffix)) return true;
  return false;
}

// "市发改委、市财政局和市统计局" -> 市发改委, 市财政局, 市统计局; "各县（市、区）人民政府" stays whole.
std::vector<std::string> split_units(std::string_view s) {
  std::vector<std::string> out;
  std::string piece;
  auto flush = [&] {
    std::string t = trim_text(piece);
    if (!t.empty()) out.push_back(std::move(t));
    piece.clear();
  };
  int depth = 0;
  for (std::size_t at = 0; at < s.size();) {
    std::size_t n = open_paren_at(s, at);
    if (n) {
      ++depth;
    } else if ((n = close_paren_at(s, at))) {
      depth = depth > 0 ? depth - 1 : 0;
    } else if (depth == 0 && (n = separator_at(s, at))) {
      flush();
      at += n;
      continue;
    } else if (depth == 0 && (s.compare(at, 3, "和") == 0 || s.compare(at, 3, "及") == 0) && at + 3 < s.size() &&
               ends_like_unit_name(trim_text(piece))) {
      flush();
      at += 3;
      continue;
    } else {
      n = char_length(s, at);
    }
    piece.append(s.substr(at, n));
    at += n;
  }
  flush();
  return out;
}

// What stands between the units and the phrase: "按职责分工分别" (负责落实). The flag says the
// units share the work by their duties (lead_split).
struct Qualifier {
  std::string_view text;
  bool split;
};
constexpr Qualifier kQualifiers[] = {
    {"按照职责分工分别", true}, {"按职责分工分别", true}, {"按照职责分工", true}, {"按职责分工", true},
    {"按职责分别", true}, {"按职责", true}, {"分别", true}, {"共同", false}, {"各自", true},
};

// One group of a clause: "市政府新闻办、…、市商务局按职责分工分别" before 负责落实.
void read_unit_group(std::string group, UnitRole role, TaskAssignment& a, const std::string& where, std::vector<std::string>& warnings) {
  group = trim_text(group);
  if (group.starts_with("由")) group = trim_text(std::string_view(group).substr(std::string_view("由").size()));
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const auto& q : kQualifiers)
      if (group.ends_with(q.text)) {
        group = trim_text(std::string_view(group).substr(0, group.size() - q.text.size()));
        a.lead_split = a.lead_split || q.split;
        stripped = true;
      }
  }
  for (std::string_view etc : {"等有关单位", "等有关部门", "等单位", "等部门", "等"})
    if (group.ends_with(etc)) {
      group = trim_text(std::string_view(group).substr(0, group.size() - etc.size()));
      warnings.push_back(where + "：责任单位“" + excerpt(group) + "等”没有列全");
      break;
    }
  const auto names = split_units(group);
  if (names.empty()) warnings.push_back(where + "：“" + a.clause + "”没有写明" + std::string(to_label(role)) + "单位");
  for (const auto& name : names) {
    if (count_characters(name) > kLongUnitCharacters)
      warnings.push_back(where + "：责任单位“" + excerpt(name) + "”超过" + std::to_string(kLongUnitCharacters) + "个字，可能不是单位名称");
    a.units.push_back({name, role});
  }
}

// The inside of a responsibility clause, cut at each role phrase: "A牵头，B、C配合".
void read_clause(const std::string& inner, TaskAssignment& a, const std::string& where, std::vector<std::string>& warnings) {
  const std::string s = without_final_stop(inner);
  std::size_t group_start = 0;
  int depth = 0;
  for (std::size_t at = 0; at < s.size();) {
    if (const std::size_t o = open_paren_at(s, at)) { ++depth, at += o; continue; }
    if (const std::size_t c = close_paren_at(s, at)) { depth = depth > 0 ? depth - 1 : 0, at += c; continue; }
    const RolePhrase* phrase = nullptr;
    if (depth == 0)
      for (const auto& p : kRolePhrases)
        if (s.compare(at, p.text.size(), p.text) == 0) { phrase = &p; break; }
    if (!phrase) { at += char_length(s, at); continue; }
    read_unit_group(s.substr(group_start, at - group_start), phrase->role, a, where, warnings);
    at += phrase->text.size();
    while (at < s.size())
      if (const std::size_t sep = separator_at(s, at)) at += sep;
      else break;
    group_start = at;
  }
}

void read_assignments(WorkTask& task, const std::string& where, std::vector<std::string>& warnings) {
  const std::string& text = task.text;
  std::size_t since = 0;
  for (const auto& p : top_level_parens(text, where, warnings)) {
    const std::string inner = trim_text(std::string_view(text).substr(p.inner, p.close - p.inner));
    if (!is_responsibility_clause(inner)) continue;
    TaskAssignment a;
    a.text = trim_text(std::string_view(text).substr(since, p.open - since));
    a.clause = text.substr(p.open, p.end - p.open);
    if (a.text.empty()) warnings.push_back(where + "：“" + a.clause + "”之前没有对应的工作要求");
    read_clause(inner, a, where, warnings);
    task.assignments.push_back(std::move(a));
    since = p.end;
  }
  if (task.assignments.empty()) {
    warnings.push_back(where + "没有注明责任单位");
    return;
  }
  if (const std::string tail = trim_text(std::string_view(text).substr(since)); !tail.empty())
    warnings.push_back(where + "：最后一段“" + excerpt(tail) + "”没有注明责任单位");
}

// ------------------------------------------------------------------ lost characters (rule 5)

// A 文号 whose 〔 has no 〕 before its 号 ("中办发〔20168号"): reported, never repaired.
void report_unclosed_doc_numbers(std::string_view text, const std::string& where, std::vector<std::string>& warnings) {
  constexpr std::string_view open = "〔", close = "〕", hao = "号";
  constexpr std::size_t kIssuerCharacters = 4;  // 中办发, 国办发, 湘办发 …: the 机关代字 before 〔
  for (std::size_t at = text.find(open); at != std::string_view::npos; at = text.find(open, at + open.size())) {
    const std::size_t end = text.find(hao, at);
    if (end == std::string_view::npos) continue;
    if (text.substr(at, end - at).find(close) != std::string_view::npos) continue;
    std::size_t from = at;
    for (std::size_t k = 0; k < kIssuerCharacters && from > 0; ++k) {
      std::size_t prev = from - 1;
      while (prev > 0 && (static_cast<unsigned char>(text[prev]) & 0xC0) == 0x80) --prev;
      const auto c = text.substr(prev, from - prev);
      if (c == "(" || c == "（" || c == "《" || c == "》" || c == "、" || c == "，" || c == "。" || c == " ") break;
      from = prev;
    }
    warnings.push_back(where + "：文号“" + std::string(text.substr(from, end + hao.size() - from)) + "”缺少“〕”（原文照录，未更正）");
  }
}

// ------------------------------------------------------------------ the body (rule 2)

// "第三部分", as warnings name a part.
std::string part_label(const WorkSection& s) { return s.number.empty() ? "（未分部分）" : "第" + s.number + "部分"; }

struct BodyReader {
  WorkPlan& plan;
  std::vector<std::string> preamble;
  std::vector<std::string> pending;  // unnumbered paragraphs after a task: its continuation or the closing
  bool in_task = false;

  void continue_task() {
    if (pending.empty()) return;
    plan.sections.back().tasks.back().text += "\n" + join(pending, "\n");
    pending.clear();
  }

  void open_section(const Heading& h) {
    continue_task();
    if (plan.sections.empty() && h.value != 1) plan.warnings.push_back("第一个部分的编号是“" + h.number + "”");
    if (!plan.sections.empty() && !plan.sections.back().number.empty()) {
      const auto prev = chinese_numeral_value(plan.sections.back().number);
      if (prev && *prev + 1 != h.value) plan.warnings.push_back("部分编号不连续：“" + plan.sections.back().number + "”之后是“" + h.number + "”");
    }
    plan.sections.push_back(WorkSection{h.number, h.rest, "", {}});
    in_task = false;
  }

  void open_task(const Heading& h) {
    continue_task();
    if (plan.sections.empty()) {
      plan.warnings.push_back("条目" + h.number + "出现在第一部分之前");
      plan.sections.emplace_back();
    }
    auto& tasks = plan.sections.back().tasks;
    if (!tasks.empty()) {
      const auto prev = chinese_numeral_value(std::string_view(tasks.back().number).substr(1, tasks.back().number.size() - 2));
      if (prev && *prev + 1 != h.value)
        plan.warnings.push_back(part_label(plan.sections.back()) + "：条目" + tasks.back().number + "之后是" + h.number);
    } else if (h.value != 1) {
      plan.warnings.push_back(part_label(plan.sections.back()) + "：第一个条目是" + h.number);
    }
    WorkTask t;
    t.number = h.number;
    t.text = h.rest;
    tasks.push_back(std::move(t));
    in_task = true;
  }

  void paragraph(const std::string& line) {
    if (plan.sections.empty()) preamble.push_back(line);
    else if (!in_task) plan.sections.back().intro += (plan.sections.back().intro.empty() ? "" : "\n") + line;
    else pending.push_back(line);
  }

  void finish() {
    plan.preamble = join(preamble, "\n");
    plan.closing = std::move(pending);
  }

};

std::string first_sentence(const std::string& text, const std::string& where, std::vector<std::string>& warnings) {
  const std::size_t stop = text.find("。");
  if (stop != std::string::npos) return trim_text(std::string_view(text).substr(0, stop));
  warnings.push_back(where + "：没有句号，标题取整段");
  return trim_text(std::string_view(text).substr(0, text.find('\n')));
}

void read_tasks(WorkPlan& plan) {
  for (auto& section : plan.sections) {
    const std::string label = part_label(section);
    if (section.tasks.empty()) plan.warnings.push_back(label + "没有条目");
    if (!section.intro.empty()) report_unclosed_doc_numbers(section.intro, label, plan.warnings);
    for (auto& task : section.tasks) {
      const std::string where = label + task.number;
      task.code = section.number + task.number;
      task.title = first_sentence(task.text, where, plan.warnings);
      report_unclosed_doc_numbers(task.text, where, plan.warnings);
      read_assignments(task, where, plan.warnings);
    }
  }
}

}  // namespace

std::string_view to_label(UnitRole role) {
  switch (role) {
    case UnitRole::Lead: return "牵头";
    case UnitRole::Supporting: return "配合";
    case UnitRole::Responsible: break;
  }
  return "负责";
}

WorkPlan parse_work_plan(std::string_view text) {
  WorkPlan plan;
  const auto lines = lines_of(text);
  const TitleLine title = find_title(lines);
  if (title.found) plan.title = title.title;
  else plan.warnings.emplace_back("没有找到标题（含“工作要点”的一行）");

  std::size_t i = title.found ? title.line + 1 : 0;
  while (i < lines.size() && (lines[i].empty() || lines[i] == plan.title || is_metadata_line(lines[i]) || is_chrome_line(lines[i]))) ++i;

  BodyReader body{plan, {}, {}, false};
  for (; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty()) continue;
    if (is_chrome_line(line)) break;  // the footer: rule 2's last sentence
    if (auto s = section_heading(line)) body.open_section(*s);
    else if (auto t = task_heading(line)) body.open_task(*t);
    else body.paragraph(line);
  }
  body.finish();

  if (!plan.preamble.empty()) report_unclosed_doc_numbers(plan.preamble, "引言", plan.warnings);
  read_tasks(plan);
  for (const auto& p : plan.closing) report_unclosed_doc_numbers(p, "结尾段", plan.warnings);
  if (plan.sections.empty()) plan.warnings.emplace_back("没有找到任何部分（以“一、”开头的一行）");
  return plan;
}

std::vector<std::string> unit_mentions(const WorkPlan& plan) {
  std::vector<std::string> out;
  for (const auto& section : plan.sections)
    for (const auto& task : section.tasks)
      for (const auto& a : task.assignments)
        for (const auto& u : a.units) out.push_back(u.name);
  return out;
}

std::vector<std::string> distinct_unit_mentions(const WorkPlan& plan) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (auto& name : unit_mentions(plan))
    if (seen.insert(name).second) out.push_back(std::move(name));
  return out;
}

}  // namespace zwgk::domain
