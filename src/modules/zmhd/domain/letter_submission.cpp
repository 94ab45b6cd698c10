// See letter_submission.hpp.
#include "modules/zmhd/domain/letter_submission.hpp"

#include <algorithm>
#include <cstdio>

#include "domain/contact_formats.hpp"
#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

std::vector<std::string> letter_submission_problems(const LetterSubmission& s, const Mailbox& mailbox) {
  std::vector<std::string> p;
  const bool error_report = mailbox.kind == MailboxKind::ErrorReport;
  if (!s.category)
    p.push_back("请选择来信类别");
  else if (std::find(mailbox.categories.begin(), mailbox.categories.end(), *s.category) == mailbox.categories.end())
    p.push_back(mailbox.name + "不受理“" + to_label(*s.category) + "”类来信，请选择其他类别");
  if (error_report) {
    if (blank(s.page_url))
      p.push_back("请填写出错页面的网址");
    else if (s.page_url.size() > 2000 || (s.page_url.rfind("http://", 0) != 0 && s.page_url.rfind("https://", 0) != 0 &&
                                          s.page_url.front() != '/'))
      p.push_back("出错页面的网址应以 http://、https:// 或 / 开头");
    const auto& kinds = error_report_kinds();
    if (std::find(kinds.begin(), kinds.end(), s.error_kind) == kinds.end()) p.push_back("请选择错误类型");
  }
  if (blank(s.title))
    p.push_back("请填写来信标题");
  else if (count_characters(s.title) > kLetterTitleMaxChars)
    p.push_back("来信标题过长，请控制在" + std::to_string(kLetterTitleMaxChars) + "字以内");
  if (blank(s.content))
    p.push_back(error_report ? "请描述页面上的错误" : "请填写来信内容");
  else if (count_characters(s.content) < (error_report ? 2 : kLetterContentMinChars))
    p.push_back("来信内容过短，请写明具体的问题或诉求（至少" + std::to_string(kLetterContentMinChars) + "字）");
  else if (count_characters(s.content) > kLetterContentMaxChars)
    p.push_back("来信内容过长，请控制在" + std::to_string(kLetterContentMaxChars) + "字以内");
  const bool contact_required = !error_report;
  if (blank(s.writer.name)) {
    if (contact_required) p.push_back("请填写姓名");
  } else if (count_characters(s.writer.name) > kLetterNameMaxChars) {
    p.push_back("姓名过长");
  }
  if (blank(s.writer.phone)) {
    if (contact_required) p.push_back("请填写手机号码，以便承办部门联系您");
  } else if (!is_valid_mobile(s.writer.phone) && !is_valid_phone(s.writer.phone)) {
    p.push_back("手机号码格式不正确，请填写11位手机号码（如 13800138000）");
  }
  if (!blank(s.writer.email) && !is_valid_email(s.writer.email)) p.push_back("电子邮箱格式不正确");
  if (s.attachments > kLetterAttachmentsMax)
    p.push_back("附件最多" + std::to_string(kLetterAttachmentsMax) + "个");
  if (s.channel == LetterChannel::Hotline12345 && blank(s.external_id)) p.push_back("请提供12345工单号");
  return p;
}

Letter received_letter(const LetterSubmission& s, Date today) {
  Letter l;
  l.category = s.category.value_or(LetterCategory::Other);
  l.channel = s.channel;
  l.received_on = today;
  l.state = LetterState::Received;
  return l;
}

std::string format_letter_number(int year, long long serial) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "XJ-%04d-%06lld", year, serial);
  return buf;
}

std::optional<std::string> normalise_letter_number(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  if (out.size() < 14 || out.size() > 20 || out.rfind("XJ-", 0) != 0 || out[7] != '-') return std::nullopt;
  for (std::size_t i = 3; i < out.size(); ++i)
    if (i != 7 && (out[i] < '0' || out[i] > '9')) return std::nullopt;
  return out;
}

}  // namespace zwgk::domain
