// See request_notices.hpp.
#include "modules/ysqgk/domain/request_notices.hpp"

#include "modules/ysqgk/domain/reply_letter_wording.hpp"

namespace zwgk::domain {

std::optional<RequestNoticeText> request_notice(const RequestEvent& e, const DisclosureRequest& r,
                                                const std::string& body_name, const std::string& status_url,
                                                std::optional<Date> due_on) {
  const std::string head = "【" + body_name + " 政府信息公开】";
  const std::string number = "申请编号：" + r.tracking_number + "\n所需信息：" + r.description + "\n";
  const std::string status =
      status_url.empty() ? "" : "\n查询办理进度：" + status_url + "\n（需要输入提交申请时显示的查询码）\n";
  const std::string footer = "\n此邮件由系统自动发送，请勿直接回复。\n";
  switch (e.kind) {
    case RequestEventKind::RequestCorrection:  // 《条例》第三十条
      return RequestNoticeText{
          "ysqgk.correction_notice", head + "补正通知 " + r.tracking_number,
          "您好！\n\n您的政府信息公开申请内容不够明确，请按照《中华人民共和国政府信息公开条例》第三十条的规定补正"
          "（说明需要补正的事项见办理进度查询页面或我机关的书面通知）。\n\n" + number +
              (e.correction_due_on ? "补正期限：" + e.correction_due_on->iso() + "前\n" : "") +
              "补正期间不计入答复期限；无正当理由逾期不补正的，视为放弃申请。\n" + status + footer};
    case RequestEventKind::Extend:  // 第三十三条第二款
      return RequestNoticeText{
          "ysqgk.extension_notice", head + "延期答复告知 " + r.tracking_number,
          "您好！\n\n因需要延长答复期限，经政府信息公开工作机构负责人同意，您的申请答复期限延长" +
              std::to_string(e.extension_working_days) + "个工作日（《中华人民共和国政府信息公开条例》第三十三条第二款）。\n\n" +
              number + (due_on ? "延长后的答复期限：" + due_on->iso() + "\n" : "") + status + footer};
    case RequestEventKind::Reply:  // 第三十六条
      return RequestNoticeText{
          "ysqgk.reply", head + "申请已答复 " + r.tracking_number,
          "您好！\n\n您的政府信息公开申请已作出答复。\n\n" + number +
              (r.outcome ? "办理结果：" + to_full_label(*r.outcome) + "\n" : "") +
              "答复书可在办理进度查询页面下载。\n\n" + remedy_notice() + "\n" + status + footer};
    default: return std::nullopt;
  }
}

namespace {

std::string notice_head(const std::string& body_name) { return "【" + body_name + " 政府信息公开】"; }

std::string status_lines(const std::string& status_url) {
  return status_url.empty() ? "" : "查询办理进度：" + status_url + "\n";
}

constexpr const char* kFooter = "\n此邮件由系统自动发送，请勿直接回复。请妥善保管查询码，不要转告他人。\n";

std::string trimmed_lower(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

RequestNoticeText receipt_notice(const DisclosureRequest& r, const std::string& query_code,
                                 const std::string& body_name, const std::string& status_url, Date due_on) {
  return RequestNoticeText{
      "ysqgk.receipt", notice_head(body_name) + "申请已收到 " + r.tracking_number,
      "您好！\n\n您的政府信息公开申请已于" + r.received_on.chinese() + "收到（《中华人民共和国政府信息公开条例》第二十九条、"
      "第三十一条）。\n\n申请编号：" + r.tracking_number + "\n查询码：" + query_code + "\n所需信息：" + r.description +
          "\n答复期限：" + due_on.chinese() + "前（20个工作日；需要补正、征求第三方意见或延期的，以办理进度查询显示为准）\n\n" +
          status_lines(status_url) + "凭申请编号和查询码查询办理进度、下载答复书。\n" + kFooter};
}

RequestNoticeText query_code_reset_notice(const DisclosureRequest& r, const std::string& query_code,
                                          const std::string& body_name, const std::string& status_url) {
  return RequestNoticeText{
      "ysqgk.query_code_reset", notice_head(body_name) + "新的查询码 " + r.tracking_number,
      "您好！\n\n根据您在网站上提出的找回查询码请求，申请编号" + r.tracking_number +
          "的查询码已重新生成，原查询码不再有效。\n\n申请编号：" + r.tracking_number + "\n新的查询码：" + query_code + "\n\n" +
          status_lines(status_url) + "如果这不是您本人的操作，请联系政府信息公开工作机构。\n" + kFooter};
}

std::string notice_address(const Applicant& a) {
  return a.kind == ApplicantKind::NaturalPerson ? a.person.email : a.organisation.contact_email;
}

bool is_applicants_address(const Applicant& a, std::string_view email) {
  const std::string given = trimmed_lower(email), known = trimmed_lower(notice_address(a));
  return !known.empty() && given == known;
}

}  // namespace zwgk::domain
