// The link crawler against real servers on loopback: a "site" on 127.0.0.1 and an "elsewhere"
// on 127.0.0.2 (its off-domain redirect points at 127.0.0.3, where nothing is fetched), plus a
// bound port that does not listen. Nothing leaves the machine.
#include "modules/zcjc/service/link_crawler.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <gtest/gtest.h>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "http/test_server.hpp"

namespace zwgk::modules::zcjc {
namespace {

using http::Request;
using http::Response;

// A port on 127.0.0.1 that is bound but never listens: connecting to it is refused, and no other
// process can take it while the test runs.
struct RefusingPort {
  int fd = -1;
  std::uint16_t port = 0;
  RefusingPort() {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
      throw std::runtime_error("cannot bind a loopback port");
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    port = ntohs(address.sin_port);
  }
  ~RefusingPort() {
    if (fd >= 0) ::close(fd);
  }
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;
};

Response typed(std::string body, std::string content_type, int status = 200) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

const LinkCheck* find(const CrawlResult& result, const std::string& url) {
  for (const auto& link : result.links)
    if (link.url == url) return &link;
  return nullptr;
}

const CrawledPage* find_page(const CrawlResult& result, const std::string& url) {
  for (const auto& page : result.pages)
    if (page.url == url) return &page;
  return nullptr;
}

class LinkCrawlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    start_elsewhere();
    site.router.get("/xinshao/", [this](Request& r) {
      {
        std::lock_guard lock(mutex);
        user_agents.emplace_back(r.header("user-agent").value_or(""));
      }
      return Response::html(homepage());
    });
    site.router.get("/xinshao/a.html", [](Request&) {
      return Response::html(
          "<html><head><title>关于开展自查的通知</title>"
          "<meta name=\"ArticleTitle\" content=\"关于开展自查的通知\">"
          "<meta name=\"PubDate\" content=\"2026-05-01 10:00\">"
          "<meta name=\"ContentSource\" content=\"县政府办\">"
          "<base href=\"/xinshao/sub/\"></head><body>"
          "<a href=\"d.html\">子页</a> <a href=\"/xinshao/\">首页</a> <a href=\"/files/a.pdf\">附件一</a>"
          "</body></html>");
    });
    site.router.get("/xinshao/sub/d.html", [](Request&) { return Response::html("<title>D</title><p>d</p>"); });
    site.router.get("/xinshao/c.html", [](Request&) { return Response::html("<title>C</title>"); });
    site.router.get("/xinshao/new.html", [](Request&) { return Response::html("<title>新地址</title>"); });
    site.router.get("/xinshao/old", [](Request&) { return Response::redirect("/xinshao/new.html", 301); });
    site.router.get("/xinshao/broken.html", [](Request&) { return Response::html("<p>出错了</p>", 500); });
    site.router.get("/xinshao/head-refused.pdf", [](Request& r) {
      if (r.method == http::Method::Head) return Response::text("HEAD not allowed", 405);
      return typed("%PDF-1.4 refused head", "application/pdf");
    });
    site.router.get("/other/b.html", [](Request&) { return Response::html("<a href=\"never.html\">never</a>"); });
    site.router.get("/other/never.html", [](Request&) { return Response::html("<p>never</p>"); });
    site.router.get("/files/a.pdf", [](Request&) { return typed("%PDF-1.4 a", "application/pdf"); });
    site.router.get("/files/{name}", [](Request& r) {
      if (r.param("name") == "通知 2026.pdf") return typed("%PDF-1.4 notice", "application/pdf");
      return Response::html("<p>没有这个文件</p>", 404);
    });
    site.router.get("/css/site.css", [](Request&) { return typed("body{}", "text/css"); });
    site.router.get("/img/logo.png", [](Request&) { return typed("\x89PNG", "image/png"); });
    site.router.get("/huge/big.html", [](Request&) {
      return Response::html("<title>大</title><a href=\"/huge/deep.html\">深</a>" + std::string(5 << 20, 'x'));
    });
    site.router.get("/huge/deep.html", [](Request&) {
      std::string body = "<title>深</title>";
      for (int k = 0; k < 300000; ++k) body += "<div>";
      return Response::html(body + "<a href=\"/huge/unseen.html\">x</a>");
    });
    site.router.get("/slow", [](Request&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      return Response::html("<p>late</p>");
    });
    site.start();
    base = "http://127.0.0.1:" + std::to_string(site.port);
    home = base + "/xinshao/";
  }

