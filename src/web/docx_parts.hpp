#pragma once
// The fixed parts of the .docx package that to_docx (docx_export.hpp) writes: content types,
// relationships, styles, settings, the font table, the footer and the application
// properties — everything except word/document.xml and docProps/core.xml, which hold the
// caller's text. Private to src/web/docx_*.cpp; the typesetting rules they carry are the
// ones numbered in docx_export.hpp.
//
// Units: twips (1/20 pt, 1/1440 inch) for lengths, half-points for font sizes (w:sz).
#include <string_view>

namespace zwgk::web::docx {

// Page geometry (rule 1): A4 portrait, GB/T 9704 §5.2.2 margins.
inline constexpr int kPageWidth = 11906;   // 210 mm
inline constexpr int kPageHeight = 16838;  // 297 mm
inline constexpr int kMarginTop = 2098;    // 37 mm
inline constexpr int kMarginBottom = 1984; // 35 mm
inline constexpr int kMarginLeft = 1588;   // 28 mm
inline constexpr int kMarginRight = 1474;  // 26 mm
inline constexpr int kHeaderDistance = 851;  // 15 mm, Word's default
inline constexpr int kFooterDistance = 1247; // 22 mm: the page number sits below the text block
inline constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;  // 8844 (156 mm, §5.2.1)

// Word refuses tables wider than 63 columns (ECMA-376 does not limit them), and no page, so
// no column, is wider than 22 inches in Word.
inline constexpr int kMaxTableColumns = 63;
inline constexpr int kMaxColumnWidth = 31680;

// Style ids in kStyles that document.xml names (w:pStyle / w:tblStyle).
inline constexpr const char* kTitleStyle = "Title";
inline constexpr const char* kHeading1Style = "Heading1";
inline constexpr const char* kHeading2Style = "Heading2";
inline constexpr const char* kBodyStyle = "Normal";
inline constexpr const char* kTableTextStyle = "TableText";
inline constexpr const char* kTableHeadingStyle = "TableHeading";
inline constexpr const char* kTableStyle = "TableGrid";

// The footer's relationship id in kDocumentRelationships (sectPr's w:footerReference).
inline constexpr const char* kFooterRelationship = "rId4";

// Part names, as the zip members are called (ECMA-376 Part 2 §9.1: no leading slash in the zip).
inline constexpr const char* kContentTypesPart = "[Content_Types].xml";
inline constexpr const char* kPackageRelationshipsPart = "_rels/.rels";
inline constexpr const char* kDocumentPart = "word/document.xml";
inline constexpr const char* kDocumentRelationshipsPart = "word/_rels/document.xml.rels";
inline constexpr const char* kStylesPart = "word/styles.xml";
inline constexpr const char* kSettingsPart = "word/settings.xml";
inline constexpr const char* kFontTablePart = "word/fontTable.xml";
inline constexpr const char* kFooterPart = "word/footer1.xml";
inline constexpr const char* kCorePropertiesPart = "docProps/core.xml";
inline constexpr const char* kAppPropertiesPart = "docProps/app.xml";

extern const std::string_view kContentTypes;
extern const std::string_view kPackageRelationships;
extern const std::string_view kDocumentRelationships;
extern const std::string_view kStyles;
extern const std::string_view kSettings;
extern const std::string_view kFontTable;
extern const std::string_view kFooter;
extern const std::string_view kAppProperties;

}  // namespace zwgk::web::docx
