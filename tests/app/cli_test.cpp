// The real binary, run as a user runs it: help, bad flags, bad databases, configuration
// precedence, and `serve` answering over a socket until SIGTERM.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "app/run_binary.hpp"
#include "support/test_database.hpp"

namespace {

using zwgk::test::lines_of;
using zwgk::test::run_zwgk;
using zwgk::test::RunResult;
using zwgk::test::ServeProcess;
namespace fs = std::filesystem;

// A failure a user sees: exactly one line on stderr, never a crash or an exception dump.
void expect_one_line_failure(const RunResult& r) {
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(r.signal, 0) << "killed by a signal";
  const auto lines = lines_of(r.err);
  EXPECT_EQ(lines.size(), 1u) << r.err;
  EXPECT_TRUE(r.err.starts_with("zwgk: ")) << r.err;
  EXPECT_EQ(r.err.find("terminate"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("what()"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Aborted"), std::string::npos) << r.err;
}

fs::path temp_dir() {
  std::string tmpl = (fs::temp_directory_path() / "zwgk-cli-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp");
  return tmpl;
}

TEST(Cli, HelpListsTheSubcommands) {
  const auto r = run_zwgk({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub : {"serve", "migrate", "demo", "import", "export", "--config"})
    EXPECT_NE(r.out.find(sub), std::string::npos) << sub;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(Cli, EverySubcommandHasHelpAndADatabaseFlag) {
  for (const char* sub : {"serve", "migrate", "demo", "import", "export"}) {
    const auto r = run_zwgk({sub, "--help"});
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_NE(r.out.find("--database"), std::string::npos) << sub << ": " << r.out;
  }
  const auto serve = run_zwgk({"serve", "--help"});
  for (const char* flag : {"--listen", "--threads", "--no-cache"})
    EXPECT_NE(serve.out.find(flag), std::string::npos) << flag;
  EXPECT_NE(run_zwgk({"export", "--help"}).out.find("--output"), std::string::npos);
}

TEST(Cli, WrongFlagIsOneLineOnStderr) {
  const auto r = run_zwgk({"serve", "--bogus"});
  expect_one_line_failure(r);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--bogus"), std::string::npos) << r.err;

  const auto top = run_zwgk({"--bogus"});
  expect_one_line_failure(top);
  EXPECT_NE(top.err.find("--bogus"), std::string::npos) << top.err;

  expect_one_line_failure(run_zwgk({}));                                 // no subcommand
  expect_one_line_failure(run_zwgk({"serve", "--threads", "many"}));     // not a number
  expect_one_line_failure(run_zwgk({"import"}));                         // FILE missing
}

TEST(Cli, UnopenableDatabaseIsOneLine) {
  const auto r = run_zwgk({"migrate", "--database", "sqlite:/nonexistent/zwgk-test/x.db"});
  expect_one_line_failure(r);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("无法打开数据库"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/nonexistent/zwgk-test/x.db"), std::string::npos) << r.err;

  expect_one_line_failure(run_zwgk({"serve", "--database", "sqlite:/nonexistent/zwgk-test/x.db", "--listen",
                                    "127.0.0.1:0"}));
  expect_one_line_failure(run_zwgk({"migrate", "--database", "mysql://nobody@127.0.0.1/x"}));
  // A PostgreSQL server that is not there.
  expect_one_line_failure(run_zwgk({"migrate", "--database", "postgresql://nobody@127.0.0.1:1/none"}));
}

TEST(Cli, BadListenAddressIsOneLine) {
  const auto url = test_database_url();
  for (const char* listen : {"nonsense", "127.0.0.1:99999", "127.0.0.1:", ":8080"}) {
    const auto r = run_zwgk({"serve", "--database", url, "--listen", listen});
    expect_one_line_failure(r);
    EXPECT_EQ(r.exit_code, 2) << listen;
    EXPECT_NE(r.err.find("监听地址无效"), std::string::npos) << r.err;
  }
}

TEST(Cli, MigrateSaysHowManyMigrationsItApplied) {
  const auto url = test_database_url();
  const auto first = run_zwgk({"migrate", "--database", url});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("已应用"), std::string::npos) << first.out;
  EXPECT_EQ(first.out.find("已应用 0 个"), std::string::npos) << first.out;
  const auto again = run_zwgk({"migrate", "--database", url});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("已应用 0 个"), std::string::npos) << again.out;
}

// defaults < zwgk.toml < ZWGK_* < flags, seen through the error naming the database.
TEST(Cli, ConfigurationPrecedence) {
  const auto dir = temp_dir();
  std::ofstream(dir / "zwgk.toml") << "database = \"sqlite:/nonexistent/from-toml.db\"\n";
  const auto from_file = run_zwgk({"migrate"}, {}, dir.string());
  expect_one_line_failure(from_file);
  EXPECT_NE(from_file.err.find("from-toml.db"), std::string::npos) << from_file.err;

  const auto from_env = run_zwgk({"migrate"}, {"ZWGK_DATABASE=sqlite:/nonexistent/from-env.db"}, dir.string());
  EXPECT_NE(from_env.err.find("from-env.db"), std::string::npos) << from_env.err;

  const auto from_flag = run_zwgk({"migrate", "--database", "sqlite:/nonexistent/from-flag.db"},
                                  {"ZWGK_DATABASE=sqlite:/nonexistent/from-env.db"}, dir.string());
  EXPECT_NE(from_flag.err.find("from-flag.db"), std::string::npos) << from_flag.err;

  std::ofstream(dir / "other.toml") << "database = \"sqlite:/nonexistent/from-config-flag.db\"\n";
  const auto explicit_file = run_zwgk({"--config", (dir / "other.toml").string(), "migrate"}, {}, dir.string());
  EXPECT_NE(explicit_file.err.find("from-config-flag.db"), std::string::npos) << explicit_file.err;

  expect_one_line_failure(run_zwgk({"--config", (dir / "missing.toml").string(), "migrate"}));
  std::ofstream(dir / "bad.toml") << "databse = \"typo\"\n";
  const auto typo = run_zwgk({"--config", (dir / "bad.toml").string(), "migrate"});
  expect_one_line_failure(typo);
  EXPECT_NE(typo.err.find("databse"), std::string::npos) << typo.err;
  fs::remove_all(dir);
}

TEST(Cli, ImportReportsBadLinesAndExitsZero) {
  const auto dir = temp_dir();
  const auto url = test_database_url();
  ASSERT_EQ(run_zwgk({"demo", "--database", url, "--per-column", "0"}).exit_code, 0);
  std::ofstream(dir / "in.jsonl")
      << R"({"external_id":"cli-1","site":"shaoyang","title":"测试文件","catalogue":"ghjh","department":"邵阳市人民政府办公室","published_on":"2024-01-02","disclosure":"主动公开"})"
      << "\n{not json\n";
  const auto r = run_zwgk({"import", "--database", url, "--no-progress", (dir / "in.jsonl").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("新增 1, 更新 0, 未变 0, 错误 1"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("第 2 行: JSON 格式错误"), std::string::npos) << r.err;

  const auto missing = run_zwgk({"import", "--database", url, (dir / "absent.jsonl").string()});
  expect_one_line_failure(missing);
  fs::remove_all(dir);
}

std::string http_get(const std::string& host, int port, const std::string& path) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return "";
  }
  const std::string req = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
  (void)!::write(fd, req.data(), req.size());
  std::string resp;
  char buf[8192];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) resp.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  return resp;
}

TEST(Cli, ServeAnswersAndStopsOnSigterm) {
  const auto url = test_database_url();
  const auto demo = run_zwgk({"demo", "--database", url, "--per-column", "1"});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  EXPECT_NE(demo.out.find("种子文件"), std::string::npos) << demo.out;

  ServeProcess server({"serve", "--database", url, "--listen", "127.0.0.1:0", "--threads", "1"});
  ASSERT_FALSE(server.base_url().empty()) << server.output();
  EXPECT_TRUE(server.base_url().starts_with("http://127.0.0.1:")) << server.base_url();
  const auto [host, port] = server.host_port();
  EXPECT_GT(port, 0);

  const auto resp = http_get(host, port, "/");
  EXPECT_TRUE(resp.starts_with("HTTP/1.1 200")) << resp.substr(0, 200);
  EXPECT_NE(resp.find("邵阳市人民政府"), std::string::npos);

  const auto r = server.terminate();
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Cli, ServeWithoutCacheStillServes) {
  const auto url = test_database_url();
  ASSERT_EQ(run_zwgk({"demo", "--database", url, "--per-column", "0"}).exit_code, 0);
  ServeProcess server({"serve", "--database", url, "--listen", "127.0.0.1:0", "--threads", "1", "--no-cache"});
  ASSERT_FALSE(server.base_url().empty()) << server.output();
  const auto [host, port] = server.host_port();
  EXPECT_TRUE(http_get(host, port, "/").starts_with("HTTP/1.1 200"));
  EXPECT_TRUE(http_get(host, port, "/").starts_with("HTTP/1.1 200"));
  EXPECT_EQ(server.terminate().exit_code, 0);
}

// `zwgk import` in another process (or another app node) writes: the running server's
// cached pages must follow within a second or two, on SQLite (change_events) and
// PostgreSQL (NOTIFY) alike.
TEST(Cli, AnImportBesideARunningServerReachesItsCachedPages) {
  const auto url = test_database_url();
  ASSERT_EQ(run_zwgk({"demo", "--database", url, "--per-column", "0"}).exit_code, 0);
  ServeProcess server({"serve", "--database", url, "--listen", "127.0.0.1:0", "--threads", "1"});
  ASSERT_FALSE(server.base_url().empty()) << server.output();
  const auto [host, port] = server.host_port();
  const std::string title = "关于进程间缓存失效测试的通知";
  const auto before = http_get(host, port, "/xxgk/tzgg/");
  ASSERT_TRUE(before.starts_with("HTTP/1.1 200")) << before.substr(0, 200);
  ASSERT_EQ(before.find(title), std::string::npos);
  http_get(host, port, "/xxgk/tzgg/");
  const auto metrics = http_get(host, port, "/metrics");
  EXPECT_EQ(metrics.find("zwgk_page_cache_hits_total 0\n"), std::string::npos) << "the listing came from the cache";
  EXPECT_NE(metrics.find("zwgk_page_cache_hits_total "), std::string::npos);

  const auto dir = temp_dir();
  {
    std::ofstream f(dir / "one.jsonl");
    f << R"({"external_id":"ipc-1","site":"shaoyang","catalogue":"tzgg","department":"邵阳市人民政府办公室","title":")"
      << title << R"(","published_on":"2026-11-20","disclosure":"主动公开","body_text":"正文"})" << "\n";
  }
  const auto imported = run_zwgk({"import", "--database", url, "--no-progress", (dir / "one.jsonl").string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  ASSERT_NE(imported.out.find("新增 1"), std::string::npos) << imported.out;

  bool seen = false;
  for (int i = 0; i < 50 && !seen; ++i) {
    seen = http_get(host, port, "/xxgk/tzgg/").find(title) != std::string::npos;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(seen) << "the server kept serving the stale listing after another process's import";
  EXPECT_EQ(server.terminate().exit_code, 0);
  fs::remove_all(dir);
}

TEST(Cli, AnOperatorAddsRenamesAndMovesCatalogueNodesWhileCodesStay) {
  const auto url = test_database_url();
  ASSERT_EQ(run_zwgk({"demo", "--database", url, "--per-column", "0"}).exit_code, 0);
  auto add = run_zwgk({"catalogue", "add", "--database", url, "--code", "gsgg", "--name", "公示公告", "--parent",
                       "fdzdgknr", "--position", "0"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  auto ren = run_zwgk({"catalogue", "rename", "--database", url, "--code", "gsgg", "--name", "公示公开"});
  ASSERT_EQ(ren.exit_code, 0) << ren.err;
  auto mv = run_zwgk({"catalogue", "move", "--database", url, "--code", "gsgg", "--position", "1"});
  ASSERT_EQ(mv.exit_code, 0) << mv.err;
  const auto list = run_zwgk({"catalogue", "list", "--database", url});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto lines = lines_of(list.out);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[2], "gsgg  公示公开") << list.out;  // second at the top level, renamed, same code
  EXPECT_EQ(list.out.find("公示公告"), std::string::npos);

  // Bad requests: one line each, nothing changed.
  expect_one_line_failure(run_zwgk({"catalogue", "add", "--database", url, "--code", "Bad Code", "--name", "x"}));
  expect_one_line_failure(run_zwgk({"catalogue", "add", "--database", url, "--code", "ghjh", "--name", "重复"}));
  expect_one_line_failure(run_zwgk({"catalogue", "rename", "--database", url, "--code", "nope", "--name", "x"}));
  expect_one_line_failure(
      run_zwgk({"catalogue", "move", "--database", url, "--code", "fdzdgknr", "--parent", "ghjh", "--position", "0"}));
  expect_one_line_failure(run_zwgk({"catalogue", "list", "--database", url, "--site", "nosite"}));
  const auto missing = run_zwgk({"catalogue"});
  expect_one_line_failure(missing);
  EXPECT_NE(missing.err.find("list、add、rename、move"), std::string::npos) << missing.err;
  EXPECT_EQ(run_zwgk({"catalogue", "list", "--database", url}).out, list.out);
}

TEST(Cli, ListenOnAPortInUseIsOneLine) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const auto port = ntohs(addr.sin_port);
  const auto url = test_database_url();
  const auto r = run_zwgk({"serve", "--database", url, "--listen", "127.0.0.1:" + std::to_string(port)});
  ::close(fd);
  expect_one_line_failure(r);
  EXPECT_EQ(r.exit_code, 1);
}

}  // namespace
