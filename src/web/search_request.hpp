#pragma once
// The parts of a search request the page (P/search/) and the API (/api/v1/search) share:
// the checks on the query text, and the labels of the 类型 facet.
#include <optional>
#include <string>
#include <string_view>

#include "store/search_index.hpp"

namespace zwgk::web {

inline constexpr std::size_t kMaxSearchCharacters = 200;

// The page cache class of search pages and answers (http::PageCache::set_class_budget):
// any query string makes a page, so they have a budget of their own and evict only each
// other. SiteApp sets the budget.
inline constexpr const char* kSearchCacheClass = "search";
// A cached search page is rendered afresh after this long, for its 本周热门搜索 list; its
// results are invalidated by tags (search_page.cpp).
inline constexpr long long kSearchPageCacheSeconds = 300;

// A Chinese message when the query text cannot be searched as typed (ill-formed UTF-8,
// more than kMaxSearchCharacters characters); nullopt when it can. Query syntax is never a
// reason: every character is searched literally (store/search_index.hpp).
std::optional<std::string> search_text_problem(std::string_view q);

// "文件" / "政策解读" / "附件"
std::string search_type_label(store::SearchType t);

}  // namespace zwgk::web
