// The audit chain keyed with a secret outside the database (ADR 0017): someone who can
// write the database but lacks the installation secret cannot cut, edit or recompute the
// chain unseen, and an anchor kept outside proves nothing before it was changed.
#include <gtest/gtest.h>

#include "store/audit_log.hpp"
#include "store/department_repository.hpp"
#include "store/secrets.hpp"
#include "store/security_log.hpp"
#include "store_fixture.hpp"

namespace zwgk::store::test {
namespace {

const std::string kSecret(32, '\x5a');

class KeyedAuditChainTest : public StoreTest {
 protected:
  void append_n(int n) {
    for (int i = 1; i <= n; ++i)
      AuditLog(*db).append({{7, "admin", "198.51.100.7"}, "site.update", "site", "1", {{"n", i}}, site.id});
  }
  void drop_guard() {
    if (db->backend() == Backend::Sqlite)
      db->execute("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    else
      db->execute("DROP TRIGGER audit_log_no_update ON audit_log");
  }
  // What an attacker without the key does after editing row `from`: recompute every later
  // link with plain SHA-256, as the old chain did, and fix audit_head to match.
  void recompute_without_key(std::int64_t from) {
    auto all = AuditLog(*db).entries("", "", 100000);
    std::string prev = from > 1 ? all[static_cast<std::size_t>(from - 2)].hash : std::string(64, '0');
    for (auto& e : all) {
      if (e.id < from) continue;
      nlohmann::json a = nlohmann::json::array({e.id, e.at, e.actor.account_id, e.actor.username, e.actor.address,
                                                e.action, e.object_type, e.object_id, e.changes});
      if (e.site_id != 0) a.push_back(e.site_id);
      const std::string h = sha256_hex(prev + a.dump());
      db->execute("UPDATE audit_log SET chain_version = 1, prev_hash = '" + prev + "', hash = '" + h +
                  "' WHERE id = " + std::to_string(e.id));
      prev = h;
    }
    db->execute("UPDATE audit_head SET last_hash = '" + prev + "', head_mac = ''");
  }
};

TEST_F(KeyedAuditChainTest, WithTheKeyEntriesAreLinkedByHmacAndOlderShaEntriesStillVerify) {
  append_n(2);  // written before the key: plain SHA-256 (as before migration 0012)
  AuditLog::use_key(*db, AuditKey::derive_from(kSecret));
  append_n(2);
  const auto all = AuditLog(*db).entries();
  ASSERT_EQ(all.size(), 5u);  // + audit.chain_keyed, written by use_key
  EXPECT_EQ(all[0].chain_version, 1);
  EXPECT_EQ(all[1].chain_version, 1);
  EXPECT_EQ(all[2].action, "kernel.audit_chain_keyed");
  EXPECT_EQ(all[2].chain_version, 2);
  EXPECT_EQ(all[2].prev_hash, all[1].hash);  // the keyed chain seals the old one
  EXPECT_EQ(all[4].chain_version, 2);
  EXPECT_NE(all[4].hash, sha256_hex(all[4].prev_hash));
  EXPECT_FALSE(AuditLog(*db).verify());
}

TEST_F(KeyedAuditChainTest, TruncationWithAFixedAuditHeadIsFound) {
  AuditLog::use_key(*db, AuditKey::derive_from(kSecret));
  append_n(5);  // ids 2..6
  drop_guard();
  const auto all = AuditLog(*db).entries();
  db->execute("DELETE FROM audit_log WHERE id >= 5");
  // The attacker makes audit_head name the new last entry, as the old check wanted.
  db->execute("UPDATE audit_head SET seq = 4, last_hash = '" + all[3].hash + "'");
  auto broken = AuditLog(*db).verify();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 5);
  EXPECT_NE(broken->problem.find("密钥校验码不符"), std::string::npos) << broken->problem;
}

TEST_F(KeyedAuditChainTest, AChainRecomputedWithoutTheKeyIsFound) {
  AuditLog::use_key(*db, AuditKey::derive_from(kSecret));
  append_n(5);
  drop_guard();
  db->execute("UPDATE audit_log SET changes = '{\"n\":99}' WHERE id = 3");
  recompute_without_key(3);
  auto broken = AuditLog(*db).verify();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 3);
  EXPECT_NE(broken->problem.find("未以审计密钥链接"), std::string::npos) << broken->problem;
}

// A log with no keyed entry left looks like one written before migration 0012: only an
// anchor kept outside tells them apart (ADR 0017).
TEST_F(KeyedAuditChainTest, AChainRecomputedWholeWithoutTheKeyIsFoundAgainstAnAnchor) {
  AuditLog::use_key(*db, AuditKey::derive_from(kSecret));
  append_n(3);
  const auto anchor = AuditLog(*db).head();
  drop_guard();
  recompute_without_key(1);  // every entry now looks like an old SHA-256 entry
  auto broken = AuditLog(*db).verify(anchor);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, anchor.id);
}

