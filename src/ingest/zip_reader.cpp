#include "ingest/zip_reader.hpp"

#include <zip.h>

#include <memory>

namespace zwgk::ingest {

std::optional<std::string> read_zip_member(std::string_view archive, const std::string& member, std::size_t max_bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  if (!src) {
    zip_error_fini(&error);
    return std::nullopt;
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!za) {
    zip_source_free(src);
    return std::nullopt;
  }
  std::unique_ptr<zip_t, void (*)(zip_t*)> guard(za, [](zip_t* z) { zip_discard(z); });
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(za, member.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > max_bytes)
    return std::nullopt;
  zip_file_t* f = zip_fopen(za, member.c_str(), 0);
  if (!f) return std::nullopt;
  std::string out(static_cast<std::size_t>(st.size), '\0');
  zip_int64_t n = zip_fread(f, out.data(), out.size());
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
  return out;
}

}  // namespace zwgk::ingest
