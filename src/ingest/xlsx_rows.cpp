// See xlsx_rows.hpp. Office Open XML SpreadsheetML (ECMA-376 Part 1 §18): the workbook part
// names the sheets in order, its relationships give each sheet's part; a cell is
// <c r="B5" t="s|inlineStr|str|b|n|e"><v>…</v><is><t>…</t></is></c>.
#include "ingest/xlsx_rows.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include "domain/errors.hpp"
#include "ingest/zip_reader.hpp"

namespace zwgk::ingest {

namespace {

constexpr const char* kNotXlsx = "文件不是有效的 Excel 表格（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后再导入";
constexpr std::size_t kMaxPartBytes = 32u * 1024 * 1024;
constexpr int kMaxRows = 20000;
constexpr int kMaxColumns = 200;

pugi::xml_document parse(std::string_view archive, const std::string& member, bool required) {
  pugi::xml_document doc;
  auto bytes = ingest::read_zip_member(archive, member, kMaxPartBytes);
  if (!bytes) {
    if (required) throw domain::Invalid({kNotXlsx});
    return doc;
  }
  if (!doc.load_buffer(bytes->data(), bytes->size())) throw domain::Invalid({kNotXlsx});
  return doc;
}

// Local names: the parts may or may not use a namespace prefix.
std::string_view local(const char* name) {
  std::string_view n(name);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

void all_text(const pugi::xml_node& node, std::string& out) {
  for (auto child : node.children()) {
    if (child.type() == pugi::node_element && local(child.name()) == "t") out += child.text().get();
    else if (child.type() == pugi::node_element && local(child.name()) != "rPh") all_text(child, out);  // skip phonetic runs
  }
}

pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name) {
  for (auto c : node.children())
    if (c.type() == pugi::node_element && local(c.name()) == name) return c;
  return {};
}

std::string first_sheet_part(std::string_view archive) {
  auto workbook = parse(archive, "xl/workbook.xml", true);
  std::string rid;
  if (auto sheets = child_named(child_named(workbook, "workbook"), "sheets"))
    if (auto sheet = child_named(sheets, "sheet"))
      for (auto a : sheet.attributes())
        if (local(a.name()) == "id") rid = a.value();
  auto rels = parse(archive, "xl/_rels/workbook.xml.rels", false);
  for (auto r : child_named(rels, "Relationships").children())
    if (std::string_view(r.attribute("Id").value()) == rid) {
      std::string target = r.attribute("Target").value();
      if (target.rfind("/", 0) == 0) return target.substr(1);
      return "xl/" + target;
    }
  return "xl/worksheets/sheet1.xml";
}

// "B5" -> column 2 (1-based); 0 when malformed.
int column_of(std::string_view ref) {
  int col = 0;
  for (char ch : ref) {
    if (ch >= 'A' && ch <= 'Z') col = col * 26 + (ch - 'A' + 1);
    else break;
    if (col > kMaxColumns) return 0;
  }
  return col;
}

// "B5" -> row 5; 0 when malformed.
int row_of(std::string_view ref) {
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') ++i;
  int row = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return 0;
    row = row * 10 + (ref[i] - '0');
    if (row > kMaxRows) return 0;
  }
  return row;
}

// A number format that shows a date (ECMA-376 Part 1 §18.8.30: the built-in ids 14-22, 27-36,
// 45-47, 50-58 of the East Asian locales; a custom code with y, m or d outside quotes and
// brackets, such as "yyyy\"年\"m\"月\"d\"日\"").
bool is_date_format(int id, const std::string& code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return true;
  if (code.empty()) return false;
  bool quoted = false, bracket = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char ch = code[i];
    if (ch == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch == '\\') ++i;
    else if (ch == '[') bracket = true;
    else if (ch == ']') bracket = false;
    else if (!bracket && (ch == 'y' || ch == 'd' || ch == 'Y' || ch == 'D')) return true;
  }
  return false;
}

// For each cell style index (the s attribute): whether it shows a date.
std::vector<bool> date_styles(std::string_view archive) {
  std::vector<bool> out;
  auto styles = parse(archive, "xl/styles.xml", false);
  auto sheet = child_named(styles, "styleSheet");
  if (!sheet) return out;
  std::map<int, std::string> codes;
  if (auto fmts = child_named(sheet, "numFmts"))
    for (auto f : fmts.children())
      if (f.type() == pugi::node_element && local(f.name()) == "numFmt")
        codes[f.attribute("numFmtId").as_int(-1)] = f.attribute("formatCode").value();
  if (auto xfs = child_named(sheet, "cellXfs"))
    for (auto xf : xfs.children()) {
      if (xf.type() != pugi::node_element || local(xf.name()) != "xf") continue;
      const int id = xf.attribute("numFmtId").as_int(0);
      const auto it = codes.find(id);
      out.push_back(is_date_format(id, it == codes.end() ? std::string() : it->second));
    }
  return out;
}

