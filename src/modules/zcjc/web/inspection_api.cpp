// See inspection_api.hpp.
#include "modules/zcjc/web/inspection_api.hpp"

#include "modules/zcjc/store/inspection_repository.hpp"
#include "store/site_repository.hpp"
#include "web/api_error.hpp"

namespace zwgk::web {

namespace {

api::Json summary_json(const domain::Site& site, const store::InspectionRun& run) {
  return {{"site", site.code},
          {"name", site.name},
          {"day", run.run_on.iso()},
          {"ran_at", run.ran_at},
          {"level", domain::to_code(run.level)},
          {"level_label", domain::to_label(run.level)},
          {"vetoes", run.vetoes},
          {"warnings", run.warnings}};
}

}  // namespace

void register_inspection_api(http::Router& router, store::Database& db) {
  router.get("/api/v1/inspection/sites", api::guarded([&db](http::Request&) {
    api::Json sites = api::Json::array();
    store::InspectionRepository repo(db);
    for (const auto& site : store::SiteRepository(db).all()) {
      auto run = repo.latest_run(site.id);
      if (run)
        sites.push_back(summary_json(site, *run));
      else
        sites.push_back({{"site", site.code}, {"name", site.name}, {"level", nullptr}});
    }
    auto resp = api::json_response({{"sites", sites}});
    resp.set_header("Cache-Control", "no-cache");
    return resp;
  }));
  router.get("/api/v1/inspection/sites/{code}", api::guarded([&db](http::Request& req) {
    auto site = store::SiteRepository(db).by_code(std::string(req.param("code")));
    if (!site) throw api::not_found("没有这个网站");
    store::InspectionRepository repo(db);
    std::optional<store::InspectionRun> run;
    if (auto day = req.query_param("day"); day && !day->empty()) {
      auto d = domain::Date::parse(*day);
      if (!d) throw api::bad_request("参数 day 应为 YYYY-MM-DD 格式的日期");
      run = repo.run_on(site->id, *d);
    } else {
      run = repo.latest_run(site->id);
    }
    if (!run) throw api::not_found("这个网站在这一天没有自查结果");
    api::Json out = summary_json(*site, *run);
    out["checks"] = api::Json::parse(run->results, nullptr, false);  // stored by report_json.hpp
    if (!out["checks"].is_array()) out["checks"] = api::Json::array();
    auto resp = api::json_response(out);
    resp.set_header("Cache-Control", "no-cache");
    return resp;
  }));
}

const char* inspection_api_description() {
  return R"json({
  "paths": {
    "/api/v1/inspection/sites": {
      "get": {
        "summary": "自查监测：各网站最近一次自查的结论（正常 / 预警 / 单项否决）",
        "responses": {
          "200": {"description": "各网站", "content": {"application/json": {"schema": {"type": "object"}}}}
        }
      }
    },
    "/api/v1/inspection/sites/{code}": {
      "get": {
        "summary": "自查监测：一个网站最近一次（或某一天）的全部检查项及证据",
        "parameters": [
          {"name": "code", "in": "path", "required": true, "schema": {"type": "string", "example": "shaoyang"}},
          {"name": "day", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}}
        ],
        "responses": {
          "200": {"description": "自查结果", "content": {"application/json": {"schema": {"type": "object"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    }
  }
})json";
}

}  // namespace zwgk::web
