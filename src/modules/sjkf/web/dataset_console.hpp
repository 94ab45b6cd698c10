#pragma once
// 数据开放, the console (/console/datasets/):
//   GET  /console/datasets/                the site's datasets and the form for a new one
//   POST /console/datasets/new             create (from the form; or following a 清单)
//   GET  /console/datasets/{id}/           describe it, its files, open or withdraw it
//   POST /console/datasets/{id}/edit       save the description
//   POST /console/datasets/{id}/resources  upload a file (multipart; admitted in upload_admission)
//   POST /console/datasets/{id}/resources/{rid}/remove
//   POST /console/datasets/{id}/publish | withdraw
#include "http/router.hpp"
#include "web/console/console.hpp"

namespace zwgk::web::console {

void register_dataset_console_pages(ConsoleApp& app, http::Router& router);

}  // namespace zwgk::web::console
