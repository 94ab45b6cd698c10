// .docx -> HTML / text. WordprocessingML reference: ECMA-376 Part 1, §17 (w:body, w:p,
// w:r, w:t, w:tbl). Only the structure a document body needs is read.
#include "ingest/docx_import.hpp"

#include <pugixml.hpp>

#include <map>
#include <optional>

#include "domain/html_sanitizer.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/zip_reader.hpp"

namespace zwgk::ingest {

namespace {

const char* const kNotDocx = "不是有效的 Word 文档（.docx），请另存为 .docx 后再导入。";

bool on(const pugi::xml_node& prop) {
  if (!prop) return false;
  std::string_view v = prop.attribute("w:val").value();
  return v.empty() || (v != "0" && v != "false" && v != "none");
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// styleId -> heading level 1..3 (0 = body text), from word/styles.xml.
std::map<std::string, int> heading_styles(std::string_view archive) {
  std::map<std::string, int> out;
  auto xml = read_zip_member(archive, "word/styles.xml");
  if (!xml) return out;
  pugi::xml_document doc;
  if (!doc.load_buffer(xml->data(), xml->size())) return out;
  for (auto style : doc.child("w:styles").children("w:style")) {
    const std::string id = style.attribute("w:styleId").value();
    const std::string name = lower(style.child("w:name").attribute("w:val").value());
    int level = 0;
    if (name == "title" || name == "标题") level = 1;
    for (int i = 1; i <= 9 && level == 0; ++i) {
      if (name == "heading " + std::to_string(i) || name == "标题 " + std::to_string(i)) level = i;
    }
    if (level == 0) {
      if (auto outline = style.child("w:pPr").child("w:outlineLvl")) level = outline.attribute("w:val").as_int(9) + 1;
    }
    if (level >= 1 && level <= 3) out[id] = level;
  }
  return out;
}

struct RunFormat {
  bool bold = false, italic = false, underline = false;
  bool operator==(const RunFormat&) const = default;
};

class Converter {
 public:
  Converter(std::map<std::string, int> headings, bool text_only) : headings_(std::move(headings)), text_only_(text_only) {}

  void block(const pugi::xml_node& parent) {
    for (auto child : parent.children()) {
      std::string_view name = child.name();
      if (name == "w:p") paragraph(child);
      else if (name == "w:tbl") table(child);
      else if (name == "w:sdt") block(child.child("w:sdtContent"));
    }
  }

  std::string result() { return std::move(out_); }

 private:
  void paragraph(const pugi::xml_node& p) {
    int level = 0;
    auto ppr = p.child("w:pPr");
    if (auto style = ppr.child("w:pStyle")) {
      auto it = headings_.find(style.attribute("w:val").value());
      if (it != headings_.end()) level = it->second;
    }
    if (auto outline = ppr.child("w:outlineLvl"); outline && level == 0) {
      int l = outline.attribute("w:val").as_int(9) + 1;
      if (l >= 1 && l <= 3) level = l;
    }
    std::string inner;
    RunFormat open{};
    std::string pending;  // text of consecutive runs with the same format
    auto flush = [&] {
      if (pending.empty()) return;
      if (text_only_) {
        inner += pending;
      } else {
        std::string s = pending;
        if (open.underline) s = "<u>" + s + "</u>";
        if (open.italic) s = "<em>" + s + "</em>";
        if (open.bold) s = "<strong>" + s + "</strong>";
        inner += s;
      }
      pending.clear();
    };
    runs(p, [&](const pugi::xml_node& r) {
      auto rpr = r.child("w:rPr");
      RunFormat f{on(rpr.child("w:b")), on(rpr.child("w:i")), on(rpr.child("w:u"))};
      for (auto c : r.children()) {
        std::string_view n = c.name();
        std::string piece;
        if (n == "w:t") piece = text_only_ ? std::string(c.text().get()) : domain::escape_html(c.text().get());
        else if (n == "w:tab") piece = text_only_ ? "\t" : "&#160;&#160;&#160;&#160;";
        else if (n == "w:br" || n == "w:cr") {
          flush();
          inner += text_only_ ? "\n" : "<br>";
          continue;
        } else continue;
        if (!(f == open)) {
          flush();
          open = f;
        }
        pending += piece;
      }
    });
    flush();
    if (inner.empty()) return;  // Word's empty spacing paragraphs
    if (text_only_) {
      out_ += inner;
      out_ += '\n';
      return;
    }
    const std::string tag = level ? "h" + std::to_string(level + 1) : "p";
    out_ += "<" + tag + ">" + inner + "</" + tag + ">\n";
  }

  // Runs of a paragraph in document order, through hyperlinks, insertions, smart tags and
  // simple fields; deleted text (w:del) is skipped.
  template <typename F>
  void runs(const pugi::xml_node& parent, F&& f) {
    for (auto c : parent.children()) {
      std::string_view n = c.name();
      if (n == "w:r") f(c);
      else if (n == "w:hyperlink" || n == "w:ins" || n == "w:smartTag" || n == "w:fldSimple" || n == "w:sdt" ||
               n == "w:sdtContent" || n == "w:customXml")
        runs(c, f);
    }
  }

  void table(const pugi::xml_node& tbl) {
    if (!text_only_) out_ += "<table>\n";
    for (auto tr : tbl.children("w:tr")) {
      if (!text_only_) out_ += "<tr>";
      bool first = true;
      for (auto tc : tr.children("w:tc")) {
        auto tcpr = tc.child("w:tcPr");
        const int span = tcpr.child("w:gridSpan").attribute("w:val").as_int(1);
        const bool continued = tcpr.child("w:vMerge") && std::string_view(tcpr.child("w:vMerge").attribute("w:val").value()) != "restart";
        Converter cell(headings_, text_only_);
        if (!continued) cell.block(tc);
        std::string content = cell.result();
        if (text_only_) {
          while (!content.empty() && content.back() == '\n') content.pop_back();
          if (!first) out_ += '\t';
          out_ += content;
        } else {
          out_ += span > 1 ? "<td colspan=\"" + std::to_string(span) + "\">" : "<td>";
          out_ += content;
          out_ += "</td>";
        }
        first = false;
      }
      out_ += text_only_ ? "\n" : "</tr>\n";
    }
    if (!text_only_) out_ += "</table>\n";
  }

  std::map<std::string, int> headings_;
  bool text_only_;
  std::string out_;
};

std::string convert(std::string_view bytes, bool text_only) {
  auto xml = read_zip_member(bytes, "word/document.xml");
  if (!xml) throw IngestError(kNotDocx);
  pugi::xml_document doc;
  if (!doc.load_buffer(xml->data(), xml->size())) throw IngestError(kNotDocx);
  auto body = doc.child("w:document").child("w:body");
  if (!body) throw IngestError(kNotDocx);
  Converter c(heading_styles(bytes), text_only);
  c.block(body);
  return c.result();
}

}  // namespace

std::string docx_to_html(std::string_view bytes) { return convert(bytes, false); }
std::string docx_text(std::string_view bytes) { return convert(bytes, true); }

}  // namespace zwgk::ingest