  // 127.0.0.2 where the machine allows it (Linux routes all of 127/8 to loopback); otherwise a
  // second port on 127.0.0.1, which is just as external, and "localhost" as the other host.
  void start_elsewhere() {
    other.router.get("/ok", [](Request&) { return Response::html("<p>ok</p>"); });
    other.router.get("/moved", [this](Request&) {
      return Response::redirect("http://" + redirect_host + ":" + std::to_string(other.port) + "/elsewhere", 302);
    });
    try {
      other.options.address = "127.0.0.2";
      other.start();
      other_host = "127.0.0.2";
      redirect_host = "127.0.0.3";
    } catch (const std::exception&) {
      other.server.reset();  // never ran
      other.options.address = "127.0.0.1";
      other.start();
      other_host = "127.0.0.1";
      redirect_host = "localhost";
    }
    elsewhere = "http://" + other_host + ":" + std::to_string(other.port);
  }

  std::string homepage() const {
    return "<!DOCTYPE html><html><head><title>\n  新邵县人民政府  \n</title>"
           "<meta name=\"SiteName\" content=\"新邵县人民政府\">"
           "<meta name=\"SiteDomain\" content=\"127.0.0.1\">"
           "<meta charset=\"utf-8\">"
           "<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body>"
           "<a href=\"a.html\">政策\n   文件</a>"
           "<a href=\"/xinshao/a.html#top\">再来一次</a>"
           "<a href=\"gone.html\">已删除</a>"
           "<a href=\"broken.html\">出错</a>"
           "<a href=\"/files/a.pdf\">附件一</a>"
           "<a href=\"/files/missing.pdf\"><img src=\"/img/logo.png\" alt=\"缺失的附件\"></a>"
           "<a href=\"/files/通知 2026.pdf\"></a>"
           "<a href=\"/xinshao/head-refused.pdf\">HEAD 不行</a>"
           "<a href=\"mailto:xinshao@example.gov.cn\">信箱</a><a href=\"tel:0739123\">电话</a>"
           "<a href=\"javascript:void(0)\">脚本</a><a href=\"#\">顶部</a><a href=\"\">空</a>"
           "<a href=\"/other/b.html\">前缀以外</a>"
           "<a href=\"http://localhost:" + std::to_string(site.port) + "/xinshao/c.html\">别名</a>"
           "<a href=\"/xinshao/old\">旧地址</a>"
           "<a href=\"" + elsewhere + "/ok\">外部</a>"
           "<a href=\"" + elsewhere + "/moved\">外部跳转</a>"
           "<a href=\"http://127.0.0.1:" + std::to_string(refusing.port) + "/\">无人</a>"
           "</body></html>";
  }

  CrawlOptions options(bool check_external) const {
    CrawlOptions o;
    o.start_url = home;
    o.own_hosts = {"localhost:" + std::to_string(site.port)};
    o.path_prefix = "/xinshao/";
    o.check_external = check_external;
    o.timeout = std::chrono::milliseconds(3000);
    return o;
  }

  RefusingPort refusing;
  test::TestServer other;
  test::TestServer site;
  std::string other_host;
  std::string redirect_host;
  std::string elsewhere;
  std::string base;
  std::string home;
  std::mutex mutex;
  std::vector<std::string> user_agents;
};

