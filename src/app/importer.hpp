#pragma once
// Bulk import of documents, one JSON object per line (README: "Import format").
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace zwgk::store { class Database; }

namespace zwgk::app {

struct ImportError {
  std::int64_t line = 0;
  std::string reason;  // Chinese, one line
};

struct ImportResult {
  std::int64_t lines = 0;
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::vector<ImportError> errors;
};

struct ImportOptions {
  std::size_t batch_size = 500;
  bool progress = true;
  std::filesystem::path base_dir;  // attachments' relative paths resolve against it
};

ImportResult import_jsonl(store::Database& db, const std::filesystem::path& file, const ImportOptions& options);
// Writes every document of every site as JSONL (same format as import). Returns the count.
std::int64_t export_jsonl(store::Database& db, std::FILE* out, bool progress);

}  // namespace zwgk::app
