#include "domain/org_code.hpp"

#include <gtest/gtest.h>

#include "domain/index_number.hpp"

using namespace zwgk::domain;

// Real codes: 国务院办公厅 000014349, 01527918X; the credit codes of two municipal offices.
TEST(OrgCode, OrganisationCodeCheckCharacterOfGb11714) {
  EXPECT_EQ(organisation_code_check_character("00001434"), '9');
  EXPECT_EQ(organisation_code_check_character("01527918"), 'X');
  EXPECT_EQ(organisation_code_check_character("0000143"), std::nullopt);    // too short
  EXPECT_EQ(organisation_code_check_character("0000143a"), std::nullopt);   // lower case
}

TEST(OrgCode, CreditCodeCheckCharacterOfGb32100) {
  EXPECT_EQ(credit_code_check_character("11441700007280420"), 'Y');
  EXPECT_EQ(credit_code_check_character("11341702486344515"), 'H');
  EXPECT_EQ(credit_code_check_character("1134170248634451I"), std::nullopt);  // I is not in the set
  EXPECT_EQ(credit_code_check_character("1134170248634451"), std::nullopt);
}

TEST(OrgCode, IsValidOrgCodeAgreesWithTheCheckCharacters) {
  EXPECT_TRUE(is_valid_org_code("000014349"));
  EXPECT_FALSE(is_valid_org_code("000014348"));
  EXPECT_TRUE(is_valid_org_code("11441700007280420Y"));
  EXPECT_FALSE(is_valid_org_code("11441700007280420X"));
  EXPECT_FALSE(is_valid_org_code("1144170000728042OY"));  // O is not in the set
}
