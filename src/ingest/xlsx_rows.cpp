// See xlsx_rows.hpp. Office Open XML SpreadsheetML (ECMA-376 Part 1 §18): the workbook part
// names the sheets in order, its relationships give each sheet's part; a cell is
// <c r="B5" t="s|inlineStr|str|b|n|e"><v>…</v><is><t>…</t></is></c>.
#include "ingest/xlsx_rows.hpp"

#include <pugixml.hpp>

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
        }
      }
      if (out.cells.size() < static_cast<std::size_t>(col)) out.cells.resize(col);
      out.cells[col - 1] = std::move(value);
    }
    rows.push_back(std::move(out));
  }
  return rows;
}

}  // namespace zwgk::ingest
