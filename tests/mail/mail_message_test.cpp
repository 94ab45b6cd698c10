// mail/mail_message.hpp: the bytes GMime writes, checked structurally; the round trip
// through a real SMTP server and Python's email package is in smtp_sender_test.cpp.
#include "mail/mail_message.hpp"

#include <gtest/gtest.h>

namespace zwgk::mail {
namespace {

MailMessage chinese_notice() {
  MailMessage m;
  m.from_address = "notices@example.gov.cn";
  m.from_name = "邵阳市人民政府办公室";
  m.to_address = "writer@example.com";
  m.subject = "您的来信已收到（信件编号 XX20261202001）";
  m.body = "张先生：\n\n您好！您的来信已收到。\n查询码请妥善保管。\n";
  m.date_unix = 1796187228;  // 2026-12-02T04:53:48Z
  m.message_id = "outbox.1.abc@example.gov.cn";
  return m;
}

std::string header_block(const std::string& bytes) { return bytes.substr(0, bytes.find("\r\n\r\n")); }

TEST(MailMessage, HeadersAreSevenBitAndEncodedAsRfc2047) {
  const auto bytes = build_message(chinese_notice());
  for (unsigned char c : bytes) ASSERT_LT(c, 0x80) << "a raw 8-bit byte in the message";
  const auto headers = header_block(bytes);
  EXPECT_NE(headers.find("Subject: =?"), std::string::npos) << headers;
  EXPECT_NE(headers.find("From: =?"), std::string::npos) << headers;
  EXPECT_NE(headers.find("<notices@example.gov.cn>"), std::string::npos) << headers;
  EXPECT_NE(headers.find("To: writer@example.com"), std::string::npos) << headers;
  EXPECT_NE(headers.find("MIME-Version: 1.0"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Message-Id: <outbox.1.abc@example.gov.cn>"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Date: Wed, 02 Dec 2026 04:53:48 +0000"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Content-Type: text/plain; charset=utf-8"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Content-Transfer-Encoding: base64"), std::string::npos) << headers;
  EXPECT_EQ(headers.find("Reply-To"), std::string::npos);
}

TEST(MailMessage, EveryLineEndsInCrlfAndNoLineIsLongerThanTheRfcLimit) {
  auto m = chinese_notice();
  m.subject = std::string(40, 'x') + "一个很长很长很长很长很长很长很长很长很长很长很长很长很长很长的标题";
  const auto bytes = build_message(m);
  std::size_t start = 0;
  while (start < bytes.size()) {
    const auto nl = bytes.find('\n', start);
    ASSERT_NE(nl, std::string::npos);
    ASSERT_GT(nl, 0u);
    ASSERT_EQ(bytes[nl - 1], '\r') << "bare LF at byte " << nl;
    EXPECT_LE(nl - 1 - start, 998u);  // RFC 5322 2.1.1
    start = nl + 1;
  }
}

TEST(MailMessage, ReplyToWhenGiven) {
  auto m = chinese_notice();
  m.reply_to = "office@example.gov.cn";
  EXPECT_NE(header_block(build_message(m)).find("Reply-To: office@example.gov.cn"), std::string::npos);
}

TEST(MailMessage, WithoutAMessageIdARandomOneAtTheSendersDomain) {
  auto m = chinese_notice();
  m.message_id.clear();
  const auto a = header_block(build_message(m));
  const auto b = header_block(build_message(m));
  EXPECT_NE(a.find("@example.gov.cn>"), std::string::npos) << a;
  EXPECT_NE(a, b);
}

TEST(MailMessage, RefusesWhatCannotBeAHeader) {
  auto m = chinese_notice();
  m.to_address = "writer@example.com\r\nBcc: everyone@example.com";
  EXPECT_THROW(build_message(m), MailError);
  m = chinese_notice();
  m.to_address.clear();
  EXPECT_THROW(build_message(m), MailError);
  m = chinese_notice();
  m.subject = "第一行\r\nBcc: x@example.com";
  EXPECT_THROW(build_message(m), MailError);
  m = chinese_notice();
  m.body = std::string("\xff\xfe not UTF-8");
  EXPECT_THROW(build_message(m), MailError);
  m = chinese_notice();
  m.message_id = "a b@c";
  EXPECT_THROW(build_message(m), MailError);
}

}  // namespace
}  // namespace zwgk::mail
