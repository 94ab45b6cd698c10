#pragma once
// What a cached public page of 意见征集 shows (domain/cache_tags.hpp has the kernel's):
//   consultations:<site>  the site's list (征集中, 已结束待反馈, 已反馈) with its counts
//   consultation:<id>     one consultation's page: a published opinion, the 反馈, the
//                         questionnaire's results or an edit drops it at once.
// The phase moves with the clock (征集中 -> 已结束待反馈 at midnight); the pages are cached
// until the end of the day at most (see consultation_pages.cpp).
#include <cstdint>
#include <string>

namespace zwgk::domain {

inline std::string tag_consultations(std::int64_t site_id) { return "consultations:" + std::to_string(site_id); }
inline std::string tag_consultation(std::int64_t id) { return "consultation:" + std::to_string(id); }

}  // namespace zwgk::domain
