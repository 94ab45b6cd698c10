#pragma once
// The public side of publishing: a document's page and its published versions.
//   GET P/content/{id}.html         the document as published now (Art. 12 metadata, body,
//                                   attachments, 政策解读 links, validity, QR code)
//   GET P/content/{id}/v{n}.html    published version n as it was published (404 if none)
//   document_preview_page           the same page for a draft, for the console's 预览
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/document.hpp"
#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

http::Response document_page(PageContext& ctx, std::int64_t id);
http::Response document_version_page(PageContext& ctx, std::int64_t id, int version);

// The console's 预览 of a document before it is published: `draft` (its latest revision, any
// stage) as P/content/{id}.html will show it once published, with a 预览 banner (`stage`,
// e.g. "已退回修改", and a link back to `back_url`), noindex and never cached; attachments
// link to the console's copies under `attachment_prefix` (/console/documents/{id}).
struct DocumentPreview {
  domain::Document draft;
  std::string stage;
  std::string back_url;
  std::string attachment_prefix;
};
http::Response document_preview_page(PageContext& ctx, const DocumentPreview& preview);

// The site section "content" (SiteApp::add_section): seg[0] == "content".
std::optional<http::Response> content_section(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
