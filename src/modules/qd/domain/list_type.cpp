// 清单 types: see list_type.hpp. The shipped columns are those offices publish under each
// list's name (the 权力清单 and 收费清单 columns as the seed and issue 14 give them).
#include "modules/qd/domain/list_type.hpp"

#include <set>

#include "domain/sheet_rows.hpp"

namespace zwgk::domain {

namespace {

using T = ColumnType;

ListColumn col(const char* label, ColumnType type = T::Text, bool required = false, bool key = false,
               std::vector<std::string> options = {}) {
  return {label, type, required, key, std::move(options)};
}
ListColumn key(const char* label) { return col(label, T::Text, true, true); }
ListColumn req(const char* label, ColumnType type = T::Text) { return col(label, type, true); }

ListType type_of(const char* code, const char* name, const char* basis, std::vector<ListColumn> columns) {
  ListType t;
  t.code = code;
  t.name = name;
  t.basis = basis;
  t.columns = std::move(columns);
  return t;
}

std::vector<ListType> make_shipped() {
  std::vector<ListType> v;
  v.push_back(type_of("power_list", "权力清单", "工作要点 二(一)：根据法律法规立改废释情况、机构和职能调整情况等，及时调整权力清单",
               {key("事项编码"), req("事项名称"),
                col("事项类型", T::Enumeration, true, false,
                    {"行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励",
                     "行政裁决", "其他"}),
                req("设定依据"), req("实施主体", T::Department), col("责任事项"), col("追责情形")}));
  v.push_back(type_of("responsibility_list", "责任清单", "工作要点 二(一)：权力清单、责任清单",
               {key("编号"), req("主要职责"), req("具体工作事项"), col("责任科室"), col("职责边界"), col("事中事后监管制度")}));
  v.push_back(type_of("negative_list", "负面清单", "工作要点 二(一)：负面清单",
               {key("事项编号"), req("事项名称"), col("事项类别", T::Enumeration, true, false, {"禁止准入类", "许可准入类"}),
                col("主管部门"), req("设定依据")}));
  v.push_back(type_of("investment_approval", "投资核准事项清单", "工作要点 二(一)：投资核准事项清单",
               {key("序号"), req("项目类别"), req("核准事项"), req("核准机关"), col("核准依据")}));
  v.push_back(type_of("vocational_qualification", "职业资格目录清单", "工作要点 二(一)：职业资格目录清单",
               {key("序号"), req("职业资格名称"), col("资格类别", T::Enumeration, true, false, {"准入类", "水平评价类"}),
                req("实施部门（单位）"), req("设定依据")}));
  v.push_back(type_of("priced_service_fees", "政府定价的经营服务性收费清单", "工作要点 二(一)：政府定价的经营服务性收费清单",
               {key("收费单位"), key("收费项目"), req("收费标准"), req("定价依据"), col("定价机关")}));
  v.push_back(type_of("intermediary_services", "中介服务事项清单", "工作要点 二(一)：中介服务事项清单",
               {key("序号"), req("中介服务事项名称"), req("涉及的审批事项"), req("审批部门"), col("设定依据"),
                col("中介服务实施机构"), col("收费依据及标准")}));
  v.push_back(type_of("pre_registration_approvals", "工商登记前置审批事项目录", "工作要点 二(一)：工商登记前置审批事项目录",
               {key("序号"), req("项目名称"), req("实施机关"), req("设定依据")}));
  v.push_back(type_of("post_establishment_supervision", "企业设立后续责任监管清单", "工作要点 二(一)：企业设立后续责任监管清单",
               {key("序号"), req("事项名称"), col("审批部门"), req("监管部门"), col("监管内容"), col("监管依据")}));
  v.push_back(type_of("random_inspection", "随机抽查事项清单", "工作要点 二(一)：随机抽查事项清单，公开抽查依据、主体、内容、方式等",
               {key("事项编码"), req("抽查事项"), req("抽查依据"), req("抽查主体", T::Department), req("抽查内容"),
                req("抽查方式"), col("抽查比例和频次")}));
  // 抽查结果: one row per check, keyed by the 事项编码 of the 随机抽查事项清单 it carries out, so
  // that the 事项清单's page links every item to its results (工作要点 二(一): "及时公开抽查情况
  // 和查处结果").
  v.push_back(type_of("random_inspection_results", "随机抽查结果", "工作要点 二(一)：抽查情况和查处结果及时向社会公开",
               {key("事项编码"), key("抽查对象"), col("抽查日期", T::Date, true, true), req("抽查结果"), col("发现问题"),
                col("查处情况"), col("检查部门", T::Department)}));
  v.push_back(type_of("administrative_fees", "行政事业性收费目录清单", "工作要点 一(二)：行政事业性收费和政府性基金目录清单",
               {key("收费单位"), key("项目名称"), req("收费标准"), req("依据"),
                col("资金管理方式", T::Enumeration, true, false, {"缴入国库", "缴入财政专户"})}));
  v.push_back(type_of("government_funds", "政府性基金目录清单", "工作要点 一(二)：行政事业性收费和政府性基金目录清单",
               {key("基金名称"), req("征收标准"), req("政策依据"), col("征收部门"), col("资金管理方式")}));
  ListType blacklist = type_of("safety_blacklist", "安全生产失信联合惩戒“黑名单”", "工作要点 五(三)：安全生产“黑名单”",
                               {key("统一社会信用代码"), req("生产经营单位名称"), req("失信行为"), req("认定部门"),
                                req("纳入日期", T::Date), col("移出日期", T::Date)});
  blacklist.exit_column = 5;
  v.push_back(std::move(blacklist));
  return v;
}

std::string strip(std::string_view s) { return trim_cell(std::string(s)); }

// Splits on ，or , (a full-width comma is what a Chinese keyboard types).
std::vector<std::string> fields_of(std::string_view line) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == ',') { out.push_back(strip(cur)); cur.clear(); continue; }
    if (line.compare(i, 3, "，") == 0) { out.push_back(strip(cur)); cur.clear(); i += 2; continue; }
    cur += line[i];
  }
  out.push_back(strip(cur));
  return out;
}

