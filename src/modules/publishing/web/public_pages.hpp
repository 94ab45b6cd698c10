#pragma once
// The public side of publishing: a document's page and its published versions.
//   GET P/content/{id}.html         the document as published now (Art. 12 metadata, body,
//                                   attachments, 政策解读 links, validity, QR code)
//   GET P/content/{id}/v{n}.html    published version n as it was published (404 if none)
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

http::Response document_page(PageContext& ctx, std::int64_t id);
http::Response document_version_page(PageContext& ctx, std::int64_t id, int version);

// The site section "content" (SiteApp::add_section): seg[0] == "content".
std::optional<http::Response> content_section(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
