// The hash-chained audit log (audit_log.hpp).
#include "store/audit_log.hpp"

#include "store/audit_rows.hpp"
#include "store/secrets.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace zwgk::store {

namespace {

const std::string kGenesis(64, '0');

// The keys registered by AuditLog::use_key, per open database (erased when it closes).
std::mutex key_mutex;
std::unordered_map<const Database::Impl*, AuditKey>& keys() {
  static std::unordered_map<const Database::Impl*, AuditKey> k;
  return k;
}
std::optional<AuditKey> key_for(const Database::Impl& impl) {
  std::lock_guard lock(key_mutex);
  auto it = keys().find(&impl);
  if (it == keys().end()) return std::nullopt;
  return it->second;
}

std::string head_text(long long seq, const std::string& hash) { return "head:" + std::to_string(seq) + ":" + hash; }

std::string canonical(const AuditEntry& e) {
  nlohmann::json a = nlohmann::json::array({e.id, e.at, e.actor.account_id, e.actor.username, e.actor.address, e.action,
                                            e.object_type, e.object_id, e.changes});
  if (e.site_id != 0) a.push_back(e.site_id);  // migration 0008: older entries have site 0
  return a.dump();
}

// The entry's link under its own chain_version; nullopt when it needs a key we lack.
std::optional<std::string> chain_hash(const AuditEntry& e, const std::optional<AuditKey>& key) {
  if (e.chain_version == 1) return sha256_hex(e.prev_hash + canonical(e));
  if (e.chain_version == 2 && key) return key->mac_hex(e.prev_hash + canonical(e));
  return std::nullopt;
}

struct Row {
  long long id = 0, actor_id = 0, site_id = 0;
  int version = 1;
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
    st.exchange(soci::into(version));
  }
  AuditEntry value() const {
    return AuditEntry{id,        at,        Actor{actor_id, username, address}, action, object_type, object_id, changes,
                      prev_hash, hash,      site_id,                            version};
  }
};

const char* kColumns =
    "SELECT id, at, actor_id, actor_username, address, action, object_type, object_id, changes, prev_hash, hash, "
    "site_id, chain_version "
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
  const auto key = key_for(lease.impl());
  e.chain_version = key ? 2 : 1;
  e.hash = *chain_hash(e, key);
  const std::string head_mac = key ? key->mac_hex(head_text(seq, e.hash)) : std::string();
  long long id = e.id, actor = e.actor.account_id, site = e.site_id;
  int version = e.chain_version;
  sql << "INSERT INTO audit_log (id, at, actor_id, actor_username, address, action, object_type, object_id, changes, "
         "prev_hash, hash, site_id, chain_version) VALUES (:id, :at, :actor, :username, :address, :action, :otype, "
         ":oid, :changes, :prev, :hash, :site, :version)",
      soci::use(id, "id"), soci::use(e.at, "at"), soci::use(actor, "actor"), soci::use(e.actor.username, "username"),
      soci::use(e.actor.address, "address"), soci::use(e.action, "action"), soci::use(e.object_type, "otype"),
      soci::use(e.object_id, "oid"), soci::use(e.changes, "changes"), soci::use(e.prev_hash, "prev"),
      soci::use(e.hash, "hash"), soci::use(site, "site"), soci::use(version, "version");
  sql << "UPDATE audit_head SET last_hash = :h, head_mac = :m WHERE id = 1", soci::use(e.hash, "h"),
      soci::use(head_mac, "m");
  return e;
}

std::optional<AuditHead> parse_audit_head(const std::string& text) {
  auto is_hash = [](std::string_view h) {
    return h.size() == 64 && h.find_first_not_of("0123456789abcdef") == std::string_view::npos;
  };
  const auto colon = text.find(':');
  if (colon == std::string::npos) {
    if (!is_hash(text)) return std::nullopt;
    return AuditHead{0, text};
  }
  const std::string id = text.substr(0, colon), hash = text.substr(colon + 1);
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos || !is_hash(hash))
    return std::nullopt;
  return AuditHead{std::stoll(id), hash};
}

AuditKey AuditKey::derive_from(std::string_view master) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium 初始化失败");
  if (master.size() != crypto_kdf_KEYBYTES) throw std::invalid_argument("安装密钥应为32字节");
  AuditKey k;
  k.key_.assign(crypto_auth_hmacsha256_KEYBYTES, '\0');
  static_assert(crypto_auth_hmacsha256_KEYBYTES >= crypto_kdf_BYTES_MIN &&
                crypto_auth_hmacsha256_KEYBYTES <= crypto_kdf_BYTES_MAX);
  crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(k.key_.data()), k.key_.size(), 2, "zwgkaudt",
                             reinterpret_cast<const unsigned char*>(master.data()));
  return k;
}