// "名称：x" / "名称:x" -> "x" when the line starts with `label`.
std::optional<std::string> labelled(const std::string& line, const char* label) {
  const std::string l = label;
  if (line.rfind(l, 0) != 0) return std::nullopt;
  auto rest = line.substr(l.size());
  if (rest.rfind("：", 0) == 0) return strip(rest.substr(3));
  if (rest.rfind(":", 0) == 0) return strip(rest.substr(1));
  return std::nullopt;
}

std::vector<std::string> split_options(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool slash = i < s.size() && (s[i] == '/' || s.compare(i, 3, "、") == 0 || s.compare(i, 3, "／") == 0);
    if (i == s.size() || slash) {
      if (auto t = strip(cur); !t.empty()) out.push_back(t);
      cur.clear();
      if (i < s.size() && s[i] != '/') i += 2;
      continue;
    }
    cur += s[i];
  }
  return out;
}

}  // namespace

std::string to_code(ColumnType t) {
  switch (t) {
    case T::Text: return "text";
    case T::Number: return "number";
    case T::Date: return "date";
    case T::Enumeration: return "enumeration";
    case T::Department: return "department";
    case T::Link: return "link";
  }
  return "";
}

std::string to_label(ColumnType t) {
  switch (t) {
    case T::Text: return "文本";
    case T::Number: return "数字";
    case T::Date: return "日期";
    case T::Enumeration: return "选项";
    case T::Department: return "部门";
    case T::Link: return "链接";
  }
  return "";
}

std::optional<ColumnType> column_type_from(std::string_view s) {
  for (auto t : {T::Text, T::Number, T::Date, T::Enumeration, T::Department, T::Link})
    if (to_code(t) == s || to_label(t) == s) return t;
  return std::nullopt;
}

