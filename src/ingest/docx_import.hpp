#pragma once
// A Word (.docx, also as saved by WPS) document -> body HTML for the editor. Reads
// word/document.xml (libzip + pugixml) and keeps what a government document's body uses:
// paragraphs, headings (by the paragraph style's name: "heading 1".."heading 3", also
// WPS's numeric style ids, mapped to h2..h4 because the page's h1 is the title), bold,
// italic, underline, line breaks and tables (with colspan). Everything else (fonts,
// colours, images, fields, comments, tracked deletions) is dropped. The result is plain
// HTML that the caller still passes through domain::sanitize_html.
#include <string>
#include <string_view>

namespace zwgk::ingest {

// Throws IngestError ("不是有效的 Word 文档（.docx）…") when the bytes are not a docx.
std::string docx_to_html(std::string_view bytes);
// The visible text of a docx, paragraphs separated by newlines (for search and the
// privacy scan). Throws IngestError like docx_to_html.
std::string docx_text(std::string_view bytes);

}  // namespace zwgk::ingest
