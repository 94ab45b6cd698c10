#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "domain/index_number.hpp"

using namespace zwgk::domain;

namespace {
Date d(const char* iso) { return *Date::parse(iso); }
}  // namespace

TEST(IndexNumber, DefaultPatternMatchesStateCouncilExample) {
  const IndexNumberTemplate t{"{org}/{year}-{serial:5}"};
  EXPECT_FALSE(IndexNumberTemplate::validate(t.pattern));
  EXPECT_EQ(t.format("000014349", d("2017-05-02"), 110), "000014349/2017-00110");  // 国务院办公厅
  EXPECT_EQ(t.format("11441700007280420Y", d("2021-03-09"), 50),
            "11441700007280420Y/2021-00050");  // 阳江市政府办
}

TEST(IndexNumber, YearMonthVariant) {
  const IndexNumberTemplate t{"{org}/{year}{month}-{serial:5}"};
  EXPECT_FALSE(IndexNumberTemplate::validate(t.pattern));
  EXPECT_EQ(t.format("11341702486344515H", d("2021-10-20"), 13), "11341702486344515H/202110-00013");
}

TEST(IndexNumber, HyphenVariantWithSixDigitSerial) {
  const IndexNumberTemplate t{"{org}-{year}-{serial:6}"};
  EXPECT_FALSE(IndexNumberTemplate::validate(t.pattern));
  EXPECT_EQ(t.format("01527918X", d("2020-08-01"), 153077), "01527918X-2020-153077");
}

TEST(IndexNumber, SerialWiderThanPaddingIsNotTruncated) {
  const IndexNumberTemplate t{"{org}/{year}-{serial:3}"};
  EXPECT_EQ(t.format("000014349", d("2017-01-01"), 12345), "000014349/2017-12345");
  EXPECT_EQ(t.format("000014349", d("2017-01-01"), 7), "000014349/2017-007");
}

TEST(IndexNumber, ValidateRejectsBadPatterns) {
  EXPECT_TRUE(IndexNumberTemplate::validate(""));
  EXPECT_TRUE(IndexNumberTemplate::validate("{year}-{serial:5}"));        // no {org}
  EXPECT_TRUE(IndexNumberTemplate::validate("{org}/{year}"));             // no serial
  EXPECT_TRUE(IndexNumberTemplate::validate("{org}/{yr}-{serial:5}"));    // unknown
  EXPECT_TRUE(IndexNumberTemplate::validate("{org}/{year-{serial:5}"));   // unbalanced
  EXPECT_TRUE(IndexNumberTemplate::validate("{org}/year}-{serial:5}"));   // unbalanced
  EXPECT_TRUE(IndexNumberTemplate::validate("{org}/{year}-{serial:5"));   // unclosed
  EXPECT_TRUE(IndexNumberTemplate::validate("{org}/{serial:0}"));         // width 0
  EXPECT_TRUE(IndexNumberTemplate::validate("{org}/{serial:x}"));
  EXPECT_TRUE(IndexNumberTemplate::validate("{org}/{serial:5}-{serial:5}"));
  EXPECT_FALSE(IndexNumberTemplate::validate("{org}/{serial}"));
}

TEST(IndexNumber, ValidateMessagesAreChinese) {
  const auto missing_org = IndexNumberTemplate::validate("{year}-{serial:5}");
  ASSERT_TRUE(missing_org);
  EXPECT_NE(missing_org->find("机构代码"), std::string::npos);
  const auto unknown = IndexNumberTemplate::validate("{org}/{foo}-{serial:5}");
  ASSERT_TRUE(unknown);
  EXPECT_NE(unknown->find("未知占位符"), std::string::npos);
  EXPECT_NE(unknown->find("{foo}"), std::string::npos);
  const auto unbalanced = IndexNumberTemplate::validate("{org/{serial:5}");
  ASSERT_TRUE(unbalanced);
  EXPECT_NE(unbalanced->find("花括号"), std::string::npos);
}

TEST(IndexNumber, NeverGeneratedWithoutAValidOrgCode) {
  const IndexNumberTemplate t{"{org}/{year}-{serial:5}"};
  EXPECT_THROW(t.format("", d("2017-05-02"), 1), ValidationError);
  EXPECT_THROW(t.format("000014348", d("2017-05-02"), 1), ValidationError);  // wrong check char
  EXPECT_THROW(t.format("000014349", d("2017-05-02"), 0), ValidationError);
  const IndexNumberTemplate bad{"{year}-{serial:5}"};
  EXPECT_THROW(bad.format("000014349", d("2017-05-02"), 1), ValidationError);
}

TEST(IndexNumber, SerialScopeIsPerOrgAndYearOrMonth) {
  const IndexNumberTemplate yearly{"{org}/{year}-{serial:5}"};
  EXPECT_EQ(yearly.serial_scope("000014349", d("2017-05-02")), "000014349|2017");
  EXPECT_EQ(yearly.serial_scope("000014349", d("2017-12-31")), yearly.serial_scope("000014349", d("2017-01-01")));
  const IndexNumberTemplate monthly{"{org}/{year}{month}-{serial:5}"};
  EXPECT_EQ(monthly.serial_scope("11341702486344515H", d("2021-10-20")), "11341702486344515H|2021-10");
  EXPECT_NE(monthly.serial_scope("11341702486344515H", d("2021-11-01")),
            monthly.serial_scope("11341702486344515H", d("2021-10-31")));
}

TEST(OrgCode, AcceptsRealUnifiedSocialCreditCodes) {
  EXPECT_TRUE(is_valid_org_code("91350100M000100Y43"));
  EXPECT_TRUE(is_valid_org_code("11441700007280420Y"));
  EXPECT_TRUE(is_valid_org_code("11341702486344515H"));
  EXPECT_TRUE(is_valid_org_code("114305000069675548"));  // the example in index_number.hpp
}

TEST(OrgCode, RejectsWrongUsccCheckCharacter) {
  EXPECT_FALSE(is_valid_org_code("91350100M000100Y42"));
  EXPECT_FALSE(is_valid_org_code("11441700007280420X"));
  EXPECT_FALSE(is_valid_org_code("91350100M000100Y4"));    // 17 chars
  EXPECT_FALSE(is_valid_org_code("91350100M000100Y433"));  // 19 chars
  EXPECT_FALSE(is_valid_org_code("91350100I000100Y43"));   // I is not in the GB 32100 charset
  EXPECT_FALSE(is_valid_org_code("91350100m000100Y43"));   // lower case
}

TEST(OrgCode, AcceptsNineCharacterOrganisationCodes) {
  EXPECT_TRUE(is_valid_org_code("000014349"));  // 国务院办公厅
  EXPECT_TRUE(is_valid_org_code("01527918X"));  // check character X (10)
  EXPECT_TRUE(is_valid_org_code("007280420"));  // embedded in 11441700007280420Y; check 0 (11)
  EXPECT_FALSE(is_valid_org_code("000014340"));
  EXPECT_FALSE(is_valid_org_code("01527918-X"));
  EXPECT_FALSE(is_valid_org_code("0152791 8X"));
  EXPECT_FALSE(is_valid_org_code(""));
}
