#pragma once
// The page-cache tag of the 预决算 column: budgets:<site> (every cell of the site).
#include <cstdint>
#include <string>

namespace zwgk::domain {

inline std::string tag_budgets(std::int64_t site_id) { return "budgets:" + std::to_string(site_id); }

}  // namespace zwgk::domain
