#include <gtest/gtest.h>

#include "modules/ysqgk/domain/reply_letter_wording.hpp"
#include "modules/ysqgk/domain/request_codes.hpp"
#include "domain/tracking_number.hpp"

namespace zwgk::domain {
namespace {

TEST(TrackingNumber, FormatAndNormalise) {
  EXPECT_EQ(format_tracking_number(2026, 123), "YSQ-2026-000123");
  EXPECT_EQ(normalise_tracking_number(" ysq-2026-000123 "), "YSQ-2026-000123");
  EXPECT_FALSE(normalise_tracking_number("YSQ-2026-00012A"));
  EXPECT_FALSE(normalise_tracking_number("2026-000123"));
  EXPECT_EQ(normalise_query_code("abcd-efgh-jk"), "ABCDEFGHJK");
  EXPECT_FALSE(normalise_query_code("ABCDEFGHJ0")) << "0 is not in the alphabet";
  EXPECT_FALSE(normalise_query_code("ABC"));
}

TEST(RequestCodes, RoundTrip) {
  for (auto k : {RequestEventKind::RequestCorrection, RequestEventKind::Reply, RequestEventKind::Withdraw})
    EXPECT_EQ(request_event_kind_from(to_code(k)), k);
  for (auto k : kOrganisationKinds) EXPECT_EQ(organisation_kind_from(to_code(k)), k);
  EXPECT_FALSE(id_type_from("x"));
  EXPECT_EQ(request_state_from("consulting_third_party"), RequestState::ConsultingThirdParty);
}

TEST(ReplyLetterWording, LegalBasisAndRemedy) {
  EXPECT_EQ(default_legal_basis(ReplyOutcome::StateSecret), "《中华人民共和国政府信息公开条例》第十四条");
  EXPECT_EQ(default_legal_basis(ReplyOutcome::PartiallyDisclosed), "《中华人民共和国政府信息公开条例》第三十七条");
  EXPECT_EQ(default_legal_basis(ReplyOutcome::Other), "《中华人民共和国政府信息公开条例》第三十六条");
  EXPECT_NE(remedy_notice().find("60日内"), std::string::npos);
  EXPECT_NE(remedy_notice().find("6个月内"), std::string::npos);
  for (const auto& i : all_reply_outcomes()) EXPECT_FALSE(outcome_statement(i.outcome).empty()) << i.code;
  EXPECT_NE(outcome_statement(ReplyOutcome::StateSecret).find("属于国家秘密"), std::string::npos);
}

}  // namespace
}  // namespace zwgk::domain
