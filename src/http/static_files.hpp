#pragma once
#include <filesystem>
#include <string>

#include "http/response.hpp"

namespace zwgk::http {

// Serves root/relative_path. Any "..", absolute path, NUL or escape from root (also via
// percent-encoding, already decoded by the caller) -> 404. Sets Content-Type from the
// extension (with charset for text), Last-Modified, cache_tags {"static"} and Cache-Control.
Response serve_static(const std::filesystem::path& root, const std::string& relative_path);

// Content-Type for a file name by extension ("application/octet-stream" if unknown).
std::string media_type_for(const std::string& file_name);

}  // namespace zwgk::http
