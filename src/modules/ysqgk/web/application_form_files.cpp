// 政府信息公开申请表 as .docx and PDF: see guide_pages.hpp. One layout (application_form()),
// two writers (to_docx, to_pdf), so the two files never disagree.
#include "modules/ysqgk/web/guide_pages.hpp"

#include "domain/cache_tags.hpp"
#include "modules/ysqgk/domain/applicant.hpp"
#include "modules/ysqgk/domain/disclosure_request.hpp"
#include "modules/ysqgk/service/guide_service.hpp"
#include "web/attachment_download.hpp"
#include "web/docx_export.hpp"
#include "web/pdf_export.hpp"

namespace zwgk::web {

namespace {

DocxCell label(std::string text, int col_span = 1, int row_span = 1) {
  DocxCell c;
  c.text = std::move(text);
  c.col_span = col_span;
  c.row_span = row_span;
  c.header = true;  // bold, centred
  return c;
}

DocxCell blank(int col_span = 1, std::string text = {}) {
  DocxCell c;
  c.text = std::move(text);
  c.col_span = col_span;
  return c;
}

std::string boxes(const std::vector<std::string>& choices) {
  std::string out;
  for (const auto& c : choices) out += (out.empty() ? "□" : "　□") + c;
  return out;
}

// The usual 政府信息公开申请表 (the State Council's and most provinces' sample forms): six
// columns — section, applicant kind, label, value, label, value.
DocxTable application_table() {
  using domain::to_label;
  DocxTable t;
  t.header_rows = 0;
  t.column_widths_twips = {700, 1000, 1700, 2022, 1700, 1722};  // = kDocxTextWidthTwips
  const auto person = to_label(domain::ApplicantKind::NaturalPerson);
  const auto org = to_label(domain::ApplicantKind::Organisation);
  t.rows.push_back({label("申请人信息", 1, 8), label(person, 1, 4), label("姓名"), blank(), label("工作单位"), blank()});
  t.rows.push_back({label("证件类型"), blank(), label("证件号码"), blank()});
  t.rows.push_back({label("联系电话"), blank(), label("邮政编码"), blank()});
  t.rows.push_back({label("通信地址"), blank(), label("电子邮箱"), blank()});
  t.rows.push_back({label(org, 1, 4), label("名称"), blank(), label("统一社会信用代码"), blank()});
  t.rows.push_back({label("法定代表人或者负责人"), blank(), label("联系人"), blank()});
  t.rows.push_back({label("联系电话"), blank(), label("邮政编码"), blank()});
  t.rows.push_back({label("通信地址"), blank(), label("电子邮箱"), blank()});
  t.rows.push_back({label("所需信息情况", 1, 4), label("所需信息的名称、文号或者便于查询的其他特征性描述", 2),
                    blank(3, "\n\n\n\n")});
  t.rows.push_back({label("所需信息的用途（可选）", 2), blank(3, "\n")});
  t.rows.push_back({label("获取信息的方式", 2),
                    blank(3, boxes({to_label(domain::DeliveryMethod::Post), to_label(domain::DeliveryMethod::Email),
                                    to_label(domain::DeliveryMethod::Collect), "当场阅读、抄录"}))});
  t.rows.push_back({label("信息的提供方式", 2), blank(3, boxes({to_label(domain::MediumWanted::Paper),
                                                                 to_label(domain::MediumWanted::Electronic)}))});
  t.rows.push_back({label("申请人签名或盖章", 2), blank(2, "\n\n"), label("申请时间"), blank(1, "　年　月　日")});
  return t;
}

DocxDocument application_form(const domain::DisclosureGuide& g) {
  DocxDocument doc;
  doc.title = "政府信息公开申请表";
  doc.author = g.body_name;
  doc.blocks.push_back(DocxTitle{doc.title});
  doc.blocks.push_back(DocxParagraph{"受理机构：" + g.office, DocxAlign::Left});
  doc.blocks.push_back(application_table());
  std::vector<std::string> notes = {
      "填表说明：",
      "1. 申请人为自然人的填写“自然人”一栏，并附身份证明复印件；为法人或其他组织的填写“法人或其他组织”一栏。"
      "所需信息的描述应尽可能详细、明确。"};
  const auto channels = domain::application_channels(g);
  int n = 2;
  if (channels.letter) {
    std::string s = std::to_string(n++) + ". 信函申请：请将本表邮寄至" + g.office + "，地址：" + g.address;
    if (!g.postcode.empty()) s += "，邮政编码：" + g.postcode;
    notes.push_back(s + "，信封左下角注明“政府信息公开申请”字样。");
  }
  if (channels.in_person) {
    std::string s = std::to_string(n++) + ". 当面申请：请到" + g.address + "递交本表";
    if (!g.hours.empty()) s += "（办公时间：" + g.hours + "）";
    notes.push_back(s + "。");
  }
  if (channels.fax) notes.push_back(std::to_string(n++) + ". 传真申请：请将本表传真至" + g.fax + "，并电话确认。");
  if (!g.phone.empty()) notes.push_back(std::to_string(n++) + ". 咨询电话：" + g.phone + "。");
  if (!g.email.empty()) notes.push_back(std::to_string(n++) + ". 电子邮箱：" + g.email + "。");
  // One paragraph, so that the notes stay together on a page.
  std::string text;
  for (const auto& s : notes) text += (text.empty() ? "" : "\n") + s;
  doc.blocks.push_back(DocxParagraph{std::move(text), DocxAlign::Left});
  return doc;
}

}  // namespace

std::optional<http::Response> application_form_file(PageContext& ctx, std::string_view extension) {
  const bool docx = extension == "docx";
  if (!docx && extension != "pdf") return std::nullopt;
  const auto guide = modules::ysqgk::GuideService(ctx.env.db).current(ctx.site);
  const DocxDocument doc = application_form(guide);
  http::Response r;
  r.content_type = std::string(docx ? kDocxContentType : kPdfContentType);
  r.body = docx ? to_docx(doc) : to_pdf(doc);
  r.set_header("Content-Disposition", content_disposition("attachment", std::string("政府信息公开申请表.") + std::string(extension)));
  r.cache_tags = {domain::tag_site(ctx.site.id)};
  return r;
}

}  // namespace zwgk::web
