// Content-addressed attachment bytes. Binary data goes through the driver APIs directly
// (sqlite3_bind_blob, libpq binary parameters): SOCI would send it as text.
#include "store/blob_store.hpp"

#include <sodium.h>

#include <ctime>
#include <memory>
#include <utility>
#include <vector>

#include "store/raw_connection.hpp"

namespace zwgk::store {

namespace {

struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

Stmt prepare(sqlite3* h, const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(h, sql, -1, &s, nullptr) != SQLITE_OK) throw StoreError(one_line(sqlite3_errmsg(h)));
  return Stmt(s);
}

struct ResultClear {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultClear>;

Result pg_params(PGconn* conn, const char* sql, const std::vector<std::string_view>& params,
                 const std::vector<int>& binary, int result_format) {
  std::vector<const char*> values;
  std::vector<int> lengths;
  for (auto p : params) {
    values.push_back(p.data() ? p.data() : "");  // nullptr would mean SQL NULL
    lengths.push_back(static_cast<int>(p.size()));
  }
  Result r(PQexecParams(conn, sql, static_cast<int>(params.size()), nullptr, values.data(), lengths.data(),
                        binary.data(), result_format));
  const auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw StoreError(one_line(r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn)));
  return r;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(sizeof digest * 2);
  for (unsigned char b : digest) {
    out += hex[b >> 4];
    out += hex[b & 0xf];
  }
  return out;
}

std::string BlobStore::put(std::string_view data, const std::string& media_type) {
  try {
    Lease lease(db_);
    return put(lease, data, media_type);
  } catch (const StoreError& e) {
    throw StoreError(std::string("保存附件内容失败: ") + e.what());
  }
}

// Known bytes get a fresh created_at (invariant 2): the sweep then sees them as young while
// the caller goes on to reference them; on PostgreSQL the update also locks the row, so a
// sweep deleting it concurrently re-checks the age and keeps it.
std::string BlobStore::put(Lease& lease, std::string_view data, const std::string& media_type) {
  const std::string hash = sha256_hex(data);
  const std::string size = std::to_string(data.size());
  const std::string now = now_utc_iso();
  if (lease.sqlite()) {
    sqlite3* h = raw_sqlite(lease.sql());
    auto st = prepare(h,
                      "INSERT INTO blobs (sha256, media_type, size, data, created_at) VALUES (?, ?, ?, ?, ?) "
                      "ON CONFLICT (sha256) DO UPDATE SET created_at = excluded.created_at");
    sqlite3_bind_text(st.get(), 1, hash.data(), static_cast<int>(hash.size()), SQLITE_STATIC);
    sqlite3_bind_text(st.get(), 2, media_type.data(), static_cast<int>(media_type.size()), SQLITE_STATIC);
    sqlite3_bind_int64(st.get(), 3, static_cast<sqlite3_int64>(data.size()));
    // A zero-length blob still has to be a blob, not NULL.
    sqlite3_bind_blob64(st.get(), 4, data.empty() ? "" : data.data(), data.size(), SQLITE_STATIC);
    sqlite3_bind_text(st.get(), 5, now.data(), static_cast<int>(now.size()), SQLITE_STATIC);
    if (sqlite3_step(st.get()) != SQLITE_DONE) throw StoreError(one_line(sqlite3_errmsg(h)));
  } else {
    pg_params(raw_pg(lease.sql()),
              "INSERT INTO blobs (sha256, media_type, size, data, created_at) VALUES ($1, $2, $3, $4, $5) "
              "ON CONFLICT (sha256) DO UPDATE SET created_at = excluded.created_at",
              {hash, media_type, size, data, now}, {0, 0, 0, 1, 0}, 0);
  }
  return hash;
}

std::optional<Blob> BlobStore::get(const std::string& sha256) {
  try {
    Lease lease(db_);
    Blob blob;
    blob.sha256 = sha256;
    if (lease.sqlite()) {
      sqlite3* h = raw_sqlite(lease.sql());
      auto st = prepare(h, "SELECT media_type, data FROM blobs WHERE sha256 = ?");
      sqlite3_bind_text(st.get(), 1, sha256.data(), static_cast<int>(sha256.size()), SQLITE_STATIC);
      const int rc = sqlite3_step(st.get());
      if (rc == SQLITE_DONE) return std::nullopt;
      if (rc != SQLITE_ROW) throw StoreError(one_line(sqlite3_errmsg(h)));
      if (auto* mt = sqlite3_column_text(st.get(), 0))
        blob.media_type.assign(reinterpret_cast<const char*>(mt), static_cast<std::size_t>(sqlite3_column_bytes(st.get(), 0)));
      const void* bytes = sqlite3_column_blob(st.get(), 1);
      const int n = sqlite3_column_bytes(st.get(), 1);
      if (bytes && n > 0) blob.data.assign(static_cast<const char*>(bytes), static_cast<std::size_t>(n));
    } else {
      auto r = pg_params(raw_pg(lease.sql()), "SELECT media_type, data FROM blobs WHERE sha256 = $1", {sha256}, {0},
                         1);
      if (PQntuples(r.get()) == 0) return std::nullopt;
      blob.media_type.assign(PQgetvalue(r.get(), 0, 0), static_cast<std::size_t>(PQgetlength(r.get(), 0, 0)));
      blob.data.assign(PQgetvalue(r.get(), 0, 1), static_cast<std::size_t>(PQgetlength(r.get(), 0, 1)));
    }
    return blob;
  } catch (const StoreError& e) {
    throw StoreError(std::string("读取附件内容失败: ") + e.what());
  }
}

namespace {

// Invariant 2: every table whose rows reference a blob (see blob_store.hpp).
constexpr const char* kUnreferenced =
    "NOT EXISTS (SELECT 1 FROM document_attachments a WHERE a.sha256 = blobs.sha256) "
    "AND NOT EXISTS (SELECT 1 FROM revision_attachments r WHERE r.sha256 = blobs.sha256) "
    "AND NOT EXISTS (SELECT 1 FROM request_files f WHERE f.blob_sha256 = blobs.sha256) "
    "AND NOT EXISTS (SELECT 1 FROM letter_attachments l WHERE l.blob_sha256 = blobs.sha256) "
    "AND NOT EXISTS (SELECT 1 FROM event_photos p WHERE p.blob_sha256 = blobs.sha256) "
    "AND NOT EXISTS (SELECT 1 FROM event_entries n WHERE n.image_sha256 = blobs.sha256) "
    "AND NOT EXISTS (SELECT 1 FROM events v WHERE v.video_sha256 = blobs.sha256) "
    "AND NOT EXISTS (SELECT 1 FROM consultation_attachments c WHERE c.blob_sha256 = blobs.sha256) "
    "AND NOT EXISTS (SELECT 1 FROM dataset_resources d WHERE d.blob_sha256 = blobs.sha256) "
    "AND NOT EXISTS (SELECT 1 FROM work_unit_files w WHERE w.sha256 = blobs.sha256) "
    // a site's logo and footer badges (migration 0030)
    "AND NOT EXISTS (SELECT 1 FROM site_profiles sp WHERE sp.logo_sha256 = blobs.sha256 "
    "OR sp.conac_badge_sha256 = blobs.sha256 OR sp.police_badge_sha256 = blobs.sha256)";

}  // namespace

BlobSweep BlobStore::sweep(const std::string& older_than_utc) {
  return guarded("清理无引用的附件内容失败", [&] {
    BlobSweep out;
    Lease lease(db_);
    Transaction tx(lease);
    std::string cutoff = older_than_utc;
    std::vector<std::pair<std::string, long long>> orphans;
    {
      std::string sha;
      long long size = 0;
      soci::statement st = (lease.sql().prepare << std::string("SELECT sha256, size FROM blobs WHERE created_at < :cutoff AND ") +
                                                       kUnreferenced + " ORDER BY sha256",
                            soci::use(cutoff, "cutoff"), soci::into(sha), soci::into(size));
      st.execute();
      while (st.fetch()) orphans.emplace_back(sha, size);
    }
    for (auto& [sha, size] : orphans) {
      // Checked again row by row: the statement is the one that decides.
      soci::statement del = (lease.sql().prepare << std::string("DELETE FROM blobs WHERE sha256 = :sha AND created_at < :cutoff AND ") +
                                                        kUnreferenced,
                             soci::use(sha, "sha"), soci::use(cutoff, "cutoff"));
      del.execute(true);
      if (del.get_affected_rows() == 0) continue;
      lease.sql() << "DELETE FROM attachment_texts WHERE sha256 = :sha", soci::use(sha, "sha");
      ++out.removed;
      out.removed_bytes += size;
    }
    long long young = 0, kept = 0;
    lease.sql() << std::string("SELECT count(*) FROM blobs WHERE created_at >= :cutoff AND ") + kUnreferenced,
        soci::use(cutoff, "cutoff"), soci::into(young);
    lease.sql() << "SELECT count(*) FROM blobs", soci::into(kept);
    tx.commit();
    out.young_orphans = young;
    out.kept = kept;
    return out;
  });
}

std::string blob_sweep_cutoff(std::chrono::system_clock::time_point now, std::chrono::seconds min_age) {
  const std::time_t t = std::chrono::system_clock::to_time_t(now - min_age);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace zwgk::store