// An Excel serial day as "2026-03-01" (domain::parse_sheet_date knows the 1900 date system);
// the text unchanged when it is not one.
std::string serial_date_text(const std::string& value) {
  const auto d = domain::parse_sheet_date(value);
  return d ? d->iso() : value;
}

struct Merge {
  int top = 0, left = 0, bottom = 0, right = 0;
};

std::vector<Merge> merges_of(const pugi::xml_node& worksheet) {
  std::vector<Merge> out;
  if (auto mc = child_named(worksheet, "mergeCells"))
    for (auto m : mc.children()) {
      if (m.type() != pugi::node_element || local(m.name()) != "mergeCell") continue;
      const std::string_view ref = m.attribute("ref").value();
      const auto colon = ref.find(':');
      if (colon == std::string_view::npos) continue;
      Merge g{row_of(ref.substr(0, colon)), column_of(ref.substr(0, colon)), row_of(ref.substr(colon + 1)),
              column_of(ref.substr(colon + 1))};
      if (g.top > 0 && g.left > 0 && g.bottom >= g.top && g.right >= g.left &&
          (g.bottom - g.top + 1) * (g.right - g.left + 1) <= 100000)
        out.push_back(g);
    }
  return out;
}

// Every cell of a merged range takes the value of its top-left cell.
void fill_merges(std::vector<domain::SheetRow>& rows, const std::vector<Merge>& merges) {
  if (merges.empty()) return;
  auto find_row = [&](int number) -> domain::SheetRow* {
    for (auto& r : rows)
      if (r.number == number) return &r;
    return nullptr;
  };
  for (const auto& g : merges) {
    const auto* first = find_row(g.top);
    if (!first || first->cells.size() < static_cast<std::size_t>(g.left)) continue;
    const std::string value = first->cells[g.left - 1];
    for (int r = g.top; r <= g.bottom; ++r) {
      auto* row = find_row(r);
      if (!row) {
        rows.push_back({r, {}});
        row = &rows.back();
      }
      if (row->cells.size() < static_cast<std::size_t>(g.right)) row->cells.resize(g.right);
      for (int c = g.left; c <= g.right; ++c) row->cells[c - 1] = value;
    }
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
}

}  // namespace

std::vector<domain::SheetRow> read_xlsx_rows(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") throw domain::Invalid({kNotXlsx});
  std::vector<std::string> shared;
  {
    auto sst = parse(bytes, "xl/sharedStrings.xml", false);
    for (auto si : child_named(sst, "sst").children()) {
      if (si.type() != pugi::node_element || local(si.name()) != "si") continue;
      std::string text;
      all_text(si, text);
      shared.push_back(std::move(text));
    }
  }
  const auto dates = date_styles(bytes);
  auto sheet = parse(bytes, first_sheet_part(bytes), true);
  auto data = child_named(child_named(sheet, "worksheet"), "sheetData");
  if (!data) throw domain::Invalid({kNotXlsx});
  std::vector<domain::SheetRow> rows;
  int next_row = 1;
  for (auto row : data.children()) {
    if (row.type() != pugi::node_element || local(row.name()) != "row") continue;
    domain::SheetRow out;
    out.number = row.attribute("r").as_int(next_row);
    next_row = out.number + 1;
    if (out.number > kMaxRows) throw domain::Invalid({"表格超过 " + std::to_string(kMaxRows) + " 行，请分批导入"});
    int next_col = 1;
    for (auto c : row.children()) {
      if (c.type() != pugi::node_element || local(c.name()) != "c") continue;
      int col = c.attribute("r") ? column_of(c.attribute("r").value()) : next_col;
      if (col <= 0) continue;
      next_col = col + 1;
      const std::string type = c.attribute("t").value();
      std::string value;
      if (type == "inlineStr") {
        all_text(child_named(c, "is"), value);
      } else {
        value = child_named(c, "v").text().get();
        if (type == "s") {
          const auto i = static_cast<std::size_t>(std::strtoul(value.c_str(), nullptr, 10));
          value = i < shared.size() ? shared[i] : std::string();
        } else if (type == "e") {
          value.clear();
        } else if (type.empty() || type == "n") {
          const auto style = static_cast<std::size_t>(c.attribute("s").as_int(0));
          if (style < dates.size() && dates[style] && !value.empty()) value = serial_date_text(value);
        }
      }
      if (out.cells.size() < static_cast<std::size_t>(col)) out.cells.resize(col);
      out.cells[col - 1] = std::move(value);
    }
    rows.push_back(std::move(out));
  }
  fill_merges(rows, merges_of(child_named(sheet, "worksheet")));
  return rows;
}

}  // namespace zwgk::ingest
