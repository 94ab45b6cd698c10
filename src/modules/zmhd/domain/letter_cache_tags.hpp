#pragma once
// What a cached public page of the mailbox shows (domain/cache_tags.hpp has the kernel's):
//   letters:<site>  the site's 信箱 pages: the channels, 信件选登, the statistics.
#include <cstdint>
#include <string>

namespace zwgk::domain {

inline std::string tag_letters(std::int64_t site_id) { return "letters:" + std::to_string(site_id); }
// The site's 信箱 themselves (names, which exist): pages that link into them (a 清单's 反馈意见箱).
inline std::string tag_mailboxes(std::int64_t site_id) { return "mailboxes:" + std::to_string(site_id); }

}  // namespace zwgk::domain
