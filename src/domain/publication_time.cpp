// The 发布日期 to the minute (document.hpp: publication_minute).
#include "domain/china_time.hpp"
#include "domain/document.hpp"

namespace zwgk::domain {

std::string publication_minute(const Document& doc) {
  const auto first = parse_utc_iso(doc.first_published_at);
  if (!doc.published_on) return first ? format_china_minute(*first) : std::string();
  if (first && china_time(*first).date == *doc.published_on) return format_china_minute(*first);
  return doc.published_on->iso() + " 00:00";
}

}  // namespace zwgk::domain