TEST_F(LinkCrawlerTest, ChecksEveryInternalLinkAndAttachment) {
  const CrawlResult result = crawl_site(options(false));
  EXPECT_FALSE(result.truncated);
  ASSERT_FALSE(result.links.empty());
  EXPECT_EQ(result.links[0].url, home);
  EXPECT_EQ(result.links[0].status, 200) << result.links[0].error_text;
  EXPECT_EQ(result.links[0].found_on, "");

  auto expect = [&](const std::string& url, int status, bool attachment, const std::string& found_on) {
    SCOPED_TRACE(url);
    const LinkCheck* link = find(result, url);
    ASSERT_NE(link, nullptr);
    EXPECT_EQ(link->status, status);
    EXPECT_EQ(link->error, LinkError::None);
    EXPECT_EQ(link->error_text, "");
    EXPECT_EQ(link->attachment, attachment);
    EXPECT_EQ(link->found_on, found_on);
    EXPECT_FALSE(link->external);
  };
  expect(base + "/xinshao/a.html", 200, false, home);
  expect(base + "/xinshao/gone.html", 404, false, home);
  expect(base + "/xinshao/broken.html", 500, false, home);
  expect(base + "/files/a.pdf", 200, true, home);
  expect(base + "/files/missing.pdf", 404, true, home);
  expect(base + "/files/%E9%80%9A%E7%9F%A5%202026.pdf", 200, true, home);
  expect(base + "/xinshao/head-refused.pdf", 200, true, home);  // HEAD 405, then GET
  expect(base + "/css/site.css", 200, true, home);
  expect(base + "/img/logo.png", 200, true, home);
  expect(base + "/other/b.html", 200, false, home);          // checked, outside the prefix
  expect("http://localhost:" + std::to_string(site.port) + "/xinshao/c.html", 200, false, home);  // own_hosts
  expect(base + "/xinshao/sub/d.html", 200, false, base + "/xinshao/a.html");  // <base href>
  expect(base + "/xinshao/old", 301, false, home);
  expect(base + "/xinshao/new.html", 200, false, base + "/xinshao/old");

  EXPECT_EQ(find(result, base + "/xinshao/a.html")->link_text, "政策 文件");
  EXPECT_EQ(find(result, base + "/files/missing.pdf")->link_text, "缺失的附件");
  EXPECT_EQ(find(result, base + "/files/%E9%80%9A%E7%9F%A5%202026.pdf")->link_text, "通知 2026.pdf");
  EXPECT_EQ(find(result, base + "/img/logo.png")->link_text, "logo.png");
  EXPECT_EQ(find(result, base + "/xinshao/old")->redirected_to, base + "/xinshao/new.html");
  EXPECT_EQ(find(result, base + "/xinshao/a.html")->redirected_to, "");

  // One entry per target, fragments gone; nothing that is not http(s); not beyond the prefix.
  EXPECT_EQ(std::count_if(result.links.begin(), result.links.end(),
                          [&](const LinkCheck& l) { return l.url == base + "/xinshao/a.html"; }),
            1);
  for (const auto& link : result.links) {
    EXPECT_EQ(link.url.find('#'), std::string::npos) << link.url;
    EXPECT_EQ(link.url.rfind("http://", 0), 0u) << link.url;
    EXPECT_FALSE(link.external) << link.url;  // not asked to check them: absent
  }
  EXPECT_EQ(find(result, base + "/other/never.html"), nullptr);
  EXPECT_EQ(find(result, elsewhere + "/ok"), nullptr);
  EXPECT_EQ(find(result, "http://127.0.0.1:" + std::to_string(refusing.port) + "/"), nullptr);

  // Pages: the homepage first, with its <meta> pairs in order; only HTML pages under the prefix.
  ASSERT_FALSE(result.pages.empty());
  EXPECT_EQ(result.pages[0].url, home);
  EXPECT_EQ(result.pages[0].status, 200);
  EXPECT_EQ(result.pages[0].title, "新邵县人民政府");
  using Meta = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(result.pages[0].meta, (Meta{{"SiteName", "新邵县人民政府"}, {"SiteDomain", "127.0.0.1"}}));
  const CrawledPage* article = find_page(result, base + "/xinshao/a.html");
  ASSERT_NE(article, nullptr);
  EXPECT_EQ(article->title, "关于开展自查的通知");
  EXPECT_EQ(article->meta, (Meta{{"ArticleTitle", "关于开展自查的通知"},
                                 {"PubDate", "2026-05-01 10:00"},
                                 {"ContentSource", "县政府办"}}));
  EXPECT_NE(find_page(result, base + "/xinshao/new.html"), nullptr);
  EXPECT_NE(find_page(result, base + "/xinshao/sub/d.html"), nullptr);
  EXPECT_NE(find_page(result, "http://localhost:" + std::to_string(site.port) + "/xinshao/c.html"), nullptr);
  EXPECT_EQ(find_page(result, base + "/other/b.html"), nullptr);
  EXPECT_EQ(find_page(result, base + "/xinshao/gone.html"), nullptr);
  EXPECT_EQ(result.pages.size(), 5u);  // home, a, c, new, d

  std::lock_guard lock(mutex);
  ASSERT_FALSE(user_agents.empty());
  EXPECT_EQ(user_agents[0], "zwgk-inspect/1.0");
}

