#pragma once
// 基层政务公开标准目录, the console pages:
//   GET  /console/standard-catalogue/                the site's 领域 with their counts, the
//                                                    shipped ones to load, the upload form and
//                                                    the items overdue
//   POST /console/standard-catalogue/shipped         load (or reload) a shipped 领域: code
//   POST /console/standard-catalogue/import          the office's own sheet (multipart: code,
//                                                    field, source, file .xlsx/.xls/.csv)
//   GET  /console/standard-catalogue/{code}/         one 领域: every item with its status and
//                                                    the form mapping it to a column and a 清单 type
//   POST /console/standard-catalogue/items/{id}/map  node_code, list_type
// and the part of 我的工作: the items 逾期未公开, for those who map them.
namespace zwgk::http {
class Router;
}

namespace zwgk::web::console {

class ConsoleApp;

void register_standard_catalogue_console_pages(ConsoleApp& app, http::Router& router);

}  // namespace zwgk::web::console
