#include "ingest/pdf_text.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <vector>

#include "domain/utf8.hpp"
#include "ingest/docx_import.hpp"
#include "ingest/ingest_error.hpp"

namespace zwgk::ingest {

namespace {

void quiet_poppler(const std::string&, void*) {}

}  // namespace

std::string pdf_text(std::string_view bytes) {
  static const bool quiet = (poppler::set_debug_error_function(quiet_poppler, nullptr), true);
  (void)quiet;
  std::vector<char> data(bytes.begin(), bytes.end());  // poppler reads from a mutable buffer
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
  if (!doc || doc->is_locked()) throw IngestError("PDF 文件已损坏或已加密，无法提取文字。");
  std::string out;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    auto utf8 = page->text().to_utf8();
    if (i > 0) out += '\f';
    out.append(utf8.begin(), utf8.end());
  }
  return out;
}

std::string extract_text(std::string_view media_type, std::string_view bytes) {
  try {
    if (media_type == "application/pdf") return pdf_text(bytes);
    if (media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ||
        media_type == "application/zip")
      return docx_text(bytes);
    if (media_type == "text/plain" || media_type == "text/csv" || media_type == "application/csv")
      return domain::is_valid_utf8(bytes) ? std::string(bytes) : std::string();
  } catch (const IngestError&) {
    // By contract (pdf_text.hpp): a damaged or encrypted attachment is still kept; it only
    // has no text for search and the privacy scan. The caller shows no error for it.
    return {};
  }
  return {};
}

}  // namespace zwgk::ingest
