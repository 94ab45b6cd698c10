#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/index_number.hpp"
#include "domain/privacy_scan.hpp"

using namespace zwgk::domain;

namespace {

// Independent re-implementations so the test data is valid by construction.
std::string with_id_check(const std::string& first17) {
  static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * w[i];
  return first17 + "10X98765432"[sum % 11];
}
std::string with_luhn(const std::string& body) {
  int sum = 0;
  bool twice = true;  // the digit left of the check digit is doubled
  for (auto it = body.rbegin(); it != body.rend(); ++it, twice = !twice) {
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + static_cast<char>('0' + (10 - sum % 10) % 10);
}
std::string with_wrong_luhn(const std::string& body) {
  std::string s = with_luhn(body);
  s.back() = s.back() == '9' ? '0' : static_cast<char>(s.back() + 1);
  return s;
}
std::string full_width(const std::string& ascii) {
  std::string out;
  for (char c : ascii) {
    if (c >= '0' && c <= '9') {
      out += "\xEF\xBC";
      out += static_cast<char>(0x90 + (c - '0'));
    } else if (c == 'X') {
      out += "\xEF\xBC\xB8";
    } else {
      out += c;
    }
  }
  return out;
}

PrivacyScanOptions opts(std::vector<std::string> words = {}) {
  PrivacyScanOptions o;
  o.sensitive_words = std::move(words);
  o.today = Date::parse("2026-11-27");
  return o;
}

std::vector<PrivacyFinding> scan(const std::string& text, std::vector<std::string> words = {}) {
  auto found = scan_privacy(text, opts(std::move(words)));
  for (const auto& f : found) {
    EXPECT_LT(f.begin, f.end);
    EXPECT_EQ(text.substr(f.begin, f.end - f.begin), f.text) << "offsets must point at the original bytes";
    EXPECT_EQ(f.context.substr(f.context_match, f.text.size()), f.text) << "context shows the match";
  }
  return found;
}

const std::string kId = with_id_check("43050219900101123");  // 湖南邵阳 1990-01-01

}  // namespace

// ---- resident ID, 18 digits -------------------------------------------------------------

TEST(PrivacyScan, Gb11643SampleWithXIsFoundAndMasked) {
  ASSERT_EQ(resident_id_check_char("11010519491231002"), 'X');  // the standard's own example
  auto f = scan("申请人身份证号码11010519491231002X。");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, PrivacyKind::ResidentId);
  EXPECT_EQ(f[0].text, "11010519491231002X");
  EXPECT_EQ(f[0].masked, "110105********002X");
  EXPECT_EQ(to_label(f[0].kind), "身份证号码");

  auto lower = scan("11010519491231002x");
  ASSERT_EQ(lower.size(), 1u);
  EXPECT_EQ(lower[0].masked, "110105********002x");
}

TEST(PrivacyScan, IdAndMobileNextToChineseAreBothFoundAtTheirBytes) {
  const std::string text = "身份证号" + kId + "，电话13812345678";
  auto f = scan(text);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, PrivacyKind::ResidentId);
  EXPECT_EQ(f[0].begin, std::string("身份证号").size());
  EXPECT_EQ(f[0].end, f[0].begin + 18);
  EXPECT_EQ(f[0].masked, "430502********" + kId.substr(14));
  EXPECT_EQ(f[1].kind, PrivacyKind::MobilePhone);
  EXPECT_EQ(f[1].begin, text.size() - 11);
  EXPECT_EQ(f[1].masked, "138****5678");
}

TEST(PrivacyScan, ComputedIdsAcrossDecadesAndLeapDay) {
  for (const std::string body : {"11010119000101001", "44030620000229512", "65010219851231002",
                                 "81000019991010123", "13010220261127001"}) {
    const std::string id = with_id_check(body);
    auto f = scan("编号 " + id + " 止");
    ASSERT_EQ(f.size(), 1u) << id;
    EXPECT_EQ(f[0].text, id);
    EXPECT_TRUE(is_valid_resident_id(id, *Date::parse("2026-11-27")));
  }
}