TEST_F(LinkCrawlerTest, ChecksExternalLinksWhenAskedWithoutFollowingThem) {
  const CrawlResult result = crawl_site(options(true));

  const LinkCheck* ok = find(result, elsewhere + "/ok");
  ASSERT_NE(ok, nullptr);
  EXPECT_TRUE(ok->external);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->error, LinkError::None);
  EXPECT_EQ(ok->found_on, home);
  EXPECT_EQ(ok->link_text, "外部");

  const LinkCheck* moved = find(result, elsewhere + "/moved");
  ASSERT_NE(moved, nullptr);
  EXPECT_TRUE(moved->external);
  EXPECT_EQ(moved->status, 302);
  const std::string target = "http://" + redirect_host + ":" + std::to_string(other.port) + "/elsewhere";
  EXPECT_EQ(moved->redirected_to, target);
  EXPECT_EQ(find(result, target), nullptr);  // off-domain redirect: recorded, not followed

  const LinkCheck* nobody = find(result, "http://127.0.0.1:" + std::to_string(refusing.port) + "/");
  ASSERT_NE(nobody, nullptr);
  EXPECT_TRUE(nobody->external);  // same address, another port
  EXPECT_EQ(nobody->status, 0);
  EXPECT_EQ(nobody->error, LinkError::ConnectFailure);
  EXPECT_FALSE(nobody->error_text.empty());
  EXPECT_EQ(nobody->error_text.find('\n'), std::string::npos);

  // External pages are never parsed, internal results are the same as without them.
  EXPECT_EQ(result.pages.size(), 5u);
  EXPECT_EQ(find(result, base + "/xinshao/gone.html")->status, 404);
}

TEST_F(LinkCrawlerTest, MaxPagesStopsTheWalkButLinksOnTheHomepageAreStillChecked) {
  CrawlOptions o = options(false);
  o.max_pages = 1;
  const CrawlResult result = crawl_site(o);
  EXPECT_TRUE(result.truncated);
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].url, home);
  const LinkCheck* article = find(result, base + "/xinshao/a.html");
  ASSERT_NE(article, nullptr);
  EXPECT_EQ(article->status, 200);  // checked (HEAD), not parsed
  EXPECT_EQ(find(result, base + "/xinshao/sub/d.html"), nullptr);
}

