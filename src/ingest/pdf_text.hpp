#pragma once
// The text of a PDF attachment (poppler), so that attachments can be searched and scanned
// for personal data before publication. Chinese text in the standard CJK fonts
// (STSong-Light with UniGB-UCS2-H and the like) needs Debian's poppler-data CMaps.
#include <string>
#include <string_view>

namespace zwgk::ingest {

// Pages separated by form feeds ("\f"), in reading order as poppler lays them out.
// Throws IngestError ("PDF 文件已损坏或已加密…") when poppler cannot open it.
std::string pdf_text(std::string_view bytes);

// Text of an attachment by its sniffed type: PDF, .docx, plain text (valid UTF-8 only);
// "" for types that carry no extractable text (images, archives, old binary Office files).
// Never throws: a damaged file yields "".
std::string extract_text(std::string_view media_type, std::string_view bytes);

}  // namespace zwgk::ingest
