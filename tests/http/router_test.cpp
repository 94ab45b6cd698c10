// Router on its own: which handler a path reaches, and with which parameters.
#include <gtest/gtest.h>

#include "http/router.hpp"

namespace zwgk::test {
namespace {

using http::Method;
using http::Request;
using http::Response;
using http::Router;

Request make(Method m, std::string path) {
  Request r;
  r.method = m;
  r.path = path;
  r.target = path;
  r.request_id = "test-1";
  return r;
}

Response says(std::string what) {
  return Response::text(std::move(what));
}

TEST(Router, LiteralSegmentsWinOverParameters) {
  Router router;
  router.get("/docs/{id}", [](Request& r) { return says("doc " + r.param("id")); });
  router.get("/docs/new", [](Request&) { return says("new form"); });
  router.get("/{site}/docs/{id}", [](Request& r) { return says("site " + r.param("site")); });
  auto a = make(Method::Get, "/docs/new");
  EXPECT_EQ(router.dispatch(a).body, "new form");
  auto b = make(Method::Get, "/docs/42");
  EXPECT_EQ(router.dispatch(b).body, "doc 42");
  auto c = make(Method::Get, "/city/docs/7");
  EXPECT_EQ(router.dispatch(c).body, "site city");
}

TEST(Router, TailParameterTakesTheRestOfThePath) {
  Router router;
  router.get("/static/{path*}", [](Request& r) { return says(r.param("path")); });
  router.get("/static/{name}", [](Request& r) { return says("one " + r.param("name")); });
  auto a = make(Method::Get, "/static/css/site.css");
  EXPECT_EQ(router.dispatch(a).body, "css/site.css");
  auto b = make(Method::Get, "/static/x.css");
  EXPECT_EQ(router.dispatch(b).body, "one x.css");  // a {name} is more specific than {path*}
}

TEST(Router, ParametersMustNotBeEmptyAndPathsMatchWhole) {
  Router router;
  router.get("/docs/{id}", [](Request&) { return says("doc"); });
  auto a = make(Method::Get, "/docs/");
  EXPECT_EQ(router.dispatch(a).status, 404);
  auto b = make(Method::Get, "/docs/1/extra");
  EXPECT_EQ(router.dispatch(b).status, 404);
}

TEST(Router, HeadFallsBackToGetAndOtherMethodsGet405) {
  Router router;
  router.get("/page", [](Request&) { return says("page"); });
  router.post("/page", [](Request&) { return says("posted"); });
  auto head = make(Method::Head, "/page");
  EXPECT_EQ(router.dispatch(head).body, "page");
  auto put = make(Method::Put, "/page");
  auto r = router.dispatch(put);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("Allow"), "GET, HEAD, POST");
}

TEST(Router, NotFoundHandlerGets404) {
  Router router;
  auto r0 = make(Method::Get, "/nothing");
  EXPECT_EQ(router.dispatch(r0).status, 404);  // the default page
  router.set_not_found([](Request& r) { return Response::html("<p>无此页面 " + r.path + "</p>"); });
  auto r1 = make(Method::Get, "/nothing");
  auto resp = router.dispatch(r1);
  EXPECT_EQ(resp.status, 404);
  EXPECT_EQ(resp.body, "<p>无此页面 /nothing</p>");
}

TEST(Router, ThrowingHandlerGivesTheErrorPageWithTheRequestId) {
  Router router;
  router.get("/boom", [](Request&) -> Response { throw std::logic_error("internal detail"); });
  auto r = make(Method::Get, "/boom");
  auto resp = router.dispatch(r);
  EXPECT_EQ(resp.status, 500);
  EXPECT_NE(resp.body.find("test-1"), std::string::npos);
  EXPECT_EQ(resp.body.find("internal detail"), std::string::npos);
}

TEST(Router, BadPatternsAreRejectedAtRegistration) {
  Router router;
  EXPECT_THROW(router.get("docs", [](Request&) { return says(""); }), std::invalid_argument);
  EXPECT_THROW(router.get("/{rest*}/more", [](Request&) { return says(""); }), std::invalid_argument);
}

}  // namespace
}  // namespace zwgk::test
