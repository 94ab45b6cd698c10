// 办理结果: the table-三 rows, rules in reply_outcome.hpp.
#include "domain/reply_outcome.hpp"

#include <stdexcept>

namespace zwgk::domain {
namespace {

using O = ReplyOutcome;
using G = ReplyOutcomeGroup;

constexpr std::string_view kG1 = "（一）予以公开";
constexpr std::string_view kG2 = "（二）部分公开";
constexpr std::string_view kG3 = "（三）不予公开";
constexpr std::string_view kG4 = "（四）无法提供";
constexpr std::string_view kG5 = "（五）不予处理";
constexpr std::string_view kG6 = "（六）其他处理";

const std::vector<ReplyOutcomeInfo> kOutcomes = {
    {O::Disclosed, G::Disclosed, "disclosed", 0, kG1, "（一）予以公开", "第三十六条"},
    {O::PartiallyDisclosed, G::PartiallyDisclosed, "partially_disclosed", 0, kG2,
     "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "第三十七条"},
    {O::StateSecret, G::NotDisclosed, "not_disclosed.state_secret", 1, kG3, "1.属于国家秘密", "第十四条"},
    {O::ForbiddenByLaw, G::NotDisclosed, "not_disclosed.forbidden_by_law", 2, kG3, "2.其他法律行政法规禁止公开", "第十四条"},
    {O::EndangersSecurityStability, G::NotDisclosed, "not_disclosed.security_stability", 3, kG3, "3.危及“三安全一稳定”", "第十四条"},
    {O::ThirdPartyRights, G::NotDisclosed, "not_disclosed.third_party_rights", 4, kG3, "4.保护第三方合法权益", "第十五条"},
    {O::InternalAffairs, G::NotDisclosed, "not_disclosed.internal_affairs", 5, kG3, "5.属于三类内部事务信息", "第十六条第一款"},
    {O::ProcessInformation, G::NotDisclosed, "not_disclosed.process_information", 6, kG3, "6.属于四类过程性信息", "第十六条第二款"},
    {O::EnforcementCaseFile, G::NotDisclosed, "not_disclosed.enforcement_case_file", 7, kG3, "7.属于行政执法案卷", "第十六条第二款"},
    {O::AdministrativeQuery, G::NotDisclosed, "not_disclosed.administrative_query", 8, kG3, "8.属于行政查询事项", "第三十六条第（七）项"},
    {O::NotHeld, G::CannotProvide, "cannot_provide.not_held", 1, kG4, "1.本机关不掌握相关政府信息", "第三十六条"},
    {O::NeedsCompilation, G::CannotProvide, "cannot_provide.needs_compilation", 2, kG4, "2.没有现成信息需要另行制作", "第三十八条"},
    {O::UnclearAfterCorrection, G::CannotProvide, "cannot_provide.unclear_after_correction", 3, kG4, "3.补正后申请内容仍不明确", "第三十条"},
    {O::PetitionOrComplaint, G::NotProcessed, "not_processed.petition_or_complaint", 1, kG5, "1.信访举报投诉类申请", "第三十九条"},
    {O::RepeatedRequest, G::NotProcessed, "not_processed.repeated", 2, kG5, "2.重复申请", "第三十六条"},
    {O::PublishedMaterial, G::NotProcessed, "not_processed.published_material", 3, kG5, "3.要求提供公开出版物", ""},
    {O::ExcessiveRequests, G::NotProcessed, "not_processed.excessive", 4, kG5, "4.无正当理由大量反复申请", "第三十五条"},
    {O::ConfirmationOfObtained, G::NotProcessed, "not_processed.confirmation", 5, kG5, "5.要求行政机关确认或重新出具已获取信息", ""},
    {O::NoCorrectionInTime, G::OtherHandling, "other.no_correction", 1, kG6,
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "第三十条"},
    {O::FeeUnpaid, G::OtherHandling, "other.fee_unpaid", 2, kG6,
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "第四十二条"},
    {O::Other, G::OtherHandling, "other.other", 3, kG6, "3.其他", ""},
};

}  // namespace

const std::vector<ReplyOutcomeInfo>& all_reply_outcomes() { return kOutcomes; }

const ReplyOutcomeInfo& info(ReplyOutcome o) {
  for (const auto& i : kOutcomes)
    if (i.outcome == o) return i;
  throw std::logic_error("unknown ReplyOutcome");
}

std::string to_code(ReplyOutcome o) { return std::string(info(o).code); }
std::string to_label(ReplyOutcome o) { return std::string(info(o).row_label); }
ReplyOutcomeGroup group_of(ReplyOutcome o) { return info(o).group; }

std::string to_full_label(ReplyOutcome o) {
  const auto& i = info(o);
  if (i.ground == 0) return std::string(i.group_label);
  return std::string(i.group_label) + " " + std::string(i.row_label);
}

std::string to_label(ReplyOutcomeGroup g) {
  switch (g) {
    case G::Disclosed: return std::string(kG1);
    case G::PartiallyDisclosed: return std::string(kG2);
    case G::NotDisclosed: return std::string(kG3);
    case G::CannotProvide: return std::string(kG4);
    case G::NotProcessed: return std::string(kG5);
    case G::OtherHandling: return std::string(kG6);
  }
  return {};
}

std::optional<ReplyOutcome> reply_outcome_from_code(std::string_view code) {
  for (const auto& i : kOutcomes)
    if (i.code == code) return i.outcome;
  return std::nullopt;
}

}  // namespace zwgk::domain
