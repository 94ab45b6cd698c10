// The hash-chained audit log (audit_log.hpp).
#include "store/audit_log.hpp"

#include "store/audit_rows.hpp"

namespace zwgk::store {

namespace {

const std::string kGenesis(64, '0');

std::string canonical(const AuditEntry& e) {
  nlohmann::json a = nlohmann::json::array({e.id, e.at, e.actor.account_id, e.actor.username, e.actor.address, e.action,
                                            e.object_type, e.object_id, e.changes});
  if (e.site_id != 0) a.push_back(e.site_id);  // migration 0008: older entries have site 0
  return a.dump();
}

std::string chain_hash(const AuditEntry& e) { return sha256_hex(e.prev_hash + canonical(e)); }

struct Row {
  long long id = 0, actor_id = 0, site_id = 0;
  std::string at, username, address, action, object_type, object_id, changes, prev_hash, hash;
  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(at));
    st.exchange(soci::into(actor_id));
    st.exchange(soci::into(username));
    st.exchange(soci::into(address));
    st.exchange(soci::into(action));
    st.exchange(soci::into(object_type));
    st.exchange(soci::into(object_id));
    st.exchange(soci::into(changes));
    st.exchange(soci::into(prev_hash));
    st.exchange(soci::into(hash));
    st.exchange(soci::into(site_id));
  }
  AuditEntry value() const {
    return AuditEntry{id, at, Actor{actor_id, username, address}, action, object_type, object_id, changes, prev_hash, hash,
                      site_id};
  }
};

const char* kColumns =
    "SELECT id, at, actor_id, actor_username, address, action, object_type, object_id, changes, prev_hash, hash, "
    "site_id "
    "FROM audit_log ";

}  // namespace

AuditEntry append_audit(Lease& lease, const AuditEntryInput& in) {
  auto& sql = lease.sql();
  // The UPDATE takes the row lock (PostgreSQL) that serialises appends; SQLite writers are
  // already serialised by BEGIN IMMEDIATE.
  sql << "UPDATE audit_head SET seq = seq + 1 WHERE id = 1";
  long long seq = 0;
  std::string last;
  sql << "SELECT seq, last_hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(last);
  if (!sql.got_data()) throw StoreError("审计日志未初始化");
  AuditEntry e;
  e.id = seq;
  e.at = now_utc_iso();
  e.actor = in.actor;
  e.action = in.action;
  e.object_type = in.object_type;
  e.object_id = in.object_id;
  e.changes = in.changes.is_null() ? std::string("{}") : in.changes.dump();
  e.prev_hash = last;
  e.site_id = in.site_id;
  e.hash = chain_hash(e);
  long long id = e.id, actor = e.actor.account_id, site = e.site_id;
  sql << "INSERT INTO audit_log (id, at, actor_id, actor_username, address, action, object_type, object_id, changes, "
         "prev_hash, hash, site_id) VALUES (:id, :at, :actor, :username, :address, :action, :otype, :oid, :changes, "
         ":prev, :hash, :site)",
      soci::use(id, "id"), soci::use(e.at, "at"), soci::use(actor, "actor"), soci::use(e.actor.username, "username"),
      soci::use(e.actor.address, "address"), soci::use(e.action, "action"), soci::use(e.object_type, "otype"),
      soci::use(e.object_id, "oid"), soci::use(e.changes, "changes"), soci::use(e.prev_hash, "prev"),
      soci::use(e.hash, "hash"), soci::use(site, "site");
  sql << "UPDATE audit_head SET last_hash = :h WHERE id = 1", soci::use(e.hash, "h");
  return e;
}

AuditEntry AuditLog::append(const AuditEntryInput& entry) {
  if (entry.action.empty() || entry.object_type.empty())
    throw StoreError("审计记录必须包含操作和对象类型");
  return guarded("写入审计日志失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    auto e = append_audit(lease, entry);
    tx.commit();
    return e;
  });
}