TEST(PrivacyScan, WrongCheckDigitIsNotAnId) {
  const std::string right = with_id_check("43050219900101123");
  for (char c : std::string("0123456789X")) {
    if (c == right.back()) continue;
    const std::string wrong = right.substr(0, 17) + c;
    auto f = scan("身份证号" + wrong);
    // Never an ID; an all-digit 18-digit run that passes Luhn is still reported, as a card.
    if (c == 'X' || !luhn_valid(wrong)) {
      EXPECT_TRUE(f.empty()) << wrong;
    } else {
      ASSERT_EQ(f.size(), 1u) << wrong;
      EXPECT_EQ(f[0].kind, PrivacyKind::BankCard) << wrong;
    }
  }
}

TEST(PrivacyScan, ImpossibleBirthDateOrRegionIsNotAnId) {
  for (const std::string body : {"43050219901301123",    // month 13
                                 "43050219900132123",    // day 32
                                 "43050219010229123",    // 1901-02-29 does not exist
                                 "43050218991231123",    // before 1900
                                 "43050220261128123",    // tomorrow
                                 "43050220300101123",    // future
                                 "99050219900101123",    // no province 99
                                 "00050219900101123"}) {
    const std::string id = with_id_check(body);
    EXPECT_TRUE(scan("身份证号" + id + "。").empty()) << id;
  }
}

// ---- resident ID, 15 digits -------------------------------------------------------------

TEST(PrivacyScan, FifteenDigitIdWithRealDate) {
  auto f = scan("旧身份证430502900101123，");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, PrivacyKind::ResidentId15);
  EXPECT_EQ(f[0].masked, "430502******123");
  EXPECT_TRUE(scan("旧身份证430502901301123，").empty());  // month 13
  EXPECT_TRUE(scan("旧身份证430502900230123，").empty());  // 02-30
}

// ---- mobile -----------------------------------------------------------------------------

TEST(PrivacyScan, MobileForms) {
  struct Case {
    std::string text, match, masked;
  };
  const std::vector<Case> cases = {
      {"电话13812345678。", "13812345678", "138****5678"},
      {"电话 199 0000 1111 联系", "199 0000 1111", "199 **** 1111"},
      {"电话138-1234-5678", "138-1234-5678", "138-****-5678"},
      {"Tel +8613812345678", "+8613812345678", "+86138****5678"},
      {"Tel: +86 138 1234 5678;", "+86 138 1234 5678", "+86 138 **** 5678"},
      {"Tel: +86-13812345678", "+86-13812345678", "+86-138****5678"},
      {"电话8613812345678", "8613812345678", "86138****5678"},
      {"电话86-138-1234-5678", "86-138-1234-5678", "86-138-****-5678"},
      {"电话0086 13812345678", "0086 13812345678", "0086 138****5678"},
      {"电话：0739-5363114/13907391234", "13907391234", "139****1234"},
  };
  for (const auto& c : cases) {
    auto f = scan(c.text);
    ASSERT_EQ(f.size(), 1u) << c.text;
    EXPECT_EQ(f[0].kind, PrivacyKind::MobilePhone) << c.text;
    EXPECT_EQ(f[0].text, c.match) << c.text;
    EXPECT_EQ(f[0].masked, c.masked) << c.text;
  }
}

TEST(PrivacyScan, NotMobile) {
  for (const std::string t : {"12812345678",            // second digit 2
                              "138123456789",           // 12 digits
                              "订单1381234567890号",    // inside a longer number
                              "138-1234-5678-9",        // continues
                              "abc13812345678",         // glued to letters
                              "138 1234 56789"}) {
    EXPECT_TRUE(scan(t).empty()) << t;
  }
}

// ---- bank card --------------------------------------------------------------------------