TEST_F(LinkCrawlerTest, MaxLinksStopsAddingTargets) {
  CrawlOptions o = options(false);
  o.max_links = 3;
  const CrawlResult result = crawl_site(o);
  EXPECT_TRUE(result.truncated);
  ASSERT_EQ(result.links.size(), 3u);
  EXPECT_EQ(result.links[0].url, home);
  EXPECT_EQ(result.links[1].url, base + "/css/site.css");  // document order
  EXPECT_EQ(result.links[2].url, base + "/xinshao/a.html");
}

TEST_F(LinkCrawlerTest, DelayAndProgress) {
  CrawlOptions o = options(false);
  o.path_prefix = "/xinshao/sub/";  // the homepage and a few links
  o.delay = std::chrono::milliseconds(40);
  std::vector<std::pair<int, int>> calls;
  o.progress = [&](int checked, int queued) { calls.emplace_back(checked, queued); };
  const auto started = std::chrono::steady_clock::now();
  const CrawlResult result = crawl_site(o);
  const auto elapsed = std::chrono::steady_clock::now() - started;

  ASSERT_EQ(calls.size(), result.links.size());
  EXPECT_EQ(calls.back(), (std::pair<int, int>{static_cast<int>(result.links.size()), 0}));
  EXPECT_EQ(calls.front().first, 1);
  // All but the localhost alias go to 127.0.0.1:port, one after another.
  const auto same_host = static_cast<int>(result.links.size()) - 1;
  EXPECT_GE(elapsed, std::chrono::milliseconds(40) * (same_host - 1));
}

TEST_F(LinkCrawlerTest, SlowAnswerIsATimeout) {
  CrawlOptions o = options(false);
  o.start_url = base + "/slow";
  o.path_prefix = "";
  o.timeout = std::chrono::milliseconds(300);
  const auto started = std::chrono::steady_clock::now();
  const CrawlResult result = crawl_site(o);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(1200));
  ASSERT_EQ(result.links.size(), 1u);
  EXPECT_EQ(result.links[0].error, LinkError::Timeout);
  EXPECT_EQ(result.links[0].status, 0);
  EXPECT_FALSE(result.links[0].error_text.empty());
  EXPECT_TRUE(result.pages.empty());
}

TEST_F(LinkCrawlerTest, HugeAndDeepPagesAreCutNotFatal) {
  CrawlOptions o = options(false);
  o.start_url = base + "/huge/big.html";
  o.path_prefix = "/huge/";
  const CrawlResult result = crawl_site(o);
  ASSERT_EQ(result.links.size(), 2u);
  EXPECT_EQ(result.links[0].status, 200);
  EXPECT_EQ(result.links[0].error, LinkError::None);  // cut at 4 MiB, parsed as far as it went
  ASSERT_EQ(result.pages.size(), 2u);
  EXPECT_EQ(result.pages[0].title, "大");
  EXPECT_EQ(result.links[1].url, base + "/huge/deep.html");
  EXPECT_EQ(result.links[1].status, 200);
  EXPECT_EQ(result.pages[1].title, "");  // too deep to hand to the parser: recorded, not read
}

TEST(LinkCrawler, StartUrlMustBeHttp) {
  CrawlOptions o;
  for (const char* bad : {"ftp://example.gov.cn/", "mailto:a@example.gov.cn", "/xinshao/", "not a url", ""}) {
    o.start_url = bad;
    EXPECT_THROW(crawl_site(o), std::invalid_argument) << bad;
  }
}

TEST(LinkCrawler, UrlHost) {
  EXPECT_EQ(url_host("http://WWW.Example.gov.cn:8080/a"), "example.gov.cn");
  EXPECT_EQ(url_host("https://xinshao.gov.cn/"), "xinshao.gov.cn");
  EXPECT_EQ(url_host("http://www2.example.gov.cn"), "www2.example.gov.cn");
  EXPECT_EQ(url_host("/relative/path"), "");
  EXPECT_EQ(url_host(""), "");
}

}  // namespace
}  // namespace zwgk::modules::zcjc
