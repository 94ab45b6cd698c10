// store/outbox_repository.hpp on both backends: enqueue joins the open transaction,
// addresses are sealed, claims are exclusive and expire, the listing shows no address.
#include "store/outbox_repository.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "store/database_impl.hpp"
#include "store/store_fixture.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::store::test {
namespace {

constexpr const char* kT0 = "2026-12-02T08:00:00Z";
constexpr const char* kT1 = "2026-12-02T08:01:00Z";
constexpr const char* kLongAgo = "2026-12-01T00:00:00Z";

class OutboxRepositoryTest : public StoreTest {
 protected:
  OutboundMail notice(const std::string& to = "zhang.san@example.com") {
    return {site.id, "zmhd.letter_received", "letter", "XX20261202001", to, "您的来信已收到", "张先生：您好！查询码 8K3P。"};
  }
  // Every text column of every row, as stored.
  std::string raw_rows() {
    Lease lease(*db);
    std::string all, part;
    soci::rowset<soci::row> rows = (lease.sql().prepare << "SELECT * FROM outbox");
    for (const auto& r : rows) {
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (r.get_indicator(i) == soci::i_null) continue;
        if (r.get_properties(i).get_data_type() == soci::dt_string) all += r.get<std::string>(i) + "|";
      }
    }
    return all;
  }
  const PersonalDataKey key = PersonalDataKey::derive_from(std::string(32, 'k'));
};

TEST_F(OutboxRepositoryTest, EnqueueJoinsABatchThatRollsBackAndLeavesNoMail) {
  OutboxRepository outbox(*db, key);
  {
    Batch batch(*db);
    EXPECT_GT(outbox.enqueue(notice(), kT0), 0);
    // destroyed without commit(): the change and its mail are both gone
  }
  EXPECT_EQ(outbox.counts().pending, 0);
  {
    UnitOfWork unit(*db);
    EXPECT_GT(outbox.enqueue(notice(), kT0), 0);
    // no commit(): rolled back
  }
  EXPECT_TRUE(outbox.list().empty());
  {
    Batch batch(*db);
    UnitOfWork unit(*db);  // joins the batch
    outbox.enqueue(notice(), kT0);
    unit.commit();
    batch.commit();
  }
  EXPECT_EQ(outbox.counts().pending, 1);
}

TEST_F(OutboxRepositoryTest, AnEmptyOrMalformedAddressIsNotEnqueued) {
  OutboxRepository outbox(*db, key);
  for (const char* bad : {"", "zhang", "zhang@", "@example.com", "zhang@example", "zhang san@example.com",
                          "a@b.com\r\nBcc: x@y.com", "张三@example.com", "a..b@example.com"})
    EXPECT_EQ(outbox.enqueue(notice(bad), kT0), 0) << bad;
  EXPECT_EQ(outbox.counts().pending, 0);
}

TEST_F(OutboxRepositoryTest, TheAddressSubjectAndBodyAreNotInTheTableInClearText) {
  OutboxRepository outbox(*db, key);
  ASSERT_GT(outbox.enqueue(notice(), kT0), 0);
  const auto raw = raw_rows();
  ASSERT_FALSE(raw.empty());
  EXPECT_EQ(raw.find("zhang.san"), std::string::npos) << raw;
  EXPECT_EQ(raw.find("example.com"), raw.rfind("example.com")) << "only the hint names the domain: " << raw;
  EXPECT_EQ(raw.find("来信已收到"), std::string::npos);
  EXPECT_EQ(raw.find("8K3P"), std::string::npos);
  EXPECT_NE(raw.find("z***@example.com"), std::string::npos);
  const auto listed = outbox.list();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].recipient_hint, "z***@example.com");
  EXPECT_EQ(listed[0].kind, "zmhd.letter_received");
  EXPECT_EQ(listed[0].object_type, "letter");
  EXPECT_EQ(listed[0].object_id, "XX20261202001");
  EXPECT_EQ(listed[0].state, kOutboxPending);
  EXPECT_EQ(listed[0].site_id, site.id);
}

