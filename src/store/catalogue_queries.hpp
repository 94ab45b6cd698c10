#pragma once
// Private to src/store/*.cpp: catalogue lookups other repositories need inside their
// own transaction.
#include <cstdint>
#include <vector>

#include "store/database_impl.hpp"

namespace zwgk::store {

// The node itself followed by its ancestors up to the root ([] if it does not exist).
std::vector<std::int64_t> catalogue_with_ancestors(Lease& lease, std::int64_t id);
// The node itself followed by all its descendants ([] if it does not exist).
std::vector<std::int64_t> catalogue_with_descendants(Lease& lease, std::int64_t id);
// The same, empty unless node `id` belongs to site `site_id` (descendants are always the
// same site's): lets a listing filter by catalogue alone, on the catalogue index.
std::vector<std::int64_t> catalogue_with_descendants(Lease& lease, std::int64_t id, std::int64_t site_id);

}  // namespace zwgk::store