TEST_F(KeyedAuditChainTest, AnEditedRowWithAKeyedRecomputationFailsUnderTheRealKey) {
  AuditLog::use_key(*db, AuditKey::derive_from(kSecret));
  append_n(3);
  drop_guard();
  db->execute("UPDATE audit_log SET changes = '{\"n\":7}' WHERE id = 2");
  auto broken = AuditLog(*db).verify();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 2);
}

TEST_F(KeyedAuditChainTest, VerifyHeadProvesTheAnchorAndFindsRemovalUpToAndPastIt) {
  AuditLog::use_key(*db, AuditKey::derive_from(kSecret));
  append_n(3);
  const auto anchor = AuditLog(*db).head();
  EXPECT_EQ(anchor.id, 4);
  append_n(3);
  EXPECT_FALSE(AuditLog(*db).verify(anchor));
  ASSERT_TRUE(parse_audit_head(anchor.text()));
  EXPECT_EQ(parse_audit_head(anchor.text())->hash, anchor.hash);
  EXPECT_FALSE(parse_audit_head("4:xyz"));

  // A wrong anchor hash is a break at the anchor.
  auto wrong = anchor;
  wrong.hash = std::string(64, 'a');
  auto b0 = AuditLog(*db).verify(wrong);
  ASSERT_TRUE(b0);
  EXPECT_EQ(b0->entry_id, 4);

  drop_guard();
  // Removal past the anchor: everything from 3 on gone, head fixed up.
  {
    const auto all = AuditLog(*db).entries();
    db->execute("DELETE FROM audit_log WHERE id >= 3");
    db->execute("UPDATE audit_head SET seq = 2, last_hash = '" + all[1].hash + "'");
    auto broken = AuditLog(*db).verify(anchor);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->entry_id, 4);
    EXPECT_NE(broken->problem.find("已不在审计日志中"), std::string::npos) << broken->problem;
  }
}

TEST_F(KeyedAuditChainTest, VerifyHeadFindsRemovalBeforeTheAnchor) {
  AuditLog::use_key(*db, AuditKey::derive_from(kSecret));
  append_n(4);
  const auto anchor = AuditLog(*db).head();
  drop_guard();
  db->execute("DELETE FROM audit_log WHERE id <= 2");
  auto broken = AuditLog(*db).verify(anchor);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 1);
}

TEST_F(KeyedAuditChainTest, KeyedEntriesNeedTheKeyToVerify) {
  AuditLog::use_key(*db, AuditKey::derive_from(kSecret));
  append_n(1);
  EXPECT_TRUE(AuditLog(*db).keyed());
  auto keyless = Database::open(db->url(), 2);  // the same database, opened without the key
  EXPECT_FALSE(AuditLog(*keyless).keyed());
  auto broken = AuditLog(*keyless).verify();
  ASSERT_TRUE(broken);
  EXPECT_NE(broken->problem.find("缺少安装密钥"), std::string::npos) << broken->problem;
  // A different key does not verify either.
  auto other = Database::open(db->url(), 2);
  AuditLog::use_key(*other, AuditKey::derive_from(std::string(32, '\x01')));
  EXPECT_TRUE(AuditLog(*other).verify());
}

