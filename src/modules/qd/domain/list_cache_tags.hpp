#pragma once
// Page-cache tags of the 清单 pages: lists:<site> (the index) and list:<id> (one list).
#include <cstdint>
#include <string>

namespace zwgk::domain {

inline std::string tag_lists(std::int64_t site_id) { return "lists:" + std::to_string(site_id); }
inline std::string tag_list(std::int64_t list_id) { return "list:" + std::to_string(list_id); }

}  // namespace zwgk::domain
