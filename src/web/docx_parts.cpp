// See docx_parts.hpp. Element order inside every *Pr element follows the schema sequence of
// ECMA-376 Part 1 (Word rejects a file whose w:pPr has w:jc before w:ind, for example).
#include "web/docx_parts.hpp"

namespace zwgk::web::docx {

// ECMA-376 Part 2 §10.1: every part's media type, by extension or by name.
const std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>)"
    R"(<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>)"
    R"(<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>)"
    R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
    R"(<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>)"
    R"(</Types>)";

// ECMA-376 Part 2 §9.3: the package's relationships name the main document and the
// properties (Part 1 §11.3.10, §15.2.12.1, §15.2.12.3).
const std::string_view kPackageRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>)"
    R"(</Relationships>)";

// The main document's relationships; rId4 is kFooterRelationship.
const std::string_view kDocumentRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>)"
    R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>)"
    R"(</Relationships>)";

// Styles (§17.7). The built-in names ("Normal", "Title", "heading 1", "footer", "Table Grid")
// make Word and WPS show them as their own 正文, 标题, 标题 1, 页脚, 网格型; the table-cell
// styles are ours. Every paragraph document.xml writes names one of the paragraph styles, so
// a table cell never inherits the body's indent and size: in the style hierarchy (§17.7.2)
// a paragraph style overrides the table style, so the table style carries only borders and
// cell margins.
//   Sizes: w:sz 44 = 22pt 二号, 32 = 16pt 三号, 28 = 14pt 四号, 21 = 10.5pt 五号.
//   Body lines exactly 560 twips (28pt) apart, the usual 公文 setting for 22 lines a page.
//   w:ind firstLineChars="200" is two characters of the paragraph's own size (§17.3.1.12,
//   it wins over w:firstLine, which is 640 twips = 2 × 16pt for readers that ignore it).
const std::string_view kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:docDefaults>)"
    R"(<w:rPrDefault><w:rPr><w:kern w:val="2"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>)"
    R"(<w:pPrDefault><w:pPr/></w:pPrDefault>)"
    R"(</w:docDefaults>)"
    // 正文: 仿宋_GB2312 三号, justified, two-character indent, fixed 28pt lines.
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>)"
    R"(<w:pPr><w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr>)"
    R"(<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>)"
    R"(</w:style>)"
    // 标题: 方正小标宋简体 二号, centred, one body line of space after.
    R"(<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
    R"(<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="560" w:line="700" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>)"
    R"(<w:rPr><w:rFonts w:ascii="方正小标宋简体" w:hAnsi="方正小标宋简体" w:eastAsia="方正小标宋简体" w:cs="方正小标宋简体"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr>)"
    R"(</w:style>)"
    // 一级标题 黑体, 二级标题 楷体_GB2312 (GB/T 9704 §7.3.3); indented like the body, kept
    // with the paragraph after them.
    R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
    R"(<w:pPr><w:keepNext/><w:keepLines/><w:outlineLvl w:val="0"/></w:pPr>)"
    R"(<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr>)"
    R"(</w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
    R"(<w:pPr><w:keepNext/><w:keepLines/><w:outlineLvl w:val="1"/></w:pPr>)"
    R"(<w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr>)"
    R"(</w:style>)"
    // Table cells: 宋体 五号, single line spacing, no indent; header cells bold and centred.
    R"(<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>)"
    R"(<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>)"
    R"(<w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr>)"
    R"(</w:style>)"
    R"(<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="TableText"/><w:qFormat/>)"
    R"(<w:pPr><w:jc w:val="center"/></w:pPr>)"
    R"(<w:rPr><w:b/><w:bCs/></w:rPr>)"
    R"(</w:style>)"
    // 页码: 宋体 四号 (GB/T 9704 §7.5).
    R"(<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>)"
    R"(<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>)"
    R"(<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:cs="宋体"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>)"
    R"(</w:style>)"
    // Tables: Word's default table style, and the bordered one every table names.
    R"(<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>)"
    R"(<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>)"
    R"(</w:style>)"
    R"(<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>)"
    R"(<w:tblPr><w:tblBorders>)"
    R"(<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>)"
    R"(<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>)"
    R"(<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>)"
    R"(</w:tblBorders></w:tblPr>)"
    R"(</w:style>)"
    R"(</w:styles>)";

// Settings (§17.15): Word 2013+ layout (compatibilityMode 15, else Word opens the file in
// 兼容模式), Chinese punctuation compression, Chinese as the East Asian theme language, and
// a justified line that ends in a line break (LF in the caller's text) not stretched across
// the width (doNotExpandShiftReturn, §17.15.3.7).
const std::string_view kSettings =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:zoom w:percent="100"/>)"
    R"(<w:defaultTabStop w:val="420"/>)"
    R"(<w:characterSpacingControl w:val="compressPunctuation"/>)"
    R"(<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>)"
    R"(<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>)"
    R"(</w:settings>)";

// The font table (§17.8.3): w:altName lists the names to look for when the font itself is
// missing (§17.8.3.1, comma-separated), w:charset 86 is GB2312_CHARSET (134). The 方正 and
// *_GB2312 fonts are what 公文 templates name; many machines have only Windows' own 宋体,
// 仿宋, 楷体 and 黑体.
const std::string_view kFontTable =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>)"
    R"(<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>)"
    R"(<w:font w:name="方正小标宋简体"><w:altName w:val="方正小标宋_GBK,宋体,SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>)"
    R"(<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>)"
    R"(<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>)"
    R"(<w:font w:name="楷体_GB2312"><w:altName w:val="楷体,KaiTi"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>)"
    R"(</w:fonts>)";

// The page number "— 1 —" (GB/T 9704 §7.5: 一字线 on either side), a PAGE field (§17.16.5.47).
const std::string_view kFooter =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>)"
    R"(<w:r><w:t xml:space="preserve">— </w:t></w:r>)"
    R"(<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>)"
    R"(<w:r><w:t xml:space="preserve"> —</w:t></w:r>)"
    R"(</w:p>)"
    R"(</w:ftr>)";

// Extended properties (Part 1 §22.2).
const std::string_view kAppProperties =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">)"
    R"(<Application>zwgk</Application>)"
    R"(</Properties>)";

}  // namespace zwgk::web::docx
