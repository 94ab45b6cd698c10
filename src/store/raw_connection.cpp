#include "store/raw_connection.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace zwgk::store {

// libsoci does not export the backends' typeinfo, so no dynamic_cast: check the name.
sqlite3* raw_sqlite(soci::session& s) {
  if (!s.get_backend() || s.get_backend_name() != "sqlite3") throw StoreError("内部错误: 不是 SQLite 连接");
  return static_cast<soci::sqlite3_session_backend*>(s.get_backend())->conn_;
}

PGconn* raw_pg(soci::session& s) {
  if (!s.get_backend() || s.get_backend_name() != "postgresql") throw StoreError("内部错误: 不是 PostgreSQL 连接");
  return static_cast<soci::postgresql_session_backend*>(s.get_backend())->conn_;
}

void sqlite_exec(sqlite3* h, const std::string& sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw StoreError(one_line(msg));
  }
}

void pg_exec(PGconn* conn, const std::string& sql) {
  PGresult* res = PQexec(conn, sql.c_str());
  const auto status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
    PQclear(res);
    return;
  }
  std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  PQclear(res);
  throw StoreError(one_line(msg));
}

void exec_script(Lease& lease, const std::string& sql) {
  if (lease.sqlite())
    sqlite_exec(raw_sqlite(lease.sql()), sql);
  else
    pg_exec(raw_pg(lease.sql()), sql);
}

void silence_notices(PGconn* conn) {
  if (conn) PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
}

}  // namespace zwgk::store
