// `zwgk serve` (the real binary) refuses large bodies on the request head: only the console's
// upload routes, for a live session that shows its CSRF token in the head, may send more
// than the small limit — so ten anonymous 60 MiB POSTs to /console/login cost nothing.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "app/run_binary.hpp"
#include "store/account_repository.hpp"
#include "store/site_repository.hpp"
#include "support/test_database.hpp"

namespace zwgk::test {
namespace {

class Socket {
 public:
  explicit Socket(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~Socket() { ::close(fd_); }
  bool connected() const { return connected_; }
  bool send(const std::string& bytes) {
    std::size_t off = 0;
    while (off < bytes.size()) {
      const auto n = ::send(fd_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return false;
      off += static_cast<std::size_t>(n);
    }
    return true;
  }
  // Reads until the response head and its Content-Length body are in (or 5 s pass).
  std::string response() {
    std::string got;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    char buf[8192];
    while (std::chrono::steady_clock::now() < deadline) {
      const auto end = got.find("\r\n\r\n");
      if (end != std::string::npos) {
        const auto cl = got.find("Content-Length: ");
        if (cl != std::string::npos && cl < end &&
            got.size() >= end + 4 + std::stoul(got.substr(cl + 16)))
          return got;
      }
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      const auto n = ::read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      got.append(buf, static_cast<std::size_t>(n));
    }
    return got;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

int status_of(const std::string& response) {
  if (response.size() < 12 || !response.starts_with("HTTP/1.1 ")) return 0;
  return std::stoi(response.substr(9, 3));
}

class ServeLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url = test_database_url();
    ASSERT_EQ(run_zwgk({"migrate", "--database", url}).exit_code, 0);
    auto db = store::Database::open(url, 2);
    domain::Site s;
    s.code = "shaoyang";
    s.name = "邵阳市人民政府";
    const auto site = store::SiteRepository(*db).save(s);
    domain::Account a;
    a.username = "uploader";
    a.display_name = "上传测试";
    a.role = domain::Role::SiteAdmin;
    a.site_id = site.id;
    store::AccountRepository accounts(*db);
    accounts.create(a, "Kq7#mV2x!Lw9vRt");
    auto login = accounts.login("uploader", "Kq7#mV2x!Lw9vRt", "", "127.0.0.1");
    ASSERT_EQ(login.outcome, store::LoginOutcome::Ok) << login.message;
    cookie = login.session->token;
    csrf = login.session->csrf_token;
    server = std::make_unique<ServeProcess>(
        std::vector<std::string>{"serve", "--database", url, "--listen", "127.0.0.1:0", "--threads", "1"});
    ASSERT_FALSE(server->base_url().empty()) << server->output();
    port = server->host_port().second;
  }
  void TearDown() override {
    if (server) server->terminate();
  }

  std::string post_head(const std::string& target, std::size_t length, const std::string& extra = "") const {
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=b\r\n" +
           extra + "Content-Length: " + std::to_string(length) + "\r\n\r\n";
  }

  std::string url, cookie, csrf;
  std::unique_ptr<ServeProcess> server;
  int port = 0;
};

constexpr std::size_t k60MiB = 60u * 1024 * 1024;
constexpr std::size_t k2MiB = 2u * 1024 * 1024;

TEST_F(ServeLimitsTest, AnonymousLargePostsAreRefusedOnTheHeadBeforeAnyBody) {
  for (int i = 0; i < 10; ++i) {
    Socket s(port);
    ASSERT_TRUE(s.connected());
    ASSERT_TRUE(s.send(post_head("/console/login", k60MiB)));  // the body is never sent
    const auto r = s.response();
    EXPECT_EQ(status_of(r), 413) << r.substr(0, 300);
    EXPECT_NE(r.find("请求内容过大"), std::string::npos);
  }
  // Upload routes too, without a session: refused with the reason, on the head.
  Socket s(port);
  ASSERT_TRUE(s.send(post_head("/console/documents/1/attachments", k60MiB)));
  const auto r = s.response();
  EXPECT_EQ(status_of(r), 403) << r.substr(0, 300);
  EXPECT_NE(r.find("登录已失效"), std::string::npos);
  // The server is fine.
  Socket h(port);
  ASSERT_TRUE(h.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  EXPECT_EQ(status_of(h.response()), 200);
}

TEST_F(ServeLimitsTest, SignedInUploadNeedsItsCsrfTokenInTheHead) {
  const std::string session = "Cookie: zwgk_session=" + cookie + "\r\n";
  {  // session, no token in the head: refused before the body
    Socket s(port);
    ASSERT_TRUE(s.send(post_head("/console/documents/1/attachments", k2MiB, session)));
    const auto r = s.response();
    EXPECT_EQ(status_of(r), 403) << r.substr(0, 300);
    EXPECT_NE(r.find("安全校验失败"), std::string::npos);
  }
  {  // a wrong token
    Socket s(port);
    ASSERT_TRUE(s.send(post_head("/console/documents/1/attachments?csrf_token=" + std::string(64, '0'), k2MiB, session)));
    EXPECT_EQ(status_of(s.response()), 403);
  }
  {  // session and token (in the URL, as the upload forms send it): the body is read
    Socket s(port);
    ASSERT_TRUE(s.send(post_head("/console/documents/1/attachments?csrf_token=" + csrf, k2MiB, session) +
                       std::string(k2MiB, 'x')));
    const auto r = s.response();
    EXPECT_NE(status_of(r), 413) << r.substr(0, 300);
    EXPECT_NE(status_of(r), 0) << r.substr(0, 300);
    EXPECT_EQ(r.find("上传请求缺少"), std::string::npos) << r.substr(0, 300);
  }
  {  // ... or in the X-CSRF-Token header
    Socket s(port);
    ASSERT_TRUE(s.send(post_head("/console/documents/1/import-docx", k2MiB, session + "X-CSRF-Token: " + csrf + "\r\n") +
                       std::string(k2MiB, 'x')));
    const auto r = s.response();
    EXPECT_NE(status_of(r), 413) << r.substr(0, 300);
    EXPECT_NE(status_of(r), 0);
  }
  {  // a console route that takes no file keeps the small limit, session and token or not
    Socket s(port);
    ASSERT_TRUE(s.send(post_head("/console/documents/1/edit?csrf_token=" + csrf, k2MiB, session)));
    EXPECT_EQ(status_of(s.response()), 413);
  }
}

}  // namespace
}  // namespace zwgk::test
