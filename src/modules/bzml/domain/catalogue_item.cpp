// See catalogue_item.hpp.
#include "modules/bzml/domain/catalogue_item.hpp"

#include <algorithm>
#include <optional>

namespace zwgk::domain {

namespace {

enum class Field {
  Ignored, Seq, Level1, Level2, Content, Basis, TimeLimit, Subject, Channels,
  Audience, Manner, Levels,       // the flat form's text columns
  Tick,                           // a template column ticked with √: `tick_of` says what it adds
};

struct Column {
  Field field = Field::Ignored;
  Field tick_of = Field::Ignored;  // Audience / Manner / Levels
  std::string tick_value;          // 全社会, 特定群体, 主动, 依申请, 县级, 乡级 ...
  std::string label;
};

// The label without any white space (headers wrap: "公开内容\n（要素）").
std::string squeeze(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (s.compare(i, 3, "\u3000") == 0) {  // full-width space
      i += 2;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

Column column_for(const std::string& raw) {
  const auto l = squeeze(raw);
  Column c;
  c.label = l;
  auto tick = [&](Field of, std::string value) {
    c.field = Field::Tick;
    c.tick_of = of;
    c.tick_value = std::move(value);
  };
  if (l == "序号") c.field = Field::Seq;
  else if (l == "一级事项") c.field = Field::Level1;
  else if (l == "二级事项") c.field = Field::Level2;
  else if (starts_with(l, "公开内容")) c.field = Field::Content;
  else if (starts_with(l, "公开依据")) c.field = Field::Basis;
  else if (starts_with(l, "公开时限")) c.field = Field::TimeLimit;
  else if (starts_with(l, "公开主体")) c.field = Field::Subject;
  else if (starts_with(l, "公开渠道")) c.field = Field::Channels;
  else if (l == "公开对象") c.field = Field::Audience;
  else if (l == "公开方式") c.field = Field::Manner;
  else if (l == "公开层级") c.field = Field::Levels;
  else if (l == "全社会") tick(Field::Audience, "全社会");
  else if (l == "特定群体" || l == "特定群众") tick(Field::Audience, "特定群体");
  else if (l == "主动" || l == "主动公开") tick(Field::Manner, "主动");
  else if (l == "依申请" || l == "依申请公开") tick(Field::Manner, "依申请");
  else if (l == "市级" || l == "县级" || l == "县级及以上") tick(Field::Levels, l == "市级" ? "市级" : "县级");
  else if (l == "乡级" || l == "乡镇级" || l == "镇（街）级" || l == "乡（镇、街道）级") tick(Field::Levels, "乡级");
  return c;
}

bool ticked(const std::string& cell) {
  const auto v = squeeze(cell);
  for (const char* t : {"√", "✓", "✔", "■", "☑", "●", "是", "V", "v"})
    if (v == t) return true;
  return false;
}

void join_into(std::string& to, const std::string& part, std::string_view sep) {
  if (part.empty()) return;
  if (!to.empty()) to += sep;
  to += part;
}

std::optional<int> digits_of(const std::string& s) {
  if (s.empty() || s.size() > 6 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoi(s);
}

constexpr std::size_t kMaxCell = 4000;

}  // namespace

CatalogueImportPlan plan_catalogue_import(const std::vector<SheetRow>& rows) {
  CatalogueImportPlan plan;
  // The header: the first row (of the first 10) naming 一级事项 or 二级事项.
  std::optional<std::size_t> header;
  for (std::size_t i = 0; i < rows.size() && i < 10 && !header; ++i)
    for (const auto& cell : rows[i].cells) {
      const auto l = squeeze(cell);
      if (l == "一级事项" || l == "二级事项") {
        header = i;
        break;
      }
    }
  if (!header) {
    plan.problems.push_back("未找到表头：前10行中没有“一级事项”或“二级事项”列，请使用标准目录的表头（序号、一级事项、二级事项、公开内容（要素）、公开依据、公开时限、公开主体……）");
    return plan;
  }
  const auto& head = rows[*header].cells;
  const std::vector<std::string> none;
  const auto& above = *header > 0 ? rows[*header - 1].cells : none;
  const std::size_t width = std::max(head.size(), above.size());
  std::vector<Column> columns;
  for (std::size_t c = 0; c < width; ++c) {
    std::string label = c < head.size() ? trim_cell(head[c]) : "";
    if (label.empty() && c < above.size()) label = trim_cell(above[c]);
    auto col = column_for(label);
    if (col.field == Field::Ignored && !col.label.empty() && col.label != "公开事项") plan.ignored_columns.push_back(col.label);
    columns.push_back(std::move(col));
  }
  auto has = [&](Field f) {
    return std::any_of(columns.begin(), columns.end(), [f](const Column& c) { return c.field == f; });
  };
  if (!has(Field::Content)) plan.problems.push_back("表头中没有“公开内容（要素）”列");
  if (!has(Field::Level2) && !has(Field::Level1)) plan.problems.push_back("表头中没有“二级事项”列");
  if (!plan.problems.empty()) return plan;

  std::string last_level1;
  for (std::size_t r = *header + 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    CatalogueItem item;
    std::string seq;
    bool any = false, only_content = true;
    for (std::size_t c = 0; c < columns.size() && c < row.cells.size(); ++c) {
      const auto v = trim_cell(row.cells[c]);
      if (v.empty()) continue;
      const auto& col = columns[c];
      if (col.field == Field::Ignored) continue;
      if (v.size() > kMaxCell) {
        plan.problems.push_back("第" + std::to_string(row.number) + "行“" + col.label + "”超过" +
                                std::to_string(kMaxCell / 3) + "字");
        continue;
      }
      any = true;
      if (col.field != Field::Content) only_content = false;
      switch (col.field) {
        case Field::Seq: seq = v; break;
        case Field::Level1: item.level1 = v; break;
        case Field::Level2: item.level2 = v; break;
        case Field::Content: join_into(item.content, v, "；"); break;
        case Field::Basis: join_into(item.basis, v, "；"); break;
        case Field::TimeLimit: item.time_limit = v; break;
        case Field::Subject: item.subject = v; break;
        case Field::Channels: join_into(item.channels, v, "、"); break;
        case Field::Audience: item.audience = v; break;
        case Field::Manner: item.manner = v; break;
        case Field::Levels: item.levels = v; break;
        case Field::Tick:
          if (ticked(v)) {
            auto& into = col.tick_of == Field::Audience ? item.audience
                         : col.tick_of == Field::Manner ? item.manner
                                                        : item.levels;
            if (into.find(col.tick_value) == std::string::npos) join_into(into, col.tick_value, "、");
          } else if (!(v == "×" || v == "-" || v == "—" || v == "否")) {
            plan.problems.push_back("第" + std::to_string(row.number) + "行“" + col.label + "”应打“√”或留空，而不是“" + v + "”");
          }
          break;
        case Field::Ignored: break;
      }
    }
    if (!any) continue;
    // A row with only 公开内容 continues the item above (published tables wrap long cells).
    if (only_content) {
      if (plan.items.empty()) {
        plan.problems.push_back("第" + std::to_string(row.number) + "行只有公开内容，没有所属的事项");
        continue;
      }
      join_into(plan.items.back().content, item.content, "；");
      continue;
    }
    if (item.level1.empty()) item.level1 = last_level1;
    last_level1 = item.level1;
    if (item.level2.empty() && item.level1.empty())
      plan.problems.push_back("第" + std::to_string(row.number) + "行缺少“二级事项”");
    if (item.content.empty()) plan.problems.push_back("第" + std::to_string(row.number) + "行缺少“公开内容（要素）”");
    if (item.level2.empty()) item.level2 = item.level1;
    if (auto n = digits_of(seq)) item.seq = *n;
    else if (!seq.empty())
      plan.problems.push_back("第" + std::to_string(row.number) + "行的序号“" + seq + "”不是数字");
    if (!item.seq) item.seq = static_cast<int>(plan.items.size()) + 1;
    plan.items.push_back(std::move(item));
  }
  if (plan.items.empty() && plan.problems.empty()) plan.problems.push_back("表头以下没有事项");
  if (!plan.problems.empty()) plan.items.clear();
  return plan;
}

bool is_catalogue_field_code(const std::string& code) {
  if (code.size() < 2 || code.size() > 40) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace zwgk::domain