std::optional<AuditBreak> AuditLog::verify() {
  return guarded("校验审计日志失败", [&]() -> std::optional<AuditBreak> {
    Lease lease(db_);
    Transaction tx(lease, Transaction::Mode::Read);
    long long head_seq = 0;
    std::string head_hash;
    lease.sql() << "SELECT seq, last_hash FROM audit_head WHERE id = 1", soci::into(head_seq), soci::into(head_hash);
    std::string prev = kGenesis;
    long long expected = 1;
    // Keyset pages so a long log is never held in memory at once.
    for (;;) {
      Row r;
      soci::statement st(lease.sql());
      r.into(st);
      long long after = expected - 1;
      st.exchange(soci::use(after, "after"));
      prepare_and_execute(st, std::string(kColumns) + "WHERE id > :after ORDER BY id LIMIT 1000");
      int n = 0;
      while (st.fetch()) {
        ++n;
        const AuditEntry e = r.value();
        if (e.id != expected)
          return AuditBreak{expected, "第" + std::to_string(expected) + "条审计记录缺失（已被删除）"};
        if (e.prev_hash != prev)
          return AuditBreak{e.id, "第" + std::to_string(e.id) + "条审计记录与上一条的链接不符（前一条被修改或删除）"};
        if (chain_hash(e) != e.hash)
          return AuditBreak{e.id, "第" + std::to_string(e.id) + "条审计记录的内容被修改（哈希值不符）"};
        prev = e.hash;
        ++expected;
      }
      if (n < 1000) break;
    }
    const long long last = expected - 1;
    if (last < head_seq)
      return AuditBreak{last + 1, "第" + std::to_string(last + 1) + "条及之后的审计记录缺失（已被删除）"};
    if (last > head_seq || (last > 0 && head_hash != prev))
      return AuditBreak{last, "审计日志的链尾与记录不符（记录被修改或插入）"};
    return std::nullopt;
  });
}

std::vector<AuditEntry> AuditLog::entries(const std::string& object_type, const std::string& object_id, int limit) {
  return guarded("读取审计日志失败", [&] {
    Lease lease(db_);
    std::vector<AuditEntry> out;
    Row r;
    soci::statement st(lease.sql());
    r.into(st);
    Binds b;
    std::string q = kColumns;
    if (!object_type.empty()) {
      q += "WHERE object_type = " + b.add(object_type);
      if (!object_id.empty()) q += " AND object_id = " + b.add(object_id);
    }
    q += " ORDER BY id LIMIT " + b.add(static_cast<long long>(std::max(limit, 1)));
    b.apply(st);
    prepare_and_execute(st, q);
    while (st.fetch()) out.push_back(r.value());
    return out;
  });
}

std::vector<AuditEntry> AuditLog::newest(std::int64_t offset, int limit) { return newest_for_site(-1, offset, limit); }

std::vector<AuditEntry> AuditLog::newest_for_site(std::int64_t site_id, std::int64_t offset, int limit) {
  return guarded("读取审计日志失败", [&] {
    Lease lease(db_);
    std::vector<AuditEntry> out;
    Row r;
    soci::statement st(lease.sql());
    r.into(st);
    Binds b;
    std::string q = kColumns;
    if (site_id >= 0) q += "WHERE site_id = " + b.add(static_cast<long long>(site_id));
    q += " ORDER BY id DESC LIMIT " + b.add(static_cast<long long>(std::max(limit, 1)));
    q += " OFFSET " + b.add(static_cast<long long>(std::max<std::int64_t>(offset, 0)));
    b.apply(st);
    prepare_and_execute(st, q);
    while (st.fetch()) out.push_back(r.value());
    return out;
  });
}

std::int64_t AuditLog::count() {
  return guarded("读取审计日志失败", [&] {
    Lease lease(db_);
    long long n = 0;
    lease.sql() << "SELECT count(*) FROM audit_log", soci::into(n);
    return static_cast<std::int64_t>(n);
  });
}

std::int64_t AuditLog::count_for_site(std::int64_t site_id) {
  return guarded("读取审计日志失败", [&] {
    Lease lease(db_);
    long long n = 0, site = site_id;
    lease.sql() << "SELECT count(*) FROM audit_log WHERE site_id = :site", soci::use(site, "site"), soci::into(n);
    return static_cast<std::int64_t>(n);
  });
}

}  // namespace zwgk::store
