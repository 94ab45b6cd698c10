// Reply letter wording: see reply_letter_wording.hpp.
#include "modules/ysqgk/domain/reply_letter_wording.hpp"

namespace zwgk::domain {

namespace {
constexpr const char* kRegulations = "《中华人民共和国政府信息公开条例》";
}

std::string default_legal_basis(ReplyOutcome o) {
  const auto& i = info(o);
  std::string article(i.article);
  if (o == ReplyOutcome::PartiallyDisclosed) article = "第三十七条";
  if (article.empty()) article = "第三十六条";
  return std::string(kRegulations) + article;
}

std::string outcome_statement(ReplyOutcome o) {
  switch (group_of(o)) {
    case ReplyOutcomeGroup::Disclosed:
      return "经审查，您申请获取的政府信息属于公开范围，本机关决定予以公开，现按您要求的形式提供。";
    case ReplyOutcomeGroup::PartiallyDisclosed:
      return "经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定对可以公开的部分予以公开。";
    case ReplyOutcomeGroup::NotDisclosed:
      return "经审查，您申请获取的政府信息依法不予公开，理由：" + std::string(info(o).row_label).substr(2) + "。";
    case ReplyOutcomeGroup::CannotProvide:
      if (o == ReplyOutcome::NotHeld) return "经检索查找，本机关未制作或获取您申请获取的政府信息，该政府信息不存在。";
      if (o == ReplyOutcome::NeedsCompilation)
        return "您申请获取的政府信息需要本机关对现有政府信息进行加工、分析，本机关没有现成信息可提供，依法不需另行制作。";
      return "经补正后，您申请的内容仍不明确，本机关无法确定您所需的政府信息。";
    case ReplyOutcomeGroup::NotProcessed:
      if (o == ReplyOutcome::PetitionOrComplaint)
        return "您提出的申请属于信访、投诉、举报等事项，本机关不作为政府信息公开申请处理，请通过相应渠道提出。";
      if (o == ReplyOutcome::RepeatedRequest) return "您的申请属于重复申请，本机关已作出答复，不再重复处理。";
      if (o == ReplyOutcome::PublishedMaterial) return "您要求提供的是公开出版物，本机关不予处理，您可以通过公开渠道获取。";
      if (o == ReplyOutcome::ExcessiveRequests) return "您的申请无正当理由大量反复提出，本机关不予处理。";
      return "您要求本机关确认或重新出具已获取的信息，本机关不作为政府信息公开申请处理。";
    case ReplyOutcomeGroup::OtherHandling:
      if (o == ReplyOutcome::NoCorrectionInTime)
        return "本机关已书面告知您补正申请，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。";
      if (o == ReplyOutcome::FeeUnpaid)
        return "您逾期未按收费通知要求缴纳费用，本机关不再处理该政府信息公开申请。";
      return "本机关对您的申请作出如下处理。";
  }
  return {};
}

std::string remedy_notice() {
  return "如对本答复不服，可以自知道该行政行为之日起" + std::to_string(kReconsiderationDays) +
         "日内依法申请行政复议，或者自知道该行政行为之日起" + std::to_string(kLitigationMonths) +
         "个月内依法向人民法院提起行政诉讼。";
}

}  // namespace zwgk::domain
