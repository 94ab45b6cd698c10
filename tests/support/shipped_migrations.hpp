#pragma once
// What migrations/<backend>/ ships, so tests do not hard-code how many migrations exist
// (every branch adds its own numbered file).
#include <filesystem>
#include <string>

#include "support/test_database.hpp"

namespace zwgk::test {

struct ShippedMigrations {
  int count = 0;   // files NNNN_name.sql
  int latest = 0;  // highest NNNN
};

inline ShippedMigrations shipped_migrations() {
  ShippedMigrations m;
  const auto dir = std::filesystem::path(ZWGK_SOURCE_DIR) / "migrations" / (testing_postgresql() ? "postgresql" : "sqlite");
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const auto name = e.path().filename().string();
    if (e.path().extension() != ".sql" || name.size() < 5) continue;
    ++m.count;
    m.latest = std::max(m.latest, std::stoi(name.substr(0, 4)));
  }
  return m;
}

}  // namespace zwgk::test
