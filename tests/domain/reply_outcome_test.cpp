// 办理结果: the table-三 rows, labels copied by hand from ../shared/domain/README.md §2 and §4.
#include "domain/reply_outcome.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace {

using namespace zwgk::domain;

TEST(ReplyOutcome, LabelsAndOrderMatchTheAnnualReportTable) {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"（一）予以公开", "（一）予以公开"},
      {"（二）部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
      {"（三）不予公开", "1.属于国家秘密"},
      {"（三）不予公开", "2.其他法律行政法规禁止公开"},
      {"（三）不予公开", "3.危及“三安全一稳定”"},
      {"（三）不予公开", "4.保护第三方合法权益"},
      {"（三）不予公开", "5.属于三类内部事务信息"},
      {"（三）不予公开", "6.属于四类过程性信息"},
      {"（三）不予公开", "7.属于行政执法案卷"},
      {"（三）不予公开", "8.属于行政查询事项"},
      {"（四）无法提供", "1.本机关不掌握相关政府信息"},
      {"（四）无法提供", "2.没有现成信息需要另行制作"},
      {"（四）无法提供", "3.补正后申请内容仍不明确"},
      {"（五）不予处理", "1.信访举报投诉类申请"},
      {"（五）不予处理", "2.重复申请"},
      {"（五）不予处理", "3.要求提供公开出版物"},
      {"（五）不予处理", "4.无正当理由大量反复申请"},
      {"（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"},
      {"（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
      {"（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
      {"（六）其他处理", "3.其他"},
  };
  const auto& all = all_reply_outcomes();
  ASSERT_EQ(all.size(), expected.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].group_label, expected[i].first) << i;
    EXPECT_EQ(all[i].row_label, expected[i].second) << i;
    EXPECT_EQ(to_label(all[i].outcome), expected[i].second) << i;
    EXPECT_EQ(to_label(all[i].group), expected[i].first) << i;
  }
}

TEST(ReplyOutcome, CountsPerGroup) {
  std::map<ReplyOutcomeGroup, int> n;
  for (const auto& i : all_reply_outcomes()) ++n[i.group];
  EXPECT_EQ(n[ReplyOutcomeGroup::Disclosed], 1);
  EXPECT_EQ(n[ReplyOutcomeGroup::PartiallyDisclosed], 1);
  EXPECT_EQ(n[ReplyOutcomeGroup::NotDisclosed], 8);
  EXPECT_EQ(n[ReplyOutcomeGroup::CannotProvide], 3);
  EXPECT_EQ(n[ReplyOutcomeGroup::NotProcessed], 5);
  EXPECT_EQ(n[ReplyOutcomeGroup::OtherHandling], 3);
}

TEST(ReplyOutcome, GroundNumbersRunFromOneInEachGroup) {
  std::map<ReplyOutcomeGroup, int> last;
  for (const auto& i : all_reply_outcomes()) {
    if (i.group == ReplyOutcomeGroup::Disclosed || i.group == ReplyOutcomeGroup::PartiallyDisclosed) {
      EXPECT_EQ(i.ground, 0);
      continue;
    }
    EXPECT_EQ(i.ground, ++last[i.group]);
    EXPECT_EQ(i.row_label.substr(0, std::to_string(i.ground).size() + 1), std::to_string(i.ground) + ".");
  }
}

TEST(ReplyOutcome, CodesAreUniqueAndRoundTrip) {
  std::set<std::string> codes;
  for (const auto& i : all_reply_outcomes()) {
    EXPECT_TRUE(codes.insert(std::string(i.code)).second) << i.code;
    EXPECT_EQ(reply_outcome_from_code(i.code), i.outcome);
    EXPECT_EQ(to_code(i.outcome), i.code);
    EXPECT_EQ(group_of(i.outcome), i.group);
  }
  EXPECT_EQ(reply_outcome_from_code("not_disclosed.state_secret"), ReplyOutcome::StateSecret);
  EXPECT_FALSE(reply_outcome_from_code(""));
  EXPECT_FALSE(reply_outcome_from_code("1.属于国家秘密"));
}

TEST(ReplyOutcome, ArticlesWhereTheReadmeGivesThem) {
  EXPECT_EQ(info(ReplyOutcome::StateSecret).article, "第十四条");
  EXPECT_EQ(info(ReplyOutcome::ForbiddenByLaw).article, "第十四条");
  EXPECT_EQ(info(ReplyOutcome::EndangersSecurityStability).article, "第十四条");
  EXPECT_EQ(info(ReplyOutcome::ThirdPartyRights).article, "第十五条");
  EXPECT_EQ(info(ReplyOutcome::InternalAffairs).article, "第十六条第一款");
  EXPECT_EQ(info(ReplyOutcome::ProcessInformation).article, "第十六条第二款");
  EXPECT_EQ(info(ReplyOutcome::EnforcementCaseFile).article, "第十六条第二款");
  EXPECT_EQ(info(ReplyOutcome::AdministrativeQuery).article, "第三十六条第（七）项");
  EXPECT_EQ(info(ReplyOutcome::NoCorrectionInTime).article, "第三十条");
  EXPECT_EQ(info(ReplyOutcome::FeeUnpaid).article, "第四十二条");
  EXPECT_EQ(info(ReplyOutcome::Other).article, "");
}

TEST(ReplyOutcome, FullLabel) {
  EXPECT_EQ(to_full_label(ReplyOutcome::StateSecret), "（三）不予公开 1.属于国家秘密");
  EXPECT_EQ(to_full_label(ReplyOutcome::Disclosed), "（一）予以公开");
  EXPECT_EQ(to_full_label(ReplyOutcome::PartiallyDisclosed), "（二）部分公开");
}

}  // namespace
