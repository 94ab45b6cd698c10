// libmagic sniffing and the attachment allow-list. A magic_t is not thread-safe, so each
// thread opens its own (the database loads once per thread, a few milliseconds).
#include "ingest/file_type.hpp"

#include <magic.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace zwgk::ingest {

namespace {

struct MagicCloser {
  void operator()(magic_set* m) const { magic_close(m); }
};

magic_t thread_magic() {
  thread_local std::unique_ptr<magic_set, MagicCloser> cookie = [] {
    std::unique_ptr<magic_set, MagicCloser> m(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR));
    if (m && magic_load(m.get(), nullptr) != 0) m.reset();
    return m;
  }();
  return cookie.get();
}

std::string lower_extension(std::string_view name) {
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == name.size()) return {};
  std::string ext(name.substr(dot + 1));
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

struct Allowed {
  std::string_view media_type;
  std::vector<std::string_view> extensions;
};

// Office formats saved by WPS come out as the Microsoft types (or as CDF v2 for the old
// binary ones); zip-based formats that libmagic cannot tell apart come out as zip.
const std::vector<Allowed>& allow_list() {
  static const std::vector<Allowed> list = {
      {"application/pdf", {"pdf"}},
      {"application/msword", {"doc", "wps", "dot"}},
      {"application/vnd.ms-excel", {"xls", "et"}},
      {"application/vnd.ms-powerpoint", {"ppt", "dps"}},
      {"application/x-ole-storage", {"doc", "xls", "ppt", "wps", "et", "dps"}},
      {"application/CDFV2", {"doc", "xls", "ppt", "wps", "et", "dps"}},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", {"docx"}},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {"xlsx"}},
      {"application/vnd.openxmlformats-officedocument.presentationml.presentation", {"pptx"}},
      {"application/vnd.oasis.opendocument.text", {"odt"}},
      {"application/vnd.oasis.opendocument.spreadsheet", {"ods"}},
      {"application/zip", {"zip", "docx", "xlsx", "pptx", "ofd", "odt", "ods"}},
      {"application/x-rar", {"rar"}},
      {"application/x-7z-compressed", {"7z"}},
      {"image/jpeg", {"jpg", "jpeg"}},
      {"image/png", {"png"}},
      {"image/gif", {"gif"}},
      {"text/plain", {"txt", "csv"}},
      {"text/csv", {"csv", "txt"}},
      {"application/csv", {"csv"}},
  };
  return list;
}

}  // namespace

std::string sniff_media_type(std::string_view bytes) {
  magic_t m = thread_magic();
  if (!m || bytes.empty()) return "application/octet-stream";
  const char* type = magic_buffer(m, bytes.data(), bytes.size());
  if (!type || !*type) return "application/octet-stream";
  return type;
}

AttachmentCheck check_attachment(std::string_view file_name, std::string_view bytes, std::size_t max_bytes) {
  AttachmentCheck out;
  if (bytes.empty()) {
    out.media_type = "application/octet-stream";
    out.refusal = "附件是空文件，请重新选择。";
    return out;
  }
  out.media_type = sniff_media_type(bytes);
  if (bytes.size() > max_bytes) {
    out.refusal = "附件超过大小限制（最大 " + std::to_string(max_bytes / (1024 * 1024)) + " MB）。";
    return out;
  }
  const std::string ext = lower_extension(file_name);
  if (ext.empty()) {
    out.refusal = "附件文件名缺少扩展名（如 .pdf、.docx）。";
    return out;
  }
  for (const auto& a : allow_list()) {
    if (a.media_type != out.media_type) continue;
    if (std::find(a.extensions.begin(), a.extensions.end(), ext) != a.extensions.end()) return out;
    out.refusal = "附件扩展名 ." + ext + " 与文件实际类型（" + out.media_type + "）不符。";
    return out;
  }
  out.refusal = "不接受此类型的附件（" + out.media_type +
                "）。可上传 PDF、Word、Excel、PowerPoint、WPS、OFD、图片、压缩包和文本文件。";
  return out;
}

}  // namespace zwgk::ingest
