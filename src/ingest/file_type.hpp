#pragma once
// What an uploaded file really is: the bytes are sniffed with libmagic, never the name or
// the browser's Content-Type. Attachments of government documents are office documents,
// PDFs, images, archives and plain text/CSV; anything else (executables, scripts, HTML
// that could run in the portal's origin) is refused.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zwgk::ingest {

inline constexpr std::size_t kDefaultMaxAttachmentBytes = 50u * 1024 * 1024;  // 50 MiB

// The MIME type libmagic reports for the bytes, e.g. "application/pdf"; never empty
// ("application/octet-stream" when unknown).
std::string sniff_media_type(std::string_view bytes);

struct AttachmentCheck {
  std::string media_type;              // the sniffed type, as stored and served
  std::optional<std::string> refusal;  // Chinese reason when the file is not accepted
};

// Checks an upload: not empty, at most max_bytes, a sniffed type on the allow-list, and a
// file-name extension that belongs to that type (a .pdf that is really an .exe is refused;
// .wps/.et/.dps and .ofd are accepted as what libmagic sees in them).
AttachmentCheck check_attachment(std::string_view file_name, std::string_view bytes,
                                 std::size_t max_bytes = kDefaultMaxAttachmentBytes);

}  // namespace zwgk::ingest
