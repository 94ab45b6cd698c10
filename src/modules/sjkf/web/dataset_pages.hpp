#pragma once
// 数据开放, the public side (P = the site's path prefix):
//   GET P/sjkf/?q=&field=&dept=&format=&condition=&page=  the site's 开放 datasets, searched
//        and narrowed by 数据领域, 部门, 格式 and 开放属性 (each with its count), 20 a page
//   GET P/sjkf/{name}/                 one dataset: its metadata, and each file with its
//        columns, row count, a preview table, its download count and the API links
//   GET P/sjkf/{name}/resources/{uuid}/download   the file (counted); a 清单's file sends the
//        reader to the list's own download of its version in force
// Everything works without JavaScript; tables stack under 640 px.
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

std::optional<http::Response> dataset_page(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
