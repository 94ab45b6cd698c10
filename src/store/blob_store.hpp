#pragma once
// Attachments stored by content hash (sha256) in the database, so app nodes stay stateless.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace zwgk::store {

struct Blob {
  std::string sha256;
  std::string media_type;
  std::string data;
};

class BlobStore {
 public:
  explicit BlobStore(Database& db) : db_(db) {}
  // Stores bytes (deduplicated by hash); returns the sha256 hex.
  std::string put(std::string_view data, const std::string& media_type);
  std::optional<Blob> get(const std::string& sha256);
 private:
  Database& db_;
};

std::string sha256_hex(std::string_view data);

}  // namespace zwgk::store
