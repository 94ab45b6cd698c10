#pragma once
// Opening the database from the command line: a one-line error naming the URL (with any
// password hidden), and the parent directory of a relative SQLite path created on demand
// (so the default sqlite:var/zwgk.db works in a fresh checkout).
#include <memory>
#include <string>

namespace zwgk::store { class Database; }

namespace zwgk::app {

// "postgresql://user:secret@host/db" -> "postgresql://user:***@host/db"
std::string redact_database_url(const std::string& url);

// Throws CommandError (cli.hpp) with "无法打开数据库 <url>: <reason>".
std::unique_ptr<store::Database> open_database(const std::string& url, std::size_t pool_size = 0);

}  // namespace zwgk::app
