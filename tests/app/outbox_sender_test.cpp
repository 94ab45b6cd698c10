// app/outbox_sender.hpp against a real SMTP server on loopback (tests/tools/smtp_sink.py),
// on both backends: what is enqueued arrives once, decoded to the same text; a server that
// is down leaves the mail queued with its reason and a later attempt, and it goes out once
// the server is back; two nodes sending at once deliver every message exactly once.
#include "app/outbox_sender.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "app/cli.hpp"
#include "app/config.hpp"
#include "store/database.hpp"
#include "store/outbox_repository.hpp"
#include "store/unit_of_work.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_database.hpp"

namespace zwgk::app {
namespace {

constexpr std::int64_t kT0 = 1796198400;  // 2026-12-02T08:00:00Z

// Everything the default logger writes while it lives.
class CapturedLog {
 public:
  CapturedLog() : sink_(std::make_shared<spdlog::sinks::ostream_sink_mt>(out_)) {
    spdlog::default_logger()->sinks().push_back(sink_);
    level_ = spdlog::default_logger()->level();
    spdlog::default_logger()->set_level(spdlog::level::info);
  }
  ~CapturedLog() {
    auto& sinks = spdlog::default_logger()->sinks();
    sinks.erase(std::remove(sinks.begin(), sinks.end(), sink_), sinks.end());
    spdlog::default_logger()->set_level(level_);
  }
  std::string text() {
    spdlog::default_logger()->flush();
    return out_.str();
  }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink_;
  spdlog::level::level_enum level_ = spdlog::level::warn;
};

class OutboxSenderTest : public ::testing::Test {
 protected:
  void SetUp() override { db = open_test_database(); }

  OutboxSenderSettings settings(int port) {
    SmtpConfig c;
    c.host = "127.0.0.1";
    c.port = port;
    c.security = "none";
    c.from = "notices@example.gov.cn";
    c.from_name = "邵阳市人民政府办公室";
    c.timeout_seconds = 10;
    return outbox_sender_settings(c);
  }

  std::int64_t enqueue(store::Database& on, const std::string& object_id, const std::string& to = "zhang.san@example.com") {
    store::OutboundMail m{std::nullopt, "zmhd.letter_received", "letter", object_id, to,
                          "您的来信已收到（信件编号 " + object_id + "）",
                          "张先生：\n\n您好！您写给市长信箱的来信（" + object_id + "）已收到。\n查询码：8K3P。\n"};
    return store::OutboxRepository(on, key).enqueue(m, store::outbox_time(kT0));
  }

  store::OutboxEntry row(std::int64_t id) {
    for (const auto& e : store::OutboxRepository(*db, key).list({std::nullopt, "", 1000}))
      if (e.id == id) return e;
    ADD_FAILURE() << "no outbox row " << id;
    return {};
  }

  const store::PersonalDataKey key = store::PersonalDataKey::derive_from(std::string(32, 's'));
  std::unique_ptr<store::Database> db;
};

TEST_F(OutboxSenderTest, AChineseNoticeArrivesOnceAndDecodesToTheSameText) {
  test::SmtpSink sink;
  const auto id = enqueue(*db, "XX20261202001");
  ASSERT_GT(id, 0);
  OutboxSender sender(*db, key, settings(sink.port()));
  const auto pass = sender.run_once(kT0);
  EXPECT_EQ(pass.sent, 1);
  const auto got = sink.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got[0].defects.empty());
  EXPECT_EQ(got[0].rcpt_tos, std::vector<std::string>{"zhang.san@example.com"});
  EXPECT_EQ(got[0].mail_from, "notices@example.gov.cn");
  EXPECT_EQ(got[0].from, "邵阳市人民政府办公室 <notices@example.gov.cn>");
  EXPECT_EQ(got[0].subject, "您的来信已收到（信件编号 XX20261202001）");
  EXPECT_EQ(test::lf_lines(got[0].body), "张先生：\n\n您好！您写给市长信箱的来信（XX20261202001）已收到。\n查询码：8K3P。\n");
  EXPECT_EQ(got[0].message_id.rfind("<outbox." + std::to_string(id) + ".", 0), 0u) << got[0].message_id;
  EXPECT_EQ(got[0].date, "Wed, 02 Dec 2026 08:00:00 +0000");
  const auto r = row(id);
  EXPECT_EQ(r.state, store::kOutboxSent);
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.sent_at, "2026-12-02T08:00:00Z");