TEST(PrivacyScan, BankCardsPassingLuhn) {
  const std::string c16 = with_luhn("622202123456789");
  const std::string c19 = with_luhn("621700123456789012");
  ASSERT_TRUE(luhn_valid("4111111111111111"));  // a well-known test number
  auto f = scan("补贴发放至卡号" + c16 + "，" + c19 + "及4111111111111111");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].kind, PrivacyKind::BankCard);
  EXPECT_EQ(f[0].text, c16);
  EXPECT_EQ(f[0].masked, "************" + c16.substr(12));
  EXPECT_EQ(f[1].masked, std::string(15, '*') + c19.substr(15));
  EXPECT_EQ(f[2].masked, "************1111");

  const std::string grouped = "6222 0212 3456 789" + c16.substr(15);
  auto g = scan("账号：" + grouped + "。");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].text, grouped);
  EXPECT_EQ(g[0].masked, "**** **** **** 789" + c16.substr(15));

  const std::string grouped19 = c19.substr(0, 4) + " " + c19.substr(4, 4) + " " + c19.substr(8, 4) + " " +
                                c19.substr(12, 4) + " " + c19.substr(16);
  auto g19 = scan("账号 " + grouped19);
  ASSERT_EQ(g19.size(), 1u);
  EXPECT_EQ(g19[0].masked, "**** **** **** ***" + c19.substr(15, 1) + " " + c19.substr(16));
}

TEST(PrivacyScan, NotBankCards) {
  EXPECT_TRUE(scan("卡号" + with_wrong_luhn("622202123456789")).empty());
  EXPECT_TRUE(scan("编号" + with_luhn("022202123456789")).empty());  // leading 0
  // 20 digits in groups of 4: whichever Luhn says, not a card, nor its last 16.
  for (char d = '0'; d <= '9'; ++d) {
    const std::string s = "6222 0212 3456 7890 123" + std::string(1, d);
    EXPECT_TRUE(scan(s).empty()) << s;
  }
}

// ---- e-mail -----------------------------------------------------------------------------

TEST(PrivacyScan, Emails) {
  auto f = scan("联系邮箱：zhangsan@example.com。");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, PrivacyKind::Email);
  EXPECT_EQ(f[0].text, "zhangsan@example.com");
  EXPECT_EQ(f[0].masked, "z***@example.com");

  auto dot = scan("mail Li.Si_2@mail.shaoyang.gov.cn.");
  ASSERT_EQ(dot.size(), 1u);
  EXPECT_EQ(dot[0].text, "Li.Si_2@mail.shaoyang.gov.cn");
  EXPECT_EQ(dot[0].masked, "L***@mail.shaoyang.gov.cn");

  // A phone number used as the mailbox name is one finding, the e-mail.
  auto qq = scan("邮箱13812345678@qq.com");
  ASSERT_EQ(qq.size(), 1u);
  EXPECT_EQ(qq[0].kind, PrivacyKind::Email);
  EXPECT_EQ(qq[0].masked, "1***@qq.com");

  for (const std::string t : {"a@b", "@example.com", "user@localhost", "user@example.c0m", "x@.com"})
    EXPECT_TRUE(scan(t).empty()) << t;
}

// ---- what is NOT personal data ----------------------------------------------------------

TEST(PrivacyScan, NoFalseAlarmsOnGovernmentPageContent) {
  const std::string page =
      "统一社会信用代码：91350100M000100Y43，11430500006967558Q；"
      "联系电话：0739-5363114，(0739)5363114，0739-53631140，服务热线400-800-1234，12345热线；"
      "文号：邵政办发〔2017〕12号；索引号：114305000069675548/2017-00001；"
      "成文日期20170510，邮编422000，金额1,234,567.89元，项目编号12345678901234567890。";
  EXPECT_TRUE(scan(page).empty());
}

