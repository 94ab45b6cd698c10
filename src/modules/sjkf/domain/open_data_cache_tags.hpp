#pragma once
// Page-cache tags of 数据开放: datasets:<site> (the catalogue, the CKAN API, DCAT) and
// dataset:<id> (one dataset's page). Download counts are not cached.
#include <cstdint>
#include <string>

namespace zwgk::domain {

inline std::string tag_datasets(std::int64_t site_id) { return "datasets:" + std::to_string(site_id); }
inline std::string tag_dataset(std::int64_t id) { return "dataset:" + std::to_string(id); }
// Any site's datasets changed: the installation-wide CKAN API and DCAT catalogue.
inline std::string tag_all_datasets() { return "datasets:*"; }

}  // namespace zwgk::domain
