// 申请人: kinds in the annual-report order and the form's validation messages.
#include "modules/ysqgk/domain/applicant.hpp"

#include <gtest/gtest.h>

namespace {

using namespace zwgk::domain;
using Msgs = std::vector<std::string>;
// The injected clock: an ID number's birth date after it is impossible.
const Date kToday = *Date::parse("2026-06-30");

Applicant person() {
  Applicant a;
  a.kind = ApplicantKind::NaturalPerson;
  a.person = {"张三", IdType::ResidentIdCard, "11010519491231002X", "", "湖南省邵阳市大祥区宝庆路1号", "422000",
              "13800138000", "zhangsan@example.cn"};
  return a;
}

Applicant organisation() {
  Applicant a;
  a.kind = ApplicantKind::Organisation;
  a.organisation = {OrganisationKind::LegalServiceInstitution, "某某律师事务所", "91350100M000100Y43", "李四", "王五",
                    "0739-5321234", "", "邵阳市双清区某路2号", ""};
  return a;
}

TEST(Applicant, KindsInAnnualReportOrder) {
  EXPECT_EQ(to_label(ApplicantKind::NaturalPerson), "自然人");
  EXPECT_EQ(to_label(ApplicantKind::Organisation), "法人或其他组织");
  const std::vector<std::string> expected = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
  ASSERT_EQ(kOrganisationKinds.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(to_label(kOrganisationKinds[i]), expected[i]);
}

TEST(Applicant, ValidPersonAndOrganisation) {
  EXPECT_EQ(validate_applicant(person(), kToday), Msgs{});
  EXPECT_EQ(validate_applicant(organisation(), kToday), Msgs{});
  auto lower_x = person();
  lower_x.person.id_number = "11010519491231002x";
  EXPECT_EQ(validate_applicant(lower_x, kToday), Msgs{});
}

TEST(Applicant, PersonRequiredFields) {
  Applicant a;
  EXPECT_EQ(validate_applicant(a, kToday), (Msgs{"请填写姓名", "请填写证件号码", "请填写通信地址", "请填写联系电话"}));
}

TEST(Applicant, OrganisationRequiredFields) {
  Applicant a;
  a.kind = ApplicantKind::Organisation;
  EXPECT_EQ(validate_applicant(a, kToday), (Msgs{"请填写法人或其他组织名称", "请填写统一社会信用代码", "请填写法定代表人或者负责人",
                                         "请填写联系人姓名", "请填写联系电话", "请填写通信地址"}));
}

TEST(Applicant, FormatMessages) {
  auto a = person();
  a.person.id_number = "110105194912310021";  // wrong check digit
  a.person.postcode = "42200";
  a.person.phone = "12345";
  a.person.email = "zhangsan@";
  EXPECT_EQ(validate_applicant(a, kToday), (Msgs{"居民身份证号码不正确，请核对（18位，末位为校验码）", "邮政编码应为6位数字",
                                         "联系电话格式不正确，请填写手机号码或固定电话（如 0739-5321234）",
                                         "电子邮箱格式不正确"}));
}

TEST(Applicant, ResidentIdChecks) {
  auto a = person();
  for (const char* bad : {"11010519491231002", "1101051949123100XX", "110105194902310028", "A1010519491231002X"}) {
    a.person.id_number = bad;
    EXPECT_EQ(validate_applicant(a, kToday), Msgs{"居民身份证号码不正确，请核对（18位，末位为校验码）"}) << bad;
  }
  a.person.id_type = IdType::Passport;  // other documents: no check-digit rule
  a.person.id_number = "E12345678";
  EXPECT_EQ(validate_applicant(a, kToday), Msgs{});
}

TEST(Applicant, PhoneFormats) {
  auto a = person();
  for (const char* ok : {"13800138000", "0739-5321234", "07395321234", "010-62345678-801", "5321234"}) {
    a.person.phone = ok;
    EXPECT_EQ(validate_applicant(a, kToday), Msgs{}) << ok;
  }
  for (const char* bad : {"1380013800", "23800138000", "0739-532", "电话"}) {
    a.person.phone = bad;
    EXPECT_EQ(validate_applicant(a, kToday).size(), 1u) << bad;
  }
}

TEST(Applicant, CreditCodeChecked) {
  auto a = organisation();
  a.organisation.credit_code = "91350100M000100Y42";
  EXPECT_EQ(validate_applicant(a, kToday), Msgs{"统一社会信用代码不正确，请核对"});
}

}  // namespace

namespace {

using namespace zwgk::domain;

// GB 11643-1999 check character for the first 17 digits.
std::string with_check(std::string_view first17) {
  static constexpr int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view check = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * w[i];
  return std::string(first17) + check[static_cast<std::size_t>(sum % 11)];
}

// The birth date inside the number is checked against the clock the caller injects, not the
// machine's: a test (or a registration dated in the past) gives the same answer every day.
TEST(Applicant, BirthDateAfterTodayIsRefusedOnTheInjectedClock) {
  auto a = person();
  a.person.id_number = with_check("43050220260801123");
  EXPECT_EQ(validate_applicant(a, kToday), Msgs{"居民身份证号码不正确，请核对（18位，末位为校验码）"});
  EXPECT_EQ(validate_applicant(a, *Date::parse("2026-08-01")), Msgs{});
}

}  // namespace