TEST_F(OutboxRepositoryTest, AClaimOpensTheRowAndCountsTheAttempt) {
  OutboxRepository outbox(*db, key);
  const auto id = outbox.enqueue(notice(), kT0);
  EXPECT_FALSE(outbox.claim_next("2026-12-02T07:59:59Z", kLongAgo)) << "not due before it was written";
  auto m = outbox.claim_next(kT0, kLongAgo);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->id, id);
  EXPECT_EQ(m->to, "zhang.san@example.com");
  EXPECT_EQ(m->subject, "您的来信已收到");
  EXPECT_EQ(m->body, "张先生：您好！查询码 8K3P。");
  EXPECT_EQ(m->attempts, 1);
  EXPECT_FALSE(m->message_token.empty());
  EXPECT_FALSE(outbox.claim_next(kT0, kLongAgo)) << "a claimed row is not claimed twice within the lease";
  EXPECT_EQ(outbox.counts().sending, 1);
  EXPECT_TRUE(outbox.mark_sent(*m, kT1));
  const auto c = outbox.counts();
  EXPECT_EQ(c.sent, 1);
  EXPECT_EQ(c.sending + c.pending + c.failed, 0);
  EXPECT_EQ(outbox.list()[0].sent_at, kT1);
  EXPECT_FALSE(outbox.mark_sent(*m, kT1)) << "a finished claim moves nothing";
}

TEST_F(OutboxRepositoryTest, RetryLaterWaitsUntilItsTimeAndKeepsTheError) {
  OutboxRepository outbox(*db, key);
  outbox.enqueue(notice(), kT0);
  auto m = outbox.claim_next(kT0, kLongAgo);
  ASSERT_TRUE(m);
  ASSERT_TRUE(outbox.retry_later(*m, "Couldn't connect to server\n(SMTP 0)", "2026-12-02T08:05:00Z"));
  auto listed = outbox.list();
  EXPECT_EQ(listed[0].state, kOutboxPending);
  EXPECT_EQ(listed[0].attempts, 1);
  EXPECT_EQ(listed[0].last_error, "Couldn't connect to server (SMTP 0)");
  EXPECT_EQ(listed[0].next_attempt_at, "2026-12-02T08:05:00Z");
  EXPECT_FALSE(outbox.claim_next("2026-12-02T08:04:59Z", kLongAgo));
  auto again = outbox.claim_next("2026-12-02T08:05:00Z", kLongAgo);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempts, 2);
  EXPECT_EQ(again->message_token, m->message_token) << "the same Message-ID on every attempt";
  ASSERT_TRUE(outbox.mark_failed(*again, "550 mailbox unavailable"));
  EXPECT_EQ(outbox.counts().failed, 1);
  EXPECT_FALSE(outbox.claim_next("2027-01-01T00:00:00Z", kLongAgo)) << "failed rows stay until requeued";
  EXPECT_EQ(outbox.list({std::nullopt, kOutboxFailed, 10}).size(), 1u);
  EXPECT_EQ(outbox.requeue_failed(std::nullopt, kT1), 1);
  auto third = outbox.claim_next(kT1, kLongAgo);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->attempts, 1);
}

TEST_F(OutboxRepositoryTest, AnExpiredClaimIsTakenAgainAndTheOldHolderCanNoLongerFinishIt) {
  OutboxRepository outbox(*db, key);
  outbox.enqueue(notice(), kT0);
  auto first = outbox.claim_next(kT0, kLongAgo);
  ASSERT_TRUE(first);
  // Ten minutes later, a lease of ten minutes: the claim at kT0 has expired.
  auto second = outbox.claim_next("2026-12-02T08:10:00Z", kT0);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(second->attempts, 2);
  EXPECT_FALSE(outbox.mark_sent(*first, "2026-12-02T08:10:01Z"));
  EXPECT_TRUE(outbox.mark_sent(*second, "2026-12-02T08:10:01Z"));
}

