#pragma once
// What a cached public page of 回应关切 shows (domain/cache_tags.hpp has the kernel's):
//   incidents:<site>  the site's 回应关切 column: incidents, their links and responses, the
//                     settings (whether the clock is public). The column also carries
//                     site:<id>:lists, so a linked document's publication refreshes it.
#include <cstdint>
#include <string>

namespace zwgk::domain {

inline std::string tag_incidents(std::int64_t site_id) { return "incidents:" + std::to_string(site_id); }

}  // namespace zwgk::domain
