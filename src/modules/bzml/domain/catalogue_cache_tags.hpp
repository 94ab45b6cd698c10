#pragma once
// The page-cache tag of the 标准目录 pages: standard_catalogues:<site> (every catalogue of the
// site, its items and their mappings).
#include <cstdint>
#include <string>

namespace zwgk::domain {

inline std::string tag_standard_catalogues(std::int64_t site_id) {
  return "standard_catalogues:" + std::to_string(site_id);
}

}  // namespace zwgk::domain