TEST(PrivacyScan, DigitCreditCodeIsNeitherIdNorCard) {
  // All-digit 统一社会信用代码 (GB 32100 check passes): standalone, it is not reported.
  ASSERT_TRUE(is_valid_org_code("114305000069675548"));
  EXPECT_TRUE(scan("统一社会信用代码 114305000069675548 ").empty());
  // One that also passes Luhn would look like an 18-digit card: still not reported.
  ASSERT_TRUE(is_valid_org_code("114305006967552405"));
  ASSERT_TRUE(luhn_valid("114305006967552405"));
  EXPECT_TRUE(scan("统一社会信用代码：114305006967552405。").empty());
}

TEST(PrivacyScan, IndexNumberWhoseOrgPartPassesTheIdCheckIsNotFlagged) {
  // The same 18 digits: standalone they are an ID; as the org part of a 索引号 they are not.
  ASSERT_EQ(scan("证件 " + kId).size(), 1u);
  EXPECT_TRUE(scan("索引号：" + kId + "/2017-00001").empty());
  const std::string card = with_luhn("622202123456789");
  EXPECT_TRUE(scan("索引号：" + card + "/2017-00001").empty());
}

TEST(PrivacyScan, IdInsideLongerTokensIsNotAnId) {
  EXPECT_TRUE(scan("12" + kId).empty());                 // 20-digit number
  EXPECT_TRUE(scan("编号" + with_wrong_luhn(kId)).empty());  // 19 digits, failing Luhn
  EXPECT_TRUE(scan("AB" + kId).empty());                 // letters before
  EXPECT_TRUE(scan(kId + "abc").empty());                // letters after
  EXPECT_TRUE(scan("2017-" + kId).empty());              // part of a hyphenated number
  EXPECT_TRUE(scan(kId + ".5").empty());                 // a decimal
}

// ---- full-width digits ------------------------------------------------------------------

TEST(PrivacyScan, FullWidthDigitsAreFoundWithOriginalOffsets) {
  const std::string fw_id = full_width("11010519491231002X");
  const std::string fw_mobile = full_width("13812345678");
  const std::string text = "身份证号：" + fw_id + "，手机：" + fw_mobile;
  auto f = scan(text);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, PrivacyKind::ResidentId);
  EXPECT_EQ(f[0].begin, std::string("身份证号：").size());
  EXPECT_EQ(f[0].end - f[0].begin, 18u * 3);
  EXPECT_EQ(f[0].masked, full_width("110105") + "********" + full_width("002X"));
  EXPECT_EQ(f[1].kind, PrivacyKind::MobilePhone);
  EXPECT_EQ(f[1].end, text.size());
  EXPECT_EQ(f[1].masked, full_width("138") + "****" + full_width("5678"));
  EXPECT_EQ(mask_all(text, f), "身份证号：" + f[0].masked + "，手机：" + f[1].masked);
}

// ---- context ----------------------------------------------------------------------------

TEST(PrivacyScan, ContextIsTwentyCharactersEitherSideOnCharacterBoundaries) {
  std::string before, after;
  for (int i = 0; i < 30; ++i) before += "前";
  for (int i = 0; i < 30; ++i) after += "后";
  const std::string text = before + "13812345678" + after;
  auto f = scan(text);
  ASSERT_EQ(f.size(), 1u);
  std::string b20, a20;
  for (int i = 0; i < 20; ++i) b20 += "前", a20 += "后";
  EXPECT_EQ(f[0].context, b20 + "13812345678" + a20);
  EXPECT_EQ(f[0].context_match, b20.size());

  // Near the edges the context stops at the text's ends; line breaks read as spaces.
  auto edge = scan("电话\n13812345678\n完");
  ASSERT_EQ(edge.size(), 1u);
  EXPECT_EQ(edge[0].context, "电话 13812345678 完");
  EXPECT_EQ(edge[0].context_match, std::string("电话 ").size());
}

// ---- sensitive words --------------------------------------------------------------------