TEST_F(KeyedAuditChainTest, AuditedChangeCommitsTheChangeWithItsEntry) {
  domain::Department d;
  d.site_id = site.id;
  d.name = "市统计局";
  {
    AuditedChange change(*db);
    d = DepartmentRepository(*db).save(d);
    change.commit({{1, "admin", ""}, "department.create", "department", std::to_string(d.id), {}, site.id});
  }
  EXPECT_TRUE(DepartmentRepository(*db).by_name(site.id, "市统计局"));
  EXPECT_EQ(AuditLog(*db).entries("department").size(), 1u);
}

TEST_F(KeyedAuditChainTest, AFailingAuditWriteRollsTheChangeBack) {
  if (db->backend() == Backend::Sqlite)
    db->execute("CREATE TRIGGER audit_log_fail BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;");
  else
    db->execute("CREATE FUNCTION audit_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit down'; "
                "END $$; CREATE TRIGGER audit_log_fail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION "
                "audit_fail();");
  domain::Department d;
  d.site_id = site.id;
  d.name = "市统计局";
  EXPECT_THROW(
      {
        AuditedChange change(*db);
        d = DepartmentRepository(*db).save(d);
        change.commit({{1, "admin", ""}, "department.create", "department", std::to_string(d.id), {}, site.id});
      },
      StoreError);
  EXPECT_FALSE(DepartmentRepository(*db).by_name(site.id, "市统计局"));
}

TEST_F(KeyedAuditChainTest, SecurityEventsAreCountedPerMinuteNotRowPerRequest) {
  std::int64_t now = 1'780'000'000;  // injected clock
  SecurityLog log(*db, [&] { return now; });
  for (int i = 0; i < 5000; ++i) log.record({"login_failed", 0, "/console/login"});
  log.record({"csrf_refused", 3, "/console/users/{id}"});
  // Nothing written before a minute has passed: the flood costs no database writes.
  EXPECT_TRUE(SecurityLog(*db).recent().empty());
  now += 61;
  log.record({"login_failed", 0, "/console/login"});  // the next minute's: triggers the write
  auto rows = SecurityLog(*db).recent();
  ASSERT_EQ(rows.size(), 3u);  // minute 1: login_failed, csrf_refused; minute 2: login_failed
  std::int64_t failed = 0;
  for (const auto& r : rows)
    if (r.kind == "login_failed") failed += r.count;
  EXPECT_EQ(failed, 5001);
  // The same key in the same minute adds to its row.
  log.record({"login_failed", 0, "/console/login"});
  log.flush();
  rows = SecurityLog(*db).recent();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].kind, "login_failed");  // newest minute first
  EXPECT_EQ(rows[0].count, 2);
  // Old rows are pruned.
  now += 91LL * 86400;
  log.record({"forbidden", 3, "/console/users/"});
  log.flush();
  rows = SecurityLog(*db).recent();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].kind, "forbidden");
}

TEST_F(KeyedAuditChainTest, PendingSecurityKeysAreBounded) {
  std::int64_t now = 1'780'000'000;
  SecurityLogLimits limits;
  limits.max_pending = 3;
  SecurityLog log(*db, [&] { return now; }, limits);
  for (int i = 0; i < 100; ++i) log.record({"forbidden", i, "/console/x"});
  log.flush();
  auto rows = SecurityLog(*db).recent();
  EXPECT_EQ(rows.size(), 4u);  // 3 keys + the overflow key (account 0, place "*")
}

}  // namespace
}  // namespace zwgk::store::test
