#pragma once
// Private to src/store/*.cpp: the driver handles under a SOCI session, for what SOCI does
// not do well (multi-statement scripts, binary blobs, notice handling).
// SOCI wraps <sqlite3.h> in namespace sqlite_api (and its include guard then hides the
// global one): always get the SQLite API through this header.
#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>

#include "store/database_impl.hpp"

namespace zwgk::store {

using namespace sqlite_api;  // NOLINT: the C API, as SOCI declares it

sqlite3* raw_sqlite(soci::session& s);
PGconn* raw_pg(soci::session& s);

// Runs a script of one or more statements; throws StoreError (one line) on failure.
void sqlite_exec(sqlite3* h, const std::string& sql);
void pg_exec(PGconn* conn, const std::string& sql);
void exec_script(Lease& lease, const std::string& sql);

// PostgreSQL notices ("... already exists, skipping") are not for stderr.
void silence_notices(PGconn* conn);

}  // namespace zwgk::store