std::string AuditKey::mac_hex(std::string_view data) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key_.data()), key_.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string(hex, 2 * sizeof mac);
}

void AuditLog::use_key(Database& db, const AuditKey& key, bool seal) {
  {
    std::lock_guard lock(key_mutex);
    const bool fresh = keys().insert_or_assign(&db.impl(), key).second;
    if (fresh) {
      const Database::Impl* impl = &db.impl();
      db.on_close([impl] {
        std::lock_guard l(key_mutex);
        keys().erase(impl);
      });
    }
  }
  // A log with no keyed entry yet (written before migration 0012, or never written) gets
  // one now, which also writes head_mac: from here on the tail is protected.
  if (!seal) return;
  guarded("启用审计密钥失败", [&] {
    Lease lease(db);
    Transaction tx(lease);
    long long keyed = 0;
    lease.sql() << "SELECT count(*) FROM audit_log WHERE chain_version = 2", soci::into(keyed);
    if (keyed == 0) {
      append_audit(lease, AuditEntryInput{Actor{0, "system", ""}, "kernel.audit_chain_keyed", "audit_log", "", {}, 0});
      tx.commit();
    }
  });
}

bool AuditLog::keyed() const { return key_for(db_.impl()).has_value(); }

AuditedChange::AuditedChange(Database& db) : db_(db), batch_(std::make_unique<Batch>(db)) {}
AuditedChange::~AuditedChange() = default;

AuditEntry AuditedChange::commit(const AuditEntryInput& entry) {
  auto e = AuditLog(db_).append(entry);
  batch_->commit();
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

std::optional<AuditBreak> AuditLog::verify(const std::optional<AuditHead>& anchor) {
  return guarded("校验审计日志失败", [&]() -> std::optional<AuditBreak> {
    const auto key = key_for(db_.impl());
    Lease lease(db_);
    Transaction tx(lease, Transaction::Mode::Read);
    long long head_seq = 0;
    std::string head_hash, head_mac;
    lease.sql() << "SELECT seq, last_hash, head_mac FROM audit_head WHERE id = 1", soci::into(head_seq),
        soci::into(head_hash), soci::into(head_mac);
    std::string prev = kGenesis;
    long long expected = 1;
    bool seen_keyed = false;
    bool anchor_found = false;
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
        if (e.chain_version == 2 && !key)
          return AuditBreak{e.id, "第" + std::to_string(e.id) + "条审计记录以审计密钥链接，缺少安装密钥无法校验"};
        if (e.chain_version == 1 && seen_keyed && key)
          return AuditBreak{e.id, "第" + std::to_string(e.id) +
                                      "条审计记录未以审计密钥链接却排在密钥链接的记录之后（链被无密钥者重算）"};
        const auto h = chain_hash(e, key);
        if (!h || *h != e.hash)
          return AuditBreak{e.id, "第" + std::to_string(e.id) + "条审计记录的内容被修改（哈希值不符）"};
        if (e.chain_version == 2) seen_keyed = true;
        if (anchor && (anchor->id == e.id || (anchor->id == 0 && anchor->hash == e.hash))) {
          if (anchor->hash != e.hash)
            return AuditBreak{e.id, "第" + std::to_string(e.id) + "条审计记录与保存在外部的链头不符（此前的记录被修改或删除）"};
          anchor_found = true;
        }
        prev = e.hash;
        ++expected;
      }
      if (n < 1000) break;
    }
    const long long last = expected - 1;
    if (anchor && !anchor_found) {
      const auto at = anchor->id > 0 ? anchor->id : last + 1;
      return AuditBreak{at, "保存在外部的链头（" + anchor->text() + "）已不在审计日志中：此前或此后的记录被删除"};
    }
    if (last < head_seq)
      return AuditBreak{last + 1, "第" + std::to_string(last + 1) + "条及之后的审计记录缺失（已被删除）"};
    if (last > head_seq || (last > 0 && head_hash != prev))
      return AuditBreak{last, "审计日志的链尾与记录不符（记录被修改或插入）"};
    if (key && seen_keyed && !constant_time_equal(head_mac, key->mac_hex(head_text(head_seq, head_hash))))
      return AuditBreak{last + 1, "审计日志链尾的密钥校验码不符（最新的记录被删除、链尾被改写）"};
    return std::nullopt;
  });
}

AuditHead AuditLog::head() {
  return guarded("读取审计日志失败", [&] {
    Lease lease(db_);
    AuditHead h{0, kGenesis};
    long long id = 0;
    std::string hash;
    lease.sql() << "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", soci::into(id), soci::into(hash);
    if (lease.sql().got_data()) h = AuditHead{id, hash};
    return h;
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
