#pragma once
// Reads one member of a zip archive held in memory (libzip). Internal to src/ingest.
#include <optional>
#include <string>
#include <string_view>

namespace zwgk::ingest {

// The member's bytes, or nullopt if the archive cannot be opened or has no such member.
// Members larger than max_bytes are refused (nullopt): a zip bomb stays small.
std::optional<std::string> read_zip_member(std::string_view archive, const std::string& member,
                                           std::size_t max_bytes = 64u * 1024 * 1024);

}  // namespace zwgk::ingest
