// mail/smtp_sender.hpp against a real SMTP server on loopback (tests/tools/smtp_sink.py):
// what arrives decodes back to the text that was sent.
#include "mail/smtp_sender.hpp"

#include <gtest/gtest.h>

#include "mail/mail_message.hpp"
#include "support/smtp_sink.hpp"

namespace zwgk::mail {
namespace {

SmtpSettings loopback(int port) {
  SmtpSettings s;
  s.host = "127.0.0.1";
  s.port = port;
  s.security = SmtpSecurity::None;
  s.timeout_seconds = 10;
  return s;
}

TEST(SmtpSender, AChineseMessageArrivesAndDecodesToTheSameText) {
  test::SmtpSink sink;
  MailMessage m;
  m.from_address = "notices@example.gov.cn";
  m.from_name = "邵阳市人民政府办公室";
  m.to_address = "writer@example.com";
  m.to_name = "张三";
  m.reply_to = "office@example.gov.cn";
  m.subject = "您的来信已收到：关于“城南路灯不亮”的反映（信件编号 XX20261202001）";
  m.body = "张先生：\n\n您好！您于2026年12月2日写给市长信箱的来信已收到。\n"
           ".以点开头的一行也原样送达\n查询码请妥善保管。\n\n邵阳市人民政府办公室\n";
  m.date_unix = 1796187228;
  m.message_id = "outbox.7.f00d@example.gov.cn";

  const auto r = send_message(loopback(sink.port()), m.from_address, m.to_address, build_message(m));
  ASSERT_TRUE(r.ok) << r.error;
  const auto got = sink.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  const auto& mail = got[0];
  EXPECT_TRUE(mail.defects.empty());
  EXPECT_EQ(mail.mail_from, "notices@example.gov.cn");
  EXPECT_EQ(mail.rcpt_tos, std::vector<std::string>{"writer@example.com"});
  EXPECT_EQ(mail.subject, m.subject);
  EXPECT_EQ(mail.from, "邵阳市人民政府办公室 <notices@example.gov.cn>");
  EXPECT_EQ(mail.to, "张三 <writer@example.com>");
  EXPECT_EQ(mail.reply_to, "office@example.gov.cn");
  EXPECT_EQ(mail.message_id, "<outbox.7.f00d@example.gov.cn>");
  EXPECT_EQ(mail.mime_version, "1.0");
  EXPECT_EQ(mail.content_type, "text/plain");
  EXPECT_EQ(mail.charset, "utf-8");
  EXPECT_EQ(mail.transfer_encoding, "base64");
  EXPECT_EQ(test::lf_lines(mail.body), m.body);
}

TEST(SmtpSender, NoServerIsAOneLineErrorNotAnException) {
  const int port = test::free_port();
  SmtpSettings s = loopback(port);
  s.timeout_seconds = 5;
  const auto r = send_message(s, "a@example.gov.cn", "b@example.com", "Subject: x\r\n\r\nx\r\n");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.server_unavailable);
  EXPECT_FALSE(r.error.empty());
  EXPECT_EQ(r.error.find('\n'), std::string::npos);
  EXPECT_EQ(r.error.find("b@example.com"), std::string::npos);
}

TEST(SmtpSender, StartTlsIsRequiredWhenAskedForNeverSilentlyPlain) {
  test::SmtpSink sink;  // offers no STARTTLS
  SmtpSettings s = loopback(sink.port());
  s.security = SmtpSecurity::StartTls;
  const auto r = send_message(s, "a@example.gov.cn", "b@example.com", "Subject: x\r\n\r\nx\r\n");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(sink.messages().empty());
}

TEST(SmtpSender, SecurityNames) {
  SmtpSecurity s = SmtpSecurity::None;
  ASSERT_TRUE(parse_smtp_security("starttls", s));
  EXPECT_EQ(s, SmtpSecurity::StartTls);
  ASSERT_TRUE(parse_smtp_security("tls", s));
  EXPECT_EQ(s, SmtpSecurity::Tls);
  ASSERT_TRUE(parse_smtp_security("none", s));
  EXPECT_EQ(s, SmtpSecurity::None);
  EXPECT_FALSE(parse_smtp_security("ssl", s));
  EXPECT_STREQ(smtp_security_name(SmtpSecurity::StartTls), "starttls");
}

}  // namespace
}  // namespace zwgk::mail
