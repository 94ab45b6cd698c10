#pragma once
// The privacy guard over a document body (HTML): findings are made on the text a reader
// sees and masking edits the HTML.
//
// Why: scanning the raw HTML showed editors contexts full of markup ("…&lt;/p&gt;") and
// missed a number split by inline tags (4305021990<b>0101123X</b> reads as one ID number
// on the page). Decision: scan the visible text and map every finding back to the HTML
// bytes it came from.
//
// Visible text: tags are dropped; inline tags (b, i, span, a, strong, em, u, sub, sup, ...)
// join their neighbours, block tags (p, div, br, li, td, th, tr, h1-h6, table, ...) become a
// line break (a boundary: numbers in two paragraphs never join); the entities &amp; &lt;
// &gt; &quot; &#39; &nbsp; and numeric ones are decoded. Comments are dropped.
//
// Masking: each text character of a finding is replaced where it sits in the HTML, so the
// tags stay: 4305021990<b>0101123X</b> -> 430502****<b>****123X</b>. A mask of another
// length than the text (e-mail, sensitive word in Chinese) replaces per character for
// sensitive words ('*' each) and, for e-mail, puts the whole mask where the address begins
// and removes the rest of its characters (tags kept).
#include <string>
#include <string_view>
#include <vector>

#include "domain/privacy_scan.hpp"

namespace zwgk::domain {

struct VisibleText {
  std::string text;
  // For each byte of `text`: the HTML bytes [begin[i], end[i]) it came from; an empty range
  // for the line breaks that stand for block tags.
  std::vector<std::size_t> begin, end;
};

VisibleText visible_text(std::string_view html);

// Findings over the visible text (offsets, context and match are in that text).
std::vector<PrivacyFinding> scan_privacy_html(std::string_view html, const PrivacyScanOptions& options = {});

// The HTML with every finding of scan_privacy_html masked in place.
std::string mask_html(std::string_view html, const PrivacyScanOptions& options = {});

}  // namespace zwgk::domain
