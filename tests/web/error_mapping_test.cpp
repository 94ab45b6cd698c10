// The one DomainError -> HTTP mapping (web/error_mapping.hpp, ADR 0020) at the public site
// and the JSON API, over a real socket: a use case's refusal is its 400/403/404/409 with the
// Chinese message (the API in its JSON envelope), never a 500.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/errors.hpp"
#include "ingest/ingest_error.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "web/api_error.hpp"
#include "web/error_mapping.hpp"
#include "web/site_fixture.hpp"

using namespace zwgk;
using namespace zwgk::test;

namespace {

// What a handler's use case may throw, by name.
[[noreturn]] void throw_named(std::string_view kind) {
  if (kind == "invalid") throw domain::ValidationError({"请填写标题", "请选择公开目录"});
  if (kind == "forbidden") throw domain::Forbidden("审查员不能批准自己的文件");
  if (kind == "not-found") throw domain::NotFound("您要找的申请不存在。");
  if (kind == "conflict") throw domain::Conflict("答复期限只能延长一次");
  if (kind == "wrong-stage")
    throw store::WorkflowRefused(store::WorkflowRefused::Kind::WrongStage, "文件当前状态为“草稿”，不能发布");
  if (kind == "ingest") throw ingest::IngestError("上传的文件不是 Word 文档（.docx）");
  if (kind == "store-not-found") throw store::NotFound("文件不存在: 42");
  throw std::runtime_error("unexpected");
}

class PublicErrorMappingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A site section whose handler calls a use case that refuses (before any request).
    s.app->add_section("refusing", [](web::PageContext&, const std::vector<std::string_view>& seg)
                                       -> std::optional<http::Response> {
      throw_named(seg.size() > 1 ? seg[1] : "");
    });
  }
  SiteServer s;
};

TEST_F(PublicErrorMappingTest, APublicPageAnswersADomainErrorWithItsStatusAndChineseMessage) {
  struct Case {
    const char* kind;
    int status;
    const char* message;
  };
  for (const Case& c : {Case{"invalid", 400, "请填写标题；请选择公开目录"}, Case{"forbidden", 403, "审查员不能批准自己的文件"},
                        Case{"not-found", 404, "您要找的申请不存在。"}, Case{"conflict", 409, "答复期限只能延长一次"},
                        Case{"wrong-stage", 409, "不能发布"}, Case{"ingest", 400, "不是 Word 文档"}}) {
    auto r = s.get(std::string("/refusing/") + c.kind);
    EXPECT_EQ(r.status, c.status) << c.kind;
    EXPECT_NE(r.body.find(c.message), std::string::npos) << c.kind << ": " << r.body.substr(0, 400);
    EXPECT_NE(r.header("content-type").value_or("").find("text/html"), std::string::npos) << c.kind;
    EXPECT_EQ(r.header("cache-control").value_or(""), "no-store") << c.kind;
  }
  // store::NotFound: the site's 404 page, not the store's wording.
  auto r = s.get("/refusing/store-not-found");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("您访问的页面不存在或已被删除。"), std::string::npos);
  EXPECT_EQ(r.body.find("文件不存在: 42"), std::string::npos);
  // Anything else stays a 500 that shows only the request id.
  auto fault = s.get("/refusing/other");
  EXPECT_EQ(fault.status, 500);
  EXPECT_EQ(fault.body.find("unexpected"), std::string::npos);
}

TEST_F(PublicErrorMappingTest, ARealPublicPageAnswersBadInputWith400) {
  auto r = s.get("/xxgk/ghjh/?page=abc");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("参数 page 必须是正整数"), std::string::npos);
  EXPECT_EQ(s.get("/department/999999/").status, 404);
}

// The API's guarded() over a real socket: the same refusals as the JSON envelope.
class ApiErrorMappingTest : public ::testing::Test {
 protected:
  ApiErrorMappingTest() : cache(1u << 20) {
    router.get("/api/v1/refusing/{kind}", web::api::guarded([](http::Request& req) -> http::Response {
                 throw_named(req.param("kind"));
               }));
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.threads = 1;
    server = std::make_unique<http::Server>(options, router, cache, metrics);
    port = server->start();
    thread = std::thread([this] { server->run(); });
  }
  ~ApiErrorMappingTest() override {
    server->stop();
    if (thread.joinable()) thread.join();
  }
  http::PageCache cache;
  http::Metrics metrics;
  http::Router router;
  std::unique_ptr<http::Server> server;
  std::uint16_t port = 0;
  std::thread thread;
};

TEST_F(ApiErrorMappingTest, AnApiRouteAnswersADomainErrorInTheJsonEnvelope) {
  struct Case {
    const char* kind;
    int status;
    const char* code;
    const char* message;
  };
  for (const Case& c : {Case{"invalid", 400, "bad_request", "请填写标题；请选择公开目录"},
                        Case{"forbidden", 403, "forbidden", "审查员不能批准自己的文件"},
                        Case{"not-found", 404, "not_found", "您要找的申请不存在。"},
                        Case{"conflict", 409, "conflict", "答复期限只能延长一次"},
                        Case{"wrong-stage", 409, "conflict", "文件当前状态为“草稿”，不能发布"},
                        Case{"ingest", 400, "bad_request", "上传的文件不是 Word 文档（.docx）"},
                        Case{"store-not-found", 404, "not_found", web::kRecordNotFound}}) {
    auto r = http_get(port, std::string("/api/v1/refusing/") + c.kind);
    EXPECT_EQ(r.status, c.status) << c.kind;
    EXPECT_EQ(r.header("content-type").value_or(""), "application/json; charset=utf-8") << c.kind;
    EXPECT_EQ(r.header("cache-control").value_or(""), "no-store") << c.kind;
    auto j = nlohmann::json::parse(r.body);
    EXPECT_EQ(j["error"]["code"], c.code) << c.kind;
    EXPECT_EQ(j["error"]["message"], c.message) << c.kind;
    EXPECT_TRUE(j["error"]["request_id"].is_string()) << c.kind;
  }
  auto fault = http_get(port, "/api/v1/refusing/other");
  EXPECT_EQ(fault.status, 500);
  EXPECT_EQ(nlohmann::json::parse(fault.body)["error"]["code"], "internal");
}

TEST(ErrorMapping, OneStatusPerKind) {
  EXPECT_EQ(web::status_for(domain::ErrorKind::Invalid), 400);
  EXPECT_EQ(web::status_for(domain::ErrorKind::Forbidden), 403);
  EXPECT_EQ(web::status_for(domain::ErrorKind::NotFound), 404);
  EXPECT_EQ(web::status_for(domain::ErrorKind::Conflict), 409);
  // The existing error types are of the family, with the kind the mapping needs.
  EXPECT_EQ(store::WorkflowRefused(store::WorkflowRefused::Kind::Forbidden, "x").domain::DomainError::kind(),
            domain::ErrorKind::Forbidden);
  EXPECT_EQ(store::WorkflowRefused(store::WorkflowRefused::Kind::Blocked, "x").domain::DomainError::kind(),
            domain::ErrorKind::Conflict);
  EXPECT_EQ(store::RevisionConflict(1, 2, {}).domain::DomainError::kind(), domain::ErrorKind::Conflict);
  EXPECT_NE(std::string(store::RevisionConflict(1, 2, {}).what()).find("请重新打开文件查看最新内容后再操作。"),
            std::string::npos);
  EXPECT_EQ(ingest::IngestError("x").kind(), domain::ErrorKind::Invalid);
  EXPECT_EQ(web::api::bad_request("x").status(), 400);
}

}  // namespace
