#pragma once
// What a cached public page shows, and so what a write must invalidate.
//   site:<id>         everything rendered with the site's header/footer (any site change)
//   site:<id>:lists   pages that list documents of the site (home, portal, feeds, sitemap,
//                     department pages, catalogue listings)
//   catalogue:<id>    a catalogue listing page
//   document:<id>     a document page (and its print view)
#include <cstdint>
#include <string>

namespace zwgk::domain {

inline std::string tag_site(std::int64_t id) { return "site:" + std::to_string(id); }
inline std::string tag_site_lists(std::int64_t id) { return "site:" + std::to_string(id) + ":lists"; }
inline std::string tag_catalogue(std::int64_t id) { return "catalogue:" + std::to_string(id); }
inline std::string tag_document(std::int64_t id) { return "document:" + std::to_string(id); }

}  // namespace zwgk::domain
