#pragma once
// 数据开放 in the protocols open-data tools already speak (docs/api.md "数据开放"):
//   GET|POST /api/3/action/{action}   the CKAN Action API subset, read only, no token:
//            package_list, package_show, package_search, resource_show, organization_list,
//            organization_show, group_list, group_show, tag_list, status_show, help_show
//   GET      /catalog.jsonld           the DCAT catalogue (W3C DCAT 2, JSON-LD) of every site
// Answers use CKAN's envelope, {"help": "<url>", "success": true, "result": ...}; failures
// {"help", "success": false, "error": {"__type": "Not Found Error" | "Validation Error" |
// "Authorization Error", "message" or the fields in error}} with CKAN's statuses (404, 409,
// 403, 400), so CKAN harvesters (ckanext-harvest's CKAN harvester, ckanext-dcat's) and
// clients (ckanapi, ckanr) work against zwgk unchanged. Parameters come from the query or,
// for POST, a JSON object body (what ckanapi sends). The installation is one CKAN catalogue:
// organizations are the departments (dept-<id>), groups the 数据领域.
#include "http/router.hpp"
#include "store/database.hpp"
#include "web/site_app.hpp"

namespace zwgk::web {

void register_ckan_api(http::Router& router, store::Database& db, const WebOptions& options);

}  // namespace zwgk::web
