#include <gtest/gtest.h>

#include "domain/document.hpp"

using namespace zwgk::domain;

TEST(DocumentLabels, DisclosureFormUsesOfficialWording) {
  EXPECT_EQ(to_label(DisclosureForm::Proactive), "主动公开");
  EXPECT_EQ(to_label(DisclosureForm::OnRequest), "依申请公开");
  EXPECT_EQ(to_label(DisclosureForm::NotDisclosed), "不予公开");
}

TEST(DocumentLabels, ValidityUsesOfficialWording) {
  EXPECT_EQ(to_label(Validity::Valid), "有效");
  EXPECT_EQ(to_label(Validity::Expired), "失效");
  EXPECT_EQ(to_label(Validity::Repealed), "废止");
  EXPECT_EQ(to_label(Validity::Amended), "已修订");
  EXPECT_EQ(to_label(Validity::NotYetEffective), "尚未生效");
}

TEST(DocumentLabels, DisclosureFormParsesLabelsShortFormsAndCodes) {
  for (auto f : {DisclosureForm::Proactive, DisclosureForm::OnRequest, DisclosureForm::NotDisclosed}) {
    EXPECT_EQ(disclosure_form_from(to_label(f)), f);
    EXPECT_EQ(disclosure_form_from(to_code(f)), f);
  }
  EXPECT_EQ(disclosure_form_from("主动"), DisclosureForm::Proactive);  // as printed on the seed page
  EXPECT_EQ(disclosure_form_from(" 主动公开 "), DisclosureForm::Proactive);
  EXPECT_EQ(disclosure_form_from("依申请"), DisclosureForm::OnRequest);
  EXPECT_EQ(disclosure_form_from("on_request"), DisclosureForm::OnRequest);
  EXPECT_FALSE(disclosure_form_from(""));
  EXPECT_FALSE(disclosure_form_from("公开"));
  EXPECT_FALSE(disclosure_form_from("Proactive"));
}

TEST(DocumentLabels, ValidityRoundTrips) {
  for (auto v : {Validity::Valid, Validity::Expired, Validity::Repealed, Validity::Amended,
                 Validity::NotYetEffective}) {
    EXPECT_EQ(validity_from(to_label(v)), v);
    EXPECT_EQ(validity_from(to_code(v)), v);
  }
  EXPECT_EQ(to_code(Validity::NotYetEffective), "not_yet_effective");
  EXPECT_EQ(validity_from("现行有效"), Validity::Valid);
  EXPECT_FALSE(validity_from("unknown"));
}

TEST(DocumentLabels, StateAndKindCodesRoundTrip) {
  for (auto s : {DocumentState::Draft, DocumentState::Published, DocumentState::Withdrawn})
    EXPECT_EQ(document_state_from(to_code(s)), s);
  for (auto k : {DocumentKind::Document, DocumentKind::Interpretation})
    EXPECT_EQ(document_kind_from(to_code(k)), k);
  EXPECT_EQ(to_code(DocumentState::Withdrawn), "withdrawn");
  EXPECT_EQ(to_code(DocumentKind::Interpretation), "interpretation");
  EXPECT_EQ(to_label(DocumentKind::Interpretation), "政策解读");
  EXPECT_FALSE(document_state_from("deleted"));
  EXPECT_FALSE(document_kind_from(""));
}
