#pragma once
// What a cached public page of 在线访谈 / 新闻发布会 shows (domain/cache_tags.hpp has the kernel's):
//   events:<site>  the site's list of events (预告, 直播中, 往期回顾)
//   event:<id>     one event's page and its live JSON: every transcript entry, answered
//                  question, photo or state change drops it at once.
#include <cstdint>
#include <string>

namespace zwgk::domain {

inline std::string tag_events(std::int64_t site_id) { return "events:" + std::to_string(site_id); }
inline std::string tag_event(std::int64_t event_id) { return "event:" + std::to_string(event_id); }

}  // namespace zwgk::domain
