// domain/email_address.hpp: the one syntax check for e-mail addresses and the staff mask.
#include "domain/email_address.hpp"

#include <gtest/gtest.h>

namespace zwgk::domain {
namespace {

TEST(EmailAddress, AcceptsPlainAddresses) {
  for (const char* ok : {"zhang.san@example.com", "a@b.cn", "x_y+tag@mail.example.gov.cn", "12345@qq.com",
                         "o'brien@example.ie", "a-b@sub-domain.example.com"})
    EXPECT_TRUE(is_valid_email_address(ok)) << ok;
}

TEST(EmailAddress, RefusesWhatIsNotAPlainAddress) {
  for (const char* bad : {"", "zhang", "@example.com", "zhang@", "zhang@example", "zhang@@example.com",
                          "zhang san@example.com", ".zhang@example.com", "zhang.@example.com", "a..b@example.com",
                          "a@-example.com", "a@example-.com", "a@example..com", "a@1.2.3.4", "a@[10.0.0.1]",
                          "\"a b\"@example.com", "张三@example.com", "a@例子.中国", "a@b.com\r\nBcc: x@y.com",
                          "Zhang <a@example.com>", "a@example.com,b@example.com"})
    EXPECT_FALSE(is_valid_email_address(bad)) << bad;
  EXPECT_FALSE(is_valid_email_address(std::string(65, 'a') + "@example.com")) << "local part over 64";
  EXPECT_TRUE(is_valid_email_address(std::string(64, 'a') + "@example.com"));
  EXPECT_FALSE(is_valid_email_address("a@" + std::string(64, 'b') + ".com")) << "label over 63";
}

TEST(EmailAddress, MaskKeepsTheFirstCharacterAndTheDomain) {
  EXPECT_EQ(masked_email_address("zhang.san@example.com"), "z***@example.com");
  EXPECT_EQ(masked_email_address("a@b.cn"), "a***@b.cn");
  EXPECT_EQ(masked_email_address("not an address"), "***");
  EXPECT_EQ(masked_email_address(""), "***");
}

}  // namespace
}  // namespace zwgk::domain
