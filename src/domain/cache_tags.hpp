#pragma once
// What a cached public page shows, and so what a write must invalidate.
//   site:<id>         everything rendered with the site's header/footer (any site change)
//   site:<id>:lists   pages that list documents of the site (home, portal, feeds, sitemap,
//                     department pages, catalogue listings)
//   catalogue:<id>    a catalogue listing page
//   document:<id>     a document page (and its print view)
//   site:<id>:search  a site's search pages and answers, for what the site's 本周热门搜索
//                     settings change (site 0: the cross-site search's list)
//   search:all        cross-site search pages and answers (every site's documents); implied
//                     by every site:<id>:lists, see with_implied_tags
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

inline std::string tag_site(std::int64_t id) { return "site:" + std::to_string(id); }
inline std::string tag_site_lists(std::int64_t id) { return "site:" + std::to_string(id) + ":lists"; }
inline std::string tag_catalogue(std::int64_t id) { return "catalogue:" + std::to_string(id); }
inline std::string tag_document(std::int64_t id) { return "document:" + std::to_string(id); }
inline std::string tag_site_search(std::int64_t id) { return "site:" + std::to_string(id) + ":search"; }
inline std::string tag_search_all() { return "search:all"; }

// A change's tags plus what they imply: whatever changes a site's lists (a document, a
// department, a catalogue, the site) changes the cross-site search too. Applied once, by
// store::Database::notify_changed.
inline std::vector<std::string> with_implied_tags(std::vector<std::string> tags) {
  bool lists = false;
  for (const auto& t : tags) {
    const std::string_view v(t);
    if (v.size() > 11 && v.substr(0, 5) == "site:" && v.substr(v.size() - 6) == ":lists") lists = true;
  }
  if (lists) tags.push_back(tag_search_all());
  return tags;
}

}  // namespace zwgk::domain
