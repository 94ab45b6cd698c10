// The real binary: `zwgk serve` with [smtp] (ZWGK_SMTP_*) sends what the outbox holds in
// the background; `zwgk outbox status | send | retry` for operators, recipients masked.
#include <gtest/gtest.h>

#include "app/run_binary.hpp"
#include "domain/clock.hpp"
#include "store/database.hpp"
#include "store/outbox_repository.hpp"
#include "store/personal_data_key.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_database.hpp"

namespace {

using zwgk::test::run_zwgk;

const std::string kSecretHex(64, 'a');

class OutboxCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url = test_database_url();
    db = zwgk::store::Database::open(url, 2);
    db->migrate();
  }
  std::int64_t enqueue(const std::string& number, const std::string& to = "zhang.san@example.com") {
    const auto key = zwgk::store::PersonalDataKey::derive_from(*zwgk::store::secret_from_hex(kSecretHex));
    return zwgk::store::OutboxRepository(*db, key).enqueue(
        {std::nullopt, "zmhd.letter_received", "letter", number, to, "您的来信已收到（" + number + "）", "您好！"},
        zwgk::store::outbox_time(zwgk::domain::system_unix_seconds()));
  }
  std::vector<std::string> smtp_env(int port) {
    return {"ZWGK_SECRET_KEY=" + kSecretHex, "ZWGK_SMTP_HOST=127.0.0.1", "ZWGK_SMTP_PORT=" + std::to_string(port),
            "ZWGK_SMTP_SECURITY=none", "ZWGK_SMTP_FROM=notices@example.gov.cn", "ZWGK_SMTP_FROM_NAME=邵阳市人民政府办公室"};
  }
  std::string url;
  std::unique_ptr<zwgk::store::Database> db;
};

TEST_F(OutboxCommandTest, ServeWithSmtpSendsTheQueuedNoticeInTheBackground) {
  zwgk::test::SmtpSink sink;
  ASSERT_GT(enqueue("XX20261202001"), 0);
  zwgk::test::ServeProcess serve({"serve", "--database", url, "--listen", "127.0.0.1:0"}, smtp_env(sink.port()));
  ASSERT_FALSE(serve.base_url().empty()) << serve.output();
  const auto got = sink.wait_for(1, std::chrono::seconds(20));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].subject, "您的来信已收到（XX20261202001）");
  EXPECT_EQ(got[0].from, "邵阳市人民政府办公室 <notices@example.gov.cn>");
  EXPECT_EQ(serve.terminate().exit_code, 0);
}

TEST_F(OutboxCommandTest, ServeRefusesAWrongSmtpSettingBeforeListening) {
  auto env = smtp_env(25);
  for (auto& kv : env)
    if (kv.rfind("ZWGK_SMTP_FROM=", 0) == 0) kv = "ZWGK_SMTP_FROM=not-an-address";
  const auto r = run_zwgk({"serve", "--database", url, "--listen", "127.0.0.1:0"}, env);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("[smtp] from"), std::string::npos) << r.err;
}

TEST_F(OutboxCommandTest, StatusSendAndRetry) {
  const auto failed_id = enqueue("XX20261202002", "li.si@example.com");
  {
    // Make it a failed row the way the sender does.
    const auto key = zwgk::store::PersonalDataKey::derive_from(*zwgk::store::secret_from_hex(kSecretHex));
    zwgk::store::OutboxRepository outbox(*db, key);
    const auto now = zwgk::store::outbox_time(zwgk::domain::system_unix_seconds() + 5);
    auto m = outbox.claim_next(now, "2000-01-01T00:00:00Z");
    ASSERT_TRUE(m);
    ASSERT_TRUE(outbox.mark_failed(*m, "550 mailbox unavailable (SMTP 550)"));
  }
  enqueue("XX20261202003");

  auto status = run_zwgk({"outbox", "status", "--database", url});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("待发送 1，发送中 0，已发送 0，发送失败 1"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find(std::to_string(failed_id) + "\t发送失败\tzmhd.letter_received\tletter XX20261202002\tl***@example.com\t1\t550 mailbox unavailable"),
            std::string::npos)
      << status.out;
  EXPECT_EQ(status.out.find("li.si"), std::string::npos);

  const auto no_smtp = run_zwgk({"outbox", "send", "--database", url});
  EXPECT_EQ(no_smtp.exit_code, 2);
  EXPECT_NE(no_smtp.err.find("[smtp]"), std::string::npos) << no_smtp.err;

  zwgk::test::SmtpSink sink;
  auto send = run_zwgk({"outbox", "send", "--database", url}, smtp_env(sink.port()));
  EXPECT_EQ(send.exit_code, 0) << send.err;
  EXPECT_NE(send.out.find("已发送 1，稍后重试 0，放弃 0"), std::string::npos) << send.out;
  EXPECT_EQ(sink.wait_for(1).size(), 1u);

  auto retry = run_zwgk({"outbox", "retry", "--id", std::to_string(failed_id), "--database", url});
  EXPECT_EQ(retry.exit_code, 0) << retry.err;
  EXPECT_NE(retry.out.find("已重新排队 1"), std::string::npos) << retry.out;
  send = run_zwgk({"outbox", "send", "--database", url}, smtp_env(sink.port()));
  EXPECT_EQ(send.exit_code, 0) << send.err;
  const auto got = sink.wait_for(2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].rcpt_tos, std::vector<std::string>{"li.si@example.com"});

  status = run_zwgk({"outbox", "status", "--database", url});
  EXPECT_NE(status.out.find("待发送 0，发送中 0，已发送 2，发送失败 0"), std::string::npos) << status.out;
  const auto unknown = run_zwgk({"outbox", "retry", "--id", "999", "--database", url});
  EXPECT_EQ(unknown.exit_code, 2);
}

}  // namespace
