#pragma once
// Body HTML from editors and imports is parsed with gumbo and rebuilt from an allow-list
// of elements and attributes; everything else is dropped (script, style, on*, javascript: URLs).
#include <string>
#include <string_view>

namespace zwgk::domain {

// Throws ValidationError for pathologically nested input (more than 512 levels), which
// real documents never reach and which would make the HTML parser quadratic.
std::string sanitize_html(std::string_view html);
// The allow-list's version. A body is filtered when it is stored (store::DocumentRepository)
// and carries the version it was filtered with; a public page filters again only a body
// stored with an older version (or before versions were kept, 0). Raise it whenever the
// allow-list becomes stricter.
inline constexpr int kSanitizerVersion = 1;
// Escapes & < > " for HTML text and double-quoted attribute values.
std::string escape_html(std::string_view text);
// Plain text -> paragraphs (<p>..</p> per blank-line separated block), escaped.
std::string text_to_html(std::string_view text);
// Visible text of sanitised HTML, whitespace collapsed (for summaries, feeds, search).
// Same nesting limit as sanitize_html.
std::string html_to_text(std::string_view html);

}  // namespace zwgk::domain