  EXPECT_EQ(sender.run_once(kT0 + 60).handled(), 0) << "a further pass sends nothing";
  EXPECT_EQ(sink.wait_for(2, std::chrono::milliseconds(300)).size(), 1u);
}

TEST_F(OutboxSenderTest, ARolledBackChangeSendsNothing) {
  test::SmtpSink sink;
  {
    store::UnitOfWork unit(*db);
    EXPECT_GT(enqueue(*db, "XX20261202009"), 0);
    // the use case fails after writing its notice: no commit()
  }
  OutboxSender sender(*db, key, settings(sink.port()));
  EXPECT_EQ(sender.run_once(kT0).handled(), 0);
  EXPECT_TRUE(sink.messages().empty());
}

TEST_F(OutboxSenderTest, ServerDownTheMailWaitsWithItsReasonAndGoesOutOnceTheServerIsBack) {
  const int port = test::free_port();  // nothing listens here yet
  const auto id = enqueue(*db, "XX20261202002");
  const auto second = enqueue(*db, "XX20261202003", "li.si@example.com");
  OutboxSender sender(*db, key, settings(port));
  CapturedLog log;

  const auto down = sender.run_once(kT0);
  EXPECT_EQ(down.retried, 1);
  EXPECT_TRUE(down.server_unavailable) << "the pass stops: the second mail would fail the same way";
  auto r = row(id);
  EXPECT_EQ(r.state, store::kOutboxPending);
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.next_attempt_at, "2026-12-02T08:01:00Z") << "1 minute after the first failure";
  EXPECT_FALSE(r.last_error.empty());
  EXPECT_EQ(row(second).attempts, 0) << "not tried while the server is down";
  const auto lines = log.text();
  EXPECT_NE(lines.find("outbox retry id=" + std::to_string(id) + " kind=zmhd.letter_received object=XX20261202002"),
            std::string::npos)
      << lines;
  EXPECT_NE(lines.find(r.last_error), std::string::npos) << "the log says why";
  for (const char* secret : {"zhang.san", "li.si", "来信已收到", "8K3P"}) EXPECT_EQ(lines.find(secret), std::string::npos) << secret;

  test::SmtpSink sink(port);  // the server is back
  // Not yet due: the first row waits for its next attempt; the second was never tried and is due.
  auto early = sender.run_once(kT0 + 30);
  EXPECT_EQ(early.sent, 1);
  EXPECT_EQ(row(second).state, store::kOutboxSent);
  EXPECT_EQ(row(id).state, store::kOutboxPending);

  const auto due = sender.run_once(kT0 + 60);
  EXPECT_EQ(due.sent, 1);
  r = row(id);
  EXPECT_EQ(r.state, store::kOutboxSent);
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(sender.run_once(kT0 + 3600).handled(), 0) << "a further pass sends nothing";
  const auto got = sink.wait_for(3, std::chrono::milliseconds(500));
  ASSERT_EQ(got.size(), 2u) << "exactly one message each";
  EXPECT_EQ(got[1].subject, "您的来信已收到（信件编号 XX20261202002）");
  const auto text = log.text();
  for (const char* secret : {"zhang.san", "li.si", "来信已收到", "8K3P"}) EXPECT_EQ(text.find(secret), std::string::npos) << secret;
}

TEST_F(OutboxSenderTest, BackoffDoublesFromOneMinuteUpToSixHoursThenTheMailIsFailedAndStaysListed) {
  EXPECT_EQ(outbox_retry_delay(1), 60);
  EXPECT_EQ(outbox_retry_delay(2), 120);
  EXPECT_EQ(outbox_retry_delay(3), 240);
  EXPECT_EQ(outbox_retry_delay(9), 256 * 60);
  EXPECT_EQ(outbox_retry_delay(10), 6 * 3600);
  EXPECT_EQ(outbox_retry_delay(1000), 6 * 3600);

  const int port = test::free_port();
  const auto id = enqueue(*db, "XX20261202004");
  auto s = settings(port);
  s.max_attempts = 3;
  OutboxSender sender(*db, key, s);
  std::int64_t now = kT0;
  EXPECT_EQ(sender.run_once(now).retried, 1);
  now += outbox_retry_delay(1);
  EXPECT_EQ(sender.run_once(now).retried, 1);
  EXPECT_EQ(row(id).next_attempt_at, store::outbox_time(now + 120));
  now += outbox_retry_delay(2);
  EXPECT_EQ(sender.run_once(now).failed, 1);
  const auto r = row(id);
  EXPECT_EQ(r.state, store::kOutboxFailed);
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(r.recipient_hint, "z***@example.com");
  EXPECT_FALSE(r.last_error.empty());
  EXPECT_EQ(sender.run_once(now + 86400).handled(), 0) << "failed mail is not retried by itself";
  EXPECT_EQ(store::OutboxRepository(*db, key).counts().failed, 1);
}

