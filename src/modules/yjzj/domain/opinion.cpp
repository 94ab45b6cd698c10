// See opinion.hpp.
#include "modules/yjzj/domain/opinion.hpp"

#include "domain/contact_formats.hpp"
#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
}  // namespace

std::string to_code(OpinionState s) {
  switch (s) {
    case OpinionState::Pending: return "pending";
    case OpinionState::Published: return "published";
    case OpinionState::Rejected: return "rejected";
  }
  return "pending";
}

std::string to_label(OpinionState s) {
  switch (s) {
    case OpinionState::Pending: return "待审核";
    case OpinionState::Published: return "已公开";
    case OpinionState::Rejected: return "不予公开";
  }
  return "待审核";
}

std::optional<OpinionState> opinion_state_from(std::string_view code) {
  for (auto s : {OpinionState::Pending, OpinionState::Published, OpinionState::Rejected})
    if (code == to_code(s)) return s;
  return std::nullopt;
}

std::vector<std::string> opinion_problems(const OpinionInput& o, ConsultationPhase phase,
                                          const std::vector<DraftArticle>& articles) {
  std::vector<std::string> p;
  if (phase == ConsultationPhase::Upcoming) p.push_back("本次意见征集尚未开始");
  else if (phase != ConsultationPhase::Open) p.push_back("本次意见征集已结束，不再接受意见");
  if (!o.anchor.empty() && !find_article(articles, o.anchor)) p.push_back("所选条款不在征求意见稿中，请重新选择");
  if (blank(o.text)) p.push_back("请填写意见内容");
  else if (count_characters(o.text) > kOpinionTextMaxChars) p.push_back("意见内容不能超过2000个字");
  if (blank(o.name)) p.push_back("请填写姓名（不公开）");
  else if (count_characters(o.name) > 30) p.push_back("姓名不能超过30个字");
  if (blank(o.phone)) p.push_back("请填写联系电话（不公开）");
  else if (!is_valid_mobile(o.phone) && !is_valid_phone(o.phone))
    p.push_back("联系电话应为11位手机号码或带区号的固定电话，如 13800138000 或 0739-5320000");
  if (!is_valid_utf8(o.text) || !is_valid_utf8(o.name) || !is_valid_utf8(o.anchor)) p.push_back("提交的文字编码无法识别");
  return p;
}

std::string opinion_heading(const std::string& anchor_label) {
  return anchor_label.empty() ? std::string("对征求意见稿的总体意见") : "对" + anchor_label + "的意见";
}

}  // namespace zwgk::domain
