// P/zmhd/stats/ (受理反馈统计) and its spreadsheets: see letter_views.hpp.
#include "modules/zmhd/web/letter_views.hpp"

namespace zwgk::web {

std::optional<http::Response> letter_statistics_page(PageContext&, const std::vector<std::string_view>&) {
  return std::nullopt;  // wired when the statistics (letter_statistics.hpp) land
}

}  // namespace zwgk::web