const ListColumn* ListType::column(std::string_view label) const {
  for (const auto& c : columns)
    if (c.label == label) return &c;
  return nullptr;
}

const std::vector<ListType>& shipped_list_types() {
  static const std::vector<ListType> types = make_shipped();
  return types;
}

const ListType* shipped_list_type(std::string_view code) {
  for (const auto& t : shipped_list_types())
    if (t.code == code) return &t;
  return nullptr;
}

std::vector<std::string> list_type_problems(const ListType& t) {
  std::vector<std::string> p;
  if (strip(t.name).empty()) p.push_back("请填写清单名称");
  bool code_ok = !t.code.empty() && t.code.size() <= 40;
  for (char c : t.code) code_ok = code_ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  if (!code_ok) p.push_back("清单代码应为1至40个小写字母、数字或下划线");
  if (t.columns.empty() || t.columns.size() > 40) p.push_back("清单应有1至40列");
  std::set<std::string> seen;
  bool any_key = false;
  for (const auto& c : t.columns) {
    if (c.label.empty()) p.push_back("列名不能为空");
    else if (!seen.insert(c.label).second) p.push_back("列名「" + c.label + "」重复");
    if (c.type == T::Enumeration && c.options.size() < 2) p.push_back("选项列「" + c.label + "」至少需要两个选项");
    any_key = any_key || c.key;
  }
  if (!t.columns.empty() && !any_key) p.push_back("至少指定一列为主键（用于在版本之间识别同一事项，如“事项编码”）");
  return p;
}

ParsedListType parse_list_type(std::string_view text) {
  ParsedListType out;
  int n = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string line = strip(text.substr(pos, end - pos));
    pos = end + 1;
    ++n;
    if (line.empty()) continue;
    if (auto v = labelled(line, "名称")) { out.type.name = *v; continue; }
    if (auto v = labelled(line, "代码")) { out.type.code = *v; continue; }
    const auto f = fields_of(line);
    ListColumn c;
    c.label = f[0];
    if (f.size() < 2) {
      out.problems.push_back("第" + std::to_string(n) + "行：请写明列名和类型，如“事项名称，文本，必填”");
      continue;
    }
    std::string type = f[1];
    if (auto colon = type.find("："); colon != std::string::npos) {
      c.options = split_options(type.substr(colon + 3));
      type = strip(type.substr(0, colon));
    } else if (auto ascii = type.find(':'); ascii != std::string::npos) {
      c.options = split_options(type.substr(ascii + 1));
      type = strip(type.substr(0, ascii));
    }
    auto t = column_type_from(type);
    if (!t) {
      out.problems.push_back("第" + std::to_string(n) + "行：未知的列类型“" + type + "”，应为文本、数字、日期、选项、部门或链接");
      continue;
    }
    c.type = *t;
    for (std::size_t i = 2; i < f.size(); ++i) {
      if (f[i] == "必填") c.required = true;
      else if (f[i] == "主键") c.key = c.required = true;
      else if (f[i] == "移出日期" && c.type == T::Date) out.type.exit_column = out.type.columns.size();
      else if (!f[i].empty())
        out.problems.push_back("第" + std::to_string(n) + "行：不认识“" + f[i] + "”，可写“必填”“主键”");
    }
    out.type.columns.push_back(std::move(c));
  }
  if (out.problems.empty()) out.problems = list_type_problems(out.type);
  return out;
}

std::string format_list_type(const ListType& t) {
  std::string s = "名称：" + t.name + "\n代码：" + t.code + "\n";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const auto& c = t.columns[i];
    s += c.label + "，" + to_label(c.type);
    if (c.type == T::Enumeration) {
      s += "：";
      for (std::size_t k = 0; k < c.options.size(); ++k) s += (k ? "/" : "") + c.options[k];
    }
    if (c.key) s += "，主键";
    else if (c.required) s += "，必填";
    if (t.exit_column && *t.exit_column == i) s += "，移出日期";
    s += "\n";
  }
  return s;
}

}  // namespace zwgk::domain
