// The hash-chained audit log: appends, verification, and tampering found by verify().
#include <gtest/gtest.h>

#include "store/audit_log.hpp"
#include "store_fixture.hpp"

namespace zwgk::store::test {
namespace {

class AuditLogTest : public StoreTest {
 protected:
  void append_n(int n) {
    for (int i = 1; i <= n; ++i)
      AuditLog(*db).append({{7, "admin", "198.51.100.7"}, "login", "account", "7", {{"n", i}}});
  }
  // Someone with database access removes the append-only guard first.
  void drop_guard() {
    if (db->backend() == Backend::Sqlite)
      db->execute("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    else
      db->execute("DROP TRIGGER audit_log_no_update ON audit_log");
  }
};

TEST_F(AuditLogTest, EntriesAreChainedAndVerify) {
  EXPECT_FALSE(AuditLog(*db).verify());
  append_n(3);
  auto entries = AuditLog(*db).entries();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].id, 1);
  EXPECT_EQ(entries[0].prev_hash, std::string(64, '0'));
  EXPECT_EQ(entries[1].prev_hash, entries[0].hash);
  EXPECT_EQ(entries[2].prev_hash, entries[1].hash);
  EXPECT_EQ(entries[1].actor.username, "admin");
  EXPECT_EQ(entries[1].actor.address, "198.51.100.7");
  EXPECT_EQ(entries[1].changes, R"({"n":2})");
  EXPECT_FALSE(AuditLog(*db).verify());
}

TEST_F(AuditLogTest, TheTableRefusesUpdatesAndDeletes) {
  append_n(1);
  EXPECT_ANY_THROW(db->execute("UPDATE audit_log SET actor_username = 'x' WHERE id = 1"));
  EXPECT_ANY_THROW(db->execute("DELETE FROM audit_log WHERE id = 1"));
  EXPECT_FALSE(AuditLog(*db).verify());
}

TEST_F(AuditLogTest, AnAlteredRowIsTheFirstBrokenLink) {
  append_n(5);
  drop_guard();
  db->execute("UPDATE audit_log SET changes = '{\"n\":99}' WHERE id = 3");
  auto broken = AuditLog(*db).verify();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 3);
  EXPECT_EQ(broken->problem, "第3条审计记录的内容被修改（哈希值不符）");
}

TEST_F(AuditLogTest, ARehashedRowBreaksTheNextLink) {
  append_n(4);
  drop_guard();
  db->execute("UPDATE audit_log SET hash = 'ffff' WHERE id = 2");
  auto broken = AuditLog(*db).verify();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 2);
}

TEST_F(AuditLogTest, ADeletedRowIsNamed) {
  append_n(5);
  drop_guard();
  db->execute("DELETE FROM audit_log WHERE id = 2");
  auto broken = AuditLog(*db).verify();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 2);
  EXPECT_EQ(broken->problem, "第2条审计记录缺失（已被删除）");
}

TEST_F(AuditLogTest, DeletingTheNewestRowsIsFoundToo) {
  append_n(4);
  drop_guard();
  db->execute("DELETE FROM audit_log WHERE id >= 3");
  auto broken = AuditLog(*db).verify();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 3);
}

TEST_F(AuditLogTest, EntriesCarryTheirSiteAndAreReadPerSite) {
  AuditLog log(*db);
  log.append({{1, "a", ""}, "login", "session", "", {}, 1});
  log.append({{2, "b", ""}, "login", "session", "", {}, 2});
  log.append({{0, "system", ""}, "startup", "server", "", {}});  // no site
  log.append({{1, "a", ""}, "logout", "session", "", {}, 1});
  EXPECT_EQ(log.count(), 4);
  EXPECT_EQ(log.count_for_site(1), 2);
  EXPECT_EQ(log.count_for_site(2), 1);
  const auto one = log.newest_for_site(1, 0, 10);
  ASSERT_EQ(one.size(), 2u);
  EXPECT_EQ(one[0].action, "logout");
  EXPECT_EQ(one[0].site_id, 1);
  EXPECT_EQ(one[1].action, "login");
  ASSERT_EQ(log.newest_for_site(2, 0, 10).size(), 1u);
  EXPECT_EQ(log.newest_for_site(2, 0, 10)[0].actor.username, "b");
  EXPECT_EQ(log.newest(0, 10).size(), 4u);
  EXPECT_FALSE(log.verify());  // the whole chain, every site
}

TEST_F(AuditLogTest, MovingAnEntryToAnotherSiteBreaksItsLink) {
  AuditLog log(*db);
  log.append({{1, "a", ""}, "login", "session", "", {}, 1});
  log.append({{2, "b", ""}, "login", "session", "", {}, 2});
  log.append({{0, "system", ""}, "startup", "server", "", {}});
  drop_guard();
  db->execute("UPDATE audit_log SET site_id = 1 WHERE id = 2");
  auto broken = log.verify();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 2);
}

TEST_F(AuditLogTest, GivingASitelessEntryASiteBreaksItsLink) {
  AuditLog log(*db);
  log.append({{0, "system", ""}, "startup", "server", "", {}});
  drop_guard();
  db->execute("UPDATE audit_log SET site_id = 3 WHERE id = 1");
  auto broken = log.verify();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 1);
}

TEST_F(AuditLogTest, AppendNeedsActionAndObject) {
  EXPECT_THROW(AuditLog(*db).append({{1, "a", ""}, "", "account", "1", {}}), StoreError);
  EXPECT_EQ(AuditLog(*db).count(), 0);
}

}  // namespace
}  // namespace zwgk::store::test