TEST_F(OutboxSenderTest, AClaimLeftByANodeThatDiedIsSentAfterTheLease) {
  test::SmtpSink sink;
  const auto id = enqueue(*db, "XX20261202005");
  ASSERT_TRUE(store::OutboxRepository(*db, key).claim_next(store::outbox_time(kT0), store::outbox_time(kT0 - 600)));
  // ... and the node holding the claim dies before sending.
  OutboxSender sender(*db, key, settings(sink.port()));
  EXPECT_EQ(sender.run_once(kT0 + 599).handled(), 0) << "within the lease: still someone else's";
  EXPECT_EQ(sender.run_once(kT0 + 600).sent, 1);
  EXPECT_EQ(row(id).attempts, 2);
  EXPECT_EQ(sink.wait_for(1).size(), 1u);
}

// Two nodes (two Database objects on the same database), each running passes in its own
// thread at the same time over 50 queued mails: every message arrives exactly once.
TEST_F(OutboxSenderTest, TwoNodesSendingAtOnceDeliverEachMessageExactlyOnce) {
  test::SmtpSink sink;
  constexpr int kMails = 50;
  std::map<std::string, int> wanted;
  for (int i = 0; i < kMails; ++i) {
    const std::string number = "XX2026120210" + std::to_string(100 + i);
    enqueue(*db, number);
    wanted["您的来信已收到（信件编号 " + number + "）"] = 0;
  }
  auto other = store::Database::open(db->url(), 4);
  std::atomic<int> sent{0}, locked_out{0};
  auto node = [&](store::Database& on) {
    auto s = settings(sink.port());
    s.batch_limit = 5;  // many short passes: the two nodes interleave
    OutboxSender sender(on, key, s);
    for (int round = 0; round < 2000 && sent.load() < kMails; ++round) {
      const auto pass = sender.run_once(kT0);
      sent += pass.sent;
      if (pass.locked_out) {
        ++locked_out;
        std::this_thread::yield();
      }
    }
  };
  std::thread a([&] { node(*db); });
  std::thread b([&] { node(*other); });
  a.join();
  b.join();
  EXPECT_EQ(sent.load(), kMails);
  const auto got = sink.wait_for(kMails + 1, std::chrono::milliseconds(1000));
  ASSERT_EQ(got.size(), static_cast<std::size_t>(kMails));
  std::set<std::string> ids;
  for (const auto& m : got) {
    ids.insert(m.message_id);
    ASSERT_TRUE(wanted.count(m.subject)) << m.subject;
    ++wanted[m.subject];
  }
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kMails)) << "each Message-ID once";
  for (const auto& [subject, n] : wanted) EXPECT_EQ(n, 1) << subject;
  EXPECT_EQ(store::OutboxRepository(*db, key).counts().sent, kMails);
}

TEST(OutboxSenderSettings, SmtpConfigIsChecked) {
  SmtpConfig c;
  EXPECT_THROW(outbox_sender_settings(c), CommandError) << "no host";
  c.host = "smtp.example.gov.cn";
  EXPECT_THROW(outbox_sender_settings(c), CommandError) << "no from";
  c.from = "notices@example.gov.cn";
  auto s = outbox_sender_settings(c);
  EXPECT_EQ(s.smtp.port, 587) << "starttls by default, on the submission port";
  EXPECT_EQ(s.smtp.security, mail::SmtpSecurity::StartTls);
  c.security = "tls";
  EXPECT_EQ(outbox_sender_settings(c).smtp.port, 465);
  c.security = "none";
  EXPECT_EQ(outbox_sender_settings(c).smtp.port, 25);
  c.port = 2525;
  EXPECT_EQ(outbox_sender_settings(c).smtp.port, 2525);
  c.security = "ssl";
  EXPECT_THROW(outbox_sender_settings(c), CommandError);
}

}  // namespace
}  // namespace zwgk::app
