#pragma once
// Page-cache tag of the 绩效考核 public pages: assessments:<site> (the index and every year).
#include <cstdint>
#include <string>

namespace zwgk::domain {

inline std::string tag_assessments(std::int64_t site_id) { return "assessments:" + std::to_string(site_id); }

}  // namespace zwgk::domain