TEST(PrivacyScan, SensitiveWordsCaseInsensitiveAndOverlapping) {
  const std::string text = "本件涉及国家秘密，经VPN传输，vpn账号见附件。";
  auto f = scan(text, {"秘密", "国家秘密", "VpN", "  ", "秘密"});
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].word, "国家秘密");
  EXPECT_EQ(f[0].masked, "****");
  EXPECT_EQ(f[1].word, "秘密");
  EXPECT_EQ(f[1].text, "秘密");
  EXPECT_EQ(f[2].text, "VPN");
  EXPECT_EQ(f[3].text, "vpn");
  EXPECT_EQ(f[3].word, "VpN");
  EXPECT_EQ(to_label(f[3].kind), "敏感词");
  EXPECT_EQ(mask_all(text, f), "本件涉及****，经***传输，***账号见附件。");
}

TEST(PrivacyScan, PartlyOverlappingWordsAreMaskedAsTheirUnion) {
  const std::string text = "甲乙丙丁";
  auto f = scan(text, {"甲乙", "乙丙"});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(mask_all(text, f), "***丁");
}

// ---- mask_all ---------------------------------------------------------------------------

TEST(PrivacyScan, MaskAllOnAParagraph) {
  const std::string card = with_luhn("622202123456789");
  const std::string text = "经审核，张三（身份证号" + kId + "，联系电话138-1234-5678，邮箱zhangsan@example.com，"
                           "银行卡号" + card + "）符合条件，属内部资料。咨询电话：0739-5363114。";
  auto f = scan(text, {"内部资料"});
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(mask_all(text, f), "经审核，张三（身份证号430502********" + kId.substr(14) +
                                   "，联系电话138-****-5678，邮箱z***@example.com，银行卡号************" +
                                   card.substr(12) + "）符合条件，属****。咨询电话：0739-5363114。");
  EXPECT_TRUE(scan(mask_all(text, f)).empty()) << "masked text has nothing left to find";
}

TEST(PrivacyScan, MaskAllIgnoresStaleFindings) {
  auto f = scan("电话13812345678");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(mask_all("电话13999999999", f), "电话13999999999");
  EXPECT_EQ(mask_all("短", f), "短");
  EXPECT_EQ(mask_all("电话13812345678", {}), "电话13812345678");
}

// ---- robustness -------------------------------------------------------------------------

TEST(PrivacyScan, TwoMegabytesScanLinearly) {
  const std::string para = "经审核，张三（身份证号" + kId + "，电话13812345678，邮箱a@b.cn）符合条件，属内部资料。\n";
  std::string text;
  std::size_t copies = 0;
  while (text.size() < 2 * 1024 * 1024) text += para, ++copies;
  auto f = scan_privacy(text, opts({"内部资料", "秘密"}));
  EXPECT_EQ(f.size(), copies * 4);

  // Pathological inputs: one long digit run, long runs of '@' and of local-part characters.
  EXPECT_TRUE(scan_privacy(std::string(2 * 1024 * 1024, '7'), opts()).empty());
  EXPECT_TRUE(scan_privacy(std::string(2 * 1024 * 1024, '@'), opts()).empty());
  std::string dots;
  while (dots.size() < 2 * 1024 * 1024) dots += "a.@";
  EXPECT_TRUE(scan_privacy(dots, opts()).empty());
  std::string spaced;
  while (spaced.size() < 2 * 1024 * 1024) spaced += "1234 ";
  EXPECT_TRUE(scan_privacy(spaced, opts()).empty());
}

TEST(PrivacyScan, InvalidUtf8DoesNotBreakOffsets) {
  const std::string text = std::string("\xFF\xFE") + "13812345678" + "\xE4\xB8";
  auto f = scan(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].begin, 2u);
  EXPECT_EQ(mask_all(text, f), std::string("\xFF\xFE") + "138****5678" + "\xE4\xB8");
}
