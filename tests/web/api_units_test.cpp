// Unit tests of the API's parameter parsing, JSON views and OpenAPI document: no server.
#include <gtest/gtest.h>

#include "web/api_error.hpp"
#include "web/api_openapi.hpp"
#include "web/api_params.hpp"
#include "web/json_view.hpp"

namespace zwgk::web::api {
namespace {

http::Request with_query(std::vector<std::pair<std::string, std::string>> q) {
  http::Request req;
  req.query = std::move(q);
  return req;
}

std::string bad_request_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.code(), "bad_request");
    return e.what();
  }
  ADD_FAILURE() << "no ApiError thrown";
  return "";
}

TEST(ApiParams, ParsesStrictIntegers) {
  EXPECT_EQ(parse_integer("42", 1, 100), 42);
  EXPECT_EQ(parse_integer("007", 1, 100), 7);
  EXPECT_FALSE(parse_integer("", 1, 100));
  EXPECT_FALSE(parse_integer("-1", -5, 100));
  EXPECT_FALSE(parse_integer("+1", 1, 100));
  EXPECT_FALSE(parse_integer(" 1", 1, 100));
  EXPECT_FALSE(parse_integer("1e3", 1, 10000));
  EXPECT_FALSE(parse_integer("0", 1, 100));
  EXPECT_FALSE(parse_integer("101", 1, 100));
  EXPECT_FALSE(parse_integer("99999999999999999999999", 1, INT64_MAX));
  EXPECT_EQ(parse_integer("9223372036854775807", 1, INT64_MAX), INT64_MAX);
  EXPECT_FALSE(parse_integer("9223372036854775808", 1, INT64_MAX));
}

TEST(ApiParams, DefaultsAndEmptyValues) {
  auto req = with_query({{"page", ""}, {"year", ""}});
  EXPECT_EQ(page_param(req), 1);
  EXPECT_EQ(per_page_param(req), 20);
  EXPECT_FALSE(year_param(req));
  EXPECT_FALSE(id_query_param(req, "department"));
}

TEST(ApiParams, BadValuesNameTheParameterInChinese) {
  for (const char* v : {"-1", "abc", "0", "1.5", "2000000"}) {
    auto m = bad_request_message([&] { page_param(with_query({{"page", v}})); });
    EXPECT_NE(m.find("参数 page"), std::string::npos) << v;
  }
  for (const char* v : {"0", "101", "1000", "x"}) {
    auto m = bad_request_message([&] { per_page_param(with_query({{"per_page", v}})); });
    EXPECT_NE(m.find("参数 per_page"), std::string::npos) << v;
  }
  for (const char* v : {"abc", "17", "20170", "-2017"}) {
    auto m = bad_request_message([&] { year_param(with_query({{"year", v}})); });
    EXPECT_NE(m.find("参数 year"), std::string::npos) << v;
  }
  auto m = bad_request_message([&] { id_query_param(with_query({{"department", "x"}}), "department"); });
  EXPECT_NE(m.find("参数 department"), std::string::npos);
  http::Request req;
  req.params["id"] = "abc";
  m = bad_request_message([&] { id_path_param(req, "id"); });
  EXPECT_NE(m.find("参数 id"), std::string::npos);
}

TEST(ApiError, GuardedTurnsExceptionsIntoTheEnvelope) {
  http::Request req;
  req.request_id = "rid-1";
  auto h = guarded([](http::Request&) -> http::Response { throw std::runtime_error("secret detail"); });
  auto res = h(req);
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.content_type, "application/json; charset=utf-8");
  auto j = nlohmann::json::parse(res.body);
  EXPECT_EQ(j["error"]["code"], "internal");
  EXPECT_EQ(j["error"]["request_id"], "rid-1");
  EXPECT_EQ(res.body.find("secret"), std::string::npos);
}

TEST(ApiError, InvalidUtf8IsReplacedNotThrown) {
  EXPECT_EQ(dump_json(Json("a\xFFz")), "\"a\xEF\xBF\xBDz\"");
}

TEST(JsonView, CatalogueTreeNestsChildrenInOrder) {
  domain::Site site;
  site.path_prefix = "/xs";
  std::vector<domain::CatalogueNode> nodes(4);
  nodes[0] = {1, 1, "a", "甲", std::nullopt, 0, "说明", "", ""};
  nodes[1] = {2, 1, "a1", "甲一", 1, 0, "", "", ""};
  nodes[2] = {3, 1, "a2", "甲二", 1, 1, "", "", ""};
  nodes[3] = {4, 1, "b", "乙", std::nullopt, 1, "", "", ""};
  const auto j = catalogue_tree_json(nodes, site, "http://h");
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["code"], "a");
  EXPECT_EQ(j[0]["description"], "说明");
  EXPECT_EQ(j[0]["url"], "http://h/xs/xxgk/a/");
  ASSERT_EQ(j[0]["children"].size(), 2u);
  EXPECT_EQ(j[0]["children"][1]["name"], "甲二");
  EXPECT_TRUE(j[1]["children"].empty());
}

TEST(JsonView, WithdrawnDocumentLosesItsContent) {
  domain::Site site;
  domain::Document d;
  d.id = 5;
  d.state = domain::DocumentState::Withdrawn;
  d.body_html = "<p>正文</p>";
  d.attachments.push_back({1, "附件.pdf", std::string(64, 'a'), "application/pdf", 10, 0});
  DocumentView v;
  v.doc = &d;
  v.site = &site;
  v.detail = true;
  const auto j = document_json(v, "http://h");
  EXPECT_EQ(j["state"], "withdrawn");
  EXPECT_TRUE(j["body_html"].is_null());
  EXPECT_TRUE(j["attachments"].empty());
  v.detail = false;
  EXPECT_FALSE(document_json(v, "http://h").contains("body_html"));
}

TEST(OpenApi, DescribesEveryRoute) {
  const auto doc = openapi_document("http://h");
  EXPECT_EQ(doc["openapi"], "3.0.3");
  EXPECT_EQ(doc["servers"][0]["url"], "http://h");
  for (const char* p : {"/api/v1/sites", "/api/v1/sites/{site}/catalogue", "/api/v1/sites/{site}/documents",
                        "/api/v1/documents/{id}", "/api/v1/openapi.json"}) {
    EXPECT_TRUE(doc["paths"].contains(p)) << p;
  }
  // Every $ref points at something that exists.
  std::function<void(const Json&)> check = [&](const Json& j) {
    if (j.is_object()) {
      for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "$ref") {
          const std::string ref = it.value();
          ASSERT_EQ(ref.rfind("#/", 0), 0u) << ref;
          EXPECT_TRUE(doc.contains(Json::json_pointer(ref.substr(1)))) << ref;
        } else {
          check(it.value());
        }
      }
    } else if (j.is_array()) {
      for (const auto& e : j) check(e);
    }
  };
  check(doc);
}

}  // namespace
}  // namespace zwgk::web::api
