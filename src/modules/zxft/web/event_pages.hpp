#pragma once
// 在线访谈 / 新闻发布会, the public side (P = the site's path prefix):
//   GET  P/zxft/                     正在直播, 活动预告, 往期回顾
//   GET  P/zxft/{id}/                one event: time, place, guests, the policies it
//                                    interprets and their 政策解读, the 图文直播 / 文字实录,
//                                    answered and published questions, photos, the video,
//                                    the question form. Cached until the next change (event:<id>).
//   GET  P/zxft/{id}/entries.json    ?after=<entry id>: the entries added since (the page's
//                                    script polls it while the event is live)
//   POST P/zxft/{id}/ask             a question (pre-moderated; name and phone sealed)
//   GET  P/zxft/{id}/video           the video (Range: it plays and seeks in the browser)
//   GET  P/zxft/{id}/photos/{pid}    a photo; P/zxft/{id}/images/{entry} an entry's image
// Without JavaScript the live page is read by reloading it; nothing here shows an asker's
// name or phone, or a question before staff publish it.
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

std::optional<http::Response> event_page(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