TEST_F(OutboxRepositoryTest, ARowThatDoesNotOpenWithTheKeyIsMarkedFailedAndSkipped) {
  OutboxRepository(*db, key).enqueue(notice(), kT0);
  OutboxRepository(*db, key).enqueue(notice("li.si@example.com"), kT0);
  const auto other = PersonalDataKey::derive_from(std::string(32, 'o'));
  OutboxRepository wrong(*db, other);
  EXPECT_FALSE(wrong.claim_next(kT0, kLongAgo));
  const auto c = wrong.counts();
  EXPECT_EQ(c.failed, 2);
  EXPECT_NE(wrong.list()[0].last_error.find("无法解封"), std::string::npos);
}

TEST_F(OutboxRepositoryTest, TheSendersCallsRefuseToRunInsideABatch) {
  OutboxRepository outbox(*db, key);
  Batch batch(*db);
  EXPECT_THROW(outbox.claim_next(kT0, kLongAgo), StoreError);
}

TEST_F(OutboxRepositoryTest, TimesMustBeCanonicalUtc) {
  OutboxRepository outbox(*db, key);
  EXPECT_THROW(outbox.enqueue(notice(), "2026-12-02 08:00:00"), StoreError);
  EXPECT_THROW(outbox.enqueue(notice(), "2026-12-02T08:00:00+08:00"), StoreError);
  EXPECT_EQ(outbox_time(1796187228), "2026-12-02T04:53:48Z");
}

TEST_F(OutboxRepositoryTest, CountsAndListingPerSite) {
  OutboxRepository outbox(*db, key);
  outbox.enqueue(notice(), kT0);
  auto installation_wide = notice();
  installation_wide.site_id.reset();
  outbox.enqueue(installation_wide, kT0);
  EXPECT_EQ(outbox.counts().pending, 2);
  EXPECT_EQ(outbox.counts(site.id).pending, 1);
  EXPECT_EQ(outbox.list({site.id, "", 100}).size(), 1u);
  EXPECT_EQ(outbox.list({std::nullopt, "", 100}).size(), 2u);
}

// Two threads, each its own Database on the same database (two nodes), claiming at once:
// every row is claimed exactly once.
TEST_F(OutboxRepositoryTest, TwoNodesClaimingAtOnceNeverShareARow) {
  OutboxRepository outbox(*db, key);
  constexpr int kRows = 40;
  for (int i = 0; i < kRows; ++i) outbox.enqueue(notice(), kT0);
  auto other = Database::open(db->url(), 4);
  std::mutex mutex;
  std::multiset<std::int64_t> claimed;
  auto claim_all = [&](Database& node) {
    OutboxRepository repo(node, key);
    while (auto m = repo.claim_next(kT0, kLongAgo)) {
      std::lock_guard lock(mutex);
      claimed.insert(m->id);
    }
  };
  std::thread a([&] { claim_all(*db); });
  std::thread b([&] { claim_all(*other); });
  a.join();
  b.join();
  EXPECT_EQ(claimed.size(), static_cast<std::size_t>(kRows));
  EXPECT_EQ(std::set<std::int64_t>(claimed.begin(), claimed.end()).size(), static_cast<std::size_t>(kRows));
}

TEST_F(OutboxRepositoryTest, OneSendLockAtATimeOnPostgresql) {
  auto first = OutboxSendLock::try_acquire(*db);
  ASSERT_TRUE(first);
  auto other = Database::open(db->url(), 2);
  if (testing_postgresql()) {
    EXPECT_FALSE(OutboxSendLock::try_acquire(*other)) << "another node holds it";
    first.reset();
    EXPECT_TRUE(OutboxSendLock::try_acquire(*other)) << "released at the end of the pass";
  } else {
    EXPECT_TRUE(OutboxSendLock::try_acquire(*other)) << "SQLite: one node; claims alone keep rows apart";
  }
}

}  // namespace
}  // namespace zwgk::store::test
